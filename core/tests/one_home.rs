//! One home for each rule (issue 13): every table and export that shows an
//! action's outcomes or status gives the same answer for the same plan. The
//! plans: the hand-built fixture, the bundled Scottish plan, generated plans,
//! and each of those with a progress report applied.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;

use stratagraph::analysis::coverage;
use stratagraph::format::csv::actions_table as actions_csv;
use stratagraph::format::html::to_html;
use stratagraph::format::svg::SvgOptions;
use stratagraph::generate::{self, GeneratorConfig, Size};
use stratagraph::{parse_progress_report, query, Strategy};

/// What one surface says of each action: (outcome numbers, status), by action id.
type Answers = BTreeMap<String, (Vec<String>, String)>;

fn plans() -> Vec<(String, Strategy)> {
    let mini = Strategy::from_json(include_str!("../../tests/fixtures/mini-plan.json")).unwrap();
    let scotland = stratagraph::parse_delivery_plan(include_str!(
        "../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
    ))
    .strategy;
    let mut out = vec![
        ("mini-plan".to_owned(), mini.clone()),
        ("scotland".to_owned(), scotland.clone()),
    ];
    // A report rating strategic actions (their actions inherit the status) and one action.
    let mut rated = mini;
    parse_progress_report("1.1 Help families.\tAt risk\n1.1.2 Agree a specification.\tDelivered")
        .report
        .apply_to(&mut rated);
    out.push(("mini-plan with a report".to_owned(), rated));
    let mut rated = scotland;
    parse_progress_report("10.1 Parents and families.\tDelivered\n10.3 Care experience.\tOff track\n10.3.2 Support survivors.\tOn track")
        .report
        .apply_to(&mut rated);
    out.push(("scotland with a report".to_owned(), rated));
    for seed in [3, 11] {
        let mut config = GeneratorConfig::preset(Size::S).with_seed(seed);
        config.actions = 120;
        let mut s = generate::strategy(&config);
        out.push((format!("generated {seed}"), s.clone()));
        for report in generate::progress_reports(&s, &config) {
            report.apply_to(&mut s);
        }
        out.push((format!("generated {seed} with its reports"), s));
    }
    out
}

fn list(cell: &str) -> Vec<String> {
    cell.split("; ")
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The typed actions table (what `actions_df` / `actionsTable` are built from).
fn from_actions_table(s: &Strategy) -> Answers {
    query::actions_table(s)
        .rows
        .into_iter()
        .map(|r| (r.id, (list(&r.outcomes), r.status.unwrap_or_default())))
        .collect()
}

/// The column-by-column twin.
fn from_actions_columns(s: &Strategy) -> Answers {
    let c = query::actions_columns(s);
    (0..c.len())
        .map(|i| {
            let outcomes = c.context.outcomes.get(i).cloned().unwrap_or_default();
            let status = c.context.status.get(i).map(|s| (*s).to_owned());
            (
                c.own.id[i].to_owned(),
                (list(&outcomes), status.unwrap_or_default()),
            )
        })
        .collect()
}

/// RFC 4180 records (quoted fields may hold commas, quotes and line breaks).
fn csv_records(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => record.push(std::mem::take(&mut field)),
            '\r' if !quoted => {}
            '\n' if !quoted => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            c => field.push(c),
        }
    }
    records
}

/// The CSV actions table (the spreadsheet; the HTML report's and the workbook's
/// actions tables are made of the same rows).
fn from_csv(s: &Strategy) -> Answers {
    let records = csv_records(&actions_csv(s).unwrap());
    let header = &records[0];
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (id, outcomes, status) = (col("id"), col("outcomes"), col("status"));
    records[1..]
        .iter()
        .map(|r| (r[id].clone(), (list(&r[outcomes]), r[status].clone())))
        .collect()
}

/// The batch of node contexts (what the explorer and `node_contexts()` read),
/// outcome ids turned into numbers.
fn from_node_contexts(s: &Strategy) -> Answers {
    query::node_contexts(s)
        .rows
        .into_iter()
        .filter(|r| r.kind == "action")
        .map(|r| {
            let numbers = list(&r.outcomes)
                .iter()
                .map(|o| {
                    let n = s.node(o).unwrap();
                    n.number_or_name().to_owned()
                })
                .collect();
            (r.id, (numbers, r.status.unwrap_or_default()))
        })
        .collect()
}

/// The readable report: each action's `Outcomes:` and `Status:` lines (status
/// words have spaces for underscores there).
fn from_report(s: &Strategy) -> Answers {
    let text = stratagraph::format::report::text_report(s, &[]);
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Answers::new();
    for a in s.nodes_of_kind(stratagraph::NodeKind::Action) {
        let number = a.number.clone().unwrap();
        let at = lines
            .iter()
            .position(|l| {
                let l = l.trim_start().trim_start_matches("- ");
                l.starts_with(&format!("{number} ")) || l == number
            })
            .unwrap_or_else(|| panic!("action {number} is not in the report"));
        let indent = |l: &str| l.len() - l.trim_start().len();
        let depth = indent(lines[at]);
        let block: Vec<&str> = lines[at + 1..]
            .iter()
            .take_while(|l| indent(l) > depth && !l.trim().is_empty())
            .copied()
            .collect();
        // A relation line and its wrapped continuation lines (indented further).
        let field = |label: &str| -> String {
            let Some(i) = block
                .iter()
                .position(|l| l.trim_start().starts_with(&format!("{label}: ")))
            else {
                return String::new();
            };
            let mut v = block[i].trim_start()[label.len() + 2..].to_owned();
            for l in &block[i + 1..] {
                if indent(l) <= indent(block[i]) {
                    break;
                }
                v.push(' ');
                v.push_str(l.trim());
            }
            v
        };
        let outcomes = field("Outcomes")
            .split(", ")
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        out.insert(a.id.to_string(), (outcomes, field("Status")));
    }
    out
}

/// Coverage: the priority × outcome counts, from the actions table's answers.
fn check_coverage(name: &str, s: &Strategy, answers: &Answers) {
    let table = query::actions_table(s);
    let mut counts: BTreeMap<(String, String), u32> = BTreeMap::new();
    for r in &table.rows {
        let Some(p) = &r.priority else { continue };
        for o in &answers[&r.id].0 {
            *counts.entry((p.clone(), o.clone())).or_default() += 1;
        }
    }
    for cell in coverage::priority_outcome_matrix(s).rows {
        let key = (cell.priority_number.clone(), cell.outcome_number.clone());
        assert_eq!(
            cell.actions,
            counts.get(&key).copied().unwrap_or(0),
            "{name}: coverage of priority {} x outcome {}",
            key.0,
            key.1
        );
    }
    // The outcomes table counts the same actions behind each outcome.
    let mut per_outcome: BTreeMap<&str, u32> = BTreeMap::new();
    for (outcomes, _) in answers.values() {
        for o in outcomes {
            *per_outcome.entry(o.as_str()).or_default() += 1;
        }
    }
    for row in query::outcomes_table(s).rows {
        let number = row.number.clone().unwrap_or(row.label.clone());
        assert_eq!(
            row.actions,
            per_outcome.get(number.as_str()).copied().unwrap_or(0),
            "{name}: actions behind outcome {number}"
        );
    }
}

/// The HTML report's actions table: each action's row holds its outcomes cell
/// and its status badge.
fn check_html(name: &str, s: &Strategy, answers: &Answers) {
    let html = to_html(s, &SvgOptions::default());
    for a in s.nodes_of_kind(stratagraph::NodeKind::Action) {
        let number = a.number.clone().unwrap();
        let row = html
            .lines()
            .find(|l| l.starts_with(&format!("<tr><td>{number}</td>")))
            .unwrap_or_else(|| panic!("{name}: no HTML row for {number}"));
        let (outcomes, status) = &answers[a.id.as_str()];
        let cells: Vec<&str> = row.split("</td><td>").collect();
        assert_eq!(
            cells[8],
            outcomes.join("; ").replace('&', "&amp;"),
            "{name}: {number}"
        );
        if status.is_empty() {
            assert!(
                cells[9].starts_with("</td>"),
                "{name}: {number} has no status"
            );
        } else {
            assert!(
                cells[9].contains(&format!(">{status}</span>")),
                "{name}: {number}"
            );
        }
    }
}

#[test]
fn every_surface_gives_the_same_outcomes_and_status() {
    for (name, s) in plans() {
        let table = from_actions_table(&s);
        assert!(!table.is_empty(), "{name} has actions");
        assert_eq!(from_actions_columns(&s), table, "{name}: actions_columns");
        assert_eq!(from_csv(&s), table, "{name}: the CSV actions table");
        assert_eq!(from_node_contexts(&s), table, "{name}: node_contexts");
        let spaced: Answers = table
            .iter()
            .map(|(id, (o, st))| (id.clone(), (o.clone(), st.replace('_', " "))))
            .collect();
        assert_eq!(from_report(&s), spaced, "{name}: the report");
        check_coverage(&name, &s, &table);
        check_html(&name, &s, &table);
    }
}

/// The plans are not all alike: some action inherits its outcomes and some its
/// status, so the agreement above is not vacuous.
#[test]
fn the_plans_exercise_inheritance() {
    let plans = plans();
    let rated = &plans[2].1;
    let t = from_actions_table(rated);
    assert_eq!(
        t["action:1.1.1"],
        (vec!["1".to_owned()], "at_risk".to_owned())
    );
    assert_eq!(
        t["action:1.1.2"],
        (vec!["1".to_owned(), "2".to_owned()], "delivered".to_owned())
    );
    let s = &plans[5].1;
    let inherited = query::node_contexts(s)
        .rows
        .into_iter()
        .filter(|r| r.kind == "action" && r.status_from.as_deref().is_some_and(|f| f != r.id))
        .count();
    assert!(inherited > 0, "a generated action inherits its status");
}
