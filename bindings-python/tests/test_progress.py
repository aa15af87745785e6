"""Progress reports: parsing, the report object, applying it, the roll-ups."""

from __future__ import annotations

import datetime
import pickle

import pytest
from conftest import ROOT, read

import stratagraph
from stratagraph import ProgressReport, Strategy

PROGRESS_TXT = ROOT / "tests" / "fixtures" / "progress-report.txt"


@pytest.fixture(scope="module")
def report() -> ProgressReport:
    return stratagraph.parse_progress_report(read(PROGRESS_TXT)).report


@pytest.fixture(scope="module")
def plan(mini_plan_text: str) -> Strategy:
    return Strategy.from_json(mini_plan_text)


def test_report_object(report: ProgressReport) -> None:
    assert len(report) == len(report.entries()) > 0
    assert isinstance(report.title, str)
    assert report.date is None or isinstance(report.date, datetime.date)
    first = report.entries()[0]
    assert report.entry(first["number"]) is not None
    assert report.entry("99.99") is None
    assert pickle.loads(pickle.dumps(report)) == report
    assert repr(report).startswith("<stratagraph.ProgressReport")


def test_report_json_errors() -> None:
    with pytest.raises(stratagraph.FormatError) as wrong:
        ProgressReport.from_json('{"format": "stratagraph", "version": 1}')
    assert wrong.value.expected == "stratagraph-progress"
    with pytest.raises(stratagraph.JsonError):
        ProgressReport.from_json('{"format": "stratagraph-progress", "version": 1, "entries": [}')
    with pytest.raises(stratagraph.VersionError):
        ProgressReport.from_json('{"format": "stratagraph-progress", "version": 9}')


def test_apply_to_gives_a_new_strategy(plan: Strategy) -> None:
    q4 = stratagraph.parse_progress_report(
        "Progress as at 31 March 2024\n1.1 Help families.\nAt Risk\n9.9 Unknown.\nDelivered"
    ).report
    updated, found = q4.apply_to(plan)
    assert [d.code for d in found] == ["progress_unmatched"]
    attrs = updated.node("strategic-action:1.1")["attrs"]
    assert (attrs["status"], attrs["status_date"]) == ("at_risk", "2024-03-31")
    assert "attrs" not in plan.node("strategic-action:1.1")  # the original is unchanged
    rollup = updated.progress_rollup()
    assert len(rollup) > 0
    assert rollup.to_pylist() == plan.progress_rollup(q4).to_pylist()
    summary = plan.progress_summary(q4).to_pandas()
    assert list(summary.columns) == plan.progress_summary(q4).columns


def test_progress_over_time(plan: Strategy) -> None:
    def at(date: str, status: str) -> ProgressReport:
        text = f"Progress as at {date}\n1.1 Help families.\t{status}"
        return stratagraph.parse_progress_report(text).report

    reports = [at("30 June 2023", "At Risk"), at("30 September 2023", "At Risk")]
    reports.append(at("31 December 2023", "On Track"))
    assert len(plan.progress_series(reports)) > 0
    changes = plan.progress_changes(reports[1], reports[2]).to_pylist()
    assert changes[0]["change"] == "improved"
    assert len(plan.stale_statuses(reports[:2], 2)) == 1
    assert len(plan.stale_statuses(reports, 3)) == 0


def test_diff_and_align(plan: Strategy, mini_plan_text: str) -> None:
    assert len(plan.diff(plan)) == 0
    smaller = stratagraph.parse_delivery_plan(plan.to_delivery_plan()).strategy
    d = plan.diff(smaller, same_number=0.3, renumbered=0.5)
    assert d.columns[:2] == ["kind", "change"]
    aligned = plan.align(plan)
    assert len(aligned) > 0
    assert len(plan.align(plan, threshold=0.99)) <= len(aligned)
    assert len(plan.indicator_results()) == 0
    assert len(plan.indicator_gaps("2024-01-01")) == 0


def test_headline_counts_are_typed_in_the_report() -> None:
    r = stratagraph.parse_progress_report(
        "Progress report\nThere are 25 (73%) on track, 7 (21%) at risk and 2 (6%) off track.\n"
    )
    (group,) = r.report.counts
    assert [
        (c["words"], c["status"], c["value"]["number"], c["percent"]) for c in group["counts"]
    ] == [
        ("on track", "on_track", 25.0, 73.0),
        ("at risk", "at_risk", 7.0, 21.0),
        ("off track", "off_track", 2.0, 6.0),
    ]
    assert group["span"]["line"] == 2
    # they travel in the canonical JSON, and back
    again = stratagraph.ProgressReport.from_json(r.report.to_json())
    assert again == r.report
    assert again.counts == r.report.counts


def test_approximate_counts_and_plans() -> None:
    text = "Out of the 50 Actions in the plan, 22 are completed and more than 20 are on track.\n"
    plan = stratagraph.parse_delivery_plan(text)
    (group,) = plan.report.counts
    assert group["group"] == "Actions in the plan"
    assert group["total"]["number"] == 50.0
    values = [c["value"] for c in group["counts"]]
    assert values[1]["bound"] == "more_than"
    assert values[1]["text"] == "more than 20"
    assert stratagraph.parse_delivery_plan("Priority 1: Safe care.").report.counts == []


def test_counts_that_disagree_with_the_rows_are_reported() -> None:
    text = (
        "Progress report\nOf the 2 actions, 2 are on track.\n"
        "1.1 Train staff.\nOn Track\n100% On Track\n"
        "1.2 Publish guidance.\nDelivered\n100% Delivered\n"
    )
    r = stratagraph.parse_progress_report(text)
    codes = [d.code for d in r.diagnostics]
    assert "count_rows_mismatch" in codes


def test_a_progress_page_keeps_its_graph() -> None:
    text = "Action 1: Train staff.\nLead: NHS Education for Scotland\nStatus: On track\n"
    r = stratagraph.parse_progress_report(text)
    assert len(r.report) == 1
    assert len(r.strategy) > 1
    assert stratagraph.parse_progress_report("1.1 Train staff.\nOn Track").strategy.nodes() == []
