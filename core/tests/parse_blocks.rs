//! The block layer and the block recognisers on the real-page corpus
//! (tests/corpus: Scottish and Welsh Government pages; contains public sector
//! information licensed under the Open Government Licence v3.0): kind,
//! actions, leads, partners and deadlines as the facts files record them,
//! nothing lost, and no panic on any input (property tested).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::BTreeSet;

use proptest::prelude::*;
use serde_json::Value;
use stratagraph::parse::blocks::{blocks, BlockKind};
use stratagraph::parse::gazetteer::Gazetteer;
use stratagraph::parse::recognise::parse_blocks;
use stratagraph::parse::DocumentKind;
use stratagraph::{parse_delivery_plan, EdgeKind, NodeKind, Strategy as Model};

/// The development pages these tests pin exactly: every fact of each is
/// found, so a change that loses one fails here. Pages added since are
/// measured, not pinned: the quality report (`stratagraph quality
/// tests/corpus`, its CI step and `core/tests/quality.rs`) scores every page,
/// and a page joins this list once the parser reads it exactly.
const PINNED: &[&str] = &[
    "B-hscdp-progress-report",
    "B-mental-health-strategy-action-progress-reports-2019",
    "B-one-wales-delivery-plan-final-update",
    "B-wales-programme-for-government-final-annual-report-statement",
    "C-fairer-scotland-progress-2019",
    "C-wales-annual-report-2023-annex",
    "D-open-gov-commitment1-final-progress",
    "E-mhcr-delivery-plan-law-reform-table",
    "E-obesity-route-map-action-plan",
    "F-covid-recovery-next-steps-recommendations",
    "F-dementia-delivery-plan-key-deliverables",
    "F-obesity-route-map-governance-commitments",
    "F-open-gov-action-plan-2018-2020-commitments",
    "F-open-gov-action-plan-2021-2025-data-digital-milestones",
    "F-open-gov-action-plan-2021-2025-fiscal-milestones",
    "G-every-life-matters-vision-action1",
    "G-fairer-scotland-first-annual-progress-report-actions",
    "G-womens-health-plan-final-report-cross-cutting",
    "H-cleaner-air-delivery-plan-priority9",
    "H-mhcr-delivery-plan-priority4",
    "H-mhcr-delivery-plan-priority7",
    "H-promise-story-progress-milestones",
    "I-cleaner-air-delivery-plan-introduction",
    "I-covid-recovery-programme-approach",
    "I-mhcr-delivery-plan-vision",
    "I-nhs-scotland-operational-improvement-plan",
    "I-nset-delivery-plans-introduction",
    "I-programme-for-government-2024-25-priorities",
];

/// The pinned corpus pages: (name, text, facts).
fn corpus() -> Vec<(String, String, Value)> {
    let dir = common::repo_root().join("tests/corpus");
    PINNED
        .iter()
        .map(|n| (*n).to_owned())
        .map(|n| {
            let text = std::fs::read_to_string(dir.join(format!("{n}.txt"))).unwrap();
            let facts = std::fs::read_to_string(dir.join(format!("{n}.facts.json"))).unwrap();
            (n, text, serde_json::from_str(&facts).unwrap())
        })
        .collect()
}

/// The names on an action's edges of `kind`, as written.
fn names(s: &Model, id: &str, kind: EdgeKind) -> BTreeSet<String> {
    s.edges()
        .filter(|e| e.source.as_str() == id && e.kind == kind)
        .filter_map(|e| e.attrs.get("as_written").and_then(|v| v.as_text()))
        .map(str::to_owned)
        .collect()
}

/// The labels of a strategy's priorities.
fn priority_labels(s: &Model) -> BTreeSet<String> {
    s.nodes_of_kind(NodeKind::Priority)
        .map(|p| p.label.clone())
        .collect()
}

fn strs(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_kind_of_every_page() {
    for (name, text, facts) in corpus() {
        assert_eq!(
            DocumentKind::detect(&text).as_str(),
            facts["kind"].as_str().unwrap(),
            "{name}"
        );
    }
}

#[test]
fn actions_leads_partners_deadlines_and_periods() {
    for (name, text, facts) in corpus() {
        let s = parse_delivery_plan(&text).strategy;
        let plan = s.nodes_of_kind(NodeKind::Plan).next();
        let period = plan.and_then(|p| p.period.as_ref()).map(|w| {
            format!(
                "{}-{}",
                w.start.map_or(0, |d| d.year()),
                w.end.map_or(0, |d| d.year())
            )
        });
        assert_eq!(
            period.as_deref(),
            facts["period"].as_str(),
            "{name}: period"
        );
        let mut actions: Vec<_> = s.nodes_of_kind(NodeKind::Action).collect();
        let expected = facts["actions"].as_array().cloned().unwrap_or_default();
        assert_eq!(actions.len(), expected.len(), "{name}: action count");
        for fa in &expected {
            let starts = fa["text_starts"].as_str().unwrap();
            let number = fa["number"].as_str();
            let at = actions
                .iter()
                .position(|a| {
                    let t = a.text.as_deref().unwrap_or("");
                    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
                    t.starts_with(starts) && a.number.as_deref() == number
                })
                .unwrap_or_else(|| panic!("{name}: no action {number:?} {starts:?}"));
            let a = actions.remove(at);
            let id = a.id.as_str();
            assert_eq!(
                names(&s, id, EdgeKind::LedBy),
                strs(&fa["leads"]),
                "{name} {id} leads"
            );
            assert_eq!(
                names(&s, id, EdgeKind::KeyPartner),
                strs(&fa["partners"]),
                "{name} {id} partners"
            );
            let deadline = a.deadline.as_ref().map(|d| d.phrase.as_str());
            assert_eq!(deadline, fa["deadline"].as_str(), "{name} {id} deadline");
            if let Some(status) = fa.get("status") {
                let got = a.attrs.get("status").and_then(|v| v.as_text());
                assert_eq!(got, status.as_str(), "{name} {id} status");
            }
        }
    }
}

#[test]
fn outcomes_and_titles() {
    for (name, text, facts) in corpus() {
        let s = parse_delivery_plan(&text).strategy;
        let got: BTreeSet<String> = s
            .nodes_of_kind(NodeKind::Outcome)
            .filter_map(|n| n.text.clone())
            .collect();
        let want: BTreeSet<String> = facts["outcomes"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|o| o["text"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(got, want, "{name}: outcomes");
        let title = s
            .nodes_of_kind(NodeKind::Plan)
            .next()
            .map(|p| p.label.as_str());
        assert_eq!(title, facts["title"].as_str(), "{name}: title");
    }
}

/// Nothing lost: every block of every page is in the model (inside a node's
/// span, or its words in the canonical JSON), skipped or unclassified.
#[test]
fn nothing_lost_and_few_warnings() {
    for (name, text, _) in corpus() {
        let r = parse_delivery_plan(&text);
        let json = r.strategy.to_json();
        let kept: BTreeSet<usize> = r
            .unclassified
            .iter()
            .chain(r.skipped.iter())
            .map(|l| l.line)
            .collect();
        let spans: Vec<(usize, usize)> = r
            .strategy
            .nodes()
            .filter_map(|n| n.span.map(|s| (s.start, s.end)))
            .collect();
        for b in blocks(&text) {
            let in_span = spans
                .iter()
                .any(|&(s, e)| s <= b.span.start && b.span.end <= e);
            let words_in = b
                .body
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 3)
                .all(|w| json.contains(w));
            assert!(
                kept.contains(&b.span.line) || in_span || words_in,
                "{name}: line {} lost: {:?}",
                b.span.line,
                b.text
            );
        }
        let warnings = r
            .diagnostics
            .iter()
            .filter(|d| d.severity == stratagraph::Severity::Warning)
            .count();
        assert!(warnings < 3, "{name}: {warnings} warnings");
    }
}

#[test]
fn progress_reports_read_their_records() {
    let (_, text, _) = corpus()
        .into_iter()
        .find(|(n, _, _)| n.starts_with("D-open-gov"))
        .unwrap();
    let parsed = stratagraph::parse_progress_report(&text);
    let rows: Vec<_> = parsed
        .report
        .entries
        .iter()
        .map(|e| (e.number.as_str(), e.status.map(|s| s.label())))
        .collect();
    assert_eq!(
        rows,
        [
            ("1", Some("Delivered")),
            ("2", Some("On Track")),
            ("3", Some("On Track"))
        ]
    );
}

#[test]
fn kind_and_period_of_one_plan_header() {
    // The same header gives the same kind on every page of a plan.
    let header = "Mental Health and Capacity Reform: delivery plan October 2023 to April 2025\n\n";
    for body in [
        "Our Vision\n\nWe will do things.\n",
        "Priority 7: Regulation\n\n7.1 We will review.\n",
        "Objective |\nActions |\n---|---|\n1.1 Do it. 1.2 Do more\n",
    ] {
        let text = format!("{header}{body}");
        assert_eq!(DocumentKind::detect(&text), DocumentKind::Plan, "{body}");
        let s = parse_delivery_plan(&text).strategy;
        let p = s.nodes_of_kind(NodeKind::Plan).next().unwrap();
        let w = p.period.as_ref().unwrap();
        assert_eq!(w.phrase, "October 2023 to April 2025");
        assert_eq!(w.start.unwrap().to_string(), "2023-10-01");
    }
    // A previous strategy's period, a site called "Plan 24-30" and a target
    // year are not the document's.
    let s = parse_delivery_plan(
        "Suicide prevention action plan\n\nThis continues the 2013-2016 strategy.\n\nHosted on the Plan 24-30 website.\n",
    )
    .strategy;
    assert!(s
        .nodes_of_kind(NodeKind::Plan)
        .next()
        .unwrap()
        .period
        .is_none());
    let s = parse_delivery_plan("Dementia strategy (2024-26)\n").strategy;
    let w = s
        .nodes_of_kind(NodeKind::Plan)
        .next()
        .unwrap()
        .period
        .clone()
        .unwrap();
    assert_eq!(
        (w.start.unwrap().year(), w.end.unwrap().year()),
        (2024, 2026)
    );
}

#[test]
fn a_narrative_page_read_as_a_plan_keeps_its_paragraphs_apart() {
    let text = "Our strategy\n\nThe first paragraph.\n\nThe second paragraph.\n\nThe third.\n";
    let r = parse_delivery_plan(text);
    let p = r.strategy.nodes_of_kind(NodeKind::Plan).next().unwrap();
    assert_eq!(p.text.as_deref(), Some("The first paragraph."));
    assert_eq!(r.unclassified.len(), 2);
    assert!(r
        .diagnostics
        .iter()
        .all(|d| d.severity != stratagraph::Severity::Warning));
}

#[test]
fn table_with_trailing_lead_and_date_columns() {
    let text = "Delivery plan\n\nAction Lead Delivery date\n\
                1.1 Develop guidance for staff NES and COSLA March 2024\n\
                1.2 Review the pathway SG & COSLA Ongoing\n\
                1.3 Fund the service Scottish Government 2024 and 2025\n";
    let s = parse_delivery_plan(text).strategy;
    let leads = |id: &str| names(&s, id, EdgeKind::LedBy);
    assert_eq!(
        leads("action:1.1"),
        ["NES", "COSLA"].map(String::from).into()
    );
    assert_eq!(
        leads("action:1.2"),
        ["SG", "COSLA"].map(String::from).into()
    );
    assert_eq!(
        s.node("action:1.1").unwrap().text.as_deref(),
        Some("Develop guidance for staff")
    );
    let d = |id: &str| s.node(id).unwrap().deadline.clone().unwrap().phrase;
    assert_eq!(d("action:1.1"), "March 2024");
    assert_eq!(d("action:1.2"), "Ongoing");
    assert_eq!(d("action:1.3"), "2024 and 2025");
    // The lead label names one team: not split at "–" or "&".
    let s = parse_delivery_plan(
        "Plan\n\nA summary of the plan.\n\nPriority 4: Support\n\n4.1 We will review practice.\n\nLead: Mental Health – Mental Health & Incapacity Law\n",
    )
    .strategy;
    assert_eq!(
        names(&s, "action:4.1", EdgeKind::LedBy),
        ["Mental Health – Mental Health & Incapacity Law".to_owned()].into()
    );
}

/// Lines that look like the structures the layer reads, to mix into inputs.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("1.1 We will act. 1.2 Act more 1.3 And more".to_owned()),
        Just("Action 3: Do it by 2024".to_owned()),
        Just("Commitment 4".to_owned()),
        Just("Commitment 4 progress".to_owned()),
        Just("Ref: 2.6.1".to_owned()),
        Just("Lead: SG & COSLA".to_owned()),
        Just("Status: ✔ Complete".to_owned()),
        Just("By Spring 2025:".to_owned()),
        Just("Objective |".to_owned()),
        Just("---|---|".to_owned()),
        Just("Action | Lead | Timescale".to_owned()),
        Just("Action Lead Delivery date".to_owned()),
        Just("the Scottish Government and COSLA should seek to:".to_owned()),
        Just("  • an outcome;".to_owned()),
        Just("Strategic Aim 1: Law Reform".to_owned()),
        Just("Priority 4: Support".to_owned()),
        Just("https://www.gov.scot/x".to_owned()),
        "[ -~é–•✔🙂|:.\t]{0,40}",
        "[0-9. ]{0,12}[A-Za-z ]{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// No input panics the block layer, the recognisers or detection; every
    /// block's span is its text in the source.
    #[test]
    fn no_input_panics_the_block_layer(lines in prop::collection::vec(fragment(), 0..24), sep in "[\n\r ]{1,3}") {
        let text = lines.join(&sep);
        for b in blocks(&text) {
            prop_assert_eq!(text.get(b.span.start..b.span.end), Some(b.text));
            prop_assert!(b.kind != BlockKind::Furniture || !b.text.is_empty());
        }
        let r = parse_blocks(&text, &Gazetteer::builtin());
        for l in r.unclassified.iter().chain(r.skipped.iter()) {
            prop_assert!(text.get(l.span.start..l.span.end).is_some());
        }
        // What was read is a valid model: canonical JSON reads it back, the
        // writer writes it.
        prop_assert_eq!(&Model::from_json(&r.strategy.to_json()).unwrap(), &r.strategy);
        let _ = stratagraph::write_delivery_plan(&r.strategy);
        let _ = DocumentKind::detect(&text);
        let p = stratagraph::parse_progress_report(&text);
        let report = stratagraph::progress::ProgressReport::from_json(&p.report.to_json()).unwrap();
        prop_assert_eq!(report, p.report);
    }

    /// Any bytes at all.
    #[test]
    fn no_text_panics_the_block_layer(text in "\\PC{0,300}") {
        for b in blocks(&text) {
            prop_assert_eq!(text.get(b.span.start..b.span.end), Some(b.text));
        }
        let _ = parse_blocks(&text, &Gazetteer::builtin());
    }
}

/// Records keyed by a bare reference: "Ref: 2.6.1" alone, then "Action: …"
/// gives one action numbered 2.6.1 with that text, and its fields.
#[test]
fn a_reference_then_an_action_field_is_one_action() {
    let page = "Drug deaths national mission: annual report 2024\n\n\
                Ref: 2.6.1\nAction: Expand residential rehabilitation capacity.\n\
                Lead: Scottish Government\nStatus: Amber\n\n\
                Ref: 2.6.2\nAction: Publish quarterly data on waiting times.\n\
                Lead: Public Health Scotland\n";
    let s = parse_blocks(page, &Gazetteer::builtin()).strategy;
    let actions: Vec<_> = s.nodes_of_kind(NodeKind::Action).collect();
    assert_eq!(actions.len(), 2, "{actions:?}");
    let a = s.node("action:2.6.1").unwrap();
    assert_eq!(
        a.text.as_deref(),
        Some("Expand residential rehabilitation capacity.")
    );
    assert_eq!(a.attrs["status"].as_text(), Some("Amber"));
    assert_eq!(
        names(&s, "action:2.6.2", EdgeKind::LedBy),
        BTreeSet::from(["Public Health Scotland".to_owned()])
    );
}

/// "Programme N:" is a priority and "Project N:" an action under it.
#[test]
fn programmes_and_projects_are_priorities_and_actions() {
    let page = "Economic strategy: delivery plans\n\n\
                Programme 2: Skills\n\nProjects\n\n\
                Project 4: Adapt the skills system will be led by the Scottish Government by 2025.\n\n\
                Project 5: Expand apprenticeships across all regions.\n";
    let s = parse_blocks(page, &Gazetteer::builtin()).strategy;
    let programme = s.node("priority:programme-2").unwrap();
    assert_eq!(programme.label, "Skills");
    assert_eq!(programme.attrs["level"].as_text(), Some("Programme"));
    for n in ["4", "5"] {
        let id = format!("action:{n}");
        assert_eq!(
            s.parent(&id).map(|p| p.id.as_str()),
            Some("priority:programme-2")
        );
    }
}

/// A strategy's own numbered commitments join its graph, and the lines
/// they hold are no longer unclassified.
#[test]
fn a_strategy_keeps_its_commitments() {
    let page = "Healthy Weight: A Route Map\n\nScotland's obesity strategy.\n\n\
                9.1 We will establish a joint leadership group with COSLA.\n\n\
                9.2 We will fund a national event during 2010.\n";
    let r = stratagraph::parse_strategy(page);
    let s = &r.strategy;
    assert!(
        s.contains("action:9.1") && s.contains("action:9.2"),
        "{s:?}"
    );
    let main = s.nodes_of_kind(NodeKind::Strategy).next().unwrap();
    assert_eq!(
        s.parent("action:9.1").map(|p| p.id.as_str()),
        Some(main.id.as_str())
    );
    assert!(r.unclassified.iter().all(|l| l.line != 5 && l.line != 7));
}

/// A numbered statement under "Outcome:" and over "Actions:" is an outcome,
/// not an action; contact lines ("Email: …") are page furniture.
#[test]
fn an_item_over_an_actions_cell_is_an_objective_and_contacts_are_furniture() {
    let page = "Cleaner air: delivery plan\nPriority 5: Behaviour change\nOutcome:\n\
                7. We ensure the public are aware of air pollution.\nActions:\n\
                Our key short term action (to 2022)\n\
                - The Scottish Government will commission a survey.\nContact\n\
                Email: someone@gov.scot\n";
    let r = parse_blocks(page, &Gazetteer::builtin());
    let s = &r.strategy;
    // Under "Outcome:" the numbered statement is the priority's outcome.
    assert!(!s.contains("action:7"), "{s:?}");
    assert_eq!(
        s.node("outcome:7").unwrap().text.as_deref(),
        Some("We ensure the public are aware of air pollution.")
    );
    assert_eq!(s.nodes_of_kind(NodeKind::Action).count(), 1);
    assert!(r
        .skipped
        .iter()
        .any(|l| l.text == "Email: someone@gov.scot"));
}

/// A labelled item inside a bullet, and a timescale before an item's number,
/// are numbered items; a numbered list under a lead-in naming outcomes is outcomes.
#[test]
fn labelled_bullets_timescale_prefixes_and_numbered_outcomes() {
    let page = "Strategy: progress report\n\n\
                The actions we continued to prioritise were:\n\n\
                • Action 11: Distress Brief Interventions.\n\
                Short term - 1. Establish a central platform for information.\n\n\
                Our outcomes describe the changes we want to see:\n\n\
                1. Improved overall mental wellbeing.\n\n2. Better access to data.\n";
    let bs = blocks(page);
    let numbered: Vec<_> = bs
        .iter()
        .filter(|b| b.kind == BlockKind::Numbered)
        .map(|b| (b.label, b.number, b.body))
        .collect();
    assert_eq!(
        numbered[0],
        (Some("Action"), Some("11"), "Distress Brief Interventions.")
    );
    assert_eq!(
        numbered[1],
        (
            None,
            Some("1"),
            "Establish a central platform for information."
        )
    );
    let s = parse_blocks(page, &Gazetteer::builtin()).strategy;
    assert!(s.contains("action:11"));
    assert_eq!(
        s.node("outcome:2").unwrap().text.as_deref(),
        Some("Better access to data.")
    );
}

/// A wide table flattened with spaces only: "<priority> <action> <lead>
/// <support>" under a header run together; the priority cell repeats, the
/// organisation cells close the row (after its last sentence or as known
/// bodies), "N/A" is no partner, and the cells, not the sentence, say who.
#[test]
fn a_wide_table_flattened_with_spaces() {
    let page = "Water: delivery plan\n\n\
        Priority Actions Delivery Organisation (Lead) Delivery Organisation(s) (Support) Short Term Medium Term Long Term\n\
        Clean Rivers Scottish Water will map the storm overflows on every river Scottish Water NatureScot    \n\
        Clean Rivers SEPA working with Scottish Water will publish the river data each year. SEPA Scottish Water    \n\
        Flood Resilience Local authorities will review their flood plans with their partners. Local Authorities N/A    \n";
    let s = parse_blocks(page, &Gazetteer::builtin()).strategy;
    let actions: Vec<_> = s.nodes_of_kind(NodeKind::Action).collect();
    assert_eq!(actions.len(), 3, "{actions:?}");
    let text = |a: &stratagraph::model::Node| a.text.clone().unwrap_or_default();
    assert_eq!(
        text(actions[0]),
        "Scottish Water will map the storm overflows on every river"
    );
    assert_eq!(
        text(actions[1]),
        "SEPA working with Scottish Water will publish the river data each year."
    );
    let who = |a: &stratagraph::model::Node, kind| names(&s, a.id.as_str(), kind);
    assert_eq!(
        who(actions[0], EdgeKind::LedBy),
        strs(&serde_json::json!(["Scottish Water"]))
    );
    assert_eq!(
        who(actions[0], EdgeKind::KeyPartner),
        strs(&serde_json::json!(["NatureScot"]))
    );
    assert_eq!(
        who(actions[1], EdgeKind::LedBy),
        strs(&serde_json::json!(["SEPA"]))
    );
    assert_eq!(
        who(actions[1], EdgeKind::KeyPartner),
        strs(&serde_json::json!(["Scottish Water"]))
    );
    assert_eq!(
        who(actions[2], EdgeKind::LedBy),
        strs(&serde_json::json!(["Local Authorities"]))
    );
    assert!(who(actions[2], EdgeKind::KeyPartner).is_empty());
    let priorities = priority_labels(&s);
    assert_eq!(
        priorities,
        strs(&serde_json::json!(["Clean Rivers", "Flood Resilience"]))
    );
}

/// A table flattened one cell per paragraph: the header cells each alone
/// ("Ref.", "Programme Action", "Delivery Organisation", "Target dates",
/// "Update", "Status"), then a group cell over the rows, and each row opening
/// with its reference ("W1"); the update runs over paragraphs until the status.
#[test]
fn a_table_one_cell_per_paragraph() {
    let page = "Water: progress report\n\n\
        Theme\n\nRef.\n\nProgramme Action\n\nDelivery Organisation\n\nTarget dates\n\nUpdate\n\nStatus\n\n\
        Clean rivers\n\n\
        W1\n\nMap the storm overflows on every river.\n\nSEPA/Scottish Water\n\n2024/25\n\n\
        The survey of the Clyde is finished.\n\nThe Tay follows in spring.\n\nOn track\n\n\
        W2\n\nPublish the river data each year.\n\nSG and contractor\n\n2025\n\n\
        The first data were published in May.\n\nComplete\n";
    let s = parse_blocks(page, &Gazetteer::builtin()).strategy;
    let actions: Vec<_> = s.nodes_of_kind(NodeKind::Action).collect();
    assert_eq!(actions.len(), 2, "{actions:?}");
    assert_eq!(actions[0].number.as_deref(), Some("W1"));
    assert_eq!(
        actions[0].text.as_deref(),
        Some("Map the storm overflows on every river.")
    );
    let status = |a: &stratagraph::model::Node| {
        a.attrs
            .get("status")
            .and_then(|v| v.as_text())
            .map(str::to_owned)
    };
    assert_eq!(status(actions[0]).as_deref(), Some("On track"));
    assert_eq!(status(actions[1]).as_deref(), Some("Complete"));
    assert_eq!(
        names(&s, actions[0].id.as_str(), EdgeKind::LedBy),
        strs(&serde_json::json!(["SEPA", "Scottish Water"]))
    );
    // "contractor" is no organisation the reader can name.
    assert_eq!(
        names(&s, actions[1].id.as_str(), EdgeKind::LedBy),
        strs(&serde_json::json!(["SG"]))
    );
    assert_eq!(
        actions[1].deadline.as_ref().map(|d| d.phrase.as_str()),
        Some("2025")
    );
    let priorities = priority_labels(&s);
    assert_eq!(priorities, strs(&serde_json::json!(["Clean rivers"])));
}

/// Records flattened one label per line (a table as gov.scot shows it on a
/// phone): each label alone, its value under it, again for every record; the
/// first label's value is the group over the record, with its timescale in
/// brackets, and the action's lead is its subject.
#[test]
fn records_flattened_one_label_per_line() {
    let page = "Water: progress report\n\
        Theme and timeframe\nClean rivers (short term action)\n\
        Programme Action\nScottish Water will map the storm overflows on every river.\n\
        Update\nThe survey of the Clyde is finished.\n\
        Theme and timeframe\nFlood resilience (long term action)\n\
        Programme Action\nLocal authorities will review their flood plans.\n\
        Update\nTwo councils have reviewed theirs.\nThe others follow next year.\n";
    let s = parse_blocks(page, &Gazetteer::builtin()).strategy;
    let actions: Vec<_> = s.nodes_of_kind(NodeKind::Action).collect();
    assert_eq!(actions.len(), 2, "{actions:?}");
    assert_eq!(
        names(&s, actions[0].id.as_str(), EdgeKind::LedBy),
        strs(&serde_json::json!(["Scottish Water"]))
    );
    let attr = |a: &stratagraph::model::Node, k: &str| a.attrs.get(k).cloned();
    assert_eq!(
        attr(actions[1], "timescale").and_then(|v| v.as_text().map(str::to_owned)),
        Some("long term".to_owned())
    );
    assert!(attr(actions[1], "progress").is_some());
    let priorities = priority_labels(&s);
    assert_eq!(
        priorities,
        strs(&serde_json::json!(["Clean rivers", "Flood resilience"]))
    );
    // Each action sits under its record's group.
    let parent = |a: &stratagraph::model::Node| {
        s.edges()
            .find(|e| e.kind == EdgeKind::Contains && e.target.as_str() == a.id.as_str())
            .map(|e| e.source.to_string())
    };
    assert_eq!(
        parent(actions[1]).as_deref(),
        Some("priority:flood-resilience")
    );
}
