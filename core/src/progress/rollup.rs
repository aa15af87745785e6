//! Progress roll-up: statuses from a progress report rolled up from actions to
//! strategic actions, priorities and outcomes; the summary a board paper
//! prints; a series over several reports; what changed between two; and
//! statuses gone stale.
//!
//! # The rule
//!
//! Progress reports rate *strategic actions* (the rows of a board paper), so the
//! strategic action is the unit every count below is made of.
//!
//! 1. An action's status is its own `status` attribute.
//! 2. A strategic action's status is the one the report gives it (its `status`
//!    attribute, set by [`ProgressReport::apply_to`]); if it has none, the
//!    *worst* status of its actions; if they have none either, it is unrated.
//! 3. A priority's status is the worst status of its strategic actions; an
//!    outcome's, the worst of the strategic actions that count for it (the
//!    strategic action, a node containing it, or one of its actions
//!    `contributes_to` the outcome). Each row also counts those strategic
//!    actions by status, so the spread is never hidden behind the worst.
//!
//! From best to worst: delivered, on track, not started, at risk, missed
//! delivery date (no risk), off track, delivery date missed (with risk). See
//! [`severity`].
//!
//! # Percentages that add up
//!
//! Percentages are whole numbers by the largest-remainder method (see
//! [`largest_remainder`]): each share is rounded down, and the points left are
//! given to the largest remainders, so they always add up to 100.
//! "25 (73%) on track, 7 (21%) at risk, 2 (6%) off track" is 34 strategic
//! actions: 73.5, 20.6 and 5.9 round down to 73, 20 and 5, and the two points
//! left go to 5.9 and 20.6.

use serde::Serialize;

use crate::analysis::table::{row, table};
use crate::model::{AttrValue, Date, NodeId, NodeKind, Strategy};
use crate::progress::{ProgressReport, Status};
use crate::rules::PlanIndex;

/// How bad a status is: 0 (delivered) to 6 (delivery date missed with risk).
///
/// ```
/// use stratagraph::progress::rollup::severity;
/// use stratagraph::progress::Status;
/// assert!(severity(Status::OffTrack) > severity(Status::AtRisk));
/// assert_eq!(severity(Status::Delivered), 0);
/// ```
pub fn severity(status: Status) -> u8 {
    match status {
        Status::Delivered => 0,
        Status::OnTrack => 1,
        Status::NotStarted => 2,
        Status::AtRisk => 3,
        Status::MissedNoRisk => 4,
        Status::OffTrack => 5,
        Status::MissedWithRisk => 6,
    }
}

/// The worst of some statuses (see [`severity`]).
fn worst(statuses: impl IntoIterator<Item = Status>) -> Option<Status> {
    statuses.into_iter().max_by_key(|&s| severity(s))
}

/// Whole-number shares of `total` in proportion to `counts`, adding up to
/// exactly `total` (the largest-remainder, or Hamilton, method). Remainders
/// are compared exactly; ties go to the larger count, then the earlier
/// position. All zero counts give all zeros.
///
/// ```
/// use stratagraph::progress::rollup::largest_remainder;
/// assert_eq!(largest_remainder(&[25, 7, 2], 100), [73, 21, 6]);
/// assert_eq!(largest_remainder(&[1, 1, 1], 100), [34, 33, 33]);
/// assert_eq!(largest_remainder(&[0, 0], 100), [0, 0]);
/// ```
pub fn largest_remainder(counts: &[u64], total: u64) -> Vec<u64> {
    let sum: u64 = counts.iter().sum();
    if sum == 0 {
        return vec![0; counts.len()];
    }
    let scaled: Vec<u128> = counts
        .iter()
        .map(|&c| u128::from(c) * u128::from(total))
        .collect();
    let sum = u128::from(sum);
    let mut out: Vec<u64> = scaled.iter().map(|&x| (x / sum) as u64).collect();
    let given: u64 = out.iter().sum();
    let mut order: Vec<usize> = (0..counts.len()).collect();
    crate::sort::sort_by(&mut order, |&a, &b| {
        (scaled[b] % sum)
            .cmp(&(scaled[a] % sum))
            .then(counts[b].cmp(&counts[a]))
            .then(a.cmp(&b))
    });
    for &i in order.iter().take(total.saturating_sub(given) as usize) {
        out[i] += 1;
    }
    out
}

/// Statuses in the order a board paper lists them: delivered first, then from
/// on track to the worst.
const PRINT_ORDER: [Status; 7] = [
    Status::Delivered,
    Status::OnTrack,
    Status::NotStarted,
    Status::AtRisk,
    Status::MissedNoRisk,
    Status::OffTrack,
    Status::MissedWithRisk,
];

/// Counts of strategic actions by status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Counts([u32; 7]);

impl Counts {
    fn add(&mut self, s: Status) {
        self.0[slot(s)] += 1;
    }
    fn get(&self, s: Status) -> u32 {
        self.0[slot(s)]
    }
    fn rated(&self) -> u32 {
        self.0.iter().sum()
    }
    /// "25 (73%) on track, 7 (21%) at risk, 2 (6%) off track".
    fn sentence(&self) -> String {
        let counts: Vec<u64> = PRINT_ORDER
            .iter()
            .map(|&s| u64::from(self.get(s)))
            .collect();
        let pct = largest_remainder(&counts, 100);
        PRINT_ORDER
            .iter()
            .zip(counts.iter().zip(&pct))
            .filter(|(_, (&c, _))| c > 0)
            .map(|(s, (c, p))| format!("{c} ({p}%) {}", s.label().to_lowercase()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn slot(s: Status) -> usize {
    PRINT_ORDER.iter().position(|&x| x == s).unwrap_or(0)
}

fn parse_status(v: Option<&AttrValue>) -> Option<Status> {
    Status::parse(v?.as_text()?)
}

/// The status of every node as the model holds it (`status` attributes).
fn statuses_from_attrs(idx: &PlanIndex<'_>) -> Vec<Option<Status>> {
    idx.nodes
        .iter()
        .map(|n| parse_status(n.attrs.get("status")))
        .collect()
}

/// The status of every node as a report gives it (rows matched as
/// [`ProgressReport::apply_to`] matches them: `strategic-action:N`, else `action:N`).
pub(crate) fn statuses_from_report(
    s: &Strategy,
    idx: &PlanIndex<'_>,
    report: &ProgressReport,
) -> Vec<Option<Status>> {
    let mut out = vec![None; idx.len()];
    for e in &report.entries {
        let pos = [NodeKind::StrategicAction, NodeKind::Action]
            .into_iter()
            .find_map(|k| s.position(NodeId::of(k, &e.number).as_str()));
        if let Some(p) = pos {
            out[p] = e.status;
        }
    }
    out
}

/// The rolled-up status of each strategic action (rule 2), with how it was found.
fn strategic_statuses(
    idx: &PlanIndex<'_>,
    own: &[Option<Status>],
) -> Vec<(u32, Option<Status>, &'static str)> {
    idx.of_kind(NodeKind::StrategicAction)
        .into_iter()
        .map(|sa| match own[sa as usize] {
            Some(st) => (sa, Some(st), "reported"),
            None => {
                let w = worst(
                    idx.contains
                        .get(sa)
                        .iter()
                        .filter(|&&a| idx.kind(a) == Some(NodeKind::Action))
                        .filter_map(|&a| own[a as usize]),
                );
                (
                    sa,
                    w,
                    if w.is_some() {
                        "worst_of_actions"
                    } else {
                        "unrated"
                    },
                )
            }
        })
        .collect()
}

/// The outcomes a strategic action counts for: its own and its containers'
/// `contributes_to` targets, and those of its actions.
fn sa_outcomes(idx: &PlanIndex<'_>, sa: u32) -> Vec<u32> {
    let mut out = idx.outcomes_of(sa);
    for &a in idx.contains.get(sa) {
        out.extend(
            idx.contributes_to
                .get(a)
                .iter()
                .copied()
                .filter(|&o| idx.kind(o) == Some(NodeKind::Outcome)),
        );
    }
    out.sort_unstable();
    out.dedup();
    out
}

row! {
    /// The rolled-up progress of a strategic action, priority or outcome.
    pub struct RollupRow {
        /// `strategic_action`, `priority` or `outcome`.
        pub level: String,
        /// The node's id.
        pub id: String,
        /// Its number (or name).
        pub label: String,
        /// The rolled-up status (snake_case), if anything below is rated.
        pub status: Option<String>,
        /// How the status was found: `reported`, `worst_of_actions`,
        /// `worst_of_strategic_actions` or `unrated`.
        pub rule: String,
        /// Strategic actions counted (for a strategic action: itself).
        pub strategic_actions: u32,
        /// Of those, how many are rated.
        pub rated: u32,
        /// Delivered.
        pub delivered: u32,
        /// On track.
        pub on_track: u32,
        /// Not started.
        pub not_started: u32,
        /// At risk.
        pub at_risk: u32,
        /// Missed delivery date, no risk.
        pub missed_no_risk: u32,
        /// Off track.
        pub off_track: u32,
        /// Delivery date missed, with risk.
        pub missed_with_risk: u32,
        /// The board-paper sentence for these counts.
        pub summary: String,
    }
}

/// Progress rolled up (see the [rule](self#the-rule)): a row per strategic
/// action, then per priority, then per outcome, each group in canonical order.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProgressRollup {
    /// The rows.
    pub rows: Vec<RollupRow>,
}
table!(ProgressRollup, RollupRow);

fn rollup_row(
    idx: &PlanIndex<'_>,
    level: NodeKind,
    p: u32,
    counts: Counts,
    total: u32,
    status: Option<Status>,
    rule: &str,
) -> RollupRow {
    RollupRow {
        level: level.as_str().to_owned(),
        id: idx.id(p).to_owned(),
        label: idx.node(p).map(|n| n.name().to_owned()).unwrap_or_default(),
        status: status.map(|s| s.as_str().to_owned()),
        rule: rule.to_owned(),
        strategic_actions: total,
        rated: counts.rated(),
        delivered: counts.get(Status::Delivered),
        on_track: counts.get(Status::OnTrack),
        not_started: counts.get(Status::NotStarted),
        at_risk: counts.get(Status::AtRisk),
        missed_no_risk: counts.get(Status::MissedNoRisk),
        off_track: counts.get(Status::OffTrack),
        missed_with_risk: counts.get(Status::MissedWithRisk),
        summary: counts.sentence(),
    }
}

fn rollup_of(idx: &PlanIndex<'_>, own: &[Option<Status>]) -> ProgressRollup {
    let sas = strategic_statuses(idx, own);
    let mut rows = Vec::new();
    let mut sa_status = vec![None; idx.len()];
    for &(sa, st, rule) in &sas {
        sa_status[sa as usize] = st;
        let mut c = Counts::default();
        if let Some(st) = st {
            c.add(st);
        }
        rows.push(rollup_row(
            idx,
            NodeKind::StrategicAction,
            sa,
            c,
            1,
            st,
            rule,
        ));
    }
    let group = |rows: &mut Vec<RollupRow>, level: NodeKind, members: &dyn Fn(u32) -> Vec<u32>| {
        for p in idx.of_kind(level) {
            let m = members(p);
            let mut c = Counts::default();
            for &sa in &m {
                if let Some(st) = sa_status[sa as usize] {
                    c.add(st);
                }
            }
            let st = worst(m.iter().filter_map(|&sa| sa_status[sa as usize]));
            let rule = if st.is_some() {
                "worst_of_strategic_actions"
            } else {
                "unrated"
            };
            rows.push(rollup_row(idx, level, p, c, m.len() as u32, st, rule));
        }
    };
    let sa_list: Vec<u32> = sas.iter().map(|&(sa, _, _)| sa).collect();
    let mut under: Vec<Vec<u32>> = vec![Vec::new(); idx.len()];
    for &sa in &sa_list {
        let pr = idx.ancestor_of_kind(sa, NodeKind::Priority);
        if let Some(list) = under.get_mut(pr as usize) {
            list.push(sa);
        }
    }
    let by_priority = |p: u32| -> Vec<u32> { under[p as usize].clone() };
    group(&mut rows, NodeKind::Priority, &by_priority);
    let mut by_outcome: Vec<Vec<u32>> = vec![Vec::new(); idx.len()];
    for &sa in &sa_list {
        for o in sa_outcomes(idx, sa) {
            by_outcome[o as usize].push(sa);
        }
    }
    group(&mut rows, NodeKind::Outcome, &|o: u32| {
        by_outcome[o as usize].clone()
    });
    ProgressRollup { rows }
}

/// Progress rolled up from the statuses in the model (apply a report first with
/// [`ProgressReport::apply_to`]).
///
/// ```
/// use stratagraph::progress::rollup as progress;
/// use stratagraph::{parse_progress_report, Strategy};
/// let mut s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let report = parse_progress_report("Progress as at 31 March 2024\n1.1 Help families.\tAt Risk").report;
/// report.apply_to(&mut s);
/// let r = progress::progress_rollup(&s);
/// let rows: Vec<_> = r.rows.iter().map(|r| (r.id.as_str(), r.status.as_deref(), r.rule.as_str())).collect();
/// assert_eq!(rows, [
///     ("strategic-action:1.1", Some("at_risk"), "reported"),
///     ("priority:1", Some("at_risk"), "worst_of_strategic_actions"),
///     ("outcome:1", Some("at_risk"), "worst_of_strategic_actions"),
///     ("outcome:2", Some("at_risk"), "worst_of_strategic_actions"),
/// ]);
/// # Ok::<(), stratagraph::Error>(())
/// ```
///
/// On the bundled Scottish plan (priority 10):
///
/// ```
/// use stratagraph::{parse_progress_report, progress::rollup as progress};
/// let mut plan = stratagraph::parse_delivery_plan(include_str!(
///     "../../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
/// )).strategy;
/// let report = parse_progress_report("10.3 Survivors.\tAt Risk\n10.4 Dementia.\tOn Track").report;
/// report.apply_to(&mut plan);
/// let r = progress::progress_rollup(&plan);
/// let p10 = r.rows.iter().find(|r| r.id == "priority:10").unwrap();
/// assert_eq!((p10.strategic_actions, p10.rated, p10.status.as_deref()), (4, 2, Some("at_risk")));
/// ```
pub fn progress_rollup(s: &Strategy) -> ProgressRollup {
    let idx = PlanIndex::new(s);
    let own = statuses_from_attrs(&idx);
    rollup_of(&idx, &own)
}

/// Progress rolled up from a report, without changing the model.
///
/// ```
/// use stratagraph::progress::rollup as progress;
/// use stratagraph::{parse_progress_report, Strategy};
/// let s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let report = parse_progress_report("1.1 Help families.\tDelivered").report;
/// let r = progress::progress_rollup_of_report(&s, &report);
/// assert_eq!(r.rows[1].summary, "1 (100%) delivered");
/// # Ok::<(), stratagraph::Error>(())
/// ```
pub fn progress_rollup_of_report(s: &Strategy, report: &ProgressReport) -> ProgressRollup {
    let idx = PlanIndex::new(s);
    let own = statuses_from_report(s, &idx, report);
    rollup_of(&idx, &own)
}

row! {
    /// One status of the board-paper summary.
    pub struct SummaryRow {
        /// The status (snake_case).
        pub status: String,
        /// The status in the words of a board paper.
        pub label: String,
        /// Strategic actions with that status.
        pub count: u32,
        /// Whole percent of the rated strategic actions (adds up to 100).
        pub percent: u32,
    }
}

/// The summary a board paper prints: strategic actions by rolled-up status,
/// one row per status (zeros included) from delivered to the worst, with
/// whole percentages of the rated ones that add up to 100.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProgressSummary {
    /// The date of the statuses (the report's, or the latest `status_date` in the model).
    pub date: Option<Date>,
    /// Strategic actions in the plan.
    pub strategic_actions: u32,
    /// Of those, how many are rated.
    pub rated: u32,
    /// "25 (73%) on track, 7 (21%) at risk, 2 (6%) off track" (statuses with no
    /// strategic action left out).
    pub text: String,
    /// The rows.
    pub rows: Vec<SummaryRow>,
}
table!(ProgressSummary, SummaryRow);

fn summary_of(idx: &PlanIndex<'_>, own: &[Option<Status>], date: Option<Date>) -> ProgressSummary {
    let sas = strategic_statuses(idx, own);
    let mut c = Counts::default();
    for &(_, st, _) in &sas {
        if let Some(st) = st {
            c.add(st);
        }
    }
    let counts: Vec<u64> = PRINT_ORDER.iter().map(|&s| u64::from(c.get(s))).collect();
    let pct = largest_remainder(&counts, 100);
    let rows = PRINT_ORDER
        .iter()
        .zip(counts.iter().zip(&pct))
        .map(|(s, (&n, &p))| SummaryRow {
            status: s.as_str().to_owned(),
            label: s.label().to_owned(),
            count: n as u32,
            percent: p as u32,
        })
        .collect();
    ProgressSummary {
        date,
        strategic_actions: sas.len() as u32,
        rated: c.rated(),
        text: c.sentence(),
        rows,
    }
}

/// The board-paper summary of the statuses in the model.
///
/// ```
/// use stratagraph::progress::rollup as progress;
/// use stratagraph::{Node, NodeKind, Strategy};
/// let mut s = Strategy::new();
/// for (i, status) in ["on_track", "on_track", "at_risk"].iter().enumerate() {
///     s.add_node(Node::new(NodeKind::StrategicAction, &format!("1.{}", i + 1), "")
///         .with_attr("status", *status).with_attr("status_date", "2024-03-31"))?;
/// }
/// let sum = progress::progress_summary(&s);
/// assert_eq!(sum.text, "2 (67%) on track, 1 (33%) at risk");
/// assert_eq!(sum.date.map(|d| d.to_string()).as_deref(), Some("2024-03-31"));
/// # Ok::<(), stratagraph::Error>(())
/// ```
///
/// On the bundled Scottish plan (priority 10):
///
/// ```
/// use stratagraph::{parse_progress_report, progress::rollup as progress};
/// let mut plan = stratagraph::parse_delivery_plan(include_str!(
///     "../../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
/// )).strategy;
/// parse_progress_report("Progress as at 31 March 2024\n10.1 Families.\tDelivered\n10.2 Perinatal.\tOn Track").report
///     .apply_to(&mut plan);
/// let sum = progress::progress_summary(&plan);
/// assert_eq!((sum.strategic_actions, sum.rated), (4, 2));
/// assert_eq!(sum.text, "1 (50%) delivered, 1 (50%) on track");
/// ```
pub fn progress_summary(s: &Strategy) -> ProgressSummary {
    let idx = PlanIndex::new(s);
    let own = statuses_from_attrs(&idx);
    let date = idx
        .nodes
        .iter()
        .filter_map(|n| n.attrs.get("status_date")?.as_text()?.parse::<Date>().ok())
        .max();
    summary_of(&idx, &own, date)
}

/// The board-paper summary of a report on a plan, without changing the model.
///
/// ```
/// use stratagraph::progress::rollup as progress;
/// use stratagraph::{parse_progress_report, Strategy};
/// let s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let report = parse_progress_report("1.1 Help families.\tOff Track").report;
/// assert_eq!(progress::progress_summary_of_report(&s, &report).text, "1 (100%) off track");
/// # Ok::<(), stratagraph::Error>(())
/// ```
///
/// On the bundled Scottish plan (priority 10):
///
/// ```
/// use stratagraph::{parse_progress_report, progress::rollup as progress};
/// let plan = stratagraph::parse_delivery_plan(include_str!(
///     "../../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
/// )).strategy;
/// let report = parse_progress_report("Progress as at 31 March 2024\n\
///     10.1 Help parents and families.\tOn Track\n10.2 Perinatal services.\tOn Track\n\
///     10.3 Survivors of childhood abuse.\tAt Risk\n10.4 Dementia delivery plan.\tOff Track").report;
/// let sum = progress::progress_summary_of_report(&plan, &report);
/// assert_eq!(sum.text, "2 (50%) on track, 1 (25%) at risk, 1 (25%) off track");
/// ```
pub fn progress_summary_of_report(s: &Strategy, report: &ProgressReport) -> ProgressSummary {
    let idx = PlanIndex::new(s);
    let own = statuses_from_report(s, &idx, report);
    summary_of(&idx, &own, report.date)
}

row! {
    /// One status in one report of a series.
    pub struct SeriesRow {
        /// The report's date.
        pub date: Option<Date>,
        /// The report's position in the series (0-based, after sorting).
        pub report: u32,
        /// The report's title.
        pub title: String,
        /// The status (snake_case).
        pub status: String,
        /// Strategic actions with that status.
        pub count: u32,
        /// Whole percent of the rated ones (adds up to 100 within a report).
        pub percent: u32,
    }
}

/// Summaries over several reports, in long form (a row per report and status,
/// zeros included): reports by date (undated last, then in the order given),
/// statuses from delivered to the worst.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProgressSeries {
    /// The rows.
    pub rows: Vec<SeriesRow>,
}
table!(ProgressSeries, SeriesRow);

fn dated_order(reports: &[ProgressReport]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..reports.len()).collect();
    crate::sort::sort_by_key(&mut order, |&i| {
        (reports[i].date.is_none(), reports[i].date, i)
    });
    order
}

/// Summaries of several dated reports on one plan (see [`ProgressSeries`]).
///
/// ```
/// use stratagraph::progress::rollup as progress;
/// use stratagraph::{parse_progress_report, Strategy};
/// let s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let q4 = parse_progress_report("Progress as at 31 March 2024\n1.1 Help families.\tDelivered").report;
/// let q3 = parse_progress_report("Progress as at 31 December 2023\n1.1 Help families.\tAt Risk").report;
/// let series = progress::progress_series(&s, &[q4, q3]);
/// let nonzero: Vec<_> = series.rows.iter().filter(|r| r.count > 0)
///     .map(|r| (r.date.unwrap().to_string(), r.status.as_str())).collect();
/// assert_eq!(nonzero, [("2023-12-31".to_owned(), "at_risk"), ("2024-03-31".to_owned(), "delivered")]);
/// # Ok::<(), stratagraph::Error>(())
/// ```
///
/// On the bundled Scottish plan (priority 10):
///
/// ```
/// use stratagraph::{parse_progress_report, progress::rollup as progress};
/// let plan = stratagraph::parse_delivery_plan(include_str!(
///     "../../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
/// )).strategy;
/// let q1 = parse_progress_report("Progress as at 30 June 2023\n10.1 Families.\tOn Track\n10.4 Dementia.\tNot Started").report;
/// let q2 = parse_progress_report("Progress as at 30 September 2023\n10.1 Families.\tOn Track\n10.4 Dementia.\tOn Track").report;
/// let series = progress::progress_series(&plan, &[q1, q2]);
/// let on_track: Vec<_> = series.rows.iter().filter(|r| r.status == "on_track").map(|r| r.count).collect();
/// assert_eq!(on_track, [1, 2]);
/// ```
pub fn progress_series(s: &Strategy, reports: &[ProgressReport]) -> ProgressSeries {
    let idx = PlanIndex::new(s);
    let mut rows = Vec::new();
    for (k, i) in dated_order(reports).into_iter().enumerate() {
        let r = &reports[i];
        let own = statuses_from_report(s, &idx, r);
        let sum = summary_of(&idx, &own, r.date);
        for row in sum.rows {
            rows.push(SeriesRow {
                date: r.date,
                report: k as u32,
                title: r.title.clone(),
                status: row.status,
                count: row.count,
                percent: row.percent,
            });
        }
    }
    ProgressSeries { rows }
}

row! {
    /// A strategic action whose status differs between two reports.
    pub struct StatusChangeRow {
        /// The strategic action's id.
        pub id: String,
        /// Its number.
        pub number: String,
        /// Its status in the older report (rolled up, see the rule).
        pub old_status: Option<String>,
        /// Its status in the newer report.
        pub new_status: Option<String>,
        /// `improved`, `worsened`, `rated` (newly) or `unrated` (no longer).
        pub change: String,
        /// Severity steps moved: negative is better (see [`severity`]).
        pub steps: i32,
    }
}

/// What changed between two reports: strategic actions whose status differs,
/// in canonical order, with counts.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProgressChanges {
    /// The older report's date.
    pub old_date: Option<Date>,
    /// The newer report's date.
    pub new_date: Option<Date>,
    /// Strategic actions that improved.
    pub improved: u32,
    /// Strategic actions that worsened.
    pub worsened: u32,
    /// Strategic actions with the same status in both.
    pub unchanged: u32,
    /// The rows.
    pub rows: Vec<StatusChangeRow>,
}
table!(ProgressChanges, StatusChangeRow);

/// What changed between two reports on one plan (see [`ProgressChanges`]).
///
/// ```
/// use stratagraph::progress::rollup as progress;
/// use stratagraph::{parse_progress_report, Strategy};
/// let s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let q3 = parse_progress_report("1.1 Help families.\tAt Risk").report;
/// let q4 = parse_progress_report("1.1 Help families.\tOn Track").report;
/// let c = progress::progress_changes(&s, &q3, &q4);
/// assert_eq!((c.rows[0].change.as_str(), c.rows[0].steps), ("improved", -2));
/// # Ok::<(), stratagraph::Error>(())
/// ```
///
/// On the bundled Scottish plan (priority 10):
///
/// ```
/// use stratagraph::{parse_progress_report, progress::rollup as progress};
/// let plan = stratagraph::parse_delivery_plan(include_str!(
///     "../../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
/// )).strategy;
/// let q1 = parse_progress_report("10.3 Survivors.\tOn Track\n10.4 Dementia.\tAt Risk").report;
/// let q2 = parse_progress_report("10.3 Survivors.\tAt Risk\n10.4 Dementia.\tAt Risk").report;
/// let c = progress::progress_changes(&plan, &q1, &q2);
/// assert_eq!((c.rows[0].number.as_str(), c.rows[0].change.as_str()), ("10.3", "worsened"));
/// assert_eq!((c.improved, c.worsened, c.unchanged), (0, 1, 1));
/// ```
pub fn progress_changes(
    s: &Strategy,
    older: &ProgressReport,
    newer: &ProgressReport,
) -> ProgressChanges {
    let idx = PlanIndex::new(s);
    let a = strategic_statuses(&idx, &statuses_from_report(s, &idx, older));
    let b = strategic_statuses(&idx, &statuses_from_report(s, &idx, newer));
    let (mut improved, mut worsened, mut unchanged) = (0, 0, 0);
    let mut rows = Vec::new();
    for (&(sa, x, _), &(_, y, _)) in a.iter().zip(&b) {
        let (change, steps) = match (x, y) {
            (Some(x), Some(y)) if x == y => {
                unchanged += 1;
                continue;
            }
            (None, None) => continue,
            (Some(x), Some(y)) => {
                let d = i32::from(severity(y)) - i32::from(severity(x));
                if d < 0 {
                    improved += 1;
                    ("improved", d)
                } else {
                    worsened += 1;
                    ("worsened", d)
                }
            }
            (None, Some(_)) => ("rated", 0),
            (Some(_), None) => ("unrated", 0),
        };
        rows.push(StatusChangeRow {
            id: idx.id(sa).to_owned(),
            number: idx
                .node(sa)
                .and_then(|n| n.number.clone())
                .unwrap_or_default(),
            old_status: x.map(|s| s.as_str().to_owned()),
            new_status: y.map(|s| s.as_str().to_owned()),
            change: change.to_owned(),
            steps,
        });
    }
    ProgressChanges {
        old_date: older.date,
        new_date: newer.date,
        improved,
        worsened,
        unchanged,
        rows,
    }
}

row! {
    /// A strategic action whose status has not changed across the latest reports.
    pub struct StaleRow {
        /// The strategic action's id.
        pub id: String,
        /// Its number.
        pub number: String,
        /// The status it has kept.
        pub status: String,
        /// How many of the latest reports in a row give it that status.
        pub reports: u32,
        /// The date of the first of those reports.
        pub since: Option<Date>,
    }
}

/// Statuses gone stale: strategic actions (not delivered) whose rolled-up
/// status is the same in each of the latest `n` or more reports. Sorted by
/// `reports` (descending), then canonical order.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Staleness {
    /// The `n` asked for.
    pub min_reports: u32,
    /// The rows.
    pub rows: Vec<StaleRow>,
}
table!(Staleness, StaleRow);

/// Strategic actions whose status has not changed across the latest `n`
/// reports (reports ordered by date, as in [`progress_series`]).
///
/// ```
/// use stratagraph::progress::rollup as progress;
/// use stratagraph::{parse_progress_report, Strategy};
/// let s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let r = |date: &str| parse_progress_report(&format!("Progress as at {date}\n1.1 Help families.\tAt Risk")).report;
/// let reports = [r("30 June 2023"), r("30 September 2023"), r("31 December 2023")];
/// let stale = progress::stale_statuses(&s, &reports, 3);
/// assert_eq!((stale.rows[0].reports, stale.rows[0].status.as_str()), (3, "at_risk"));
/// assert_eq!(stale.rows[0].since.unwrap().to_string(), "2023-06-30");
/// assert!(progress::stale_statuses(&s, &reports, 4).rows.is_empty());
/// # Ok::<(), stratagraph::Error>(())
/// ```
///
/// On the bundled Scottish plan (priority 10):
///
/// ```
/// use stratagraph::{parse_progress_report, progress::rollup as progress};
/// let plan = stratagraph::parse_delivery_plan(include_str!(
///     "../../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
/// )).strategy;
/// let r = |date: &str, s: &str| parse_progress_report(&format!("Progress as at {date}\n10.2 Perinatal.\t{s}\n10.4 Dementia.\tAt Risk")).report;
/// let reports = [r("30 June 2023", "On Track"), r("30 September 2023", "At Risk"), r("31 December 2023", "At Risk")];
/// let stale = progress::stale_statuses(&plan, &reports, 3);
/// let rows: Vec<_> = stale.rows.iter().map(|r| (r.number.as_str(), r.reports)).collect();
/// assert_eq!(rows, [("10.4", 3)]);
/// ```
pub fn stale_statuses(s: &Strategy, reports: &[ProgressReport], n: usize) -> Staleness {
    let idx = PlanIndex::new(s);
    let order = dated_order(reports);
    let per_report: Vec<Vec<(u32, Option<Status>, &'static str)>> = order
        .iter()
        .map(|&i| strategic_statuses(&idx, &statuses_from_report(s, &idx, &reports[i])))
        .collect();
    let mut keyed = Vec::new();
    let Some(last) = per_report.last() else {
        return Staleness {
            min_reports: n as u32,
            rows: Vec::new(),
        };
    };
    for (k, &(sa, st, _)) in last.iter().enumerate() {
        let Some(st) = st else { continue };
        if st == Status::Delivered {
            continue;
        }
        let mut run = 0usize;
        for rep in per_report.iter().rev() {
            if rep.get(k).and_then(|x| x.1) == Some(st) {
                run += 1;
            } else {
                break;
            }
        }
        if run >= n.max(1) {
            let first = order[order.len() - run];
            keyed.push((
                (std::cmp::Reverse(run), sa),
                StaleRow {
                    id: idx.id(sa).to_owned(),
                    number: idx
                        .node(sa)
                        .and_then(|x| x.number.clone())
                        .unwrap_or_default(),
                    status: st.as_str().to_owned(),
                    reports: run as u32,
                    since: reports[first].date,
                },
            ));
        }
    }
    crate::sort::sort_by_key(&mut keyed, |(k, _)| *k);
    Staleness {
        min_reports: n as u32,
        rows: keyed.into_iter().map(|(_, r)| r).collect(),
    }
}
