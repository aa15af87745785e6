// The notebook widget in a real JupyterLab (from PyPI, bindings-python/requirements-notebook.txt)
// driven by headless Debian Chromium (playwright-core from bindings-wasm/node_modules): a notebook
// shows `strategy.explore()` on the Scottish plan; a click on a box is read back in the kernel
// (widget.selected and an observe callback, printed by the next cell), and the reverse: a cell
// that sets widget.selected and a filter, checked on the boxes and the select in the page.
//
//   STRATAGRAPH_VENV=.cache/venv-wheel node --test tests/notebook/
//
// The server listens on 127.0.0.1 with a random token, in a scratch directory (its config, data,
// runtime and workspace directories too); nothing but loopback is contacted. Every wait is bounded.
/* global window, document -- the callbacks of page.evaluate run in the page */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '../..');
const require = createRequire(path.join(ROOT, 'bindings-wasm/package.json'));
const { chromium } = require('playwright-core');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VENV = path.resolve(ROOT, process.env.STRATAGRAPH_VENV ?? '.cache/venv-wheel');
const JUPYTER = path.join(VENV, 'bin/jupyter');
const PLAN = path.join(ROOT, 'examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt');
const ARTIFACTS = path.join(ROOT, 'artifacts');

const cell = (source) => ({ cell_type: 'code', execution_count: null, id: crypto.randomUUID().slice(0, 8), metadata: {}, outputs: [], source });
const NOTEBOOK = {
  cells: [
    cell(
      [
        'from pathlib import Path',
        'import stratagraph',
        `plan = stratagraph.parse_delivery_plan(Path(${JSON.stringify(PLAN)}).read_text(encoding="utf-8")).strategy`,
        'seen = []',
        'w = plan.explore()',
        'w.observe(lambda change: seen.append(list(change["new"])), names="selected")',
        'w',
      ].join('\n'),
    ),
    cell('print("selected:", w.selected, "seen:", seen, "partner:", repr(w.partner))'),
    cell('w.selected = ["action:10.4.1", "outcome:3"]\nw.partner = "partner:nhs-education-for-scotland"\nprint("set")'),
    cell('print("rows:", list(w.selected_actions_df()["number"]))'),
    // The explorer's figure: a generated plan of about 2,000 nodes, drawn whole.
    cell(
      [
        'big = stratagraph.generate_plan("S", seed=42, actions=1400, priorities=30, partners=250, outcomes=40)',
        'wb = big.explore()',
        'wb.max_nodes = max(2000, len(big))',
        'print("nodes:", len(big))',
        'wb',
      ].join('\n'),
    ),
    cell('print("big selected:", wb.selected)'),
  ],
  metadata: {
    kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
    language_info: { name: 'python' },
  },
  nbformat: 4,
  nbformat_minor: 5,
};

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Poll until `check` resolves truthy, at most `ms`. */
async function until(what, check, ms) {
  const describe = () => (typeof what === 'function' ? what() : what);
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${describe()}${last ? `: ${last.message}` : ''}`);
}

test('prerequisites: JupyterLab and the wheel in the venv, Chromium, the explorer in the package', () => {
  assert.ok(fs.existsSync(JUPYTER), `${JUPYTER} is missing: pip install -r bindings-python/requirements-notebook.txt`);
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing`);
});

test('JupyterLab: a click selects in the kernel, and Python selects in the page', { timeout: 300_000 }, async (t) => {
  const started = Date.now();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'stratagraph-jupyterlab-'));
  // One hook, last opened first closed: the browser, the server, then their directory.
  const cleanups = [() => fs.rmSync(scratch, { recursive: true, force: true })];
  t.after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });
  const dir = (name) => {
    const d = path.join(scratch, name);
    fs.mkdirSync(d, { recursive: true });
    return d;
  };
  const work = dir('work');
  fs.writeFileSync(path.join(work, 'widget.ipynb'), JSON.stringify(NOTEBOOK, null, 1));
  const token = crypto.randomBytes(24).toString('hex');
  const port = await freePort();
  const env = {
    ...process.env,
    PATH: `${path.join(VENV, 'bin')}:${process.env.PATH}`,
    VIRTUAL_ENV: VENV,
    HOME: dir('home'),
    JUPYTER_CONFIG_DIR: dir('config'),
    JUPYTER_DATA_DIR: dir('data'),
    JUPYTER_RUNTIME_DIR: dir('runtime'),
    IPYTHONDIR: dir('ipython'),
    XDG_CONFIG_HOME: dir('xdg-config'),
    XDG_CACHE_HOME: dir('xdg-cache'),
    JUPYTER_PLATFORM_DIRS: '1',
  };
  const log = [];
  const server = spawn(
    JUPYTER,
    [
      'lab',
      '--no-browser',
      '--ServerApp.ip=127.0.0.1',
      `--ServerApp.port=${port}`,
      '--ServerApp.port_retries=0',
      `--IdentityProvider.token=${token}`,
      `--ServerApp.root_dir=${work}`,
      `--LabApp.workspaces_dir=${dir('workspaces')}`,
      '--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate',
      '--LabApp.extension_manager=readonly', // no extension index from PyPI
      ...(process.getuid?.() === 0 ? ['--allow-root'] : []), // CI containers run as root
    ],
    { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stdout.on('data', (d) => log.push(String(d)));
  server.stderr.on('data', (d) => log.push(String(d)));
  cleanups.push(
    () =>
      new Promise((resolve) => {
        if (server.exitCode !== null) return resolve();
        server.once('exit', resolve);
        server.kill('SIGTERM');
        setTimeout(resolve, 10_000).unref(); // bounded
      }),
  );
  const base = `http://127.0.0.1:${port}`;
  await until(
    () => `JupyterLab on ${base} (log: ${log.join('').slice(-2000)})`,
    async () => (await fetch(`${base}/api/status?token=${token}`)).ok,
    90_000,
  );
  const serverUp = Date.now() - started;

  const profile = dir('chromium');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 1400 },
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
  cleanups.push(() => context.close());
  const page = context.pages()[0] ?? (await context.newPage());
  // Only the server on loopback: any other request fails the test.
  const foreign = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'blob:' || url.protocol === 'data:' || (url.hostname === '127.0.0.1' && url.port === String(port))) {
      return route.continue();
    }
    foreign.push(url.href);
    return route.abort();
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e}`));
  const consoleLog = [];
  page.on('console', (m) => consoleLog.push(`${m.type()}: ${m.text()}`));
  await page.goto(`${base}/lab/tree/widget.ipynb?token=${token}`);
  const cells = page.locator('.jp-Notebook .jp-Cell');
  await cells.first().waitFor({ timeout: 90_000 });
  // The kernel is up and idle (the status bar says so) before the first Shift+Enter.
  await page.getByText(/\(ipykernel\) \| Idle/).first().waitFor({ timeout: 90_000 });

  /** Run cell `i` (click into its editor, Shift+Enter) and return its output's text once it has one. */
  const run = async (i, want) => {
    const prompt = cells.nth(i).locator('.jp-InputPrompt');
    // Shift+Enter until the prompt shows the cell queued or run ("[*]:", "[n]:"), a few times at most.
    for (let attempt = 0; attempt < 3; attempt++) {
      await cells.nth(i).locator('.jp-InputArea-editor').click();
      await page.keyboard.press('Shift+Enter');
      const ran = await until(`cell ${i + 1} to run`, async () => /\[(\*|\d+)\]/.test(await prompt.innerText()), 10_000).catch(() => false);
      if (ran) break;
    }
    if (!want) return '';
    const out = cells.nth(i).locator('.jp-OutputArea-output');
    return until(`the output of cell ${i + 1} (${want})`, async () => {
      const text = (await out.allInnerTexts()).join('\n');
      return text.match(want) ? text : null;
    }, 90_000);
  };

  // The widget: the explorer, drawn in the output of the first cell.
  await run(0);
  const explorer = cells.nth(0).locator('strategy-explorer');
  try {
    await explorer.locator('g.sg-node[data-id="action:10.1.5"]').waitFor({ timeout: 120_000 });
  } catch (e) {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'jupyterlab-widget-failed.png') });
    const output = (await cells.nth(0).locator('.jp-OutputArea').allInnerTexts()).join('\n');
    throw new Error(`no widget: output ${JSON.stringify(output.slice(0, 2000))}; console ${JSON.stringify(consoleLog.slice(-20))}; ${errors}`, { cause: e });
  }
  const shown = Date.now() - started;

  // The page to Python: click a box, Ctrl-click a second, choose a partner; the kernel has them.
  await explorer.locator('g.sg-node[data-id="action:10.1.5"]').click();
  await explorer.locator('g.sg-node[data-id="action:10.2.1"]').click({ modifiers: ['Control'] });
  await explorer.locator('select[data-filter="partner"]').selectOption('partner:convention-of-scottish-local-authorities');
  const printed = await run(1, /selected:/);
  assert.match(printed, /selected: \['action:10\.1\.5', 'action:10\.2\.1'\]/);
  assert.match(printed, /seen: \[\['action:10\.1\.5'\], \['action:10\.1\.5', 'action:10\.2\.1'\]\]/, 'observe fired per change');
  assert.match(printed, /partner: 'partner:convention-of-scottish-local-authorities'/);

  // Python to the page: set the selection and a filter; the boxes and the select follow.
  await run(2, /set/);
  const marked = await until('the selection from Python on the boxes', async () => {
    const ids = await explorer.locator('g.sg-node.se-selected').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-id')).sort());
    return ids.join() === 'action:10.4.1,outcome:3' ? ids : null;
  }, 30_000);
  assert.deepStrictEqual(marked, ['action:10.4.1', 'outcome:3']);
  assert.equal(await explorer.locator('g.sg-node[data-id="action:10.4.1"]').getAttribute('aria-pressed'), 'true');
  assert.equal(await explorer.locator('g.sg-node[data-id="action:10.1.5"]').getAttribute('aria-pressed'), 'false');
  await until('the partner filter from Python', async () =>
    (await explorer.locator('select[data-filter="partner"]').inputValue()) === 'partner:nhs-education-for-scotland', 30_000);
  const rows = await run(3, /rows:/);
  assert.match(rows, /rows: \['10\.4\.1'\]/, 'selected_actions_df: the selected actions');

  // A plan of about 2,000 nodes: how long until the widget has drawn it, and until a click is seen.
  await page.evaluate(() => {
    window.__loads = [];
    document.addEventListener('load', (e) => {
      if (e.target?.localName === 'strategy-explorer') window.__loads.push({ ...e.detail, at: performance.now() });
    }, true);
  });
  const t0 = await page.evaluate(() => performance.now());
  const nodes = Number((await run(4, /nodes: \d+/)).match(/nodes: (\d+)/)[1]);
  assert.ok(nodes > 1900, `${nodes} nodes`);
  const big = cells.nth(4).locator('strategy-explorer');
  const loadEvent = await until('the large widget drawn', async () => page.evaluate(() => window.__loads.at(-1)), 120_000);
  const bigLoad = loadEvent.at - t0;
  const note = await big.locator('.note').textContent();
  assert.equal(note, '', 'drawn whole within max_nodes');
  const firstAction = big.locator('g.sg-node.action').first();
  const actionId = await firstAction.getAttribute('data-id');
  const c0 = Date.now();
  await firstAction.click();
  await until('the click on the large plan', async () => (await firstAction.getAttribute('aria-pressed')) === 'true', 30_000);
  const clickMs = Date.now() - c0;
  assert.match(await run(5, /big selected:/), new RegExp(`big selected: \\['${actionId}'\\]`));
  console.log(`# 2,000-node widget: ${nodes} nodes, ${loadEvent.drawn} boxes, shown ${bigLoad.toFixed(0)} ms after Shift+Enter (explorer: shown ${loadEvent.ms.toFixed(0)} ms, ready ${loadEvent.readyMs.toFixed(0)} ms), a click marked in ${clickMs} ms`);

  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, 'jupyterlab-widget.png') });
  assert.deepStrictEqual(foreign, [], 'nothing but the server on loopback');
  assert.deepStrictEqual(errors, []);
  console.log(`# JupyterLab test: server up ${serverUp} ms, widget drawn ${shown} ms, all done ${Date.now() - started} ms`);
});
