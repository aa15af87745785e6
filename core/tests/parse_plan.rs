//! The delivery-plan parser and writer: exactly what the bundled Scottish plan
//! gives, the variants real pages show, the writer's round trip (property
//! tested) and no panic on any input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;

use proptest::prelude::*;
use stratagraph::parse::date::find_deadline;
use stratagraph::parse::gazetteer::Gazetteer;
use stratagraph::parse::plan::{AcronymSource, PlanParser};
use stratagraph::parse::ParseResult;
use stratagraph::{
    parse_delivery_plan, write_delivery_plan, AttrValue, EdgeKind, Node, NodeId, NodeKind,
    PlanWriter, Severity, Strategy as Model,
};

const SEED: &str =
    include_str!("../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt");

fn seed() -> ParseResult {
    parse_delivery_plan(SEED)
}

fn labels<'a>(s: &'a Model, id: &str, kind: EdgeKind) -> Vec<&'a str> {
    s.targets(id, kind).map(|n| n.label.as_str()).collect()
}

fn edge_labels<'a>(s: &'a Model, id: &str, kind: EdgeKind) -> Vec<&'a str> {
    // In the order of the text (edge order), not node order.
    s.edges()
        .filter(|e| e.source.as_str() == id && e.kind == kind)
        .filter_map(|e| s.node(e.target.as_str()))
        .map(|n| n.label.as_str())
        .collect()
}

fn text_of<'a>(s: &'a Model, id: &str) -> &'a str {
    s.node(id)
        .and_then(|n| n.text.as_deref())
        .unwrap_or_else(|| panic!("{id} has no text"))
}

fn codes(r: &ParseResult) -> Vec<&str> {
    r.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

/// The strategy with every source span removed.
fn strip(s: &Model) -> Model {
    let nodes = s.nodes().map(|n| Node {
        span: None,
        ..n.clone()
    });
    Model::from_parts(nodes, s.edge_list()).expect("a model with its own edges")
}

// ---------------------------------------------------------------------------
// The Scottish seed, exactly

const ACTIONS: &[(&str, &str)] = &[
    ("10.1.1", "Scottish Government will take forward a transformative early child development programme ensure an integrated approach that continuously builds the latest evidence in to policy and practice. This will focus on primary prevention from pre-conception through the earliest years to help ensure children get the nurturing care they need, and increasing the likelihood of good long term outcomes."),
    ("10.1.2", "To support parents and caregivers, further enhance the provision of high quality, evidence based support for parents through investing the Psychology of Parenting Programme, Solihull Online and the Early Intervention Framework."),
    ("10.1.3", "Scottish Government will provide information on the support and services available to help build positive parenting relationships, maintain mental health and wellbeing via the Baby Box and develop a Parenting Pathway, building on the 2012 National Parenting Strategy."),
    ("10.1.4", "Re-affirm the importance of play to children’s development and mental wellbeing by publishing a revised Play Strategy Vision and Action plan in 2024, developed in collaboration with our stakeholders and informed by the views of children and young people."),
    ("10.1.5", "By November 2023, launch a new Strategic Board for Children and Families Mental Health, with a strategic remit spanning preconception, the perinatal period, parent-infant relationships, early years (up to 5 years old), children and young people (5-24 year olds or 26 years for care leavers), their families and carers. This will include a particular focus on crisis support and support for vulnerable groups."),
    ("10.2.1", "Launch a new fund to start from 2024/25 onwards building on the learning and successes of the Perinatal and Infant Mental Health Main Fund and Small Grants Fund in increasing access to support, reducing isolation and improving parent-child relationships."),
    ("10.2.2", "Over 2023/24, consider with stakeholders how to develop a service specification for specialist community perinatal mental health support which enables those involved in running and delivering services in providing the standards of care that meets individuals’ clinical needs."),
    ("10.2.3", "Promote training at all levels across all sectors that supports development of positive relationships and attachment in the early years."),
    ("10.3.1", "Work with the survivors lived experience group, Voices for a Better Future, to ensure survivors contribute, influence and lead on future service design and delivery."),
    ("10.3.2", "Work in partnership with the In Care Survivors Alliance and third sector SOCAS (Survivors of Child Abuse Support) organisations, to ensure all survivors in Scotland have equitable access to support and treatment."),
    ("10.3.3", "Work in partnership with the In Care Survivors Alliance to redesign the survivor support service by April 2024. This will allow for a more responsive, sustainable service, which reduces waiting times and ensures equitable access to all aspects of support for all survivors in Scotland."),
    ("10.4.1", "Work with the Dementia Lived Experience Panel, Dementia Strategy Advisory Group, and other key partners to develop and secure agreement for the initial delivery plan, working through this process to understand how actions across a number of areas, including diagnosis and care partners, can help improve the mental health and wellbeing of these communities."),
    ("10.4.2", "As part of the Dementia Strategy Delivery Plan, develop an anti-stigma campaign challenging presumptions made towards people living with dementia."),
];

const STRATEGIC_ACTIONS: &[(&str, &str)] = &[
    ("10.1", "Through the GIRFEC approach, we will help parents and families to develop positive relationships with their children before birth and at every stage of their development, supporting their mental health and wellbeing through the ups and downs of life."),
    ("10.2", "We will continue to invest in and embed perinatal and infant mental health services at all levels of need so that women and families across all areas of Scotland have access to these services."),
    ("10.3", "We will continue to work with delivery partners and survivors to provide services to those who have experienced childhood abuse, which promote sustained recovery through person-centred, trauma-informed support and treatment and enable survivors to lead more independent lives."),
    ("10.4", "We will develop and launch our initial 2-year delivery plan for our new Dementia Strategy for Scotland, which recognises and addresses the mental health and wellbeing challenges facing our dementia communities."),
];

const PLAN_ID: &str = "plan:mental-health-and-wellbeing-strategy-delivery-plan-2023-2025";

#[test]
fn seed_plan_node() {
    let r = seed();
    let s = &r.strategy;
    let plan = s.node(PLAN_ID).expect("the plan node");
    assert_eq!(plan.kind, NodeKind::Plan);
    assert_eq!(
        plan.label,
        "Mental health and wellbeing strategy: delivery plan 2023-2025"
    );
    assert_eq!(
        plan.text.as_deref(),
        Some("Mental health and wellbeing strategy delivery plan describing the work that we will undertake to improving mental health for everyone in Scotland covering the period 2023 to 2025.")
    );
    let period = plan.period.as_ref().expect("a period");
    assert_eq!(
        period.start.map(|d| d.to_string()).as_deref(),
        Some("2023-01-01")
    );
    assert_eq!(
        period.end.map(|d| d.to_string()).as_deref(),
        Some("2025-12-31")
    );
    assert_eq!(period.phrase, "2023-2025");
    let kids: Vec<_> = s.children(PLAN_ID).map(|n| n.id.as_str()).collect();
    assert_eq!(kids, ["priority:10"]);
    assert_eq!(s.nodes_of_kind(NodeKind::Plan).count(), 1);
}

#[test]
fn seed_priority_with_its_statement() {
    let s = seed().strategy;
    let p = s.node("priority:10").expect("priority 10");
    assert_eq!(p.number.as_deref(), Some("10"));
    assert_eq!(p.label, "");
    assert_eq!(p.text.as_deref(), Some("Reduce the risk of poor mental health and wellbeing in adult life by promoting the importance of good relationships and trauma-informed approaches from the earliest years of life, taking account where relevant adverse childhood experiences. We will ensure help is available early on when there is a risk of poor mental health, and support the physical health and wellbeing of people with mental health conditions."));
    assert_eq!(s.nodes_of_kind(NodeKind::Priority).count(), 1);
}

#[test]
fn seed_outcomes_one_to_seven_with_long_form_statements() {
    let s = seed().strategy;
    let expected = [
        "The overall mental health and wellbeing of the population is increased and mental health inequalities are reduced.",
        "People with mental health conditions, including those with co-existing health conditions experience improved quality and length of life, free from stigma and discrimination.",
        "People have an increased knowledge and understanding of mental health and wellbeing and how to access appropriate support.",
        "Communities are better equipped to act as a source of support for people’s mental health and wellbeing, championing the eradication of stigma and discrimination and providing a range of opportunities to connect with others.",
        "We adopt a ‘mental health and wellbeing in all policies’ approach to facilitate cross-policy actions that more effectively address the wide-ranging social, economic and environmental factors that impact people’s mental health and wellbeing, including poverty, stigma, discrimination, and injustice.",
        "Comprehensive support and services that promote and support people’s mental health and wellbeing are available in a timely way that meets and respects individual needs.",
        "Mental health policies, support, care, and treatment are better informed and shaped by people with lived experience of mental health issues and staff practitioners, with a focus on high quality provision that is recovery orientated.",
    ];
    let outcomes: Vec<_> = s.nodes_of_kind(NodeKind::Outcome).collect();
    assert_eq!(outcomes.len(), 7);
    for (i, (o, text)) in outcomes.iter().zip(expected).enumerate() {
        let n = (i + 1).to_string();
        assert_eq!(o.id.as_str(), format!("outcome:{n}"));
        assert_eq!(o.number.as_deref(), Some(n.as_str()));
        assert_eq!(o.text.as_deref(), Some(text), "outcome {n}");
    }
    let served: Vec<_> = s
        .targets("priority:10", EdgeKind::ContributesTo)
        .map(|n| n.id.as_str())
        .collect();
    assert_eq!(
        served,
        [
            "outcome:1",
            "outcome:2",
            "outcome:3",
            "outcome:4",
            "outcome:5",
            "outcome:6",
            "outcome:7"
        ]
    );
}

#[test]
fn seed_contributes_to_is_stated_by_the_priority_only() {
    // The rule: the document states outcomes for a priority; its actions serve
    // them through the hierarchy, with no edges of their own.
    let s = seed().strategy;
    let sources: Vec<_> = s
        .edges()
        .filter(|e| e.kind == EdgeKind::ContributesTo)
        .map(|e| e.source.as_str())
        .collect();
    assert_eq!(sources.len(), 7);
    assert!(sources.iter().all(|&id| id == "priority:10"));
}

#[test]
fn seed_six_challenges() {
    let s = seed().strategy;
    let challenges: Vec<_> = s
        .nodes_of_kind(NodeKind::Challenge)
        .map(|n| (n.id.as_str(), n.label.as_str()))
        .collect();
    assert_eq!(
        challenges,
        [
            ("challenge:global-challenges", "Global challenges"),
            (
                "challenge:stigma-and-discrimination",
                "Stigma and discrimination"
            ),
            (
                "challenge:delivering-supports-and-services",
                "Delivering supports and services"
            ),
            (
                "challenge:primary-and-community-care",
                "Primary and community care"
            ),
            ("challenge:workforce", "Workforce"),
            ("challenge:benefits-of-investing", "Benefits of investing"),
        ]
    );
    assert_eq!(s.targets("priority:10", EdgeKind::Addresses).count(), 6);
}

#[test]
fn seed_key_area_of_focus() {
    let s = seed().strategy;
    let f = s.node("focus-area:10").expect("the focus area");
    assert_eq!(f.kind, NodeKind::FocusArea);
    assert_eq!(f.label, "Key area of focus");
    let text = f.text.as_deref().unwrap_or("");
    assert!(
        text.starts_with("We know babies and small children need sensitive responsive caregiving")
    );
    assert!(text.contains("Transforming Psychological Trauma Implementation Co-ordinators (TPTICs) based in every Health Board"));
    assert!(text.ends_with("we will embed trauma-informed and trauma-responsive practice across services and supports in Scotland."));
    assert_eq!(
        s.parent("focus-area:10").map(|n| n.id.as_str()),
        Some("priority:10")
    );
}

#[test]
fn seed_strategic_actions_with_their_text() {
    let s = seed().strategy;
    let got: Vec<_> = s
        .nodes_of_kind(NodeKind::StrategicAction)
        .map(|n| {
            (
                n.number.as_deref().unwrap_or(""),
                n.text.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(got, STRATEGIC_ACTIONS);
    for (num, _) in STRATEGIC_ACTIONS {
        let id = format!("strategic-action:{num}");
        assert_eq!(s.parent(&id).map(|n| n.id.as_str()), Some("priority:10"));
    }
}

#[test]
fn seed_thirteen_actions_with_their_text() {
    let s = seed().strategy;
    let got: Vec<_> = s
        .nodes_of_kind(NodeKind::Action)
        .map(|n| {
            (
                n.number.as_deref().unwrap_or(""),
                n.text.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(got, ACTIONS);
    for (num, _) in ACTIONS {
        let id = format!("action:{num}");
        let parent = format!("strategic-action:{}", &num[..4]);
        assert_eq!(s.parent(&id).map(|n| n.id.to_string()), Some(parent));
    }
}

#[test]
fn seed_leads_and_key_partners() {
    let s = seed().strategy;
    let sg = "Scottish Government";
    let expected: &[(&str, &[&str], &[&str])] = &[
        ("10.1.1", &[sg], &[]),
        ("10.1.2", &[sg], &["NES"]),
        (
            "10.1.3",
            &[sg],
            &[
                "Third sector organisations",
                "statutory services (including midwifery and health visiting)",
            ],
        ),
        (
            "10.1.4",
            &[sg],
            &["Third sector organisations", "statutory services"],
        ),
        (
            "10.1.5",
            &[sg, "COSLA"],
            &[
                "Third sector organisations",
                "national agencies",
                "statutory services",
            ],
        ),
        ("10.2.1", &[sg], &["Third sector organisations"]),
        (
            "10.2.2",
            &[sg],
            &["Perinatal Mental Health Network Scotland"],
        ),
        (
            "10.2.3",
            &[sg],
            &[
                "NES",
                "NHS Boards",
                "local authorities",
                "Third sector organisations",
            ],
        ),
        ("10.3.1", &[sg], &["Voices for A Better Future"]),
        ("10.3.2", &[sg], &["In Care Survivors Alliance"]),
        ("10.3.3", &[sg], &["In Care Survivors Alliance"]),
        (
            "10.4.1",
            &[sg, "COSLA"],
            &[
                "Dementia Lived Experience Panel",
                "Dementia Strategy Advisory Group",
            ],
        ),
        (
            "10.4.2",
            &[sg, "COSLA"],
            &[
                "Dementia Lived Experience Panel",
                "Dementia Strategy Advisory Group",
            ],
        ),
    ];
    for (num, leads, partners) in expected {
        let id = format!("action:{num}");
        assert_eq!(
            &edge_labels(&s, &id, EdgeKind::LedBy),
            leads,
            "leads of {num}"
        );
        assert_eq!(
            &edge_labels(&s, &id, EdgeKind::KeyPartner),
            partners,
            "key partners of {num}"
        );
        let joint = leads.len() > 1;
        for e in s
            .edges()
            .filter(|e| e.source.as_str() == id && e.kind == EdgeKind::LedBy)
        {
            let flag = e.attrs.get("joint") == Some(&AttrValue::Bool(true));
            assert_eq!(flag, joint, "joint flag on {num}");
        }
        let action = s.node(&id).unwrap();
        assert!(!action.attrs.contains_key("partners_line"), "{num}");
    }
    // The ids partners get.
    assert_eq!(
        s.node("partner:nhs-education-for-scotland")
            .map(|n| n.label.as_str()),
        Some("NES")
    );
    assert!(s.contains("partner:convention-of-scottish-local-authorities"));
    assert!(s.contains("partner:scottish-government"));
}

#[test]
fn seed_alliance_members() {
    let s = seed().strategy;
    let alliance = "partner:in-care-survivors-alliance";
    let members: Vec<_> = s
        .sources(alliance, EdgeKind::MemberOf)
        .map(|n| n.label.as_str())
        .collect();
    assert_eq!(
        members,
        ["Health in Mind", "Penumbra", "NHS Greater Glasgow & Clyde"]
    );
    assert!(s.contains("partner:nhs-greater-glasgow-clyde"));
    // Members are partners of the alliance, not key partners of the action.
    assert_eq!(
        labels(&s, "action:10.3.2", EdgeKind::KeyPartner),
        ["In Care Survivors Alliance"]
    );
    assert_eq!(
        s.edges().filter(|e| e.kind == EdgeKind::MemberOf).count(),
        3
    );
}

#[test]
fn seed_deadlines() {
    let s = seed().strategy;
    let dl = |num: &str| {
        s.node(&format!("action:{num}"))
            .and_then(|n| n.deadline.clone())
            .map(|w| {
                (
                    w.start.map(|d| d.to_string()),
                    w.end.map(|d| d.to_string()),
                    w.phrase,
                )
            })
    };
    let some = |a: Option<&str>, b: Option<&str>, p: &str| {
        Some((a.map(str::to_owned), b.map(str::to_owned), p.to_owned()))
    };
    assert_eq!(
        dl("10.1.5"),
        some(None, Some("2023-11-30"), "By November 2023")
    );
    assert_eq!(
        dl("10.1.4"),
        some(Some("2024-01-01"), Some("2024-12-31"), "in 2024")
    );
    assert_eq!(
        dl("10.2.1"),
        some(Some("2024-04-01"), None, "from 2024/25 onwards")
    );
    assert_eq!(
        dl("10.2.2"),
        some(Some("2023-04-01"), Some("2024-03-31"), "Over 2023/24")
    );
    assert_eq!(
        dl("10.3.3"),
        some(None, Some("2024-04-30"), "by April 2024")
    );
    let with_deadline = s
        .nodes_of_kind(NodeKind::Action)
        .filter(|n| n.deadline.is_some())
        .count();
    assert_eq!(with_deadline, 5);
}

#[test]
fn seed_partners_are_one_node_each() {
    let s = seed().strategy;
    let partners: Vec<_> = s
        .nodes_of_kind(NodeKind::Partner)
        .map(|n| n.label.as_str())
        .collect();
    assert_eq!(
        partners,
        [
            "Scottish Government",
            "NES",
            "Third sector organisations",
            "statutory services (including midwifery and health visiting)",
            "statutory services",
            "COSLA",
            "national agencies",
            "Perinatal Mental Health Network Scotland",
            "NHS Boards",
            "local authorities",
            "Voices for A Better Future",
            "In Care Survivors Alliance",
            "Health in Mind",
            "Penumbra",
            "NHS Greater Glasgow & Clyde",
            "Dementia Lived Experience Panel",
            "Dementia Strategy Advisory Group",
        ]
    );
    // "third sector organisations" in 10.2.3 is the node first spelt "Third sector organisations".
    let third = "partner:third-sector-organisations";
    let actions: Vec<_> = s
        .sources(third, EdgeKind::KeyPartner)
        .map(|n| n.number.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(actions, ["10.1.3", "10.1.4", "10.1.5", "10.2.1", "10.2.3"]);
    assert_eq!(
        s.sources("partner:scottish-government", EdgeKind::LedBy)
            .count(),
        13
    );
}

#[test]
fn seed_nothing_lost() {
    let r = seed();
    assert!(r.unclassified.is_empty(), "{:?}", r.unclassified);
    let skipped: Vec<_> = r
        .skipped
        .iter()
        .map(|l| (l.line, l.text.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            (6, "Challenges and opportunities:"),
            (15, "Outcomes"),
            (53, "Contact"),
            (54, "There is a problem"),
            (55, "Thanks for your feedback")
        ]
    );
    let rejoined: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.code == "rejoined_word")
        .map(|d| (d.line, d.message.as_str()))
        .collect();
    assert_eq!(
        rejoined,
        [
            (
                Some(14),
                "rejoined the word the page split: \"Co-ordinators\""
            ),
            (
                Some(20),
                "rejoined the word the page split: \"cross-policy\""
            ),
        ]
    );
    assert!(!r.has_errors());
    assert!(
        !r.diagnostics
            .iter()
            .any(|d| d.severity >= Severity::Warning),
        "{:#?}",
        r.diagnostics
    );
    // Diagnostics come in line order.
    let lines: Vec<_> = r.diagnostics.iter().filter_map(|d| d.line).collect();
    assert!(lines.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn seed_acronyms() {
    let parse = PlanParser::new().parse_detailed(SEED);
    let s = &parse.result.strategy;
    let plan = s.node(PLAN_ID).unwrap();
    let mut defined = BTreeMap::new();
    defined.insert(
        "SOCAS".to_owned(),
        AttrValue::Text("Survivors of Child Abuse Support".into()),
    );
    defined.insert(
        "TPTICs".to_owned(),
        AttrValue::Text("Transforming Psychological Trauma Implementation Co-ordinators".into()),
    );
    assert_eq!(plan.attrs.get("acronyms"), Some(&AttrValue::Map(defined)));
    let found: Vec<_> = parse
        .acronyms
        .iter()
        .map(|a| (a.acronym.as_str(), a.source, a.line))
        .collect();
    assert_eq!(
        found,
        [
            ("NTTP", AcronymSource::Gazetteer, 14),
            ("TPTICs", AcronymSource::Document, 14),
            ("GIRFEC", AcronymSource::Gazetteer, 23),
            ("NES", AcronymSource::Gazetteer, 27),
            ("COSLA", AcronymSource::Gazetteer, 33),
            ("NHS", AcronymSource::Gazetteer, 40),
            ("SOCAS", AcronymSource::Document, 44),
        ]
    );
    let nttp = parse.acronyms.iter().find(|a| a.acronym == "NTTP").unwrap();
    assert_eq!(
        nttp.expansion.as_deref(),
        Some("National Trauma Transformation Programme")
    );
    let girfec = parse
        .acronyms
        .iter()
        .find(|a| a.acronym == "GIRFEC")
        .unwrap();
    assert_eq!(
        girfec.expansion.as_deref(),
        Some("Getting it right for every child")
    );
    let infos: Vec<_> = parse
        .result
        .diagnostics
        .iter()
        .filter(|d| d.code == "acronym_from_gazetteer")
        .map(|d| (d.severity, d.line))
        .collect();
    assert_eq!(infos.len(), 5);
    assert!(infos.iter().all(|(sev, _)| *sev == Severity::Info));
}

#[test]
fn seed_spans_point_at_the_source() {
    let s = seed().strategy;
    let span = s.node("action:10.1.2").and_then(|n| n.span).unwrap();
    assert_eq!(span.line, 26);
    assert!(SEED[span.start..span.end].starts_with("10.1.2 To support parents"));
    let span = s.node("outcome:5").and_then(|n| n.span).unwrap();
    assert_eq!(span.line, 5, "an outcome's span is where it is first named");
}

#[test]
fn seed_validates_without_errors() {
    let s = seed().strategy;
    let errors: Vec<_> = s
        .validate()
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn seed_round_trips_through_the_writer() {
    let first = seed().strategy;
    let text = write_delivery_plan(&first);
    let again = parse_delivery_plan(&text);
    assert_eq!(strip(&again.strategy), strip(&first), "{text}");
    assert!(again.unclassified.is_empty());
    // The writer keeps the page's layout.
    assert!(text.contains("Lead and Key Partners: Scottish Government/COSLA Third sector organisations, national agencies, statutory services\n"));
    assert!(text.contains("Outcomes: 1, 2, 3, 4, 5, 6, 7\n"));
    // And writing again gives the same text.
    assert_eq!(write_delivery_plan(&again.strategy), text);
}

// ---------------------------------------------------------------------------
// Nothing lost

#[test]
fn furniture_run_together_is_two_skipped_pieces() {
    let r = parse_delivery_plan(
        "Skip to main content\nPriority 3\nThanks for your feedbackSkip to main content\nBack to top\n",
    );
    let skipped: Vec<_> = r
        .skipped
        .iter()
        .map(|l| (l.line, l.text.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            (1, "Skip to main content"),
            (3, "Thanks for your feedback"),
            (3, "Skip to main content"),
            (4, "Back to top"),
        ]
    );
    assert_eq!(
        r.skipped[2].span.start,
        "Skip to main content\nPriority 3\nThanks for your feedback".len()
    );
    assert!(r.strategy.contains("priority:3"));
    assert_eq!(
        codes(&r)
            .iter()
            .filter(|c| **c == "skipped_furniture")
            .count(),
        4
    );
}

#[test]
fn publication_lines_are_page_furniture() {
    // "Published 1 June 2023" is the page's byline date, not plan text.
    let text = "2.1.1 Act.\nLead and Key Partners: Scottish Government\nPublished 1 June 2023\n";
    let r = parse_delivery_plan(text);
    assert!(r.unclassified.is_empty());
    let skipped: Vec<_> = r
        .skipped
        .iter()
        .map(|l| (l.line, l.text.as_str()))
        .collect();
    assert_eq!(skipped, [(3, "Published 1 June 2023")]);
}

#[test]
fn lines_that_fit_nowhere_are_kept_with_their_line() {
    let text = "Priority 2\nStatement.\nStrategic Action 2.1: Do things.\n2.1.1 Act.\n\
                Lead and Key Partners: Scottish Government\nSee the annex for the figures\n\
                Lead: NES\n";
    let r = parse_delivery_plan(text);
    let un: Vec<_> = r
        .unclassified
        .iter()
        .map(|l| (l.line, l.text.as_str()))
        .collect();
    assert_eq!(un, [(6, "See the annex for the figures")]);
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.code == "unclassified_text")
        .unwrap();
    assert_eq!(
        (d.severity, d.line, d.column),
        (Severity::Warning, Some(6), Some(1))
    );
    // A second lead line still belongs to the action.
    assert_eq!(
        labels(&r.strategy, "action:2.1.1", EdgeKind::LedBy).len(),
        2
    );
}

#[test]
fn a_lead_that_cannot_be_told_gives_a_diagnostic_and_keeps_the_line() {
    let text = "1.1.1 Act.\nLead and Key Partners: Rowan Trust Alder Forum, Hazel Network\n";
    let r = parse_delivery_plan(text);
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.code == "ambiguous_lead")
        .expect("an ambiguous_lead diagnostic");
    assert_eq!((d.severity, d.line), (Severity::Warning, Some(2)));
    let action = r.strategy.node("action:1.1.1").unwrap();
    assert_eq!(
        action.attrs.get("partners_line"),
        Some(&AttrValue::Text(
            "Rowan Trust Alder Forum, Hazel Network".into()
        ))
    );
    // The best reading is kept too: the first item leads.
    assert_eq!(
        labels(&r.strategy, "action:1.1.1", EdgeKind::LedBy),
        ["Rowan Trust Alder Forum"]
    );
    assert_eq!(
        labels(&r.strategy, "action:1.1.1", EdgeKind::KeyPartner),
        ["Hazel Network"]
    );
    // The writer gives the line back as it was.
    let written = write_delivery_plan(&r.strategy);
    assert!(written.contains("Lead and Key Partners: Rowan Trust Alder Forum, Hazel Network\n"));
    assert_eq!(
        strip(&parse_delivery_plan(&written).strategy),
        strip(&r.strategy)
    );
}

#[test]
fn a_lone_unknown_lead_is_the_lead() {
    let r = parse_delivery_plan("1.1.1 Act.\nLead and Key Partners: Voices for A Better Future\n");
    assert_eq!(
        labels(&r.strategy, "action:1.1.1", EdgeKind::LedBy),
        ["Voices for A Better Future"]
    );
    assert!(codes(&r).contains(&"lead_not_in_gazetteer"));
    assert!(!codes(&r).contains(&"ambiguous_lead"));
}

#[test]
fn acronyms_defined_in_either_order_and_undefined_ones() {
    let text = "Priority 1\n\
                We fund Transforming Psychological Trauma Implementation Co- ordinators (TPTICs).\n\
                We work with SOCAS (Survivors of Child Abuse Support) and the NTTP, GIRFEC and the ZZQ.\n";
    let parse = PlanParser::new().parse_detailed(text);
    let found: Vec<_> = parse
        .acronyms
        .iter()
        .map(|a| (a.acronym.as_str(), a.expansion.as_deref(), a.source))
        .collect();
    assert_eq!(
        found,
        [
            (
                "TPTICs",
                Some("Transforming Psychological Trauma Implementation Co-ordinators"),
                AcronymSource::Document
            ),
            (
                "SOCAS",
                Some("Survivors of Child Abuse Support"),
                AcronymSource::Document
            ),
            (
                "NTTP",
                Some("National Trauma Transformation Programme"),
                AcronymSource::Gazetteer
            ),
            (
                "GIRFEC",
                Some("Getting it right for every child"),
                AcronymSource::Gazetteer
            ),
            ("ZZQ", None, AcronymSource::Unknown),
        ]
    );
    let warning = parse
        .result
        .diagnostics
        .iter()
        .find(|d| d.code == "undefined_acronym")
        .unwrap();
    assert_eq!(
        (warning.severity, warning.line),
        (Severity::Warning, Some(3))
    );
    assert!(warning.message.contains("ZZQ"));
    // With no plan title there is no plan node to carry them; the result does.
    assert_eq!(
        parse.result.strategy.nodes_of_kind(NodeKind::Plan).count(),
        0
    );
}

#[test]
fn a_user_gazetteer_resolves_and_splits() {
    let mut g = Gazetteer::builtin();
    g.add("Rowan Trust", ["ZZQ"]);
    let text = "Plan\nThe ZZQ helps.\n1.1.1 Act.\nLead and Key Partners: Rowan Trust Alder Forum, Hazel Network\n";
    let parser = PlanParser::new().with_gazetteer(g);
    let parse = parser.parse_detailed(text);
    assert!(!parse
        .result
        .diagnostics
        .iter()
        .any(|d| d.code == "undefined_acronym"));
    assert!(!parse
        .result
        .diagnostics
        .iter()
        .any(|d| d.code == "ambiguous_lead"));
    let s = &parse.result.strategy;
    assert_eq!(labels(s, "action:1.1.1", EdgeKind::LedBy), ["Rowan Trust"]);
    assert_eq!(
        labels(s, "action:1.1.1", EdgeKind::KeyPartner),
        ["Alder Forum", "Hazel Network"]
    );
    assert_eq!(parser.gazetteer().expand("ZZQ"), Some("Rowan Trust"));
}

// ---------------------------------------------------------------------------
// Variants

#[test]
fn bullets_of_every_kind() {
    for (b1, b2, b3) in [
        ("- ", "- ", "- "),
        ("  • ", "•", "  • "),
        ("* ", "* ", "* "),
        ("1. ", "2. ", "3. "),
    ] {
        let text = format!(
            "Priority 1\nChallenges and opportunities:\n{b1}Workforce\n{b2}Stigma and discrimination\n\
             Outcomes\n{b1}People are well.\n{b2}People are safe.\n{b3}People are heard.\n"
        );
        let s = parse_delivery_plan(&text).strategy;
        assert_eq!(
            labels(&s, "priority:1", EdgeKind::Addresses),
            ["Workforce", "Stigma and discrimination"],
            "{b1:?}"
        );
        assert_eq!(text_of(&s, "outcome:3"), "People are heard.", "{b1:?}");
    }
}

#[test]
fn priority_headings() {
    let s = parse_delivery_plan(
        "Priority 3\nAlone.\nPriority 1: Better care\nWith a title.\nPriority 2 – Faster help\nPriority 4 - Hyphen\nPRIORITY 5\n",
    )
    .strategy;
    let got: Vec<_> = s
        .nodes_of_kind(NodeKind::Priority)
        .map(|n| {
            (
                n.number.as_deref().unwrap_or(""),
                n.label.as_str(),
                n.text.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("3", "", Some("Alone.")),
            ("1", "Better care", Some("With a title.")),
            ("2", "Faster help", None),
            ("4", "Hyphen", None),
            ("5", "", None),
        ]
    );
}

#[test]
fn a_huge_priority_number_is_kept_as_written() {
    let r = parse_delivery_plan("Priority 99999999999999999999\nStatement.\n");
    assert!(r.strategy.contains("priority:99999999999999999999"));
}

#[test]
fn footnote_markers_are_removed_and_numbered() {
    let text = "Plan title\nPriority 1\nPeople with an eating disorder[1] get help.[2]\n\
                Strategic Action 1.1: Act now.\n1.1.1 Train staff [3].\n[1] Anorexia and bulimia.\n[2] See the review.\n";
    let s = parse_delivery_plan(text).strategy;
    let p = s.node("priority:1").unwrap();
    assert_eq!(
        p.text.as_deref(),
        Some("People with an eating disorder get help.")
    );
    assert_eq!(
        p.attrs.get("footnotes"),
        Some(&AttrValue::List(vec![
            AttrValue::Integer(1),
            AttrValue::Integer(2)
        ]))
    );
    assert_eq!(text_of(&s, "action:1.1.1"), "Train staff.");
    let plan = s.nodes_of_kind(NodeKind::Plan).next().unwrap();
    let Some(AttrValue::Map(notes)) = plan.attrs.get("notes") else {
        panic!("no notes: {:?}", plan.attrs)
    };
    assert_eq!(
        notes.get("1"),
        Some(&AttrValue::Text("Anorexia and bulimia.".into()))
    );
    // The writer puts the markers back (at the end of the text) and the notes.
    let again = parse_delivery_plan(&write_delivery_plan(&s)).strategy;
    assert_eq!(strip(&again), strip(&s));
}

#[test]
fn curly_and_straight_quotes() {
    let text = "1.1.1 Support ‘people’s’ and 'children's' wellbeing.\n\
                Lead and Key Partners: Scottish Government Children’s Hearings Scotland, Parents’ Forum\n\
                1.1.2 Again.\n\
                Lead and Key Partners: Scottish Government Children's Hearings Scotland, Parents' Forum\n";
    let s = parse_delivery_plan(text).strategy;
    assert_eq!(
        text_of(&s, "action:1.1.1"),
        "Support ‘people’s’ and 'children's' wellbeing."
    );
    assert_eq!(
        labels(&s, "action:1.1.2", EdgeKind::KeyPartner),
        ["Children’s Hearings Scotland", "Parents’ Forum"]
    );
    assert_eq!(s.nodes_of_kind(NodeKind::Partner).count(), 3);
}

#[test]
fn the_plain_outcomes_heading_is_not_the_outcomes_line() {
    let text = "Priority 1\nOutcomes: 2, 3\nOutcomes:\n- First.\n- Second.\n- Third.\nOutcomes\n- First.\n";
    let r = parse_delivery_plan(text);
    let s = &r.strategy;
    let served: Vec<_> = s
        .targets("priority:1", EdgeKind::ContributesTo)
        .map(|n| n.id.as_str())
        .collect();
    assert_eq!(served, ["outcome:2", "outcome:3"]);
    assert_eq!(text_of(s, "outcome:1"), "First.");
    assert_eq!(text_of(s, "outcome:2"), "Second.");
    assert_eq!(text_of(s, "outcome:3"), "Third.");
    assert_eq!(s.nodes_of_kind(NodeKind::Outcome).count(), 3);
    assert!(r.unclassified.is_empty());
}

#[test]
fn outcome_lines_with_ranges_and_words() {
    let s = parse_delivery_plan("Priority 1\nOutcomes 1, 3 and 5-7\n").strategy;
    let served: Vec<_> = s
        .targets("priority:1", EdgeKind::ContributesTo)
        .map(|n| n.number.clone().unwrap_or_default())
        .collect();
    assert_eq!(served, ["1", "3", "5", "6", "7"]);
}

#[test]
fn many_priorities_in_one_document() {
    let text = "Priority 1\nFirst.\nOutcomes: 1\nChallenges and opportunities:\n- Workforce\n\
                Strategic Action 1.1: A.\n1.1.1 Do A by April 2024.\nLead and Key Partners: NES\n\
                Priority 2\nSecond.\nOutcomes: 1, 2\nChallenges and opportunities:\n- Workforce\n- Stigma\n\
                Strategic Action 2.1: B.\n2.1.1 Do B.\nLead and Key Partners: NES/COSLA local authorities\n";
    let s = parse_delivery_plan(text).strategy;
    assert_eq!(s.nodes_of_kind(NodeKind::Priority).count(), 2);
    assert_eq!(s.nodes_of_kind(NodeKind::Challenge).count(), 2);
    assert_eq!(
        s.sources("challenge:workforce", EdgeKind::Addresses)
            .count(),
        2
    );
    assert_eq!(
        s.parent("action:2.1.1").map(|n| n.id.as_str()),
        Some("strategic-action:2.1")
    );
    assert_eq!(
        s.parent("strategic-action:2.1").map(|n| n.id.as_str()),
        Some("priority:2")
    );
    assert_eq!(
        s.sources("partner:nhs-education-for-scotland", EdgeKind::LedBy)
            .count(),
        2
    );
    assert_eq!(
        labels(&s, "action:2.1.1", EdgeKind::KeyPartner),
        ["local authorities"]
    );
}

#[test]
fn a_whole_plan_in_one_file() {
    let text = "\u{feff}Skip to main content\r\n\
        Mental health delivery plan 2024-2026\r\n\
        How we will deliver the strategy.\r\n\
        It has two priorities.\r\n\
        Outcomes\r\n\
        - People are well.\r\n\
        - People are safe.\r\n\
        Priority 1: Prevention\r\n\
        Act early.\r\n\
        Outcomes: 1\r\n\
        Key areas of focus: Schools and families.\r\n\
        Strategic Action 1.1: Work with schools.\r\n\
        1.1.1 Train teachers during 2024/25.\r\n\
        Lead and Key Partners: Education Scotland local authorities\r\n\
        1.1.2 Publish guidance\r\n\
        over several pages by mid-2025.\r\n\
        Lead: Scottish Government\r\n\
        Key Partners: Public Health Scotland (PHS), NHS Boards\r\n\
        Priority 2: Access\r\n\
        Outcomes: 2\r\n\
        2.1.1 Open new services early 2026.\r\n\
        Lead and Key Partners: NHS Boards\r\n\
        Back to top";
    let r = parse_delivery_plan(text);
    let s = &r.strategy;
    let plan = s.nodes_of_kind(NodeKind::Plan).next().unwrap();
    assert_eq!(plan.label, "Mental health delivery plan 2024-2026");
    assert_eq!(
        plan.text.as_deref(),
        Some("How we will deliver the strategy.\nIt has two priorities.")
    );
    assert_eq!(
        plan.period.as_ref().map(|p| p.phrase.as_str()),
        Some("2024-2026")
    );
    assert_eq!(text_of(s, "outcome:2"), "People are safe.");
    assert_eq!(text_of(s, "focus-area:1"), "Schools and families.");
    assert_eq!(
        text_of(s, "action:1.1.2"),
        "Publish guidance\nover several pages by mid-2025."
    );
    let dl = s
        .node("action:1.1.2")
        .and_then(|n| n.deadline.clone())
        .unwrap();
    assert_eq!(dl.phrase, "by mid-2025");
    assert_eq!(
        labels(s, "action:1.1.1", EdgeKind::LedBy),
        ["Education Scotland"]
    );
    assert_eq!(
        labels(s, "action:1.1.2", EdgeKind::LedBy),
        ["Scottish Government"]
    );
    let phs = s.node("partner:public-health-scotland").unwrap();
    assert_eq!(
        phs.attrs.get("acronym"),
        Some(&AttrValue::Text("PHS".into()))
    );
    // 2.1.1 came without its strategic action: one is made from its number.
    assert_eq!(
        s.parent("action:2.1.1").map(|n| n.id.as_str()),
        Some("strategic-action:2.1")
    );
    assert_eq!(
        s.parent("strategic-action:2.1").map(|n| n.id.as_str()),
        Some("priority:2")
    );
    assert!(codes(&r).contains(&"implied_strategic_action"));
    assert!(r.unclassified.is_empty(), "{:?}", r.unclassified);
    // Two lines of furniture and one section heading ("Outcomes").
    assert_eq!(r.skipped.len(), 3, "{:?}", r.skipped);
    let deadlines: Vec<_> = s
        .nodes_of_kind(NodeKind::Action)
        .filter_map(|n| n.deadline.as_ref().map(|d| d.phrase.as_str()))
        .collect();
    assert_eq!(deadlines, ["during 2024/25", "by mid-2025", "early 2026"]);
}

#[test]
fn deadline_phrases_in_actions() {
    let phrases = [
        ("By November 2023", None, Some("2023-11-30")),
        ("Over 2023/24", Some("2023-04-01"), Some("2024-03-31")),
        ("from 2024/25 onwards", Some("2024-04-01"), None),
        ("in 2024", Some("2024-01-01"), Some("2024-12-31")),
        ("by April 2024", None, Some("2024-04-30")),
        ("during 2024/25", Some("2024-04-01"), Some("2025-03-31")),
        ("by Spring 2024", None, Some("2024-05-31")),
        ("by the end of Q1 2022", None, Some("2022-03-31")),
        ("early 2026", Some("2026-01-01"), Some("2026-04-30")),
        ("mid-2025", Some("2025-05-01"), Some("2025-08-31")),
        ("late 2025", Some("2025-09-01"), Some("2025-12-31")),
        ("end of 2024", None, Some("2024-12-31")),
    ];
    let mut text = String::from("Strategic Action 1.1: Act.\n");
    for (i, (p, _, _)) in phrases.iter().enumerate() {
        text.push_str(&format!(
            "1.1.{} Deliver the work {p}, with partners.\n",
            i + 1
        ));
    }
    let s = parse_delivery_plan(&text).strategy;
    for (i, (p, start, end)) in phrases.iter().enumerate() {
        let id = format!("action:1.1.{}", i + 1);
        let dl = s
            .node(&id)
            .and_then(|n| n.deadline.clone())
            .unwrap_or_else(|| panic!("{p}"));
        assert_eq!(dl.phrase, *p);
        assert_eq!(dl.start.map(|d| d.to_string()).as_deref(), *start, "{p}");
        assert_eq!(dl.end.map(|d| d.to_string()).as_deref(), *end, "{p}");
    }
}

#[test]
fn a_table_row_on_one_line_is_split() {
    let r = parse_delivery_plan(
        "Strategic Action 1.1: A.\n1.1.1 Publish guidance by April 2024. Lead and Key Partners: Scottish Government NES\n",
    );
    let s = &r.strategy;
    assert_eq!(
        text_of(s, "action:1.1.1"),
        "Publish guidance by April 2024."
    );
    assert_eq!(
        labels(s, "action:1.1.1", EdgeKind::LedBy),
        ["Scottish Government"]
    );
    assert_eq!(labels(s, "action:1.1.1", EdgeKind::KeyPartner), ["NES"]);
    assert!(r.unclassified.is_empty());
}

#[test]
fn names_on_the_lines_after_a_partners_label() {
    let r = parse_delivery_plan(
        "1.1.1 A.\nLead and Key Partners:\nScottish Government NES\n\
         1.1.2 B.\nLead:\nCOSLA\nKey partners:\n- NHS Boards\n- Penumbra\n",
    );
    let s = &r.strategy;
    assert_eq!(
        labels(s, "action:1.1.1", EdgeKind::LedBy),
        ["Scottish Government"]
    );
    assert_eq!(labels(s, "action:1.1.1", EdgeKind::KeyPartner), ["NES"]);
    assert_eq!(labels(s, "action:1.1.2", EdgeKind::LedBy), ["COSLA"]);
    assert_eq!(
        labels(s, "action:1.1.2", EdgeKind::KeyPartner),
        ["NHS Boards", "Penumbra"]
    );
    assert!(r.unclassified.is_empty(), "{:?}", r.unclassified);
}

#[test]
fn repeated_numbers_are_reported_not_merged() {
    let r = parse_delivery_plan(
        "Strategic Action 1.1: A.\n1.1.1 First.\n1.1.1 Again.\nLead and Key Partners: NES\n",
    );
    assert_eq!(text_of(&r.strategy, "action:1.1.1"), "First.");
    assert!(codes(&r).contains(&"duplicate_number"));
    let un: Vec<_> = r.unclassified.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(un, ["1.1.1 Again.", "Lead and Key Partners: NES"]);
}

#[test]
fn a_contents_list_of_priorities_is_continued_not_duplicated() {
    let r =
        parse_delivery_plan("Priority 1: Prevention\nPriority 2: Access\nPriority 1\nAct early.\n");
    let s = &r.strategy;
    assert_eq!(s.nodes_of_kind(NodeKind::Priority).count(), 2);
    let p = s.node("priority:1").unwrap();
    assert_eq!(
        (p.label.as_str(), p.text.as_deref()),
        ("Prevention", Some("Act early."))
    );
    assert!(codes(&r).contains(&"priority_repeated"));
}

#[test]
fn lead_line_shapes() {
    let text = "1.1.1 A.\nLead and Key Partners: Scottish Government; Rowan Trust, Alder Forum\n\
                1.1.2 B.\nLead and Key Partners: COSLA/Scottish Government NHS Education for Scotland (NES) and Penumbra\n\
                1.1.3 C.\nLead: Rowan Trust/Alder Forum\nKey partners: third sector\n";
    let r = parse_delivery_plan(text);
    let s = &r.strategy;
    assert_eq!(
        labels(s, "action:1.1.1", EdgeKind::LedBy),
        ["Scottish Government"]
    );
    assert_eq!(
        edge_labels(s, "action:1.1.1", EdgeKind::KeyPartner),
        ["Rowan Trust", "Alder Forum"]
    );
    assert_eq!(
        edge_labels(s, "action:1.1.2", EdgeKind::LedBy),
        ["COSLA", "Scottish Government"]
    );
    assert_eq!(
        edge_labels(s, "action:1.1.2", EdgeKind::KeyPartner),
        ["NHS Education for Scotland", "Penumbra"]
    );
    assert_eq!(
        edge_labels(s, "action:1.1.3", EdgeKind::LedBy),
        ["Rowan Trust", "Alder Forum"]
    );
    // "third sector" is the gazetteer's "third sector organisations".
    assert_eq!(
        s.targets("action:1.1.3", EdgeKind::KeyPartner)
            .next()
            .map(|n| n.id.as_str()),
        Some("partner:third-sector-organisations")
    );
    assert!(!codes(&r).contains(&"ambiguous_lead"));
}

// ---------------------------------------------------------------------------
// The writer's round trip, property-tested

/// Words for generated text: none of them starts a heading, is a deadline
/// trigger, a month or season, page furniture or an acronym.
const WORDS: &[&str] = &[
    "support",
    "services",
    "people",
    "community",
    "training",
    "evidence",
    "children",
    "families",
    "digital",
    "local",
    "access",
    "quality",
    "wellbeing",
    "research",
    "housing",
    "carers",
    "staff",
    "schools",
    "practice",
    "guidance",
    "funding",
    "peer",
    "recovery",
    "stigma",
    "safety",
    "crisis",
    "pathways",
    "workforce",
    "improve",
    "develop",
    "deliver",
    "publish",
    "review",
    "expand",
    "embed",
    "promote",
    "ensure",
    "measure",
];

const TREES: &[&str] = &[
    "Alder", "Birch", "Cedar", "Hazel", "Rowan", "Willow", "Aspen", "Larch", "Elm", "Holly",
];
const PLACES: &[&str] = &["Valley", "Coast", "Island", "Glen", "Moor", "Ridge"];
const KINDS: &[&str] = &[
    "Trust",
    "Council",
    "Service",
    "Collective",
    "Society",
    "Centre",
];
const KNOWN: &[&str] = &[
    "Scottish Government",
    "COSLA",
    "NES",
    "NHS Boards",
    "local authorities",
    "Public Health Scotland",
    "Police Scotland",
    "Penumbra",
];
const CHALLENGES: &[&str] = &[
    "Global challenges",
    "Stigma and discrimination",
    "Workforce",
    "Benefits of investing",
    "Primary and community care",
    "Digital exclusion",
];
const DEADLINES: &[&str] = &[
    "by November 2023",
    "over 2023/24",
    "from 2024/25 onwards",
    "in 2024",
    "by April 2024",
    "during 2024/25",
    "by Spring 2024",
    "by the end of Q1 2022",
    "early 2026",
    "mid-2025",
];

fn sentence(max_words: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..max_words).prop_map(|ws| {
        let mut s = ws.join(" ");
        if let Some(first) = s.get(..1) {
            let up = first.to_uppercase();
            s.replace_range(..1, &up);
        }
        s
    })
}

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(sentence(8).prop_map(|s| format!("{s}.")), 1..3)
        .prop_map(|lines| lines.join("\n"))
}

#[derive(Clone, Debug)]
struct GenPartner {
    name: String,
    acronym: Option<String>,
    /// Indices into the pool: the members, if this is an alliance.
    members: Vec<usize>,
}

#[derive(Clone, Debug)]
struct GenAction {
    text: String,
    footnotes: Vec<i64>,
    leads: Vec<usize>,
    partners: Vec<usize>,
}

#[derive(Clone, Debug)]
struct GenSa {
    text: Option<String>,
    actions: Vec<GenAction>,
}

#[derive(Clone, Debug)]
struct GenPriority {
    label: Option<String>,
    text: Option<String>,
    outcomes: Vec<usize>,
    challenges: Vec<usize>,
    focus: Option<String>,
    sas: Vec<GenSa>,
}

#[derive(Clone, Debug)]
struct GenPlan {
    plan: Option<(String, Option<String>)>,
    notes: Vec<String>,
    outcomes: Vec<String>,
    pool: Vec<GenPartner>,
    first_priority: u32,
    priorities: Vec<GenPriority>,
}

fn unknown_name() -> impl Strategy<Value = (String, bool)> {
    (
        prop::sample::select(TREES),
        prop::option::of(prop::sample::select(PLACES)),
        prop::sample::select(KINDS),
        any::<bool>(),
    )
        .prop_map(|(t, p, k, acr)| {
            let name = match p {
                Some(p) => format!("{t} {p} {k}"),
                None => format!("{t} {k}"),
            };
            (name, acr)
        })
}

fn pool() -> impl Strategy<Value = Vec<GenPartner>> {
    (
        prop::collection::vec(unknown_name(), 1..8),
        prop::sample::subsequence(KNOWN, 0..KNOWN.len()),
        prop::collection::vec(prop::collection::vec(0usize..32, 1..4), 0..2),
    )
        .prop_map(|(unknown, known, alliances)| {
            let g = Gazetteer::builtin();
            let mut pool: Vec<GenPartner> = Vec::new();
            let mut ids = std::collections::HashSet::new();
            for (name, acr) in unknown {
                if !ids.insert(stratagraph::slug(&name)) {
                    continue;
                }
                let initials: String = name
                    .split_whitespace()
                    .filter_map(|w| w.chars().next())
                    .collect();
                let acronym = (acr && initials.len() >= 2 && g.lookup(&initials).is_none())
                    .then_some(initials);
                pool.push(GenPartner {
                    name,
                    acronym,
                    members: Vec::new(),
                });
            }
            for name in known {
                pool.push(GenPartner {
                    name: name.to_owned(),
                    acronym: None,
                    members: Vec::new(),
                });
            }
            let base = pool.len();
            for (i, members) in alliances.into_iter().enumerate() {
                let mut ms: Vec<usize> = members.into_iter().map(|m| m % base).collect();
                ms.dedup();
                let mut seen = std::collections::HashSet::new();
                ms.retain(|m| seen.insert(*m));
                pool.push(GenPartner {
                    name: format!("{} Alliance", TREES[i % TREES.len()]),
                    acronym: None,
                    members: ms,
                });
            }
            pool
        })
}

fn picks(max: usize) -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(0usize..64, 0..max)
}

fn gen_action() -> impl Strategy<Value = GenAction> {
    (
        sentence(8),
        prop::option::of(prop::sample::select(DEADLINES)),
        prop::collection::vec(1i64..99, 0..2),
        picks(3),
        picks(4),
        any::<bool>(),
    )
        .prop_map(|(s, deadline, footnotes, leads, partners, two_lines)| {
            let mut text = match deadline {
                Some(d) => format!("{s} {d}."),
                None => format!("{s}."),
            };
            if two_lines {
                text.push_str("\nThis will help.");
            }
            GenAction {
                text,
                footnotes,
                leads,
                partners,
            }
        })
}

fn gen_plan() -> impl Strategy<Value = GenPlan> {
    let sa = (
        prop::option::of(paragraph()),
        prop::collection::vec(gen_action(), 0..4),
    )
        .prop_map(|(text, actions)| GenSa { text, actions });
    let priority = (
        prop::option::of(sentence(5)),
        prop::option::of(paragraph()),
        picks(4),
        picks(3),
        prop::option::of(paragraph()),
        prop::collection::vec(sa, 0..3),
    )
        .prop_map(
            |(label, text, outcomes, challenges, focus, sas)| GenPriority {
                label,
                text,
                outcomes,
                challenges,
                focus,
                sas,
            },
        );
    (
        prop::option::of((
            (
                sentence(4),
                prop::option::of(prop::sample::select(
                    &["2023-2025", "2024/25", "2023 to 2026"][..],
                )),
            )
                .prop_map(|(t, y)| match y {
                    Some(y) => format!("{t} plan {y}"),
                    None => format!("{t} plan"),
                }),
            prop::option::of(paragraph()),
        )),
        prop::collection::vec(sentence(6).prop_map(|s| format!("{s}.")), 0..3),
        prop::collection::vec(sentence(10).prop_map(|s| format!("{s}.")), 0..6),
        pool(),
        1u32..30,
        prop::collection::vec(priority, 0..4),
    )
        .prop_map(
            |(plan, notes, outcomes, pool, first_priority, priorities)| GenPlan {
                notes: if plan.is_some() { notes } else { Vec::new() },
                plan,
                outcomes,
                pool,
                first_priority,
                priorities,
            },
        )
}

/// Builds the model a generated plan stands for, in the order the parser reads
/// the writer's text: what `parse(write(model))` must give back.
struct Builder {
    g: Gazetteer,
    m: Model,
    mentioned: std::collections::HashSet<usize>,
    acronyms: BTreeMap<String, AttrValue>,
}

impl Builder {
    fn add(&mut self, n: Node) {
        self.m.add_node(n).expect("a new node");
    }

    fn link(&mut self, a: &str, k: EdgeKind, b: &str) {
        self.m.link(a, k, b).expect("both ends");
    }

    fn partner(&mut self, pool: &[GenPartner], i: usize) -> String {
        let p = &pool[i];
        let key = match self.g.lookup(&p.name) {
            Some(e) => e.name.clone(),
            None => p.name.clone(),
        };
        let id = NodeId::of(NodeKind::Partner, &key).to_string();
        let first = self.mentioned.insert(i);
        if !self.m.contains(&id) {
            let mut n = Node::with_id(id.as_str(), NodeKind::Partner).with_label(&p.name);
            if let Some(e) = self.g.lookup(&p.name) {
                if stratagraph::slug(&e.name) != stratagraph::slug(&p.name) {
                    n = n.with_attr("name", e.name.as_str());
                }
            }
            if let (true, Some(a)) = (first, &p.acronym) {
                n = n.with_attr("acronym", a.as_str());
                self.acronyms
                    .entry(a.clone())
                    .or_insert_with(|| AttrValue::Text(p.name.clone()));
            }
            self.add(n);
        }
        if first {
            for &m in &p.members {
                let mid = self.partner(pool, m);
                if mid != id {
                    self.link(&mid, EdgeKind::MemberOf, &id);
                }
            }
        }
        id
    }
}

fn build(gp: &GenPlan) -> Model {
    let mut b = Builder {
        g: Gazetteer::builtin(),
        m: Model::new(),
        mentioned: Default::default(),
        acronyms: BTreeMap::new(),
    };
    let n_out = gp.outcomes.len();
    let outcome_list = |b: &mut Builder| {
        for (i, text) in gp.outcomes.iter().enumerate() {
            let id = format!("outcome:{}", i + 1);
            if b.m.contains(&id) {
                b.m.update_node(&id, |n| n.text = Some(text.clone()))
                    .unwrap();
            } else {
                b.add(Node::new(
                    NodeKind::Outcome,
                    &(i + 1).to_string(),
                    text.as_str(),
                ));
            }
        }
    };
    let plan_id = gp.plan.as_ref().map(|(title, desc)| {
        let id = NodeId::of(NodeKind::Plan, title);
        let mut n = Node::with_id(id.clone(), NodeKind::Plan).with_label(title.as_str());
        n.text = desc.clone();
        b.add(n);
        id.to_string()
    });
    if gp.priorities.is_empty() {
        outcome_list(&mut b);
    }
    for (pi, p) in gp.priorities.iter().enumerate() {
        let num = (gp.first_priority + pi as u32).to_string();
        let pid = format!("priority:{num}");
        let mut node = Node::new(NodeKind::Priority, &num, "");
        node.label = p.label.clone().unwrap_or_default();
        node.text = p.text.clone();
        b.add(node);
        if let Some(plan) = &plan_id {
            b.link(plan, EdgeKind::Contains, &pid);
        }
        if n_out > 0 {
            let mut seen = std::collections::HashSet::new();
            for o in &p.outcomes {
                let o = o % n_out + 1;
                if !seen.insert(o) {
                    continue;
                }
                let oid = format!("outcome:{o}");
                if !b.m.contains(&oid) {
                    b.add(Node::new(NodeKind::Outcome, &o.to_string(), ""));
                }
                b.link(&pid, EdgeKind::ContributesTo, &oid);
            }
        }
        let mut seen = std::collections::HashSet::new();
        for c in &p.challenges {
            let label = CHALLENGES[c % CHALLENGES.len()];
            if !seen.insert(label) {
                continue;
            }
            let cid = NodeId::of(NodeKind::Challenge, label);
            if !b.m.contains(cid.as_str()) {
                b.add(Node::with_id(cid.clone(), NodeKind::Challenge).with_label(label));
            }
            b.link(&pid, EdgeKind::Addresses, cid.as_str());
        }
        if let Some(f) = &p.focus {
            let fid = format!("focus-area:{num}");
            let mut n =
                Node::with_id(fid.as_str(), NodeKind::FocusArea).with_label("Key area of focus");
            n.text = Some(f.clone());
            b.add(n);
            b.link(&pid, EdgeKind::Contains, &fid);
        }
        if pi == 0 {
            outcome_list(&mut b);
        }
        for (si, sa) in p.sas.iter().enumerate() {
            let snum = format!("{num}.{}", si + 1);
            let sid = format!("strategic-action:{snum}");
            let mut n = Node::new(NodeKind::StrategicAction, &snum, "");
            n.text = sa.text.clone();
            b.add(n);
            b.link(&pid, EdgeKind::Contains, &sid);
            for (ai, a) in sa.actions.iter().enumerate() {
                let anum = format!("{snum}.{}", ai + 1);
                let aid = format!("action:{anum}");
                let mut n = Node::new(NodeKind::Action, &anum, a.text.as_str());
                n.deadline = find_deadline(&a.text);
                if !a.footnotes.is_empty() {
                    n = n.with_attr(
                        "footnotes",
                        AttrValue::List(
                            a.footnotes.iter().map(|&f| AttrValue::Integer(f)).collect(),
                        ),
                    );
                }
                b.add(n);
                b.link(&sid, EdgeKind::Contains, &aid);
                let pool = &gp.pool;
                let mut chosen = std::collections::HashSet::new();
                let leads: Vec<usize> = a
                    .leads
                    .iter()
                    .map(|i| i % pool.len())
                    .filter(|i| chosen.insert(*i))
                    .collect();
                let partners: Vec<usize> = a
                    .partners
                    .iter()
                    .map(|i| i % pool.len())
                    .filter(|i| chosen.insert(*i))
                    .collect();
                for &l in &leads {
                    let lid = b.partner(pool, l);
                    let mut e = stratagraph::Edge::new(aid.as_str(), EdgeKind::LedBy, lid.as_str());
                    if leads.len() > 1 {
                        e = e.with_attr("joint", true);
                    }
                    b.m.add_edge(e).unwrap();
                }
                for &k in &partners {
                    let kid = b.partner(pool, k);
                    b.link(&aid, EdgeKind::KeyPartner, &kid);
                }
            }
        }
    }
    if let Some(plan) = &plan_id {
        let acronyms = std::mem::take(&mut b.acronyms);
        let notes: BTreeMap<String, AttrValue> = gp
            .notes
            .iter()
            .enumerate()
            .map(|(i, t)| ((i + 1).to_string(), AttrValue::Text(t.clone())))
            .collect();
        b.m.update_node(plan, |n| {
            n.period = stratagraph::parse::date::find_period(&n.label).or_else(|| {
                n.text
                    .as_deref()
                    .and_then(stratagraph::parse::date::find_period)
            });
            if !acronyms.is_empty() {
                n.attrs.insert("acronyms".into(), AttrValue::Map(acronyms));
            }
            if !notes.is_empty() {
                n.attrs.insert("notes".into(), AttrValue::Map(notes));
            }
        })
        .unwrap();
    }
    b.m
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// parse(write(model)) == model, spans aside, for models the text carries.
    #[test]
    fn write_then_parse_is_the_identity(gp in gen_plan()) {
        let model = build(&gp);
        let text = write_delivery_plan(&model);
        let parsed = parse_delivery_plan(&text);
        prop_assert!(parsed.unclassified.is_empty(), "unclassified {:?} in\n{}", parsed.unclassified, text);
        let back = strip(&parsed.strategy);
        if back != model {
            prop_assert_eq!(back.to_json(), model.to_json(), "text:\n{}", text);
        }
        // Writing what was read gives the same text.
        prop_assert_eq!(write_delivery_plan(&parsed.strategy), text);
    }
}

#[test]
fn the_writer_falls_back_to_separate_lines() {
    let s =
        parse_delivery_plan("1.1.1 Act.\nLead: Rowan Trust\nKey Partners: Alder Forum\n").strategy;
    let text = write_delivery_plan(&s);
    assert!(
        text.ends_with("Lead: Rowan Trust\nKey Partners: Alder Forum\n"),
        "{text}"
    );
    let with_known = PlanWriter::new()
        .with_gazetteer(Gazetteer::builtin().with("Rowan Trust", [] as [&str; 0]))
        .write(&s);
    assert!(
        with_known.ends_with("Lead and Key Partners: Rowan Trust Alder Forum\n"),
        "{with_known}"
    );
}

// ---------------------------------------------------------------------------
// No panic on any input

fn hostile_line() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,40}",
        prop::sample::select(vec![
            "Priority 99999999999999999999",
            "Priority 1:",
            "Priority",
            "Strategic Action 1.1:",
            "Strategic Action 99999999999999999999.9",
            "1.1.1",
            "1.1.1.1.1 deep",
            "99999999999999999999.1.1 x",
            "Lead and Key Partners:",
            "Lead and Key Partners: /",
            "Lead and Key Partners: Scottish Government/",
            "Lead and Key Partners: ((((",
            "Lead and Key Partners: ))) , ; & and / NES",
            "Lead and Key Partners: In Care Survivors Alliance (Health in Mind (Penumbra)",
            "Lead: & and &",
            "Key Partners: ()",
            "Outcomes: 1-99999999999999999999",
            "Outcomes: 1 to",
            "Outcomes: 5-1",
            "Outcomes",
            "Outcome 7: text",
            "- ",
            "•",
            "* é",
            "Challenges and opportunities: a, , b",
            "Key area of focus: x",
            "[1]",
            "[999] note",
            "text[",
            "x- y- z-",
            "Co- ",
            "(A) (B)",
            "ÉÉÉ (É)",
            "\r",
            "\r\r\n",
            "Thanks for your feedbackSkip to main content",
            "Skip to main contentPriority 1",
            "by 9999/00 early 9999 mid-",
            "ΑΒΓ 𝒜ℬ 日本語 (日本)",
        ])
        .prop_map(str::to_owned),
    ]
}

proptest! {
    #[test]
    fn never_panics_on_any_string(text in any::<String>()) {
        let r = parse_delivery_plan(&text);
        let written = write_delivery_plan(&r.strategy);
        let _ = parse_delivery_plan(&written);
    }

    #[test]
    fn never_panics_on_hostile_lines(
        lines in prop::collection::vec(hostile_line(), 0..30),
        sep in prop::sample::select(vec!["\n", "\r", "\r\n", "\n\n", ""]),
    ) {
        let text = lines.join(sep);
        let r = parse_delivery_plan(&text);
        for l in r.unclassified.iter().chain(r.skipped.iter()) {
            prop_assert!(text.get(l.span.start..l.span.end).is_some());
        }
        for n in r.strategy.nodes() {
            if let Some(span) = n.span {
                prop_assert!(text.get(span.start..span.end).is_some(), "bad span on {}", n.id);
            }
        }
        let written = write_delivery_plan(&r.strategy);
        let _ = parse_delivery_plan(&written);
    }
}

#[test]
fn odd_inputs() {
    for text in [
        "",
        "\r",
        "\n\n\n",
        "\u{feff}",
        "Priority 99999999999999999999",
        "Lead and Key Partners: Scottish Government",
        "Outcomes: 1, 2, 3",
        "[1] a note with no plan",
        "- a bullet",
        "é",
        "1.1.1",
    ] {
        let r = parse_delivery_plan(text);
        let _ = write_delivery_plan(&r.strategy);
    }
    let r = parse_delivery_plan("Outcomes: 1-99999999999999999999\n");
    assert_eq!(r.unclassified.len(), 1);
}

/// A rough check that the parser is linear: run with
/// `cargo test --release --test parse_plan -- --ignored --nocapture`.
#[test]
#[ignore]
fn large_input_is_linear() {
    let block = SEED
        .replace("Priority 10", "Priority {n}")
        .replace("10.", "{n}.");
    let make = |copies: usize| {
        let mut s = String::new();
        for n in 0..copies {
            s.push_str(&block.replace("{n}", &n.to_string()));
            s.push('\n');
        }
        s
    };
    let small = make(600);
    let large = make(6000);
    let time = |t: &str| {
        let start = std::time::Instant::now();
        let r = parse_delivery_plan(t);
        (start.elapsed(), r.strategy.len())
    };
    let (ts, ns) = time(&small);
    let (tl, nl) = time(&large);
    println!(
        "{} bytes: {ts:?} ({ns} nodes); {} bytes: {tl:?} ({nl} nodes); ratio {:.1}",
        small.len(),
        large.len(),
        tl.as_secs_f64() / ts.as_secs_f64()
    );
    let one_line = "x ".repeat(25_000_000);
    let start = std::time::Instant::now();
    let _ = parse_delivery_plan(&format!(
        "1.1.1 {one_line}\nLead and Key Partners: {}",
        "A & ".repeat(1_000_000)
    ));
    println!("one 50 MB line: {:?}", start.elapsed());
}
