// Every ```js / ```javascript block of the top-level README.md, of the package's own
// bindings-wasm/README.md and of the user guide (docs/guide.md), run against the built package:
// `require('stratagraph')` resolves to the staged npm package (dist/npm, whose exports map
// sends Node to dist/pkg-node), the working directory is the repository root, and a failed
// `console.assert` fails the block (Node only prints it otherwise).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ROOT, PKG_NPM, read } = require('./support.cjs');

/** The fenced blocks of a Markdown text whose info string is js or javascript, with their line. */
function jsBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = lines[i].match(/^(\s*)(`{3,}|~{3,})\s*(js|javascript)\s*$/i);
    if (!open) continue;
    const fence = open[2];
    const body = [];
    let j = i + 1;
    while (j < lines.length && !lines[j].trim().startsWith(fence)) body.push(lines[j++]);
    blocks.push({ line: i + 1, code: body.join('\n') });
    i = j;
  }
  return blocks;
}

const PRELOAD = `
const assert = require('node:assert');
console.assert = (value, ...message) => {
  if (!value) throw new assert.AssertionError({ message: 'console.assert failed: ' + message.join(' ') });
};
`;

for (const readme of ['README.md', 'bindings-wasm/README.md', 'docs/guide.md']) {
  const blocks = jsBlocks(read(readme));

  test(`${readme} has JavaScript examples`, (t) => {
    if (blocks.length === 0) t.skip(`${readme} has no \`\`\`js block yet: nothing to run`);
  });

  for (const block of blocks) {
    test(`${readme} block at line ${block.line} runs against the package`, () => runBlock(readme, block));
  }
}

function runBlock(readme, block) {
  assert.ok(
    fs.existsSync(path.join(PKG_NPM, 'package.json')),
    'dist/npm is missing: run bindings-wasm/build.sh first',
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratagraph-readme-'));
  try {
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.symlinkSync(PKG_NPM, path.join(dir, 'node_modules', 'stratagraph'), 'dir');
    fs.writeFileSync(path.join(dir, 'preload.cjs'), PRELOAD);
    const esm = /^\s*(import|export)\s/m.test(block.code);
    const file = path.join(dir, `readme-line-${block.line}.${esm ? 'mjs' : 'cjs'}`);
    fs.writeFileSync(file, block.code);
    const run = spawnSync(process.execPath, ['--require', path.join(dir, 'preload.cjs'), file], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(
      run.status,
      0,
      `${readme} line ${block.line} failed (exit ${run.status}):\n${run.stderr}\n${run.stdout}`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
