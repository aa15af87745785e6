//! Every export format against its golden file tests/golden/mini-plan.<ext>
//! (regenerate with UPDATE_GOLDEN=1), determinism, escaping of hostile text,
//! and round trips through the formats that read back.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{check_golden, read, repo_root};
use stratagraph::format::import;
use stratagraph::format::{export, CsvTable, ExportOptions, Format, SvgOptions};
use stratagraph::{EdgeKind, Node, NodeKind, Strategy};

fn mini() -> Strategy {
    Strategy::from_json(&read("tests/fixtures/mini-plan.json")).unwrap()
}

fn text(s: &Strategy, format: Format, opts: &ExportOptions) -> String {
    String::from_utf8(export(s, format, opts).unwrap()).unwrap()
}

/// Compare bytes with a golden file (binary formats), or write it with UPDATE_GOLDEN=1.
#[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
fn check_golden_bytes(name: &str, actual: &[u8]) {
    let path = repo_root().join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_GOLDEN=1)", path.display()));
    assert!(
        expected == actual,
        "{} differs from the output",
        path.display()
    );
}

const TEXT_GOLDENS: &[(Format, &str)] = &[
    (Format::Graphml, "mini-plan.graphml"),
    (Format::Dot, "mini-plan.dot"),
    (Format::Mermaid, "mini-plan.mmd"),
    (Format::Cytoscape, "mini-plan.cytoscape.json"),
    (Format::NodeLink, "mini-plan.node-link.json"),
    (Format::Kumu, "mini-plan.kumu.json"),
    (Format::Archimate, "mini-plan.archimate.xml"),
    (Format::Svg, "mini-plan.svg"),
    (Format::Html, "mini-plan.html"),
];

#[test]
fn golden_files() {
    let s = mini();
    let opts = ExportOptions::default();
    for &(format, name) in TEXT_GOLDENS {
        check_golden(name, &text(&s, format, &opts));
    }
    for (table, name) in [
        (CsvTable::Actions, "mini-plan.actions.csv"),
        (CsvTable::Nodes, "mini-plan.nodes.csv"),
        (CsvTable::Edges, "mini-plan.edges.csv"),
    ] {
        check_golden(
            name,
            &text(&s, Format::Csv, &opts.clone().with_table(table)),
        );
    }
    let with_partners = opts.with_svg(SvgOptions::default().with_partners(true));
    check_golden(
        "mini-plan.partners.svg",
        &text(&s, Format::Svg, &with_partners),
    );
    // The canonical JSON export is the canonical JSON golden file.
    assert_eq!(
        text(&s, Format::Json, &ExportOptions::default()),
        read("tests/golden/mini-plan.json")
    );
}

#[cfg(feature = "xlsx")]
#[test]
fn xlsx_golden_and_round_trip() {
    let s = mini();
    let bytes = export(&s, Format::Xlsx, &ExportOptions::default()).unwrap();
    check_golden_bytes("mini-plan.xlsx", &bytes);
    assert_eq!(import(&bytes, Format::Xlsx).unwrap(), s);
    let h = hostile();
    let back = import(
        &export(&h, Format::Xlsx, &ExportOptions::default()).unwrap(),
        Format::Xlsx,
    )
    .unwrap();
    assert_eq!(back, h);
    assert!(import(b"PK not a zip", Format::Xlsx).is_err());
}

#[cfg(not(feature = "xlsx"))]
#[test]
fn xlsx_needs_its_feature() {
    let err = export(&mini(), Format::Xlsx, &ExportOptions::default()).unwrap_err();
    assert_eq!(err.code(), "unsupported");
    assert_eq!(import(b"", Format::Xlsx).unwrap_err().code(), "unsupported");
}

#[test]
fn exports_are_deterministic() {
    let opts = ExportOptions::default().with_svg(SvgOptions::default().with_partners(true));
    for &format in Format::ALL {
        let a = export(&mini(), format, &opts);
        let b = export(&mini(), format, &opts);
        assert_eq!(a, b, "{format}");
    }
}

#[test]
fn html_report_is_self_contained() {
    let mut s = thirty_node_plan();
    for (i, id) in ["strategic-action:1.1", "action:2.1.1", "action:3.1.2"]
        .into_iter()
        .enumerate()
    {
        let status = ["On track", "Delivered", "Delivery Date Missed with Risk"][i];
        s.update_node(id, |n| {
            n.attrs.insert("status".into(), status.into());
        })
        .unwrap();
    }
    s.update_node("action:1.1.1", |n| {
        n.deadline = Some(stratagraph::DateWindow::new(
            "2023-04-01".parse().ok(),
            "2024-03-31".parse().ok(),
            "Over 2023/24",
        ));
    })
    .unwrap();
    let html = text(&s, Format::Html, &ExportOptions::default());
    if let Some(dir) = std::env::var_os("SVG_PREVIEW_DIR") {
        std::fs::write(std::path::Path::new(&dir).join("report.html"), &html).unwrap();
    }
    for section in [
        "id=\"map\"",
        "id=\"progress\"",
        "id=\"actions\"",
        "id=\"coverage\"",
        "id=\"gaps\"",
        "id=\"timeline\"",
    ] {
        assert!(html.contains(section), "{section}");
    }
    assert!(html.contains("<span class=\"badge on_track\">On Track</span>"));
    assert!(html.contains("strategic actions rated"));
    assert!(html.contains("class=\"gantt\""));
    // No scripts, and nothing fetched: no external URL outside the SVG namespace.
    assert!(!html.contains("<script"));
    let without_ns = html.replace("http://www.w3.org/2000/svg", "");
    assert!(!without_ns.contains("http://") && !without_ns.contains("https://"));
}

const SCRIPT: &str = "<script>alert(1)</script>";
const IMG: &str = "\"><img src=x onerror=alert(1)>";

fn hostile() -> Strategy {
    Strategy::builder()
        .node(Node::new(NodeKind::Priority, "1", SCRIPT).with_tag(IMG))
        .node(Node::new(NodeKind::StrategicAction, "1.1", IMG))
        .node(
            Node::new(
                NodeKind::Action,
                "1.1.1",
                format!("{SCRIPT} & {IMG} ]]> --> \\ \u{0}"),
            )
            .with_attr("status", IMG)
            .with_attr(SCRIPT, IMG),
        )
        .node(Node::with_id(format!("partner:{IMG}"), NodeKind::Partner).with_label(SCRIPT))
        .node(Node::new(NodeKind::Outcome, "1", IMG))
        .edge("priority:1", EdgeKind::Contains, "strategic-action:1.1")
        .edge("strategic-action:1.1", EdgeKind::Contains, "action:1.1.1")
        .edge("action:1.1.1", EdgeKind::ContributesTo, "outcome:1")
        .add_edge(
            stratagraph::Edge::new("action:1.1.1", EdgeKind::LedBy, format!("partner:{IMG}"))
                .with_attr(IMG, SCRIPT),
        )
        .build()
        .unwrap()
}

#[test]
fn hostile_text_stays_text() {
    let s = hostile();
    let opts = ExportOptions::default().with_svg(SvgOptions::default().with_partners(true));
    for format in [
        Format::Graphml,
        Format::Archimate,
        Format::Svg,
        Format::Html,
    ] {
        let out = text(&s, format, &opts);
        assert!(!out.contains("<script"), "{format}: {out}");
        assert!(!out.contains("<img"), "{format}: {out}");
        assert!(!out.contains('\u{0}'), "{format}");
        assert!(out.contains("&lt;script&gt;"), "{format}");
    }
    let dot = text(&s, Format::Dot, &opts);
    // Inside DOT quoted strings, every quote is escaped: no string ends early.
    for line in dot.lines() {
        let unescaped = line.replace("\\\\", "").replace("\\\"", "");
        assert_eq!(unescaped.matches('"').count() % 2, 0, "{line}");
    }
    let mermaid = text(&s, Format::Mermaid, &opts);
    for line in mermaid.lines() {
        assert!(!line.replace("<br/>", "").contains('<'), "{line}");
        assert!(!line.contains("\"\">"), "{line}");
    }
    // JSON formats keep the text exactly, as JSON strings.
    for format in [
        Format::Json,
        Format::Cytoscape,
        Format::NodeLink,
        Format::Kumu,
    ] {
        let out = text(&s, format, &opts);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert!(v.to_string().contains("alert(1)"), "{format}");
    }
    // Round trips keep hostile text exactly.
    for (format, opts) in [
        (Format::Json, ExportOptions::default()),
        (Format::NodeLink, ExportOptions::default()),
        (Format::Graphml, ExportOptions::default()),
        (
            Format::Csv,
            ExportOptions::default().with_table(CsvTable::NodesAndEdges),
        ),
    ] {
        let mut expected = s.clone();
        // XML cannot carry NUL: it comes back as U+FFFD.
        if format == Format::Graphml {
            expected
                .update_node("action:1.1.1", |n| {
                    n.text = n.text.as_ref().map(|t| t.replace('\u{0}', "\u{FFFD}"));
                })
                .unwrap();
        }
        let back = import(&export(&s, format, &opts).unwrap(), format).unwrap();
        assert_eq!(back, expected, "{format}");
    }
}

#[test]
fn round_trips() {
    let s = mini();
    for (format, opts) in [
        (Format::Json, ExportOptions::default()),
        (Format::NodeLink, ExportOptions::default()),
        (Format::Graphml, ExportOptions::default()),
        (
            Format::Csv,
            ExportOptions::default().with_table(CsvTable::NodesAndEdges),
        ),
    ] {
        let bytes = export(&s, format, &opts).unwrap();
        let back = import(&bytes, format).unwrap();
        assert_eq!(back, s, "{format}");
        assert_eq!(back.to_json(), s.to_json(), "{format}");
    }
}

#[test]
fn csv_nodes_table_alone_reads_back_the_nodes() {
    let s = mini();
    let nodes = export(
        &s,
        Format::Csv,
        &ExportOptions::default().with_table(CsvTable::Nodes),
    )
    .unwrap();
    let back = import(&nodes, Format::Csv).unwrap();
    assert_eq!(back.len(), s.len());
    assert_eq!(back.edge_count(), 0);
    let actions = export(&s, Format::Csv, &ExportOptions::default()).unwrap();
    assert_eq!(
        import(&actions, Format::Csv).unwrap_err().code(),
        "unsupported"
    );
}

#[test]
fn imports_fail_cleanly() {
    for format in [
        Format::Svg,
        Format::Dot,
        Format::Mermaid,
        Format::Kumu,
        Format::Archimate,
    ] {
        assert_eq!(import(b"", format).unwrap_err().code(), "unsupported");
    }
    for (format, bad) in [
        (Format::Json, &b"{"[..]),
        (Format::NodeLink, b"{\"nodes\": 3}"),
        (Format::Graphml, b"<graphml><graph><node id=\"a\"></graph>"),
        (
            Format::Graphml,
            b"<graphml><graph><edge source=\"a\" target=\"b\"/></graph></graphml>",
        ),
        (Format::Csv, b"id,kind\r\n\"unterminated"),
        (Format::Csv, b"id,kind\r\na,not_a_kind\r\n"),
        (Format::Json, &[0xff, 0xfe][..]),
    ] {
        assert!(
            import(bad, format).is_err(),
            "{format}: {:?}",
            String::from_utf8_lossy(bad)
        );
    }
}

/// A plan the size of a real one: 4 priorities, 9 strategic actions, 21
/// actions, 6 outcomes and 10 partners, with long statements.
fn thirty_node_plan() -> Strategy {
    let words = "improve access to timely, compassionate mental health support for children, young people, families and communities across every local authority area";
    let text = |seed: usize, len: usize| -> String {
        let w: Vec<&str> = words.split(' ').collect();
        (0..len)
            .map(|i| w[(seed * 7 + i * 3) % w.len()])
            .collect::<Vec<_>>()
            .join(" ")
    };
    let partners = [
        "Scottish Government",
        "COSLA",
        "Public Health Scotland",
        "NHS Education for Scotland",
        "Health and Social Care Partnerships",
        "Third sector",
        "Police Scotland",
        "Children's Hearings Scotland",
        "Mental Welfare Commission",
        "See Me",
    ];
    let mut b = Strategy::builder();
    for (i, p) in partners.iter().enumerate() {
        b = b.node(Node::new(NodeKind::Partner, p, "").with_attr("rank", i as i64));
    }
    for o in 1..=6 {
        b = b.node(Node::new(NodeKind::Outcome, &o.to_string(), text(o, 9)));
    }
    let mut a_count = 0;
    for p in 1..=4 {
        b = b.node(Node::new(NodeKind::Priority, &p.to_string(), text(p, 12)));
        for sa in 1..=(if p == 2 { 3 } else { 2 }) {
            let sa_id = format!("{p}.{sa}");
            b = b.node(Node::new(
                NodeKind::StrategicAction,
                &sa_id,
                text(p + sa, 14),
            ));
            b = b.edge(
                format!("priority:{p}"),
                EdgeKind::Contains,
                format!("strategic-action:{sa_id}"),
            );
            let n_actions = if a_count < 22 {
                [3, 2, 2][(p + sa) % 3]
            } else {
                0
            };
            for a in 1..=n_actions {
                if a_count >= 22 {
                    break;
                }
                a_count += 1;
                let a_id = format!("{sa_id}.{a}");
                b = b.node(Node::new(
                    NodeKind::Action,
                    &a_id,
                    text(a_count, 10 + a_count % 9),
                ));
                b = b.edge(
                    format!("strategic-action:{sa_id}"),
                    EdgeKind::Contains,
                    format!("action:{a_id}"),
                );
                b = b.edge(
                    format!("action:{a_id}"),
                    EdgeKind::ContributesTo,
                    format!("outcome:{}", 1 + (a_count * 5) % 6),
                );
                let lead = stratagraph::slug(partners[(a_count * 3) % partners.len()]);
                b = b.edge(
                    format!("action:{a_id}"),
                    EdgeKind::LedBy,
                    format!("partner:{lead}"),
                );
                let kp = stratagraph::slug(partners[(a_count * 7 + 1) % partners.len()]);
                if kp != lead {
                    b = b.edge(
                        format!("action:{a_id}"),
                        EdgeKind::KeyPartner,
                        format!("partner:{kp}"),
                    );
                }
            }
        }
        b = b.edge(
            format!("priority:{p}"),
            EdgeKind::ContributesTo,
            format!("outcome:{p}"),
        );
    }
    b.build().unwrap()
}

#[test]
fn svg_of_a_real_sized_plan_is_laid_out_cleanly() {
    let s = thirty_node_plan();
    for partners in [false, true] {
        let opts = SvgOptions::default().with_partners(partners);
        let svg = stratagraph::format::svg::to_svg(&s, &opts);
        if let Some(dir) = std::env::var_os("SVG_PREVIEW_DIR") {
            std::fs::write(
                std::path::Path::new(&dir).join(format!("plan-partners-{partners}.svg")),
                &svg,
            )
            .unwrap();
        }
        // Boxes in one column never overlap, and all lie inside the drawing.
        let (w, h) = {
            let head = svg.lines().next().unwrap();
            let num = |k: &str| -> i64 {
                let i = head.find(&format!("{k}=\"")).unwrap() + k.len() + 2;
                head[i..].split('"').next().unwrap().parse().unwrap()
            };
            (num("width"), num("height"))
        };
        let mut boxes: Vec<(i64, i64, i64, i64)> = Vec::new();
        for line in svg.lines().filter(|l| l.starts_with("<rect x=")) {
            let v: Vec<i64> = line
                .split('"')
                .skip(1)
                .step_by(2)
                .take(4)
                .map(|x| x.parse().unwrap())
                .collect();
            boxes.push((v[0], v[1], v[2], v[3]));
        }
        assert_eq!(boxes.len(), s.len() - if partners { 0 } else { 10 });
        for (i, a) in boxes.iter().enumerate() {
            assert!(
                a.0 >= 0 && a.1 >= 0 && a.0 + a.2 <= w && a.1 + a.3 <= h,
                "{a:?}"
            );
            for b in &boxes[i + 1..] {
                let overlap =
                    a.0 < b.0 + b.2 && b.0 < a.0 + a.2 && a.1 < b.1 + b.3 && b.1 < a.1 + a.3;
                assert!(!overlap, "{a:?} overlaps {b:?}");
            }
        }
    }
}

mod fuzz {
    use super::*;
    use proptest::prelude::{any, prop_assert, prop_assert_eq, proptest, ProptestConfig};

    fn xml_safe(s: &str) -> String {
        s.chars()
            .map(|c| match c {
                '\t' | '\n' | '\r' => c,
                c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => '\u{FFFD}',
                c => c,
            })
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn any_text_round_trips(label in "\\PC{1,40}", text in "[\\PC\\t\\n\\r\\x00-\\x1f]{1,60}", tag in "[^;\\[ \\p{Cc}][^;\\p{Cc}]{0,10}[^; \\p{Cc}]") {
            let s = Strategy::builder()
                .node(Node::new(NodeKind::Action, "1.1.1", text.clone()).with_tag(tag.clone()).with_attr("note", label.clone()))
                .node(Node::with_id("partner:x", NodeKind::Partner).with_label(label.clone()))
                .add_edge(stratagraph::Edge::new("action:1.1.1", EdgeKind::LedBy, "partner:x").with_attr("why", text.clone()))
                .build()
                .unwrap();
            for (format, opts) in [
                (Format::NodeLink, ExportOptions::default()),
                (Format::Csv, ExportOptions::default().with_table(CsvTable::NodesAndEdges)),
            ] {
                let back = import(&export(&s, format, &opts).unwrap(), format).unwrap();
                prop_assert_eq!(&back, &s, "{}", format);
            }
            let back = import(&export(&s, Format::Graphml, &ExportOptions::default()).unwrap(), Format::Graphml).unwrap();
            let mut expected = s.clone();
            expected.update_node("action:1.1.1", |n| {
                n.text = n.text.as_deref().map(xml_safe);
                n.attrs.insert("note".into(), xml_safe(&label).into());
            }).unwrap();
            expected.update_node("partner:x", |n| n.label = xml_safe(&n.label)).unwrap();
            expected.add_edge(stratagraph::Edge::new("action:1.1.1", EdgeKind::LedBy, "partner:x").with_attr("why", xml_safe(&text))).unwrap();
            prop_assert_eq!(back, expected);
            // Every other export accepts it.
            for &format in Format::ALL {
                prop_assert!(export(&s, format, &ExportOptions::default()).is_ok() || format == Format::Xlsx);
            }
        }

        #[test]
        fn imports_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            for &format in Format::ALL {
                let _ = import(&bytes, format);
            }
        }

        #[test]
        fn imports_never_panic_on_near_misses(cut in 0usize..3000, junk in "[<>&\"';,\\[\\]{}]{0,4}") {
            let s = mini();
            for (format, opts) in [
                (Format::Graphml, ExportOptions::default()),
                (Format::NodeLink, ExportOptions::default()),
                (Format::Csv, ExportOptions::default().with_table(CsvTable::NodesAndEdges)),
            ] {
                let mut text = String::from_utf8(export(&s, format, &opts).unwrap()).unwrap();
                let mut at = cut.min(text.len());
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                text.insert_str(at, &junk);
                let _ = import(text.as_bytes(), format);
                let _ = import(&text.as_bytes()[..at], format);
            }
        }
    }
}

/// Cells a spreadsheet would run are guarded in CSV, read back as they were,
/// and written to XLSX as strings, never formulas.
#[test]
fn formula_injection_is_guarded_and_round_trips() {
    use stratagraph::format::csv::{to_csv, to_csv_raw, CsvTable};
    let payloads = [
        "=HYPERLINK(\"http://evil\",\"click\")",
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A2)",
        "\tleading tab",
        "\rleading return",
        "'=already quoted",
        "''+twice",
        "'plain quote",
        "plain",
    ];
    let mut b = Strategy::builder();
    for (i, p) in payloads.iter().enumerate() {
        b = b.node(Node::new(NodeKind::Outcome, &(i + 1).to_string(), *p).with_label(*p));
    }
    let s = b.build().unwrap();
    let csv = to_csv(&s, CsvTable::NodesAndEdges).unwrap();
    let back = stratagraph::format::csv::read(&csv).unwrap();
    assert_eq!(back, s);
    // Every field of the guarded file that a spreadsheet would run starts with a quote.
    for line in csv.split("\r\n") {
        for field in line.split(',') {
            let field = field.trim_start_matches('"');
            assert!(
                !field.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "unguarded cell {field:?}"
            );
        }
    }
    assert!(csv.contains(",\"'=HYPERLINK(\"\"http"));
    assert!(csv.contains(",''=already quoted,"));
    assert!(csv.contains(",'plain quote,"));
    // The raw table keeps the cells as they are.
    assert!(to_csv_raw(&s, CsvTable::Nodes)
        .unwrap()
        .contains(",\"=HYPERLINK(\"\"http"));
    #[cfg(feature = "xlsx")]
    {
        let bytes = stratagraph::format::xlsx::to_xlsx(&s).unwrap();
        assert_eq!(stratagraph::format::xlsx::read(&bytes).unwrap(), s);
    }
}
