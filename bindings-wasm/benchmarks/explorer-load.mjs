// Browser load time of the <strategy-explorer> on a generated plan of about 2,000 nodes (issue
// 7, point 6): how long after navigation the explorer shows its drawing, in headless Chromium.
//
// The page loads the explorer's module (dist/pkg-explorer, what the component loads by default;
// --full: the whole API, dist/pkg-web; init() compiles the .wasm while streaming) and the explorer (bindings-wasm/explorer), which fetches the plan's canonical JSON
// (src="/plan.json" format="json"), reads it (Strategy.fromJson), reads the tables its filters
// and details use (nodes, edges, responsibilities, partner load, progress roll-up), draws it
// with the core (Strategy.toSvg, partners column included), parses the SVG, makes every box
// focusable and puts it in its shadow root. The figure is the explorer's own performance mark
// `strategy-explorer:shown` (set once the first frame with the drawing has been painted:
// requestAnimationFrame, then a task), from performance.timeOrigin (navigation start); each run
// is a cold load (no HTTP cache). `strategy-explorer:ready` follows when the tables behind the
// search, the filters and the details have been read. --partners draws the partners column
// too (the example page does; the explorer's default does not).
//
//   bindings-wasm/build.sh                      # builds dist/pkg-explorer, dist/pkg-web, dist/pkg-node
//   node bindings-wasm/benchmarks/explorer-load.mjs [--nodes 2000] [--runs 5] [--partners] [--full]
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
const FULL = process.argv.includes('--full'); // the whole API instead of the explorer's module
const PKG_WEB = path.join(ROOT, FULL ? 'dist/pkg-web' : 'dist/pkg-explorer');
const PKG_NODE = path.join(ROOT, 'dist/pkg-node/stratagraph_wasm.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const TARGET_NODES = arg('--nodes', 2000);
const RUNS = arg('--runs', 5);
const PARTNERS = process.argv.includes('--partners'); // draw the partners column too

for (const [what, p] of [[path.relative(ROOT, PKG_WEB), path.join(PKG_WEB, 'stratagraph_wasm.js')], ['dist/pkg-node', PKG_NODE], ['Chromium', CHROMIUM]]) {
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
console.log(`# plan: ${plan.nodeCount} nodes, ${plan.edgeCount} edges, ${actions} actions, ${(json.length / 1e3).toFixed(0)} kB of JSON; module: ${path.relative(ROOT, PKG_WEB)}`);

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>load time</title>
<script type="module">
import * as stratagraph from '/pkg/stratagraph_wasm.js';
import { StrategyExplorer } from '/explorer/strategy-explorer.js';
StrategyExplorer.usePackage(stratagraph);
const el = document.querySelector('strategy-explorer');
el.addEventListener('load', (e) => {
  const at = (name) => performance.getEntriesByName(name).at(-1)?.startTime;
  window.__result = {
    marks: {
      start: at('strategy-explorer:start'),
      parsed: at('strategy-explorer:parsed'),
      drawn: at('strategy-explorer:drawn'),
      inserted: at('strategy-explorer:inserted'),
      shown: at('strategy-explorer:shown'),
      ready: at('strategy-explorer:ready'),
    },
    nodes: e.detail.nodes,
    boxes: e.detail.drawn,
  };
  document.body.dataset.ready = '1';
});
el.addEventListener('error', (e) => {
  window.__failure = String(e.detail.error && e.detail.error.stack || e.detail.error);
  document.body.dataset.ready = 'failed';
});
</script></head>
<body><strategy-explorer src="/plan.json" format="json"${PARTNERS ? ' partners' : ''}></strategy-explorer></body></html>`;

const MIME = { '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm' };
const EXPLORER = path.join(ROOT, 'bindings-wasm/explorer');
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (url.pathname === '/') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  if (url.pathname === '/plan.json') return res.writeHead(200, { 'content-type': 'application/json' }).end(json);
  const file = url.pathname.startsWith('/pkg/')
    ? path.join(PKG_WEB, path.basename(url.pathname))
    : url.pathname.startsWith('/explorer/')
      ? path.join(EXPLORER, path.basename(url.pathname))
      : null;
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
    const { marks, nodes, boxes } = await page.evaluate(() => window.__result);
    const f = (x) => x.toFixed(0).padStart(5);
    console.log(
      `run ${run + 1}: package+plan ${f(marks.start)}..${f(marks.parsed)} ms (fromJson done), toSvg ${f(marks.drawn - marks.parsed)} ms, ` +
        `SVG in the shadow root ${f(marks.inserted - marks.drawn)} ms, shown at ${f(marks.shown)} ms after navigation ` +
        `(${f(marks.shown - marks.start)} ms after the explorer started; search and filters ready at ${f(marks.ready)} ms; ${nodes} nodes, ${boxes} boxes)`,
    );
    totals.push(marks.shown);
    await page.close();
  }
} finally {
  await context.close();
  server.close();
  fs.rmSync(scratch, { recursive: true, force: true });
}
totals.sort((a, b) => a - b);
const median = totals[Math.floor(totals.length / 2)];
console.log(`median: explorer drawing shown ${median.toFixed(0)} ms after navigation (target: 500 ms for 2,000 nodes)`);
