#!/usr/bin/env bash
# Build the npm package `stratagraph` from the crate stratagraph-wasm:
#
#   cargo (wasm32, profile wasm-release) -> wasm-bindgen --target nodejs -> dist/pkg-node (CommonJS)
#                                        -> wasm-bindgen --target web    -> dist/pkg-web  (ES module + init())
#   wasm-opt -Oz (npm binaryen, pinned by package-lock.json), then the package staged in
#   dist/npm (package.json + pkg-node/ + pkg-web/; `npm pack dist/npm` makes the tarball),
#   and the raw and gzip sizes of the .wasm and the JS glue.
#
# Idempotent: every output is rebuilt from scratch; cargo's own caching keeps reruns fast.
# Honours CARGO_TARGET_DIR. Needs: the wasm32-unknown-unknown target, wasm-bindgen-cli at
# the version of wasm-bindgen in Cargo.lock, and `npm ci` run in bindings-wasm/ (for wasm-opt;
# without it the step is skipped with a warning, and the sizes are of unoptimised wasm).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
cd "$ROOT"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
case $TARGET_DIR in /*) ;; *) TARGET_DIR=$ROOT/$TARGET_DIR ;; esac
NAME=stratagraph_wasm
DIST=$ROOT/dist

# The CLI must be the version of the crate in Cargo.lock: their wire format differs between versions.
want=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}') || true
if [ "$have" != "$want" ]; then
  echo "build.sh: wasm-bindgen-cli $want is needed (found '${have:-none}'):" >&2
  echo "  cargo install wasm-bindgen-cli --version =$want" >&2
  exit 1
fi

# The profile strips symbols, which also drops the `target_features` section wasm-bindgen and
# wasm-opt read; keep the section (strip debug info only): wasm-opt -Oz drops names anyway.
CARGO_PROFILE_WASM_RELEASE_STRIP=debuginfo \
  cargo build -p stratagraph-wasm --target wasm32-unknown-unknown --profile wasm-release --locked
WASM=$TARGET_DIR/wasm32-unknown-unknown/wasm-release/$NAME.wasm

rm -rf "$DIST/pkg-node" "$DIST/pkg-web" "$DIST/npm"
wasm-bindgen --target nodejs --out-dir "$DIST/pkg-node" "$WASM"
wasm-bindgen --target web --out-dir "$DIST/pkg-web" "$WASM"
# Errors thrown by the glue itself get a `code` too (tools/patch-glue.cjs says which and why).
node "$HERE/tools/patch-glue.cjs" "$DIST/pkg-node/$NAME.js" "$DIST/pkg-web/$NAME.js"
# Each directory says what its .js files are, so Node and bundlers never guess.
echo '{ "type": "commonjs" }' >"$DIST/pkg-node/package.json"
echo '{ "type": "module" }' >"$DIST/pkg-web/package.json"

WASM_OPT=$HERE/node_modules/.bin/wasm-opt
node_wasm=$DIST/pkg-node/${NAME}_bg.wasm
web_wasm=$DIST/pkg-web/${NAME}_bg.wasm
if [ -x "$WASM_OPT" ]; then
  before=$(stat -c %s "$web_wasm")
  if cmp -s "$node_wasm" "$web_wasm"; then # one .wasm for both targets: optimise it once
    "$WASM_OPT" -Oz "$web_wasm" -o "$web_wasm.opt" && mv "$web_wasm.opt" "$web_wasm"
    cp "$web_wasm" "$node_wasm"
  else
    for f in "$node_wasm" "$web_wasm"; do "$WASM_OPT" -Oz "$f" -o "$f.opt" && mv "$f.opt" "$f"; done
  fi
  echo "wasm-opt -Oz: $before -> $(stat -c %s "$web_wasm") bytes"
else
  echo "build.sh: warning: $WASM_OPT not found (run 'npm ci' in bindings-wasm/); wasm not optimised" >&2
fi

# The package as npm would publish it: the manifest without its development fields.
mkdir -p "$DIST/npm"
cp -R "$DIST/pkg-node" "$DIST/pkg-web" "$DIST/npm/"
for extra in explorer README.md LICENSE-MIT LICENSE-APACHE; do # the web component's files, when they exist
  if [ -e "$HERE/$extra" ]; then cp -R "$HERE/$extra" "$DIST/npm/"; fi
done
node -e '
  const fs = require("fs");
  const pkg = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  for (const key of ["devDependencies", "scripts", "private"]) delete pkg[key];
  fs.writeFileSync(process.argv[2], JSON.stringify(pkg, null, 2) + "\n");
' "$HERE/package.json" "$DIST/npm/package.json"

# Sizes: what a browser downloads (the .wasm and the ES-module glue), raw and gzipped.
size_row() {
  printf '  %-34s %9s B raw %9s B gzip\n' "$1" "$(stat -c %s "$2")" "$(gzip -9 -c "$2" | wc -c)"
}
echo "sizes (dist/pkg-web):"
size_row "${NAME}_bg.wasm" "$web_wasm"
size_row "$NAME.js (web glue)" "$DIST/pkg-web/$NAME.js"
size_row "$NAME.js (node glue)" "$DIST/pkg-node/$NAME.js"
total_raw=$(( $(stat -c %s "$web_wasm") + $(stat -c %s "$DIST/pkg-web/$NAME.js") ))
total_gz=$(( $(gzip -9 -c "$web_wasm" | wc -c) + $(gzip -9 -c "$DIST/pkg-web/$NAME.js" | wc -c) ))
printf '  %-34s %9s B raw %9s B gzip\n' "browser total (wasm + web glue)" "$total_raw" "$total_gz"
# The budget (issue 7): the .wasm and the JS a browser loads, at most 300 KB (300,000 bytes) gzipped.
# Reported, not enforced, unless SIZE_BUDGET_STRICT=1 (see README.md, "Size", for where it goes).
budget=${SIZE_BUDGET_GZIP:-300000}
if [ "$total_gz" -le "$budget" ]; then
  echo "  size budget: $total_gz <= $budget B gzip: within"
else
  echo "  size budget: $total_gz > $budget B gzip: over by $((total_gz - budget)) B"
  if [ "${SIZE_BUDGET_STRICT:-0}" = 1 ]; then exit 1; fi
fi
