// Browser load time of a generated plan of about 2,000 nodes (issue 7, point 6):
// how long after navigation a page shows its drawing, in headless Chromium.
//
// The page fetches the plan's canonical JSON, loads the web-target package
// (dist/pkg-web: init() compiles the .wasm while streaming), reads the plan with
// Strategy.fromJson, draws it with Strategy.toSvg and puts the SVG in the
// document; the time is taken when the next frame is painted, from
// performance.timeOrigin (navigation start). The explorer web component
// (<strategy-explorer>) is not in the package yet: this measures what the
// explorer will do first (load, read, draw), with the core's drawing.
//
//   bindings-wasm/build.sh                      # builds dist/pkg-web and dist/pkg-node
//   node bindings-wasm/benchmarks/explorer-load.mjs [--nodes 2000] [--runs 5]
//
// Prints one line per run and the median; nothing is downloaded (CHROMIUM_PATH
// or /usr/bin/chromium, and playwright-core from bindings-wasm/node_modules).
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '../..');
const PKG_WEB = path.join(ROOT, 'dist/pkg-web');
const PKG_NODE = path.join(ROOT, 'dist/pkg-node/stratagraph_wasm.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const TARGET_NODES = arg('--nodes', 2000);
const RUNS = arg('--runs', 5);

for (const [what, p] of [['dist/pkg-web', path.join(PKG_WEB, 'stratagraph_wasm.js')], ['dist/pkg-node', PKG_NODE], ['Chromium', CHROMIUM]]) {
  if (!fs.existsSync(p)) {
    console.error(`${what} is missing (${p}): run bindings-wasm/build.sh, install chromium`);
    process.exit(2);
  }
}

// A plan of about TARGET_NODES nodes, generated with the core's generator (S
// preset, more actions): the number of actions is scaled until the count fits.
const sg = createRequire(import.meta.url)(PKG_NODE);
let actions = Math.round(TARGET_NODES * 0.65);
let plan;
for (let i = 0; i < 6; i += 1) {
  plan = sg.generateStrategy({ size: 'S', actions, priorities: 30, partners: 250, outcomes: 40, seed: 42 });
  if (Math.abs(plan.nodeCount - TARGET_NODES) <= TARGET_NODES * 0.02) break;
  actions = Math.max(1, Math.round(actions * (1 + (TARGET_NODES - plan.nodeCount) / plan.nodeCount)));
}
const json = plan.toJson();
console.log(`# plan: ${plan.nodeCount} nodes, ${plan.edgeCount} edges, ${actions} actions, ${(json.length / 1e3).toFixed(0)} kB of JSON`);

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>load time</title></head>
<body><main id="view"></main>
<script type="module">
import init, { Strategy } from '/pkg/stratagraph_wasm.js';
try {
  const marks = {};
  const t = () => performance.now();
  const [text] = await Promise.all([fetch('/plan.json').then((r) => r.text()), init()]);
  marks.initAndFetch = t();
  const plan = Strategy.fromJson(text);
  marks.fromJson = t();
  const svg = plan.toSvg();
  marks.toSvg = t();
  document.getElementById('view').innerHTML = svg;
  marks.inserted = t();
  requestAnimationFrame(() => setTimeout(() => {
    marks.painted = t();
    window.__result = { marks, nodes: plan.nodeCount, boxes: document.querySelectorAll('#view svg g, #view svg rect').length };
    document.body.dataset.ready = '1';
  }, 0));
} catch (e) {
  window.__failure = String(e && e.stack || e);
  document.body.dataset.ready = 'failed';
}
</script></body></html>`;

const MIME = { '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm' };
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (url.pathname === '/') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  if (url.pathname === '/plan.json') return res.writeHead(200, { 'content-type': 'application/json' }).end(json);
  const file = url.pathname.startsWith('/pkg/') ? path.join(PKG_WEB, path.basename(url.pathname)) : null;
  if (!file || !fs.existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' });
  return fs.createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'stratagraph-bench-'));
process.env.XDG_CONFIG_HOME = path.join(scratch, 'config');
process.env.XDG_CACHE_HOME = path.join(scratch, 'cache');
const context = await chromium.launchPersistentContext(path.join(scratch, 'profile'), {
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const totals = [];
try {
  for (let run = 0; run < RUNS; run += 1) {
    const page = await context.newPage();
    // A cold load each time: no HTTP cache, no compiled-code cache.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForSelector('body[data-ready]', { state: 'attached', timeout: 60_000 });
    const failure = await page.evaluate(() => window.__failure);
    if (failure) throw new Error(failure);
    const { marks } = await page.evaluate(() => window.__result);
    const f = (x) => x.toFixed(0).padStart(5);
    console.log(`run ${run + 1}: init+fetch ${f(marks.initAndFetch)} ms, fromJson ${f(marks.fromJson - marks.initAndFetch)} ms, toSvg ${f(marks.toSvg - marks.fromJson)} ms, insert ${f(marks.inserted - marks.toSvg)} ms, painted at ${f(marks.painted)} ms after navigation`);
    totals.push(marks.painted);
    await page.close();
  }
} finally {
  await context.close();
  server.close();
  fs.rmSync(scratch, { recursive: true, force: true });
}
totals.sort((a, b) => a - b);
const median = totals[Math.floor(totals.length / 2)];
console.log(`median: drawing painted ${median.toFixed(0)} ms after navigation (target: 500 ms for 2,000 nodes)`);
