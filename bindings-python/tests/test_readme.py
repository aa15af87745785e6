"""Every ```python block of the READMEs and of the user guide runs: in order, in one namespace,
from the repo root."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT

BLOCK = re.compile(r"^```python[ \t]*\n(.*?)^```", re.DOTALL | re.MULTILINE)
READMES = [ROOT / "README.md", ROOT / "bindings-python" / "README.md", ROOT / "docs" / "guide.md"]


def python_blocks(path: Path) -> list[str]:
    return BLOCK.findall(path.read_text(encoding="utf-8")) if path.exists() else []


@pytest.mark.parametrize("readme", READMES, ids=lambda p: str(p.relative_to(ROOT)))
def test_readme_python_blocks_run(readme: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = python_blocks(readme)
    if not blocks:
        pytest.skip(f"{readme.relative_to(ROOT)} has no ```python block yet")
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": "__readme__"}
    for i, block in enumerate(blocks, 1):
        code = compile(block, f"{readme.name} python block {i}", "exec")
        exec(code, namespace)


def test_the_main_readme_has_a_python_example() -> None:
    blocks = python_blocks(ROOT / "README.md")
    if not blocks:
        pytest.skip("README.md has no ```python block yet (the integrator writes it)")
    assert any("stratagraph" in b for b in blocks)
