"""DataFrames and parsing from Python against their floors, on a generated plan.

1. ``Strategy.actions_df()`` (core's actions table column by column, one call
   across the boundary, dtypes from the column types) against
   ``pandas.DataFrame`` built from the same table as a ready dict of Python
   lists: plain, and then ``.astype`` to the same dtypes (the same DataFrame).
   Target: at most 2x. The part before pandas (core's columns turned into
   Python objects) and core's row-by-row ``actions_table()`` are shown too.
2. ``stratagraph.parse_delivery_plan(text)`` from Python against core's parser
   on the same text, timed inside a Rust process by the example
   ``core/examples/parse_timing.rs`` (no process start-up in the figure).
   Target: at most 1.2x.

Plans come from ``stratagraph.generate_plan`` / ``generate_delivery_plan_text``
(seeded), from the L preset with ``actions`` actions and the presets' proportions:
one priority per 50 actions (eight strategic actions each, so about six actions
per strategic action, as in both the M and the L preset). The actions table is
also timed on the L preset's own structure with only ``actions`` actions (20,000
priorities and 160,000 strategic actions, most of them empty), the plan the
earlier figures used; the target is checked on the first. Figures are the best
of ``--repeat`` wall-clock runs (the machines are shared; the best run is the
steadiest figure), with the median beside it.

    python bindings-python/benchmarks/bench_frames.py            # 100,000 actions
    python bindings-python/benchmarks/bench_frames.py --quick    # CI: 5,000 actions, seconds

``--quick`` checks that the script still works; its ratios mean little. The
Rust side needs ``cargo`` (it builds the example in release mode); without it,
or with ``--no-rust``, the parse ratio is left out.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, TypeVar

import pandas as pd

import stratagraph

ROOT = Path(__file__).resolve().parents[2]
T = TypeVar("T")


def timed(fn: Callable[[], T], repeat: int) -> tuple[T, float, float]:
    """The last result, and the best and median wall-clock seconds of ``repeat`` runs."""
    times = []
    results: list[T] = []
    for _ in range(repeat):
        results.clear()  # free the last result before the clock starts, as Rust does
        gc.collect()
        start = time.perf_counter()
        results.append(fn())
        times.append(time.perf_counter() - start)
    return results[0], min(times), statistics.median(times)


def line(name: str, best: float, median: float) -> None:
    print(f"  {name:<58} {best * 1000:9.1f} ms  (median {median * 1000:.1f} ms)")


def ratio(name: str, slow: float, fast: float, target: float) -> bool:
    value = slow / fast if fast > 0 else float("inf")
    ok = value <= target
    print(f"  {name:<58} {value:9.2f}x  (target <= {target}x: {'met' if ok else 'NOT met'})")
    return ok


def rust_parse(path: Path, repeat: int) -> dict[str, float] | None:
    """Best and median seconds of core's parser on ``path``, timed in Rust."""
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    cmd = [
        "cargo",
        "build",
        "--quiet",
        "--release",
        "-p",
        "stratagraph",
        "--example",
        "parse_timing",
    ]
    try:
        subprocess.run(cmd, cwd=ROOT, check=True)
    except (OSError, subprocess.CalledProcessError) as e:
        print(f"  (cannot build core/examples/parse_timing.rs: {e})")
        return None
    exe = target / "release" / "examples" / "parse_timing"
    out = subprocess.run(
        [str(exe), str(path), str(repeat)], check=True, capture_output=True, text=True
    )
    figures: dict[str, float] = json.loads(out.stdout)
    return figures


def frames(plan: stratagraph.Strategy, repeat: int) -> bool:
    """Time ``plan.actions_df()`` against the same DataFrame from a ready dict of
    lists; whether it is within 2x."""
    df, best, median = timed(plan.actions_df, repeat)
    line("Strategy.actions_df()", best, median)
    print(f"  ({len(df):,} rows, {len(df.columns)} columns)")
    ready = {c: df[c].tolist() for c in df.columns}
    dtypes = df.dtypes.to_dict()
    _, b_plain, m_plain = timed(lambda: pd.DataFrame(ready), repeat)
    line("pandas.DataFrame(ready dict of lists)", b_plain, m_plain)
    same, b_same, m_same = timed(lambda: pd.DataFrame(ready).astype(dtypes), repeat)
    line("pandas.DataFrame(ready dict of lists).astype(same dtypes)", b_same, m_same)
    assert same.dtypes.to_dict() == dtypes
    _, b_cols, m_cols = timed(plan._actions_columns, repeat)
    line("  of which core's columns as Python objects", b_cols, m_cols)
    _, b_rows, m_rows = timed(plan.actions_table, repeat)
    line("core's actions_table() row by row (no Python objects)", b_rows, m_rows)
    ok = ratio("actions_df / DataFrame(dict).astype(dtypes)", best, b_same, 2.0)
    ratio("actions_df / DataFrame(dict) (object and str columns)", best, b_plain, 2.0)
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--quick", action="store_true", help="5,000 actions, one run: CI's smoke test")
    ap.add_argument("--actions", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--no-rust", action="store_true", help="leave out the Rust parse timing")
    args = ap.parse_args()
    actions = 5_000 if args.quick else args.actions
    repeat = 1 if args.quick else args.repeat
    print(
        f"stratagraph {stratagraph.__version__}, pandas {pd.__version__},",
        f"Python {sys.version.split()[0]}",
    )
    print(f"generated plan: {actions:,} actions, seed {args.seed}, best of {repeat}")
    met = True

    # 1. actions_df vs a DataFrame from a ready dict of lists, on the plan in the
    # presets' proportions (the target) and on the L preset's structure with only
    # these actions (most of its 160,000 strategic actions then hold none).
    size = "S" if args.quick else "L"
    shapes = {"presets' proportions": {"priorities": max(1, actions // 50)}}
    if not args.quick:
        shapes["L's structure, most strategic actions empty"] = {}
    for k, (shape, fields) in enumerate(shapes.items()):
        plan = stratagraph.generate_plan(size, actions=actions, seed=args.seed, **fields)
        print(f"actions table: {shape} ({len(plan):,} nodes)")
        ok = frames(plan, repeat)
        if k == 0:
            met &= ok
        del plan

    # 2. parse from Python vs the Rust parser on the same text.
    print("parse delivery-plan text")
    fields = shapes["presets' proportions"]
    text = stratagraph.generate_delivery_plan_text(size, actions=actions, seed=args.seed, **fields)
    result, best, median = timed(lambda: stratagraph.parse_delivery_plan(text), repeat)
    line(f"parse_delivery_plan from Python ({len(text.encode()) / 1e6:.1f} MB)", best, median)
    print(f"  ({len(result.strategy):,} nodes, {len(result.diagnostics):,} diagnostics)")
    del result
    if not args.no_rust:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "plan.txt"
            path.write_text(text, encoding="utf-8")
            rust = rust_parse(path, repeat)
        if rust is not None:
            line(
                "core parse_delivery_plan in Rust (parse_timing example)",
                rust["best"],
                rust["median"],
            )
            met &= ratio("Python parse / Rust parse", best, rust["best"], 1.2)
    print("all targets met" if met else "some targets NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
