// The web-target package (dist/pkg-web) in headless Debian Chromium through playwright-core:
// a page served from 127.0.0.1 loads the ES module, init() fetches the .wasm (served as
// application/wasm, so streaming compilation is used), and the page parses the mini-plan
// fixture. Nothing downloads a browser: CHROMIUM_PATH or /usr/bin/chromium is used.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '../..');
const PKG_WEB = path.join(ROOT, 'dist/pkg-web');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

// The page: load the package, parse the fixture (as text and as bytes), report back.
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>stratagraph in the browser</title></head>
<body>
<script type="module">
import init, { Strategy, validateJson, diagnosticsToJson } from '/pkg/stratagraph_wasm.js';
try {
  await init();
  const text = await (await fetch('/fixtures/mini-plan.json')).text();
  const bytes = new Uint8Array(await (await fetch('/fixtures/mini-plan.json')).arrayBuffer());
  const plan = Strategy.fromJson(text);
  const problems = await (await fetch('/fixtures/validation-problems.json')).text();
  let error;
  try {
    Strategy.fromJson('{"format": "stratagraph", "version": 1, "nodes": [');
  } catch (e) {
    error = { isError: e instanceof Error, name: e.name, code: e.code, line: e.line, column: e.column };
  }
  window.__result = {
    nodeCount: plan.nodeCount,
    edgeCount: plan.edgeCount,
    json: plan.toJson(),
    jsonFromBytes: Strategy.fromJson(bytes).toJson(),
    firstNode: plan.nodes()[0],
    diagnostics: diagnosticsToJson(validateJson(problems)),
    error,
  };
  document.body.dataset.ready = '1';
} catch (e) {
  window.__failure = String(e && e.stack || e);
  document.body.dataset.ready = 'failed';
}
</script>
</body></html>`;

function serve() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let file = null;
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': MIME['.html'] }).end(PAGE);
      return;
    }
    if (url.pathname.startsWith('/pkg/')) file = path.join(PKG_WEB, path.basename(url.pathname));
    if (url.pathname.startsWith('/fixtures/'))
      file = path.join(ROOT, 'tests/fixtures', path.basename(url.pathname));
    if (!file || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test('the web-target package parses the mini plan in headless Chromium', async (t) => {
  assert.ok(
    fs.existsSync(path.join(PKG_WEB, 'stratagraph_wasm.js')),
    'dist/pkg-web is missing: run bindings-wasm/build.sh first',
  );
  assert.ok(
    fs.existsSync(CHROMIUM),
    `${CHROMIUM} is missing: apt-get install chromium (or set CHROMIUM_PATH)`,
  );

  const server = await serve();
  t.after(() => server.close());
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'stratagraph-chromium-'));
  t.after(() => fs.rmSync(scratch, { recursive: true, force: true }));
  // Keep HOME clean: Chromium writes its config and cache under XDG directories.
  process.env.XDG_CONFIG_HOME = path.join(scratch, 'config');
  process.env.XDG_CACHE_HOME = path.join(scratch, 'cache');
  // Playwright rejects --user-data-dir in args: a fresh profile goes through launchPersistentContext.
  const context = await chromium.launchPersistentContext(path.join(scratch, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  t.after(() => context.close());

  const page = context.pages()[0] ?? (await context.newPage());
  const messages = [];
  page.on('pageerror', (e) => messages.push(`pageerror: ${e}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') messages.push(`${m.type()}: ${m.text()}`);
  });
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForSelector('body[data-ready]', { state: 'attached', timeout: 30_000 });
  const failure = await page.evaluate(() => window.__failure);
  assert.equal(failure, undefined, failure);

  const r = await page.evaluate(() => window.__result);
  const golden = fs.readFileSync(path.join(ROOT, 'tests/golden/mini-plan.json'), 'utf8');
  assert.equal(r.nodeCount, 13);
  assert.equal(r.edgeCount, JSON.parse(golden).edges.length);
  assert.equal(r.json, golden, 'byte-identical canonical JSON in the browser');
  assert.equal(r.jsonFromBytes, golden);
  assert.deepStrictEqual(r.firstNode, JSON.parse(golden).nodes[0]);
  assert.equal(
    r.diagnostics,
    fs.readFileSync(path.join(ROOT, 'tests/golden/validation-problems.diagnostics.json'), 'utf8'),
  );
  assert.deepStrictEqual(r.error, {
    isError: true,
    name: 'StratagraphError',
    code: 'json',
    line: 1,
    column: 50,
  });
  // No MIME-type fallback warning, no error of any kind.
  assert.deepStrictEqual(messages, []);
});
