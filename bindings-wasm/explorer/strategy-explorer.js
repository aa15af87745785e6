// <strategy-explorer>: an embeddable explorer of a strategy or delivery plan, with no framework.
//
//   <script type="module" src="node_modules/stratagraph/explorer/strategy-explorer.js"></script>
//   <strategy-explorer src="plan.json"></strategy-explorer>
//   <strategy-explorer src="plan.txt" format="plan" filter="partner=partner:cosla"></strategy-explorer>
//
// The drawing is the core's SVG (Strategy.toSvg: the same picture as Python and the command
// line); the search box, the filters (partner, outcome, priority, status) and the details panel
// read the core's tables (responsibilities, partner load, progress roll-up). Every text taken
// from a document is put in with textContent; the SVG, whose texts the core escapes, is parsed
// as XML (never as HTML) and stripped of anything active before it is shown.
//
// Attributes (and properties of the same name):
//   src       URL of canonical JSON or of a document's text
//   text      the document itself (wins over src)
//   format    json | plan | strategy (default: told from the text)
//   filter    the filters as URL parameters: q=, partner=, outcome=, priority=, status=
//   theme     light | dark (default: the system's, prefers-color-scheme)
//   partners  (boolean) draw the partners column too
//   view      drawing | table (the same nodes as a table: the alternative to the drawing)
//   max-nodes the drawing's budget (default 2000): a larger plan is drawn in part (the first
//             actions in the plan's order with their context, or those the filters keep), and
//             the explorer says what it left out
// Properties: strategy (the Strategy shown, read-only); selected (the selected node ids, an
//   array: click selects one, Ctrl/Cmd/Shift-click or Shift+Enter adds or removes one);
//   q, kind, partner, outcome, priority, status (the search and the filters, '' for none).
// Methods: select(id), focusNode(id), reload().
// Events: select (detail: {id, node, details}: the node last clicked or chosen),
//   selection-change (detail: {selected: ids}), filterchange (detail: {filter, q, kind,
//   partner, outcome, priority, status, matches, ids}), load (detail: {nodes, drawn, ms: until
//   the drawing was painted, readyMs: until search, filters and details were ready}),
//   error (detail: {error}). All bubble and cross the shadow boundary.
// Keyboard: Tab into the drawing, arrows move between boxes (up/down in a column, left/right
//   along the edges), Home/End, Enter or Space selects, Shift+Enter adds to the selection,
//   Escape clears it.
//
// The package: two modules beside this file in the npm package (../pkg-explorer/), so that a
// page showing canonical JSON downloads no text parser:
//   stratagraph_wasm.js        the explorer's module: reading canonical JSON and everything the
//                              component draws and queries (within the 300 KB gzip budget);
//   stratagraph_wasm_parse.js  its parse module: the same and the text parsers, imported (with
//                              import()) only when the component is given a document's text
//                              (format plan or strategy, or no format and a text that is not
//                              JSON); that strategy is then read and drawn by it alone.
// The whole API (../pkg-web/) works too, for both. A page that serves them elsewhere imports the
// explorer's module and hands it over, in the module that imports this one; its parse module is
// found beside it (or give one: usePackage(stratagraph, parseModuleUrl)):
//   import * as stratagraph from './somewhere/pkg-explorer/stratagraph_wasm.js';
//   import { StrategyExplorer } from './somewhere/explorer/strategy-explorer.js';
//   StrategyExplorer.usePackage(stratagraph);
// With no format and a src, the explorer's module loads alongside the fetch (JSON being the
// common case) and a text read then loads the parse module too: give the format of a text.

// Resolved when needed: a module loaded from a blob: URL (the notebook widget) has no base to
// resolve it against, and hands its package over with usePackage() instead.
const besideThis = (file) => new URL(`../pkg-explorer/${file}`, import.meta.url).href;
const PARSE_MODULE = 'stratagraph_wasm_parse.js';
let chosenPackage = null;
let chosenParser = null;
let packagePromise = null;
let parserPromise = null;

/** A package's module namespace (imported from its URL when given one). */
const namespace = async (pkg) => (typeof pkg === 'object' ? pkg : import(pkg));

/** A web-target package, initialised (init() fetches and compiles its .wasm once). */
async function initialised(pkg) {
  const mod = await namespace(pkg);
  await mod.default();
  return mod;
}

/** The package that reads canonical JSON and draws: the explorer's module, or the one chosen. */
function loadPackage() {
  packagePromise ??= initialised(chosenPackage ?? besideThis('stratagraph_wasm.js'));
  return packagePromise;
}

/**
 * The package that reads a document's text (and then draws it): the one handed over for it, else
 * the chosen package when it has the parsers (the whole API), else the parse module beside the
 * chosen package (its `parserModuleUrl()`) or beside this file.
 */
function loadParser() {
  parserPromise ??= (async () => {
    if (chosenParser) return initialised(chosenParser);
    if (!chosenPackage) return initialised(besideThis(PARSE_MODULE));
    const mod = await namespace(chosenPackage);
    if (typeof mod.parseDocument === 'function') return loadPackage();
    let url = null;
    try {
      url = typeof mod.parserModuleUrl === 'function' ? mod.parserModuleUrl() : null;
    } catch {
      // loaded from a URL with no base (blob:): no module can be beside it
    }
    if (!url) {
      throw new Error(
        'reading text needs the text parsers, which this package has not: hand over its parse module ' +
          `(StrategyExplorer.usePackage(package, '…/${PARSE_MODULE}')) or give canonical JSON`,
      );
    }
    return initialised(url);
  })();
  return parserPromise;
}

/** The formats the component reads ('' for: told from the text). */
const FORMATS = ['', 'json', 'plan', 'strategy'];
/** Whether a text is canonical JSON by the core's rule (DocumentKind::detect: it starts with `{`). */
const isJson = (text) => /^[\uFEFF \t\r\n]*\{/.test(text);

/** The kinds the core draws, left to right (partners only with the `partners` attribute). */
const COLUMNS = ['priority', 'strategic_action', 'action', 'outcome', 'partner'];
const FILTERS = ['kind', 'partner', 'outcome', 'priority', 'status'];
/** The filters that apply to actions (kind applies to every node). */
const ACTION_FILTERS = ['partner', 'outcome', 'priority', 'status'];
/** The drawing's default budget: the explorer's figure (issue 7: loads in about a second). */
const MAX_NODES = 2000;

const LIGHT = `
  --se-bg: #ffffff; --se-fg: #111827; --se-muted: #4b5563; --se-border: #d1d5db;
  --se-panel: #f9fafb; --se-input: #ffffff; --se-accent: #1d4ed8; --se-focus: #c2410c;
  --se-match: #b91c1c; --se-dim: 0.22; color-scheme: light;`;
const DARK = `
  --se-bg: #0b1220; --se-fg: #e5e7eb; --se-muted: #9ca3af; --se-border: #374151;
  --se-panel: #111827; --se-input: #1f2937; --se-accent: #93c5fd; --se-focus: #fbbf24;
  --se-match: #fca5a5; --se-dim: 0.25; color-scheme: dark;
  --sg-background: #0b1220; --sg-heading: #f9fafb; --sg-column: #9ca3af; --sg-text: #e5e7eb;
  --sg-priority-fill: #1e1b4b; --sg-priority-stroke: #a5b4fc;
  --sg-strategic-action-fill: #2e1065; --sg-strategic-action-stroke: #c4b5fd;
  --sg-action-fill: #422006; --sg-action-stroke: #fbbf24;
  --sg-outcome-fill: #052e16; --sg-outcome-stroke: #4ade80;
  --sg-partner-fill: #082f49; --sg-partner-stroke: #7dd3fc;
  --sg-edge: #64748b; --sg-edge-contains: #64748b; --sg-edge-contributes-to: #16a34a;
  --sg-edge-led-by: #38bdf8; --sg-edge-key-partner: #0ea5e9;`;

const STYLE = `
:host { ${LIGHT}
  display: block; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  color: var(--se-fg); background: var(--se-bg); border: 1px solid var(--se-border); border-radius: 8px;
  overflow: hidden; }
:host([theme="dark"]) { ${DARK} }
@media (prefers-color-scheme: dark) { :host(:not([theme="light"])) { ${DARK} } }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.toolbar { display: flex; flex-wrap: wrap; gap: 0.5rem 0.75rem; align-items: end; padding: 0.6rem 0.75rem;
  background: var(--se-panel); border-bottom: 1px solid var(--se-border); }
.toolbar label { display: flex; flex-direction: column; gap: 0.15rem; font-size: 12px; color: var(--se-muted); }
input, select, button { font: inherit; color: var(--se-fg); background: var(--se-input);
  border: 1px solid var(--se-border); border-radius: 6px; padding: 0.3rem 0.45rem; max-width: 16rem; }
input[type="search"] { width: 14rem; }
button { cursor: pointer; }
:is(input, select, button):focus-visible { outline: 3px solid var(--se-focus); outline-offset: 1px; }
.count { font-size: 12px; color: var(--se-muted); min-width: 6rem; align-self: center; }
.main { display: grid; grid-template-columns: minmax(0, 1fr) 20rem; min-height: 12rem; }
@media (max-width: 800px) { .main { grid-template-columns: 1fr; } }
.drawing { overflow: auto; max-height: var(--se-height, 70vh); background: var(--sg-background, var(--se-bg)); }
.details:focus-visible, .table:focus-visible { outline: 3px solid var(--se-focus); outline-offset: -3px; }
.drawing:focus-visible { outline: 3px solid var(--se-focus); outline-offset: -3px; }
.drawing svg { display: block; }
.details { border-left: 1px solid var(--se-border); padding: 0.75rem; overflow: auto;
  max-height: var(--se-height, 70vh); background: var(--se-panel); }
@media (max-width: 800px) { .details { border-left: 0; border-top: 1px solid var(--se-border); } }
.details h2 { font-size: 15px; margin: 0 0 0.5rem; }
.details dl { margin: 0; display: grid; gap: 0.4rem; }
.details dt { font-size: 12px; color: var(--se-muted); }
.details dd { margin: 0; overflow-wrap: anywhere; }
.details ul { margin: 0; padding-left: 1.1rem; }
.hint { color: var(--se-muted); }
.message { padding: 0.75rem; color: var(--se-match); }
.message:empty { display: none; }
.sg-node { cursor: pointer; }
.sg-node:focus { outline: none; }
.sg-node:focus-visible > rect {
  stroke: var(--se-focus) !important; stroke-width: 4px; }
.sg-node.se-selected > rect { stroke: var(--se-accent) !important; stroke-width: 3px; }
.sg-node.se-match > rect { stroke: var(--se-match) !important; stroke-width: 2.5px; }
.se-filtered .sg-node.se-dim, .se-filtered .sg-edge.se-dim { opacity: var(--se-dim); }
.note { margin: 0; padding: 0.5rem 0.75rem; border-bottom: 1px solid var(--se-border); }
.note:empty { display: none; }
.views { min-width: 0; }
.table { overflow: auto; max-height: var(--se-height, 70vh); }
.table table { border-collapse: collapse; width: 100%; }
.table caption { text-align: left; padding: 0.5rem 0.75rem; color: var(--se-muted); }
.table th, .table td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem;
  border-bottom: 1px solid var(--se-border); }
.table thead th { position: sticky; top: 0; background: var(--se-panel); }
.table button[aria-pressed="true"] { border-color: var(--se-accent); box-shadow: inset 0 0 0 2px var(--se-accent); }
[hidden] { display: none !important; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }
`;

/** An element with attributes and children (text children go in as text nodes). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined && v !== null && v !== false) el.setAttribute(k, v === true ? '' : String(v));
  }
  el.append(...children.filter((c) => c !== null && c !== undefined));
  return el;
}

/** Resolves after the next frame has been painted. */
function nextPaint() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** A short text for a select option or a label. */
function clip(text, n = 60) {
  const s = String(text ?? '').replace(/\s+/g, ' ').trim();
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** "By November 2023 (by 2023-11-30)", "Over 2023/24 (2023-04-01 to 2024-03-31)". */
function describeWindow(w) {
  if (!w) return '';
  const range =
    w.start && w.end ? `${w.start} to ${w.end}` : w.end ? `by ${w.end}` : w.start ? `from ${w.start}` : '';
  if (w.phrase && range) return `${w.phrase} (${range})`;
  return w.phrase || range;
}

/** A kind's name for people ("Strategic action"): the core's (`nodeKinds`). */
const kindTitle = (model, kind) => model.kindTitles.get(kind) ?? kind;

/** What a node is called in a list: "Action 10.1.5", "COSLA". */
function nodeName(model, node) {
  if (!node) return '';
  if (node.kind === 'partner') return node.label || node.id;
  const kind = kindTitle(model, node.kind);
  return node.number ? `${kind} ${node.number}` : node.label || kind;
}

/** Letters and digits only, lowercased: how a name is compared with the text on the screen. */
const bare = (s) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * A box's accessible name: its title (the node's full name), which must contain the text the box
 * shows (WCAG 2.5.3, label in name); when the drawing wrapped or clipped that text so that it
 * does not, the shown text first, then the title.
 */
function accessibleName(g, title) {
  const shown = [...g.querySelectorAll('text')].map((t) => t.textContent).join(' ').replace(/\s+/g, ' ').trim();
  return !shown || bare(shown) === bare(title) ? title : `${shown}: ${title}`;
}

/** Parse the `filter` attribute: URL parameters, unknown names ignored. */
function parseFilter(text) {
  const params = new URLSearchParams(text ?? '');
  const out = { q: params.get('q') ?? '' };
  for (const f of FILTERS) out[f] = params.get(f) ?? '';
  return out;
}

/** The `filter` attribute for a filter state (empty values left out). */
function formatFilter(state) {
  const params = new URLSearchParams();
  for (const key of ['q', ...FILTERS]) if (state[key]) params.set(key, state[key]);
  return params.toString();
}

/** The ids of a context cell (ids joined by "; "). */
const idList = (cell) => (cell ? cell.split('; ') : []);

/**
 * Everything the explorer needs of a strategy, read in a few batch calls. Where each node sits
 * (its containers, the outcomes it counts for, its status, its leads) is the core's answer
 * (`nodeContexts`): the explorer applies no rule of its own.
 */
function buildModel(sg, strategy) {
  const nodes = new Map(strategy.nodes().map((n) => [n.id, n]));
  const context = new Map();
  for (const r of strategy.nodeContexts().rows) {
    context.set(r.id, {
      ancestors: idList(r.ancestors),
      outcomes: idList(r.outcomes),
      leads: idList(r.leads),
      keyPartners: idList(r.key_partners),
      status: r.status ? { status: r.status, from: r.status_from } : null,
    });
  }
  // Every role of every partner on every action, alliances included (core: responsibilities).
  const partnersOf = new Map();
  const partnerLabel = new Map();
  for (const r of strategy.responsibilities().rows) {
    let set = partnersOf.get(r.action);
    if (!set) partnersOf.set(r.action, (set = new Set()));
    set.add(r.partner);
    partnerLabel.set(r.partner, r.partner_label);
  }
  // The roll-up of the actions' statuses to strategic actions, priorities and outcomes.
  const rolledUp = new Map();
  for (const r of strategy.progressRollup().rows) if (r.status) rolledUp.set(r.id, r.status);
  const load = strategy.partnerLoad().rows;
  const statusLabels = new Map(sg.statuses().map((s) => [s.status, s.label]));
  const kindTitles = new Map(sg.nodeKinds().map((k) => [k.kind, k.title]));
  return { nodes, context, partnersOf, partnerLabel, rolledUp, load, statusLabels, kindTitles };
}

const NO_CONTEXT = { ancestors: [], outcomes: [], leads: [], keyPartners: [], status: null };
/** The core's context of a node. */
const contextOf = (model, id) => model.context.get(id) ?? NO_CONTEXT;

export class StrategyExplorer extends HTMLElement {
  static observedAttributes = ['src', 'text', 'format', 'filter', 'partners', 'view', 'max-nodes'];

  static {
    // The search and the filters as properties ('' for none): q, kind, partner, outcome, priority, status.
    for (const f of ['q', ...FILTERS]) {
      Object.defineProperty(this.prototype, f, {
        get() {
          return this.#state[f];
        },
        set(v) {
          this.#setState({ [f]: v ? String(v) : '' });
        },
        configurable: true,
      });
    }
  }

  /**
   * Use this web-target package (its module namespace, or its URL) instead of the one beside this
   * file, and `parser` (the same) to read documents' text: by default the package itself when it
   * has the parsers, else the parse module beside it. Call it in the module that imports this one,
   * before any explorer has loaded.
   */
  static usePackage(pkg, parser = null) {
    if (packagePromise || parserPromise) throw new Error('usePackage: the package is already loaded');
    chosenPackage = pkg;
    chosenParser = parser;
  }

  #sg = null;
  #strategy = null;
  #model = null;
  #svg = null;
  #elements = new Map();
  #columns = [];
  #place = new Map();
  #left = new Map();
  #right = new Map();
  #rightByContains = new Set();
  #edges = [];
  #selected = [];
  #state = { q: '', kind: '', partner: '', outcome: '', priority: '', status: '' };
  #full = null; // the plan's canonical JSON, parsed, when it is over the budget (null: all drawn)
  #drawnKey = '';
  #tableRows = null;
  #generation = 0;
  #scheduled = false;
  #reflecting = false;
  #ui;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const search = h('input', { type: 'search', part: 'search', placeholder: 'Search actions, partners…' });
    const selects = {};
    for (const f of FILTERS) {
      selects[f] = h('select', { part: `filter-${f}`, 'data-filter': f });
    }
    const clear = h('button', { type: 'button', part: 'clear' }, 'Clear');
    const viewButton = h('button', { type: 'button', part: 'view', 'aria-pressed': 'false' }, 'Table view');
    const count = h('output', { class: 'count', 'aria-live': 'polite' });
    const toolbar = h(
      'div',
      { class: 'toolbar', role: 'search', part: 'toolbar' },
      h('label', {}, 'Search', search),
      h('label', {}, 'Kind', selects.kind),
      h('label', {}, 'Partner', selects.partner),
      h('label', {}, 'Outcome', selects.outcome),
      h('label', {}, 'Priority', selects.priority),
      h('label', {}, 'Status', selects.status),
      clear,
      viewButton,
      count,
    );
    const message = h('div', { class: 'message', role: 'alert', part: 'message' });
    const note = h('p', { class: 'note', role: 'status', part: 'note' });
    const drawing = h('div', { class: 'drawing', part: 'drawing', 'aria-busy': 'true' });
    const table = h('div', { class: 'table', part: 'table', hidden: true, tabindex: '0', role: 'region', 'aria-label': 'Table view' });
    // Focusable: it scrolls, and a keyboard must be able to scroll it.
    const details = h('aside', { class: 'details', part: 'details', 'aria-live': 'polite', 'aria-label': 'Details', tabindex: '0' });
    const main = h('div', { class: 'main' }, h('div', { class: 'views' }, drawing, table), details);
    const style = document.createElement('style');
    style.textContent = STYLE;
    root.append(style, toolbar, message, note, main);
    this.#ui = { search, selects, clear, viewButton, count, message, note, drawing, table, details };
    this.#showDetails(null);

    search.addEventListener('input', () => this.#setState({ q: search.value }));
    search.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        const first = this.#firstMatch();
        if (first) {
          e.preventDefault();
          this.focusNode(first);
          this.select(first);
        }
      } else if (e.key === 'Escape' && search.value) {
        e.preventDefault();
        search.value = '';
        this.#setState({ q: '' });
      }
    });
    for (const f of FILTERS) selects[f].addEventListener('change', () => this.#setState({ [f]: selects[f].value }));
    clear.addEventListener('click', () => {
      search.value = '';
      this.#setState({ q: '', kind: '', partner: '', outcome: '', priority: '', status: '' });
    });
    viewButton.addEventListener('click', () => {
      this.view = this.view === 'table' ? 'drawing' : 'table';
    });
    drawing.addEventListener('click', (e) => {
      const g = e.target instanceof Element ? e.target.closest('.sg-node') : null;
      if (g) {
        this.#focusElement(g);
        const id = g.getAttribute('data-id');
        if (e.ctrlKey || e.metaKey || e.shiftKey) this.#toggle(id);
        else this.select(id);
      }
    });
    drawing.addEventListener('keydown', (e) => this.#onKey(e));
    table.addEventListener('click', (e) => {
      const b = e.target instanceof Element ? e.target.closest('button[data-id]') : null;
      if (!b) return;
      const id = b.getAttribute('data-id');
      if (e.ctrlKey || e.metaKey || e.shiftKey) this.#toggle(id);
      else this.select(id);
    });
  }

  connectedCallback() {
    this.#schedule();
  }

  disconnectedCallback() {
    this.#generation += 1;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (name === 'filter') {
      if (!this.#reflecting) this.#setState(parseFilter(newValue), { fromAttribute: true });
      return;
    }
    if (name === 'view') {
      this.#showView();
      return;
    }
    this.#schedule();
  }

  get src() {
    return this.getAttribute('src') ?? '';
  }
  set src(v) {
    this.setAttribute('src', v);
  }
  get text() {
    return this.getAttribute('text') ?? '';
  }
  set text(v) {
    this.setAttribute('text', v);
  }
  get format() {
    return this.getAttribute('format') ?? '';
  }
  set format(v) {
    if (v) this.setAttribute('format', v);
    else this.removeAttribute('format');
  }
  get filter() {
    return this.getAttribute('filter') ?? '';
  }
  set filter(v) {
    this.setAttribute('filter', v ?? '');
  }
  get partners() {
    return this.hasAttribute('partners');
  }
  set partners(v) {
    this.toggleAttribute('partners', Boolean(v));
  }
  /** The Strategy shown (the package's class), or null before it has loaded. */
  get strategy() {
    return this.#strategy;
  }
  /** The selected node ids, in the order they were selected. */
  get selected() {
    return [...this.#selected];
  }
  /** Select these node ids (an array, one id, or null for none); ids not in the plan are ignored. */
  set selected(ids) {
    const list = ids === null || ids === undefined ? [] : Array.isArray(ids) ? ids : [ids];
    this.#setSelection(list.map(String), list.length ? String(list.at(-1)) : null);
  }
  /** drawing | table. */
  get view() {
    return this.getAttribute('view') === 'table' ? 'table' : 'drawing';
  }
  set view(v) {
    this.setAttribute('view', v === 'table' ? 'table' : 'drawing');
  }
  /** The drawing's budget in nodes. */
  get maxNodes() {
    const n = Number.parseInt(this.getAttribute('max-nodes') ?? '', 10);
    return Number.isFinite(n) && n > 0 ? n : MAX_NODES;
  }
  set maxNodes(n) {
    this.setAttribute('max-nodes', String(n));
  }

  /** Load again from `text` or `src`. */
  reload() {
    return this.#load();
  }

  /** Select one node (show its details, fire `select`); null clears the selection. */
  select(id) {
    if (id && !this.#ensureModel()?.nodes.has(id)) return false;
    this.#setSelection(id ? [id] : [], id ?? null);
    return true;
  }

  /** Add a node to the selection, or take it out. */
  #toggle(id) {
    if (!this.#ensureModel()?.nodes.has(id)) return;
    const on = this.#selected.includes(id);
    this.#setSelection(on ? this.#selected.filter((x) => x !== id) : [...this.#selected, id], on ? null : id);
  }

  #ensureModel() {
    if (!this.#model && this.#strategy) this.#model = buildModel(this.#sg, this.#strategy);
    return this.#model;
  }

  /** Make `ids` the selection (marking the boxes and the table's rows); `shown` gets the details. */
  #setSelection(ids, shown) {
    const model = this.#ensureModel();
    const next = model ? [...new Set(ids)].filter((id) => model.nodes.has(id)) : [];
    const before = this.#selected;
    this.#selected = next;
    this.#markSelection();
    const node = shown && next.includes(shown) ? model.nodes.get(shown) : null;
    const details = node ? this.#details(shown) : null;
    this.#showDetails(details);
    this.dispatchEvent(
      new CustomEvent('select', { detail: { id: node ? shown : null, node, details }, bubbles: true, composed: true }),
    );
    if (before.length !== next.length || before.some((id, i) => id !== next[i])) {
      this.dispatchEvent(
        new CustomEvent('selection-change', { detail: { selected: [...next] }, bubbles: true, composed: true }),
      );
    }
  }

  /** The selection shown on the boxes and in the table (aria-pressed). */
  #markSelection() {
    const on = new Set(this.#selected);
    for (const el of this.#ui.drawing.querySelectorAll('.sg-node.se-selected')) {
      if (!on.has(el.getAttribute('data-id'))) {
        el.classList.remove('se-selected');
        el.setAttribute('aria-pressed', 'false');
      }
    }
    for (const id of on) {
      const el = this.#elements.get(id);
      el?.classList.add('se-selected');
      el?.setAttribute('aria-pressed', 'true');
    }
    for (const b of this.#ui.table.querySelectorAll('button[data-id]')) {
      b.setAttribute('aria-pressed', String(on.has(b.getAttribute('data-id'))));
    }
  }

  /** Move the keyboard focus to a node of the drawing. */
  focusNode(id) {
    const el = this.#elements.get(id);
    if (!el) return false;
    this.#focusElement(el);
    return true;
  }

  // ---------------------------------------------------------------------------------------
  // Loading and drawing.

  #schedule() {
    if (this.#scheduled || !this.isConnected) return;
    this.#scheduled = true;
    // After the current script: attributes set together load once, and a page can call
    // usePackage() right after importing this module.
    queueMicrotask(() => {
      this.#scheduled = false;
      if (this.isConnected) this.#load();
    });
  }

  async #load() {
    const generation = ++this.#generation;
    const stale = () => generation !== this.#generation;
    const { drawing, message } = this.#ui;
    const text = this.getAttribute('text');
    const src = this.getAttribute('src');
    if (text === null && !src) return;
    drawing.setAttribute('aria-busy', 'true');
    message.textContent = '';
    performance.mark('strategy-explorer:start');
    const started = performance.now();
    try {
      const format = (this.getAttribute('format') ?? '').trim().toLowerCase();
      if (!FORMATS.includes(format)) {
        throw Object.assign(new Error(`unknown format ${JSON.stringify(format)}: json, plan or strategy`), {
          code: 'unknown_kind',
        });
      }
      // The module that reads it loads alongside the fetch: the explorer's for JSON, its parse
      // module for a text. With no format it is told from the text; a src's is not known before
      // it is fetched, so the explorer's module loads meanwhile (JSON is the common case).
      const kindOf = (body) => format || (isJson(body) ? 'json' : 'text');
      const load = (kind) => (kind === 'json' ? loadPackage() : loadParser());
      const early = load(text !== null ? kindOf(text) : format || 'json');
      early.catch(() => {}); // awaited below when it is the module this document needs
      const body = text !== null ? text : await this.#fetch(src);
      const kind = kindOf(body);
      const sg = await load(kind);
      if (stale()) return;
      this.#sg = sg;
      const strategy = this.#parse(sg, body, kind);
      performance.mark('strategy-explorer:parsed');
      this.#strategy?.free();
      this.#strategy = strategy;
      this.#model = null;
      this.#selected = [];
      this.#full = null;
      let svgText;
      if (strategy.nodeCount > this.maxNodes) {
        // Over the budget: the tables first (they choose what is drawn), then a part of the plan.
        this.#model = buildModel(sg, strategy);
        this.#full = { format: 'stratagraph', version: 1, nodes: strategy.nodes(), edges: strategy.edges() };
        svgText = this.#partSvg();
      } else {
        this.#ui.note.textContent = '';
        svgText = strategy.toSvg({ partners: this.partners });
      }
      performance.mark('strategy-explorer:drawn');
      this.#install(this.#svgElement(svgText));
      performance.mark('strategy-explorer:inserted');
      // The drawing first: the tables behind the search, the filters and the details are read
      // once it is on the screen (a click before then waits for them).
      await nextPaint();
      if (stale()) return;
      performance.mark('strategy-explorer:shown');
      const shown = performance.now() - started;
      this.#ensureModel();
      this.#populateFilters();
      this.#showDetails(null);
      this.#setState(parseFilter(this.getAttribute('filter')), { fromAttribute: true, silent: true });
      drawing.setAttribute('aria-busy', 'false');
      performance.mark('strategy-explorer:ready');
      this.dispatchEvent(
        new CustomEvent('load', {
          detail: { nodes: strategy.nodeCount, drawn: this.#elements.size, ms: shown, readyMs: performance.now() - started },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      if (stale()) return;
      drawing.setAttribute('aria-busy', 'false');
      message.textContent = `Could not show the strategy: ${error?.message ?? error}`;
      this.dispatchEvent(new CustomEvent('error', { detail: { error }, bubbles: true, composed: true }));
    }
  }

  async #fetch(src) {
    const response = await fetch(new URL(src, document.baseURI));
    if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
    return response.text();
  }

  /** The strategy of a document of this kind (json, plan, strategy, or text: told from it). */
  #parse(sg, body, kind) {
    switch (kind) {
      case 'json':
        return sg.Strategy.fromJson(body);
      case 'plan':
        return sg.parseDeliveryPlan(body).strategy;
      case 'strategy':
        return sg.parseStrategy(body).strategy;
      default: {
        const detected = sg.detectDocumentKind(body);
        if (detected === 'progress') {
          throw Object.assign(new Error('this is a progress report, not a strategy'), { code: 'format' });
        }
        const parsed = sg.parseDocument(body, detected);
        parsed.report.free();
        return parsed.strategy;
      }
    }
  }

  /** The core's SVG as an element: parsed as XML, with anything active taken out. */
  #svgElement(text) {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const svg = doc.documentElement;
    if (svg.localName !== 'svg' || doc.getElementsByTagName('parsererror').length > 0) {
      throw new Error('the drawing is not well-formed SVG');
    }
    // The core escapes every text, so none of this is expected; it is a second line of defence.
    for (const el of [...svg.querySelectorAll('script, foreignObject, iframe, object, embed, a, use')]) el.remove();
    const all = svg.getElementsByTagName('*');
    for (let i = 0; i < all.length; i++) {
      const attrs = all[i].attributes;
      for (let j = attrs.length - 1; j >= 0; j--) {
        const name = attrs[j].name.toLowerCase();
        if (name.startsWith('on') || name === 'href' || name.endsWith(':href')) all[i].removeAttribute(attrs[j].name);
      }
    }
    return document.adoptNode(svg);
  }

  #install(svg) {
    // The root keeps its name and description; it is a group of focusable nodes, not one image.
    svg.setAttribute('role', 'group');
    svg.setAttribute('part', 'svg');
    this.#elements = new Map();
    const byColumn = COLUMNS.map(() => []);
    for (const g of svg.querySelectorAll('g.sg-node')) {
      const id = g.getAttribute('data-id');
      if (!id) continue;
      const kind = COLUMNS.find((k) => g.classList.contains(k));
      // The core writes each box as <g><title/><rect/><text/>...</g>.
      const first = g.firstElementChild;
      const title = (first?.localName === 'title' ? first : g.querySelector('title'))?.textContent ?? id;
      const second = first?.nextElementSibling;
      const rect = second?.localName === 'rect' ? second : g.querySelector('rect');
      g.setAttribute('tabindex', '-1');
      g.setAttribute('role', 'button');
      g.setAttribute('aria-label', accessibleName(g, title));
      g.setAttribute('aria-pressed', 'false');
      this.#elements.set(id, g);
      const col = kind ? COLUMNS.indexOf(kind) : -1;
      if (col >= 0) byColumn[col].push({ id, y: Number(rect?.getAttribute('y') ?? 0) });
    }
    this.#columns = byColumn.filter((c) => c.length > 0).map((c) => c.sort((a, b) => a.y - b.y).map((x) => x.id));
    this.#place = new Map();
    this.#columns.forEach((ids, c) => ids.forEach((id, i) => this.#place.set(id, [c, i])));
    this.#left = new Map();
    this.#right = new Map();
    this.#rightByContains = new Set();
    this.#edges = [];
    for (const p of svg.querySelectorAll('path.sg-edge')) {
      const s = p.getAttribute('data-source');
      const t = p.getAttribute('data-target');
      if (!s || !t) continue;
      this.#edges.push([p, s, t]);
      const [ls, lt] = [this.#place.get(s)?.[0] ?? -1, this.#place.get(t)?.[0] ?? -1];
      const [a, b] = ls <= lt ? [s, t] : [t, s];
      // Along the hierarchy first (a container and its first child), else the first edge drawn.
      const contains = p.classList.contains('contains');
      if (!this.#right.has(a) || (contains && !this.#rightByContains.has(a))) {
        this.#right.set(a, b);
        if (contains) this.#rightByContains.add(a);
      }
      if (!this.#left.has(b) || contains) this.#left.set(b, a);
    }
    const first = this.#columns[0]?.[0];
    if (first) this.#elements.get(first).setAttribute('tabindex', '0');
    this.#svg = svg;
    this.#ui.drawing.replaceChildren(svg);
    this.#tableRows = null;
    if (this.view === 'table') this.#renderTable();
  }

  #populateFilters() {
    const { selects } = this.#ui;
    const model = this.#model;
    const fill = (select, placeholder, options) => {
      select.replaceChildren(h('option', { value: '' }, placeholder), ...options.map(([v, t]) => h('option', { value: v }, t)));
      select.disabled = options.length === 0;
    };
    fill(
      selects.partner,
      'Any partner',
      model.load.filter((r) => r.actions + r.via_alliance > 0).map((r) => [r.partner, `${clip(r.label, 40)} (${r.actions + r.via_alliance})`]),
    );
    const kinds = new Set([...model.nodes.values()].map((n) => n.kind));
    fill(
      selects.kind,
      'Any kind',
      COLUMNS.filter((k) => kinds.has(k) && (k !== 'partner' || this.partners)).map((k) => [k, kindTitle(model, k)]),
    );
    const ofKind = (kind) => [...model.nodes.values()].filter((n) => n.kind === kind);
    fill(
      selects.outcome,
      'Any outcome',
      ofKind('outcome').map((n) => [n.id, clip(`${n.number ?? ''} ${n.text ?? n.label ?? ''}`.trim(), 50)]),
    );
    fill(
      selects.priority,
      'Any priority',
      ofKind('priority').map((n) => [n.id, clip(`${n.number ?? ''} ${n.text ?? n.label ?? ''}`.trim(), 50)]),
    );
    const present = new Set([...model.context.values()].map((c) => c.status?.status).filter(Boolean));
    fill(
      selects.status,
      present.size ? 'Any status' : 'No statuses reported',
      this.#sg.statuses().filter((s) => present.has(s.status)).map((s) => [s.status, s.label]),
    );
  }

  // ---------------------------------------------------------------------------------------
  // Search and filters.

  #setState(patch, { fromAttribute = false, silent = false } = {}) {
    this.#state = { ...this.#state, ...patch };
    const { search, selects } = this.#ui;
    if (search.value !== this.#state.q) search.value = this.#state.q;
    for (const f of FILTERS) {
      if (selects[f].value !== this.#state[f]) {
        selects[f].value = this.#state[f];
        // A value the select does not offer (yet) is kept in the state and applied once loaded.
      }
    }
    if (!fromAttribute) {
      this.#reflecting = true;
      const text = formatFilter(this.#state);
      if (text) this.setAttribute('filter', text);
      else this.removeAttribute('filter');
      this.#reflecting = false;
    }
    this.#redrawPart();
    const ids = this.#apply();
    if (!silent || ids.length) {
      this.dispatchEvent(
        new CustomEvent('filterchange', {
          detail: { filter: formatFilter(this.#state), ...this.#state, matches: ids.length, ids },
          bubbles: true,
          composed: true,
        }),
      );
    }
  }

  /** Mark matches and dim what is out of the filters; the ids that match. */
  #apply() {
    const model = this.#model;
    const svg = this.#svg;
    const { count } = this.#ui;
    if (!model || !svg) return [];
    const s = this.#state;
    if (!s.q.trim() && !FILTERS.some((f) => s[f])) {
      svg.classList.remove('se-filtered');
      for (const el of svg.querySelectorAll('.se-dim, .se-match')) el.classList.remove('se-dim', 'se-match');
      for (const tr of this.#ui.table.querySelectorAll('tr[data-id]')) tr.hidden = false;
      count.textContent = '';
      return [];
    }
    const { matches, context } = this.#matching((id) => this.#elements.has(id));
    svg.classList.add('se-filtered');
    for (const [id, el] of this.#elements) {
      el.classList.toggle('se-match', matches.has(id));
      el.classList.toggle('se-dim', !context.has(id));
    }
    for (const [p, a, b] of this.#edges) p.classList.toggle('se-dim', !(context.has(a) && context.has(b)));
    for (const tr of this.#ui.table.querySelectorAll('tr[data-id]')) tr.hidden = !context.has(tr.getAttribute('data-id'));
    count.textContent = `${matches.size} ${matches.size === 1 ? 'match' : 'matches'}`;
    const order = this.#columns.flat();
    return order.filter((id) => matches.has(id));
  }

  /** A node's searchable text: its number, label and text, and its partners' names. */
  #hay(id) {
    const model = this.#model;
    const n = model.nodes.get(id);
    let text = `${n.number ?? ''} ${n.label ?? ''} ${n.text ?? ''}`;
    for (const p of model.partnersOf.get(id) ?? []) text += ` ${model.partnerLabel.get(p) ?? ''} ${model.nodes.get(p)?.label ?? ''}`;
    return text.toLowerCase();
  }

  /** Whether an action passes the partner, priority, outcome and status filters. */
  #passes(id) {
    const s = this.#state;
    const model = this.#model;
    if (s.partner && !model.partnersOf.get(id)?.has(s.partner)) return false;
    if (s.priority && !contextOf(model, id).ancestors.includes(s.priority)) return false;
    if (s.outcome && !contextOf(model, id).outcomes.includes(s.outcome)) return false;
    if (s.status && contextOf(model, id).status?.status !== s.status) return false;
    return true;
  }

  /**
   * The nodes (among those `eligible`) the search and the filters keep, in the plan's order, and
   * their context (containers, outcomes, partners). Actions pass the action filters; other nodes
   * match the search, or the kind filter on its own, or (with action filters) are of the kind
   * filtered on and in a kept action's context.
   */
  #matching(eligible) {
    const model = this.#model;
    const s = this.#state;
    const q = s.q.trim().toLowerCase();
    const byAction = ACTION_FILTERS.some((f) => s[f]);
    const matches = new Set();
    const context = new Set();
    const addContext = (id, n) => {
      context.add(id);
      for (const a of contextOf(model, id).ancestors) context.add(a);
      if (n.kind === 'action') {
        for (const o of contextOf(model, id).outcomes) context.add(o);
        for (const p of model.partnersOf.get(id) ?? []) context.add(p);
      }
    };
    for (const [id, n] of model.nodes) {
      if (!eligible(id)) continue;
      if (n.kind === 'action') {
        if (!this.#passes(id) || (q && !this.#hay(id).includes(q))) continue;
        if (s.kind && s.kind !== 'action') {
          addContext(id, n); // the context of a kept action, searched below for the kind
          continue;
        }
      } else if (s.kind ? n.kind !== s.kind || byAction || (q && !this.#hay(id).includes(q)) : !q || byAction || !this.#hay(id).includes(q)) {
        continue;
      }
      matches.add(id);
      addContext(id, n);
    }
    if (s.kind && s.kind !== 'action' && byAction) {
      for (const id of context) if (model.nodes.get(id)?.kind === s.kind && eligible(id)) matches.add(id);
    }
    return { matches, context };
  }

  // ---------------------------------------------------------------------------------------
  // Large plans: past the budget (max-nodes), a part of the plan is drawn: the actions the search
  // and the filters keep (all of them when none is set), in the plan's order, each with its
  // context, as many as fit; the note says what was left out and how to narrow it.

  /** The ids of the part of the plan to draw, and what was kept of how many. */
  #partIds() {
    const model = this.#model;
    const max = this.maxNodes;
    // Each kept node brings its own context, as far as the budget goes.
    const matches =
      FILTERS.some((f) => this.#state[f]) || this.#state.q.trim()
        ? this.#matching(() => true).matches
        : new Set([...model.nodes.values()].filter((n) => n.kind === 'action').map((n) => n.id));
    const ids = new Set();
    let kept = 0;
    for (const id of matches) {
      const n = model.nodes.get(id);
      const ctx = contextOf(model, id);
      const add = [id, ...ctx.ancestors];
      if (n.kind === 'action') add.push(...ctx.outcomes, ...(model.partnersOf.get(id) ?? []));
      const fresh = [...new Set(add)].filter((x) => !ids.has(x) && model.nodes.has(x));
      if (ids.size + fresh.length > max) break;
      for (const x of fresh) ids.add(x);
      kept += 1;
    }
    return { ids, kept, of: matches.size };
  }

  /** The SVG of the part of the plan within the budget; sets the note. */
  #partSvg() {
    const { ids, kept, of } = this.#partIds();
    const doc = this.#full;
    const part = {
      ...doc,
      nodes: doc.nodes.filter((n) => ids.has(n.id)),
      edges: (doc.edges ?? []).filter((e) => ids.has(e.source) && ids.has(e.target)),
    };
    const total = doc.nodes.length;
    const narrowed = FILTERS.some((f) => this.#state[f]) || this.#state.q.trim();
    this.#ui.note.textContent =
      `This plan has ${total} nodes, more than the drawing's budget of ${this.maxNodes}: shown are ` +
      `${ids.size} nodes, ${kept} of the ${of} ${narrowed ? 'nodes the search and filters keep' : 'actions'} ` +
      `with their context; ${total - ids.size} nodes are left out. ` +
      'Narrow it with the search or the filters (kind, partner, outcome, priority, status) to see the rest.';
    this.#drawnKey = [...ids].join('\n');
    const plan = this.#sg.Strategy.fromJson(JSON.stringify(part));
    try {
      return plan.toSvg({ partners: this.partners });
    } finally {
      plan.free();
    }
  }

  /** Over the budget, draw the part the search and filters now keep (when it changed). */
  #redrawPart() {
    if (!this.#full || !this.#model) return;
    const { ids } = this.#partIds();
    if ([...ids].join('\n') === this.#drawnKey) return;
    this.#install(this.#svgElement(this.#partSvg()));
    this.#markSelection();
  }

  // ---------------------------------------------------------------------------------------
  // The table view: the drawn nodes as rows, the alternative to the drawing for screen readers
  // and keyboards (each row's first cell is a button that selects the node).

  #showView() {
    const table = this.view === 'table';
    const { drawing, viewButton } = this.#ui;
    if (table && !this.#tableRows) this.#renderTable();
    drawing.hidden = table;
    this.#ui.table.hidden = !table;
    viewButton.textContent = table ? 'Drawing view' : 'Table view';
    viewButton.setAttribute('aria-pressed', String(table));
  }

  #renderTable() {
    const model = this.#ensureModel();
    if (!model) return;
    const ids = this.#columns.flat();
    const on = new Set(this.#selected);
    const rows = ids.map((id) => {
      const n = model.nodes.get(id);
      const ctx = contextOf(model, id);
      const names = (list) => list.map((p) => model.nodes.get(p)?.label || model.partnerLabel.get(p) || p).join(', ');
      const st = ctx.status ? (model.statusLabels.get(ctx.status.status) ?? ctx.status.status) : '';
      return h(
        'tr',
        { 'data-id': id },
        h('th', { scope: 'row' }, h('button', { type: 'button', 'data-id': id, 'aria-pressed': String(on.has(id)) }, nodeName(model, n))),
        h('td', {}, kindTitle(model, n.kind)),
        h('td', {}, clip(n.text ?? n.label ?? '', 160)),
        h('td', {}, names(ctx.leads)),
        h('td', {}, st),
      );
    });
    this.#tableRows = rows;
    const head = h(
      'tr',
      {},
      ...['Node', 'Kind', 'Text', 'Lead', 'Status'].map((c) => h('th', { scope: 'col' }, c)),
    );
    this.#ui.table.replaceChildren(
      h(
        'table',
        {},
        h('caption', {}, `The drawing's ${ids.length} nodes (select one with its button)`),
        h('thead', {}, head),
        h('tbody', {}, ...rows),
      ),
    );
    this.#apply();
  }

  #firstMatch() {
    return this.#columns.flat().find((id) => this.#elements.get(id)?.classList.contains('se-match')) ?? null;
  }

  // ---------------------------------------------------------------------------------------
  // Details.

  #details(id) {
    const model = this.#model;
    const n = model.nodes.get(id);
    const names = (ids) => (ids ?? []).map((p) => model.nodes.get(p)?.label || model.partnerLabel.get(p) || p);
    const ctx = contextOf(model, id);
    const st = ctx.status;
    const rolled = model.rolledUp.get(id);
    return {
      id,
      kind: kindTitle(model, n.kind),
      number: n.number ?? '',
      label: n.label ?? '',
      text: n.text ?? '',
      leads: names(ctx.leads),
      keyPartners: names(ctx.keyPartners),
      deadline: describeWindow(n.deadline),
      period: describeWindow(n.period),
      outcomes: ctx.outcomes.map((o) => {
        const on = model.nodes.get(o);
        return `${nodeName(model, on)}${on?.text ? `: ${on.text}` : ''}`;
      }),
      status: st
        ? `${model.statusLabels.get(st.status) ?? st.status}${st.from !== id ? ` (${nodeName(model, model.nodes.get(st.from))})` : ''}`
        : '',
      rolledUp: rolled ? (model.statusLabels.get(rolled) ?? rolled) : '',
    };
  }

  #showDetails(d) {
    const { details } = this.#ui;
    if (!d) {
      details.replaceChildren(
        h('h2', {}, 'Details'),
        h('p', { class: 'hint' }, 'Select a box (click it, or Tab to the drawing and press Enter) to see its details.'),
      );
      return;
    }
    const rows = [
      ['kind', 'Kind', d.kind],
      ['number', 'Number', d.number],
      ['label', 'Name', d.label],
      ['text', 'Text', d.text],
      ['leads', d.leads.length > 1 ? 'Leads' : 'Lead', d.leads.join(', ')],
      ['key-partners', 'Key partners', d.keyPartners.join(', ')],
      ['deadline', 'Deadline', d.deadline],
      ['period', 'Period', d.period],
      ['outcomes', 'Outcomes', d.outcomes],
      ['status', 'Status', d.status],
      ['rolled-up', 'Rolled up', d.rolledUp],
    ];
    const dl = h('dl');
    for (const [field, name, value] of rows) {
      if (!value || (Array.isArray(value) && value.length === 0)) continue;
      const dd = Array.isArray(value) ? h('dd', {}, h('ul', {}, ...value.map((v) => h('li', {}, v)))) : h('dd', {}, value);
      dl.append(h('div', { 'data-field': field }, h('dt', {}, name), dd));
    }
    details.replaceChildren(h('h2', {}, d.number ? `${d.kind} ${d.number}` : d.label || d.kind), dl);
  }

  // ---------------------------------------------------------------------------------------
  // Keyboard: arrows move between boxes (up/down in a column, left/right along the edges),
  // Home/End to a column's ends, Enter or Space selects, Escape clears the selection.

  #focusElement(el) {
    for (const other of this.#ui.drawing.querySelectorAll('.sg-node[tabindex="0"]')) other.setAttribute('tabindex', '-1');
    el.setAttribute('tabindex', '0');
    el.focus();
    el.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }

  #onKey(e) {
    const g = e.target instanceof Element ? e.target.closest('.sg-node') : null;
    if (!g) return;
    const id = g.getAttribute('data-id');
    const place = this.#place.get(id);
    let next = null;
    switch (e.key) {
      case 'ArrowUp':
      case 'ArrowDown':
        if (place) next = this.#columns[place[0]][place[1] + (e.key === 'ArrowUp' ? -1 : 1)];
        break;
      case 'ArrowLeft':
        next = this.#left.get(id) ?? (place && place[0] > 0 ? this.#nearest(place[0] - 1, g) : null);
        break;
      case 'ArrowRight':
        next = this.#right.get(id) ?? (place && place[0] < this.#columns.length - 1 ? this.#nearest(place[0] + 1, g) : null);
        break;
      case 'Home':
        if (place) next = this.#columns[place[0]][0];
        break;
      case 'End':
        if (place) next = this.#columns[place[0]].at(-1);
        break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        if (e.shiftKey || e.ctrlKey || e.metaKey) this.#toggle(id);
        else this.select(id);
        return;
      case 'Escape':
        if (this.#selected.length) {
          e.preventDefault();
          this.select(null);
        }
        return;
      default:
        return;
    }
    e.preventDefault();
    if (next) this.focusNode(next);
  }

  /** The box of column `col` nearest in height to `g`. */
  #nearest(col, g) {
    const y = Number(g.querySelector('rect')?.getAttribute('y') ?? 0);
    let best = null;
    let bestD = Infinity;
    for (const id of this.#columns[col] ?? []) {
      const d = Math.abs(Number(this.#elements.get(id)?.querySelector('rect')?.getAttribute('y') ?? 0) - y);
      if (d < bestD) [best, bestD] = [id, d];
    }
    return best;
  }
}

if (!customElements.get('strategy-explorer')) customElements.define('strategy-explorer', StrategyExplorer);
