#!/usr/bin/env bash
# Build the API references side by side, each with warnings as errors, under one directory
# ($CARGO_TARGET_DIR/doc-site, normally target/doc-site; open its index.html):
#   rust/     rustdoc of the crate stratagraph (RUSTDOCFLAGS=-D warnings: every public item
#             documented, no broken intra-doc link), as scripts/test.sh's rustdoc step builds it
#   python/   pdoc on the installed wheel: its docstrings and the stub's signatures
#             (docs/api/python_api.py; any warning fails)
#   js/       TypeDoc on the npm package's published .d.ts files (docs/api/typedoc.json,
#             --treatWarningsAsErrors)
#   index.html, guide.md, CHANGELOG.md
# Needs what scripts/test.sh builds before it: the wheel installed in STRATAGRAPH_VENV (default
# .cache/venv-wheel) and the npm package staged in dist/npm (bindings-wasm/build.sh); and
# scripts/install.sh's `npm ci` in docs/api. pdoc (pinned in bindings-python/requirements-docs.txt)
# is installed into STRATAGRAPH_VENV when it is missing there. Nothing else is fetched.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
VENV=${STRATAGRAPH_VENV:-.cache/venv-wheel}
OUT=$CARGO_TARGET_DIR/doc-site

fail() { echo "docs.sh: $*" >&2; exit 1; }
[ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import stratagraph' 2>/dev/null ||
  fail "no stratagraph in $VENV: build and install the wheel first (scripts/test.sh does)"
[ -f dist/npm/package.json ] || fail "dist/npm is missing: run bash bindings-wasm/build.sh first"
TYPEDOC=docs/api/node_modules/.bin/typedoc
[ -x "$TYPEDOC" ] || fail "$TYPEDOC is missing: run scripts/install.sh (npm ci in docs/api)"
want_pdoc=$(sed -n 's/^pdoc==//p' bindings-python/requirements-docs.txt)
if [ "$("$VENV/bin/python" -c 'import pdoc; print(pdoc.__version__)' 2>/dev/null)" != "$want_pdoc" ]; then
  "$VENV/bin/python" -m pip install -q -r bindings-python/requirements-docs.txt
fi

rm -rf "$OUT"
mkdir -p "$OUT"
t0=$SECONDS

# Rust: the same command (and flags, so the same cache) as scripts/test.sh's rustdoc step.
RUSTDOCFLAGS="-D warnings" cargo doc -p stratagraph --no-deps --all-features --locked
cp -R "$CARGO_TARGET_DIR/doc" "$OUT/rust"
t1=$SECONDS

# Python: a warning, or anything else on stderr, fails the build.
err=$(mktemp)
trap 'rm -f "$err"' EXIT
"$VENV/bin/python" docs/api/python_api.py "$OUT/python" 2>"$err" || { cat "$err" >&2; fail "pdoc failed"; }
[ ! -s "$err" ] || { cat "$err" >&2; fail "pdoc wrote to stderr (treated as a warning)"; }
t2=$SECONDS

# JavaScript.
"$TYPEDOC" --options docs/api/typedoc.json --out "$OUT/js" --treatWarningsAsErrors --logLevel Warn
t3=$SECONDS

cp docs/guide.md CHANGELOG.md "$OUT/"
version=$("$VENV/bin/python" -c 'import stratagraph; print(stratagraph.__version__)')
cat >"$OUT/index.html" <<EOF
<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>stratagraph $version: documentation</title>
  <style>
    :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
    body { margin: 2rem auto; max-width: 44rem; padding: 0 1rem; line-height: 1.5; }
    li { margin: 0.4rem 0; }
  </style>
</head>
<body>
  <h1>stratagraph $version</h1>
  <p>Public-sector strategies and delivery plans as a typed graph, from Rust, Python and the browser.</p>
  <h2>API reference</h2>
  <ul>
    <li><a href="rust/stratagraph/index.html">Rust</a>: the crate <code>stratagraph</code> (rustdoc)</li>
    <li><a href="python/stratagraph.html">Python</a>: the package <code>stratagraph</code> (pdoc, from its docstrings and type stubs)</li>
    <li><a href="js/index.html">JavaScript and TypeScript</a>: the npm package <code>stratagraph</code> and <code>&lt;strategy-explorer&gt;</code> (TypeDoc, from its <code>.d.ts</code>)</li>
  </ul>
  <h2>More</h2>
  <ul>
    <li><a href="guide.md">User guide</a> (<code>docs/guide.md</code>): Rust, Jupyter and a web page on the Scottish plan</li>
    <li><a href="CHANGELOG.md">Changelog</a></li>
  </ul>
</body>
</html>
EOF
for page in rust/stratagraph/index.html python/stratagraph.html js/index.html guide.md CHANGELOG.md; do
  [ -s "$OUT/$page" ] || fail "$OUT/$page was not written"
done
echo "docs: $OUT/index.html (rustdoc $((t1 - t0)) s, pdoc $((t2 - t1)) s, TypeDoc $((t3 - t2)) s)"
