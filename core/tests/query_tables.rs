//! The typed actions and outcomes tables, column types, and `Severity` from text.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use stratagraph::analysis::{coverage, ColumnType, Table};
use stratagraph::format::csv::actions_table as actions_csv;
use stratagraph::generate::{self, GeneratorConfig, Size};
use stratagraph::{query, Severity, Strategy};

fn scotland() -> Strategy {
    stratagraph::parse_delivery_plan(include_str!(
        "../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
    ))
    .strategy
}

/// Split one CSV line without quotes inside quoted fields spanning lines (the
/// Scottish plan's cells have commas but no line breaks).
fn csv_fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                out.last_mut().unwrap().push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(String::new()),
            c => out.last_mut().unwrap().push(c),
        }
    }
    out
}

#[test]
fn actions_table_agrees_with_the_csv_actions_table() {
    let s = scotland();
    let table = query::actions_table(&s);
    let csv = actions_csv(&s).unwrap();
    let lines: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(table.len(), lines.len());
    assert_eq!(table.len(), 13);
    for (row, line) in table.rows.iter().zip(lines) {
        let f = csv_fields(line);
        assert_eq!(row.id, f[0]);
        assert_eq!(row.number, f[1]);
        assert_eq!(row.text, f[2]);
        assert_eq!(row.priority.as_deref().unwrap_or(""), f[3]);
        assert_eq!(row.strategic_action.as_deref().unwrap_or(""), f[4]);
        assert_eq!(row.leads, f[5], "{}", row.id);
        let date = |d: Option<stratagraph::Date>| d.map(|d| d.to_string()).unwrap_or_default();
        assert_eq!(date(row.deadline_start), f[7]);
        assert_eq!(date(row.deadline_end), f[8]);
        assert_eq!(row.deadline_phrase.as_deref().unwrap_or(""), f[9]);
        assert_eq!(row.status, None);
    }
    let first = &table.rows[0];
    assert_eq!(first.priority.as_deref(), Some("10"));
    assert_eq!(first.outcomes, "1; 2; 3; 4; 5; 6; 7");
}

#[test]
fn actions_table_has_statuses_after_a_progress_report() {
    let config = GeneratorConfig::preset(Size::S).with_seed(7);
    let mut s = generate::strategy(&config);
    let reports = generate::progress_reports(&s, &config);
    let last = reports.last().expect("a report");
    last.apply_to(&mut s);
    let table = query::actions_table(&s);
    let with_status = table.rows.iter().filter(|r| r.status.is_some()).count();
    assert!(with_status > 0);
    for r in table.rows.iter().filter(|r| r.status.is_some()) {
        assert_eq!(r.status_date, last.date, "{}", r.id);
    }
}

#[test]
fn outcomes_table_counts_actions_and_marks_gaps() {
    let s = scotland();
    let table = query::outcomes_table(&s);
    let gap_ids: Vec<&str> = table
        .rows
        .iter()
        .filter(|r| r.gap)
        .map(|r| r.id.as_str())
        .collect();
    for r in &table.rows {
        assert_eq!(r.gap, r.actions == 0);
        assert!(r.leads <= r.partners);
    }
    let gaps = coverage::gaps(&s);
    for id in gap_ids {
        assert!(
            gaps.to_json().contains(id),
            "{id} is a gap in coverage::gaps too"
        );
    }
    let counted: u32 = table.rows.iter().map(|r| r.actions).sum();
    let from_actions: usize = query::actions_table(&s)
        .rows
        .iter()
        .map(|r| r.outcomes.split("; ").filter(|o| !o.is_empty()).count())
        .sum();
    assert_eq!(counted as usize, from_actions);
}

#[test]
fn empty_strategy_gives_empty_tables_with_columns() {
    let s = Strategy::builder().build().unwrap();
    let a = query::actions_table(&s);
    assert!(a.is_empty());
    assert_eq!(a.columns().len(), 13);
    assert_eq!(a.column_types().len(), 13);
    assert!(query::outcomes_table(&s).is_empty());
    assert_eq!(a.columns_json().lines().next(), Some("{"));
}

#[test]
fn column_types_follow_the_field_types() {
    let s = scotland();
    let a = query::actions_table(&s);
    let types: Vec<(&str, ColumnType)> =
        a.columns().iter().copied().zip(a.column_types()).collect();
    assert!(types.contains(&("deadline_end", ColumnType::Date)));
    assert!(types.contains(&("status", ColumnType::Category)));
    assert!(types.contains(&("number", ColumnType::Text)));
    let o = query::outcomes_table(&s);
    assert_eq!(
        o.column_types()[5..],
        [
            ColumnType::Integer,
            ColumnType::Integer,
            ColumnType::Integer,
            ColumnType::Boolean
        ]
    );
    let load = query::partner_load(&s);
    assert_eq!(
        load.column_types()[..3],
        [ColumnType::Text, ColumnType::Text, ColumnType::Integer]
    );
    let r = query::responsibilities(&s);
    let role = r.columns().iter().position(|c| *c == "role").unwrap();
    assert_eq!(r.column_types()[role], ColumnType::Category);
    let names: Vec<&str> = [
        ColumnType::Text,
        ColumnType::Category,
        ColumnType::Integer,
        ColumnType::Float,
        ColumnType::Boolean,
        ColumnType::Date,
    ]
    .iter()
    .map(|t| t.as_str())
    .collect();
    assert_eq!(
        names,
        ["text", "category", "integer", "float", "boolean", "date"]
    );
}

#[test]
fn severity_parses_its_own_names_only() {
    for s in [Severity::Info, Severity::Warning, Severity::Error] {
        assert_eq!(s.as_str().parse::<Severity>().unwrap(), s);
    }
    for bad in ["", "Warning", "fatal", " error"] {
        let e = bad.parse::<Severity>().unwrap_err();
        assert!(e.to_string().contains("severity"), "{e}");
    }
}
