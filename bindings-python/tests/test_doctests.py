"""The docstrings of the installed package (native module included) run as doctests."""

from __future__ import annotations

import copy
import doctest
import importlib
import pkgutil

import pytest

import stratagraph


def collect() -> list[doctest.DocTest]:
    finder = doctest.DocTestFinder(exclude_empty=True)
    seen: dict[str, doctest.DocTest] = {}
    modules = [stratagraph] + [
        importlib.import_module(f"stratagraph.{m.name}")
        for m in pkgutil.iter_modules(stratagraph.__path__)
    ]
    for module in modules:
        # module=False: also look into classes and functions the native module
        # defines with __module__ == "stratagraph"
        for test in finder.find(
            module, module.__name__, module=False, globs={"stratagraph": stratagraph}
        ):
            if test.examples:
                seen.setdefault(
                    test.name.replace("stratagraph._stratagraph.", "stratagraph."), test
                )
    return sorted(seen.values(), key=lambda t: t.name)


TESTS = collect()


def test_public_api_is_documented() -> None:
    documented = {t.name for t in TESTS}
    for name in [
        "Strategy",
        "Strategy.from_json",
        "Strategy.to_json",
        "Strategy.validate",
        "validate_json",
    ]:
        assert f"stratagraph.{name}" in documented


@pytest.mark.parametrize("test", TESTS, ids=lambda t: t.name)
def test_docstring(test: doctest.DocTest) -> None:
    # the tests of one module share one globs dict: give each run its own
    test = copy.copy(test)
    test.globs = {"stratagraph": stratagraph}
    report: list[str] = []
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    result = runner.run(test, out=report.append)
    assert result.failed == 0, "".join(report)
