// Junk to every exported function and method: each either returns or throws an Error with a
// string `code`; nothing traps (a wasm panic would surface as WebAssembly.RuntimeError
// "unreachable" and leave the module unusable). There is no panicking entry point to test on
// its own: the binding has no unwrap, expect or panic, and the core promises none on any input.
// The list of what is called is checked against the package's exports, so a new export must be
// added here (or to SKIPPED, with the reason).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { loadPackage, read } = require('./support.cjs');

const sg = loadPackage();
const { Strategy, ProgressReport } = sg;

const MINI = read('tests/fixtures/mini-plan.json');
const REPORT = read('tests/golden/progress-report.json');

/** Values no function expects. */
function junk() {
  const freed = Strategy.fromJson(MINI);
  freed.free();
  const freedReport = ProgressReport.fromJson(REPORT);
  freedReport.free();
  return [
    undefined,
    null,
    true,
    0,
    -1,
    1.5,
    NaN,
    Infinity,
    2 ** 53 + 2,
    10n,
    '',
    'junk',
    '{',
    '2023-02-30',
    '\ud800',
    'x'.repeat(10_000),
    [],
    [1, 'x', null],
    [Strategy.fromJson(MINI)],
    {},
    { a: 1 },
    { toJson: 5 },
    { toJson: () => 7 },
    {
      toJson: () => {
        throw new Error('no');
      },
    },
    Object.create(null),
    new Uint8Array([0xff, 0xfe, 0x00]),
    new ArrayBuffer(4),
    Symbol('s'),
    () => 1,
    new Date(0),
    freed,
    freedReport,
    Strategy.fromJson(MINI),
    ProgressReport.fromJson(REPORT),
  ];
}

/** What every exception of the package must be. */
function assertPackageError(e, context) {
  assert.ok(e instanceof Error, `${context}: threw a non-Error: ${String(e)}`);
  assert.ok(!(e instanceof WebAssembly.RuntimeError), `${context}: wasm trapped: ${e.stack}`);
  assert.equal(typeof e.code, 'string', `${context}: an error without a code: ${e.stack}`);
  assert.match(e.code, /^[a-z_]+$/, context);
}

/** Call and check; free what came back so the test does not hold on to memory. */
function attempt(fn, context) {
  let result;
  try {
    result = fn();
  } catch (e) {
    assertPackageError(e, context);
    return;
  }
  for (const value of [result, result?.strategy, result?.report, ...(Array.isArray(result) ? result : [])]) {
    if (value instanceof Strategy || value instanceof ProgressReport) value.free();
  }
}

function label(v) {
  if (typeof v === 'symbol' || typeof v === 'bigint') return v.toString();
  if (typeof v === 'function') return 'function';
  if (v instanceof Strategy) return 'Strategy';
  if (v instanceof ProgressReport) return 'ProgressReport';
  try {
    return JSON.stringify(v)?.slice(0, 30) ?? String(v);
  } catch {
    return String(v);
  }
}

/** Every argument list of junk for a function of `arity` parameters: all one value, and each
 * position junk with valid values elsewhere. */
function* argumentLists(arity, valid) {
  const values = junk();
  yield [];
  for (const v of values) yield Array(Math.max(arity, 1)).fill(v);
  for (let i = 0; i < arity; i++) for (const v of values) yield valid.map((x, j) => (j === i ? v : x()));
}

// Valid arguments for each function, so that junk in one position meets good values in the others.
const s = () => Strategy.fromJson(MINI);
const r = () => ProgressReport.fromJson(REPORT);
const text = () => MINI;
const id = () => 'action:1.1.1';
const VALID = {
  parseDeliveryPlan: [text, () => ({})],
  parseDeliveryPlanDetailed: [text, () => ({})],
  parseDocument: [text, () => 'json'],
  exportStrategy: [s, () => 'svg', () => ({ partners: true })],
  importStrategy: [text, () => 'json'],
  generateStrategy: [() => ({ actions: 30, priorities: 2 })],
  generateDeliveryPlan: [() => ({ actions: 30, priorities: 2 })],
  generateProgressReports: [s, () => ({ actions: 30, priorities: 2 })],
  textSimilarity: [() => 'a', () => 'b'],
};
const METHODS = {
  edge: [id, () => 'led_by', () => 'partner:cosla'],
  removeEdge: [id, () => 'led_by', () => 'partner:cosla'],
  targets: [id, () => 'led_by'],
  sources: [() => 'partner:cosla', () => 'led_by'],
  explainContribution: [id, () => 'outcome:1'],
  explainPath: [id, () => 'outcome:1'],
  dueIn: [() => '2023-01-01', () => '2024-12-31'],
  progressChanges: [r, r],
  staleStatuses: [() => [r(), r()], () => 2],
  diff: [s, () => ({})],
  align: [s, () => 0.5],
};
// Generators given junk options fall back to the S preset (500 actions): fine, but not a few
// hundred times over; their options are junk-tested with the small valid plan size instead.
const SKIPPED = new Set(['free', 'constructor', 'default', 'initSync']);
// wasm-bindgen's own glue (`__wrap`, `__destroy_into_raw`): not in the .d.ts, not the API.
const internal = (name) => name.startsWith('__');

const fnNames = Object.keys(sg).filter((k) => typeof sg[k] === 'function' && !/^[A-Z]/.test(k));
const classes = { Strategy, ProgressReport };

test('the list covers every export', () => {
  assert.ok(fnNames.length >= 24, fnNames.join(', '));
  for (const name of Object.keys(sg)) {
    assert.ok(typeof sg[name] === 'function', `${name} is a function or class`);
  }
  assert.deepStrictEqual(
    Object.keys(sg).filter((k) => /^[A-Z]/.test(k)).sort(),
    Object.keys(classes).sort(),
    'a new class must be added to the junk test',
  );
});

for (const name of fnNames) {
  test(`${name}(junk)`, () => {
    const fn = sg[name];
    const valid = VALID[name] ?? Array.from({ length: fn.length }, () => text);
    const heavy = name.startsWith('generate');
    for (const args of argumentLists(fn.length, valid)) {
      // Junk options of a generator take the 500-action preset: try each kind of junk once.
      if (heavy && args.length > 0 && args.every((a) => a === args[0]) && typeof args[0] === 'object' && args[0] !== null && !Array.isArray(args[0]) && Object.keys(args[0]).length === 0) continue;
      attempt(() => fn(...args), `${name}(${args.map(label).join(', ')})`);
    }
  });
}

for (const [className, Class] of Object.entries(classes)) {
  const make = className === 'Strategy' ? s : r;
  const statics = Object.getOwnPropertyNames(Class).filter((k) => typeof Class[k] === 'function' && !internal(k));
  for (const name of statics) {
    test(`${className}.${name}(junk)`, () => {
      for (const args of argumentLists(Class[name].length, [text])) attempt(() => Class[name](...args), `${className}.${name}(${args.map(label).join(', ')})`);
    });
  }
  const proto = Class.prototype;
  const methods = Object.getOwnPropertyNames(proto).filter((k) => !SKIPPED.has(k) && !internal(k));
  for (const name of methods) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    test(`${className}.prototype.${name}(junk)`, () => {
      if (descriptor.get) {
        attempt(() => make()[name], `${className}.${name}`);
        return;
      }
      const arity = proto[name].length;
      const valid = METHODS[name] ?? Array.from({ length: arity }, () => id);
      for (const args of argumentLists(arity, valid)) {
        const target = make();
        attempt(() => target[name](...args), `${className}.${name}(${args.map(label).join(', ')})`);
        target.free();
      }
    });
  }
}

test('every method of a freed object throws invalid_argument', () => {
  for (const [className, Class] of Object.entries(classes)) {
    const target = className === 'Strategy' ? s() : r();
    target.free();
    for (const name of Object.getOwnPropertyNames(Class.prototype).filter((k) => !SKIPPED.has(k) && !internal(k))) {
      const descriptor = Object.getOwnPropertyDescriptor(Class.prototype, name);
      let e;
      try {
        if (descriptor.get) void target[name];
        else target[name]('action:1.1.1', 'led_by', 'outcome:1');
      } catch (err) {
        e = err;
      }
      assert.ok(e, `${className}.${name} on a freed object`);
      assertPackageError(e, `${className}.${name} on a freed object`);
      assert.equal(e.code, 'invalid_argument');
    }
  }
});

test('the module still works after all of that', () => {
  assert.equal(Strategy.fromJson(MINI).toJson(), read('tests/golden/mini-plan.json'));
  assert.equal(sg.exportStrategy(Strategy.fromJson(MINI), 'svg'), read('tests/golden/mini-plan.svg'));
});
