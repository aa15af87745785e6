//! model -> canonical JSON -> model is the identity (property test), and bad
//! documents give clear, typed errors.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use proptest::prelude::*;
use stratagraph::{
    AttrValue, Date, DateWindow, Edge, EdgeKind, Error, Node, NodeId, NodeKind, SourceSpan,
    Strategy as Plan,
};

fn text() -> impl proptest::strategy::Strategy<Value = String> {
    // Printable text with quotes, escapes, non-ASCII and markup.
    proptest::string::string_regex("[a-zA-Z0-9 .,:;'\"\\\\/<>&()\u{2019}\u{e9}\u{2013}\n\t-]{0,40}")
        .unwrap()
}

fn date() -> impl proptest::strategy::Strategy<Value = Date> {
    (1900i32..2100, 1u8..=12, 1u8..=31).prop_map(|(y, m, d)| {
        Date::new(y, m, d)
            .or_else(|| Date::end_of_month(y, m))
            .unwrap()
    })
}

fn window() -> impl proptest::strategy::Strategy<Value = DateWindow> {
    (
        proptest::option::of(date()),
        proptest::option::of(date()),
        text(),
    )
        .prop_map(|(s, e, p)| DateWindow::new(s, e, p))
}

fn leaf_attr() -> impl proptest::strategy::Strategy<Value = AttrValue> {
    prop_oneof![
        any::<bool>().prop_map(AttrValue::Bool),
        any::<i64>().prop_map(AttrValue::Integer),
        (-1e12f64..1e12).prop_map(AttrValue::Number),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(AttrValue::Number),
        text().prop_map(AttrValue::Text),
    ]
}

fn attr() -> impl proptest::strategy::Strategy<Value = AttrValue> {
    leaf_attr().prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..3).prop_map(AttrValue::List),
            proptest::collection::btree_map(text(), inner, 0..3).prop_map(AttrValue::Map),
        ]
    })
}

fn attrs() -> impl proptest::strategy::Strategy<Value = BTreeMap<String, AttrValue>> {
    proptest::collection::btree_map(text(), attr(), 0..3)
}

fn node_kind() -> impl proptest::strategy::Strategy<Value = NodeKind> {
    proptest::sample::select(NodeKind::ALL)
}

fn edge_kind() -> impl proptest::strategy::Strategy<Value = EdgeKind> {
    proptest::sample::select(EdgeKind::ALL)
}

fn node(i: usize) -> impl proptest::strategy::Strategy<Value = Node> {
    (
        node_kind(),
        proptest::option::of("[0-9]{1,2}(\\.[0-9]{1,2}){0,2}"),
        text(),
        proptest::option::of(text()),
        proptest::option::of(window()),
        proptest::option::of(window()),
        proptest::collection::vec(text(), 0..3),
        attrs(),
        proptest::option::of((0usize..10_000, 0usize..100, 1usize..500)),
    )
        .prop_map(
            move |(kind, number, label, body, deadline, period, tags, attrs, span)| {
                let mut n = Node::with_id(NodeId::new(format!("{}:{i}", kind.id_prefix())), kind);
                n.number = number;
                n.label = label;
                n.text = body;
                n.deadline = deadline;
                n.period = period;
                n.tags = tags;
                n.attrs = attrs;
                n.span = span.map(|(start, len, line)| SourceSpan {
                    start,
                    end: start + len,
                    line,
                });
                n
            },
        )
}

fn strategy() -> impl proptest::strategy::Strategy<Value = Plan> {
    (1usize..12)
        .prop_flat_map(|n| {
            let nodes: Vec<_> = (0..n).map(node).collect();
            let edges = proptest::collection::vec((0..n, edge_kind(), 0..n, attrs()), 0..(n * 2));
            (nodes, edges)
        })
        .prop_map(|(nodes, edges)| {
            let ids: Vec<NodeId> = nodes.iter().map(|n| n.id.clone()).collect();
            let mut s = Plan::new();
            for n in nodes {
                s.add_node(n).unwrap();
            }
            for (a, kind, b, attrs) in edges {
                let mut e = Edge::new(ids[a].clone(), kind, ids[b].clone());
                e.attrs = attrs;
                s.add_edge(e).unwrap();
            }
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn json_round_trip_is_identity(s in strategy()) {
        let json = s.to_json();
        let back = Plan::from_json(&json).unwrap();
        prop_assert_eq!(&back, &s);
        prop_assert_eq!(back.to_json(), json);
    }

    #[test]
    fn arbitrary_text_never_panics(t in "\\PC{0,200}") {
        let _ = Plan::from_json(&t);
        let _ = stratagraph::validate_json(&t);
    }

    #[test]
    fn validate_never_panics(s in strategy()) {
        let _ = s.validate();
    }

    /// The other formats that carry a whole strategy read back what they
    /// wrote, on the same generated strategies: node-link and GraphML
    /// exactly (an empty text stays empty, a date window keeps its start,
    /// end and phrase, empty ones included); CSV up to its empties (an empty
    /// text or an empty date window reads back as none; it does not write
    /// empty values).
    #[test]
    fn every_interchange_format_round_trips(s in strategy()) {
        use stratagraph::format::{export, import, CsvTable, ExportOptions, Format};
        let bytes = export(&s, Format::NodeLink, &ExportOptions::default()).unwrap();
        prop_assert_eq!(&import(&bytes, Format::NodeLink).unwrap(), &s);
        let bytes = export(&s, Format::Graphml, &ExportOptions::default()).unwrap();
        let back = import(&bytes, Format::Graphml).unwrap();
        prop_assert_eq!(&back, &s, "graphml");
        let csv = ExportOptions::default().with_table(CsvTable::NodesAndEdges);
        let back = import(&export(&s, Format::Csv, &csv).unwrap(), Format::Csv).unwrap();
        prop_assert_eq!(back.to_json(), without_empties(&s).to_json(), "csv");
    }
}

/// `s` with what CSV cannot carry dropped: empty texts and date windows.
fn without_empties(s: &Plan) -> Plan {
    let mut out = s.clone();
    let ids: Vec<String> = s.nodes().map(|n| n.id.to_string()).collect();
    for id in ids {
        out.update_node(&id, |n| {
            if n.text.as_deref() == Some("") {
                n.text = None;
            }
            for w in [&mut n.deadline, &mut n.period] {
                if w.as_ref()
                    .is_some_and(|w| w.start.is_none() && w.end.is_none() && w.phrase.is_empty())
                {
                    *w = None;
                }
            }
        })
        .unwrap();
    }
    out
}

#[test]
fn wrong_version_is_a_version_error() {
    let err = Plan::from_json(r#"{"format":"stratagraph","version":2,"nodes":[],"edges":[]}"#)
        .unwrap_err();
    assert_eq!(err.code(), "version");
    assert!(err.to_string().contains("version 2"), "{err}");
    // Even when the rest of the document has another shape.
    let err =
        Plan::from_json(r#"{"format":"stratagraph","version":"2.0","graph":{}}"#).unwrap_err();
    assert!(matches!(err, Error::Version { .. }), "{err}");
}

#[test]
fn wrong_format_is_a_format_error() {
    let err = Plan::from_json(r#"{"directed":true,"nodes":[],"links":[]}"#).unwrap_err();
    assert_eq!(err.code(), "format");
    assert!(err.to_string().contains("missing"), "{err}");
}

#[test]
fn malformed_json_has_line_and_column() {
    let text = "{\n  \"format\": \"stratagraph\",\n  \"version\": 1,\n  \"nodes\": [ {\"id\": \"a\" \"kind\": \"plan\"} ]\n}";
    let err = Plan::from_json(text).unwrap_err();
    assert_eq!(err.code(), "json");
    assert_eq!(err.location(), Some((4, 25)), "{err}");
    assert!(
        err.to_string()
            .starts_with("invalid JSON at line 4, column 25:"),
        "{err}"
    );
}

#[test]
fn unknown_kind_and_field_are_clear() {
    let text = r#"{"format":"stratagraph","version":1,"nodes":[{"id":"x","kind":"lead_partner"}],"edges":[]}"#;
    let err = Plan::from_json(text).unwrap_err();
    assert!(err.to_string().contains("lead_partner"), "{err}");
    let text = r#"{"format":"stratagraph","version":1,"nodes":[{"id":"x","kind":"plan","colour":1}],"edges":[]}"#;
    let err = Plan::from_json(text).unwrap_err();
    assert!(err.to_string().contains("colour"), "{err}");
}

#[test]
fn dangling_reference_and_duplicate_id_are_typed() {
    let text = r#"{"format":"stratagraph","version":1,"nodes":[{"id":"a","kind":"plan"}],
        "edges":[{"source":"a","target":"b","kind":"contains"}]}"#;
    let err = Plan::from_json(text).unwrap_err();
    assert!(
        matches!(&err, Error::DanglingEdge { missing, .. } if missing == "b"),
        "{err}"
    );
    let text = r#"{"format":"stratagraph","version":1,"nodes":[{"id":"a","kind":"plan"},{"id":"a","kind":"plan"}],"edges":[]}"#;
    let err = Plan::from_json(text).unwrap_err();
    assert_eq!(err, Error::DuplicateId { id: "a".into() });
}

#[test]
fn invalid_date_is_reported_with_its_place() {
    let text = r#"{"format":"stratagraph","version":1,"nodes":[{"id":"a","kind":"action","deadline":{"end":"2023-02-30"}}],"edges":[]}"#;
    let err = Plan::from_json(text).unwrap_err();
    assert_eq!(err.code(), "json");
    assert!(err.to_string().contains("2023-02-30"), "{err}");
}

#[test]
fn a_byte_order_mark_is_read_past_and_an_empty_id_is_an_error_where_it_is() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/mini-plan.json"
    ))
    .unwrap();
    let with_bom = format!("\u{feff}{text}");
    assert_eq!(
        Plan::from_json(&with_bom).unwrap(),
        Plan::from_json(&text).unwrap()
    );
    assert_eq!(
        stratagraph::validate_json(&with_bom).unwrap(),
        stratagraph::validate_json(&text).unwrap()
    );
    let empty = "{\"format\": \"stratagraph\", \"version\": 1,\n \"nodes\": [{\"id\": \" \", \"kind\": \"outcome\"}], \"edges\": []}";
    let err = Plan::from_json(empty).unwrap_err();
    assert_eq!(err.code(), "json");
    assert_eq!(err.location().map(|(line, _)| line), Some(2));
    assert!(err.to_string().contains("an id must not be empty"), "{err}");
}

/// GraphML keeps an empty text empty and every part of a date window, an
/// empty one included (the property above, on the cases it may not draw).
#[test]
fn graphml_keeps_empty_texts_and_whole_date_windows() {
    use stratagraph::format::{export, import, ExportOptions, Format};
    let day = |y, m, d| Date::new(y, m, d).unwrap();
    let windows = [
        DateWindow::new(None, None, String::new()),
        DateWindow::new(Some(day(2023, 4, 1)), None, String::new()),
        DateWindow::new(None, Some(day(2024, 3, 31)), "by March 2024".to_owned()),
        DateWindow::new(
            Some(day(2023, 4, 1)),
            Some(day(2024, 3, 31)),
            "over 2023/24".to_owned(),
        ),
        DateWindow::new(None, None, "  ".to_owned()),
    ];
    let mut s = Plan::new();
    for (i, w) in windows.iter().enumerate() {
        let mut n = Node::with_id(NodeId::new(format!("action:{i}")), NodeKind::Action);
        n.text = Some(String::new());
        n.number = Some(String::new());
        n.deadline = Some(w.clone());
        n.period = Some(windows[windows.len() - 1 - i].clone());
        s.add_node(n).unwrap();
    }
    let mut none = Node::with_id(NodeId::new("action:none"), NodeKind::Action);
    none.text = None;
    s.add_node(none).unwrap();
    let bytes = export(&s, Format::Graphml, &ExportOptions::default()).unwrap();
    let back = import(&bytes, Format::Graphml).unwrap();
    assert_eq!(back, s, "{}", String::from_utf8_lossy(&bytes));
    assert_eq!(back.node("action:0").unwrap().text.as_deref(), Some(""));
    assert_eq!(back.node("action:none").unwrap().text, None);
}
