#!/usr/bin/env bash
# Install what is missing, then run every test: lint (Rust, Python, JS), cargo
# tests (unit, integration, doctests, property tests), the Python wheel in a
# fresh virtual environment with pytest, the npm package with node's test runner
# and headless Chromium, the export consumers, bounded fuzzing and quick benchmarks.
#   STRATAGRAPH_FUZZ_SECONDS=60 (per fuzz target; 0 skips fuzzing)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# CI builds each crate once: incremental caches would only cost disk (a CI run once stopped on
# "No space left on device"). The free space is logged at the start and before each big stage.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
disk_free

bash scripts/install.sh
# shellcheck disable=SC1091
source .venv/bin/activate   # before any cargo call: pyo3 picks the interpreter from VIRTUAL_ENV
PY_LIBDIR=$(python -c 'import sysconfig; print(sysconfig.get_config_var("LIBDIR"))')
export LD_LIBRARY_PATH="$PY_LIBDIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

# ---------- lint ----------
step fmt cargo fmt --all --check
step clippy cargo clippy --workspace --all-targets --all-features --locked -- -D warnings
# pyo3-ffi does not build for wasm32: lint core and the wasm crate alone for that target
# (libraries only: the tests and benches use proptest and divan, which do not target wasm32)
step clippy-wasm32 cargo clippy -p stratagraph -p stratagraph-wasm --target wasm32-unknown-unknown --lib --locked -- -D warnings
# the public API's docs: every item documented (core's #![warn(missing_docs)], denied here), no broken links
step rustdoc env RUSTDOCFLAGS="-D warnings" cargo doc -p stratagraph --no-deps --all-features --locked
step ruff bash -c "ruff check bindings-python tests/consumers docs && ruff format --check bindings-python tests/consumers docs"

# ---------- Rust ----------
step cargo-test cargo test --workspace --all-features --locked
quiet example-rust cargo run -q --locked -p stratagraph --example scotland
quiet main-job bash scripts/run.sh
# the quality report over the real-page corpus (tests/corpus): recall and precision per fact
# and per family, warnings and unaccounted lines per page. Printed, not gated (yet): add
# --min-recall R --min-precision P to fail the build below a bar.
step quality cargo run -q --locked -p stratagraph --all-features --bin stratagraph -- quality tests/corpus
# linear time on hostile shapes (issue 18): each grown 1x/4x/16x through every parser,
# validation, report and export; fails where both steps pass 9x per 4x (a quadratic cost gives
# 16x at each): a ratio, not a wall clock. The same features as the main job's release build.
step growth cargo run -q --release --locked -p stratagraph --features cli --example growth -- --quick

# target/debug is not read after this point (the wheel, wasm, bench and fuzz builds are
# release builds): where the disk is short, give its space back before they need theirs
disk_free 8

# ---------- the wasm build first: the wheel carries the explorer's module and component ----------
# (build.sh copies them into bindings-python/python/stratagraph/_explorer for the notebook widget)
step wasm-build bash bindings-wasm/build.sh

# ---------- Python: abi3 wheel -> fresh venv -> pytest ----------
rm -rf dist/wheels
step maturin-build maturin build --release --locked -m bindings-python/Cargo.toml --out dist/wheels
WHEEL=$(ls dist/wheels/stratagraph-*-cp39-abi3-*.whl)
rm -rf .cache/venv-wheel
quiet venv-wheel python -m venv .cache/venv-wheel
quiet pip-install-wheel .cache/venv-wheel/bin/python -m pip install -q -r bindings-python/requirements-test.txt -r tests/consumers/requirements.txt "$WHEEL"
step pytest .cache/venv-wheel/bin/python -m pytest -q -p no:cacheprovider bindings-python/tests tests/consumers

# ---------- JavaScript: node tests, tsc, headless Chromium (the wasm build is above) ----------
step js-lint npm --prefix bindings-wasm run lint
step tsc npm --prefix bindings-wasm run typecheck
step node-test node --test bindings-wasm/tests/
step consumers-node node --test tests/consumers/
# the notebook widget in a real JupyterLab (from PyPI) and headless Chromium
quiet pip-install-notebook .cache/venv-wheel/bin/python -m pip install -q -r bindings-python/requirements-notebook.txt
step jupyterlab env STRATAGRAPH_VENV=.cache/venv-wheel node --test tests/notebook/

# ---------- the API references side by side (rustdoc, pdoc on the wheel, TypeDoc on the .d.ts) ----------
step docs bash scripts/docs.sh

# ---------- benchmarks, quick mode (so they cannot rot; figures in BENCHMARKS.md) ----------
step bench-quick bash scripts/bench.sh --quick

# ---------- fuzzing (bounded) ----------
disk_free 4
FUZZ_SECONDS=${STRATAGRAPH_FUZZ_SECONDS:-60}
if [ "$FUZZ_SECONDS" -gt 0 ] && cargo +nightly fuzz --version >/dev/null 2>&1; then
  # seeded with the bundled documents, fixtures, real pages and golden exports (every import format); new inputs go to core/fuzz/corpus (ignored)
  for target in $(cd core/fuzz && cargo +nightly fuzz list); do
    mkdir -p "core/fuzz/corpus/$target"
    quiet "fuzz-$target" bash -c "cd core/fuzz && cargo +nightly fuzz run $target corpus/$target ../../examples/data ../../tests/fixtures ../../tests/corpus ../../tests/golden -- -max_total_time=$FUZZ_SECONDS -max_len=8192 -rss_limit_mb=2048"
  done
fi

summary
# one closing line over every runner (cargo test, pytest, node --test)
pass=0; fail=0
read -r p q < <(grep -ho 'test result: [a-zA-Z]*\. [0-9]* passed; [0-9]* failed' "$LOGS/cargo-test.log" |
  awk '{p += $4; q += $6} END {print p + 0, q + 0}')
pass=$((pass + p)); fail=$((fail + q))
p=$(grep -oE '[0-9]+ passed' "$LOGS/pytest.log" | tail -1 | cut -d' ' -f1); pass=$((pass + ${p:-0}))
for log in node-test consumers-node jupyterlab; do
  p=$(grep -oE '^# pass [0-9]+' "$LOGS/$log.log" | cut -d' ' -f3); pass=$((pass + ${p:-0}))
  q=$(grep -oE '^# fail [0-9]+' "$LOGS/$log.log" | cut -d' ' -f3); fail=$((fail + ${q:-0}))
done
echo "tests: $pass passed, $fail failed"
