//! The quality report over the real-page corpus (tests/corpus): it runs, it
//! covers every page and every line of every page is accounted for. The
//! scores themselves are not asserted here (they are what the report is for).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;
use std::process::Command;

use stratagraph::quality::{score_corpus, ScoreOptions, FACTS};

/// The page names (file stems of the `.txt` files) of a corpus directory.
fn pages(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.file_stem().unwrap().to_str().unwrap().to_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_report_covers_every_page_and_every_line() {
    let dir = common::repo_root().join("tests/corpus");
    let report = score_corpus(&dir, &ScoreOptions::default()).unwrap();
    let development = pages(&dir);
    let held_out = pages(&dir.join("holdout"));
    assert!(development.len() >= 17, "{development:?}");
    // At least one held-out page per family B to I.
    for family in ["B", "C", "D", "E", "F", "G", "H", "I"] {
        assert!(
            held_out.iter().any(|n| n.starts_with(family)),
            "no held-out page of family {family}"
        );
    }
    let scored: Vec<(&str, bool)> = report
        .pages
        .iter()
        .map(|p| (p.name.as_str(), p.held_out))
        .collect();
    let expected: Vec<(&str, bool)> = development
        .iter()
        .map(|n| (n.as_str(), false))
        .chain(held_out.iter().map(|n| (n.as_str(), true)))
        .collect();
    assert_eq!(scored, expected);
    for page in &report.pages {
        assert!(page.lines > 0, "{}", page.name);
        assert!(
            page.unaccounted.is_empty(),
            "{}: lines {:?} are in no node and neither skipped nor unclassified",
            page.name,
            page.unaccounted
        );
        assert_eq!(page.tallies.len(), FACTS.len());
        // Every page states its kind, so the kind is always scored.
        assert_eq!(page.tally("kinds").map(|t| t.expected), Some(1));
        assert!(
            "BCDEFGHI".contains(page.family.as_str()),
            "{}: family {:?}",
            page.name,
            page.family
        );
    }
    // Every text parser read the whole corpus too, and accounted for every line.
    let parsers: Vec<&str> = report.parsers.iter().map(|p| p.parser.as_str()).collect();
    assert_eq!(parsers, ["plan", "strategy", "progress"]);
    for p in &report.parsers {
        assert_eq!(p.unaccounted, 0, "{}", p.parser);
        let kinds = p
            .tallies
            .iter()
            .find(|(f, _)| f == "kinds")
            .map(|(_, t)| t.expected);
        assert_eq!(kinds, Some(report.pages.len()));
    }
    // The table names every page and every fact.
    let table = report.to_table();
    for page in &report.pages {
        assert!(table.contains(&page.name), "{}", page.name);
    }
    for fact in FACTS {
        assert!(table.contains(fact));
    }
}

#[test]
fn every_page_of_every_parser_is_accounted_for() {
    let dir = common::repo_root().join("tests/corpus");
    for kind in ["plan", "strategy", "progress"] {
        let options = ScoreOptions {
            kind: Some(kind.parse().unwrap()),
        };
        let report = score_corpus(&dir, &options).unwrap();
        for page in &report.pages {
            assert_eq!(page.parsed_as, kind);
            assert!(
                page.unaccounted.is_empty(),
                "{} read as {kind}: lines {:?} not accounted for",
                page.name,
                page.unaccounted
            );
        }
    }
}

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_stratagraph"))
        .args(args)
        .current_dir(common::repo_root())
        .output()
        .unwrap()
}

#[test]
fn the_command_prints_the_table_and_the_json() {
    let out = run(&["quality", "tests/corpus"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("recall/precision per family"), "{table}");
    assert!(table.contains("lines not accounted for: 0"), "{table}");

    let out = run(&["quality", "tests/corpus", "--json"]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["unaccounted_lines"], 0);
    assert_eq!(json["totals"].as_array().unwrap().len(), FACTS.len());

    // The gate: a bar of 0 always passes; a bar above 1 is refused.
    assert!(run(&[
        "quality",
        "tests/corpus",
        "--min-recall",
        "0",
        "--min-precision",
        "0"
    ])
    .status
    .success());
    assert_eq!(
        run(&["quality", "tests/corpus", "--min-recall", "1.5"])
            .status
            .code(),
        Some(2)
    );
    // A directory without pages is an empty report; a missing one is an error.
    assert_eq!(
        run(&["quality", "tests/no-such-corpus"]).status.code(),
        Some(2)
    );
}
