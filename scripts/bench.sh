#!/usr/bin/env bash
# Benchmarks (see BENCHMARKS.md for what each measures and what it gave).
#
#   scripts/bench.sh          quick (seconds of running, what CI can afford): every Rust
#                             benchmark once on the S plan (divan under cargo test), the
#                             scale run on S, the Python side-by-side on S and the browser
#                             load of a 2,000-node plan, each where its tools are present
#   scripts/bench.sh --full   the figures of BENCHMARKS.md: divan on S and M, the scale run
#                             on M and L (L: ~1 GB of JSON in bench-data/, ~10 GB peak, many
#                             minutes), Python side by side on M and L, the browser load
#
# Generated data goes to bench-data/ (ignored by git; never commit it). The Python
# comparison needs a virtual environment with stratagraph built into it:
#   python3 -m venv .venv-bench
#   .venv-bench/bin/pip install -r bindings-python/benchmarks/requirements.txt
#   VIRTUAL_ENV=$PWD/.venv-bench .venv-bench/bin/maturin develop --release -m bindings-python/Cargo.toml
# (--full does this when .venv-bench is missing); BENCH_PYTHON picks another interpreter.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MODE=quick
case "${1:-}" in
  --full) MODE=full ;;
  ""|--quick) ;;
  *) echo "usage: scripts/bench.sh [--quick|--full]"; exit 2 ;;
esac
PY="${BENCH_PYTHON:-$ROOT/.venv-bench/bin/python}"
mkdir -p bench-data

{
  echo "# machine: $(nproc) cpus, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"\
       "$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# $(rustc --version)"
} | tee bench-data/machine.txt

python_ready() {
  [ -x "$PY" ] && "$PY" -c 'import stratagraph, networkx, pandas' >/dev/null 2>&1
}

if [ "$MODE" = quick ]; then
  step bench-rust-quick cargo test -p stratagraph --benches --locked
  step bench-scale-S cargo run --release --locked -p stratagraph --example scale -- S
  if python_ready; then
    step bench-python-quick "$PY" bindings-python/benchmarks/bench_vs_networkx.py --quick
    step bench-convert-quick "$PY" bindings-python/benchmarks/bench_convert.py --quick
  else
    echo "=== bench-python-quick: skipped ($PY cannot import stratagraph, networkx and pandas)"
  fi
  if [ -f dist/pkg-web/stratagraph_wasm.js ] && [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] \
     && [ -d bindings-wasm/node_modules/playwright-core ]; then
    step bench-browser-quick node bindings-wasm/benchmarks/explorer-load.mjs --runs 1
  else
    echo "=== bench-browser-quick: skipped (needs dist/pkg-web from bindings-wasm/build.sh, chromium, npm ci)"
  fi
  summary
  exit 0
fi

# ---------- full ----------
step bench-divan cargo bench --locked -p stratagraph
step bench-scale-M cargo run --release --locked -p stratagraph --example scale -- M
step bench-scale-L cargo run --release --locked -p stratagraph --example scale -- L
if ! python_ready && [ -z "${BENCH_PYTHON:-}" ]; then
  [ -x .venv-bench/bin/python ] || quiet bench-venv python3 -m venv .venv-bench
  quiet bench-pip .venv-bench/bin/python -m pip install -q -r bindings-python/benchmarks/requirements.txt
  step bench-maturin env VIRTUAL_ENV="$ROOT/.venv-bench" PATH="$ROOT/.venv-bench/bin:$PATH" \
    maturin develop --release --locked -m bindings-python/Cargo.toml
fi
step bench-python-M "$PY" bindings-python/benchmarks/bench_vs_networkx.py --size M
step bench-python-L "$PY" bindings-python/benchmarks/bench_vs_networkx.py --size L --nx-sources 20 --skip-rx-betweenness
step bench-convert "$PY" bindings-python/benchmarks/bench_convert.py
if [ -f dist/pkg-web/stratagraph_wasm.js ]; then
  step bench-browser node bindings-wasm/benchmarks/explorer-load.mjs --runs 5
fi
summary
