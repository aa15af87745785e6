# Shared setup for the project's scripts: environment, caches and a timed `step`.
# Sourced, not run. PATH and the venv must be final before the first cargo call:
# pyo3's build script reruns (=> full rebuild) when PATH or VIRTUAL_ENV change.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
export PATH="$CARGO_HOME/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
export PIP_CACHE_DIR="${PIP_CACHE_DIR:-$ROOT/.cache/pip}"
export npm_config_cache="${npm_config_cache:-$ROOT/.cache/npm}"
export PIP_DISABLE_PIP_VERSION_CHECK=1
LOGS="$ROOT/.cache/logs"
mkdir -p "$LOGS" "$PIP_CACHE_DIR" "$npm_config_cache"
declare -a SUMMARY=()
T_START=$(date +%s)

# step NAME CMD... : run CMD, output to the console and to .cache/logs/NAME.log, timed.
step() {
  local name=$1; shift
  echo "=== $name: $*"
  local t0 rc=0; t0=$(date +%s)
  "$@" 2>&1 | tee "$LOGS/$name.log" || rc=$?
  local dt=$(( $(date +%s) - t0 ))
  SUMMARY+=("$(printf '%-26s %5ss %s' "$name" "$dt" "$([ $rc -eq 0 ] && echo ok || echo FAILED)")")
  if [ $rc -ne 0 ]; then echo "!!! step $name failed (exit $rc); log: $LOGS/$name.log"; summary; exit $rc; fi
}

# quiet NAME CMD... : the same, output only to the log (its tail is shown on failure).
quiet() {
  local name=$1; shift
  echo "=== $name: $*"
  local t0 rc=0; t0=$(date +%s)
  "$@" >"$LOGS/$name.log" 2>&1 || rc=$?
  local dt=$(( $(date +%s) - t0 ))
  SUMMARY+=("$(printf '%-26s %5ss %s' "$name" "$dt" "$([ $rc -eq 0 ] && echo ok || echo FAILED)")")
  if [ $rc -ne 0 ]; then tail -60 "$LOGS/$name.log"; echo "!!! step $name failed (exit $rc)"; summary; exit $rc; fi
}

summary() {
  echo; echo "=== step timings"
  printf '%s\n' "${SUMMARY[@]}"
  echo "total $(( $(date +%s) - T_START ))s"
}

# disk_free [GB]: log the free space under the project; with GB, where less than GB is free,
# remove target/debug (the debug build, not used by the release stages that follow).
disk_free() {
  local avail_kb; avail_kb=$(df -Pk "$ROOT" | awk 'NR == 2 {print $4}')
  echo "=== disk: $((avail_kb / 1024)) MB free under $ROOT; target/ $(du -sh "$CARGO_TARGET_DIR" 2>/dev/null | cut -f1)"
  if [ -n "${1:-}" ] && [ "$avail_kb" -lt $(($1 * 1024 * 1024)) ] && [ -d "$CARGO_TARGET_DIR/debug" ]; then
    echo "=== disk: under $1 GB free: removing $CARGO_TARGET_DIR/debug"
    rm -rf "$CARGO_TARGET_DIR/debug"
  fi
}

# The version of a crate in Cargo.lock.
lock_version() {
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock"
}
