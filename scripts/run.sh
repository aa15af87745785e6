#!/usr/bin/env bash
# The main job: parse a delivery plan (by default the bundled Scottish plan,
# priority 10 of the Mental Health and Wellbeing Strategy delivery plan 2023-2025)
# and print the readable report: the priority, its strategic actions and actions
# with leads, partners and deadlines, the outcomes each serves, and the diagnostics.
#   scripts/run.sh [FILE]     FILE: a plan as text or canonical JSON; - for stdin
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
FILE=${1:-$ROOT/examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt}
cargo build --quiet --release --locked --manifest-path "$ROOT/Cargo.toml" -p stratagraph --features cli --bin stratagraph
exec "$CARGO_TARGET_DIR/release/stratagraph" report "$FILE"
