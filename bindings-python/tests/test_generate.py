"""The seeded plan generator: deterministic, parseable, with progress reports."""

from __future__ import annotations

import pytest

import stratagraph


def test_same_seed_same_plan() -> None:
    a = stratagraph.generate_plan("S", seed=3, actions=60, partners=20)
    assert a == stratagraph.generate_plan("S", seed=3, actions=60, partners=20)
    assert a != stratagraph.generate_plan("S", seed=4, actions=60, partners=20)
    assert len(a.nodes("action")) == 60
    assert len(stratagraph.generate_plan()) > 500


def test_text_parses_back_to_the_plan() -> None:
    text = stratagraph.generate_delivery_plan_text("small", seed=1, actions=50)
    parsed = stratagraph.parse_delivery_plan(text)
    assert parsed.unclassified == []
    assert len(parsed.strategy.nodes("action")) == 50


def test_progress_reports() -> None:
    plan = stratagraph.generate_plan("S", seed=2, actions=80)
    reports = stratagraph.generate_progress_reports(plan, "S", seed=2, reports=3)
    assert len(reports) == 3
    assert all(r.date is not None for r in reports)
    assert len(plan.progress_series(reports)) > 0
    df = plan.progress_rollup(reports[-1]).to_pandas()
    assert len(df) > 0


def test_actions_and_partners_frames() -> None:
    plan = stratagraph.generate_plan("S", seed=5, actions=120)
    actions = plan.actions_df()
    assert len(actions) == 120
    assert actions["number"].map(type).eq(str).all()  # "1.10" stays text
    assert str(actions["deadline_end"].dtype).startswith("datetime64")
    assert str(actions["status"].dtype) == "category"
    partners = plan.partners_df()
    assert list(partners.columns) == plan.partner_load().columns


def test_unknown_size() -> None:
    with pytest.raises(stratagraph.UnknownKindError):
        stratagraph.generate_plan("XL")


def test_every_field_of_the_generator_by_keyword() -> None:
    # The same fields as the JavaScript package's GeneratorOptions.
    plan = stratagraph.generate_plan(
        "S", seed=1, actions=60, priorities=3, strategic_actions_per_priority=2, outcomes=5
    )
    assert len(plan.nodes("priority")) == 3
    assert len(plan.nodes("strategic_action")) == 6
    assert len(plan.nodes("outcome")) == 5
    assert len(plan.nodes("action")) == 60
    # None keeps the preset's value.
    assert stratagraph.generate_plan("S", seed=1, actions=60, priorities=None) == (
        stratagraph.generate_plan("S", seed=1, actions=60)
    )
    text = stratagraph.generate_delivery_plan_text("S", seed=1, actions=30, deadline_share=0.0)
    assert "Priority" in text
    reports = stratagraph.generate_progress_reports(plan, "S", seed=1, reports=2)
    assert len(reports) == 2


def test_unknown_or_mistyped_generator_field() -> None:
    unexpected = r"^generate_plan\(\) got an unexpected keyword argument 'prioritys'"
    with pytest.raises(TypeError, match=unexpected):
        stratagraph.generate_plan("S", prioritys=3)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match=r"^priorities: "):
        stratagraph.generate_plan("S", priorities="three")  # type: ignore[arg-type]
