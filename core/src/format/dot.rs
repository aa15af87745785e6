//! Graphviz DOT, for `dot -Tsvg` and friends.
//!
//! A left-to-right `digraph` with one cluster per priority (the priority, its
//! strategic actions and their actions), nodes shaped and filled by kind,
//! each carrying its kind as `class` (kept in Graphviz's SVG output) and its
//! full statement as `tooltip`; labels are the short name and the statement
//! wrapped and cut to a few lines. Edges are labelled with their kind, except
//! the `contains` hierarchy. Every string is a quoted DOT string with `"` and
//! `\` escaped and line breaks written as `\n`, so no label can end the
//! string or the graph.
//!
//! ```
//! use stratagraph::format::dot::to_dot;
//! use stratagraph::{Node, NodeKind, Strategy};
//! let s = Strategy::builder()
//!     .node(Node::new(NodeKind::Partner, "A \"quoted\" name", ""))
//!     .build()?;
//! assert!(to_dot(&s).contains(r#"label="A \"quoted\" name""#));
//! # Ok::<(), stratagraph::Error>(())
//! ```

use std::fmt::Write as _;

use super::wrap;
use crate::model::{EdgeKind, Node, NodeKind, Strategy};
use crate::rules::container_of_kind as ancestor_of_kind;

/// `s` as the inside of a DOT quoted string (an escString: `\` and `"`
/// escaped, line breaks as `\n`, other control characters dropped).
pub(crate) fn dot_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn style(kind: NodeKind) -> (&'static str, &'static str) {
    // (shape, fill colour)
    match kind {
        NodeKind::Strategy | NodeKind::Plan => ("folder", "#e5e7eb"),
        NodeKind::Priority | NodeKind::FocusArea => ("box", "#c7d2fe"),
        NodeKind::StrategicAction => ("box", "#ddd6fe"),
        NodeKind::Action => ("note", "#fef3c7"),
        NodeKind::Outcome => ("ellipse", "#bbf7d0"),
        NodeKind::Challenge => ("hexagon", "#fecaca"),
        NodeKind::Partner => ("component", "#bae6fd"),
        NodeKind::GovernanceBody => ("tab", "#e9d5ff"),
        _ => ("box", "#f3f4f6"),
    }
}

/// The label of a node in drawings: its short name, then its statement
/// wrapped to `width` characters and at most `lines` lines.
pub(crate) fn node_lines(n: &Node, width: usize, lines: usize) -> Vec<String> {
    let name = n.short_name();
    let mut out = wrap(&name, width, 2);
    let body = n.statement();
    if !body.is_empty() && body != name {
        out.extend(wrap(body, width, lines));
    }
    out
}

fn in_cluster(kind: NodeKind) -> bool {
    matches!(
        kind,
        NodeKind::Priority | NodeKind::FocusArea | NodeKind::StrategicAction | NodeKind::Action
    )
}

fn write_node(out: &mut String, n: &Node, indent: &str) {
    let (shape, fill) = style(n.kind);
    let label = node_lines(n, 32, 3).join("\n");
    let _ = writeln!(
        out,
        "{indent}{} [label={}, shape={shape}, fillcolor=\"{fill}\", class={}, tooltip={}];",
        dot_quote(n.id.as_str()),
        dot_quote(&label),
        dot_quote(n.kind.as_str()),
        dot_quote(&n.title()),
    );
}

/// The strategy as a DOT digraph.
pub fn to_dot(s: &Strategy) -> String {
    let mut out = String::with_capacity(512 + s.len() * 200);
    out.push_str("digraph strategy {\n");
    out.push_str(
        "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12, nodesep=0.25, ranksep=0.6];\n",
    );
    out.push_str(
        "  node [fontname=\"Helvetica\", fontsize=10, style=\"filled\", color=\"#4b5563\"];\n",
    );
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=8, color=\"#6b7280\"];\n");

    // Clusters: each priority with what it contains.
    let priorities: Vec<&Node> = s.nodes_of_kind(NodeKind::Priority).collect();
    let cluster_of = |n: &Node| -> Option<usize> {
        if !in_cluster(n.kind) {
            return None;
        }
        let p = if n.kind == NodeKind::Priority {
            Some(n)
        } else {
            ancestor_of_kind(s, n.id.as_str(), NodeKind::Priority)
        }?;
        priorities.iter().position(|q| q.id == p.id)
    };
    let mut members: Vec<Vec<&Node>> = vec![Vec::new(); priorities.len()];
    let mut loose: Vec<&Node> = Vec::new();
    for n in s.nodes() {
        match cluster_of(n) {
            Some(i) => members[i].push(n),
            None => loose.push(n),
        }
    }
    for (i, (p, nodes)) in priorities.iter().zip(&members).enumerate() {
        let _ = writeln!(out, "  subgraph cluster_{i} {{");
        let _ = writeln!(
            out,
            "    graph [label={}, style=\"rounded,filled\", fillcolor=\"#f8fafc\", color=\"#94a3b8\"];",
            dot_quote(&p.short_name())
        );
        for n in nodes {
            write_node(&mut out, n, "    ");
        }
        out.push_str("  }\n");
    }
    for n in loose {
        write_node(&mut out, n, "  ");
    }
    for e in s.edges() {
        let kind = e.kind.as_str();
        let mut attrs = format!("class={}", dot_quote(kind));
        if e.kind == EdgeKind::Contains {
            attrs.push_str(", arrowhead=none");
        } else {
            let _ = write!(attrs, ", label={}", dot_quote(&kind.replace('_', " ")));
        }
        if matches!(e.kind, EdgeKind::KeyPartner | EdgeKind::MemberOf) {
            attrs.push_str(", style=dashed");
        }
        let _ = writeln!(
            out,
            "  {} -> {} [{attrs}];",
            dot_quote(e.source.as_str()),
            dot_quote(e.target.as_str())
        );
    }
    out.push_str("}\n");
    out
}
