//! Mermaid flowchart, for Markdown documentation (GitHub, GitLab, MkDocs).
//!
//! `flowchart LR` with one subgraph per priority (as in the DOT export), node
//! ids `n0`, `n1`, ... in canonical order (a `%%` comment maps each to its
//! stratagraph id), quoted labels, labelled edges, and a `classDef` per kind.
//! Characters that Mermaid or HTML would read as syntax (`"`, `<`, `>`, `&`,
//! `#`, `;`, `|`, backtick, braces and brackets) are written as Mermaid
//! entity codes (`#60;`), so every label renders as the text it is.
//!
//! ```
//! use stratagraph::format::mermaid::to_mermaid;
//! use stratagraph::{Node, NodeKind, Strategy};
//! let s = Strategy::builder().node(Node::new(NodeKind::Partner, "<script>", "")).build()?;
//! let m = to_mermaid(&s);
//! assert!(m.starts_with("flowchart LR\n"));
//! assert!(m.contains("n0[\"#60;script#62;\"]"));
//! # Ok::<(), stratagraph::Error>(())
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::dot::node_lines;
use crate::model::{EdgeKind, NodeKind, Strategy};
use crate::rules::container_of_kind as ancestor_of_kind;

/// `s` with Mermaid's syntax characters as entity codes (`#60;`).
pub(crate) fn mermaid_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' | '<' | '>' | '&' | '#' | ';' | '|' | '`' | '{' | '}' | '[' | ']' | '(' | ')' => {
                let _ = write!(out, "#{};", u32::from(c));
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

const CLASSES: &[(NodeKind, &str)] = &[
    (NodeKind::Strategy, "fill:#e5e7eb,stroke:#4b5563"),
    (NodeKind::Plan, "fill:#e5e7eb,stroke:#4b5563"),
    (NodeKind::Priority, "fill:#c7d2fe,stroke:#4338ca"),
    (NodeKind::StrategicAction, "fill:#ddd6fe,stroke:#6d28d9"),
    (NodeKind::Action, "fill:#fef3c7,stroke:#b45309"),
    (NodeKind::Outcome, "fill:#bbf7d0,stroke:#15803d"),
    (NodeKind::Challenge, "fill:#fecaca,stroke:#b91c1c"),
    (NodeKind::Partner, "fill:#bae6fd,stroke:#0369a1"),
    (NodeKind::GovernanceBody, "fill:#e9d5ff,stroke:#7e22ce"),
];

/// The strategy as a Mermaid flowchart.
pub fn to_mermaid(s: &Strategy) -> String {
    let mut out = String::with_capacity(256 + s.len() * 120);
    out.push_str("flowchart LR\n");
    let ids: BTreeMap<&str, String> = s
        .nodes()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), format!("n{i}")))
        .collect();
    let mid = |id: &str| ids.get(id).cloned().unwrap_or_default();

    let priorities: Vec<_> = s.nodes_of_kind(NodeKind::Priority).collect();
    let mut groups: Vec<Vec<String>> = vec![Vec::new(); priorities.len()];
    let mut loose: Vec<String> = Vec::new();
    for n in s.nodes() {
        let line = format!(
            "{}[\"{}\"]",
            mid(n.id.as_str()),
            node_lines(n, 32, 3)
                .iter()
                .map(|l| mermaid_escape(l))
                .collect::<Vec<_>>()
                .join("<br/>")
        );
        let comment = format!(
            "%% {} = {}",
            mid(n.id.as_str()),
            mermaid_escape(n.id.as_str())
        );
        let p = match n.kind {
            NodeKind::Priority => Some(n),
            NodeKind::StrategicAction | NodeKind::Action | NodeKind::FocusArea => {
                ancestor_of_kind(s, n.id.as_str(), NodeKind::Priority)
            }
            _ => None,
        };
        match p.and_then(|p| priorities.iter().position(|q| q.id == p.id)) {
            Some(i) => {
                groups[i].push(comment);
                groups[i].push(line);
            }
            None => {
                loose.push(comment);
                loose.push(line);
            }
        }
    }
    for (i, (p, lines)) in priorities.iter().zip(&groups).enumerate() {
        let _ = writeln!(
            out,
            "  subgraph g{i}[\"{}\"]",
            mermaid_escape(&p.short_name())
        );
        for l in lines {
            let _ = writeln!(out, "    {l}");
        }
        out.push_str("  end\n");
    }
    for l in &loose {
        let _ = writeln!(out, "  {l}");
    }
    for e in s.edges() {
        let (a, b) = (mid(e.source.as_str()), mid(e.target.as_str()));
        match e.kind {
            EdgeKind::Contains => {
                let _ = writeln!(out, "  {a} --> {b}");
            }
            EdgeKind::KeyPartner | EdgeKind::MemberOf => {
                let _ = writeln!(out, "  {a} -.->|{}| {b}", e.kind.as_str().replace('_', " "));
            }
            k => {
                let _ = writeln!(out, "  {a} -->|{}| {b}", k.as_str().replace('_', " "));
            }
        }
    }
    for (kind, style) in CLASSES {
        let members: Vec<String> = s.nodes_of_kind(*kind).map(|n| mid(n.id.as_str())).collect();
        if !members.is_empty() {
            let _ = writeln!(out, "  classDef {} {style}", kind.as_str());
            let _ = writeln!(out, "  class {} {}", members.join(","), kind.as_str());
        }
    }
    out
}
