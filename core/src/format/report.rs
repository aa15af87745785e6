//! The readable report: a strategy as a person reads it, with its diagnostics.
//!
//! The hierarchy (strategy, plan, priority, strategic action, action) is printed
//! as an indented outline; each node shows what it is linked to (leads, key
//! partners, deadline, outcomes, challenges, oversight, legislation, ...). Nodes
//! outside the hierarchy (outcomes, challenges, partners, ...) follow, grouped by
//! kind, then the diagnostics.

use std::fmt::Write as _;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{EdgeKind, Node, NodeKind, Strategy};

const WIDTH: usize = 100;

/// The readable report of a strategy and the diagnostics found for it.
///
/// ```
/// use stratagraph::{format::report::text_report, Strategy};
/// let s = Strategy::from_json(r#"{"format":"stratagraph","version":1,
///   "nodes":[{"id":"priority:1","kind":"priority","number":"1","text":"Help early."}],"edges":[]}"#)?;
/// let report = text_report(&s, &s.validate());
/// assert!(report.contains("Priority 1: Help early."));
/// # Ok::<(), stratagraph::Error>(())
/// ```
pub fn text_report(s: &Strategy, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    summary_line(s, &mut out);
    let mut printed = vec![false; s.len()];
    let table = crate::query::node_contexts(s);
    let contexts: Contexts<'_> = table.rows.iter().map(|r| (r.id.as_str(), r)).collect();
    for root in s
        .nodes()
        .filter(|n| in_outline(n.kind) && s.parent(n.id.as_str()).is_none())
    {
        outline(s, &contexts, root, 0, &mut printed, &mut out);
    }
    for kind in NodeKind::ALL {
        let rest: Vec<&Node> = s
            .nodes_of_kind(*kind)
            .filter(|n| s.position(n.id.as_str()).is_some_and(|i| !printed[i]))
            .collect();
        if rest.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", plural_title(*kind, rest.len()));
        for n in rest {
            let head = match (&n.number, n.label.is_empty(), &n.text) {
                (Some(num), _, Some(t)) => format!("{num}. {t}"),
                (_, false, _) => n.label.clone(),
                (_, true, Some(t)) => t.clone(),
                (Some(num), true, None) => format!("{num}. (statement not given)"),
                (None, true, None) => n.id.to_string(),
            };
            wrap_into(&mut out, &head, "  - ", "    ");
            relations(s, &contexts, n, "    ", &mut out);
        }
    }
    analysis_sections(s, &mut out);
    let _ = writeln!(out, "\nDiagnostics");
    if diagnostics.is_empty() {
        let _ = writeln!(out, "  none");
    }
    let count = |sev: Severity| diagnostics.iter().filter(|d| d.severity == sev).count();
    if !diagnostics.is_empty() {
        let _ = writeln!(
            out,
            "  {} errors, {} warnings, {} notes",
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Info)
        );
    }
    for d in diagnostics {
        wrap_into(&mut out, &d.to_string(), "  ", "      ");
    }
    out
}

/// Partner load, coverage, gaps, timeline and progress, from [`crate::query`]
/// and [`crate::analysis`]; sections with nothing to show are left out.
fn analysis_sections(s: &Strategy, out: &mut String) {
    let load = crate::query::partner_load(s);
    if !load.rows.is_empty() {
        let _ = writeln!(out, "\nPartner load (actions led, of them jointly, as key partner, through an alliance; priorities, outcomes)");
        let width = load
            .rows
            .iter()
            .map(|r| r.label.chars().count())
            .max()
            .unwrap_or(0)
            .min(48);
        for r in &load.rows {
            let _ = writeln!(
                out,
                "  {:<width$}  leads {:>3} (joint {:>2})  key partner {:>3}  via alliance {:>2}  priorities {:>2}  outcomes {:>2}",
                crate::text::ellipsize(&r.label, width),
                r.leads,
                r.joint_leads,
                r.key_partner,
                r.via_alliance,
                r.priorities,
                r.outcomes,
            );
        }
    }
    let matrix = crate::analysis::coverage::priority_outcome_matrix(s);
    if !matrix.priorities.is_empty() && !matrix.outcomes.is_empty() {
        let _ = writeln!(
            out,
            "\nCoverage: actions per priority (rows) and outcome (columns)"
        );
        let numbers: Vec<&str> = matrix
            .outcomes
            .iter()
            .map(|id| id.rsplit(':').next().unwrap_or(id))
            .collect();
        let mut header = String::from("  priority   ");
        for n in &numbers {
            let _ = write!(header, "{n:>5}");
        }
        let _ = writeln!(out, "{header}");
        // Dense and row-major (priority, then outcome): one chunk per priority.
        for (p, cells) in matrix
            .priorities
            .iter()
            .zip(matrix.rows.chunks(matrix.outcomes.len()))
        {
            let number = p.rsplit(':').next().unwrap_or(p);
            let mut line = format!("  {number:<10} ");
            for c in cells {
                let _ = write!(line, "{:>5}", c.actions);
            }
            let _ = writeln!(out, "{line}");
        }
    }
    let gaps = crate::analysis::coverage::gaps(s);
    let _ = writeln!(out, "\nGaps");
    if gaps.rows.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for g in &gaps.rows {
        wrap_into(
            out,
            &format!("{}: {} ({})", g.gap.replace('_', " "), g.label, g.detail),
            "  - ",
            "    ",
        );
    }
    let timeline = crate::analysis::timeline::timeline(s);
    if !timeline.rows.is_empty() {
        let _ = writeln!(
            out,
            "\nTimeline ({} actions with a deadline, {} without)",
            timeline.rows.len(),
            timeline.undated
        );
        for r in &timeline.rows {
            let window = match (r.start, r.end) {
                (Some(a), Some(b)) => format!("{a} to {b}"),
                (Some(a), None) => format!("from {a}"),
                (None, Some(b)) => format!("by {b}"),
                (None, None) => String::new(),
            };
            let status = r
                .status
                .as_deref()
                .map(|st| format!(" [{}]", st.replace('_', " ")))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {window:<26} {:<8} {} (\u{201c}{}\u{201d}){status}",
                r.number, r.leads, r.phrase
            );
        }
    }
    let summary = crate::progress::rollup::progress_summary(s);
    if summary.rated > 0 {
        let _ = writeln!(out, "\nProgress\n  {}", summary.text);
    }
}

fn in_outline(kind: NodeKind) -> bool {
    matches!(
        kind,
        NodeKind::Strategy
            | NodeKind::Plan
            | NodeKind::Priority
            | NodeKind::StrategicAction
            | NodeKind::Action
            | NodeKind::FocusArea
    )
}

fn summary_line(s: &Strategy, out: &mut String) {
    let counts: Vec<String> = NodeKind::ALL
        .iter()
        .filter_map(|k| {
            let n = s.nodes_of_kind(*k).count();
            (n > 0).then(|| format!("{n} {}", plural(*k, n)))
        })
        .collect();
    let _ = writeln!(
        out,
        "{} nodes, {} edges: {}",
        s.len(),
        s.edge_count(),
        counts.join(", ")
    );
}

fn plural(kind: NodeKind, n: usize) -> String {
    let one = kind.as_str().replace('_', " ");
    if n == 1 {
        one
    } else if let Some(stem) = one.strip_suffix('y') {
        format!("{stem}ies")
    } else {
        format!("{one}s")
    }
}

fn plural_title(kind: NodeKind, n: usize) -> String {
    let p = plural(kind, n);
    let mut c = p.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => p,
    }
}

fn heading(n: &Node) -> String {
    let body = n.text.as_deref().filter(|t| !t.is_empty());
    match n.kind {
        NodeKind::Priority => format!(
            "Priority {}: {}",
            n.number.as_deref().unwrap_or("?"),
            body.unwrap_or(&n.label)
        ),
        NodeKind::StrategicAction => format!(
            "Strategic action {}: {}",
            n.number.as_deref().unwrap_or("?"),
            body.unwrap_or(&n.label)
        ),
        NodeKind::Action => format!(
            "{} {}",
            n.number.as_deref().unwrap_or("-"),
            body.unwrap_or(&n.label)
        ),
        NodeKind::FocusArea => format!("Key area of focus: {}", body.unwrap_or(&n.label)),
        _ => {
            let mut h = n.title();
            if let Some(t) = body {
                if !n.label.is_empty() && t != n.label {
                    h = format!("{h}: {t}");
                }
            }
            h
        }
    }
}

fn outline(
    s: &Strategy,
    contexts: &Contexts<'_>,
    n: &Node,
    depth: usize,
    printed: &mut [bool],
    out: &mut String,
) {
    let Some(pos) = s.position(n.id.as_str()) else {
        return;
    };
    if printed[pos] {
        return;
    }
    printed[pos] = true;
    let indent = "  ".repeat(depth);
    if depth == 0 {
        out.push('\n');
    }
    wrap_into(out, &heading(n), &indent, &format!("{indent}    "));
    relations(s, contexts, n, &format!("{indent}    "), out);
    for child in s.children(n.id.as_str()) {
        outline(s, contexts, child, depth + 1, printed, out);
    }
}

/// Each node's context by id.
type Contexts<'a> = std::collections::HashMap<&'a str, &'a crate::query::NodeContextRow>;

fn names<'a>(nodes: impl Iterator<Item = &'a Node>) -> Vec<String> {
    nodes
        .map(|n| match &n.number {
            Some(num) => num.clone(),
            None => n.title(),
        })
        .collect()
}

fn relations(s: &Strategy, contexts: &Contexts<'_>, n: &Node, indent: &str, out: &mut String) {
    let id = n.id.as_str();
    let mut line = |label: &str, items: Vec<String>| {
        if !items.is_empty() {
            wrap_into(
                out,
                &format!("{label}: {}", items.join(", ")),
                indent,
                &format!("{indent}  "),
            );
        }
    };
    if let Some(p) = &n.period {
        line("Period", vec![window(p)]);
    }
    // An action's partners, outcomes and status are the rules' (its node
    // context); any other node's are its own edges and attributes.
    let context = contexts.get(id).filter(|_| n.kind == NodeKind::Action);
    let listed =
        |cell: &str| -> Vec<&Node> { cell.split("; ").filter_map(|id| s.node(id)).collect() };
    let (leads, key_partners, outcomes) = match context {
        Some(c) => (
            listed(&c.leads),
            listed(&c.key_partners),
            listed(&c.outcomes),
        ),
        None => (
            s.targets(id, EdgeKind::LedBy).collect(),
            s.targets(id, EdgeKind::KeyPartner).collect(),
            s.targets(id, EdgeKind::ContributesTo).collect(),
        ),
    };
    let joint = leads.len() > 1;
    let leads = leads.into_iter().map(Node::title).collect();
    line(if joint { "Joint lead" } else { "Lead" }, leads);
    line("Key partners", names(key_partners.into_iter()));
    if let Some(d) = &n.deadline {
        line("Deadline", vec![window(d)]);
    }
    line("Outcomes", names(outcomes.into_iter()));
    line("Addresses", names(s.targets(id, EdgeKind::Addresses)));
    line("Overseen by", names(s.sources(id, EdgeKind::Oversees)));
    line("Oversees", names(s.targets(id, EdgeKind::Oversees)));
    line(
        "Gives effect to",
        names(s.targets(id, EdgeKind::GivesEffectTo)),
    );
    line("Supersedes", names(s.targets(id, EdgeKind::Supersedes)));
    line("Targets", names(s.targets(id, EdgeKind::Targets)));
    line("Follows", names(s.targets(id, EdgeKind::Follows)));
    line("Members", names(s.sources(id, EdgeKind::MemberOf)));
    line("Member of", names(s.targets(id, EdgeKind::MemberOf)));
    line("Measures", names(s.targets(id, EdgeKind::Measures)));
    line("Depends on", names(s.targets(id, EdgeKind::DependsOn)));
    line("Mentions", names(s.targets(id, EdgeKind::Mentions)));
    if n.kind == NodeKind::Partner {
        line("Leads", names(s.sources(id, EdgeKind::LedBy)));
        line("Key partner in", names(s.sources(id, EdgeKind::KeyPartner)));
    }
    let status = match context {
        Some(c) => c.status.as_deref(),
        None => n.attrs.get("status").and_then(|v| v.as_text()),
    };
    if let Some(status) = status {
        line("Status", vec![status.replace('_', " ")]);
    }
}

fn window(w: &crate::model::DateWindow) -> String {
    let range = match (w.start, w.end) {
        (Some(a), Some(b)) => format!("{a} to {b}"),
        (Some(a), None) => format!("from {a}"),
        (None, Some(b)) => format!("by {b}"),
        (None, None) => String::new(),
    };
    match (range.is_empty(), w.phrase.is_empty()) {
        (false, false) => format!("{range} (\u{201c}{}\u{201d})", w.phrase),
        (false, true) => range,
        (true, _) => w.phrase.clone(),
    }
}

/// Append `text` word-wrapped to [`WIDTH`] columns, the first line after
/// `first`, the others after `rest`.
pub(crate) fn wrap_into(out: &mut String, text: &str, first: &str, rest: &str) {
    let mut line = String::from(first);
    let mut empty = true;
    for word in text.split_whitespace() {
        let len = line.chars().count();
        if !empty && len + 1 + word.chars().count() > WIDTH {
            out.push_str(&line);
            out.push('\n');
            line = String::from(rest);
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    out.push_str(&line);
    out.push('\n');
}
