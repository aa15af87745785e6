// Tell the explorer's module where its parse module is. The explorer's module
// (dist/pkg-explorer/stratagraph_wasm.js) reads canonical JSON only; the text parsers are in the
// parse module beside it (stratagraph_wasm_parse.js: the explorer's module and the parsers), which
// <strategy-explorer> imports when it is given a document's text. A page may serve the explorer's
// module anywhere and hand it to the component (StrategyExplorer.usePackage(namespace)), which
// then cannot tell where that module came from: this appends to its glue one function,
// `parserModuleUrl()`, the parse module's URL resolved against the glue's own (import.meta.url,
// read when called: a glue loaded from a blob: URL, as in the notebook widget, loads fine and
// throws only if asked), and its declaration to the glue's .d.ts. It fails on glue that already
// has it, so a change in build.sh that runs it twice is seen.
//
//   node tools/link-parser.cjs dist/pkg-explorer/stratagraph_wasm stratagraph_wasm_parse.js
'use strict';

const fs = require('node:fs');

const [stem, parser] = process.argv.slice(2);
if (!stem || !parser || parser.includes('/')) {
  console.error('usage: node tools/link-parser.cjs GLUE_STEM PARSE_MODULE_FILE (a file beside the glue)');
  process.exit(2);
}
const doc = `The URL of this module's parse module (${parser}, beside this file: this module and the
 * text parsers), which <strategy-explorer> imports when it is given a document's text.`;
const additions = [
  [
    `${stem}.js`,
    `\n/**\n * ${doc}\n * @returns {string}\n */\nexport function parserModuleUrl() {\n    return new URL(${JSON.stringify(parser)}, import.meta.url).href;\n}\n`,
  ],
  [`${stem}.d.ts`, `\n/**\n * ${doc}\n */\nexport function parserModuleUrl(): string;\n`],
];
for (const [file, text] of additions) {
  const before = fs.readFileSync(file, 'utf8');
  if (before.includes('parserModuleUrl')) {
    console.error(`link-parser: ${file} already has parserModuleUrl`);
    process.exit(1);
  }
  fs.writeFileSync(file, before + text);
}
