//! No injection (issue 18): XML import never expands entities or DTDs, and DOT and Mermaid
//! labels and ids cannot close their quotes or add statements. The markup and formula cases
//! are in export.rs (`hostile_text_stays_text`, `formula_injection_is_guarded_and_round_trips`);
//! the table of every case is in core/src/format/mod.rs.
#![allow(clippy::unwrap_used)]

use stratagraph::format::{export, import, ExportOptions, Format};
use stratagraph::{EdgeKind, Node, NodeKind, Strategy};

fn graphml(doctype: &str, label: &str) -> String {
    format!(
        r#"<?xml version="1.0"?>
{doctype}
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="kind" for="node" attr.name="kind" attr.type="string"/>
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="outcome:1"><data key="kind">outcome</data><data key="label">{label}</data></node>
  </graph>
</graphml>"#
    )
}

#[test]
fn xml_import_never_expands_entities_or_dtds() {
    // a DOCTYPE alone is skipped; the document reads as it would without it
    let plain = import(graphml("", "Safe").as_bytes(), Format::Graphml).unwrap();
    let with_doctype = graphml("<!DOCTYPE graphml>", "Safe");
    assert_eq!(
        import(with_doctype.as_bytes(), Format::Graphml).unwrap(),
        plain
    );
    // external entities (XXE), internal entities, billion laughs: never expanded
    let cases = [
        (
            r#"<!DOCTYPE graphml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>"#,
            "&xxe;",
        ),
        (
            r#"<!DOCTYPE graphml [<!ENTITY name "Expanded">]>"#,
            "&name;",
        ),
        (
            r#"<!DOCTYPE graphml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>"#,
            "&c;",
        ),
        (
            r#"<!DOCTYPE graphml SYSTEM "http://127.0.0.1:1/evil.dtd">"#,
            "&evil;",
        ),
    ];
    for (doctype, label) in cases {
        let e = import(graphml(doctype, label).as_bytes(), Format::Graphml).unwrap_err();
        assert_eq!(e.code(), "parse", "{doctype}: {e}");
        assert!(e.location().is_some(), "{doctype}");
    }
    // the five XML entities and character references are read, nothing more
    let s = import(
        graphml("", "&lt;b&gt; &amp; &quot;&apos; &#65;&#x42;").as_bytes(),
        Format::Graphml,
    )
    .unwrap();
    assert_eq!(s.node("outcome:1").unwrap().label, "<b> & \"' AB");
}

#[test]
fn many_doctypes_are_skipped_in_linear_time() {
    // each DOCTYPE used to look for '[' in the whole rest of the file
    let many = "<!DOCTYPE x>\n".repeat(40_000);
    let text = graphml(&many, "Safe");
    let start = std::time::Instant::now();
    assert!(import(text.as_bytes(), Format::Graphml).is_ok());
    assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
}

const CLOSE: &[&str] = &[
    "\"]; evil [label=\"x\"]; a -> b; //",
    "\\\"]; evil2 -> evil3; \"",
    "x\n}\ndigraph evil {\n",
    "\"] --> evil[\"x",
    "a]) --> evil4((b",
    "x\nclick n0 call alert()\n",
    "x\r%% comment\rstyle n0 fill:red",
    "`x` {y} |z| #w; &amp;",
];

fn hostile() -> Strategy {
    let mut b = Strategy::builder()
        .node(Node::new(NodeKind::Priority, "1", CLOSE[0]).with_label(CLOSE[1]))
        .node(Node::new(NodeKind::StrategicAction, "1.1", CLOSE[2]))
        .node(Node::new(NodeKind::Action, "1.1.1", CLOSE[3]).with_label(CLOSE[4]))
        .edge("priority:1", EdgeKind::Contains, "strategic-action:1.1")
        .edge("strategic-action:1.1", EdgeKind::Contains, "action:1.1.1");
    for (i, label) in CLOSE.iter().enumerate() {
        // hostile ids too: they appear in DOT ids and Mermaid comments
        let id = format!("partner:{i}{label}");
        b = b
            .node(Node::with_id(id.clone(), NodeKind::Partner).with_label(*label))
            .edge("action:1.1.1", EdgeKind::KeyPartner, id.as_str());
    }
    b.build().unwrap()
}

#[test]
fn dot_labels_and_ids_cannot_close_their_quotes_or_add_statements() {
    let s = hostile();
    let out =
        String::from_utf8(export(&s, Format::Dot, &ExportOptions::default()).unwrap()).unwrap();
    assert_eq!(out.lines().filter(|l| l.starts_with("digraph")).count(), 1);
    assert!(out.trim_end().ends_with('}'));
    let (mut depth, mut edges) = (0i32, 0usize);
    for line in out.lines() {
        // outside quoted strings, what is left is DOT's own syntax only
        let mut outside = String::new();
        let mut quoted = false;
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '\\') => {
                    chars.next();
                }
                (_, '"') => quoted = !quoted,
                (false, c) => outside.push(c),
                _ => {}
            }
        }
        assert!(!quoted, "a string runs past its line: {line}");
        assert!(!outside.contains("evil"), "{line}");
        depth += outside.matches('{').count() as i32 - outside.matches('}').count() as i32;
        edges += outside.matches("->").count();
    }
    assert_eq!(depth, 0);
    assert_eq!(edges, s.edges().count(), "{out}");
}

#[test]
fn mermaid_labels_and_ids_cannot_close_their_quotes_or_add_statements() {
    let s = hostile();
    let out =
        String::from_utf8(export(&s, Format::Mermaid, &ExportOptions::default()).unwrap()).unwrap();
    for line in out.lines() {
        let t = line.trim_start();
        for statement in ["click", "style", "digraph", "evil"] {
            assert!(!t.starts_with(statement), "{line}");
        }
        if t.starts_with("%%") {
            continue;
        }
        // a label is one quoted string holding none of Mermaid's syntax characters
        // (they are entity codes, `#60;`)
        let quotes = t.matches('"').count();
        assert!(quotes == 0 || quotes == 2, "{line}");
        if let Some(inner) = t.replace("<br/>", " ").split('"').nth(1) {
            assert!(
                !inner.contains(['<', '>', '[', ']', '{', '}', '|', '`']),
                "{line}"
            );
        }
    }
    let edges = out
        .lines()
        .filter(|l| l.contains("-->") || l.contains("-.->"))
        .count();
    assert!(edges >= s.edges().count() - 2, "{out}");
}
