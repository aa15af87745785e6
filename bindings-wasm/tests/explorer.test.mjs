// The <strategy-explorer> web component in headless Debian Chromium (playwright-core): the
// example page (examples/web/index.html, the Scottish plan) served with the package from
// 127.0.0.1 as the README's static server would, then searched, filtered, clicked and driven
// from the keyboard; a page of hostile labels shows them as text; a screenshot is kept in
// artifacts/explorer.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT, 'artifacts');
const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};
// What the static server may serve (the layout of `python3 -m http.server -d .` at the root).
const SERVED = ['examples/', 'dist/pkg-explorer/', 'dist/pkg-web/', 'bindings-wasm/explorer/', 'dist/npm/', 'tests/fixtures/'];

// Hostile labels: markup in every text a document supplies.
const HOSTILE = JSON.stringify({
  format: 'stratagraph',
  version: 1,
  nodes: [
    { id: 'priority:1', kind: 'priority', number: '1', text: '<script>document.title = `pwned 1`</script>' },
    { id: 'strategic-action:1.1', kind: 'strategic_action', number: '1.1', text: 'Help <b>families</b>.' },
    {
      id: 'action:1.1.1',
      kind: 'action',
      number: '1.1.1',
      label: '"><img src=x onerror="document.title = `pwned 2`">',
      text: '"><img src=x onerror="document.title = `pwned 2`"> <svg onload="document.title = `pwned 4`">',
      deadline: { end: '2024-03-31', phrase: '<i>By March 2024</i>' },
    },
    { id: 'outcome:1', kind: 'outcome', number: '1', text: '</text><script>document.title = `pwned 5`</script>' },
    { id: 'partner:x', kind: 'partner', label: '<img src=x onerror="document.title = `pwned 3`">' },
  ],
  edges: [
    { source: 'priority:1', target: 'strategic-action:1.1', kind: 'contains' },
    { source: 'strategic-action:1.1', target: 'action:1.1.1', kind: 'contains' },
    { source: 'action:1.1.1', target: 'outcome:1', kind: 'contributes_to' },
    { source: 'action:1.1.1', target: 'partner:x', kind: 'led_by' },
  ],
});

const HOSTILE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>hostile labels</title>
<script type="module">
import * as stratagraph from '/dist/pkg-explorer/stratagraph_wasm.js';
import { StrategyExplorer } from '/bindings-wasm/explorer/strategy-explorer.js';
StrategyExplorer.usePackage(stratagraph);
const el = document.createElement('strategy-explorer');
el.format = 'json';
el.partners = true;
el.text = ${JSON.stringify(HOSTILE).replace(/</g, '\\u003c')}; // every < escaped, so no closing script tag ends this script early
document.body.append(el);
</script></head><body></body></html>`;

// A generated plan past the drawing's budget (set low, so the test stays quick): drawn in part.
const LARGE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>a large plan</title>
<script type="module">
import * as stratagraph from '/dist/pkg-explorer/stratagraph_wasm.js';
import { StrategyExplorer } from '/bindings-wasm/explorer/strategy-explorer.js';
StrategyExplorer.usePackage(stratagraph);
</script></head>
<body><strategy-explorer src="/test/large.json" format="json" max-nodes="300"></strategy-explorer></body></html>`;
const require = createRequire(import.meta.url);
const PKG_NODE = path.join(ROOT, 'dist/pkg-node/stratagraph_wasm.js');
let largePlan = null;
/** The core's generator: a plan of about 2,000 nodes (the explorer's figure), its JSON. */
function large() {
  if (largePlan === null) {
    const plan = require(PKG_NODE).generateStrategy({ size: 'S', actions: 1400, priorities: 30, partners: 250, outcomes: 40, seed: 42 });
    largePlan = { json: plan.toJson(), nodes: plan.nodeCount };
    plan.free();
  }
  return largePlan;
}
const AXE = path.join(ROOT, 'bindings-wasm/node_modules/axe-core/axe.min.js');

// The npm package as published (dist/npm): the component finds the explorer's module beside it.
const NPM_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>from the npm layout</title>
<script type="module" src="/dist/npm/explorer/strategy-explorer.js"></script></head>
<body><strategy-explorer src="/tests/fixtures/mini-plan.json" format="json"></strategy-explorer></body></html>`;

// Which module a page downloads for what it is given: /test/modules/NAME.html (see MODULE_CASES).
const PLAN_TXT = '/examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt';
const STRATEGY_TXT = '/examples/data/wales-together-for-mental-health.txt';
const modulesPage = (head, body = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>modules</title>
<script type="module">${head}</script></head><body>${body}</body></html>`;
// An explorer appended by the script, its text fetched first (the page's own text attribute).
const withText = (url, prefix = '') => `import '/dist/npm/explorer/strategy-explorer.js';
const el = document.createElement('strategy-explorer');
el.text = ${JSON.stringify(prefix)} + (await (await fetch('${url}')).text());
document.body.append(el);`;
const NPM_DIR = '/dist/npm/pkg-explorer/';
const LITE_WASM = `${NPM_DIR}stratagraph_wasm_bg.wasm`;
const PARSE_WASM = `${NPM_DIR}stratagraph_wasm_parse_bg.wasm`;
/** [page, what it must download, what it must not] (paths the server was asked for). */
const MODULE_CASES = {
  'plan-src': [modulesPage("import '/dist/npm/explorer/strategy-explorer.js';", `<strategy-explorer src="${PLAN_TXT}" format="plan"></strategy-explorer>`), [PARSE_WASM], [LITE_WASM, `${NPM_DIR}stratagraph_wasm.js`]],
  // no format and a src: the explorer's module loads before the text is seen, then the parse module
  'untold-src': [modulesPage("import '/dist/npm/explorer/strategy-explorer.js';", `<strategy-explorer src="${PLAN_TXT}"></strategy-explorer>`), [LITE_WASM, PARSE_WASM], []],
  'strategy-text': [modulesPage(withText(STRATEGY_TXT)), [PARSE_WASM], [LITE_WASM]],
  'json-text': [modulesPage(withText('/tests/fixtures/mini-plan.json', '\n  ')), [LITE_WASM], [PARSE_WASM]],
  'progress-text': [modulesPage(withText('/tests/fixtures/progress-report.txt')), [PARSE_WASM], [LITE_WASM]],
  // the whole API handed over reads text itself; a parser handed over is used for text
  'whole-api': [
    modulesPage(`import * as sg from '/dist/pkg-web/stratagraph_wasm.js';
import { StrategyExplorer } from '/dist/npm/explorer/strategy-explorer.js';
StrategyExplorer.usePackage(sg);`, `<strategy-explorer src="${PLAN_TXT}" format="plan"></strategy-explorer>`),
    ['/dist/pkg-web/stratagraph_wasm_bg.wasm'],
    [LITE_WASM, PARSE_WASM],
  ],
  'parser-given': [
    modulesPage(`import * as sg from '${NPM_DIR}stratagraph_wasm.js';
import { StrategyExplorer } from '/dist/npm/explorer/strategy-explorer.js';
StrategyExplorer.usePackage(sg, '/dist/pkg-web/stratagraph_wasm.js');`, `<strategy-explorer src="${PLAN_TXT}" format="plan"></strategy-explorer>`),
    ['/dist/pkg-web/stratagraph_wasm_bg.wasm'],
    [LITE_WASM, PARSE_WASM],
  ],
};

// The user guide's page: docs/guide.md's one ```html block, served at /guide/ as a site that
// installed the npm package would serve it: node_modules/stratagraph/ is the staged package
// (dist/npm), the bundled documents (examples/data) sit beside the page.
const GUIDE_BLOCKS = [...fs.readFileSync(path.join(ROOT, 'docs/guide.md'), 'utf8').matchAll(/^```html\n([\s\S]*?)^```$/gm)];
const GUIDE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>the guide's page</title></head>
<body>${GUIDE_BLOCKS[0]?.[1] ?? ''}</body></html>`;
/** The repository path a /guide/ path is served from (null: not the guide's). */
function guidePath(pathname) {
  if (pathname === '/guide/') return null;
  const npm = '/guide/node_modules/stratagraph/';
  if (pathname.startsWith(npm)) return `/dist/npm/${pathname.slice(npm.length)}`;
  if (pathname.startsWith('/guide/')) return `/examples/data/${pathname.slice('/guide/'.length)}`;
  return null;
}

function serve() {
  const requested = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requested.push(url.pathname);
    if (url.pathname === '/test/large.html') {
      res.writeHead(200, { 'content-type': MIME['.html'] }).end(LARGE_PAGE);
      return;
    }
    if (url.pathname === '/test/large.json') {
      res.writeHead(200, { 'content-type': MIME['.json'] }).end(large().json);
      return;
    }
    if (url.pathname === '/test/report.html') {
      // The HTML report of the hostile document, as the npm package writes it (dist/pkg-node).
      const sg = createRequire(import.meta.url)('./support.cjs').loadPackage();
      res.writeHead(200, { 'content-type': MIME['.html'] }).end(sg.exportStrategy(sg.Strategy.fromJson(HOSTILE), 'html'));
      return;
    }
    const modules = url.pathname.match(/^\/test\/modules\/([a-z-]+)\.html$/);
    if (modules && MODULE_CASES[modules[1]]) {
      res.writeHead(200, { 'content-type': MIME['.html'] }).end(MODULE_CASES[modules[1]][0]);
      return;
    }
    if (url.pathname === '/guide/') {
      res.writeHead(200, { 'content-type': MIME['.html'] }).end(GUIDE_PAGE);
      return;
    }
    if (url.pathname === '/test/hostile.html' || url.pathname === '/test/npm.html') {
      res.writeHead(200, { 'content-type': MIME['.html'] }).end(url.pathname === '/test/npm.html' ? NPM_PAGE : HOSTILE_PAGE);
      return;
    }
    let rel = decodeURIComponent(guidePath(url.pathname) ?? url.pathname).replace(/^\/+/, '');
    if (rel.endsWith('/') || rel === '') rel += 'index.html';
    const file = path.resolve(ROOT, rel);
    const allowed = SERVED.some((p) => file.startsWith(path.join(ROOT, p)));
    if (!allowed || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  server.requested = requested; // every path asked for, in order
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A fresh headless Chromium (no profile, no downloads) and a page that records the explorer's events. */
async function browser(t) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'stratagraph-explorer-'));
  process.env.XDG_CONFIG_HOME = path.join(scratch, 'config');
  process.env.XDG_CACHE_HOME = path.join(scratch, 'cache');
  const context = await chromium.launchPersistentContext(path.join(scratch, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 1000 },
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
  // One hook, in order: the browser closes before its profile is removed.
  t.after(async () => {
    await context.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  });
  await context.addInitScript(() => {
    window.__events = [];
    for (const type of ['load', 'select', 'selection-change', 'filterchange', 'error']) {
      document.addEventListener(type, (e) => {
        if (e.target?.localName === 'strategy-explorer') window.__events.push({ type, detail: e.detail && JSON.parse(JSON.stringify({ ...e.detail, error: String(e.detail.error ?? '') })) });
      });
    }
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const messages = [];
  page.on('pageerror', (e) => messages.push(`pageerror: ${e}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') messages.push(`${m.type()}: ${m.text()}`);
  });
  return { page, messages };
}

/** Wait for the explorer's `load` (or `error`) event and return its detail. */
async function loaded(page, messages) {
  try {
    await page.waitForFunction(() => window.__events.some((e) => e.type === 'load' || e.type === 'error'), null, {
      timeout: 30_000,
    });
  } catch (e) {
    throw new Error(`${e.message}; page messages: ${JSON.stringify(messages)}`, { cause: e });
  }
  const events = await page.evaluate(() => window.__events);
  const error = events.find((e) => e.type === 'error');
  assert.equal(error, undefined, `the explorer failed: ${JSON.stringify(error)}`);
  return events.find((e) => e.type === 'load').detail;
}

test('prerequisites: the built package and Chromium', () => {
  assert.ok(fs.existsSync(path.join(ROOT, 'dist/pkg-explorer/stratagraph_wasm.js')), 'run bindings-wasm/build.sh first');
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium (or set CHROMIUM_PATH)`);
});

test("the user guide's page: the npm package's component draws the Scottish plan", async (t) => {
  assert.equal(GUIDE_BLOCKS.length, 1, 'docs/guide.md has one ```html block');
  const server = await serve();
  t.after(() => server.close());
  const { page, messages } = await browser(t);
  await page.goto(`http://127.0.0.1:${server.address().port}/guide/`);
  const load = await loaded(page, messages);
  assert.equal(load.drawn, 42, 'every node of the drawn kinds, as on the example page');
  // The component found its parse module in the installed package, beside itself.
  assert.ok(server.requested.includes('/guide/node_modules/stratagraph/pkg-explorer/stratagraph_wasm_parse_bg.wasm'), server.requested.join());
  const partners = await page.evaluate(() => document.querySelector('strategy-explorer').partners);
  assert.equal(partners, true, 'the partners attribute is read');
});

test('the example page: drawing, search, filter, details, keyboard, theme, screenshot', async (t) => {
  const server = await serve();
  t.after(() => server.close());
  const { page, messages } = await browser(t);
  await page.goto(`http://127.0.0.1:${server.address().port}/examples/web/`);
  const load = await loaded(page, messages);
  // The page hands over the explorer's module and gives a plan's text: its parse module, found
  // beside it, reads and draws it; the explorer's module's .wasm is never fetched.
  assert.ok(server.requested.includes('/dist/pkg-explorer/stratagraph_wasm_parse_bg.wasm'), server.requested.join());
  assert.ok(!server.requested.includes('/dist/pkg-explorer/stratagraph_wasm_bg.wasm'), server.requested.join());

  // The drawing: one focusable box per node of the drawn kinds, as the model counts them.
  const counts = await page.evaluate(() => {
    const el = document.querySelector('strategy-explorer');
    const kinds = ['priority', 'strategic_action', 'action', 'outcome', 'partner'];
    const boxes = [...el.shadowRoot.querySelectorAll('svg g.sg-node')];
    return {
      model: el.strategy.nodes().filter((n) => kinds.includes(n.kind)).length,
      drawn: boxes.length,
      focusable: boxes.filter((g) => g.hasAttribute('tabindex') && g.getAttribute('role') === 'button' && g.getAttribute('aria-label')).length,
      tabStops: boxes.filter((g) => g.getAttribute('tabindex') === '0').length,
      busy: el.shadowRoot.querySelector('.drawing').getAttribute('aria-busy'),
      rootRole: el.shadowRoot.querySelector('svg').getAttribute('role'),
    };
  });
  assert.equal(counts.model, 42, '1 priority, 4 strategic actions, 13 actions, 7 outcomes, 17 partners');
  assert.equal(counts.drawn, counts.model);
  assert.equal(load.drawn, counts.model);
  assert.equal(counts.focusable, counts.drawn);
  assert.equal(counts.tabStops, 1, 'one tab stop in the drawing (roving tabindex)');
  assert.equal(counts.busy, 'false');
  assert.equal(counts.rootRole, 'group');

  // The filter selects are filled from the core's tables.
  const options = await page.evaluate(() => {
    const root = document.querySelector('strategy-explorer').shadowRoot;
    const values = (f) => [...root.querySelectorAll(`select[data-filter="${f}"] option`)].map((o) => o.value).filter(Boolean);
    return { partner: values('partner'), outcome: values('outcome'), priority: values('priority'), status: values('status') };
  });
  assert.equal(options.outcome.length, 7);
  assert.deepStrictEqual(options.priority, ['priority:10']);
  assert.ok(options.partner.includes('partner:convention-of-scottish-local-authorities'));
  assert.equal(options.partner[0], 'partner:scottish-government', 'heaviest partner first (partner load)');
  assert.deepStrictEqual(options.status, [], 'the plan carries no statuses');

  // Search for a partner: the actions COSLA has a role on, as the core's responsibilities say.
  await page.locator('strategy-explorer input[type="search"]').fill('COSLA');
  const search = await page.evaluate(() => {
    const el = document.querySelector('strategy-explorer');
    const root = el.shadowRoot;
    return {
      matched: [...root.querySelectorAll('g.sg-node.se-match')].map((g) => g.getAttribute('data-id')),
      dimmed: root.querySelectorAll('g.sg-node.se-dim').length,
      count: root.querySelector('.count').textContent,
      expected: [...new Set(el.strategy.responsibilities('COSLA').rows.map((r) => r.action))],
      filter: el.getAttribute('filter'),
      event: window.__events.filter((e) => e.type === 'filterchange').at(-1)?.detail,
    };
  });
  assert.deepStrictEqual(search.expected, ['action:10.1.5', 'action:10.4.1', 'action:10.4.2']);
  assert.deepStrictEqual(
    search.matched.filter((id) => id.startsWith('action:')).sort(),
    search.expected,
  );
  assert.ok(search.matched.every((id) => id.startsWith('action:') || id === 'partner:convention-of-scottish-local-authorities'));
  assert.ok(search.dimmed > 0, 'what does not match is dimmed');
  assert.equal(search.count, `${search.matched.length} matches`);
  assert.equal(search.filter, 'q=COSLA', 'the filter attribute reflects the search');
  assert.equal(search.event.q, 'COSLA');
  assert.equal(search.event.matches, search.matched.length);

  // A filter: outcome 3. The actions it keeps are those the core counts for it (its actions
  // table: an action's own outcomes and its containers'; the explorer's module has no
  // explainContribution).
  await page.locator('strategy-explorer button[part="clear"]').click();
  await page.locator('strategy-explorer select[data-filter="outcome"]').selectOption('outcome:3');
  const filtered = await page.evaluate(() => {
    const el = document.querySelector('strategy-explorer');
    const root = el.shadowRoot;
    const rows = el.strategy.actionsTable().rows;
    return {
      matched: [...root.querySelectorAll('g.sg-node.se-match')].map((g) => g.getAttribute('data-id')).sort(),
      expected: rows.filter((r) => r.outcomes.split('; ').includes('3')).map((r) => r.id).sort(),
      filter: el.filter,
      event: window.__events.filter((e) => e.type === 'filterchange').at(-1)?.detail,
    };
  });
  assert.ok(filtered.expected.length > 0);
  assert.deepStrictEqual(filtered.matched, filtered.expected);
  assert.equal(filtered.filter, 'outcome=outcome%3A3');
  assert.equal(filtered.event.outcome, 'outcome:3');
  assert.deepStrictEqual(filtered.event.ids.slice().sort(), filtered.expected);

  // The filter attribute drives the selects too (partner NES), then everything is cleared.
  await page.evaluate(() => {
    document.querySelector('strategy-explorer').filter = 'partner=partner:nhs-education-for-scotland';
  });
  const byAttribute = await page.evaluate(() => {
    const el = document.querySelector('strategy-explorer');
    const root = el.shadowRoot;
    return {
      select: root.querySelector('select[data-filter="partner"]').value,
      outcome: root.querySelector('select[data-filter="outcome"]').value,
      matched: [...root.querySelectorAll('g.sg-node.se-match')].map((g) => g.getAttribute('data-id')).sort(),
      expected: [...new Set(el.strategy.responsibilities('partner:nhs-education-for-scotland').rows.map((r) => r.action))].sort(),
    };
  });
  assert.equal(byAttribute.select, 'partner:nhs-education-for-scotland');
  assert.equal(byAttribute.outcome, '');
  assert.deepStrictEqual(byAttribute.matched, byAttribute.expected);
  await page.locator('strategy-explorer button[part="clear"]').click();
  assert.equal(await page.evaluate(() => document.querySelector('strategy-explorer').hasAttribute('filter')), false);

  // Select action 10.1.5 with the mouse: its details, read from the panel.
  await page.locator('strategy-explorer g.sg-node[data-id="action:10.1.5"]').click();
  const details = await page.evaluate(() => {
    const root = document.querySelector('strategy-explorer').shadowRoot;
    const field = (f) => root.querySelector(`.details [data-field="${f}"] dd`)?.textContent ?? null;
    return {
      heading: root.querySelector('.details h2').textContent,
      kind: field('kind'),
      leads: field('leads'),
      leadsTerm: root.querySelector('.details [data-field="leads"] dt')?.textContent,
      partners: field('key-partners'),
      deadline: field('deadline'),
      outcomes: [...root.querySelectorAll('.details [data-field="outcomes"] li')].map((li) => li.textContent),
      text: field('text'),
      pressed: root.querySelector('g.sg-node[data-id="action:10.1.5"]').getAttribute('aria-pressed'),
      event: window.__events.filter((e) => e.type === 'select').at(-1)?.detail,
    };
  });
  assert.equal(details.heading, 'Action 10.1.5');
  assert.equal(details.kind, 'Action');
  assert.equal(details.leads, 'Scottish Government, COSLA');
  assert.equal(details.leadsTerm, 'Leads');
  // In the core's order (nodeContexts, as in the actions table): partners as the plan first names them.
  assert.equal(details.partners, 'Third sector organisations, statutory services, national agencies');
  assert.equal(details.deadline, 'By November 2023 (by 2023-11-30)');
  assert.equal(details.outcomes.length, 7, 'priority 10 contributes to all seven outcomes');
  assert.match(details.text, /^By November 2023, launch a new Strategic Board/);
  assert.equal(details.pressed, 'true');
  assert.equal(details.event.id, 'action:10.1.5');
  assert.equal(details.event.node.number, '10.1.5');
  assert.deepStrictEqual(details.event.details.leads, ['Scottish Government', 'COSLA']);

  // The keyboard: arrows move the focus (visibly), Enter selects, Escape clears.
  const focused = () =>
    page.evaluate(() => {
      const root = document.querySelector('strategy-explorer').shadowRoot;
      const g = root.activeElement;
      const rect = g?.querySelector('rect');
      return {
        id: g?.getAttribute('data-id') ?? null,
        tabindex: g?.getAttribute('tabindex') ?? null,
        stroke: rect ? getComputedStyle(rect).strokeWidth : null,
      };
    });
  assert.equal((await focused()).id, 'action:10.1.5', 'a click focuses the box');
  await page.keyboard.press('ArrowDown');
  const down = await focused();
  assert.match(down.id, /^action:/);
  assert.notEqual(down.id, 'action:10.1.5');
  assert.equal(down.tabindex, '0', 'the focused box is the tab stop');
  assert.equal(down.stroke, '4px', 'the focus is visible');
  await page.keyboard.press('ArrowUp');
  assert.equal((await focused()).id, 'action:10.1.5');
  await page.keyboard.press('ArrowLeft');
  assert.equal((await focused()).id, 'strategic-action:10.1', 'left goes to the container');
  await page.keyboard.press('ArrowLeft');
  assert.equal((await focused()).id, 'priority:10');
  await page.keyboard.press('ArrowRight');
  assert.match((await focused()).id, /^strategic-action:/);
  await page.keyboard.press('Enter');
  const selectedByKey = await page.evaluate(() => document.querySelector('strategy-explorer').selected);
  assert.deepStrictEqual(selectedByKey, [(await focused()).id]);
  await page.keyboard.press('Escape');
  assert.deepStrictEqual(await page.evaluate(() => document.querySelector('strategy-explorer').selected), []);
  // Tab from the search box reaches the drawing's one tab stop after the toolbar's controls.
  await page.locator('strategy-explorer input[type="search"]').focus();
  for (let i = 0; i < 12 && (await focused()).id === null; i++) await page.keyboard.press('Tab');
  assert.match((await focused()).id ?? '', /^[a-z-]+:/, 'Tab reaches the drawing');

  // Themes through custom properties: the attribute wins over the system's scheme.
  const themes = await page.evaluate(() => {
    const el = document.querySelector('strategy-explorer');
    const bg = () => getComputedStyle(el).getPropertyValue('--se-bg').trim();
    const light = bg();
    el.setAttribute('theme', 'dark');
    const dark = bg();
    return { light, dark };
  });
  assert.notEqual(themes.light, themes.dark);

  // Back to light for the screenshot, with action 10.1.5 selected.
  await page.evaluate(() => {
    const el = document.querySelector('strategy-explorer');
    el.removeAttribute('theme');
    el.select('action:10.1.5');
  });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, 'explorer.png'), fullPage: true });
  assert.ok(fs.statSync(path.join(ARTIFACTS, 'explorer.png')).size > 10_000);
  assert.deepStrictEqual(messages, []);
});

test('hostile labels show as text and never run', async (t) => {
  const server = await serve();
  t.after(() => server.close());
  const { page, messages } = await browser(t);
  await page.goto(`http://127.0.0.1:${server.address().port}/test/hostile.html`);
  await loaded(page, messages);
  await page.locator('strategy-explorer g.sg-node[data-id="action:1.1.1"]').click();
  await page.waitForTimeout(200); // time for an image's onerror, were there an image
  const seen = await page.evaluate(() => {
    const el = document.querySelector('strategy-explorer');
    const root = el.shadowRoot;
    return {
      title: document.title,
      active: root.querySelectorAll('script, img, iframe, foreignObject, [onerror], [onload]').length,
      boxes: root.querySelectorAll('g.sg-node').length,
      priorityTitle: root.querySelector('g.sg-node[data-id="priority:1"] title').textContent,
      actionLabel: root.querySelector('g.sg-node[data-id="action:1.1.1"]').getAttribute('aria-label'),
      outcomeTitle: root.querySelector('g.sg-node[data-id="outcome:1"] title').textContent,
      details: root.querySelector('.details').textContent,
      leads: root.querySelector('.details [data-field="leads"] dd').textContent,
      deadline: root.querySelector('.details [data-field="deadline"] dd').textContent,
      option: [...root.querySelectorAll('select[data-filter="partner"] option')].map((o) => o.textContent).join('|'),
    };
  });
  assert.equal(seen.title, 'hostile labels', 'no script of the document ran (each would set document.title)');
  assert.equal(seen.active, 0, 'no element of the document became markup');
  assert.equal(seen.boxes, 5);
  assert.equal(seen.priorityTitle, 'Priority 1: <script>document.title = `pwned 1`</script>');
  assert.ok(seen.actionLabel.includes('"><img src=x onerror="document.title = `pwned 2`">'), seen.actionLabel);
  assert.ok(seen.outcomeTitle.includes('</text><script>document.title = `pwned 5`</script>'));
  assert.ok(seen.details.includes('<svg onload="document.title = `pwned 4`">'));
  assert.equal(seen.leads, '<img src=x onerror="document.title = `pwned 3`">');
  assert.equal(seen.deadline, '<i>By March 2024</i> (by 2024-03-31)');
  assert.ok(seen.option.includes('<img src=x onerror="document.title'), seen.option); // (the option may be cut short)
  assert.deepStrictEqual(messages, []);
});

test('the HTML report shows hostile labels as text and runs none of them', async (t) => {
  const server = await serve();
  t.after(() => server.close());
  const { page, messages } = await browser(t);
  await page.goto(`http://127.0.0.1:${server.address().port}/test/report.html`);
  const before = await page.title();
  await page.waitForTimeout(200); // time for an image's onerror, were there an image
  const seen = await page.evaluate(() => ({
    title: document.title,
    active: document.querySelectorAll('script, img, iframe, object, embed, [onerror], [onload], [onclick]').length,
    links: [...document.querySelectorAll('a[href]')].filter((a) => !a.getAttribute('href').startsWith('#')).length,
    text: document.body.textContent,
  }));
  assert.ok(!before.includes('pwned') && seen.title === before, `document.title changed: ${seen.title}`);
  assert.equal(seen.active, 0, 'no element of the document became markup');
  assert.equal(seen.links, 0, 'the report links nowhere outside itself');
  for (const shown of ['<script>document.title = `pwned 1`</script>', '<img src=x onerror="document.title = `pwned 3`">']) {
    assert.ok(seen.text.includes(shown), `${shown} is not shown as text`);
  }
  // the page asked for nothing but itself (and the browser's own favicon, which 404s)
  assert.deepStrictEqual(server.requested.filter((p) => p !== '/favicon.ico'), ['/test/report.html']);
  assert.deepStrictEqual(messages.filter((m) => !m.includes('404')), []);
});

test('from the npm package layout, the explorer loads its own module beside it', async (t) => {
  assert.ok(fs.existsSync(path.join(ROOT, 'dist/npm/explorer/strategy-explorer.js')), 'build.sh stages the component');
  const server = await serve();
  t.after(() => server.close());
  const { page, messages } = await browser(t);
  await page.goto(`http://127.0.0.1:${server.address().port}/test/npm.html`);
  const load = await loaded(page, messages);
  assert.equal(load.nodes, 13);
  assert.equal(load.drawn, 6, '1 priority, 1 strategic action, 2 actions, 2 outcomes');
  assert.deepStrictEqual(messages, []);
  // The explorer's module (within the size budget), not the whole API, and no text parser.
  assert.ok(server.requested.includes('/dist/npm/pkg-explorer/stratagraph_wasm_bg.wasm'), server.requested.join());
  assert.ok(!server.requested.some((p) => p.includes('/pkg-web/')), server.requested.join());
  assert.ok(!server.requested.some((p) => p.includes('stratagraph_wasm_parse')), server.requested.join());
});

test('a page downloads the parse module only when given text, and then not the explorer module', async (t) => {
  const seen = {};
  for (const [name, [, wanted, unwanted]] of Object.entries(MODULE_CASES)) {
    await t.test(name, async (st) => {
      const server = await serve();
      st.after(() => server.close());
      const { page, messages } = await browser(st);
      await page.goto(`http://127.0.0.1:${server.address().port}/test/modules/${name}.html`);
      if (name === 'progress-text') {
        // Told from its text, read by the parse module, and refused: a report is not a strategy.
        await page.waitForFunction(() => window.__events.some((e) => e.type === 'error' || e.type === 'load'), null, { timeout: 30_000 });
        const events = await page.evaluate(() => window.__events.map((e) => e.type));
        assert.deepStrictEqual(events, ['error'], JSON.stringify(messages));
        const text = await page.evaluate(() => document.querySelector('strategy-explorer').shadowRoot.querySelector('.message').textContent);
        assert.match(text, /this is a progress report, not a strategy/);
      } else {
        const load = await loaded(page, messages);
        const info = await page.evaluate(() => {
          const el = document.querySelector('strategy-explorer');
          return { kinds: [...new Set(el.strategy.nodes().map((n) => n.kind))].sort(), whole: typeof el.strategy.explainContribution === 'function' };
        });
        seen[name] = { nodes: load.nodes, drawn: load.drawn, ...info };
        // (a narrative strategy has none of the drawn kinds: its nodes are read, none drawn)
        assert.ok(load.nodes > 0 && (load.drawn > 0 || name === 'strategy-text'), JSON.stringify(load));
        assert.deepStrictEqual(messages, []);
      }
      for (const p of wanted) assert.ok(server.requested.includes(p), `${p} not downloaded: ${server.requested.join()}`);
      for (const p of unwanted) assert.ok(!server.requested.includes(p), `${p} downloaded: ${server.requested.join()}`);
    });
  }
  // The same plan, whichever module read it; the whole API's Strategy where it was the one used.
  assert.equal(seen['untold-src'].nodes, seen['plan-src'].nodes);
  assert.equal(seen['whole-api'].nodes, seen['plan-src'].nodes);
  assert.equal(seen['parser-given'].nodes, seen['plan-src'].nodes);
  assert.deepStrictEqual([seen['plan-src'].whole, seen['whole-api'].whole, seen['parser-given'].whole], [false, true, true]);
  assert.ok(seen['strategy-text'].kinds.includes('strategy'), JSON.stringify(seen['strategy-text']));
  assert.equal(seen['json-text'].nodes, 13, 'the mini plan, read as JSON');
});

/** axe-core (bindings-wasm/node_modules, pinned by package-lock.json) on the page: WCAG 2.2 AA. */
async function axe(page) {
  await page.addScriptTag({ content: fs.readFileSync(AXE, 'utf8') });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help, where: v.nodes[0]?.target }));
  });
}

test('selection and filters as properties and events; the table view; axe-core finds nothing serious', async (t) => {
  const server = await serve();
  t.after(() => server.close());
  const { page, messages } = await browser(t);
  await page.goto(`http://127.0.0.1:${server.address().port}/examples/web/`);
  await loaded(page, messages);
  const el = 'strategy-explorer';

  // A click selects one node; Ctrl-click adds one; each change fires selection-change.
  await page.locator(`${el} g.sg-node[data-id="action:10.1.5"]`).click();
  await page.locator(`${el} g.sg-node[data-id="action:10.2.1"]`).click({ modifiers: ['Control'] });
  const clicked = await page.evaluate(() => ({
    selected: document.querySelector('strategy-explorer').selected,
    events: window.__events.filter((e) => e.type === 'selection-change').map((e) => e.detail.selected),
    marked: [...document.querySelector('strategy-explorer').shadowRoot.querySelectorAll('g.se-selected')].map((g) => g.getAttribute('data-id')),
  }));
  assert.deepStrictEqual(clicked.selected, ['action:10.1.5', 'action:10.2.1']);
  assert.deepStrictEqual(clicked.events, [['action:10.1.5'], ['action:10.1.5', 'action:10.2.1']]);
  assert.deepStrictEqual(clicked.marked.sort(), ['action:10.1.5', 'action:10.2.1']);
  // Shift+Enter on the focused box takes it out again.
  await page.keyboard.press('Shift+Enter');
  assert.deepStrictEqual(await page.evaluate(() => document.querySelector('strategy-explorer').selected), ['action:10.1.5']);

  // Set from outside: the boxes are marked, unknown ids are ignored, one event per change.
  const set = await page.evaluate(() => {
    const x = document.querySelector('strategy-explorer');
    const before = window.__events.length;
    x.selected = ['outcome:3', 'action:10.4.1', 'nothing:here'];
    x.selected = ['outcome:3', 'action:10.4.1']; // the same again: no event
    return {
      selected: x.selected,
      pressed: [...x.shadowRoot.querySelectorAll('g.sg-node[aria-pressed="true"]')].map((g) => g.getAttribute('data-id')).sort(),
      events: window.__events.slice(before).filter((e) => e.type === 'selection-change').length,
    };
  });
  assert.deepStrictEqual(set.selected, ['outcome:3', 'action:10.4.1']);
  assert.deepStrictEqual(set.pressed, ['action:10.4.1', 'outcome:3']);
  assert.equal(set.events, 1);

  // Filters as properties: the select shows it, filterchange carries it, the attribute reflects it.
  const filters = await page.evaluate(() => {
    const x = document.querySelector('strategy-explorer');
    x.partner = 'partner:nhs-education-for-scotland';
    const partner = { select: x.shadowRoot.querySelector('select[data-filter="partner"]').value, attr: x.filter, event: window.__events.at(-1) };
    x.partner = '';
    x.kind = 'outcome';
    const outcomes = [...x.shadowRoot.querySelectorAll('g.sg-node.se-match')].map((g) => g.getAttribute('data-id'));
    x.partner = 'partner:nhs-education-for-scotland'; // outcomes of the actions NES has a role on
    const nesOutcomes = [...x.shadowRoot.querySelectorAll('g.sg-node.se-match')].map((g) => g.getAttribute('data-id'));
    const nesActions = [...new Set(x.strategy.responsibilities('partner:nhs-education-for-scotland').rows.map((r) => r.action))];
    const expected = [...new Set(x.strategy.actionsTable().rows.filter((r) => nesActions.includes(r.id)).flatMap((r) => r.outcomes.split('; ')))]
      .map((n) => `outcome:${n}`);
    const kindOptions = [...x.shadowRoot.querySelectorAll('select[data-filter="kind"] option')].filter((o) => o.value);
    const kinds = kindOptions.map((o) => o.value);
    const kindLabels = kindOptions.map((o) => o.textContent);
    x.kind = '';
    x.partner = '';
    return { partner, outcomes, nesOutcomes: nesOutcomes.sort(), expected: expected.sort(), kinds, kindLabels, kind: x.kind, attr: x.filter };
  });
  assert.equal(filters.partner.select, 'partner:nhs-education-for-scotland');
  assert.equal(filters.partner.attr, 'partner=partner%3Anhs-education-for-scotland');
  assert.equal(filters.partner.event.type, 'filterchange');
  assert.equal(filters.partner.event.detail.partner, 'partner:nhs-education-for-scotland');
  assert.equal(filters.outcomes.length, 7, 'kind=outcome alone keeps the seven outcomes');
  assert.ok(filters.expected.length > 0);
  assert.deepStrictEqual(filters.nesOutcomes, filters.expected);
  assert.deepStrictEqual(filters.kinds, ['priority', 'strategic_action', 'action', 'outcome', 'partner']);
  // The kinds' names are the core's (NodeKind::title, through nodeKinds): the component keeps no table of them.
  assert.deepStrictEqual(filters.kindLabels, ['Priority', 'Strategic action', 'Action', 'Outcome', 'Partner']);
  assert.equal(filters.attr, '');

  // axe-core on the drawing, then the table view: no serious or critical finding (WCAG 2.2 AA).
  const onDrawing = await axe(page);
  assert.deepStrictEqual(onDrawing.filter((v) => v.impact === 'serious' || v.impact === 'critical'), [], JSON.stringify(onDrawing));
  await page.locator(`${el} button[part="view"]`).click();
  const table = await page.evaluate(() => {
    const x = document.querySelector('strategy-explorer');
    const root = x.shadowRoot;
    return {
      view: x.view,
      drawingHidden: root.querySelector('.drawing').hidden,
      rows: root.querySelectorAll('.table tbody tr').length,
      boxes: root.querySelectorAll('g.sg-node').length,
      pressed: [...root.querySelectorAll('.table button[aria-pressed="true"]')].map((b) => b.getAttribute('data-id')).sort(),
      caption: root.querySelector('.table caption').textContent,
      lead: root.querySelector('.table tr[data-id="action:10.1.5"] td:nth-of-type(3)').textContent,
    };
  });
  assert.equal(table.view, 'table');
  assert.equal(table.drawingHidden, true);
  assert.equal(table.rows, table.boxes, 'one row per box of the drawing');
  assert.deepStrictEqual(table.pressed, ['action:10.4.1', 'outcome:3'], 'the selection shows in the table');
  assert.match(table.caption, /42 nodes/);
  assert.equal(table.lead, 'Scottish Government, COSLA');
  // The keyboard in the table: Tab to a row's button, Enter selects it.
  await page.locator(`${el} .table button[data-id="action:10.1.5"]`).focus();
  await page.keyboard.press('Enter');
  assert.deepStrictEqual(await page.evaluate(() => document.querySelector('strategy-explorer').selected), ['action:10.1.5']);
  // A filter hides the rows out of it.
  const hidden = await page.evaluate(() => {
    const x = document.querySelector('strategy-explorer');
    x.partner = 'partner:nhs-education-for-scotland';
    return [...x.shadowRoot.querySelectorAll('.table tbody tr')].filter((tr) => !tr.hidden).length;
  });
  assert.ok(hidden > 0 && hidden < table.rows, `${hidden} rows shown`);
  const onTable = await axe(page);
  assert.deepStrictEqual(onTable.filter((v) => v.impact === 'serious' || v.impact === 'critical'), [], JSON.stringify(onTable));
  assert.deepStrictEqual(messages, []);
});

test('past the budget: a part is drawn, the note says what was left out, the filters narrow it', async (t) => {
  const server = await serve();
  t.after(() => server.close());
  const { page, messages } = await browser(t);
  const { nodes } = large();
  assert.ok(nodes > 1900, `${nodes} nodes`);
  await page.goto(`http://127.0.0.1:${server.address().port}/test/large.html`);
  const load = await loaded(page, messages);
  assert.equal(load.nodes, nodes);
  assert.ok(load.drawn > 0 && load.drawn <= 300, `${load.drawn} boxes drawn`);
  const first = await page.evaluate(() => {
    const x = document.querySelector('strategy-explorer');
    return { note: x.shadowRoot.querySelector('.note').textContent, partners: x.shadowRoot.querySelectorAll('select[data-filter="partner"] option').length };
  });
  assert.match(first.note, new RegExp(`This plan has ${nodes} nodes, more than the drawing's budget of 300`));
  assert.match(first.note, /nodes are left out\. Narrow it with the search or the filters/);
  assert.ok(first.partners > 100, 'the filters offer the whole plan');
  // A partner filter: its actions are drawn (those that fit), each one matching.
  const narrowed = await page.evaluate(() => {
    const x = document.querySelector('strategy-explorer');
    const partner = x.shadowRoot.querySelectorAll('select[data-filter="partner"] option')[30].value;
    x.partner = partner;
    const actions = new Set(x.strategy.responsibilities(partner).rows.map((r) => r.action));
    const drawn = [...x.shadowRoot.querySelectorAll('g.sg-node.action')].map((g) => g.getAttribute('data-id'));
    return { actions: actions.size, drawn: drawn.length, all: drawn.every((id) => actions.has(id)), note: x.shadowRoot.querySelector('.note').textContent };
  });
  assert.ok(narrowed.drawn > 0 && narrowed.all, JSON.stringify(narrowed));
  assert.equal(narrowed.drawn, Math.min(narrowed.actions, narrowed.drawn));
  assert.match(narrowed.note, /the \d+ nodes the search and filters keep/);
  assert.deepStrictEqual(messages, []);
});
