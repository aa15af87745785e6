// Give the two errors wasm-bindgen's generated glue throws itself a `code`, as every other
// error of the package has one (see src/errors.rs): an argument that is not an instance of the
// class expected (`_assertClass`), and the runtime's own checks (`throw_str`: an object used
// after `free()`, or borrowed while in use). Both become a `TypeError` with the code
// `invalid_argument`. Each pattern must be found exactly once in each file, so an upgrade of
// wasm-bindgen-cli that changes the glue fails the build instead of silently skipping a patch;
// the first is skipped only in glue that has no `_assertClass` at all (the explorer's module,
// whose functions take no class instances).
//
//   node tools/patch-glue.cjs dist/pkg-node/stratagraph_wasm.js dist/pkg-web/stratagraph_wasm.js ...
'use strict';

const fs = require('node:fs');

// [from, to, the glue needs the patch only when it contains this (null: always)]
const PATCHES = [
  [
    'throw new Error(`expected instance of ${klass.name}`);',
    "throw Object.assign(new TypeError(`expected an instance of ${klass.name}`), { code: 'invalid_argument' });",
    'function _assertClass(',
  ],
  [
    'throw new Error(getStringFromWasm0(arg0, arg1));',
    "const message = getStringFromWasm0(arg0, arg1);\n" +
      "            throw Object.assign(new TypeError(message === 'null pointer passed to rust' ? 'this object has been freed (free() was called on it)' : message), { code: 'invalid_argument' });",
    null,
  ],
];

for (const file of process.argv.slice(2)) {
  let text = fs.readFileSync(file, 'utf8');
  for (const [from, to, when] of PATCHES) {
    if (when !== null && !text.includes(when)) continue;
    const count = text.split(from).length - 1;
    if (count !== 1) {
      console.error(`patch-glue: expected 1 occurrence of ${JSON.stringify(from)} in ${file}, found ${count}`);
      process.exit(1);
    }
    text = text.replace(from, to);
  }
  fs.writeFileSync(file, text);
}
