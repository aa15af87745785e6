"""Core's serde output as Python objects: the calls that build dicts and lists.

Times what the binding's serde-to-Python conversion does (``to_py`` with
pythonize; before, the hand-written ``pyser.rs``), on the seed plan (the bundled
Scottish plan, priority 10) and on a generated one (``generate_plan``, the M
preset: 50,000 actions):

- ``Strategy.nodes()`` and ``Strategy.edges()``: one dict per node or edge;
- ``Table.to_pylist()``: one dict per row (partner load, node contexts, actions table);
- ``Table.to_pydict()``: the same rows column by column.

Each table is computed once, before the clock starts: only the conversion is
timed. Figures are the best of ``--repeat`` wall-clock runs, with the median
beside it. Each call's result is also digested (SHA-256 of its ``repr``), so that
two builds can be shown to give the same objects.

    python bindings-python/benchmarks/bench_convert.py             # seed plan and M
    python bindings-python/benchmarks/bench_convert.py --quick     # seed plan and S, seconds
    python bindings-python/benchmarks/bench_convert.py --json out.json   # the figures, to compare

BENCHMARKS.md ("Python: serde output as objects") has the figures and the
comparison with pyser.rs.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import statistics
import time
from pathlib import Path
from typing import Callable

import stratagraph

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"


def timed(fn: Callable[[], object], repeat: int) -> tuple[object, float, float]:
    """The first result, and the best and median wall-clock seconds of ``repeat`` runs."""
    times = []
    first = None
    for i in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
        if i == 0:
            first = result
        del result
    return first, min(times), statistics.median(times)


def calls(plan: stratagraph.Strategy) -> list[tuple[str, Callable[[], object]]]:
    """The conversions timed, by name; the tables are computed here, not timed."""
    out: list[tuple[str, Callable[[], object]]] = [
        ("nodes()", plan.nodes),
        ("edges()", plan.edges),
    ]
    for name in ("partner_load", "node_contexts", "actions_table"):
        table = getattr(plan, name)()
        out.append((f"{name}().to_pylist()", table.to_pylist))
        out.append((f"{name}().to_pydict()", table.to_pydict))
    return out


def run(label: str, plan: stratagraph.Strategy, repeat: int) -> dict[str, dict[str, object]]:
    print(f"{label}: {len(plan):,} nodes, {plan.edge_count:,} edges")
    figures: dict[str, dict[str, object]] = {}
    for name, fn in calls(plan):
        result, best, median = timed(fn, repeat)
        digest = hashlib.sha256(repr(result).encode()).hexdigest()[:12]
        print(f"  {name:<34} {best * 1000:9.2f} ms  (median {median * 1000:.2f} ms)  {digest}")
        figures[name] = {"best_ms": best * 1000, "median_ms": median * 1000, "digest": digest}
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="the S preset, 3 runs (CI)")
    parser.add_argument("--repeat", type=int, default=None, help="runs per call (default 15)")
    parser.add_argument("--json", type=Path, default=None, help="write the figures here")
    args = parser.parse_args()
    repeat = args.repeat or (3 if args.quick else 15)
    size = "S" if args.quick else "M"

    seed = stratagraph.parse_delivery_plan(SEED.read_text(encoding="utf-8")).strategy
    generated = stratagraph.generate_plan(size, seed=7)
    figures = {
        "seed plan": run("seed plan (Scotland, priority 10)", seed, max(repeat, 50)),
        f"generated {size}": run(f"generated plan ({size} preset, seed 7)", generated, repeat),
    }
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
