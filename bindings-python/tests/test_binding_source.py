"""The binding's Rust source never unwraps, expects or panics (a panic must not reach Python)."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

SRC = ROOT / "bindings-python" / "src"
FORBIDDEN = re.compile(r"\.unwrap\(\)|\.expect\(|\bpanic!|\bunreachable!|\btodo!|\bunimplemented!")


def test_no_unwrap_expect_or_panic() -> None:
    if not SRC.is_dir():
        pytest.skip("not run from a source checkout")
    offenders = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for path in sorted(SRC.rglob("*.rs"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if FORBIDDEN.search(line) and not line.lstrip().startswith("//")
    ]
    assert offenders == []
