"""Build the Python API reference with pdoc, from the installed package, warnings as errors.

    python docs/api/python_api.py OUT_DIR

Run it with the interpreter of the environment the wheel is installed in (scripts/docs.sh uses
.cache/venv-wheel): the reference documents the ``stratagraph`` that users import.

pdoc reads the docstrings at run time (for the native module, the Rust doc comments PyO3 turns
into ``__doc__``) and takes the signatures of a compiled module from its ``.pyi`` stub. It looks
for the stub of the module it documents, ``stratagraph/__init__.pyi``; the package has none: its
public names are the native module's, re-exported from ``stratagraph._stratagraph``, whose stub
(``_stratagraph.pyi``, checked by mypy.stubtest) declares them and their ``__all__``. So pdoc is
pointed at that stub for the package, and the build fails unless every function and method of
the reference then has the stub's annotations.

pdoc imports the stub as Python. A stub need not run (it names classes inside their own body and
has a recursive alias), so pdoc is given a copy that runs: ``from __future__ import annotations``
first (annotations stay text until pdoc resolves them in the stub's namespace) and each
``X: TypeAlias = ...`` value quoted. The stub itself is unchanged.

Every warning pdoc gives (an unresolvable name in ``__all__``, a stub that disagrees with the
module, a broken cross-reference) is an error here.
"""

from __future__ import annotations

import ast
import sys
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path

import pdoc
import pdoc.doc
import pdoc.doc_pyi
import pdoc.render
import stratagraph

PACKAGE = "stratagraph"
STUB = Path(stratagraph.__file__).with_name("_stratagraph.pyi")


def runnable_stub(source: str) -> tuple[str, dict[str, list[str]]]:
    """The stub as Python that runs, and the signatures of its overloaded functions by qualname.

    Annotations are deferred and type alias values quoted. Of an overloaded function, pdoc would
    show ``(*args, **kwds)`` (``typing.overload``'s placeholder): the copy keeps the last
    overload as a plain function (the signature shown) and the others are listed in its docs.
    """
    tree = ast.parse(source)
    overloads: dict[str, list[str]] = {}

    def rewrite(body: list[ast.stmt], prefix: str) -> list[ast.stmt]:
        kept: list[ast.stmt] = []
        for node in body:
            if isinstance(node, ast.AnnAssign) and node.value is not None:
                if ast.unparse(node.annotation) in ("TypeAlias", "typing.TypeAlias"):
                    node.value = ast.Constant(ast.unparse(node.value))
            elif isinstance(node, ast.ClassDef):
                node.body = rewrite(node.body, f"{prefix}{node.name}.")
            elif isinstance(node, ast.FunctionDef) and _is_overload(node):
                node.decorator_list = [d for d in node.decorator_list if not _is_overload(d)]
                name = node.name
                overloads.setdefault(prefix + name, []).append(_signature(node))
                # the last overload of a name is the one kept
                kept = [k for k in kept if not (isinstance(k, ast.FunctionDef) and k.name == name)]
            kept.append(node)
        return kept

    tree.body = rewrite(tree.body, "")
    code = "from __future__ import annotations\n" + ast.unparse(tree) + "\n"
    return code, overloads


def _is_overload(node: ast.AST) -> bool:
    """A function decorated ``@overload``, or that decorator itself."""
    if isinstance(node, ast.FunctionDef):
        return any(_is_overload(d) for d in node.decorator_list)
    return ast.unparse(node) in ("overload", "typing.overload")


def _signature(node: ast.FunctionDef) -> str:
    """``name(args) -> returns``, as the stub writes it."""
    returns = f" -> {ast.unparse(node.returns)}" if node.returns else ""
    return f"{node.name}({ast.unparse(node.args)}){returns}"


def stub_finder(runnable: Path) -> Callable[[str], Path | None]:
    """pdoc's stub lookup (``find_stub_file``), with ``runnable`` for the package."""
    find = pdoc.doc_pyi.find_stub_file

    def find_stub_file(module_name: str) -> Path | None:
        return runnable if module_name == PACKAGE else find(module_name)

    return find_stub_file


def functions(namespace: pdoc.doc.Namespace) -> list[pdoc.doc.Function]:
    """Every public function and method, classes' included (not dunders, not private ones)."""
    found: list[pdoc.doc.Function] = []
    for member in namespace.own_members:
        if member.name.startswith("_"):
            continue
        if isinstance(member, pdoc.doc.Function):
            found.append(member)
        elif isinstance(member, pdoc.doc.Class):
            found += functions(member)
    return found


def unannotated(module: pdoc.doc.Module) -> list[str]:
    """The functions and methods whose signature has no annotation at all (no stub reached)."""
    missing = []
    for function in functions(module):
        sig = function.signature
        annotated = sig.return_annotation is not sig.empty or any(
            p.annotation is not p.empty for p in sig.parameters.values()
        )
        if not annotated:
            missing.append(function.fullname)
    return missing


def main(out: Path) -> int:
    if not STUB.is_file():
        print(f"python_api.py: no stub at {STUB}", file=sys.stderr)
        return 1
    pdoc.render.configure(
        docformat="restructuredtext",
        footer_text=f"stratagraph {stratagraph.__version__}",
        search=True,
        show_source=False,
    )
    code, overloads = runnable_stub(STUB.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="stratagraph-pdoc-") as scratch:
        runnable = Path(scratch) / "_stratagraph.pyi"
        runnable.write_text(code, encoding="utf-8")
        pdoc.doc_pyi.find_stub_file = stub_finder(runnable)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            module = pdoc.doc.Module(stratagraph)
            missing = unannotated(module)
            listed = list_overloads(module, overloads)
            write(module, out)
    problems = [f"warning: {w.message}" for w in caught]
    problems += [f"no type information from the stub: {name}" for name in missing]
    problems += [f"{name}: overloads not in the reference" for name in overloads.keys() - listed]
    for problem in problems:
        print(f"python_api.py: {problem}", file=sys.stderr)
    if problems:
        return 1
    names = {f.qualname for f in functions(module)}
    print(f"python API reference: {out / 'index.html'} ({len(names)} functions and methods)")
    return 0


def list_overloads(module: pdoc.doc.Module, overloads: dict[str, list[str]]) -> set[str]:
    """Add the stub's overloads to the docs of their function; the qualnames found."""
    listed = set()
    for function in functions(module):
        signatures = overloads.get(function.qualname)
        if signatures:
            block = "\n".join(f"    {s}" for s in signatures)
            function.docstring += f"\n\nOverloads:\n\n.. code-block:: python\n\n{block}\n"
            listed.add(function.qualname)
    return listed


def write(module: pdoc.doc.Module, out: Path) -> None:
    """What ``pdoc.pdoc(PACKAGE, output_directory=out)`` writes, from this module's docs."""
    out.mkdir(parents=True, exist_ok=True)
    all_modules = {module.fullname: module}
    (out / f"{module.fullname}.html").write_text(
        pdoc.render.html_module(module, all_modules), encoding="utf-8"
    )
    (out / "index.html").write_text(pdoc.render.html_index(all_modules), encoding="utf-8")
    (out / "search.js").write_text(pdoc.render.search_index(all_modules), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(Path(sys.argv[1])))
