//! The readable text report of a progress report (the CLI's `report` on a
//! progress report): its title and date, each strategic action's status and
//! shares, and the diagnostics.

use std::fmt::Write as _;

use super::ProgressReport;
use crate::diagnostic::Diagnostic;
use crate::format::report::wrap_into;

/// The readable report of a progress report: its date, each strategic action's
/// status and shares, and the diagnostics.
///
/// ```
/// let parsed = stratagraph::parse_progress_report(
///     "Progress as at 31 March 2024\n2.2 Expand digital therapies.\tAt Risk\t50% On Track, 50% At Risk",
/// );
/// let text = stratagraph::progress::report::progress_text_report(&parsed.report, &parsed.diagnostics);
/// assert!(text.contains("2.2 [At Risk] Expand digital therapies."));
/// ```
pub fn progress_text_report(report: &ProgressReport, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    let title = if report.title.is_empty() {
        "Progress report"
    } else {
        report.title.as_str()
    };
    let _ = writeln!(out, "{title}");
    if let Some(d) = report.date {
        let _ = writeln!(out, "As at {d}");
    }
    let _ = writeln!(out, "{} rows\n", report.entries.len());
    for e in &report.entries {
        let status = e.status.map_or("(no status)", |s| s.label());
        wrap_into(
            &mut out,
            &format!("{} [{status}] {}", e.number, e.title),
            "",
            "      ",
        );
        if !e.shares.is_empty() {
            let shares: Vec<String> = e
                .shares
                .iter()
                .map(|s| format!("{}% {}", s.percent, s.status.label()))
                .collect();
            wrap_into(&mut out, &shares.join(", "), "      ", "      ");
        }
    }
    let _ = writeln!(out, "\nDiagnostics");
    if diagnostics.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for d in diagnostics {
        wrap_into(&mut out, &d.to_string(), "  ", "      ");
    }
    out
}
