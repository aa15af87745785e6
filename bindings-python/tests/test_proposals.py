"""merge_proposals: proposals from another extractor, behind the parser's gate."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, GOLDEN, ROOT, read

import stratagraph

SCOTLAND = ROOT / "examples" / "data" / "scotland-mhws-delivery-plan-2023-2025-priority-10.txt"


def test_scotland_merge_matches_the_golden_file() -> None:
    text = read(SCOTLAND)
    plan = stratagraph.parse_delivery_plan(text).strategy
    merged = stratagraph.merge_proposals(text, plan, read(FIXTURES / "scotland-proposals.json"))
    assert merged.to_json() == read(GOLDEN / "scotland-proposals.merge.json")
    golden = json.loads(read(GOLDEN / "scotland-proposals.merge.json"))
    assert merged.accepted == golden["accepted"]
    assert merged.rejected == golden["rejected"]
    assert merged.disagreements == golden["disagreements"]
    assert [d.code for d in merged.diagnostics] == [d["code"] for d in golden["diagnostics"]]
    assert (
        merged.strategy.to_json()
        == stratagraph.Strategy.from_json(json.dumps(golden["strategy"])).to_json()
    )
    assert merged.rejected
    assert merged.accepted
    # the strategy given is left as it was
    assert len(plan) < len(merged.strategy)
    assert "ProposalMerge" in repr(merged)


def _proposal(text: str, word: str, label: str) -> str:
    # Spans are UTF-8 byte offsets, not str indices.
    start = len(text[: text.index(word)].encode())
    end = start + len(word.encode())
    return json.dumps(
        {
            "format": "stratagraph-proposals",
            "version": 1,
            "nodes": [{"kind": "partner", "label": label, "span": {"start": start, "end": end}}],
        }
    )


def test_spans_are_utf8_byte_offsets() -> None:
    # Non-ASCII before the span: an en dash (3 bytes) and an accented letter (2 bytes).
    text = (
        "Priority 1 \u2013 Sant\u00e9\nStrategic Action 1.1: Support staff.\n"
        "1.1.1 Train staff with M\u00e9decins Penumbra."
    )
    plan = stratagraph.parse_delivery_plan(text).strategy
    merged = stratagraph.merge_proposals(
        text, plan, _proposal(text, "Médecins Penumbra", "Médecins Penumbra")
    )
    assert merged.accepted == [{"list": "node", "index": 0}]
    assert merged.rejected == []
    # a str index (not a byte offset) points elsewhere: rejected, with why
    start = text.index("Médecins Penumbra")
    wrong = json.dumps(
        {
            "format": "stratagraph-proposals",
            "version": 1,
            "nodes": [
                {
                    "kind": "partner",
                    "label": "Médecins Penumbra",
                    "span": {"start": start, "end": start + 17},
                }
            ],
        }
    )
    merged = stratagraph.merge_proposals(text, plan, wrong)
    assert merged.accepted == []
    assert merged.rejected[0]["code"].startswith("proposal_span")
    assert merged.diagnostics[0].code == merged.rejected[0]["code"]


def test_a_proposals_document_that_does_not_read_raises() -> None:
    plan = stratagraph.parse_delivery_plan("Priority 1: Safe care.").strategy
    with pytest.raises(stratagraph.JsonError) as info:
        stratagraph.merge_proposals("Priority 1: Safe care.", plan, "{")
    assert info.value.code == "json"
    with pytest.raises(stratagraph.FormatError):
        stratagraph.merge_proposals("x", plan, '{"format": "stratagraph", "version": 1}')
    with pytest.raises(stratagraph.VersionError):
        stratagraph.merge_proposals("x", plan, '{"format": "stratagraph-proposals", "version": 9}')
