//! Timeline: deadlines as windows, what falls due in a window, what is overdue
//! as of a date, and a table a Gantt chart can be drawn from.
//!
//! An action is *due* on the last day of its deadline window (`deadline.end`):
//! "By November 2023" is due 2023-11-30, "Over 2023/24" is due 2024-03-31. A
//! window with no end ("from 2024/25 onwards") is never due, so never overdue.
//!
//! An action's *status* is its own `status` attribute, else that of its nearest
//! container that has one (a progress report rates strategic actions: see
//! [`crate::progress::rollup`]). An action is *done* when that status is
//! delivered or completed.

use serde::Serialize;

use super::table::{row, table};
use crate::model::{Date, DateWindow, NodeKind, Strategy};
use crate::progress::rollup::statuses_from_report;
use crate::progress::ProgressReport;
use crate::rules::{join, PlanIndex, NONE};

row! {
    /// An action with its deadline window.
    pub struct TimelineRow {
        /// The action's id.
        pub action: String,
        /// The action's number.
        pub number: String,
        /// The strategic action containing it.
        pub strategic_action: Option<String>,
        /// The priority containing it.
        pub priority: Option<String>,
        /// First day of the window, if it has one.
        pub start: Option<Date>,
        /// Last day of the window (the day it is due), if it has one.
        pub end: Option<Date>,
        /// The deadline as the document words it.
        pub phrase: String,
        /// The lead partners' names, `; `-separated.
        pub leads: String,
        /// The action's status (see the module docs), if any.
        pub status: Option<String>,
    }
}

/// Actions with a deadline, sorted by `end` (open ends last), then `start`
/// (open starts first), then canonical order.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Timeline {
    /// Actions (of those considered) with no deadline, left out of the rows.
    pub undated: u32,
    /// The rows.
    pub rows: Vec<TimelineRow>,
}
table!(Timeline, TimelineRow);

/// Whether a status (in any of the spellings reports use) means the work is done.
pub(crate) fn is_done(status: &str) -> bool {
    crate::progress::Status::parse(status) == Some(crate::progress::Status::Delivered)
}

fn timeline_rows(idx: &PlanIndex<'_>, keep: impl Fn(&DateWindow) -> bool) -> Timeline {
    let mut undated = 0;
    let mut keyed = Vec::new();
    for a in idx.of_kind(NodeKind::Action) {
        let Some(n) = idx.node(a) else { continue };
        let Some(d) = &n.deadline else {
            undated += 1;
            continue;
        };
        if !keep(d) {
            continue;
        }
        let sa = idx.ancestor_of_kind(a, NodeKind::StrategicAction);
        let pr = idx.ancestor_of_kind(a, NodeKind::Priority);
        let leads = idx
            .led_by
            .get(a)
            .iter()
            .copied()
            .filter(|&p| idx.kind(p) == Some(NodeKind::Partner));
        // Open ends sort last, open starts first.
        let key = (d.end.is_none(), d.end, d.start.is_some(), d.start, a);
        keyed.push((
            key,
            TimelineRow {
                action: n.id.to_string(),
                number: n.number.clone().unwrap_or_default(),
                strategic_action: (sa != NONE).then(|| idx.id(sa).to_owned()),
                priority: (pr != NONE).then(|| idx.id(pr).to_owned()),
                start: d.start,
                end: d.end,
                phrase: d.phrase.clone(),
                leads: join(idx, leads, true),
                status: idx.status_of(a).map(|(s, _)| s.to_owned()),
            },
        ));
    }
    crate::sort::sort_by_key(&mut keyed, |x| x.0);
    Timeline {
        undated,
        rows: keyed.into_iter().map(|(_, r)| r).collect(),
    }
}

/// Every action with a deadline window, sorted (see [`Timeline`]).
///
/// ```
/// use stratagraph::{analysis::timeline, Strategy};
/// let s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let t = timeline::timeline(&s);
/// let due: Vec<_> = t.rows.iter().map(|r| (r.number.as_str(), r.end.unwrap().to_string())).collect();
/// assert_eq!(due, [("1.1.1", "2023-11-30".to_owned()), ("1.1.2", "2024-03-31".to_owned())]);
/// assert_eq!(t.rows[0].leads, "Scottish Government; COSLA");
/// # Ok::<(), stratagraph::Error>(())
/// ```
///
/// On the bundled Scottish plan (priority 10):
///
/// ```
/// use stratagraph::analysis::timeline;
/// let plan = stratagraph::parse_delivery_plan(include_str!(
///     "../../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
/// )).strategy;
/// let t = timeline::timeline(&plan);
/// let order: Vec<_> = t.rows.iter().map(|r| r.number.as_str()).collect();
/// assert_eq!(order, ["10.1.5", "10.2.2", "10.3.3", "10.1.4", "10.2.1"]);
/// assert_eq!(t.undated, 8);
/// ```
pub fn timeline(s: &Strategy) -> Timeline {
    timeline_rows(&PlanIndex::new(s), |_| true)
}

/// The actions due between `from` and `to` (both inclusive): those whose
/// deadline ends inside the window. Same order as [`timeline`]; `undated`
/// counts every action with no deadline.
///
/// ```
/// use stratagraph::{analysis::timeline, Date, Strategy};
/// let s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let q4: (Date, Date) = ("2023-10-01".parse()?, "2023-12-31".parse()?);
/// let t = timeline::due_in(&s, q4.0, q4.1);
/// assert_eq!(t.rows.len(), 1);
/// assert_eq!(t.rows[0].number, "1.1.1");
/// # Ok::<(), stratagraph::Error>(())
/// ```
///
/// On the bundled Scottish plan (priority 10):
///
/// ```
/// use stratagraph::analysis::timeline;
/// let plan = stratagraph::parse_delivery_plan(include_str!(
///     "../../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
/// )).strategy;
/// let fy = timeline::due_in(&plan, "2024-04-01".parse()?, "2025-03-31".parse()?);
/// let due: Vec<_> = fy.rows.iter().map(|r| r.number.as_str()).collect();
/// assert_eq!(due, ["10.3.3", "10.1.4"]);
/// # Ok::<(), stratagraph::Error>(())
/// ```
pub fn due_in(s: &Strategy, from: Date, to: Date) -> Timeline {
    timeline_rows(&PlanIndex::new(s), |d| {
        d.end.is_some_and(|e| from <= e && e <= to)
    })
}

row! {
    /// An action past its deadline and not done.
    pub struct OverdueRow {
        /// The action's id.
        pub action: String,
        /// The action's number.
        pub number: String,
        /// The day it was due.
        pub due: Date,
        /// Whole days from `due` to the date asked about.
        pub days_overdue: i64,
        /// The deadline as the document words it.
        pub phrase: String,
        /// The lead partners' names, `; `-separated.
        pub leads: String,
        /// The status found (see the module docs), if any.
        pub status: Option<String>,
        /// The node the status was read from (the action or a container).
        pub status_from: Option<String>,
        /// The date of that status (`status_date` of the same node), if recorded.
        pub status_date: Option<Date>,
    }
}

/// Actions overdue as of a date, most overdue first (then canonical order).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Overdue {
    /// The date asked about.
    pub as_of: Date,
    /// The rows.
    pub rows: Vec<OverdueRow>,
}
table!(Overdue, OverdueRow);

/// The actions overdue as of `as_of`: due before that day and not done, going by
/// the statuses in the model (apply the latest progress report first; an action
/// with no status is counted as not done).
///
/// ```
/// use stratagraph::{analysis::timeline, Strategy};
/// let mut s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let late = timeline::overdue(&s, "2024-01-31".parse()?);
/// assert_eq!(late.rows.len(), 1);
/// assert_eq!((late.rows[0].number.as_str(), late.rows[0].days_overdue), ("1.1.1", 62));
/// // Once the strategic action is reported delivered, nothing is overdue.
/// s.update_node("strategic-action:1.1", |n| { n.attrs.insert("status".into(), "delivered".into()); })?;
/// assert!(timeline::overdue(&s, "2024-01-31".parse()?).rows.is_empty());
/// # Ok::<(), stratagraph::Error>(())
/// ```
///
/// On the bundled Scottish plan (priority 10):
///
/// ```
/// use stratagraph::analysis::timeline;
/// let plan = stratagraph::parse_delivery_plan(include_str!(
///     "../../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
/// )).strategy;
/// let late = timeline::overdue(&plan, "2024-06-30".parse()?);
/// let rows: Vec<_> = late.rows.iter().map(|r| (r.number.as_str(), r.days_overdue)).collect();
/// assert_eq!(rows, [("10.1.5", 213), ("10.2.2", 91), ("10.3.3", 61)]);
/// # Ok::<(), stratagraph::Error>(())
/// ```
pub fn overdue(s: &Strategy, as_of: Date) -> Overdue {
    let idx = PlanIndex::new(s);
    overdue_rows(&idx, as_of, |a| {
        let (st, q) = idx.status_of(a)?;
        Some((st.to_owned(), q, idx.status_date(q)))
    })
}

/// The actions overdue as of `as_of` going by a progress report instead of the
/// statuses in the model (the model is not changed): an action's status is the
/// report's row for it, else for its nearest container, matched as
/// [`ProgressReport::apply_to`](crate::progress::ProgressReport::apply_to) matches rows.
///
/// ```
/// use stratagraph::analysis::timeline;
/// use stratagraph::{parse_progress_report, Strategy};
/// let s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let report = parse_progress_report("Progress as at 31 January 2024\n1.1 Help families.\tAt Risk").report;
/// let late = timeline::overdue_with_report(&s, "2024-01-31".parse()?, &report);
/// assert_eq!(late.rows[0].status.as_deref(), Some("at_risk"));
/// assert_eq!(late.rows[0].status_date.map(|d| d.to_string()).as_deref(), Some("2024-01-31"));
/// # Ok::<(), stratagraph::Error>(())
/// ```
///
/// On the bundled Scottish plan (priority 10):
///
/// ```
/// use stratagraph::{analysis::timeline, parse_progress_report};
/// let plan = stratagraph::parse_delivery_plan(include_str!(
///     "../../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
/// )).strategy;
/// let report = parse_progress_report("10.1 Parents and families.\tDelivered").report;
/// let late = timeline::overdue_with_report(&plan, "2024-06-30".parse()?, &report);
/// let rows: Vec<_> = late.rows.iter().map(|r| r.number.as_str()).collect();
/// assert_eq!(rows, ["10.2.2", "10.3.3"]); // 10.1.5 is delivered with 10.1
/// # Ok::<(), stratagraph::Error>(())
/// ```
pub fn overdue_with_report(s: &Strategy, as_of: Date, report: &ProgressReport) -> Overdue {
    let idx = PlanIndex::new(s);
    let statuses = statuses_from_report(s, &idx, report);
    overdue_rows(&idx, as_of, |a| {
        idx.up_find(a, |q| {
            let st = (*statuses.get(q as usize)?)?;
            Some((st.as_str().to_owned(), q, report.date))
        })
    })
}

/// The overdue table, with each action's status, where it came from and its date.
fn overdue_rows(
    idx: &PlanIndex<'_>,
    as_of: Date,
    status_of: impl Fn(u32) -> Option<(String, u32, Option<Date>)>,
) -> Overdue {
    let mut keyed = Vec::new();
    for a in idx.of_kind(NodeKind::Action) {
        let Some(n) = idx.node(a) else { continue };
        let Some(due) = n.deadline.as_ref().and_then(|d| d.end) else {
            continue;
        };
        if due >= as_of {
            continue;
        }
        let status = status_of(a);
        if status.as_ref().is_some_and(|(st, _, _)| is_done(st)) {
            continue;
        }
        let days = as_of.days_since_epoch() - due.days_since_epoch();
        let leads = idx
            .led_by
            .get(a)
            .iter()
            .copied()
            .filter(|&p| idx.kind(p) == Some(NodeKind::Partner));
        keyed.push((
            (std::cmp::Reverse(days), a),
            OverdueRow {
                action: n.id.to_string(),
                number: n.number.clone().unwrap_or_default(),
                due,
                days_overdue: days,
                phrase: n
                    .deadline
                    .as_ref()
                    .map(|d| d.phrase.clone())
                    .unwrap_or_default(),
                leads: join(idx, leads, true),
                status: status.as_ref().map(|(s, _, _)| s.clone()),
                status_from: status.as_ref().map(|&(_, q, _)| idx.id(q).to_owned()),
                status_date: status.as_ref().and_then(|&(_, _, d)| d),
            },
        ));
    }
    crate::sort::sort_by_key(&mut keyed, |x| x.0);
    Overdue {
        as_of,
        rows: keyed.into_iter().map(|(_, r)| r).collect(),
    }
}

row! {
    /// One bar of a Gantt chart.
    pub struct GanttRow {
        /// The node's id.
        pub id: String,
        /// `priority`, `strategic_action` or `action`.
        pub kind: String,
        /// Its number (or name).
        pub label: String,
        /// The id of the bar it sits under (its container), if shown.
        pub parent: Option<String>,
        /// Depth in the chart: 0 for priorities, 1 for strategic actions, 2 for actions.
        pub level: u32,
        /// First day of the bar.
        pub start: Date,
        /// Last day of the bar.
        pub end: Date,
        /// Whether the start is not given by the document (the plan's start was used).
        pub open_start: bool,
        /// Whether the end is not given by the document (the plan's end was used).
        pub open_end: bool,
        /// The deadline as the document words it (actions only).
        pub phrase: String,
        /// The status (see the module docs), if any.
        pub status: Option<String>,
    }
}

/// A Gantt chart's table: bars in outline order (each priority, then each of its
/// strategic actions followed by its actions, all in canonical order).
///
/// An action's bar is its deadline window; an open end is filled from the period
/// of the plan (the nearest container with a `period`, else the first plan or
/// strategy that has one), and flagged. A strategic action's or priority's bar
/// spans the bars below it. Actions with no deadline or outside any strategic
/// action of a priority, and containers with no dated action, have no bar
/// (`unplaced` counts those actions).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Gantt {
    /// Actions that could not be placed (no deadline, or an open end and no plan period).
    pub unplaced: u32,
    /// The rows.
    pub rows: Vec<GanttRow>,
}
table!(Gantt, GanttRow);

/// The Gantt table (see [`Gantt`]).
///
/// ```
/// use stratagraph::{analysis::timeline, Strategy};
/// let s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let g = timeline::gantt(&s);
/// let bars: Vec<_> = g.rows.iter()
///     .map(|r| (r.label.as_str(), r.start.to_string(), r.end.to_string(), r.open_start))
///     .collect();
/// assert_eq!(bars, [
///     ("1", "2023-01-01".to_owned(), "2024-03-31".to_owned(), true),
///     ("1.1", "2023-01-01".to_owned(), "2024-03-31".to_owned(), true),
///     ("1.1.1", "2023-01-01".to_owned(), "2023-11-30".to_owned(), true),
///     ("1.1.2", "2023-04-01".to_owned(), "2024-03-31".to_owned(), false),
/// ]);
/// # Ok::<(), stratagraph::Error>(())
/// ```
///
/// On the bundled Scottish plan (priority 10):
///
/// ```
/// use stratagraph::analysis::timeline;
/// let plan = stratagraph::parse_delivery_plan(include_str!(
///     "../../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
/// )).strategy;
/// let g = timeline::gantt(&plan);
/// assert_eq!((g.rows[0].label.as_str(), g.rows[0].start.to_string()), ("10", "2023-01-01".to_owned()));
/// assert_eq!(g.unplaced, 8); // actions with no deadline
/// ```
pub fn gantt(s: &Strategy) -> Gantt {
    let idx = PlanIndex::new(s);
    let fallback_period = idx
        .of_kind(NodeKind::Plan)
        .into_iter()
        .chain(idx.of_kind(NodeKind::Strategy))
        .find_map(|p| idx.node(p)?.period.clone());
    let period_of = |a: u32| -> Option<DateWindow> {
        idx.ancestors(a)
            .into_iter()
            .find_map(|q| idx.node(q)?.period.clone())
            .or_else(|| fallback_period.clone())
    };
    // Bars of actions.
    let mut unplaced = 0u32;
    // Bars of dated actions, found by position through `bar_of`.
    let mut bars_store: Vec<GanttRow> = Vec::new();
    let mut bar_of: Vec<u32> = vec![NONE; idx.len()];
    let actions = idx.of_kind(NodeKind::Action);
    for &a in &actions {
        let Some(n) = idx.node(a) else { continue };
        let Some(d) = &n.deadline else {
            unplaced += 1;
            continue;
        };
        let period = period_of(a);
        let start = d.start.or_else(|| period.as_ref().and_then(|p| p.start));
        let end = d.end.or_else(|| period.as_ref().and_then(|p| p.end));
        // A window open at one end and no period: a one-day bar at the known end.
        let (start, end) = match (start, end) {
            (Some(s0), Some(e0)) if s0 <= e0 => (s0, e0),
            (Some(s0), Some(_)) => (s0, s0),
            (Some(x), None) | (None, Some(x)) => (x, x),
            (None, None) => {
                unplaced += 1;
                continue;
            }
        };
        bar_of[a as usize] = bars_store.len() as u32;
        bars_store.push(GanttRow {
            id: n.id.to_string(),
            kind: n.kind.as_str().to_owned(),
            label: n.name().to_owned(),
            parent: None,
            level: 2,
            start,
            end,
            open_start: d.start.is_none(),
            open_end: d.end.is_none(),
            phrase: d.phrase.clone(),
            status: idx.status_of(a).map(|(s, _)| s.to_owned()),
        });
    }
    let summary =
        |p: u32, level: u32, parent: Option<String>, below: &[&GanttRow]| -> Option<GanttRow> {
            let n = idx.node(p)?;
            let start = below.iter().map(|r| r.start).min()?;
            let end = below.iter().map(|r| r.end).max()?;
            Some(GanttRow {
                id: n.id.to_string(),
                kind: n.kind.as_str().to_owned(),
                label: n.name().to_owned(),
                parent,
                level,
                start,
                end,
                open_start: below.iter().any(|r| r.start == start && r.open_start),
                open_end: below.iter().any(|r| r.end == end && r.open_end),
                phrase: String::new(),
                status: idx.status_of(p).map(|(s, _)| s.to_owned()),
            })
        };
    let dated = bars_store.len() as u32;
    let mut placed = 0u32;
    let mut rows = Vec::new();
    for pr in idx.of_kind(NodeKind::Priority) {
        let mut block: Vec<GanttRow> = Vec::new();
        let mut all: Vec<GanttRow> = Vec::new();
        for &sa in idx.contains.get(pr) {
            if idx.kind(sa) != Some(NodeKind::StrategicAction) {
                continue;
            }
            let mut bars: Vec<GanttRow> = idx
                .contains
                .get(sa)
                .iter()
                .filter_map(|&a| {
                    let b = *bar_of.get(a as usize)?;
                    bars_store.get(b as usize).cloned()
                })
                .collect();
            for b in &mut bars {
                b.parent = Some(idx.id(sa).to_owned());
                placed += 1;
            }
            let refs: Vec<&GanttRow> = bars.iter().collect();
            if let Some(head) = summary(sa, 1, Some(idx.id(pr).to_owned()), &refs) {
                block.push(head);
                all.extend(bars.iter().cloned());
                block.extend(bars);
            }
        }
        let refs: Vec<&GanttRow> = all.iter().collect();
        if let Some(head) = summary(pr, 0, None, &refs) {
            rows.push(head);
            rows.extend(block);
        }
    }
    Gantt {
        unplaced: unplaced + dated.saturating_sub(placed),
        rows,
    }
}
