//! The answers on the bundled Scottish delivery plan (priority 10 of the Mental
//! health and wellbeing strategy delivery plan 2023-2025), numbers a reader can
//! check against the page by hand; and the golden of its partner network's
//! centralities, which the networkx test checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{check_golden, read};
use stratagraph::analysis::{coverage, network, timeline, Table};
use stratagraph::{query, Strategy};

fn scotland() -> Strategy {
    let text = read("examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt");
    stratagraph::parse_delivery_plan(&text).strategy
}

#[test]
fn the_parse_is_the_golden_model() {
    // The networkx test rebuilds the network from the golden canonical JSON.
    let golden = Strategy::from_json(&read("tests/golden/scotland-priority-10.json")).unwrap();
    assert_eq!(scotland(), golden);
}

#[test]
fn scottish_government_leads_or_co_leads_all_13_actions() {
    let s = scotland();
    let sg = query::partner_responsibilities(&s, "Scottish Government").unwrap();
    assert_eq!(sg.rows.len(), 13);
    assert!(sg
        .rows
        .iter()
        .all(|r| r.role == "lead" || r.role == "joint_lead"));
    let joint: Vec<&str> = sg
        .rows
        .iter()
        .filter(|r| r.role == "joint_lead")
        .map(|r| r.number.as_str())
        .collect();
    assert_eq!(joint, ["10.1.5", "10.4.1", "10.4.2"]);
    // ... co-led with COSLA, who leads nothing alone and partners nothing.
    let cosla = query::partner_responsibilities(&s, "COSLA").unwrap();
    let rows: Vec<(&str, &str)> = cosla
        .rows
        .iter()
        .map(|r| (r.number.as_str(), r.role.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            ("10.1.5", "joint_lead"),
            ("10.4.1", "joint_lead"),
            ("10.4.2", "joint_lead")
        ]
    );
}

#[test]
fn alliance_members_count_through_the_alliance() {
    let s = scotland();
    for member in ["Health in Mind", "Penumbra", "NHS Greater Glasgow & Clyde"] {
        let r = query::partner_responsibilities(&s, member).unwrap();
        let rows: Vec<(&str, &str, Option<&str>)> = r
            .rows
            .iter()
            .map(|r| (r.number.as_str(), r.role.as_str(), r.via.as_deref()))
            .collect();
        let via = Some("partner:in-care-survivors-alliance");
        assert_eq!(
            rows,
            [
                ("10.3.2", "key_partner", via),
                ("10.3.3", "key_partner", via)
            ],
            "{member}"
        );
    }
}

#[test]
fn partner_load_table() {
    let s = scotland();
    let load = query::partner_load(&s);
    assert_eq!(load.rows.len(), 17);
    let top: Vec<(&str, u32, u32, u32, u32, u32)> = load
        .rows
        .iter()
        .take(4)
        .map(|r| {
            (
                r.label.as_str(),
                r.actions,
                r.leads,
                r.joint_leads,
                r.key_partner,
                r.strategic_actions,
            )
        })
        .collect();
    assert_eq!(
        top,
        [
            ("Scottish Government", 13, 13, 3, 0, 4),
            ("Third sector organisations", 5, 0, 0, 5, 2),
            ("COSLA", 3, 3, 3, 0, 2),
            ("NES", 2, 0, 0, 2, 2),
        ]
    );
    // Every partner touches all seven outcomes (priority 10 names them all).
    assert!(load
        .rows
        .iter()
        .all(|r| r.outcomes == 7 && r.priorities == 1));
    let members: Vec<(&str, u32)> = load
        .rows
        .iter()
        .filter(|r| r.via_alliance > 0)
        .map(|r| (r.label.as_str(), r.via_alliance))
        .collect();
    assert_eq!(
        members,
        [
            ("Health in Mind", 2),
            ("Penumbra", 2),
            ("NHS Greater Glasgow & Clyde", 2)
        ]
    );
}

#[test]
fn coverage_and_gaps() {
    let s = scotland();
    let m = coverage::priority_outcome_matrix(&s);
    // Priority 10 names outcomes 1 to 7, so each of its 13 actions counts for each.
    let cells: Vec<(&str, u32, bool)> = m
        .rows
        .iter()
        .map(|r| (r.outcome_number.as_str(), r.actions, r.named))
        .collect();
    let expected: Vec<(&str, u32, bool)> = ["1", "2", "3", "4", "5", "6", "7"]
        .into_iter()
        .map(|o| (o, 13, true))
        .collect();
    assert_eq!(cells, expected);
    // 14 partners with direct roles, times 7 outcomes.
    assert_eq!(coverage::outcome_partner_matrix(&s).rows.len(), 14 * 7);

    let gaps = coverage::gaps(&s);
    let got: Vec<(&str, &str)> = gaps
        .rows
        .iter()
        .map(|r| (r.gap.as_str(), r.label.as_str()))
        .collect();
    // Every outcome is served, every challenge answered by the priority, every action led.
    assert_eq!(
        got,
        [
            (
                "partner_named_once",
                "statutory services (including midwifery and health visiting)"
            ),
            ("partner_named_once", "national agencies"),
            (
                "partner_named_once",
                "Perinatal Mental Health Network Scotland"
            ),
            ("partner_named_once", "NHS Boards"),
            ("partner_named_once", "local authorities"),
            ("partner_named_once", "Voices for A Better Future"),
        ]
    );
}

#[test]
fn timeline_of_the_five_dated_actions() {
    let s = scotland();
    let t = timeline::timeline(&s);
    let rows: Vec<(&str, Option<String>, Option<String>)> = t
        .rows
        .iter()
        .map(|r| {
            (
                r.number.as_str(),
                r.start.map(|d| d.to_string()),
                r.end.map(|d| d.to_string()),
            )
        })
        .collect();
    let w = |n: &'static str, a: Option<&str>, b: Option<&str>| {
        (n, a.map(str::to_owned), b.map(str::to_owned))
    };
    assert_eq!(
        rows,
        [
            w("10.1.5", None, Some("2023-11-30")),
            w("10.2.2", Some("2023-04-01"), Some("2024-03-31")),
            w("10.3.3", None, Some("2024-04-30")),
            w("10.1.4", Some("2024-01-01"), Some("2024-12-31")),
            w("10.2.1", Some("2024-04-01"), None),
        ]
    );
    assert_eq!(t.undated, 8);
    // With no progress report applied, three are overdue at the end of June 2024.
    let late = timeline::overdue(&s, "2024-06-30".parse().unwrap());
    let got: Vec<(&str, i64)> = late
        .rows
        .iter()
        .map(|r| (r.number.as_str(), r.days_overdue))
        .collect();
    assert_eq!(got, [("10.1.5", 213), ("10.2.2", 91), ("10.3.3", 61)]);
    let g = timeline::gantt(&s);
    // Priority 10, strategic actions 10.1 to 10.3 (10.4 has no dated action),
    // and the five dated actions.
    assert_eq!((g.rows.len(), g.unplaced), (9, 8));
}

#[test]
fn why_10_3_2_counts_for_outcome_1() {
    let s = scotland();
    let why = query::explain_contribution(&s, "action:10.3.2", "outcome:1").unwrap();
    let words: Vec<&str> = why.rows.iter().map(|r| r.reading.as_str()).collect();
    assert_eq!(
        words,
        [
            "action 10.3.2 is part of strategic action 10.3",
            "strategic action 10.3 is part of priority 10",
            "priority 10 contributes to outcome 1",
        ]
    );
}

#[test]
fn partner_network() {
    let s = scotland();
    let c = network::partner_centrality(&s);
    assert_eq!((c.nodes, c.links), (17, 29));
    let sg = &c.rows[0];
    assert_eq!(
        (sg.label.as_str(), sg.degree, sg.strength),
        ("Scottish Government", 13, 24)
    );
    // The Scottish Government is on every shortest path between partners of
    // different actions; the alliance's members share no action directly.
    assert!(c.rows.iter().all(|r| r.betweenness <= sg.betweenness));
    let isolated: Vec<&str> = c
        .rows
        .iter()
        .filter(|r| r.degree == 0)
        .map(|r| r.label.as_str())
        .collect();
    assert_eq!(
        isolated,
        ["Health in Mind", "Penumbra", "NHS Greater Glasgow & Clyde"]
    );
    assert!(c.eigenvector_converged && c.pagerank_converged);
    assert_eq!(c.columns()[0], "partner");
}

#[test]
fn scotland_centrality_golden() {
    let s = Strategy::from_json(&read("tests/golden/scotland-priority-10.json")).unwrap();
    #[derive(serde::Serialize)]
    struct Golden<'a> {
        name: &'a str,
        source: &'a str,
        links: Vec<network::PartnerLinkRow>,
        centrality: network::PartnerCentrality,
    }
    let golden = Golden {
        name: "scotland-priority-10",
        source: "scotland-priority-10.json",
        links: network::partner_links(&s).rows,
        centrality: network::partner_centrality(&s),
    };
    let mut text = serde_json::to_string_pretty(&golden).unwrap();
    text.push('\n');
    check_golden("scotland-priority-10.centrality.json", &text);
}
