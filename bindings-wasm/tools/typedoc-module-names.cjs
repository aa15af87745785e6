// A TypeDoc plugin for the JavaScript API reference (scripts/docs.sh, docs/api/typedoc.json):
// each module of the reference is named by the import that gives it (package.json "exports"),
// not by its declaration file's path. It fails the build when an entry point is not one of the
// package's exports.
//
//   typedoc --plugin bindings-wasm/tools/typedoc-module-names.cjs ...
'use strict';

const path = require('node:path');
const fs = require('node:fs');

const PACKAGE = path.join(__dirname, '..', 'package.json');

/**
 * Each declaration file with the import that gives it: 'pkg-web/stratagraph_wasm' ->
 * 'stratagraph/web'. The package's own name goes to its "types" (Node's, pkg-node/), which
 * "." also gives browsers under its other conditions: they are named by "./web".
 */
function importNames() {
  const pkg = JSON.parse(fs.readFileSync(PACKAGE, 'utf8'));
  const stem = (types) => types.replace(/^\.\//, '').replace(/\.d\.ts$/, '');
  const names = new Map();
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (subpath === '.' || subpath.includes('*')) continue;
    const types = typeof target === 'string' ? target.replace(/\.js$/, '.d.ts') : target.types;
    if (types && !names.has(stem(types))) names.set(stem(types), `${pkg.name}/${subpath.slice(2)}`);
  }
  names.set(stem(pkg.types), pkg.name);
  return names;
}

exports.load = function load(app) {
  const names = importNames();
  app.converter.on('resolveBegin', (context) => {
    for (const module of context.project.children ?? []) {
      const name = names.get(module.name);
      if (name) module.name = name;
      else app.logger.error(`typedoc-module-names: ${module.name} is no export of ${PACKAGE}`);
    }
  });
};
