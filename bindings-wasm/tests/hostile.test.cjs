// Issue 18 from JavaScript: generator options far out of range are clamped (no trap), bytes
// that are not text are typed errors (`encoding`, `binary`), and the module keeps working after
// any failed call.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { loadPackage, read, thrown } = require('./support.cjs');

const sg = loadPackage();
const { Strategy } = sg;

const MINI = read('tests/fixtures/mini-plan.json');

test('generateStrategy clamps options far out of range instead of trapping', () => {
  const big = sg.generateStrategy({ priorities: 1e9, actions: 10 });
  assert.equal(big.nodes('priority').length, 20000);
  assert.equal(big.nodes('action').length, 10);
  for (const [name, value] of [
    ['strategicActionsPerPriority', 2 ** 32 - 1],
    ['partners', 2 ** 32 - 1],
    ['outcomes', 2 ** 32 - 1],
    ['maxKeyPartners', 2 ** 32 - 1],
    ['years', 2 ** 32 - 1],
    ['firstYear', 2 ** 31 - 1],
    ['deadlineShare', -1e300],
    ['leadSkew', 1e300],
  ]) {
    const s = sg.generateStrategy({ priorities: 2, actions: 20, [name]: value });
    assert.equal(s.nodes('action').length, 20, name);
  }
  const reports = sg.generateProgressReports(sg.generateStrategy({ actions: 20 }), { actions: 20, reports: 1e9 });
  assert.equal(reports.length, 100);
  // beyond the field's type: a TypeError with a code, not a RuntimeError
  const e = thrown(() => sg.generateStrategy({ priorities: 2 ** 40 }));
  assert.equal(e.code, 'invalid_argument');
});

test('bytes are decoded by the core: BOMs read, bad bytes and binary files typed', () => {
  const utf8 = new TextEncoder().encode(MINI);
  const plain = Strategy.fromJson(MINI).toJson();
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
  assert.equal(Strategy.fromJson(bom).toJson(), plain);
  assert.equal(sg.importStrategy(bom, 'json').toJson(), plain);
  assert.deepEqual(sg.validateJson(bom), sg.validateJson(MINI));
  const utf16 = new Uint8Array(2 + MINI.length * 2);
  utf16.set([0xff, 0xfe]);
  for (let i = 0; i < MINI.length; i++) {
    const c = MINI.charCodeAt(i);
    utf16[2 + 2 * i] = c & 0xff;
    utf16[3 + 2 * i] = c >> 8;
  }
  assert.equal(sg.importStrategy(utf16, 'json').toJson(), plain);
  const bad = thrown(() => sg.parseDeliveryPlan(new Uint8Array([0x50, 0x0a, 0x41, 0xff])));
  assert.deepEqual([bad.name, bad.code, bad.line, bad.column], ['StratagraphError', 'encoding', 2, 2]);
  const binary = thrown(() => sg.parseDeliveryPlan(new Uint8Array([0x50, 0x00, 0x41])));
  assert.equal(binary.code, 'binary');
  // To an interchange format a NUL byte is data, not a binary file: raw in JSON it is a JSON error.
  assert.equal(thrown(() => sg.importStrategy(new Uint8Array([0x7b, 0x00, 0x7d]), 'json')).code, 'json');
});

test('every call after a failed call works as before', () => {
  const plan = Strategy.fromJson(MINI);
  const before = [plan.toJson(), JSON.stringify(plan.validate()), sg.exportStrategy(plan, 'csv')];
  const failures = [
    () => Strategy.fromJson('{'),
    () => Strategy.fromJson(new Uint8Array([0x00])),
    () => sg.importStrategy('<graphml', 'graphml'),
    () => sg.exportStrategy(plan, 'nope'),
    () => sg.generateStrategy({ priorities: -1 }),
    () => plan.node(42),
    () => sg.parseDocument('{"format": 1}', 'json'),
  ];
  for (let round = 0; round < 3; round++) {
    for (const fail of failures) {
      const e = thrown(fail);
      assert.equal(typeof e.code, 'string');
      assert.deepEqual(
        [plan.toJson(), JSON.stringify(plan.validate()), sg.exportStrategy(plan, 'csv')],
        before,
      );
      assert.equal(sg.generateStrategy({ actions: 10, priorities: 1 }).nodes('action').length, 10);
    }
  }
});
