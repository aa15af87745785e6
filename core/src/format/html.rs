//! A single-file HTML report: no scripts, no network, everything inline.
//!
//! Sections, in order: a summary; the map (the SVG drawing of
//! [`crate::format::svg`]); progress (the board-paper summary and the roll-up
//! to priorities and outcomes of [`crate::progress::rollup`]); the actions table (as in the CSV
//! export); coverage (the priority × outcome matrix of
//! [`crate::analysis::coverage`]); gaps; and the timeline (a Gantt chart and
//! the table of [`crate::analysis::timeline`]).
//!
//! In the actions table, an action's status is its `status` attribute, else
//! that of its nearest container (a progress report rates strategic actions),
//! shown in the words of [`crate::progress::Status`]. Every text is escaped; colours are
//! CSS custom properties, with a dark scheme for `prefers-color-scheme: dark`.
//!
//! ```
//! use stratagraph::format::html::to_html;
//! use stratagraph::format::SvgOptions;
//! use stratagraph::{Node, NodeKind, Strategy};
//! let s = Strategy::builder()
//!     .node(Node::new(NodeKind::Action, "1.1.1", "<b>Launch</b> a board.").with_attr("status", "On track"))
//!     .build()?;
//! let html = to_html(&s, &SvgOptions::default());
//! assert!(html.starts_with("<!DOCTYPE html>"));
//! assert!(html.contains("&lt;b&gt;Launch&lt;/b&gt;"));
//! assert!(!html.contains("<script"));
//! # Ok::<(), stratagraph::Error>(())
//! ```

use std::fmt::Write as _;

use super::csv::action_rows;
use super::svg::{to_svg, SvgOptions};
use super::xml_escape;
use crate::analysis::{coverage, timeline};
use crate::model::{Date, Node, NodeKind, Strategy};
use crate::progress::rollup as progress;
use crate::progress::Status;

fn status_class(text: &str) -> &'static str {
    Status::parse(text).map_or("unknown", Status::as_str)
}

fn esc(s: &str) -> String {
    xml_escape(s).into_owned()
}

fn title_of(s: &Strategy) -> String {
    s.nodes()
        .find(|n| n.kind == NodeKind::Strategy)
        .or_else(|| s.nodes().find(|n| n.kind == NodeKind::Plan))
        .map_or_else(|| "Strategy report".to_owned(), Node::title)
}

const STYLE: &str = r#":root{--fg:#111827;--muted:#4b5563;--bg:#ffffff;--line:#d1d5db;--head:#f3f4f6;--accent:#4338ca;
--st-delivered:#15803d;--st-on_track:#16a34a;--st-at_risk:#d97706;--st-off_track:#dc2626;--st-missed_no_risk:#b45309;
--st-missed_with_risk:#991b1b;--st-not_started:#6b7280;--st-unknown:#9ca3af}
@media (prefers-color-scheme:dark){:root{--fg:#e5e7eb;--muted:#9ca3af;--bg:#111827;--line:#374151;--head:#1f2937;--accent:#a5b4fc;
--sg-background:#111827;--sg-text:#e5e7eb;--sg-heading:#f9fafb;--sg-column:#9ca3af;--sg-priority-fill:#312e81;--sg-strategic-action-fill:#4c1d95;
--sg-action-fill:#78350f;--sg-outcome-fill:#14532d;--sg-partner-fill:#0c4a6e}}
*{box-sizing:border-box}
body{margin:0;padding:24px 32px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 8px;border-bottom:2px solid var(--line);padding-bottom:4px}
nav a{margin-right:14px;color:var(--accent)}p.summary{color:var(--muted);margin:0 0 8px}
.scroll{overflow-x:auto;border:1px solid var(--line);border-radius:6px}
.scroll>svg.sg{display:block;max-width:100%;height:auto}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th{background:var(--head);position:sticky;top:0}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.zero{color:var(--st-off_track);font-weight:600}td.named{font-weight:700}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;font-size:12px;white-space:nowrap;background:var(--st-unknown)}
.badge.delivered{background:var(--st-delivered)}.badge.on_track{background:var(--st-on_track)}.badge.at_risk{background:var(--st-at_risk)}
.badge.off_track{background:var(--st-off_track)}.badge.missed_no_risk{background:var(--st-missed_no_risk)}
.badge.missed_with_risk{background:var(--st-missed_with_risk)}.badge.not_started{background:var(--st-not_started)}
.gantt rect.bar{fill:var(--accent);opacity:.75}.gantt path.milestone{fill:var(--accent)}.gantt text{fill:var(--fg);font-size:11px}
.gantt line{stroke:var(--line)}.empty{color:var(--muted);font-style:italic}
@media print{nav{display:none}.scroll{overflow:visible}}
"#;

/// The strategy as a self-contained HTML report.
pub fn to_html(s: &Strategy, svg: &SvgOptions) -> String {
    let title = title_of(s);
    let mut out = String::with_capacity(32_768 + s.len() * 1_500);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"stratagraph\">\n");
    let _ = writeln!(out, "<title>{}</title>", esc(&title));
    let _ = writeln!(out, "<style>\n{STYLE}</style>\n</head>\n<body>");
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", esc(&title));
    let count = |k: NodeKind, one: &str, many: &str| {
        let n = s.nodes_of_kind(k).count();
        format!("{n} {}", if n == 1 { one } else { many })
    };
    let _ = writeln!(
        out,
        "<p class=\"summary\">{}, {}, {}, {}, {}.</p>",
        count(NodeKind::Priority, "priority", "priorities"),
        count(
            NodeKind::StrategicAction,
            "strategic action",
            "strategic actions"
        ),
        count(NodeKind::Action, "action", "actions"),
        count(NodeKind::Outcome, "outcome", "outcomes"),
        count(NodeKind::Partner, "partner", "partners")
    );
    out.push_str("<nav><a href=\"#map\">Map</a><a href=\"#progress\">Progress</a><a href=\"#actions\">Actions</a>\
                  <a href=\"#coverage\">Coverage</a><a href=\"#gaps\">Gaps</a><a href=\"#timeline\">Timeline</a></nav>\n</header>\n<main>\n");

    out.push_str("<section id=\"map\">\n<h2>Map</h2>\n<div class=\"scroll\">\n");
    out.push_str(&to_svg(s, svg));
    out.push_str("</div>\n</section>\n");

    progress_section(s, &mut out);
    actions_section(s, &mut out);
    coverage_section(s, &mut out);
    gaps_section(s, &mut out);
    timeline_section(s, &mut out);

    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn badge(status: &str) -> String {
    let class = status_class(status);
    let label = match Status::parse(status) {
        Some(st) => st.label(),
        None => status,
    };
    format!("<span class=\"badge {class}\">{}</span>", esc(label))
}

fn progress_section(s: &Strategy, out: &mut String) {
    out.push_str("<section id=\"progress\">\n<h2>Progress</h2>\n");
    let summary = progress::progress_summary(s);
    if summary.rated == 0 {
        out.push_str("<p class=\"empty\">No strategic action has a status yet: apply a progress report to the plan.</p>\n</section>\n");
        return;
    }
    let date = summary
        .date
        .map(|d| format!("As at {d}: "))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "<p>{date}{} of {} strategic actions rated: {}.</p>",
        summary.rated,
        summary.strategic_actions,
        esc(&summary.text)
    );
    out.push_str("<div class=\"scroll\"><table>\n<thead><tr><th>Status</th><th class=\"num\">Strategic actions</th><th class=\"num\">Share</th></tr></thead>\n<tbody>\n");
    for r in &summary.rows {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}%</td></tr>",
            badge(&r.status),
            r.count,
            r.percent
        );
    }
    out.push_str("</tbody></table></div>\n");
    let rollup = progress::progress_rollup(s);
    out.push_str("<p>Rolled up (a priority or outcome takes the worst status of its strategic actions):</p>\n");
    out.push_str("<div class=\"scroll\"><table>\n<thead><tr><th>Where</th><th>Status</th><th class=\"num\">Rated</th><th>Strategic actions by status</th></tr></thead>\n<tbody>\n");
    for r in &rollup.rows {
        let name = s.node(&r.id).map_or_else(|| r.id.clone(), Node::short_name);
        let status = r.status.as_deref().map(badge).unwrap_or_default();
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{status}</td><td class=\"num\">{}/{}</td><td>{}</td></tr>",
            esc(&name),
            r.rated,
            r.strategic_actions,
            esc(&r.summary)
        );
    }
    out.push_str("</tbody></table></div>\n</section>\n");
}

fn actions_section(s: &Strategy, out: &mut String) {
    out.push_str("<section id=\"actions\">\n<h2>Actions</h2>\n");
    let rows: Vec<Vec<String>> = action_rows(s).collect();
    if rows.is_empty() {
        out.push_str("<p class=\"empty\">The plan has no actions.</p>\n</section>\n");
        return;
    }
    out.push_str("<div class=\"scroll\"><table>\n<thead><tr><th>Action</th><th>Text</th><th>Priority</th><th>Strategic action</th>\
                  <th>Leads</th><th>Key partners</th><th>Deadline</th><th>Due</th><th>Outcomes</th><th>Status</th></tr></thead>\n<tbody>\n");
    for r in &rows {
        let cell = |i: usize| esc(r.get(i).map_or("", String::as_str));
        let status = r.get(11).cloned().unwrap_or_default();
        let badge = if status.is_empty() {
            String::new()
        } else {
            format!(
                "<span class=\"badge {}\">{}</span>",
                status_class(&status),
                esc(&status)
            )
        };
        let number = if cell(1).is_empty() { cell(0) } else { cell(1) };
        let _ = writeln!(
            out,
            "<tr><td>{number}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{badge}</td></tr>",
            cell(2),
            cell(3),
            cell(4),
            cell(5),
            cell(6),
            cell(9),
            cell(8),
            cell(10)
        );
    }
    out.push_str("</tbody></table></div>\n</section>\n");
}

fn coverage_section(s: &Strategy, out: &mut String) {
    out.push_str("<section id=\"coverage\">\n<h2>Coverage</h2>\n");
    let m = coverage::priority_outcome_matrix(s);
    if m.priorities.is_empty() || m.outcomes.is_empty() {
        out.push_str("<p class=\"empty\">The plan has no priorities or no outcomes to cross.</p>\n</section>\n");
        return;
    }
    out.push_str("<p>Actions of each priority that count towards each outcome; <strong>bold</strong>: the priority names the outcome itself.</p>\n");
    out.push_str("<div class=\"scroll\"><table>\n<thead><tr><th>Priority</th>");
    let name = |id: &str| s.node(id).map_or_else(|| id.to_owned(), Node::short_name);
    for o in &m.outcomes {
        let _ = write!(out, "<th class=\"num\">{}</th>", esc(&name(o)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    // The matrix is dense, row-major (priority, then outcome): one chunk per priority.
    for (p, cells) in m.priorities.iter().zip(m.rows.chunks(m.outcomes.len())) {
        let _ = write!(out, "<tr><td>{}</td>", esc(&name(p)));
        for r in cells {
            let (n, named) = (r.actions, r.named);
            let class = match (n, named) {
                (0, false) => "num zero",
                (_, true) => "num named",
                _ => "num",
            };
            let _ = write!(out, "<td class=\"{class}\">{n}</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>\n</section>\n");
}

fn gaps_section(s: &Strategy, out: &mut String) {
    out.push_str("<section id=\"gaps\">\n<h2>Gaps</h2>\n");
    let gaps = coverage::gaps(s);
    if gaps.rows.is_empty() {
        out.push_str("<p class=\"empty\">No gaps found.</p>\n</section>\n");
        return;
    }
    out.push_str("<div class=\"scroll\"><table>\n<thead><tr><th>Gap</th><th>Where</th><th>Detail</th></tr></thead>\n<tbody>\n");
    for g in &gaps.rows {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&g.gap.replace('_', " ")),
            esc(&g.label),
            esc(&g.detail)
        );
    }
    out.push_str("</tbody></table></div>\n</section>\n");
}

fn timeline_section(s: &Strategy, out: &mut String) {
    out.push_str("<section id=\"timeline\">\n<h2>Timeline</h2>\n");
    let t = timeline::timeline(s);
    if t.rows.is_empty() {
        out.push_str("<p class=\"empty\">No action has a deadline.</p>\n</section>\n");
        return;
    }
    gantt(&t, out);
    out.push_str("<div class=\"scroll\"><table>\n<thead><tr><th>Action</th><th>Deadline</th><th>Start</th><th>Due</th><th>Leads</th><th>Status</th></tr></thead>\n<tbody>\n");
    let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    for r in &t.rows {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&r.number),
            esc(&r.phrase),
            date(r.start),
            date(r.end),
            esc(&r.leads),
            esc(r.status.as_deref().unwrap_or(""))
        );
    }
    if t.undated > 0 {
        let _ = writeln!(
            out,
            "<tr><td colspan=\"6\" class=\"empty\">{} action(s) without a deadline.</td></tr>",
            t.undated
        );
    }
    out.push_str("</tbody></table></div>\n</section>\n");
}

/// A Gantt chart: a bar per action from its start to its end (a diamond when
/// it has only an end), with a line at the start of each year.
fn gantt(t: &timeline::Timeline, out: &mut String) {
    const LEFT: i64 = 80;
    const WIDTH: i64 = 880;
    const ROW: i64 = 18;
    const TOP: i64 = 22;
    let days: Vec<i64> = t
        .rows
        .iter()
        .flat_map(|r| [r.start, r.end])
        .flatten()
        .map(Date::days_since_epoch)
        .collect();
    let (Some(&lo), Some(&hi)) = (days.iter().min(), days.iter().max()) else {
        return;
    };
    let span = (hi - lo).max(1);
    let x = |d: i64| LEFT + (d - lo) * WIDTH / span;
    let n = i64::try_from(t.rows.len()).unwrap_or(0);
    let height = TOP + n * ROW + 8;
    let _ = writeln!(
        out,
        "<svg class=\"gantt\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{height}\" viewBox=\"0 0 {} {height}\" role=\"img\" aria-label=\"Deadlines of {n} actions\">",
        LEFT + WIDTH + 20,
        LEFT + WIDTH + 20
    );
    let years: Vec<i32> = t
        .rows
        .iter()
        .flat_map(|r| [r.start, r.end])
        .flatten()
        .map(Date::year)
        .collect();
    let first_year = years.iter().copied().min().unwrap_or(1970);
    let last_year = years.iter().copied().max().unwrap_or(1970);
    for year in first_year..=last_year + 1 {
        if let Some(d) = Date::new(year, 1, 1) {
            let dx = d.days_since_epoch();
            if (lo..=hi).contains(&dx) {
                let px = x(dx);
                let _ = writeln!(
                    out,
                    "<line x1=\"{px}\" y1=\"14\" x2=\"{px}\" y2=\"{height}\"/><text x=\"{}\" y=\"12\">{year}</text>",
                    px + 2
                );
            }
        }
    }
    for (i, r) in t.rows.iter().enumerate() {
        let y = TOP + i64::try_from(i).unwrap_or(0) * ROW;
        let _ = write!(
            out,
            "<text x=\"4\" y=\"{}\">{}</text>",
            y + 12,
            esc(&crate::text::ellipsize_at_word(&r.number, 12))
        );
        let tip = esc(&format!("{}: {}", r.number, r.phrase));
        match (r.start, r.end) {
            (Some(a), Some(b)) => {
                let (x1, x2) = (x(a.days_since_epoch()), x(b.days_since_epoch()));
                let _ = writeln!(
                    out,
                    "<rect class=\"bar\" x=\"{x1}\" y=\"{}\" width=\"{}\" height=\"12\" rx=\"3\"><title>{tip}</title></rect>",
                    y + 2,
                    (x2 - x1).max(3)
                );
            }
            (a, b) => {
                let d = b.or(a).map_or(lo, Date::days_since_epoch);
                let (cx, cy) = (x(d), y + 8);
                let _ = writeln!(
                    out,
                    "<path class=\"milestone\" d=\"M{cx} {} L{} {cy} L{cx} {} L{} {cy} Z\"><title>{tip}</title></path>",
                    cy - 6,
                    cx + 6,
                    cy + 6,
                    cx - 6
                );
            }
        }
    }
    out.push_str("</svg>\n");
}
