//! ArchiMate Model Exchange File Format (The Open Group, namespace
//! `http://www.opengroup.org/xsd/archimate/3.0/`), for Archi and other
//! enterprise-architecture tools.
//!
//! # Elements
//!
//! | stratagraph kind | ArchiMate element |
//! |---|---|
//! | strategy, plan | `Grouping` |
//! | priority, focus area | `Goal` |
//! | outcome | `Outcome` |
//! | strategic action | `CourseOfAction` |
//! | action, programme | `WorkPackage` |
//! | challenge, indicator | `Assessment` |
//! | partner, governance body | `BusinessActor` |
//! | population group | `Stakeholder` |
//! | legislation | `Constraint` |
//! | principle | `Principle` |
//!
//! An element's `name` is the node's short name ("Action 1.1.2", a partner's
//! name); its `documentation` is the statement; its properties are the
//! stratagraph id and kind, the number, the deadline and period (start, end,
//! phrase), the tags and every attribute.
//!
//! # Relationships
//!
//! Each edge becomes the relationship ArchiMate 3.1 allows between the two
//! element types (checked against Archi's relationship table), falling back to
//! `Association`, which is allowed between any two elements:
//!
//! | edge | relationship |
//! |---|---|
//! | `contains` from a strategy or plan | `Composition` (grouping to member) |
//! | `contains` priority > strategic action | `Realization`, reversed (the course of action realises the goal) |
//! | `contains` strategic action > action | `Realization`, reversed (the work package realises the course of action) |
//! | `contains` between elements of one type | `Composition` |
//! | `contributes_to` action or strategic action > outcome | `Realization` |
//! | `contributes_to` priority > outcome, `addresses` | `Influence` |
//! | `led_by` | `Assignment`, reversed (the business actor is assigned to the work package) |
//! | `member_of` | `Aggregation`, reversed (the alliance aggregates its member) |
//! | anything else (`key_partner`, `oversees`, `targets`, ...) | `Association`, directed, named after the edge kind |
//!
//! Every relationship is named after the edge kind ("led by") and carries the
//! kind and its direction (`forward` or `reversed`) as properties, so the
//! original edge can be recovered.
//!
//! # What the format cannot carry
//!
//! - Typed attribute values: properties are strings, so numbers, booleans,
//!   lists and maps are written as their JSON text.
//! - Dates as dates: a deadline or period is three string properties.
//! - Kinds ArchiMate has no element for: partners and governance bodies are
//!   both `BusinessActor`, actions and programmes both `WorkPackage`, strategy
//!   and plan both `Grouping`; the `stratagraph:kind` property keeps the kind.
//! - Edge kinds: most become `Association`; the name and properties keep them.
//! - Source spans: written as a property (`stratagraph:line`) only.
//! - A drawing: no `<views>` are written, so a tool shows the elements in its
//!   model tree and draws them when the user makes a view.
//! - Identifiers: ArchiMate identifiers are `xs:ID` (an XML name), so each id
//!   is prefixed with `id-` (relationships are `rel-1`, `rel-2`, ... and property
//!   definitions `propid-1`, ..., which no prefixed id can equal) and every character outside `A-Za-z0-9.-` is
//!   written as `_HEX_` (`action:1.1.1` becomes `id-action_3a_1.1.1`); the
//!   original id is kept in the `stratagraph:id` property.
//!
//! ```
//! use stratagraph::format::archimate::{identifier, to_archimate};
//! use stratagraph::{EdgeKind, Node, NodeKind, Strategy};
//! assert_eq!(identifier("action:1.1.1"), "id-action_3a_1.1.1");
//! let s = Strategy::builder()
//!     .node(Node::new(NodeKind::Action, "1.1.1", "Launch a board."))
//!     .node(Node::new(NodeKind::Partner, "COSLA", ""))
//!     .edge("action:1.1.1", EdgeKind::LedBy, "partner:cosla")
//!     .build()?;
//! let xml = to_archimate(&s);
//! assert!(xml.contains(r#"xsi:type="WorkPackage""#));
//! assert!(xml.contains(r#"source="id-partner_3a_cosla" target="id-action_3a_1.1.1" xsi:type="Assignment""#));
//! # Ok::<(), stratagraph::Error>(())
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{attr_text, csv::tags_field, xml_escape};
use crate::model::{DateWindow, EdgeKind, Node, NodeKind, Strategy};

/// The exchange format's namespace.
pub const NAMESPACE: &str = "http://www.opengroup.org/xsd/archimate/3.0/";

/// A valid, unique `xs:ID` for a stratagraph id: `id-` and the id with every
/// character outside `A-Za-z0-9.-` written as `_HEX_`.
pub fn identifier(id: &str) -> String {
    let mut out = String::with_capacity(id.len() + 8);
    out.push_str("id-");
    for c in id.chars() {
        if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
            out.push(c);
        } else {
            let _ = write!(out, "_{:x}_", u32::from(c));
        }
    }
    out
}

/// The ArchiMate element type of a node kind.
pub fn element_type(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Strategy | NodeKind::Plan => "Grouping",
        NodeKind::Priority | NodeKind::FocusArea => "Goal",
        NodeKind::Outcome => "Outcome",
        NodeKind::StrategicAction => "CourseOfAction",
        NodeKind::Action | NodeKind::Programme => "WorkPackage",
        NodeKind::Challenge | NodeKind::Indicator => "Assessment",
        NodeKind::Partner | NodeKind::GovernanceBody => "BusinessActor",
        NodeKind::PopulationGroup => "Stakeholder",
        NodeKind::Legislation => "Constraint",
        NodeKind::Principle => "Principle",
    }
}

/// The relationship type for an edge between elements of the given types,
/// and whether it runs against the edge.
fn relationship(kind: EdgeKind, source: &str, target: &str) -> (&'static str, bool) {
    match (kind, source, target) {
        (EdgeKind::Contains, "Grouping", _) => ("Composition", false),
        (EdgeKind::Contains, "Goal", "CourseOfAction") => ("Realization", true),
        (EdgeKind::Contains, "CourseOfAction", "WorkPackage") => ("Realization", true),
        (EdgeKind::Contains, a, b) if a == b => ("Composition", false),
        (EdgeKind::ContributesTo, "WorkPackage" | "CourseOfAction", "Outcome" | "Goal") => {
            ("Realization", false)
        }
        (EdgeKind::ContributesTo, "Goal", "Outcome" | "Goal") => ("Influence", false),
        (EdgeKind::Addresses, "Goal" | "CourseOfAction" | "WorkPackage", "Assessment") => {
            ("Influence", false)
        }
        (EdgeKind::LedBy, "WorkPackage", "BusinessActor") => ("Assignment", true),
        (EdgeKind::MemberOf, "BusinessActor", "BusinessActor") => ("Aggregation", true),
        _ => ("Association", false),
    }
}

struct Props {
    defs: BTreeMap<String, String>,
    order: Vec<String>,
}

impl Props {
    fn def(&mut self, name: &str) -> String {
        if let Some(id) = self.defs.get(name) {
            return id.clone();
        }
        let id = format!("propid-{}", self.order.len() + 1);
        self.defs.insert(name.to_owned(), id.clone());
        self.order.push(name.to_owned());
        id
    }
}

fn window_props(out: &mut Vec<(String, String)>, w: &Option<DateWindow>, what: &str) {
    if let Some(w) = w {
        if let Some(d) = w.start {
            out.push((format!("{what} start"), d.to_string()));
        }
        if let Some(d) = w.end {
            out.push((format!("{what} end"), d.to_string()));
        }
        if !w.phrase.is_empty() {
            out.push((what.to_owned(), w.phrase.clone()));
        }
    }
}

fn node_props(n: &Node) -> Vec<(String, String)> {
    let mut p = vec![
        ("stratagraph:id".to_owned(), n.id.to_string()),
        ("stratagraph:kind".to_owned(), n.kind.as_str().to_owned()),
    ];
    if let Some(v) = &n.number {
        p.push(("number".to_owned(), v.clone()));
    }
    if !n.label.is_empty() && n.number.is_some() {
        p.push(("label".to_owned(), n.label.clone()));
    }
    window_props(&mut p, &n.deadline, "deadline");
    window_props(&mut p, &n.period, "period");
    if !n.tags.is_empty() {
        p.push(("tags".to_owned(), tags_field(&n.tags)));
    }
    if let Some(s) = n.span {
        p.push(("stratagraph:line".to_owned(), s.line.to_string()));
    }
    for (k, v) in &n.attrs {
        p.push((k.clone(), attr_text(v)));
    }
    p
}

fn write_props(out: &mut String, props: &[(String, String)], defs: &mut Props, indent: &str) {
    if props.is_empty() {
        return;
    }
    let _ = writeln!(out, "{indent}<properties>");
    for (k, v) in props {
        let _ = writeln!(
            out,
            "{indent}  <property propertyDefinitionRef=\"{}\"><value xml:lang=\"en\">{}</value></property>",
            defs.def(k),
            xml_escape(v)
        );
    }
    let _ = writeln!(out, "{indent}</properties>");
}

/// The model's name: the first strategy's or plan's title, else "Strategy".
fn model_name(s: &Strategy) -> String {
    s.nodes()
        .find(|n| matches!(n.kind, NodeKind::Strategy))
        .or_else(|| s.nodes().find(|n| matches!(n.kind, NodeKind::Plan)))
        .map_or_else(|| "Strategy".to_owned(), Node::title)
}

/// The strategy as an ArchiMate exchange file.
pub fn to_archimate(s: &Strategy) -> String {
    let mut defs = Props {
        defs: BTreeMap::new(),
        order: Vec::new(),
    };
    let mut body = String::with_capacity(1024 + s.len() * 500);

    body.push_str("  <elements>\n");
    for n in s.nodes() {
        let _ = writeln!(
            body,
            "    <element identifier=\"{}\" xsi:type=\"{}\">",
            identifier(n.id.as_str()),
            element_type(n.kind)
        );
        let _ = writeln!(
            body,
            "      <name xml:lang=\"en\">{}</name>",
            xml_escape(&n.short_name())
        );
        if let Some(t) = n.text.as_deref().filter(|t| !t.is_empty()) {
            let _ = writeln!(
                body,
                "      <documentation xml:lang=\"en\">{}</documentation>",
                xml_escape(t)
            );
        }
        write_props(&mut body, &node_props(n), &mut defs, "      ");
        body.push_str("    </element>\n");
    }
    body.push_str("  </elements>\n");

    if s.edge_count() > 0 {
        body.push_str("  <relationships>\n");
        for (i, e) in s.edges().enumerate() {
            let (Some(a), Some(b)) = (s.node(e.source.as_str()), s.node(e.target.as_str())) else {
                continue;
            };
            let (ty, reversed) = relationship(e.kind, element_type(a.kind), element_type(b.kind));
            let (src, dst) = if reversed { (b, a) } else { (a, b) };
            let directed = if ty == "Association" {
                " isDirected=\"true\""
            } else {
                ""
            };
            let _ = writeln!(
                body,
                "    <relationship identifier=\"rel-{}\" source=\"{}\" target=\"{}\" xsi:type=\"{ty}\"{directed}>",
                i + 1,
                identifier(src.id.as_str()),
                identifier(dst.id.as_str()),
            );
            let _ = writeln!(
                body,
                "      <name xml:lang=\"en\">{}</name>",
                e.kind.as_str().replace('_', " ")
            );
            let mut props = vec![
                ("stratagraph:kind".to_owned(), e.kind.as_str().to_owned()),
                (
                    "stratagraph:direction".to_owned(),
                    if reversed { "reversed" } else { "forward" }.to_owned(),
                ),
            ];
            for (k, v) in e.attrs {
                props.push((k.clone(), attr_text(v)));
            }
            write_props(&mut body, &props, &mut defs, "      ");
            body.push_str("    </relationship>\n");
        }
        body.push_str("  </relationships>\n");
    }

    let mut out = String::with_capacity(body.len() + 2048);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<model xmlns=\"{NAMESPACE}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"{NAMESPACE} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Model.xsd\" \
         identifier=\"model\">"
    );
    let _ = writeln!(
        out,
        "  <name xml:lang=\"en\">{}</name>",
        xml_escape(&model_name(s))
    );
    out.push_str("  <documentation xml:lang=\"en\">Written by stratagraph.</documentation>\n");
    out.push_str(&body);
    if !defs.order.is_empty() {
        out.push_str("  <propertyDefinitions>\n");
        for (i, name) in defs.order.iter().enumerate() {
            let _ = writeln!(
                out,
                "    <propertyDefinition identifier=\"propid-{}\" type=\"string\"><name xml:lang=\"en\">{}</name></propertyDefinition>",
                i + 1,
                xml_escape(name)
            );
        }
        out.push_str("  </propertyDefinitions>\n");
    }
    out.push_str("</model>\n");
    out
}
