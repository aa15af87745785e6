#!/usr/bin/env bash
# Build the npm package `stratagraph` from the crate stratagraph-wasm:
#
#   cargo (wasm32, profile wasm-release) -> wasm-bindgen --target nodejs -> dist/pkg-node (CommonJS)
#                                        -> wasm-bindgen --target web    -> dist/pkg-web  (ES module + init())
#   cargo --no-default-features --features explorer (what <strategy-explorer> draws and
#     queries, reading canonical JSON)   -> wasm-bindgen --target web    -> dist/pkg-explorer/stratagraph_wasm.js
#   cargo --no-default-features --features explorer,parse (the same and the text parsers: the
#     parse module the component imports only when given a document's text)
#                                        -> wasm-bindgen --target web    -> dist/pkg-explorer/stratagraph_wasm_parse.js
#   wasm-opt -Oz (npm binaryen, pinned by package-lock.json), then the package staged in
#   dist/npm (package.json + pkg-node/ + pkg-web/ + pkg-explorer/ + explorer/; `npm pack
#   dist/npm` makes the tarball), a copy of the explorer's module and component for the Python
#   wheel's notebook widget (bindings-python/python/stratagraph/_explorer, not in git), and the
#   raw and gzip sizes of each .wasm and its JS glue.
#   The budget (300 KB gzip, issue 7) applies to what a page embedding the component with
#   canonical JSON downloads: the component and the explorer's module. It is enforced (set
#   SIZE_BUDGET_STRICT=0 to only report it; without wasm-opt it is only reported unless
#   SIZE_BUDGET_STRICT=1). A page given a document's text downloads the parse module instead;
#   its size is reported beside it.
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
WASM=$TARGET_DIR/wasm32-unknown-unknown/wasm-release/$NAME.wasm
# The builds share the profile, so they write the same file: each is bound before the next.
build() {
  CARGO_PROFILE_WASM_RELEASE_STRIP=debuginfo \
    cargo build -p stratagraph-wasm --target wasm32-unknown-unknown --profile wasm-release --locked "$@"
}

rm -rf "$DIST/pkg-node" "$DIST/pkg-web" "$DIST/pkg-explorer" "$DIST/npm"
t0=$SECONDS
build # the whole API
wasm-bindgen --target nodejs --out-dir "$DIST/pkg-node" "$WASM"
wasm-bindgen --target web --out-dir "$DIST/pkg-web" "$WASM"
t1=$SECONDS
build --no-default-features --features explorer # the explorer's module
wasm-bindgen --target web --out-dir "$DIST/pkg-explorer" "$WASM"
PARSE=${NAME}_parse # its parse module, beside it
build --no-default-features --features explorer,parse
wasm-bindgen --target web --out-dir "$DIST/pkg-explorer" --out-name "$PARSE" "$WASM"
explorer_cargo=$((SECONDS - t1))
# Errors thrown by the glue itself get a `code` too (tools/patch-glue.cjs says which and why).
node "$HERE/tools/patch-glue.cjs" "$DIST/pkg-node/$NAME.js" "$DIST/pkg-web/$NAME.js" "$DIST/pkg-explorer/$NAME.js" \
  "$DIST/pkg-explorer/$PARSE.js"
# The explorer's module says where its parse module is (tools/link-parser.cjs says why).
node "$HERE/tools/link-parser.cjs" "$DIST/pkg-explorer/$NAME" "$PARSE.js"
# Each directory says what its .js files are, so Node and bundlers never guess.
echo '{ "type": "commonjs" }' >"$DIST/pkg-node/package.json"
echo '{ "type": "module" }' >"$DIST/pkg-web/package.json"
echo '{ "type": "module" }' >"$DIST/pkg-explorer/package.json"

WASM_OPT=$HERE/node_modules/.bin/wasm-opt
node_wasm=$DIST/pkg-node/${NAME}_bg.wasm
web_wasm=$DIST/pkg-web/${NAME}_bg.wasm
lite_wasm=$DIST/pkg-explorer/${NAME}_bg.wasm
parse_wasm=$DIST/pkg-explorer/${PARSE}_bg.wasm
optimise() { "$WASM_OPT" -Oz "$1" -o "$1.opt" && mv "$1.opt" "$1"; }
if [ -x "$WASM_OPT" ]; then
  before=$(stat -c %s "$web_wasm") lite_before=$(stat -c %s "$lite_wasm") parse_before=$(stat -c %s "$parse_wasm")
  t2=$SECONDS
  # The explorer's two, one after the other, alongside the full module's (wasm-opt is mostly
  # single-threaded: two at a time).
  (optimise "$lite_wasm" && optimise "$parse_wasm") &
  lite_pid=$!
  if cmp -s "$node_wasm" "$web_wasm"; then # one .wasm for both targets: optimise it once
    optimise "$web_wasm"
    cp "$web_wasm" "$node_wasm"
  else
    optimise "$node_wasm" && optimise "$web_wasm"
  fi
  wait "$lite_pid"
  echo "wasm-opt -Oz: full $before -> $(stat -c %s "$web_wasm") bytes, explorer $lite_before -> $(stat -c %s "$lite_wasm") bytes," \
    "explorer's parse module $parse_before -> $(stat -c %s "$parse_wasm") bytes ($((SECONDS - t2)) s)"
else
  echo "build.sh: warning: $WASM_OPT not found (run 'npm ci' in bindings-wasm/); wasm not optimised" >&2
fi
echo "build times: whole API (cargo + wasm-bindgen) $((t1 - t0)) s, explorer modules $explorer_cargo s"

# The package as npm would publish it: the manifest without its development fields.
mkdir -p "$DIST/npm"
cp -R "$DIST/pkg-node" "$DIST/pkg-web" "$DIST/pkg-explorer" "$DIST/npm/"
for extra in explorer README.md LICENSE-MIT LICENSE-APACHE; do # the web component's files, when they exist
  if [ -e "$HERE/$extra" ]; then cp -R "$HERE/$extra" "$DIST/npm/"; fi
done
node -e '
  const fs = require("fs");
  const pkg = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  for (const key of ["devDependencies", "scripts", "private"]) delete pkg[key];
  fs.writeFileSync(process.argv[2], JSON.stringify(pkg, null, 2) + "\n");
' "$HERE/package.json" "$DIST/npm/package.json"

# The notebook widget (bindings-python: stratagraph._widget) shows the same component on the same
# module: the wheel carries copies of both, made here (so build this before the wheel). It gives
# the component canonical JSON only (Strategy.to_json(), format json), so never the parse module.
WIDGET=$ROOT/bindings-python/python/stratagraph/_explorer
rm -rf "$WIDGET"
mkdir -p "$WIDGET"
cp "$HERE/explorer/strategy-explorer.js" "$DIST/pkg-explorer/$NAME.js" "$DIST/pkg-explorer/${NAME}_bg.wasm" "$WIDGET/"

# Sizes: what a browser downloads (the .wasm and the ES-module glue), raw and gzipped.
gz() { gzip -9 -c "$1" | wc -c; }
raw() { stat -c %s "$1"; }
row() { printf '  %-50s %9s B raw %9s B gzip\n' "$@"; }
size_row() { row "$1" "$(raw "$2")" "$(gz "$2")"; }
sum_row() { # label files...: one row of their sums; sets sum_gz
  local label=$1 r=0 f
  shift
  sum_gz=0
  for f in "$@"; do
    r=$((r + $(raw "$f")))
    sum_gz=$((sum_gz + $(gz "$f")))
  done
  row "$label" "$r" "$sum_gz"
}
component=$HERE/explorer/strategy-explorer.js
lite_glue=$DIST/pkg-explorer/$NAME.js
parse_glue=$DIST/pkg-explorer/$PARSE.js
echo "sizes, whole API (dist/pkg-web, dist/pkg-node):"
size_row "${NAME}_bg.wasm" "$web_wasm"
size_row "$NAME.js (web glue)" "$DIST/pkg-web/$NAME.js"
size_row "$NAME.js (node glue)" "$DIST/pkg-node/$NAME.js"
sum_row "browser total (wasm + web glue)" "$web_wasm" "$DIST/pkg-web/$NAME.js"
echo "sizes, <strategy-explorer> (dist/pkg-explorer and the component):"
size_row "strategy-explorer.js (component)" "$component"
size_row "${NAME}_bg.wasm (explorer's module)" "$lite_wasm"
size_row "$NAME.js (its glue)" "$lite_glue"
size_row "${PARSE}_bg.wasm (its parse module)" "$parse_wasm"
size_row "$PARSE.js (its glue)" "$parse_glue"
# A page given canonical JSON: the component and the explorer's module. This is the budget's.
sum_row "page with JSON (component + explorer's module)" "$component" "$lite_wasm" "$lite_glue"
json_gz=$sum_gz
# A page given a document's text (format plan or strategy, or a text attribute that is not JSON):
# the component and the parse module; the explorer's module is not fetched.
sum_row "page with text (component + parse module)" "$component" "$parse_wasm" "$parse_glue"
text_gz=$sum_gz
lite_glue_gz=$(gz "$lite_glue") lite_gz=$(($(gz "$lite_wasm") + $(gz "$lite_glue")))
echo "  page with text: $((text_gz - json_gz)) B gzip more than with JSON; + $lite_glue_gz B where the page imports"
echo "    the explorer's module to hand it over (usePackage: its glue), + $lite_gz B for a text from a src with"
echo "    no format (the explorer's module loads while it is fetched)"
# The budget (issue 7): the .wasm and the JS a page embedding the explorer with canonical JSON
# loads, at most 300 KB (300,000 bytes) gzipped. Enforced, unless SIZE_BUDGET_STRICT=0 or the
# wasm could not be optimised (its size is then not the one shipped).
budget=${SIZE_BUDGET_GZIP:-300000}
strict=${SIZE_BUDGET_STRICT:-$([ -x "$WASM_OPT" ] && echo 1 || echo 0)}
if [ "$json_gz" -le "$budget" ]; then
  echo "  size budget (page with JSON): $json_gz <= $budget B gzip: within (page with text: $text_gz B gzip, not budgeted)"
else
  echo "  size budget (page with JSON): $json_gz > $budget B gzip: over by $((json_gz - budget)) B"
  if [ "$strict" != 0 ]; then exit 1; fi
fi
