//! Indicators: an indicator `measures` an outcome, with a baseline, and targets
//! and actual values per period — the results chain of the IATI standard
//! (`indicator` > `baseline`, `period` > `target`, `actual`).
//!
//! The data live in the indicator node's attributes, so they travel in
//! canonical JSON like everything else:
//!
//! ```json
//! { "id": "indicator:1", "kind": "indicator", "number": "1", "text": "Adults with good wellbeing (WEMWBS)",
//!   "attrs": {
//!     "measure": "unit", "ascending": true, "unit": "score",
//!     "baseline": { "date": "2022-12-31", "value": 48.6 },
//!     "periods": [ { "start": "2023-01-01", "end": "2023-12-31", "target": 49.0, "actual": 48.9 },
//!                  { "start": "2024-01-01", "end": "2024-12-31", "target": 49.5 } ] } }
//! ```
//!
//! [`IndicatorData`] reads and writes those attributes. `ascending` says which
//! way is better (IATI's `ascending`, true by default). The *gap* is how far the
//! actual falls short of the target: `target − actual` when higher is better,
//! `actual − target` when lower is better; zero or less means the target is met.

use serde::Serialize;

use super::table::{row, table};
use crate::model::{AttrValue, Attrs, Date, Node, NodeKind, Strategy};
use crate::rules::{join, PlanIndex};

/// A value observed or aimed at, at a date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Observation {
    /// The date of the value.
    pub date: Date,
    /// The value.
    pub value: f64,
}

/// A reporting period with its target and actual value (either may be missing).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Period {
    /// First day.
    pub start: Date,
    /// Last day.
    pub end: Date,
    /// The value aimed at by the end of the period.
    pub target: Option<f64>,
    /// The value reached in the period.
    pub actual: Option<f64>,
}

/// The results chain of an indicator, as stored in its node's attributes.
///
/// ```
/// use stratagraph::analysis::indicators::{IndicatorData, Observation, Period};
/// use stratagraph::{Node, NodeKind};
/// let d = |s: &str| s.parse().unwrap();
/// let data = IndicatorData {
///     measure: "unit".into(),
///     ascending: true,
///     unit: Some("score".into()),
///     baseline: Some(Observation { date: d("2022-12-31"), value: 48.6 }),
///     periods: vec![Period { start: d("2023-01-01"), end: d("2023-12-31"), target: Some(49.0), actual: Some(48.9) }],
/// };
/// let node = data.apply(Node::new(NodeKind::Indicator, "1", "Adults with good wellbeing"));
/// assert_eq!(node.attrs["baseline"], stratagraph::AttrValue::Map(
///     [("date".to_owned(), "2022-12-31".into()), ("value".to_owned(), 48.6.into())].into()));
/// assert_eq!(IndicatorData::from_node(&node), data);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorData {
    /// IATI's measure: `unit`, `percentage`, `nominal`, `ordinal` or `qualitative`.
    pub measure: String,
    /// Whether a higher value is better.
    pub ascending: bool,
    /// The unit of the values, if named.
    pub unit: Option<String>,
    /// The baseline.
    pub baseline: Option<Observation>,
    /// The periods, in the order given.
    pub periods: Vec<Period>,
}

impl Default for IndicatorData {
    fn default() -> IndicatorData {
        IndicatorData {
            measure: "unit".into(),
            ascending: true,
            unit: None,
            baseline: None,
            periods: Vec::new(),
        }
    }
}

fn number(v: Option<&AttrValue>) -> Option<f64> {
    match v? {
        AttrValue::Number(x) if x.is_finite() => Some(*x),
        AttrValue::Integer(i) => Some(*i as f64),
        AttrValue::Text(t) => t.trim().parse::<f64>().ok().filter(|x| x.is_finite()),
        _ => None,
    }
}

fn date(v: Option<&AttrValue>) -> Option<Date> {
    v?.as_text()?.parse().ok()
}

impl IndicatorData {
    /// Read the data from a node's attributes; what is missing or malformed is
    /// left at its default (an unreadable period is dropped).
    pub fn from_node(node: &Node) -> IndicatorData {
        let a = &node.attrs;
        let mut out = IndicatorData::default();
        if let Some(m) = a.get("measure").and_then(AttrValue::as_text) {
            out.measure = m.to_owned();
        }
        if let Some(AttrValue::Bool(b)) = a.get("ascending") {
            out.ascending = *b;
        }
        out.unit = a
            .get("unit")
            .and_then(AttrValue::as_text)
            .map(str::to_owned);
        if let Some(AttrValue::Map(m)) = a.get("baseline") {
            if let (Some(d), Some(v)) = (date(m.get("date")), number(m.get("value"))) {
                out.baseline = Some(Observation { date: d, value: v });
            }
        }
        if let Some(AttrValue::List(ps)) = a.get("periods") {
            for p in ps {
                let AttrValue::Map(m) = p else { continue };
                let (Some(start), Some(end)) = (date(m.get("start")), date(m.get("end"))) else {
                    continue;
                };
                out.periods.push(Period {
                    start,
                    end,
                    target: number(m.get("target")),
                    actual: number(m.get("actual")),
                });
            }
        }
        out
    }

    /// The attributes that hold this data.
    pub fn to_attrs(&self) -> Attrs {
        let mut a = Attrs::new();
        a.insert("measure".into(), self.measure.clone().into());
        a.insert("ascending".into(), self.ascending.into());
        if let Some(u) = &self.unit {
            a.insert("unit".into(), u.clone().into());
        }
        if let Some(b) = self.baseline {
            a.insert(
                "baseline".into(),
                AttrValue::Map(
                    [
                        ("date".to_owned(), b.date.to_string().into()),
                        ("value".to_owned(), b.value.into()),
                    ]
                    .into(),
                ),
            );
        }
        if !self.periods.is_empty() {
            let list = self
                .periods
                .iter()
                .map(|p| {
                    let mut m = std::collections::BTreeMap::new();
                    m.insert("start".to_owned(), p.start.to_string().into());
                    m.insert("end".to_owned(), p.end.to_string().into());
                    if let Some(t) = p.target {
                        m.insert("target".to_owned(), t.into());
                    }
                    if let Some(x) = p.actual {
                        m.insert("actual".to_owned(), x.into());
                    }
                    AttrValue::Map(m)
                })
                .collect();
            a.insert("periods".into(), AttrValue::List(list));
        }
        a
    }

    /// `node` with this data in its attributes (other attributes kept).
    pub fn apply(&self, mut node: Node) -> Node {
        node.attrs.extend(self.to_attrs());
        node
    }

    /// The shortfall of `actual` against `target` (see the module docs).
    pub fn gap(&self, target: f64, actual: f64) -> f64 {
        if self.ascending {
            target - actual
        } else {
            actual - target
        }
    }
}

row! {
    /// One period of an indicator's results chain.
    pub struct IndicatorResultRow {
        /// The indicator's id.
        pub indicator: String,
        /// Its name or statement.
        pub label: String,
        /// The outcomes it measures, `; `-separated ids.
        pub outcomes: String,
        /// IATI measure.
        pub measure: String,
        /// The unit, if named.
        pub unit: Option<String>,
        /// Whether higher is better.
        pub ascending: bool,
        /// The baseline's date.
        pub baseline_date: Option<Date>,
        /// The baseline value.
        pub baseline: Option<f64>,
        /// The period's first day (absent for an indicator with no period).
        pub period_start: Option<Date>,
        /// The period's last day.
        pub period_end: Option<Date>,
        /// The target.
        pub target: Option<f64>,
        /// The actual value.
        pub actual: Option<f64>,
        /// The shortfall (see the module docs), when both are known.
        pub gap: Option<f64>,
        /// Whether the target was met, when both are known.
        pub met: Option<bool>,
    }
}

/// Every indicator's results chain: a row per period (one row with no period
/// for an indicator that has none), sorted by indicator (canonical order), then
/// period start, end.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorResults {
    /// The rows.
    pub rows: Vec<IndicatorResultRow>,
}
table!(IndicatorResults, IndicatorResultRow);

fn outcomes_of(idx: &PlanIndex<'_>, p: u32) -> String {
    join(
        idx,
        idx.measures
            .get(p)
            .iter()
            .copied()
            .filter(|&o| idx.kind(o) == Some(NodeKind::Outcome)),
        false,
    )
}

fn label(n: &Node) -> String {
    match (&n.number, &n.text) {
        (_, Some(t)) if n.label.is_empty() => t.clone(),
        _ => n.name().to_owned(),
    }
}

/// The results chain of every indicator (see [`IndicatorResults`]).
///
/// ```
/// use stratagraph::analysis::indicators::{self, IndicatorData, Period};
/// use stratagraph::{EdgeKind, Node, NodeKind, Strategy};
/// let d = |s: &str| s.parse().unwrap();
/// let data = IndicatorData {
///     periods: vec![Period { start: d("2023-01-01"), end: d("2023-12-31"), target: Some(60.0), actual: Some(55.0) }],
///     ..Default::default()
/// };
/// let s = Strategy::builder()
///     .node(Node::new(NodeKind::Outcome, "1", "People are supported."))
///     .node(data.apply(Node::new(NodeKind::Indicator, "1", "Share of people supported (%)")))
///     .edge("indicator:1", EdgeKind::Measures, "outcome:1")
///     .build()?;
/// let r = indicators::indicator_results(&s);
/// assert_eq!((r.rows[0].outcomes.as_str(), r.rows[0].gap, r.rows[0].met), ("outcome:1", Some(5.0), Some(false)));
/// # Ok::<(), stratagraph::Error>(())
/// ```
///
/// On the bundled Scottish plan (priority 10):
///
/// ```
/// use stratagraph::analysis::indicators;
/// let plan = stratagraph::parse_delivery_plan(include_str!(
///     "../../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
/// )).strategy;
/// // The delivery plan itself carries no indicators.
/// assert!(indicators::indicator_results(&plan).rows.is_empty());
/// ```
pub fn indicator_results(s: &Strategy) -> IndicatorResults {
    let idx = PlanIndex::new(s);
    let mut rows = Vec::new();
    for p in idx.of_kind(NodeKind::Indicator) {
        let Some(n) = idx.node(p) else { continue };
        let data = IndicatorData::from_node(n);
        let base = IndicatorResultRow {
            indicator: n.id.to_string(),
            label: label(n),
            outcomes: outcomes_of(&idx, p),
            measure: data.measure.clone(),
            unit: data.unit.clone(),
            ascending: data.ascending,
            baseline_date: data.baseline.map(|b| b.date),
            baseline: data.baseline.map(|b| b.value),
            period_start: None,
            period_end: None,
            target: None,
            actual: None,
            gap: None,
            met: None,
        };
        let mut periods = data.periods.clone();
        crate::sort::sort_by_key(&mut periods, |q| (q.start, q.end));
        if periods.is_empty() {
            rows.push(base);
            continue;
        }
        for q in periods {
            let gap = q.target.zip(q.actual).map(|(t, a)| data.gap(t, a));
            rows.push(IndicatorResultRow {
                period_start: Some(q.start),
                period_end: Some(q.end),
                target: q.target,
                actual: q.actual,
                gap,
                met: gap.map(|g| g <= 0.0),
                ..base.clone()
            });
        }
    }
    IndicatorResults { rows }
}

row! {
    /// Where one indicator stands against its target on a date.
    pub struct IndicatorGapRow {
        /// The indicator's id.
        pub indicator: String,
        /// Its name or statement.
        pub label: String,
        /// The outcomes it measures, `; `-separated ids.
        pub outcomes: String,
        /// The baseline value.
        pub baseline: Option<f64>,
        /// The baseline's date.
        pub baseline_date: Option<Date>,
        /// The target in force: that of the earliest period ending on or after
        /// the date, else of the latest period.
        pub target: Option<f64>,
        /// The end of the target's period.
        pub target_date: Option<Date>,
        /// The latest actual value of a period ended by the date.
        pub actual: Option<f64>,
        /// The end of the actual's period.
        pub actual_date: Option<Date>,
        /// Where a straight line from the baseline to the target stands on the date.
        pub expected: Option<f64>,
        /// The shortfall of the actual against the target.
        pub gap: Option<f64>,
        /// The shortfall of the actual against the expected value.
        pub gap_to_expected: Option<f64>,
        /// The share of the way from baseline to target covered (0 at the
        /// baseline, 1 at the target).
        pub progress: Option<f64>,
        /// `met` (gap ≤ 0), `on_course` (at or past the expected value),
        /// `behind`, or `no_data` (no target or no actual).
        pub status: String,
    }
}

/// Each indicator's gap to its target on a date, in canonical order.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorGaps {
    /// The date asked about.
    pub as_of: Date,
    /// The rows.
    pub rows: Vec<IndicatorGapRow>,
}
table!(IndicatorGaps, IndicatorGapRow);

/// Each indicator's gap to its target as of a date (see [`IndicatorGapRow`]).
///
/// ```
/// use stratagraph::analysis::indicators::{self, IndicatorData, Observation, Period};
/// use stratagraph::{Node, NodeKind, Strategy};
/// let d = |s: &str| s.parse().unwrap();
/// let data = IndicatorData {
///     baseline: Some(Observation { date: d("2022-12-31"), value: 40.0 }),
///     periods: vec![
///         Period { start: d("2023-01-01"), end: d("2023-12-31"), target: Some(45.0), actual: Some(44.0) },
///         Period { start: d("2024-01-01"), end: d("2024-12-31"), target: Some(50.0), actual: None },
///     ],
///     ..Default::default()
/// };
/// let s = Strategy::builder()
///     .node(data.apply(Node::new(NodeKind::Indicator, "1", "Wellbeing score")))
///     .build()?;
/// let g = indicators::indicator_gaps(&s, d("2024-03-31"));
/// let r = &g.rows[0];
/// assert_eq!((r.target, r.actual, r.gap), (Some(50.0), Some(44.0), Some(6.0)));
/// assert_eq!(r.progress, Some(0.4));
/// assert_eq!(r.status, "behind");
/// # Ok::<(), stratagraph::Error>(())
/// ```
///
/// On the bundled Scottish plan (priority 10):
///
/// ```
/// use stratagraph::analysis::indicators::{self, IndicatorData, Observation, Period};
/// use stratagraph::{EdgeKind, Node, NodeKind};
/// let mut plan = stratagraph::parse_delivery_plan(include_str!(
///     "../../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
/// )).strategy;
/// let d = |s: &str| s.parse().unwrap();
/// // An indicator of outcome 1, as a monitoring framework would add it.
/// let data = IndicatorData {
///     baseline: Some(Observation { date: d("2022-12-31"), value: 48.6 }),
///     periods: vec![Period { start: d("2023-01-01"), end: d("2024-12-31"), target: Some(50.0), actual: None },
///                   Period { start: d("2023-01-01"), end: d("2023-12-31"), target: None, actual: Some(49.0) }],
///     ..Default::default()
/// };
/// plan.add_node(data.apply(Node::new(NodeKind::Indicator, "1", "Mean adult WEMWBS score")))?;
/// plan.link("indicator:1", EdgeKind::Measures, "outcome:1")?;
/// let g = indicators::indicator_gaps(&plan, d("2024-01-31"));
/// assert_eq!((g.rows[0].outcomes.as_str(), g.rows[0].actual, g.rows[0].target), ("outcome:1", Some(49.0), Some(50.0)));
/// # Ok::<(), stratagraph::Error>(())
/// ```
pub fn indicator_gaps(s: &Strategy, as_of: Date) -> IndicatorGaps {
    let idx = PlanIndex::new(s);
    let mut rows = Vec::new();
    for p in idx.of_kind(NodeKind::Indicator) {
        let Some(n) = idx.node(p) else { continue };
        let data = IndicatorData::from_node(n);
        let mut periods = data.periods.clone();
        crate::sort::sort_by_key(&mut periods, |q| (q.end, q.start));
        let targets: Vec<&Period> = periods.iter().filter(|q| q.target.is_some()).collect();
        let target = targets
            .iter()
            .find(|q| q.end >= as_of)
            .or_else(|| targets.last())
            .copied();
        let actual = periods
            .iter()
            .rfind(|q| q.actual.is_some() && q.end <= as_of);
        let (t, a) = (target.and_then(|q| q.target), actual.and_then(|q| q.actual));
        let gap = t.zip(a).map(|(t, a)| data.gap(t, a));
        let expected = match (data.baseline, target, t) {
            (Some(b), Some(q), Some(tv)) => {
                let span = (q.end.days_since_epoch() - b.date.days_since_epoch()) as f64;
                let done = (as_of.days_since_epoch() - b.date.days_since_epoch()) as f64;
                Some(if span <= 0.0 || done >= span {
                    tv
                } else if done <= 0.0 {
                    b.value
                } else {
                    b.value + (tv - b.value) * done / span
                })
            }
            _ => None,
        };
        let gap_to_expected = expected.zip(a).map(|(e, a)| data.gap(e, a));
        let progress = match (data.baseline, t, a) {
            (Some(b), Some(t), Some(a)) if t != b.value => Some((a - b.value) / (t - b.value)),
            _ => None,
        };
        let status = match (gap, gap_to_expected) {
            (None, _) => "no_data",
            (Some(g), _) if g <= 0.0 => "met",
            (_, Some(ge)) if ge <= 0.0 => "on_course",
            _ => "behind",
        };
        rows.push(IndicatorGapRow {
            indicator: n.id.to_string(),
            label: label(n),
            outcomes: outcomes_of(&idx, p),
            baseline: data.baseline.map(|b| b.value),
            baseline_date: data.baseline.map(|b| b.date),
            target: t,
            target_date: target.map(|q| q.end),
            actual: a,
            actual_date: actual.map(|q| q.end),
            expected,
            gap,
            gap_to_expected,
            progress,
            status: status.to_owned(),
        });
    }
    IndicatorGaps { as_of, rows }
}
