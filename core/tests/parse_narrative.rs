//! The narrative strategy extractor (`parse_strategy`): the Welsh seed exactly,
//! a variant from another nation to prove the patterns generalise, the golden
//! canonical JSON under examples/data, and no panic or lost text on any input.
//!
//! The Welsh seed is Crown copyright, published under the Open Government
//! Licence v3.0.

// Test helpers outside `#[test]` functions may unwrap and panic too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::path::PathBuf;

use proptest::prelude::{prop, prop_assert_eq, proptest, ProptestConfig};
use proptest::strategy::Strategy as _;
use stratagraph::{parse_strategy, AttrValue, EdgeKind, NodeKind, ParseResult, Severity, Strategy};

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn welsh_seed() -> String {
    let path = repo_root().join("examples/data/wales-together-for-mental-health.txt");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn node_set(s: &Strategy) -> BTreeSet<(String, NodeKind, String)> {
    s.nodes()
        .map(|n| (n.id.to_string(), n.kind, n.label.clone()))
        .collect()
}

fn edge_set(s: &Strategy) -> BTreeSet<(String, EdgeKind, String)> {
    s.edges()
        .map(|e| (e.source.to_string(), e.kind, e.target.to_string()))
        .collect()
}

fn owned<const N: usize>(
    items: [(&str, NodeKind, &str); N],
) -> BTreeSet<(String, NodeKind, String)> {
    items
        .into_iter()
        .map(|(a, k, b)| (a.to_owned(), k, b.to_owned()))
        .collect()
}

fn owned_edges<const N: usize>(
    items: [(&str, EdgeKind, &str); N],
) -> BTreeSet<(String, EdgeKind, String)> {
    items
        .into_iter()
        .map(|(a, k, b)| (a.to_owned(), k, b.to_owned()))
        .collect()
}

fn attr<'a>(s: &'a Strategy, id: &str, name: &str) -> Option<&'a str> {
    s.node(id)?.attrs.get(name)?.as_text()
}

/// The evidence sentences stored on a node, as (line, text).
fn evidence(s: &Strategy, id: &str) -> Vec<(i64, String)> {
    let Some(AttrValue::List(items)) = s.node(id).and_then(|n| n.attrs.get("evidence")) else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| match item {
            AttrValue::Map(m) => match (m.get("line"), m.get("text")) {
                (Some(AttrValue::Integer(l)), Some(AttrValue::Text(t))) => Some((*l, t.clone())),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// Every byte range the parse accounts for: node spans, evidence spans,
/// unclassified and skipped text.
fn covered(r: &ParseResult) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for n in r.strategy.nodes() {
        if let Some(span) = n.span {
            out.push((span.start, span.end));
        }
        if let Some(AttrValue::List(items)) = n.attrs.get("evidence") {
            for item in items {
                if let AttrValue::Map(m) = item {
                    if let (Some(AttrValue::Integer(a)), Some(AttrValue::Integer(b))) =
                        (m.get("start"), m.get("end"))
                    {
                        out.push((*a as usize, *b as usize));
                    }
                }
            }
        }
    }
    for t in r.unclassified.iter().chain(&r.skipped) {
        out.push((t.span.start, t.span.end));
    }
    out
}

/// Nothing lost: every non-blank character of the text is in the model, in
/// the unclassified text or in the skipped furniture.
fn assert_nothing_lost(text: &str, r: &ParseResult) {
    let ranges = covered(r);
    for (i, c) in text.char_indices() {
        if c.is_whitespace() || (i == 0 && c == '\u{feff}') {
            continue;
        }
        assert!(
            ranges.iter().any(|&(a, b)| a <= i && i < b),
            "byte {i} ({c:?}) of the text is accounted for nowhere"
        );
    }
}

const MAIN: &str = "strategy:together-for-mental-health";

#[test]
fn welsh_seed_gives_exactly_the_strategy_and_its_relations() {
    let text = welsh_seed();
    let r = parse_strategy(&text);
    let s = &r.strategy;

    assert_eq!(
        node_set(s),
        owned([
            (MAIN, NodeKind::Strategy, "Together for Mental Health"),
            (
                "plan:together-for-mental-health-delivery-plan",
                NodeKind::Plan,
                "Delivery Plan"
            ),
            (
                "governance-body:national-mental-health-partnership-board",
                NodeKind::GovernanceBody,
                "National Mental Health Partnership Board"
            ),
            (
                "legislation:mental-health-wales-measure-2010",
                NodeKind::Legislation,
                "Mental Health (Wales) Measure 2010"
            ),
            (
                "legislation:rights-of-young-children-and-young-persons-wales-measure-2011",
                NodeKind::Legislation,
                "Rights of Young Children and Young Person\u{2019}s (Wales) Measure 2011"
            ),
            (
                "legislation:united-nations-convention-on-the-rights-of-the-child",
                NodeKind::Legislation,
                "United Nations Convention on the Rights of the Child"
            ),
            (
                "strategy:strategy-for-children",
                NodeKind::Strategy,
                "Strategy for children"
            ),
            (
                "strategy:strategy-for-adults-of-working-age",
                NodeKind::Strategy,
                "Strategy for adults of working age"
            ),
            (
                "strategy:strategy-for-older-people",
                NodeKind::Strategy,
                "Strategy for older people"
            ),
            (
                "programme:national-service-frameworks",
                NodeKind::Programme,
                "National Service Frameworks"
            ),
            (
                "population-group:all-ages",
                NodeKind::PopulationGroup,
                "all ages"
            ),
            (
                "population-group:children",
                NodeKind::PopulationGroup,
                "children"
            ),
            (
                "population-group:adults-of-working-age",
                NodeKind::PopulationGroup,
                "adults of working age"
            ),
            (
                "population-group:older-people",
                NodeKind::PopulationGroup,
                "older people"
            ),
            (
                "principle:recovery-and-enablement",
                NodeKind::Principle,
                "recovery and enablement"
            ),
            (
                "principle:person-centred-holistic-care",
                NodeKind::Principle,
                "person-centred holistic care"
            ),
        ])
    );

    assert_eq!(
        edge_set(s),
        owned_edges([
            (
                MAIN,
                EdgeKind::Contains,
                "plan:together-for-mental-health-delivery-plan"
            ),
            (
                "governance-body:national-mental-health-partnership-board",
                EdgeKind::Oversees,
                MAIN
            ),
            (
                MAIN,
                EdgeKind::GivesEffectTo,
                "legislation:mental-health-wales-measure-2010"
            ),
            (
                MAIN,
                EdgeKind::GivesEffectTo,
                "legislation:rights-of-young-children-and-young-persons-wales-measure-2011"
            ),
            (
                MAIN,
                EdgeKind::GivesEffectTo,
                "legislation:united-nations-convention-on-the-rights-of-the-child"
            ),
            (MAIN, EdgeKind::Supersedes, "strategy:strategy-for-children"),
            (
                MAIN,
                EdgeKind::Supersedes,
                "strategy:strategy-for-adults-of-working-age"
            ),
            (
                MAIN,
                EdgeKind::Supersedes,
                "strategy:strategy-for-older-people"
            ),
            (
                MAIN,
                EdgeKind::Supersedes,
                "programme:national-service-frameworks"
            ),
            (MAIN, EdgeKind::Targets, "population-group:all-ages"),
            (MAIN, EdgeKind::Targets, "population-group:children"),
            (
                MAIN,
                EdgeKind::Targets,
                "population-group:adults-of-working-age"
            ),
            (MAIN, EdgeKind::Targets, "population-group:older-people"),
            (
                "strategy:strategy-for-children",
                EdgeKind::Targets,
                "population-group:children"
            ),
            (
                "strategy:strategy-for-adults-of-working-age",
                EdgeKind::Targets,
                "population-group:adults-of-working-age"
            ),
            (
                "strategy:strategy-for-older-people",
                EdgeKind::Targets,
                "population-group:older-people"
            ),
            (MAIN, EdgeKind::Follows, "principle:recovery-and-enablement"),
            (
                MAIN,
                EdgeKind::Follows,
                "principle:person-centred-holistic-care"
            ),
        ])
    );

    // Attributes: subtitle, nation, acronyms.
    assert_eq!(
        attr(s, MAIN, "subtitle"),
        Some("A Strategy for Mental Health and Wellbeing in Wales")
    );
    assert_eq!(attr(s, MAIN, "nation"), Some("Wales"));
    assert_eq!(
        attr(
            s,
            "governance-body:national-mental-health-partnership-board",
            "acronym"
        ),
        Some("NPB")
    );
    assert_eq!(
        attr(
            s,
            "legislation:united-nations-convention-on-the-rights-of-the-child",
            "acronym"
        ),
        Some("UNCRC")
    );
    assert_eq!(
        attr(s, "programme:national-service-frameworks", "acronym"),
        Some("NSFs")
    );
    assert_eq!(s.node(MAIN).unwrap().span.map(|sp| sp.line), Some(3));

    // Evidence: the sentences each node was read from, with their lines.
    assert_eq!(
        evidence(s, "governance-body:national-mental-health-partnership-board"),
        [(
            11,
            "A new National Mental Health Partnership Board (NPB) is being established to oversee delivery of the Strategy."
                .to_owned()
        )]
    );
    assert_eq!(
        evidence(s, "programme:national-service-frameworks"),
        [(
            5,
            "It replaces those former age-based strategies and National Service Frameworks (NSFs)."
                .to_owned()
        )]
    );
    assert_eq!(evidence(s, "population-group:children").len(), 2);
    assert_eq!(evidence(s, MAIN).len(), 7);
    for n in s.nodes() {
        let span = n.span.unwrap_or_else(|| panic!("{} has no span", n.id));
        assert!(span.end <= text.len() && span.start < span.end);
        if n.id.as_str() != MAIN {
            assert!(
                !evidence(s, n.id.as_str()).is_empty(),
                "{} has no evidence",
                n.id
            );
        }
    }
    // The span of a sentence is its text in the source.
    let ev = s
        .node("legislation:mental-health-wales-measure-2010")
        .unwrap()
        .span
        .unwrap();
    assert!(text[ev.start..ev.end].starts_with("It updates current policy"));

    // Furniture skipped and reported; every sentence classified.
    assert_eq!(r.skipped.len(), 1);
    assert_eq!(
        (r.skipped[0].line, r.skipped[0].text.as_str()),
        (1, "Skip to main content")
    );
    assert!(r.unclassified.is_empty(), "{:?}", r.unclassified);
    let codes: Vec<_> = r.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["skipped_furniture"]);
    assert_nothing_lost(&text, &r);
}

#[test]
fn welsh_golden_json_is_canonical_and_valid() {
    let r = parse_strategy(&welsh_seed());
    let json = r.strategy.to_json();
    let path = repo_root().join("examples/data/wales-together-for-mental-health.json");
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::write(&path, &json).unwrap();
    }
    let golden = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_GOLDEN=1)", path.display()));
    assert!(
        golden == json,
        "{} differs from the parse; run with UPDATE_GOLDEN=1 to regenerate",
        path.display()
    );
    // The file reads back to the same model and validates without errors.
    assert_eq!(Strategy::from_json(&golden).unwrap(), r.strategy);
    let found = stratagraph::validate_json(&golden).unwrap();
    let errors: Vec<_> = found
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

/// Another nation, another board, act, population and approach, written for
/// this test (not a real strategy), with furniture run into the title.
const VARIANT: &str = "Thanks for your feedbackSkip to main contentHealthy Minds Together: A Mental Health Strategy for Scotland 2025-2035

Healthy Minds Together sets out how we will improve mental health in Scotland over the next ten years. It is the first strategy that covers infants, students and veterans. It gives effect to the Mental Health (Care and Treatment) (Scotland) Act 2003 and the Equality Act 2010. It replaces the Mental Health Strategy 2017-2027.
We will take a trauma-informed approach. The Strategy is committed to rights-based practice, working with people with lived experience.

A Mental Health Strategy Oversight Group (MHSOG) will oversee delivery of the Delivery Plan. The MHSOG will report to Ministers every year. Scotland has about 5.5 million people.
Back to top
";

#[test]
fn variant_from_another_nation_generalises() {
    let r = parse_strategy(VARIANT);
    let s = &r.strategy;
    let main = "strategy:healthy-minds-together";
    let plan = "plan:healthy-minds-together-delivery-plan";
    let group = "governance-body:mental-health-strategy-oversight-group";
    assert_eq!(
        node_set(s),
        owned([
            (main, NodeKind::Strategy, "Healthy Minds Together"),
            (
                "population-group:infants",
                NodeKind::PopulationGroup,
                "infants"
            ),
            (
                "population-group:students",
                NodeKind::PopulationGroup,
                "students"
            ),
            (
                "population-group:veterans",
                NodeKind::PopulationGroup,
                "veterans"
            ),
            (
                "legislation:mental-health-care-and-treatment-scotland-act-2003",
                NodeKind::Legislation,
                "Mental Health (Care and Treatment) (Scotland) Act 2003"
            ),
            (
                "legislation:equality-act-2010",
                NodeKind::Legislation,
                "Equality Act 2010"
            ),
            (
                "strategy:mental-health-strategy-2017-2027",
                NodeKind::Strategy,
                "Mental Health Strategy 2017-2027"
            ),
            (
                "principle:trauma-informed",
                NodeKind::Principle,
                "trauma-informed"
            ),
            (
                "principle:rights-based-practice",
                NodeKind::Principle,
                "rights-based practice"
            ),
            (plan, NodeKind::Plan, "Delivery Plan"),
            (
                group,
                NodeKind::GovernanceBody,
                "Mental Health Strategy Oversight Group"
            ),
        ])
    );
    assert_eq!(
        edge_set(s),
        owned_edges([
            (main, EdgeKind::Targets, "population-group:infants"),
            (main, EdgeKind::Targets, "population-group:students"),
            (main, EdgeKind::Targets, "population-group:veterans"),
            (
                main,
                EdgeKind::GivesEffectTo,
                "legislation:mental-health-care-and-treatment-scotland-act-2003"
            ),
            (
                main,
                EdgeKind::GivesEffectTo,
                "legislation:equality-act-2010"
            ),
            (
                main,
                EdgeKind::Supersedes,
                "strategy:mental-health-strategy-2017-2027"
            ),
            (main, EdgeKind::Follows, "principle:trauma-informed"),
            (main, EdgeKind::Follows, "principle:rights-based-practice"),
            (main, EdgeKind::Contains, plan),
            // The sentence names the plan, not the strategy, as what is overseen.
            (group, EdgeKind::Oversees, plan),
        ])
    );
    assert_eq!(attr(s, main, "nation"), Some("Scotland"));
    assert_eq!(
        attr(s, main, "subtitle"),
        Some("A Mental Health Strategy for Scotland 2025-2035")
    );
    let period = s.node(main).unwrap().period.clone().unwrap();
    assert_eq!(
        (
            period.start.unwrap().to_string(),
            period.end.unwrap().to_string()
        ),
        ("2025-01-01".to_owned(), "2035-12-31".to_owned())
    );
    assert_eq!(attr(s, group, "acronym"), Some("MHSOG"));
    // A later mention by acronym is evidence on the body.
    assert_eq!(
        evidence(s, group).last().map(|(_, t)| t.as_str()),
        Some("The MHSOG will report to Ministers every year.")
    );

    // Furniture run into the title, and the closing "Back to top", are skipped.
    let skipped: Vec<_> = r
        .skipped
        .iter()
        .map(|t| (t.line, t.text.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            (1, "Thanks for your feedback"),
            (1, "Skip to main content"),
            (7, "Back to top")
        ]
    );
    assert_eq!(
        s.node(main).unwrap().span.map(|sp| (sp.line, sp.start)),
        Some((1, 44))
    );
    // The sentence about nothing the extractor knows is kept, with a diagnostic.
    assert_eq!(r.unclassified.len(), 1);
    assert_eq!(
        r.unclassified[0].text,
        "Scotland has about 5.5 million people."
    );
    assert_eq!(r.unclassified[0].line, 6);
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.code == "unclassified_text")
        .unwrap();
    assert_eq!((d.line, d.severity), (Some(6), Severity::Warning));
    assert_nothing_lost(VARIANT, &r);
}

#[test]
fn wrapped_lines_are_one_paragraph_and_headings_stand_alone() {
    let text = "Better Minds: A Strategy for Wales\n\
        Better Minds puts the requirements of the Mental Health\n\
        (Wales) Measure 2010 at the heart of what we do. It\n\
        covers older people.\n\
        \n\
        Governance\n\
        The Better Minds Board will oversee delivery of the Strategy.\n";
    let r = parse_strategy(text);
    let s = &r.strategy;
    assert!(s
        .edge(
            "strategy:better-minds",
            EdgeKind::GivesEffectTo,
            "legislation:mental-health-wales-measure-2010"
        )
        .is_some());
    let ev = evidence(s, "legislation:mental-health-wales-measure-2010");
    assert_eq!(
        ev,
        [(
            2,
            "Better Minds puts the requirements of the Mental Health (Wales) Measure 2010 at the heart of what we do."
                .to_owned()
        )]
    );
    assert!(s
        .edge(
            "strategy:better-minds",
            EdgeKind::Targets,
            "population-group:older-people"
        )
        .is_some());
    assert!(s
        .edge(
            "governance-body:better-minds-board",
            EdgeKind::Oversees,
            "strategy:better-minds"
        )
        .is_some());
    // The section heading is a line of its own, kept as unclassified text.
    let unclassified: Vec<_> = r
        .unclassified
        .iter()
        .map(|t| (t.line, t.text.as_str()))
        .collect();
    assert_eq!(unclassified, [(6, "Governance")]);
    assert_nothing_lost(text, &r);
}

#[test]
fn earlier_strategies_named_directly_and_unresolved_references() {
    let r = parse_strategy(
        "Mind Matters\n\nMind Matters replaces those former strategies. It covers all ages.",
    );
    let codes: Vec<_> = r.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["supersedes_unresolved"]);
    assert!(r.unclassified.is_empty());
    assert_eq!(
        r.strategy.nodes().next().unwrap().id.as_str(),
        "strategy:mind-matters"
    );

    // No heading: the first strategy the text names is taken, with a remark.
    let r = parse_strategy("The Wellbeing Strategy for Wales covers children.");
    assert_eq!(
        r.strategy.nodes().next().unwrap().id.as_str(),
        "strategy:wellbeing-strategy-for-wales"
    );
    assert_eq!(r.diagnostics[0].code, "strategy_title_guessed");
    assert_eq!(
        attr(
            &r.strategy,
            "strategy:wellbeing-strategy-for-wales",
            "nation"
        ),
        Some("Wales")
    );

    // Nothing at all.
    let r = parse_strategy("");
    assert_eq!(r.diagnostics[0].code, "strategy_title_missing");
    assert_eq!(r.strategy.len(), 1);
}

#[test]
fn parse_is_deterministic() {
    let text = welsh_seed();
    assert_eq!(parse_strategy(&text), parse_strategy(&text));
    let crlf = text.replace('\n', "\r\n");
    assert_eq!(
        node_set(&parse_strategy(&crlf).strategy),
        node_set(&parse_strategy(&text).strategy)
    );
}

fn cue_words() -> impl proptest::strategy::Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "It",
        "replaces",
        "those",
        "former",
        "strategies",
        "for",
        "children,",
        "and",
        "the",
        "Mental",
        "Health",
        "(Wales)",
        "Measure",
        "2010",
        "Act",
        "Board",
        "(NPB)",
        "oversee",
        "covers",
        "people",
        "of",
        "all",
        "ages.",
        "approach",
        "committed",
        "to",
        "Delivery",
        "Plan",
        "Skip to main content",
        "Back to top",
        "\n",
        "\n\n",
        ".",
        ",",
        "A",
        "Strategy",
        "separate",
        "age-based",
        "embeds",
        "\u{2019}s",
        "\u{feff}",
        "é",
        "\r",
        "2017-2027",
        "(",
        ")",
        "gives effect to",
        "For",
        "older",
        "Convention",
    ]);
    prop::collection::vec(words, 0..60).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_and_loses_nothing_on_arbitrary_text(text in "\\PC*") {
        let r = parse_strategy(&text);
        assert_nothing_lost(&text, &r);
        prop_assert_eq!(Strategy::from_json(&r.strategy.to_json()).unwrap(), r.strategy);
    }

    #[test]
    fn never_panics_and_loses_nothing_on_cue_soup(text in cue_words()) {
        let r = parse_strategy(&text);
        assert_nothing_lost(&text, &r);
        prop_assert_eq!(Strategy::from_json(&r.strategy.to_json()).unwrap(), r.strategy);
    }

    #[test]
    fn never_panics_on_any_characters(text in ".{0,400}") {
        let _ = parse_strategy(&text);
    }
}

/// Issue 3, point 9: a large input is parsed in linear time. A benchmark, not
/// a timed test: run it with
/// `cargo test --release -p stratagraph --test parse_narrative -- --ignored --nocapture`
/// (`STRATAGRAPH_BENCH_MB` sets the size, 50 by default).
#[test]
#[ignore = "benchmark"]
fn bench_linear_time_on_a_large_page() {
    let mb: usize = std::env::var("STRATAGRAPH_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let seed = welsh_seed();
    let body = seed.split_once('\n').map_or(seed.as_str(), |(_, b)| b);
    // Many paragraphs, with a different Measure in each, so names keep coming.
    let page = |bytes: usize| {
        let mut text = String::with_capacity(bytes + body.len());
        let mut i = 0usize;
        while text.len() < bytes {
            text.push_str(&body.replace("Measure 2010", &format!("Measure {}", 1000 + i % 8000)));
            text.push_str("\n\n");
            i += 1;
        }
        text
    };
    let mut rates = Vec::new();
    for size in [mb.max(10) / 10, mb.max(10)] {
        let text = page(size * 1_000_000);
        let start = std::time::Instant::now();
        let r = parse_strategy(&text);
        let secs = start.elapsed().as_secs_f64();
        println!(
            "parse_strategy: {size} MB, {} nodes, {} edges in {secs:.2} s ({:.1} MB/s)",
            r.strategy.len(),
            r.strategy.edge_count(),
            size as f64 / secs
        );
        rates.push(size as f64 / secs);
    }
    // Linear: the rate on ten times the text is not far below the rate on the tenth.
    assert!(rates[1] > rates[0] / 3.0, "{rates:?}");
}
