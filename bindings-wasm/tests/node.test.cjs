// The nodejs-target package (dist/pkg-node) against the shared golden files, and its errors.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ROOT, PKG_NPM, loadPackage, read, rng } = require('./support.cjs');

const sg = loadPackage();
const { Strategy, validateJson, diagnosticsToJson } = sg;

const MINI = 'tests/fixtures/mini-plan.json';
const PROBLEMS = 'tests/fixtures/validation-problems.json';

/** Call `fn`, expect it to throw, and return what it threw. */
function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail('expected an exception');
}

/** What every exception of the package must be: an Error with a string code, never a trap. */
function assertPackageError(e, context) {
  assert.ok(e instanceof Error, `${context}: threw a non-Error: ${String(e)}`);
  assert.ok(!(e instanceof WebAssembly.RuntimeError), `${context}: wasm trapped (a panic?): ${e.stack}`);
  assert.equal(typeof e.code, 'string', `${context}: error without a code: ${e.stack}`);
  assert.match(e.code, /^[a-z_]+$/, context);
}

/** A minimal canonical document around the given nodes and edges. */
function doc(nodes, edges = []) {
  return JSON.stringify({ format: 'stratagraph', version: 1, nodes, edges });
}

test.describe('golden files', () => {
  test('Strategy.fromJson(bytes).toJson() reproduces tests/golden/mini-plan.json', () => {
    const golden = read('tests/golden/mini-plan.json');
    const bytes = fs.readFileSync(path.join(ROOT, MINI)); // a Buffer: UTF-8 bytes
    assert.equal(Strategy.fromJson(bytes).toJson(), golden);
    assert.equal(Strategy.fromJson(read(MINI)).toJson(), golden);
    // Canonical JSON is a fixed point.
    assert.equal(Strategy.fromJson(golden).toJson(), golden);
  });

  test('diagnosticsToJson(validateJson(...)) reproduces validation-problems.diagnostics.json', () => {
    const golden = read('tests/golden/validation-problems.diagnostics.json');
    assert.equal(diagnosticsToJson(validateJson(read(PROBLEMS))), golden);
    assert.equal(diagnosticsToJson(validateJson(fs.readFileSync(path.join(ROOT, PROBLEMS)))), golden);
  });
});

test.describe('Strategy', () => {
  const plan = Strategy.fromJson(read(MINI));
  const golden = JSON.parse(read('tests/golden/mini-plan.json'));

  test('counts', () => {
    assert.equal(plan.nodeCount, 13);
    assert.equal(plan.nodeCount, golden.nodes.length);
    assert.equal(plan.edgeCount, golden.edges.length);
  });

  test('nodes() and edges() are the canonical JSON as plain objects, in one call', () => {
    const nodes = plan.nodes();
    const edges = plan.edges();
    assert.deepStrictEqual(nodes, golden.nodes);
    assert.deepStrictEqual(edges, golden.edges);
    assert.ok(Array.isArray(nodes) && Array.isArray(edges));
    for (const n of nodes) {
      assert.equal(Object.getPrototypeOf(n), Object.prototype);
      if (n.attrs) assert.equal(Object.getPrototypeOf(n.attrs), Object.prototype);
    }
  });

  test('node(id) gives one node, or undefined', () => {
    const expected = golden.nodes.find((n) => n.id === 'action:1.1.1');
    assert.deepStrictEqual(plan.node('action:1.1.1'), expected);
    assert.equal(plan.node('action:404'), undefined);
    assert.equal(plan.node(''), undefined);
  });

  test('validate() gives diagnostics as plain objects', () => {
    assert.deepStrictEqual(plan.validate(), []);
    const broken = Strategy.fromJson(
      doc([{ id: 'action:9.9.9', kind: 'action', number: '9.9.9', text: 'Nobody leads this.' }]),
    );
    const diags = broken.validate();
    assert.deepStrictEqual(
      diags.map((d) => d.code),
      ['action_outside_strategic_action', 'action_without_lead'],
    );
    for (const d of diags) {
      assert.deepStrictEqual(Object.keys(d), ['code', 'severity', 'ids', 'message']);
      assert.deepStrictEqual(d.ids, ['action:9.9.9']);
      assert.equal(d.severity, d.code === 'action_without_lead' ? 'warning' : 'error');
    }
    // The objects go back through diagnosticsToJson unchanged.
    assert.deepStrictEqual(JSON.parse(diagnosticsToJson(diags)), diags);
  });

  test('validateJson reports what fromJson refuses', () => {
    const text = doc(
      [{ id: 'outcome:1', kind: 'outcome', number: '1', text: 'Safe.' }],
      [{ source: 'action:9', target: 'outcome:1', kind: 'contributes_to' }],
    );
    assert.equal(thrown(() => Strategy.fromJson(text)).code, 'dangling_edge');
    assert.deepStrictEqual(
      validateJson(text).map((d) => d.code),
      ['dangling_edge', 'outcome_without_contribution'],
    );
  });

  test('diagnostics keep line and column when they have them', () => {
    const d = { code: 'unclassified_text', severity: 'warning', ids: [], message: 'x', line: 3, column: 5 };
    const json = diagnosticsToJson([d]);
    assert.deepStrictEqual(JSON.parse(json), [d]);
    assert.equal(diagnosticsToJson([]), '[]\n');
  });

  test('a large plan crosses the boundary in one call', () => {
    const nodes = [];
    const edges = [];
    for (let i = 1; i <= 2000; i++) {
      nodes.push({ id: `outcome:${i}`, kind: 'outcome', number: String(i), text: `Outcome ${i}.` });
      if (i > 1) edges.push({ source: `outcome:${i}`, target: `outcome:${i - 1}`, kind: 'depends_on' });
    }
    const big = Strategy.fromJson(doc(nodes, edges));
    assert.equal(big.nodes().length, 2000);
    assert.equal(big.edges().length, 1999);
    assert.equal(big.validate().length, 2000); // every outcome lacks a contribution
  });

  test('free() releases a strategy; a freed one throws instead of trapping', () => {
    const s = Strategy.fromJson(read(MINI));
    s.free();
    const e = thrown(() => s.toJson());
    assert.ok(e instanceof Error);
  });

  test('version() and jsonSchema()', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../package.json'), 'utf8'));
    assert.equal(sg.version(), pkg.version, 'the npm version and the crate version must agree');
    assert.equal(sg.jsonSchema(), read('core/schema/stratagraph.schema.json'));
  });

  test('the start function (panic hook) is not part of the API', () => {
    assert.equal(sg.start, undefined);
  });
});

test.describe('parsers', () => {
  const WALES = 'examples/data/wales-together-for-mental-health.txt';
  const SCOTLAND = 'examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt';
  const PROGRESS = 'tests/fixtures/progress-report.txt';

  /**
   * The one shape every parser gives: `main` ('strategy' or 'report') is the part filled; a
   * plan or strategy has no report rows (a progress page that is no board paper has a graph too).
   */
  function assertParseShape(parsed, main) {
    assert.deepStrictEqual(Object.keys(parsed), ['strategy', 'report', 'diagnostics', 'unclassified', 'skipped']);
    assert.ok(parsed.strategy instanceof Strategy && parsed.report instanceof sg.ProgressReport);
    if (main === 'strategy') assert.equal(parsed.report.entryCount, 0);
    else assert.ok(parsed.report.entryCount > 0);
    for (const key of ['diagnostics', 'unclassified', 'skipped']) assert.ok(Array.isArray(parsed[key]), key);
    for (const line of [...parsed.unclassified, ...parsed.skipped]) {
      assert.deepStrictEqual(Object.keys(line), ['line', 'span', 'text']);
      assert.equal(line.span.line, line.line);
    }
  }

  test('parseDeliveryPlan: the Scottish golden JSON and diagnostics, byte for byte', () => {
    const parsed = sg.parseDeliveryPlan(fs.readFileSync(path.join(ROOT, SCOTLAND)));
    assertParseShape(parsed, 'strategy');
    assert.ok(parsed.strategy instanceof Strategy);
    assert.equal(parsed.strategy.toJson(), read('tests/golden/scotland-priority-10.json'));
    assert.equal(
      diagnosticsToJson(parsed.diagnostics),
      read('tests/golden/scotland-priority-10.diagnostics.json'),
    );
    assert.equal(sg.parseDeliveryPlan(read(SCOTLAND)).strategy.toJson(), parsed.strategy.toJson());
  });

  test('toDeliveryPlan() writes text that parseDeliveryPlan reads back to the same graph', () => {
    const plan = sg.parseDeliveryPlan(read(SCOTLAND)).strategy;
    const text = plan.toDeliveryPlan();
    assert.equal(typeof text, 'string');
    assert.equal(plan.toDeliveryPlan(), text, 'deterministic');
    const back = sg.parseDeliveryPlan(text);
    assert.deepStrictEqual(back.unclassified, []);
    assert.deepStrictEqual(
      back.strategy.nodes().map((n) => n.id),
      plan.nodes().map((n) => n.id),
    );
    const triples = (s) => s.edges().map((e) => `${e.source} ${e.kind} ${e.target}`);
    assert.deepStrictEqual(triples(back.strategy), triples(plan));
  });

  test('parseStrategy: the Welsh golden JSON, byte for byte', () => {
    const parsed = sg.parseStrategy(fs.readFileSync(path.join(ROOT, WALES)));
    assertParseShape(parsed, 'strategy');
    assert.ok(parsed.strategy instanceof Strategy);
    assert.equal(parsed.strategy.toJson(), read('tests/golden/wales-together-for-mental-health.json'));
    assert.equal(sg.parseStrategy(read(WALES)).strategy.toJson(), parsed.strategy.toJson());
  });

  test('page furniture is skipped and reported', () => {
    const parsed = sg.parseStrategy('Skip to main content\nHealthy Minds: A Strategy for Mental Health in Scotland\n');
    assert.deepStrictEqual(
      parsed.skipped.map((l) => l.text),
      ['Skip to main content'],
    );
    assert.ok(parsed.diagnostics.some((d) => d.code === 'skipped_furniture' && d.line === 1));
  });

  test('parseProgressReport: the golden report JSON, byte for byte; ProgressReport', () => {
    const parsed = sg.parseProgressReport(fs.readFileSync(path.join(ROOT, PROGRESS)));
    assertParseShape(parsed, 'report');
    const report = parsed.report;
    assert.ok(report instanceof sg.ProgressReport);
    const golden = read('tests/golden/progress-report.json');
    assert.equal(report.toJson(), golden);
    assert.equal(sg.ProgressReport.fromJson(golden).toJson(), golden);
    assert.equal(sg.ProgressReport.fromJson(Buffer.from(golden)).toJson(), golden);

    const doc = JSON.parse(golden);
    assert.equal(report.title, doc.title);
    assert.equal(report.date, doc.date);
    assert.equal(report.entryCount, doc.entries.length);
    assert.deepStrictEqual(report.entries(), doc.entries);
    const first = doc.entries[0];
    assert.deepStrictEqual(report.entry(first.number), first);
    assert.equal(report.entry('99.99'), undefined);
    assert.equal(sg.parseProgressReport('1.1 Train staff.\nOn Track').report.date, undefined);
  });

  test('ProgressReport.applyTo(strategy) sets statuses on the plan and reports what it cannot place', () => {
    const report = sg.parseProgressReport('Progress as at 31 March 2024\n1.1 Help families.\tAt Risk\t50% On Track, 50% At Risk\n9.9 Nothing.\tDelivered').report;
    const plan = Strategy.fromJson(read(MINI));
    const diags = report.applyTo(plan);
    assert.deepStrictEqual(
      diags.map((d) => d.code),
      ['progress_unmatched'],
    );
    const attrs = plan.node('strategic-action:1.1').attrs;
    assert.equal(attrs.status, 'at_risk');
    assert.equal(attrs.status_date, '2024-03-31');
    assert.deepStrictEqual(attrs.status_shares, { at_risk: 50, on_track: 50 });
  });

  test('ProgressReport.fromJson errors', () => {
    const wrongFormat = thrown(() => sg.ProgressReport.fromJson('{"format": "stratagraph", "version": 1}'));
    assertPackageError(wrongFormat, 'progress format');
    assert.equal(wrongFormat.code, 'format');
    const v = thrown(() => sg.ProgressReport.fromJson('{"format": "stratagraph-progress", "version": 9}'));
    assert.equal(v.code, 'version');
  });

  test('detectDocumentKind and parseDocument read any document', () => {
    assert.equal(sg.detectDocumentKind(read(SCOTLAND)), 'plan');
    assert.equal(sg.detectDocumentKind(read(WALES)), 'strategy');
    assert.equal(sg.detectDocumentKind(read(PROGRESS)), 'progress');
    assert.equal(sg.detectDocumentKind(fs.readFileSync(path.join(ROOT, MINI))), 'json');

    assert.equal(sg.parseDocument(read(MINI)).strategy.toJson(), read('tests/golden/mini-plan.json'));
    assert.equal(
      sg.parseDocument(read(SCOTLAND)).strategy.toJson(),
      read('tests/golden/scotland-priority-10.json'),
    );
    assert.equal(sg.parseDocument(read(PROGRESS)).report.toJson(), read('tests/golden/progress-report.json'));
    // The kind given wins over detection.
    assertParseShape(sg.parseDocument(read(SCOTLAND), 'progress'), 'report');
    assertParseShape(sg.parseDocument(read(PROGRESS), 'strategy'), 'strategy');
    // Read as progress, the plan is no board paper: its actions are the rows, and the graph is kept.
    const asProgress = sg.parseDocument(read(SCOTLAND), 'progress');
    assert.ok(asProgress.strategy.nodeCount > 0 && asProgress.report.entryCount > 0);
    assert.equal(sg.parseDocument(read(PROGRESS), 'progress').strategy.nodeCount, 0, 'a board paper');
    assert.ok(sg.parseDocument(read(PROGRESS), 'strategy').report.entryCount === 0);
    assert.ok(sg.parseDocument(read(PROGRESS), undefined).report.entryCount > 0, 'undefined: detect');

    const unknown = thrown(() => sg.parseDocument('text', 'pdf'));
    assertPackageError(unknown, 'unknown kind');
    assert.equal(unknown.code, 'unknown_kind');
    assert.equal(thrown(() => sg.parseDocument('{"format": 1}')).code, 'format');
  });

  test('parseDocument says so when JSON is read as text', () => {
    for (const kind of ['plan', 'strategy', 'progress']) {
      const found = sg.parseDocument(read(MINI), kind).diagnostics.filter((d) => d.code === 'json_as_text');
      assert.equal(found.length, 1, kind);
      assert.equal(found[0].severity, 'error');
      assert.ok(found[0].message.includes(`the kind asked for is ${kind}`), found[0].message);
      assert.ok(found[0].message.includes('import --from json'), found[0].message);
    }
    const array = sg.parseDocument('[{"id": "action:1"}]');
    assert.ok(array.diagnostics.some((d) => d.code === 'json_as_text'));
    assert.ok(!sg.parseDocument(read(MINI)).diagnostics.some((d) => d.code === 'json_as_text'));
  });
});

test.describe('errors', () => {
  test('malformed JSON: Error with code json, line and column', () => {
    const e = thrown(() =>
      Strategy.fromJson('{\n  "format": "stratagraph",\n  "version": 1,\n  "nodes": [,]\n}'),
    );
    assertPackageError(e, 'malformed');
    assert.equal(e.name, 'StratagraphError');
    assert.equal(e.code, 'json');
    assert.equal(e.line, 4);
    assert.equal(e.column, 13);
    assert.match(e.message, /^invalid JSON at line 4, column 13: /);
    assert.ok(e.stack.includes('StratagraphError'));

    const truncated = thrown(() => validateJson('{"format": "stratagraph"'));
    assert.equal(truncated.code, 'json');
    assert.equal(truncated.line, 1);
    assert.equal(typeof truncated.column, 'number');
  });

  test('wrong format and version', () => {
    const v = thrown(() => Strategy.fromJson('{"format": "stratagraph", "version": 2, "nodes": []}'));
    assertPackageError(v, 'version');
    assert.equal(v.code, 'version');
    assert.ok(!('line' in v) && !('column' in v), 'no location for a version error');
    assert.equal(
      thrown(() => validateJson('{"format": "graphml", "version": 1, "nodes": []}')).code,
      'format',
    );
  });

  test('duplicate ids, dangling edges and unknown kinds', () => {
    const dup = doc([
      { id: 'outcome:1', kind: 'outcome' },
      { id: 'outcome:1', kind: 'outcome' },
    ]);
    assert.equal(thrown(() => Strategy.fromJson(dup)).code, 'duplicate_id');
    assert.equal(thrown(() => Strategy.fromJson(doc([{ id: 'x:1', kind: 'wish' }]))).code, 'json');
  });

  test('arguments of the wrong type: TypeError with code invalid_argument', () => {
    for (const bad of [undefined, null, 42, {}, [], new ArrayBuffer(2), new Uint16Array(2)]) {
      for (const fn of [Strategy.fromJson, validateJson]) {
        const e = thrown(() => fn(bad));
        assertPackageError(e, `${fn.name}(${String(bad)})`);
        assert.ok(e instanceof TypeError);
        assert.equal(e.code, 'invalid_argument');
      }
    }
    const notUtf8 = thrown(() => Strategy.fromJson(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])));
    // bytes go through the core's decoder: not text is an `encoding` error where it goes wrong
    assert.equal(notUtf8.name, 'StratagraphError');
    assert.equal(notUtf8.code, 'encoding');
    assert.deepEqual([notUtf8.line, notUtf8.column], [1, 2]);

    for (const bad of ['x', 42, [{ code: 1 }], [{ code: 'c', severity: 'fatal', message: 'm' }], [null]]) {
      const e = thrown(() => diagnosticsToJson(bad));
      assertPackageError(e, `diagnosticsToJson(${JSON.stringify(bad)})`);
      assert.ok(e instanceof TypeError);
      assert.equal(e.code, 'invalid_argument');
      assert.match(e.message, /^diagnostics: /);
    }
  });

  test('an integer JavaScript cannot hold exactly: RangeError with code conversion', () => {
    // Written as text: a JavaScript number literal would already have rounded it.
    const text = doc([{ id: 'outcome:1', kind: 'outcome', attrs: { big: 0 } }]).replace(
      '"big":0',
      '"big":9007199254740993',
    );
    const s = Strategy.fromJson(text);
    assert.match(s.toJson(), /"big": 9007199254740993/, 'canonical JSON keeps it exactly');
    for (const fn of [() => s.nodes(), () => s.node('outcome:1')]) {
      const e = thrown(fn);
      assertPackageError(e, 'big integer');
      assert.ok(e instanceof RangeError);
      assert.equal(e.code, 'conversion');
    }
    // The largest exact integer is fine.
    const ok = Strategy.fromJson(doc([{ id: 'outcome:1', kind: 'outcome', attrs: { n: 9007199254740991 } }]));
    assert.equal(ok.node('outcome:1').attrs.n, Number.MAX_SAFE_INTEGER);
  });
});

test.describe('junk input only ever throws Errors with a code', () => {
  const fixture = read(MINI);
  const fixtureBytes = fs.readFileSync(path.join(ROOT, MINI));

  /** Feed `input` to every entry point; everything it throws must be a package error. */
  function feed(input, context) {
    for (const [name, fn] of [
      ['fromJson', () => Strategy.fromJson(input)],
      ['validateJson', () => validateJson(input)],
      ['parseStrategy', () => sg.parseStrategy(input).strategy],
      ['parseDeliveryPlan', () => sg.parseDeliveryPlan(input).strategy],
      ['parseProgressReport', () => sg.parseProgressReport(input).report.toJson()],
      ['ProgressReport.fromJson', () => sg.ProgressReport.fromJson(input).entries()],
      ['parseDocument', () => sg.parseDocument(input)],
    ]) {
      let result;
      try {
        result = fn();
      } catch (e) {
        assertPackageError(e, `${name}: ${context}`);
        continue;
      }
      if (result && result.strategy instanceof Strategy) result = result.strategy;
      if (result instanceof Strategy) {
        // Whatever was read must also be written, validated and listed without trapping.
        for (const use of [
          () => result.toJson(),
          () => result.validate(),
          () => result.nodes(),
          () => result.edges(),
        ]) {
          try {
            use();
          } catch (e) {
            assertPackageError(e, `${name} then use: ${context}`);
          }
        }
        result.free();
      }
    }
  }

  test('random bytes', () => {
    const next = rng(1);
    for (let i = 0; i < 500; i++) {
      const bytes = new Uint8Array(Math.floor(next() * 200));
      for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(next() * 256);
      feed(bytes, `random bytes #${i}`);
      feed(String.fromCharCode(...bytes.map((b) => b & 0x7f)), `random ASCII #${i}`);
    }
  });

  test('every truncation of a valid document', () => {
    for (let n = 0; n < fixture.length; n++) feed(fixture.slice(0, n), `truncated at ${n}`);
  });

  test('random byte mutations of a valid document', () => {
    const next = rng(2);
    const alphabet = Buffer.from('{}[]:,"\\ 0123456789.-+eEtruefalsnl\u00ff');
    for (let i = 0; i < 2000; i++) {
      const bytes = Buffer.from(fixtureBytes);
      const edits = 1 + Math.floor(next() * 4);
      for (let k = 0; k < edits; k++) {
        bytes[Math.floor(next() * bytes.length)] = alphabet[Math.floor(next() * alphabet.length)];
      }
      feed(bytes, `mutation #${i}`);
    }
  });

  test('wrong versions and formats', () => {
    // As JSON text, so that numbers JavaScript would round reach the parser as written.
    for (const version of [
      '0',
      '2',
      '-1',
      '1.5',
      '1e300',
      '"1"',
      'null',
      'true',
      '[]',
      '{}',
      '18446744073709551617',
    ]) {
      feed(`{"format": "stratagraph", "version": ${version}, "nodes": []}`, `version ${version}`);
    }
    for (const format of ['', 'Stratagraph', 1, null, {}]) {
      feed(`{"format": ${JSON.stringify(format)}, "version": 1, "nodes": []}`, `format ${format}`);
    }
    feed('{"version": 1, "nodes": []}', 'no format');
    feed('{"format": "stratagraph", "nodes": []}', 'no version');
  });

  test('deep nesting', () => {
    for (const depth of [100, 127, 128, 129, 1000, 100000]) {
      feed('['.repeat(depth) + ']'.repeat(depth), `arrays ${depth}`);
      feed(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`, `objects ${depth}`);
      const deepAttr = `${'{"x":'.repeat(depth)}1${'}'.repeat(depth)}`;
      feed(
        `{"format": "stratagraph", "version": 1, "nodes": [{"id": "outcome:1", "kind": "outcome", "attrs": {"deep": ${deepAttr}}}]}`,
        `attribute ${depth}`,
      );
      const deepList = '['.repeat(depth) + ']'.repeat(depth);
      feed(
        `{"format": "stratagraph", "version": 1, "nodes": [{"id": "outcome:1", "kind": "outcome", "attrs": {"deep": ${deepList}}}]}`,
        `attribute list ${depth}`,
      );
    }
  });

  test('odd strings and shapes', () => {
    const cases = [
      '',
      ' ',
      `\uFEFF${fixture}`,
      'null',
      '"stratagraph"',
      '{"format": "stratagraph", "version": 1, "nodes": [{"id": "\\ud800", "kind": "outcome"}]}',
      '{"format": "stratagraph", "version": 1, "nodes": [{"id": "a\u0000b", "kind": "outcome"}]}',
      `{"format": "stratagraph", "version": 1, "nodes": [{"id": "\ud800", "kind": "outcome"}]}`,
      '{"format": "stratagraph", "version": 1, "nodes": [{"id": "o:1", "kind": "outcome", "deadline": {"end": "2023-02-29"}}]}',
      '{"format": "stratagraph", "version": 1, "nodes": [{"id": "o:1", "kind": "outcome", "span": {"start": -1, "end": 1e99, "line": 0}}]}',
      '{"format": "stratagraph", "version": 1, "nodes": [{"id": "o:1", "kind": "outcome", "attrs": {"n": 1e999}}]}',
      '{"format": "stratagraph", "version": 1, "nodes": [], "edges": [{"source": "a", "target": "a", "kind": "contains"}]}',
      '{"format": "stratagraph", "version": 1, "nodes": [{"id": "o:1", "kind": "outcome"}], "extra": 1}',
      '{"format": "stratagraph", "format": "stratagraph", "version": 1, "nodes": []}',
    ];
    cases.forEach((c, i) => {
      feed(c, `odd case #${i}`);
    });
  });

  for (const [seed, file] of [
    [3, 'examples/data/wales-together-for-mental-health.txt'],
    [4, 'examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt'],
    [5, 'tests/fixtures/progress-report.txt'],
  ]) {
  test(`truncations and mutations of ${file}`, () => {
    const page = read(file);
    const next = rng(seed);
    for (let i = 0; i < 150; i++) {
      const cut = Math.floor(next() * page.length);
      feed(page.slice(0, cut), `page truncated at ${cut}`);
      const chars = [...page];
      for (let k = 0; k < 5; k++) {
        chars[Math.floor(next() * chars.length)] = ['\n', '\r', '.', ':', ' ', '\u2013', '\ufeff', 'A'][
          Math.floor(next() * 8)
        ];
      }
      feed(chars.join(''), `page mutation #${i}`);
    }
  });
  }

  test('the module still works after all of that', () => {
    assert.equal(Strategy.fromJson(fixture).toJson(), read('tests/golden/mini-plan.json'));
  });
});

test.describe('the staged npm package (dist/npm)', () => {
  test('resolves through its exports map, for require and import, with types beside it', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(PKG_NPM, 'package.json'), 'utf8'));
    assert.equal(manifest.name, 'stratagraph');
    assert.equal(manifest.devDependencies, undefined);
    for (const file of [
      manifest.exports['.'].node.types,
      manifest.exports['.'].node.default,
      manifest.exports['.'].browser.types,
      manifest.exports['.'].browser.default,
      manifest.types,
      manifest.main,
    ]) {
      assert.ok(fs.existsSync(path.join(PKG_NPM, file)), `${file} is missing from dist/npm`);
    }
    // A consumer project with the package in its node_modules.
    const consumer = fs.mkdtempSync(path.join(os.tmpdir(), 'stratagraph-consumer-'));
    try {
      fs.mkdirSync(path.join(consumer, 'node_modules'));
      fs.symlinkSync(PKG_NPM, path.join(consumer, 'node_modules', 'stratagraph'), 'dir');
      const script = [
        "const { Strategy } = require('stratagraph');",
        "const fs = require('node:fs');",
        `const s = Strategy.fromJson(fs.readFileSync(${JSON.stringify(path.join(ROOT, MINI))}));`,
        'process.stdout.write(String(s.nodeCount) + " " + require.resolve("stratagraph"));',
      ].join('\n');
      fs.writeFileSync(path.join(consumer, 'use.cjs'), script);
      fs.writeFileSync(
        path.join(consumer, 'use.mjs'),
        "import { Strategy, version } from 'stratagraph';\nprocess.stdout.write(typeof Strategy.fromJson + ' ' + version());\n",
      );
      const cjs = spawnSync(process.execPath, ['use.cjs'], { cwd: consumer, encoding: 'utf8' });
      assert.equal(cjs.status, 0, cjs.stderr);
      const [count, resolved] = cjs.stdout.split(' ');
      assert.equal(count, '13');
      assert.equal(
        fs.realpathSync(resolved),
        fs.realpathSync(path.join(PKG_NPM, 'pkg-node/stratagraph_wasm.js')),
      );
      const esm = spawnSync(process.execPath, ['use.mjs'], { cwd: consumer, encoding: 'utf8' });
      assert.equal(esm.status, 0, esm.stderr);
      assert.equal(esm.stdout, `function ${manifest.version}`);
    } finally {
      fs.rmSync(consumer, { recursive: true, force: true });
    }
  });
});
