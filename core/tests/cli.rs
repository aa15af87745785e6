//! The command-line tool, run as a user would.
#![allow(clippy::unwrap_used)]

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn stratagraph(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stratagraph"))
        .args(args)
        .current_dir(common::repo_root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

const SCOTLAND: &str = "examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt";

#[test]
fn parse_prints_the_canonical_json() {
    let out = stratagraph(&["parse", SCOTLAND], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let golden = common::read("tests/golden/scotland-priority-10.json");
    assert_eq!(String::from_utf8(out.stdout).unwrap(), golden);
    // Standard input, and the kind named.
    let text = common::read(SCOTLAND);
    let out = stratagraph(&["parse", "--kind", "plan", "-"], Some(text.as_bytes()));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), golden);
}

#[test]
fn report_shows_actions_leads_partners_deadlines_outcomes() {
    let out = stratagraph(&["report", SCOTLAND], None);
    assert!(out.status.success());
    let report = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "Priority 10: Reduce the risk of poor mental health",
        "Strategic action 10.4:",
        "10.1.5 By November 2023, launch a new Strategic Board",
        "Joint lead: Scottish Government, COSLA",
        "Deadline: by 2023-11-30 (\u{201c}By November 2023\u{201d})",
        "Key partners: In Care Survivors Alliance",
        "Outcomes: 1, 2, 3, 4, 5, 6, 7",
        "Diagnostics",
    ] {
        assert!(
            report.contains(expected),
            "missing {expected:?} in\n{report}"
        );
    }
}

#[test]
fn validate_exits_1_on_errors_and_0_otherwise() {
    let out = stratagraph(
        &["validate", "tests/fixtures/validation-problems.json"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("error[duplicate_id]"), "{text}");
    let out = stratagraph(
        &[
            "validate",
            "--json",
            "tests/fixtures/validation-problems.json",
        ],
        None,
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        common::read("tests/golden/validation-problems.diagnostics.json")
    );
    let out = stratagraph(&["validate", "tests/fixtures/mini-plan.json"], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn the_kind_of_document_is_detected() {
    let out = stratagraph(
        &[
            "parse",
            "examples/data/wales-together-for-mental-health.txt",
        ],
        None,
    );
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        common::read("tests/golden/wales-together-for-mental-health.json")
    );
    let out = stratagraph(&["parse", "tests/fixtures/progress-report.txt"], None);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        common::read("tests/golden/progress-report.json")
    );
}

#[test]
fn bad_input_gives_a_clear_error_and_exit_2() {
    let out = stratagraph(
        &["parse", "-"],
        Some(b"{\"format\": \"stratagraph\", \"version\": 7, \"nodes\": []}"),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("unsupported stratagraph document version 7"),
        "{err}"
    );

    let out = stratagraph(&["parse", "-"], Some(b"Priority 1\n\xff\xfe junk"));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("line 2, column 1") && err.contains("UTF-8"),
        "{err}"
    );

    let out = stratagraph(&["report", "no/such/file.txt"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("no/such/file.txt"));

    let out = stratagraph(&["frobnicate", "x"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = stratagraph(&["parse", "--kind", "poem", "x"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_truncated_plan_loses_nothing() {
    let text = common::read(SCOTLAND);
    let cut = &text[..text.len() / 2];
    let out = stratagraph(&["validate", "--kind", "plan", "-"], Some(cut.as_bytes()));
    assert!(out.status.code().is_some());
    let out = stratagraph(&["parse", "-"], Some(cut.as_bytes()));
    assert!(out.status.success());
    // Cut before its first action, a plan is still read as a plan.
    let head = &text[..1500];
    let out = stratagraph(&["parse", "-"], Some(head.as_bytes()));
    let json = String::from_utf8(out.stdout).unwrap();
    assert!(json.contains("\"id\": \"priority:10\""), "{json}");
}

#[test]
fn export_writes_every_format_and_import_reads_back() {
    let json = common::read("tests/golden/scotland-priority-10.json");
    for format in [
        "json",
        "csv",
        "xlsx",
        "graphml",
        "dot",
        "mermaid",
        "cytoscape",
        "node-link",
        "kumu",
        "archimate",
        "svg",
        "html",
    ] {
        let out = stratagraph(&["export", "--to", format, SCOTLAND], None);
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "{format}");
    }
    // The mini plan's exports are the golden files byte for byte.
    let out = stratagraph(
        &["export", "--to", "graphml", "tests/fixtures/mini-plan.json"],
        None,
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        common::read("tests/golden/mini-plan.graphml")
    );
    let out = stratagraph(
        &[
            "export",
            "--to",
            "csv",
            "--table",
            "nodes",
            "tests/fixtures/mini-plan.json",
        ],
        None,
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        common::read("tests/golden/mini-plan.nodes.csv")
    );
    // Round trips through the formats that can be read back.
    let dir = std::env::temp_dir().join(format!("stratagraph-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (format, extra) in [
        ("csv", Some("all")),
        ("xlsx", None),
        ("graphml", None),
        ("node-link", None),
    ] {
        let path = dir.join(format!("plan.{format}"));
        let path = path.to_str().unwrap();
        let mut args = vec!["export", "--to", format, SCOTLAND, "-o", path];
        if let Some(t) = extra {
            args.extend(["--table", t]);
        }
        assert!(stratagraph(&args, None).status.success(), "{format}");
        let back = stratagraph(&["import", "--from", format, path], None);
        assert!(
            back.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&back.stderr)
        );
        assert_eq!(
            String::from_utf8(back.stdout).unwrap(),
            json,
            "{format} round trip"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
    // What cannot be read back says so.
    let out = stratagraph(
        &["import", "--from", "svg", "tests/golden/mini-plan.svg"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("cannot be read back"));
    let out = stratagraph(&["export", "--to", "pdf", SCOTLAND], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn proposals_are_merged_behind_the_gate() {
    let fixture = "tests/fixtures/scotland-proposals.json";
    let out = stratagraph(&["parse", SCOTLAND, "--proposals", fixture], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let merged = stratagraph::Strategy::from_json(&String::from_utf8(out.stdout).unwrap()).unwrap();
    assert!(merged.contains("programme:baby-box"));
    assert!(merged.contains("programme:psychology-of-parenting-programme"));
    // The third proposal quotes text that is not at its span: rejected, and said so.
    assert!(!merged.contains("programme:family-nurse-partnership"));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("proposal_span_mismatch"), "{stderr}");
    assert!(stderr.contains("proposal_dangling_edge"), "{stderr}");
    // A proposals file of the wrong format is a clear error.
    let out = stratagraph(
        &[
            "parse",
            SCOTLAND,
            "--proposals",
            "tests/fixtures/mini-plan.json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("stratagraph-proposals"));
}

#[test]
fn a_wrong_file_says_so() {
    let dir = std::env::temp_dir().join(format!("stratagraph-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let brackets = dir.join("brackets.json");
    std::fs::write(&brackets, "[".repeat(200_000)).unwrap();
    let out = stratagraph(&["validate", brackets.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("invalid JSON at line 1, column"), "{err}");
    let cases: [(&str, &[u8], &str); 3] = [
        ("binary.txt", b"PK\x03\x04\x00\x00\x00", "binary file"),
        ("latin1.txt", b"Priority 1\nCaf\xe9", "line 2, column 4"),
        ("utf16.txt", b"\xff\xfeP\x00\x00\xd8", "broken character"),
    ];
    for (name, bytes, says) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = stratagraph(&["validate", path.to_str().unwrap()], None);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{name}: {err}");
    }
    // UTF-16 with a byte-order mark is decoded and read.
    let plan = common::read(SCOTLAND);
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(plan.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let path = dir.join("utf16-plan.txt");
    std::fs::write(&path, utf16).unwrap();
    let out = stratagraph(&["parse", path.to_str().unwrap()], None);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        common::read("tests/golden/scotland-priority-10.json")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A progress page that is no board paper: `parse` prints the progress JSON,
/// `report` the progress report and then the graph's, `export` the graph.
#[test]
fn a_progress_page_with_a_graph() {
    let page = "tests/corpus/G-fairer-scotland-first-annual-progress-report-actions.txt";
    let out = stratagraph(&["parse", page], None);
    assert!(out.status.success());
    let json = String::from_utf8(out.stdout).unwrap();
    assert!(json.contains("\"format\": \"stratagraph-progress\""));
    let out = stratagraph(&["report", page], None);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Fairer scotland action plan"), "{text}");
    assert!(text.contains("3 rows"));
    let out = stratagraph(&["export", "--to", "csv", page], None);
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.starts_with("id,number,text") && csv.contains("action:1,1,"),
        "{csv}"
    );
    // A board paper has no graph: export still writes its progress JSON.
    let out = stratagraph(
        &[
            "export",
            "--to",
            "csv",
            "tests/fixtures/progress-report.txt",
        ],
        None,
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        common::read("tests/golden/progress-report.json")
    );
}

#[test]
fn validate_fails_on_a_file_with_no_structure_or_not_text() {
    let furniture = "Skip to main content\nhttps://www.gov.scot/publications\n";
    for text in ["", "\n\n  \n", furniture] {
        let out = stratagraph(&["validate", "-"], Some(text.as_bytes()));
        assert_eq!(out.status.code(), Some(1), "{text:?}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("no_structure"));
    }
    let out = stratagraph(&["validate", "-"], Some(b"Priority 1\n\x00\x01\x02"));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("binary"));
}

#[test]
fn json_in_a_text_file_or_read_as_text_says_so() {
    let json = common::read("tests/fixtures/mini-plan.json");
    let dir = std::env::temp_dir().join(format!("stratagraph-cli-kind-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let txt = dir.join("plan.txt");
    std::fs::write(&txt, &json).unwrap();
    let txt = txt.to_str().unwrap();
    // Named .txt: read as text, and the error says why and how to read JSON.
    let out = stratagraph(&["validate", txt], None);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(said.contains("json_as_text"), "{said}");
    assert!(said.contains("plan.txt) says it is text"), "{said}");
    assert!(said.contains("stratagraph import --from json"), "{said}");
    let out = stratagraph(&["parse", txt], None);
    assert!(String::from_utf8_lossy(&out.stderr).contains("json_as_text"));
    // --kind asks for text: the same error, saying the kind was asked for.
    let out = stratagraph(&["validate", "--kind", "plan", "-"], Some(json.as_bytes()));
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(said.contains("json_as_text") && said.contains("the kind asked for is plan"));
    // A JSON array on standard input (no canonical document is one).
    let out = stratagraph(&["validate", "-"], Some(b"\xef\xbb\xbf [{\"id\": \"a\"}]"));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("json_as_text"));
    // The content and the name agree: no such word.
    let out = stratagraph(&["validate", "tests/fixtures/mini-plan.json"], None);
    assert!(!String::from_utf8(out.stdout)
        .unwrap()
        .contains("json_as_text"));
    let out = stratagraph(&["validate", "-"], Some(json.as_bytes()));
    assert!(!String::from_utf8(out.stdout)
        .unwrap()
        .contains("json_as_text"));
    let _ = std::fs::remove_dir_all(&dir);
}
