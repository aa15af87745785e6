//! Diagnostics: problems found by validation and parsing, as data.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// How serious a diagnostic is.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing; nothing is wrong.
    Info,
    /// Probably a problem in the document.
    Warning,
    /// The document or model is inconsistent.
    Error,
}

impl Severity {
    /// `info`, `warning` or `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A severity from its name (`info`, `warning`, `error`, as [`Severity::as_str`]
/// writes it); any other text is an [`Error::UnknownKind`] with `what` = `severity`.
///
/// ```
/// use stratagraph::Severity;
/// assert_eq!("warning".parse::<Severity>()?, Severity::Warning);
/// assert!("fatal".parse::<Severity>().is_err());
/// # Ok::<(), stratagraph::Error>(())
/// ```
impl FromStr for Severity {
    type Err = Error;

    fn from_str(s: &str) -> Result<Severity, Error> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            _ => Err(Error::UnknownKind {
                what: "severity",
                value: s.to_owned(),
            }),
        }
    }
}

/// One problem found in a document or model: a stable code, a severity, the ids
/// of the nodes concerned, a message, and the line it was found on when there is one.
///
/// ```
/// use stratagraph::{Diagnostic, Severity};
/// let d = Diagnostic::new("action_without_lead", Severity::Warning, "action 10.1.1 has no lead")
///     .with_ids(["action:10.1.1"]);
/// assert_eq!(d.to_string(), "warning[action_without_lead]: action 10.1.1 has no lead (action:10.1.1)");
/// ```
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Diagnostic {
    /// A stable snake_case code (`duplicate_id`, `numbering_gap`, ...).
    pub code: String,
    /// How serious it is.
    pub severity: Severity,
    /// The ids of the nodes concerned, most relevant first.
    #[serde(default)]
    pub ids: Vec<String>,
    /// A sentence a person can act on.
    pub message: String,
    /// The 1-based line of the source text, when the problem has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The 1-based column of the source text, when the problem has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

impl Diagnostic {
    /// A diagnostic with no ids and no location.
    pub fn new(code: impl Into<String>, severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic {
            code: code.into(),
            severity,
            ids: Vec::new(),
            message: message.into(),
            line: None,
            column: None,
        }
    }

    /// Set the ids concerned.
    pub fn with_ids<I, S>(mut self, ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.ids = ids.into_iter().map(Into::into).collect();
        self
    }

    /// Set the line (and column) of the source text.
    pub fn at(mut self, line: usize, column: Option<usize>) -> Self {
        self.line = Some(line);
        self.column = column;
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]", self.severity, self.code)?;
        if let Some(line) = self.line {
            write!(f, " line {line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        write!(f, ": {}", self.message)?;
        if !self.ids.is_empty() {
            write!(f, " ({})", self.ids.join(", "))?;
        }
        Ok(())
    }
}

/// Diagnostics as a JSON array: deterministic, two-space indented, ending with
/// a newline (the form the golden files and the bindings share).
///
/// ```
/// use stratagraph::{diagnostics_to_json, Diagnostic, Severity};
/// let d = Diagnostic::new("idle_partner", Severity::Warning, "partner \"NES\" leads nothing");
/// assert!(diagnostics_to_json(&[d]).starts_with("[\n  {\n    \"code\": \"idle_partner\""));
/// assert_eq!(diagnostics_to_json(&[]), "[]\n");
/// ```
pub fn diagnostics_to_json(diagnostics: &[Diagnostic]) -> String {
    crate::format::json::to_pretty_json(diagnostics)
}
