"""The stubs match the native module (mypy.stubtest) and type-check real use (mypy --strict)."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import stratagraph
import stratagraph._stratagraph as native

STUB = Path(native.__file__).with_name("_stratagraph.pyi")


def run_mypy(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def test_package_ships_stubs_and_py_typed() -> None:
    assert STUB.is_file()
    assert STUB.with_name("py.typed").is_file()


def test_stubtest(tmp_path: Path) -> None:
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\n", encoding="utf-8")
    # the native module against its stub (the pure-Python modules are their own stubs)
    command = ["mypy.stubtest", "stratagraph._stratagraph", "--mypy-config-file", str(config)]
    done = run_mypy(command, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_runtime_name_is_in_the_stub() -> None:
    """stubtest skips objects whose __module__ is the public package; check those too."""
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    stubbed = set()
    for node in tree.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            stubbed.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            stubbed.add(node.target.id)
    public = {name for name in dir(native) if not name.startswith("_")} | {"__version__"}
    assert public - stubbed == set()
    assert set(native.__all__) - stubbed == set()
    assert sorted(native.__all__) == sorted(stratagraph.__all__)


def test_package_checks_under_mypy_strict(tmp_path: Path) -> None:
    done = run_mypy(["mypy", "--strict", "--no-incremental", "-p", "stratagraph"], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr


def test_no_public_any() -> None:
    assert "Any" not in STUB.read_text(encoding="utf-8")


def test_typed_use_checks_under_mypy_strict(tmp_path: Path) -> None:
    (tmp_path / "use.py").write_text(
        textwrap.dedent(
            """
            import stratagraph

            s = stratagraph.Strategy.from_json("{}")
            n: int = len(s) + s.edge_count + s.node_count
            text: str = s.to_json()
            codes: list[str] = [d.code for d in s.validate()]
            lines: list[int | None] = [d.line for d in stratagraph.validate_json(text)]
            ok: bool = "action:1" in s
            ids: list[str] = list(s)
            out: str = stratagraph.diagnostics_to_json(s.validate())
            try:
                s.node("x")
            except stratagraph.UnknownNodeError as e:
                code: str = e.code
            except stratagraph.JsonError as e:
                where: int = e.line + e.column
            reveal_type(s.nodes())
            """
        ),
        encoding="utf-8",
    )
    done = run_mypy(["mypy", "--strict", "--no-incremental", "use.py"], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert 'Revealed type is "list[dict[str, bool | int | float | str' in done.stdout
