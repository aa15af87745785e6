"""Arguments a caller could pass by mistake or on purpose: none crosses the binding as a
PanicException or kills the interpreter (issue 18).

A sequence whose ``__len__`` lies used to size a Rust ``Vec`` before a single item was read
(``capacity overflow``, or an allocation of 10**18 items that aborts the process); the binding
now reads items one at a time. Generator options far out of range are clamped in core.
"""

from __future__ import annotations

import re
import threading
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Any, Callable

import pytest

import stratagraph
from stratagraph import Diagnostic, Strategy

ROOT = Path(__file__).resolve().parents[2]
D = Diagnostic("idle_partner", "warning", "partner leads nothing")


class Huge(list):  # type: ignore[type-arg]
    """A list whose ``__len__`` says 2**62."""

    def __len__(self) -> int:
        return 2**62


class Raising:
    """A sequence of 10**18 items whose every ``__getitem__`` raises."""

    def __len__(self) -> int:
        return 10**18

    def __getitem__(self, i: int) -> Any:
        raise ValueError("no item here")


@pytest.fixture(scope="module")
def plan() -> Strategy:
    return stratagraph.generate_plan(
        "S", actions=30, priorities=2, strategic_actions_per_priority=3
    )


@pytest.fixture(scope="module")
def reports(plan: Strategy) -> list[stratagraph.ProgressReport]:
    return stratagraph.generate_progress_reports(
        plan, "S", actions=30, priorities=2, strategic_actions_per_priority=3
    )


def calls(plan: Strategy) -> dict[str, Callable[[Any], object]]:
    return {
        "diagnostics_to_json": stratagraph.diagnostics_to_json,
        "text_report": plan.text_report,
        "progress_series": plan.progress_series,
        "stale_statuses": lambda seq: plan.stale_statuses(seq, 2),
        "Diagnostic.ids": lambda seq: Diagnostic("x", "info", "m", seq),
    }


@pytest.mark.parametrize(
    "name",
    ["diagnostics_to_json", "text_report", "progress_series", "stale_statuses", "Diagnostic.ids"],
)
def test_a_lying_length_is_not_trusted(plan: Strategy, reports: list[Any], name: str) -> None:
    call = calls(plan)[name]
    # The items are read, not the length: a list that says 2**62 works as the list it is.
    item: object = {"progress_series": reports[0], "stale_statuses": reports[0]}.get(name, D)
    if name == "Diagnostic.ids":
        item = "action:1.1.1"
    call(Huge([item]))
    # 10**18 items, each raising: the caller's own exception, nothing else.
    with pytest.raises(ValueError, match="no item here"):
        call(Raising())
    # Items of the wrong type, a str, a non-iterable: TypeError.
    for wrong in [Huge([42]), "abc", b"abc", 42]:
        with pytest.raises(TypeError):
            call(wrong)


def test_ids_are_kept_in_order() -> None:
    assert Diagnostic("x", "info", "m", Huge(["a", "b"])).ids == ["a", "b"]
    assert Diagnostic("x", "info", "m", ("a",)).ids == ["a"]
    assert Diagnostic("x", "info", "m").ids == []


def test_generator_options_far_out_of_range_are_clamped() -> None:
    big = stratagraph.generate_plan("S", priorities=10**9, actions=10)
    assert len(big.nodes("priority")) == 20_000
    assert len(big.nodes("action")) == 10
    # every other field, at its extreme, gives a plan (clamped in core), never an abort
    extremes: dict[str, Any] = {
        "strategic_actions_per_priority": 2**32 - 1,
        "partners": 2**32 - 1,
        "outcomes": 2**32 - 1,
        "challenges": 2**32 - 1,
        "alliance_every": 2**32 - 1,
        "max_key_partners": 2**32 - 1,
        "years": 2**32 - 1,
        "reports": 2**32 - 1,
        "first_year": 2**31 - 1,
        "joint_lead_share": 1e300,
        "deadline_share": -1e300,
        "action_outcome_share": -5.0,
        "lead_skew": 1e300,
        "partner_skew": -1e300,
    }
    for name, value in extremes.items():
        plan = stratagraph.generate_plan("S", actions=20, priorities=2, **{name: value})
        assert len(plan.nodes("action")) == 20, name
    # beyond the field's type, or not a number JSON has: refused by name, a TypeError
    for name, value in [("priorities", 2**40), ("partners", -1), ("lead_skew", float("nan"))]:
        with pytest.raises(TypeError, match=f"^{name}: "):
            stratagraph.generate_plan("S", **{name: value})
    reports = stratagraph.generate_progress_reports(
        stratagraph.generate_plan("S", actions=20, priorities=2),
        "S",
        actions=20,
        priorities=2,
        reports=10**9,
    )
    assert len(reports) == 100


def core_error_codes() -> list[str]:
    source = (ROOT / "core/src/error.rs").read_text(encoding="utf-8")
    block = re.search(r"pub const CODES: &'static \[&'static str\] = &\[(.*?)\];", source, re.S)
    assert block, "Error::CODES not found in core/src/error.rs"
    return re.findall(r'"([a-z_]+)"', block.group(1))


def test_every_core_error_code_has_its_own_class() -> None:
    codes = core_error_codes()
    assert {"too_large", "encoding", "binary"} <= set(codes)
    classes = {
        getattr(stratagraph, name).code: name
        for name in stratagraph.__all__
        if isinstance(getattr(stratagraph, name), type)
        and issubclass(getattr(stratagraph, name), stratagraph.StratagraphError)
        and getattr(stratagraph, name) is not stratagraph.StratagraphError
    }
    assert [c for c in codes if c not in classes] == []


def xlsx_with(sheet: str, shared: str | None = None) -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/></Types>',
        )
        z.writestr(
            "xl/workbook.xml",
            '<?xml version="1.0"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="nodes" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>',
        )
        z.writestr(
            "xl/worksheets/sheet1.xml",
            '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f"{sheet}</worksheet>",
        )
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", shared)
    return out.getvalue()


def test_a_hostile_xlsx_is_too_large_not_an_abort() -> None:
    far = xlsx_with(
        '<dimension ref="A1:XFD1048576"/><sheetData><row r="1048576">'
        '<c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    )
    with pytest.raises(stratagraph.TooLargeError) as info:
        Strategy.from_format(far, "xlsx")
    assert info.value.code == "too_large"
    assert info.value.found > info.value.limit > 0


def test_bytes_go_through_the_decoder() -> None:
    doc = (
        '{"format": "stratagraph", "version": 1, "nodes": [{"id": "outcome:1", "kind": "outcome"}]}'
    )
    plain = Strategy.from_json(doc)
    for encoded in [
        doc.encode(),
        b"\xef\xbb\xbf" + doc.encode(),
        b"\xff\xfe" + doc.encode("utf-16-le"),
    ]:
        assert Strategy.from_format(encoded, "json") == plain
        assert stratagraph.validate_json(encoded) == stratagraph.validate_json(doc)
        assert stratagraph.parse_document(encoded).strategy == plain
    with pytest.raises(stratagraph.EncodingError) as bad:
        Strategy.from_format(b'{"format":\n "strat\xffagraph"}', "json")
    assert (bad.value.code, bad.value.line, bad.value.column) == ("encoding", 2, 8)
    with pytest.raises(stratagraph.BinaryFileError) as binary:
        stratagraph.parse_delivery_plan(b"Priority 1\x00\x01")
    assert (binary.value.code, binary.value.offset) == ("binary", 10)
    text = "Priority 1\nPeople get help early.\n"
    assert stratagraph.parse_delivery_plan(
        text.encode("utf-16")
    ) == stratagraph.parse_delivery_plan(text)
    assert stratagraph.detect_document_kind(b"\xef\xbb\xbf{}") == "json"
    with pytest.raises(TypeError):
        stratagraph.parse_strategy(42)  # type: ignore[arg-type]


def test_threads_run_analyses_on_one_strategy(plan: Strategy, reports: list[Any]) -> None:
    """Many threads, each calling a different analysis on the one strategy, get what one
    thread gets; a failing call in one thread does not disturb the others."""
    work: list[Callable[[], object]] = [
        lambda: plan.validate(),
        lambda: plan.text_report(),
        lambda: plan.progress_series(reports).to_pylist(),
        lambda: plan.stale_statuses(reports, 2).to_pylist(),
        lambda: plan.to_format("csv"),
        lambda: plan.to_format("graphml"),
    ]
    expected = [w() for w in work]
    failures: list[str] = []
    mismatches: list[int] = []

    def run(k: int) -> None:
        for i in range(12):
            j = (k + i) % len(work)
            if work[j]() != expected[j]:
                mismatches.append(j)
            try:
                plan.node("no:such")
            except KeyError:
                pass
            except BaseException as e:
                failures.append(repr(e))

    threads = [threading.Thread(target=run, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert (mismatches, failures) == ([], [])
