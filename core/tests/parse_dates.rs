//! Deadline phrases read into date windows: every phrase of issue 3, the
//! seasons, quarters and parts of a year, and phrases that are not deadlines.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use stratagraph::parse::date::{find_deadline, find_deadlines, find_period, parse_deadline};

/// `(start, end, phrase)` of a phrase, as strings.
fn window(phrase: &str) -> (Option<String>, Option<String>, String) {
    let w = parse_deadline(phrase).unwrap_or_else(|| panic!("{phrase:?} is not read"));
    (
        w.start.map(|d| d.to_string()),
        w.end.map(|d| d.to_string()),
        w.phrase,
    )
}

fn d(s: &str) -> Option<String> {
    Some(s.to_owned())
}

#[track_caller]
fn check(phrase: &str, start: Option<&str>, end: Option<&str>) {
    let (s, e, p) = window(phrase);
    assert_eq!(
        (s.as_deref(), e.as_deref()),
        (start, end),
        "window of {phrase:?}"
    );
    assert_eq!(p, phrase.trim(), "phrase of {phrase:?}");
}

#[test]
fn by_a_month_ends_with_the_month() {
    check("By November 2023", None, Some("2023-11-30"));
    check("by April 2024", None, Some("2024-04-30"));
    check("by February 2024", None, Some("2024-02-29"));
    check("by Sept 2025", None, Some("2025-09-30"));
    check("no later than March 2025", None, Some("2025-03-31"));
    check("until June 2024", None, Some("2024-06-30"));
    check("before June 2024", None, Some("2024-05-31"));
}

#[test]
fn over_and_during_a_financial_year() {
    check("Over 2023/24", Some("2023-04-01"), Some("2024-03-31"));
    check("during 2024/25", Some("2024-04-01"), Some("2025-03-31"));
    check("in 2023-24", Some("2023-04-01"), Some("2024-03-31"));
    check(
        "throughout 2023/2024",
        Some("2023-04-01"),
        Some("2024-03-31"),
    );
    check(
        "in the financial year 2024",
        Some("2024-04-01"),
        Some("2025-03-31"),
    );
    check("over 1999/00", Some("1999-04-01"), Some("2000-03-31"));
}

#[test]
fn from_onwards_has_no_end() {
    check("from 2024/25 onwards", Some("2024-04-01"), None);
    check("from April 2024", Some("2024-04-01"), None);
    check("starting in 2025", Some("2025-01-01"), None);
    check("2026 onwards", Some("2026-01-01"), None);
}

#[test]
fn in_a_year_is_the_calendar_year() {
    check("in 2024", Some("2024-01-01"), Some("2024-12-31"));
    check("within 2024", Some("2024-01-01"), Some("2024-12-31"));
    check("2025", Some("2025-01-01"), Some("2025-12-31"));
}

#[test]
fn seasons() {
    check("by Spring 2024", None, Some("2024-05-31"));
    check("by summer 2024", None, Some("2024-08-31"));
    check("in autumn 2024", Some("2024-09-01"), Some("2024-11-30"));
    check("by Autumn 2024", None, Some("2024-11-30"));
    check("by winter 2024", None, Some("2025-02-28"));
    check("winter 2023/24", Some("2023-12-01"), Some("2024-02-29"));
    check("in fall 2024", Some("2024-09-01"), Some("2024-11-30"));
}

#[test]
fn quarters_are_calendar_unless_financial() {
    check("by the end of Q1 2022", None, Some("2022-03-31"));
    check("by end of Q3 2024", None, Some("2024-09-30"));
    check("in Q2 2024", Some("2024-04-01"), Some("2024-06-30"));
    check("Q1 2022/23", Some("2022-04-01"), Some("2022-06-30"));
    check("in Q4 2022/23", Some("2023-01-01"), Some("2023-03-31"));
    check(
        "Q1 of the financial year 2022",
        Some("2022-04-01"),
        Some("2022-06-30"),
    );
    check("by the first quarter of 2025", None, Some("2025-03-31"));
    check("quarter 3 2024", Some("2024-07-01"), Some("2024-09-30"));
}

#[test]
fn parts_of_a_year() {
    check("early 2026", Some("2026-01-01"), Some("2026-04-30"));
    check("mid-2025", Some("2025-05-01"), Some("2025-08-31"));
    check("mid 2025", Some("2025-05-01"), Some("2025-08-31"));
    check("late 2025", Some("2025-09-01"), Some("2025-12-31"));
    check("by early 2026", None, Some("2026-04-30"));
    check("first half of 2024", Some("2024-01-01"), Some("2024-06-30"));
    check(
        "second half of 2024/25",
        Some("2024-10-01"),
        Some("2025-03-31"),
    );
}

#[test]
fn end_of_a_year() {
    check("end of 2024", None, Some("2024-12-31"));
    check("by the end of 2024", None, Some("2024-12-31"));
    check("the end of March 2025", None, Some("2025-03-31"));
}

#[test]
fn days_and_ranges() {
    check("by 31 March 2024", None, Some("2024-03-31"));
    check("by 1st April 2024", None, Some("2024-04-01"));
    check("by March 31, 2024", None, Some("2024-03-31"));
    check(
        "between 2023 and 2025",
        Some("2023-01-01"),
        Some("2025-12-31"),
    );
    check("from 2023 to 2025", Some("2023-01-01"), Some("2025-12-31"));
    check(
        "from April 2024 to March 2026",
        Some("2024-04-01"),
        Some("2026-03-31"),
    );
    check("2023-2025", Some("2023-01-01"), Some("2025-12-31"));
}

#[test]
fn trailing_punctuation_is_not_part_of_the_phrase() {
    let w = parse_deadline("by April 2024.").unwrap();
    assert_eq!(w.phrase, "by April 2024");
    let w = parse_deadline("  Over 2023/24, ").unwrap();
    assert_eq!(w.phrase, "Over 2023/24");
}

#[test]
fn not_deadlines() {
    for p in [
        "",
        "as soon as possible",
        "by 5 years",
        "in the early years",
        "by 31 February 2024",
        "Q5 2024",
        "over 2,000 people",
        "by 99999999999999999999",
        "by November",
        "in 2024 somewhere",
        "from 2025 to 2024",
        "2023/26",
        "mid-",
        "by the end of",
    ] {
        assert_eq!(parse_deadline(p), None, "{p:?}");
    }
}

#[test]
fn found_in_action_text() {
    let cases = [
        (
            "By November 2023, launch a new Strategic Board for Children and Families Mental Health.",
            "By November 2023",
            None,
            Some("2023-11-30"),
        ),
        (
            "publishing a revised Play Strategy Vision and Action plan in 2024, developed in collaboration",
            "in 2024",
            Some("2024-01-01"),
            Some("2024-12-31"),
        ),
        (
            "Launch a new fund to start from 2024/25 onwards building on the learning",
            "from 2024/25 onwards",
            Some("2024-04-01"),
            None,
        ),
        (
            "Over 2023/24, consider with stakeholders how to develop a service specification",
            "Over 2023/24",
            Some("2023-04-01"),
            Some("2024-03-31"),
        ),
        (
            "to redesign the survivor support service by April 2024. This will allow",
            "by April 2024",
            None,
            Some("2024-04-30"),
        ),
        (
            "Publish the review early 2026 with partners.",
            "early 2026",
            Some("2026-01-01"),
            Some("2026-04-30"),
        ),
        (
            "Report mid-2025 on progress.",
            "mid-2025",
            Some("2025-05-01"),
            Some("2025-08-31"),
        ),
        (
            "Agree the framework during 2024/25 with boards.",
            "during 2024/25",
            Some("2024-04-01"),
            Some("2025-03-31"),
        ),
        (
            "Consult on the plan by Spring 2024.",
            "by Spring 2024",
            None,
            Some("2024-05-31"),
        ),
        (
            "Deliver the first phase by the end of Q1 2022 and review.",
            "by the end of Q1 2022",
            None,
            Some("2022-03-31"),
        ),
    ];
    for (text, phrase, start, end) in cases {
        let w = find_deadline(text).unwrap_or_else(|| panic!("no deadline in {text:?}"));
        assert_eq!(w.phrase, phrase, "{text:?}");
        assert_eq!(w.start.map(|d| d.to_string()), start.map(str::to_owned));
        assert_eq!(w.end.map(|d| d.to_string()), end.map(str::to_owned));
    }
}

#[test]
fn years_alone_and_ages_are_not_deadlines() {
    for text in [
        "building on the 2012 National Parenting Strategy.",
        "early years (up to 5 years old), children and young people (5-24 year olds or 26 years",
        "our initial 2-year delivery plan",
        "attachment in the early years.",
        "from pre-conception through the earliest years",
        "in to policy and practice",
    ] {
        assert_eq!(find_deadline(text), None, "{text:?}");
    }
}

#[test]
fn every_deadline_in_a_text() {
    let all = find_deadlines("Consult over 2023/24, publish by Spring 2024 and review in 2025.");
    let got: Vec<_> = all.iter().map(|w| w.phrase.as_str()).collect();
    assert_eq!(got, ["over 2023/24", "by Spring 2024", "in 2025"]);
}

#[test]
fn plan_periods() {
    let p = find_period("Mental health and wellbeing strategy: delivery plan 2023-2025").unwrap();
    assert_eq!(
        (p.start, p.end, p.phrase.as_str()),
        (
            "2023-01-01".parse().ok(),
            "2025-12-31".parse().ok(),
            "2023-2025"
        )
    );
    let p = find_period("covering the period 2023 to 2025.").unwrap();
    assert_eq!(p.phrase, "2023 to 2025");
    let p = find_period("Delivery plan 2024/25").unwrap();
    assert_eq!(p.start.map(|d| d.to_string()), d("2024-04-01"));
    assert_eq!(find_period("published in 2023"), None);
}

proptest! {
    #[test]
    fn never_panics(text in any::<String>()) {
        let _ = parse_deadline(&text);
        let _ = find_deadline(&text);
        let _ = find_deadlines(&text);
        let _ = find_period(&text);
    }

    #[test]
    fn never_panics_on_date_like_text(
        words in prop::collection::vec(
            prop::sample::select(vec![
                "by", "the", "end", "of", "Q1", "Q9", "2024", "2024/25", "2024-25", "2023-2025",
                "9999/00", "9999", "0000", "99999999999999999999", "mid-", "-", "/", "early",
                "winter", "spring", "March", "31", "0", "32", "from", "onwards", "to", "between",
                "and", "first", "half", "quarter", "financial", "year", "FY", "no", "later", "than",
                "before", "0001", "1000", ",", ".", "é", "2024/", "/25", "in", "é2024",
            ]),
            0..12,
        )
    ) {
        let text = words.join(" ");
        let _ = parse_deadline(&text);
        let _ = find_deadlines(&text);
        let glued = words.concat();
        let _ = parse_deadline(&glued);
        let _ = find_deadlines(&glued);
        if let Some(w) = parse_deadline(&text) {
            if let (Some(s), Some(e)) = (w.start, w.end) {
                prop_assert!(s <= e, "{text:?} gives {s}..{e}");
            }
        }
    }
}
