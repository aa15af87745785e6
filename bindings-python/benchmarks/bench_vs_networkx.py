"""stratagraph from Python, side by side with networkx and rustworkx.

On a generated plan (``cargo run --release -p stratagraph --example scale``
writes ``bench-data/{S,M,L}-42.json`` and ``.txt``), in one run:

1. load the canonical JSON and build the partner network (partners linked when
   they share an action, weighted by how many): stratagraph
   (``Strategy.from_json`` + ``partner_links``) vs ``json.loads`` + a networkx
   ``Graph`` vs ``json.loads`` + a rustworkx ``PyGraph`` built from the same file;
2. betweenness centrality (hops, normalised) on that network: networkx,
   rustworkx (one thread, and its default parallel run), and stratagraph's
   Rust implementation on the same graph (the Python binding has no
   betweenness-only call yet, so ``Strategy.partner_centrality()``, which computes
   every measure, is timed too, against the same measures in networkx);
3. ``Strategy.actions_df()`` vs ``pandas.DataFrame`` from a ready dict of lists,
   when the binding has ``actions_df``;
4. ``parse_delivery_plan`` from Python vs the Rust parser on the same text.

Times are CPU seconds of this process (``time.process_time``; the machines we
run on are shared, and CPU time is the steadier figure) with wall-clock seconds
beside them. Every ratio is "how many times faster stratagraph is".

    .venv-bench/bin/python bindings-python/benchmarks/bench_vs_networkx.py --quick
    .venv-bench/bin/python bindings-python/benchmarks/bench_vs_networkx.py --size M
    .venv-bench/bin/python bindings-python/benchmarks/bench_vs_networkx.py --size L \
        --nx-sources 20 --skip-rx-betweenness

``--quick`` (size S, one repetition) is what CI runs: it checks the script
still works in seconds; its figures mean little.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib.util
import itertools
import json
import os
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable, TypeVar

ROOT = Path(__file__).resolve().parents[2]
T = TypeVar("T")


def timed(fn: Callable[[], T], repeat: int = 1) -> tuple[T, float, float]:
    """Run ``fn`` ``repeat`` times; its result and the best CPU and wall times."""
    best_cpu = best_wall = float("inf")
    result: Any = None
    for _ in range(repeat):
        gc.collect()
        c0, w0 = time.process_time(), time.perf_counter()
        result = fn()
        c1, w1 = time.process_time(), time.perf_counter()
        best_cpu, best_wall = min(best_cpu, c1 - c0), min(best_wall, w1 - w0)
    return result, best_cpu, best_wall


ROWS: list[tuple[str, str, float, float]] = []


def report(group: str, name: str, cpu: float, wall: float) -> None:
    ROWS.append((group, name, cpu, wall))
    print(f"{group:<30} {name:<46} {cpu * 1000:>11.3f} ms cpu {wall * 1000:>11.3f} ms wall")
    sys.stdout.flush()


def ratio(label: str, slow: float, fast: float) -> None:
    value = slow / fast if fast > 0 else float("nan")
    print(f"  -> {label}: {value:.1f}x")
    ROWS.append(("ratio", label, value, 0.0))


def cargo_target() -> Path:
    return Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))


def scale_binary() -> Path | None:
    """The release build of core/examples/scale.rs, if there is one."""
    exe = cargo_target() / "release" / "examples" / "scale"
    return exe if exe.exists() else None


def ensure_data(size: str, seed: int) -> tuple[Path, Path]:
    """The generated JSON and text of a size, generated if missing."""
    data = ROOT / "bench-data"
    json_path, text_path = data / f"{size}-{seed}.json", data / f"{size}-{seed}.txt"
    if not (json_path.exists() and text_path.exists()):
        cmd = [
            "cargo",
            "run",
            "--release",
            "-q",
            "-p",
            "stratagraph",
            "--example",
            "scale",
            "--",
            size,
            "--seed",
            str(seed),
            "--generate-only",
        ]
        print("generating:", " ".join(cmd))
        subprocess.run(cmd, cwd=ROOT, check=True)
    return json_path, text_path


def rust_figures(mode: str, path: Path) -> dict[str, float]:
    """Figures (ms) the Rust scale example prints for ``--network`` or ``--child-parse``.

    Each is CPU time for steps of at least 0.2 s, else wall-clock time.
    """
    exe = scale_binary()
    if exe is None:
        return {}
    out = subprocess.run([str(exe), mode, str(path)], check=True, capture_output=True, text=True)
    figures: dict[str, float] = {}
    for line in out.stdout.splitlines():
        parts = line.split("\t")
        if len(parts) == 3:
            with contextlib.suppress(ValueError):
                figures[parts[0]] = float(parts[1])
    return figures


# -- networkx and rustworkx, from the same canonical JSON ---------------------

ROLES = ("led_by", "key_partner")


def partner_pairs(doc: dict[str, Any]) -> tuple[list[str], dict[tuple[str, str], int]]:
    """Partners in file order and, for each pair sharing actions, how many.

    The same rule as stratagraph's ``partner_network``: partners are linked when
    both lead or partner the same action (each pair once per action).
    """
    partners = [n["id"] for n in doc["nodes"] if n["kind"] == "partner"]
    position = {p: i for i, p in enumerate(partners)}
    by_action: dict[str, set[str]] = defaultdict(set)
    for e in doc["edges"]:
        if e["kind"] in ROLES:
            by_action[e["source"]].add(e["target"])
    weights: dict[tuple[str, str], int] = defaultdict(int)
    for ps in by_action.values():
        for a, b in itertools.combinations(sorted(ps, key=position.__getitem__), 2):
            weights[(a, b)] += 1
    return partners, weights


def networkx_network(text: str) -> Any:
    import networkx as nx

    partners, weights = partner_pairs(json.loads(text))
    g = nx.Graph()
    g.add_nodes_from(partners)
    g.add_edges_from((a, b, {"weight": w, "distance": 1.0 / w}) for (a, b), w in weights.items())
    return g


def rustworkx_network(text: str) -> tuple[Any, list[str]]:
    import rustworkx as rx

    partners, weights = partner_pairs(json.loads(text))
    g = rx.PyGraph()
    index = dict(zip(partners, g.add_nodes_from(partners)))
    g.add_edges_from([(index[a], index[b], w) for (a, b), w in weights.items()])
    return g, partners


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", default="M", choices=["S", "M", "L"])
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--quick", action="store_true", help="size S, one repetition (CI)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument(
        "--nx-sources",
        type=int,
        default=0,
        help="time networkx betweenness on this many sample sources and "
        "extrapolate to all (0: exact; use on L)",
    )
    ap.add_argument(
        "--skip-rx-betweenness",
        action="store_true",
        help="leave out rustworkx's betweenness (on L it takes many minutes; M shows the ratio)",
    )
    args = ap.parse_args()
    if args.quick:
        args.size, args.repeat = "S", 1

    import networkx as nx
    import pandas as pd

    import stratagraph

    try:
        import rustworkx as rx
    except ImportError:  # the quick run may use a venv without it
        rx = None

    json_path, text_path = ensure_data(args.size, args.seed)
    text = json_path.read_text(encoding="utf-8")
    print(
        f"# {args.size}: {json_path.name}, {len(text) / 1e6:.1f} MB; "
        f"stratagraph {stratagraph.__version__}, networkx {nx.__version__}, "
        f"rustworkx {rx.__version__ if rx else 'missing'}, pandas {pd.__version__}, "
        f"Python {sys.version.split()[0]}"
    )
    repeat = 1 if args.size == "L" else args.repeat

    # 1. Load and build the partner network.
    group = "load + partner network"
    strategy, c, w = timed(lambda: stratagraph.Strategy.from_json(text), repeat)
    report(group, "stratagraph Strategy.from_json", c, w)
    links, c2, w2 = timed(strategy.partner_links, repeat)
    report(group, "stratagraph partner_links()", c2, w2)
    sg = c + c2
    report(group, "stratagraph total", sg, w + w2)
    g_nx, c, w = timed(lambda: networkx_network(text), repeat)
    report(group, "json.loads + networkx.Graph", c, w)
    ratio("load+network vs networkx", c, sg)
    if rx is not None:
        (g_rx, rx_names), c, w = timed(lambda: rustworkx_network(text), repeat)
        report(group, "json.loads + rustworkx.PyGraph", c, w)
        ratio("load+network vs rustworkx", c, sg)
        assert g_rx.num_edges() == len(links)
    assert len(links) == g_nx.number_of_edges(), (len(links), g_nx.number_of_edges())
    print(f"  network: {g_nx.number_of_nodes()} partners, {g_nx.number_of_edges()} links")

    # 2. Betweenness.
    group = "betweenness (hops, normalised)"
    rust = rust_figures("--network", json_path)
    if "network.betweenness" in rust:
        sg_bc = rust["network.betweenness"] / 1000
        report(
            group,
            "stratagraph (Rust, same graph)",
            sg_bc,
            rust.get("network.betweenness.wall", 0.0) / 1000,
        )
    else:
        sg_bc = float("nan")
        print(
            "  (no release build of the scale example: "
            "cargo build --release -p stratagraph --example scale)"
        )
    rx_bc = None
    if rx is not None and not args.skip_rx_betweenness:
        one_thread = 1 << 62  # parallel_threshold above the node count: no thread pool
        rx_bc, c, w = timed(
            lambda: rx.betweenness_centrality(g_rx, normalized=True, parallel_threshold=one_thread),
            repeat,
        )
        report(group, "rustworkx, one thread", c, w)
        ratio("betweenness vs rustworkx (one thread)", c, sg_bc)
        if args.size != "L":  # on L, one run of many minutes is enough
            _, c, w = timed(lambda: rx.betweenness_centrality(g_rx, normalized=True), repeat)
            report(group, f"rustworkx, default threads ({os.cpu_count()} cpus)", c, w)
            ratio("betweenness vs rustworkx (default threads, wall)", w, sg_bc)
    n = g_nx.number_of_nodes()
    if args.nx_sources and args.nx_sources < n:
        k = args.nx_sources
        _, c, w = timed(lambda: nx.betweenness_centrality(g_nx, k=k, seed=1), 1)
        c, w = c * n / k, w * n / k
        report(group, f"networkx (extrapolated from {k} sources)", c, w)
    else:
        nx_bc, c, w = timed(lambda: nx.betweenness_centrality(g_nx), 1)
        report(group, "networkx", c, w)
        if rx_bc is not None:
            worst = max(abs(nx_bc[name] - rx_bc[i]) for i, name in enumerate(rx_names))
            print(f"  rustworkx vs networkx: largest difference {worst:.2e}")
    ratio("betweenness vs networkx", c, sg_bc)

    group = "all partner centralities"
    if args.size != "L":
        table, c_sg, w_sg = timed(strategy.partner_centrality, 1)
        report(group, "stratagraph partner_centrality()", c_sg, w_sg)

        def nx_all() -> Any:
            return (
                nx.degree_centrality(g_nx),
                nx.betweenness_centrality(g_nx),
                nx.betweenness_centrality(g_nx, weight="distance"),
                nx.eigenvector_centrality(g_nx, weight="weight"),
                nx.pagerank(g_nx, weight="weight"),
                nx.community.louvain_communities(g_nx, weight="weight", seed=1),
            )

        if args.nx_sources:
            print("  (networkx's six measures are timed only with --nx-sources 0)")
        elif importlib.util.find_spec("scipy") is None:
            print("  scipy is missing, so networkx's pagerank cannot run: not compared")
        else:
            nx_res, c, w = timed(nx_all, 1)
            report(group, "networkx: the same six measures", c, w)
            ratio("partner_centrality vs networkx", c, c_sg)
            rows = table.to_pylist()
            worst = max(abs(r["betweenness"] - nx_res[1][r["partner"]]) for r in rows)
            print(f"  stratagraph vs networkx betweenness: largest difference {worst:.2e}")

    # 3. actions_df vs pandas from a dict of lists.
    group = "actions table"
    if hasattr(strategy, "actions_df"):
        df, c_sg, w_sg = timed(strategy.actions_df, repeat)
        report(group, "stratagraph Strategy.actions_df()", c_sg, w_sg)
        # The same table as plain Python lists, ready before the clock starts.
        ready = {col: df[col].tolist() for col in df.columns}
        dtypes = df.dtypes.to_dict()
        print(f"  {len(df)} rows, {len(df.columns)} columns")
        _, c, w = timed(lambda: pd.DataFrame(ready), repeat)
        report(group, "pandas.DataFrame(dict of lists)", c, w)
        ratio("actions_df cost / DataFrame(dict)", c_sg, c)
        _, c, w = timed(lambda: pd.DataFrame(ready).astype(dtypes), repeat)
        report(group, "... then .astype(the same dtypes)", c, w)
        ratio("actions_df cost / DataFrame(dict).astype(dtypes)", c_sg, c)
    else:
        print("  Strategy.actions_df() is not in this build of the binding: not measured")

    # 4. Parse from Python vs Rust.
    group = "parse delivery-plan text"
    plan_text = text_path.read_text(encoding="utf-8")
    if hasattr(stratagraph, "parse_delivery_plan"):
        _, c, w = timed(lambda: stratagraph.parse_delivery_plan(plan_text), repeat)
        report(group, f"from Python ({len(plan_text) / 1e6:.1f} MB)", c, w)
        rust = rust_figures("--child-parse", text_path)
        if "text.parse" in rust:
            r = rust["text.parse"] / 1000
            report(group, "Rust parse_delivery_plan", r, rust.get("text.parse.wall", 0) / 1000)
            ratio("Python parse cost / Rust parse", c, r)
    else:
        print("  stratagraph.parse_delivery_plan is not in this build of the binding")

    out = ROOT / "bench-data" / f"python-{args.size}.json"
    out.write_text(json.dumps(ROWS, indent=1), encoding="utf-8")
    print(f"# figures written to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
