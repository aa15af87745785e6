//! Progress: a board's dated report of the status of each strategic action,
//! in the vocabulary of real reports, and how it attaches to a plan.
//!
//! Everything about progress is found from here:
//!
//! | module | what |
//! |---|---|
//! | this one | the model: [`Status`], [`ProgressReport`] and its entries, canonical JSON ([`ProgressReport::to_json`], [`ProgressReport::from_json`]), attaching a report to a plan ([`ProgressReport::apply_to`]) |
//! | [`parse`] | reading a board's progress report from text ([`parse::parse_progress_report`]) |
//! | [`rollup`] | statuses rolled up to strategic actions, priorities and outcomes; the board-paper summary; series, changes, staleness |
//! | [`report`] | the readable text report of a progress report |

pub mod parse;
pub mod report;
pub mod rollup;

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Severity};
use crate::error::Error;
use crate::format::json::{check_header, json_error, to_pretty_json, Header};
use crate::model::{AttrValue, Date, NodeId, NodeKind, Strategy};
use crate::parse::counts::CountGroup;

/// The status of an action, in the words of real progress reports.
///
/// Serialised in snake_case (`missed_no_risk`); read leniently by
/// [`Status::parse`] (and [`FromStr`]): any case, stray spaces and
/// punctuation, and the long forms boards print.
///
/// ```
/// use stratagraph::progress::Status;
/// assert_eq!(Status::parse("Missed Delivery Date no Risk"), Some(Status::MissedNoRisk));
/// assert_eq!(Status::parse(" delivery date missed WITH risk. "), Some(Status::MissedWithRisk));
/// assert_eq!(Status::parse("Completed"), Some(Status::Delivered));
/// assert_eq!("on_track".parse::<Status>().unwrap(), Status::OnTrack);
/// assert_eq!(Status::AtRisk.as_str(), "at_risk");
/// assert_eq!(Status::AtRisk.label(), "At Risk");
/// assert_eq!(Status::parse("Green"), None);
/// ```
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Work has not started.
    NotStarted,
    /// On track to meet its delivery date.
    OnTrack,
    /// At risk of missing its delivery date.
    AtRisk,
    /// Off track: will not meet its delivery date without action.
    OffTrack,
    /// The delivery date was missed, with no risk to the outcome
    /// ("Missed Delivery Date no Risk").
    MissedNoRisk,
    /// The delivery date was missed, with risk to the outcome
    /// ("Delivery Date Missed with Risk").
    MissedWithRisk,
    /// Delivered (also written "Completed").
    Delivered,
}

/// Normalised spellings (lower case, words separated by one space) of each status.
const STATUS_ALIASES: &[(&str, Status)] = &[
    ("not started", Status::NotStarted),
    ("not yet started", Status::NotStarted),
    ("notstarted", Status::NotStarted),
    ("on track", Status::OnTrack),
    ("ontrack", Status::OnTrack),
    ("at risk", Status::AtRisk),
    ("atrisk", Status::AtRisk),
    ("off track", Status::OffTrack),
    ("offtrack", Status::OffTrack),
    ("missed delivery date no risk", Status::MissedNoRisk),
    ("missed delivery date with no risk", Status::MissedNoRisk),
    ("missed delivery date but no risk", Status::MissedNoRisk),
    ("delivery date missed no risk", Status::MissedNoRisk),
    ("delivery date missed with no risk", Status::MissedNoRisk),
    ("missed no risk", Status::MissedNoRisk),
    ("missed with no risk", Status::MissedNoRisk),
    ("missed but no risk", Status::MissedNoRisk),
    ("delivery date missed with risk", Status::MissedWithRisk),
    ("missed delivery date with risk", Status::MissedWithRisk),
    ("delivery date missed at risk", Status::MissedWithRisk),
    ("missed delivery date at risk", Status::MissedWithRisk),
    ("missed with risk", Status::MissedWithRisk),
    ("delivered", Status::Delivered),
    ("completed", Status::Delivered),
    ("complete", Status::Delivered),
];

impl Status {
    /// Every status, from not started to delivered.
    ///
    /// ```
    /// use stratagraph::progress::Status;
    /// assert_eq!(Status::ALL.len(), 7);
    /// assert_eq!(Status::ALL[0], Status::NotStarted);
    /// ```
    pub const ALL: [Status; 7] = [
        Status::NotStarted,
        Status::OnTrack,
        Status::AtRisk,
        Status::OffTrack,
        Status::MissedNoRisk,
        Status::MissedWithRisk,
        Status::Delivered,
    ];

    /// The snake_case name used in JSON and node attributes (`missed_no_risk`).
    ///
    /// ```
    /// use stratagraph::progress::Status;
    /// assert_eq!(Status::MissedNoRisk.as_str(), "missed_no_risk");
    /// assert_eq!(Status::MissedNoRisk.to_string(), "missed_no_risk");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::OnTrack => "on_track",
            Status::AtRisk => "at_risk",
            Status::OffTrack => "off_track",
            Status::MissedNoRisk => "missed_no_risk",
            Status::MissedWithRisk => "missed_with_risk",
            Status::Delivered => "delivered",
        }
    }

    /// The words a board paper prints ("Missed Delivery Date no Risk").
    ///
    /// ```
    /// use stratagraph::progress::Status;
    /// assert_eq!(Status::MissedWithRisk.label(), "Delivery Date Missed with Risk");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "Not Started",
            Status::OnTrack => "On Track",
            Status::AtRisk => "At Risk",
            Status::OffTrack => "Off Track",
            Status::MissedNoRisk => "Missed Delivery Date no Risk",
            Status::MissedWithRisk => "Delivery Date Missed with Risk",
            Status::Delivered => "Delivered",
        }
    }

    /// Read a status as reports write it: any case, any spacing, stray
    /// punctuation ignored; `None` if the words are not a status.
    ///
    /// ```
    /// use stratagraph::progress::Status;
    /// assert_eq!(Status::parse("  On   track. "), Some(Status::OnTrack));
    /// assert_eq!(Status::parse("Amber"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Status> {
        let key = normalise_words(text);
        STATUS_ALIASES
            .iter()
            .find(|(alias, _)| *alias == key)
            .map(|&(_, s)| s)
    }
}

pub(crate) use crate::text::normalise_words;

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = Error;

    fn from_str(s: &str) -> Result<Status, Error> {
        Status::parse(s).ok_or_else(|| Error::UnknownKind {
            what: "status",
            value: s.to_owned(),
        })
    }
}

/// The share of an action's sub-actions in one status ("33.3% On Track").
///
/// ```
/// use stratagraph::progress::{Status, StatusShare};
/// let share = StatusShare { status: Status::OnTrack, percent: 33.3 };
/// assert_eq!(share.to_string(), "33.3% On Track");
/// ```
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusShare {
    /// The status.
    pub status: Status,
    /// The percentage of actions in it, as printed (0 to 100, finite).
    pub percent: f64,
}

impl fmt::Display for StatusShare {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}% {}", self.percent, self.status.label())
    }
}

/// One row of a progress report: a strategic action, its overall status and
/// the share of its actions in each status.
///
/// ```
/// use stratagraph::progress::{ProgressEntry, Status, StatusShare};
/// let row = ProgressEntry {
///     number: "2.2".into(),
///     title: "Expand digital therapies and resource.".into(),
///     status: Some(Status::AtRisk),
///     shares: vec![
///         StatusShare { status: Status::OnTrack, percent: 33.3 },
///         StatusShare { status: Status::AtRisk, percent: 66.7 },
///     ],
///     line: 12,
/// };
/// assert!((row.shares_total() - 100.0).abs() < 1e-9);
/// ```
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressEntry {
    /// The strategic action's number ("2.2").
    pub number: String,
    /// The strategic action's title, as the report prints it.
    #[serde(default)]
    pub title: String,
    /// The overall status, when the row gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// The share of its actions in each status, in the order printed.
    #[serde(default)]
    pub shares: Vec<StatusShare>,
    /// The 1-based line of the source text the row starts on.
    pub line: usize,
}

impl ProgressEntry {
    /// The sum of the shares' percentages.
    ///
    /// ```
    /// let report = stratagraph::parse_progress_report("1.1 Train staff.\tOn Track\t40% On Track, 50% Delivered").report;
    /// assert_eq!(report.entries[0].shares_total(), 90.0);
    /// ```
    pub fn shares_total(&self) -> f64 {
        self.shares.iter().map(|s| s.percent).sum()
    }
}

/// The `format` value of a progress report's canonical JSON.
///
/// ```
/// let json = stratagraph::progress::ProgressReport::default().to_json();
/// assert!(json.contains(stratagraph::progress::PROGRESS_FORMAT));
/// ```
pub const PROGRESS_FORMAT: &str = "stratagraph-progress";
/// The version of a progress report's canonical JSON.
///
/// ```
/// assert_eq!(stratagraph::progress::PROGRESS_VERSION, 1);
/// ```
pub const PROGRESS_VERSION: u32 = 1;

/// How far the shares of a row may be from 100% before it is reported
/// (board papers round each share to one decimal place: three shares of
/// 33.3% make 99.9%, which passes).
///
/// ```
/// assert!((100.0_f64 - 99.9).abs() <= stratagraph::progress::SHARES_TOLERANCE);
/// ```
pub const SHARES_TOLERANCE: f64 = 0.5;

/// A dated progress report: a status for each strategic action.
///
/// ```
/// use stratagraph::progress::{ProgressReport, Status};
/// use stratagraph::{Node, NodeKind, Strategy};
///
/// let report = stratagraph::parse_progress_report(
///     "Progress as at 31 March 2024\n2.2 Expand digital therapies.\tAt Risk\t50% On Track, 50.% At Risk",
/// ).report;
/// assert_eq!(report.date.map(|d| d.to_string()).as_deref(), Some("2024-03-31"));
/// assert_eq!(report.entries[0].status, Some(Status::AtRisk));
///
/// let mut plan = Strategy::new();
/// plan.add_node(Node::new(NodeKind::StrategicAction, "2.2", "Expand digital therapies."))?;
/// assert!(report.apply_to(&mut plan).is_empty());
/// let action = plan.node("strategic-action:2.2").unwrap();
/// assert_eq!(action.attrs["status"].as_text(), Some("at_risk"));
/// assert_eq!(action.attrs["status_date"].as_text(), Some("2024-03-31"));
///
/// assert_eq!(ProgressReport::from_json(&report.to_json())?, report);
/// # Ok::<(), stratagraph::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressReport {
    /// The report's title, as printed.
    #[serde(default)]
    pub title: String,
    /// The date the report gives progress as at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The rows, in the order printed.
    #[serde(default)]
    pub entries: Vec<ProgressEntry>,
    /// The headline counts the text states in prose ("There are 25 (73%) on
    /// track, 7 (21%) at risk and 2 (6%) off track", "Out of the 50 Actions
    /// in the plan, 22 are completed"), one group per counted thing, read by
    /// [`headline_counts`](crate::parse::counts::headline_counts). Left out
    /// of the JSON when there are none (so version 1 holds it: a report
    /// written before the field reads as one without counts).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counts: Vec<CountGroup>,
}

#[derive(Serialize)]
struct DocOut<'a> {
    format: &'static str,
    version: u32,
    #[serde(flatten)]
    report: &'a ProgressReport,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocIn {
    format: String,
    version: u32,
    #[serde(default)]
    title: String,
    #[serde(default)]
    date: Option<Date>,
    #[serde(default)]
    entries: Vec<ProgressEntry>,
    #[serde(default)]
    counts: Vec<CountGroup>,
}

impl ProgressReport {
    /// The report's canonical JSON: `{"format": "stratagraph-progress",
    /// "version": 1, "title", "date", "entries", "counts"}` (`date` and
    /// `counts` left out when there are none), two-space indented, ending
    /// with a newline; the same report always gives the same bytes.
    ///
    /// ```
    /// use stratagraph::progress::ProgressReport;
    /// let report = ProgressReport { title: "Progress".into(), ..Default::default() };
    /// assert_eq!(
    ///     report.to_json(),
    ///     "{\n  \"format\": \"stratagraph-progress\",\n  \"version\": 1,\n  \"title\": \"Progress\",\n  \"entries\": []\n}\n"
    /// );
    /// ```
    pub fn to_json(&self) -> String {
        to_pretty_json(&DocOut {
            format: PROGRESS_FORMAT,
            version: PROGRESS_VERSION,
            report: self,
        })
    }

    /// Read a report from its canonical JSON. Malformed JSON is an
    /// [`Error::Json`] with its line and column; a wrong `format` an
    /// [`Error::Format`]; a wrong `version` an [`Error::Version`].
    ///
    /// ```
    /// use stratagraph::progress::ProgressReport;
    /// let text = r#"{"format": "stratagraph-progress", "version": 1, "title": "Q4",
    ///   "date": "2024-03-31",
    ///   "entries": [{"number": "1.1", "title": "Train staff.", "status": "delivered",
    ///                "shares": [{"status": "delivered", "percent": 100.0}], "line": 3}]}"#;
    /// let report = ProgressReport::from_json(text)?;
    /// assert_eq!(report.entries[0].number, "1.1");
    /// let err = ProgressReport::from_json(r#"{"format": "stratagraph", "version": 1}"#).unwrap_err();
    /// assert_eq!(err.code(), "format");
    /// assert!(err.to_string().contains("expected \"stratagraph-progress\""));
    /// # Ok::<(), stratagraph::Error>(())
    /// ```
    pub fn from_json(text: &str) -> Result<ProgressReport, Error> {
        let text = crate::format::json::without_bom(text);
        match serde_json::from_str::<DocIn>(text) {
            Ok(doc) => {
                let format = serde_json::Value::String(doc.format);
                let version = serde_json::Value::from(doc.version);
                check_header(
                    Some(&format),
                    Some(&version),
                    (PROGRESS_FORMAT, PROGRESS_VERSION),
                )?;
                Ok(ProgressReport {
                    title: doc.title,
                    date: doc.date,
                    entries: doc.entries,
                    counts: doc.counts,
                })
            }
            Err(e) => {
                if let Ok(h) = serde_json::from_str::<Header>(text) {
                    check_header(
                        h.format.as_ref(),
                        h.version.as_ref(),
                        (PROGRESS_FORMAT, PROGRESS_VERSION),
                    )?;
                }
                Err(json_error(&e))
            }
        }
    }

    /// Whether the report holds nothing: no title, no date, no rows, no
    /// counts (what a [`ParseResult`](crate::ParseResult) of a plan or a
    /// strategy holds, unless its text states headline counts: those are in
    /// its report's `counts`).
    ///
    /// ```
    /// assert!(stratagraph::parse_delivery_plan("Priority 1: Safe care.").report.is_empty());
    /// assert!(!stratagraph::parse_progress_report("1.1 Train staff.\nOn Track").report.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.title.is_empty()
            && self.date.is_none()
            && self.entries.is_empty()
            && self.counts.is_empty()
    }

    /// The row for a strategic action number, if the report has one (the last, if several).
    ///
    /// ```
    /// let report = stratagraph::parse_progress_report("1.1 Train staff.\nOn Track").report;
    /// assert_eq!(report.entry("1.1").map(|e| e.title.as_str()), Some("Train staff."));
    /// assert!(report.entry("1.2").is_none());
    /// ```
    pub fn entry(&self, number: &str) -> Option<&ProgressEntry> {
        self.entries.iter().rev().find(|e| e.number == number)
    }

    /// Attach the report to the strategic actions of a plan: each row's node
    /// (`strategic-action:N`, else `action:N`) gets the attributes `status`
    /// (snake_case), `status_date` (`YYYY-MM-DD`, when the report is dated)
    /// and `status_shares` (status → percent). An attribute the row does not
    /// give is removed, so the node shows this report and no older one.
    ///
    /// Returns a diagnostic for each row that matches no node
    /// (`progress_unmatched`) and each row whose shares do not add up to 100%
    /// within [`SHARES_TOLERANCE`] (`progress_shares_total`), both warnings.
    ///
    /// ```
    /// use stratagraph::{Node, NodeKind, Strategy};
    /// let report = stratagraph::parse_progress_report(
    ///     "1.1 Train staff.\nOn Track\n40% On Track, 50% Delivered\n9.9 Unknown.\nDelivered",
    /// ).report;
    /// let mut plan = Strategy::new();
    /// plan.add_node(Node::new(NodeKind::StrategicAction, "1.1", "Train staff."))?;
    /// let codes: Vec<_> = report.apply_to(&mut plan).into_iter().map(|d| d.code).collect();
    /// assert_eq!(codes, ["progress_shares_total", "progress_unmatched"]);
    /// # Ok::<(), stratagraph::Error>(())
    /// ```
    pub fn apply_to(&self, strategy: &mut Strategy) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for entry in &self.entries {
            let id = [NodeKind::StrategicAction, NodeKind::Action]
                .into_iter()
                .map(|k| NodeId::of(k, &entry.number))
                .find(|id| strategy.contains(id.as_str()));
            if !entry.shares.is_empty() {
                let total = entry.shares_total();
                if !total.is_finite() || (total - 100.0).abs() > SHARES_TOLERANCE {
                    out.push(
                        Diagnostic::new(
                            "progress_shares_total",
                            Severity::Warning,
                            format!(
                                "line {}: the shares of {} add up to {}%, not 100%",
                                entry.line,
                                entry.number,
                                (total * 10.0).round() / 10.0
                            ),
                        )
                        .with_ids(id.iter().map(NodeId::as_str))
                        .at(entry.line, None),
                    );
                }
            }
            let Some(id) = id else {
                out.push(
                    Diagnostic::new(
                        "progress_unmatched",
                        Severity::Warning,
                        format!(
                            "line {}: the report's row {} {:?} matches no strategic action of the plan",
                            entry.line, entry.number, entry.title
                        ),
                    )
                    .at(entry.line, None),
                );
                continue;
            };
            let mut shares: BTreeMap<String, AttrValue> = BTreeMap::new();
            for share in &entry.shares {
                let slot = shares
                    .entry(share.status.as_str().to_owned())
                    .or_insert(AttrValue::Number(0.0));
                if let AttrValue::Number(p) = slot {
                    *p += share.percent;
                }
            }
            let date = self.date;
            let status = entry.status;
            let _ = strategy.update_node(id.as_str(), |n| {
                let mut set = |name: &str, value: Option<AttrValue>| match value {
                    Some(v) => {
                        n.attrs.insert(name.to_owned(), v);
                    }
                    None => {
                        n.attrs.remove(name);
                    }
                };
                set("status", status.map(|s| s.as_str().into()));
                set("status_date", date.map(|d| d.to_string().into()));
                set(
                    "status_shares",
                    (!shares.is_empty()).then_some(AttrValue::Map(shares)),
                );
            });
        }
        out
    }
}
