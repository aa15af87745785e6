// Headline counts in the progress report, a progress page's graph, and mergeProposals
// (the shared golden file tests/golden/scotland-proposals.merge.json, as Rust and Python).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { loadPackage, read } = require('./support.cjs');

const sg = loadPackage();
const { Strategy, ProgressReport } = sg;

const SCOTLAND = 'examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt';

test.describe('headline counts', () => {
  test('a report carries its typed counts, and its JSON keeps them', () => {
    const r = sg.parseProgressReport(
      'Progress report\nThere are 25 (73%) on track, 7 (21%) at risk and 2 (6%) off track.\n',
    ).report;
    const [group] = r.counts();
    assert.deepEqual(
      group.counts.map((c) => [c.words, c.status, c.value.number, c.percent]),
      [
        ['on track', 'on_track', 25, 73],
        ['at risk', 'at_risk', 7, 21],
        ['off track', 'off_track', 2, 6],
      ],
    );
    assert.equal(group.span.line, 2);
    assert.deepEqual(ProgressReport.fromJson(r.toJson()).counts(), r.counts());
  });

  test('a plan keeps the counts its text states; approximate values keep their words', () => {
    const plan = sg.parseDeliveryPlan(
      'Out of the 50 Actions in the plan, 22 are completed and more than 20 are on track.\n',
    );
    const [group] = plan.report.counts();
    assert.equal(group.group, 'Actions in the plan');
    assert.equal(group.total.number, 50);
    assert.equal(group.counts[1].value.bound, 'more_than');
    assert.equal(group.counts[1].value.text, 'more than 20');
    assert.deepEqual(sg.parseDeliveryPlan('Priority 1: Safe care.').report.counts(), []);
  });

  test('counts that disagree with the rows are reported', () => {
    const r = sg.parseProgressReport(
      'Progress report\nOf the 2 actions, 2 are on track.\n' +
        '1.1 Train staff.\nOn Track\n100% On Track\n1.2 Publish guidance.\nDelivered\n100% Delivered\n',
    );
    assert.ok(r.diagnostics.some((d) => d.code === 'count_rows_mismatch'));
  });

  test('a progress page that is no board paper keeps its graph', () => {
    const r = sg.parseProgressReport(
      'Action 1: Train staff.\nLead: NHS Education for Scotland\nStatus: On track\n',
    );
    assert.equal(r.report.entryCount, 1);
    assert.ok(r.strategy.nodeCount > 1);
    assert.equal(sg.parseProgressReport('1.1 Train staff.\nOn Track').strategy.nodeCount, 0);
  });
});

test.describe('mergeProposals', () => {
  test('the Scottish proposals give the golden merge, byte for byte', () => {
    const text = read(SCOTLAND);
    const plan = sg.parseDeliveryPlan(text).strategy;
    const merged = sg.mergeProposals(text, plan, read('tests/fixtures/scotland-proposals.json'));
    const golden = read('tests/golden/scotland-proposals.merge.json');
    assert.equal(merged.json, golden);
    const expected = JSON.parse(golden);
    assert.deepEqual(merged.accepted, expected.accepted);
    assert.deepEqual(merged.rejected, expected.rejected);
    assert.deepEqual(merged.disagreements, expected.disagreements);
    assert.deepEqual(merged.diagnostics.map((d) => d.code), expected.diagnostics.map((d) => d.code));
    assert.ok(merged.strategy instanceof Strategy);
    assert.equal(merged.strategy.toJson(), Strategy.fromJson(JSON.stringify(expected.strategy)).toJson());
    assert.ok(merged.strategy.nodeCount > plan.nodeCount, 'the strategy given is unchanged');
  });

  test('spans are UTF-8 byte offsets, not JavaScript string indices', () => {
    const text =
      'Priority 1 – Santé\nStrategic Action 1.1: Support staff.\n1.1.1 Train staff with Médecins Penumbra.';
    const plan = sg.parseDeliveryPlan(text).strategy;
    const word = 'Médecins Penumbra';
    const bytes = (s) => new TextEncoder().encode(s).length;
    const proposals = (start, end) =>
      JSON.stringify({
        format: 'stratagraph-proposals',
        version: 1,
        nodes: [{ kind: 'partner', label: word, span: { start, end } }],
      });
    const at = text.indexOf(word);
    const start = bytes(text.slice(0, at));
    const ok = sg.mergeProposals(text, plan, proposals(start, start + bytes(word)));
    assert.deepEqual(ok.accepted, [{ list: 'node', index: 0 }]);
    assert.deepEqual(ok.rejected, []);
    // the UTF-16 index points elsewhere: rejected, with why
    const wrong = sg.mergeProposals(text, plan, proposals(at, at + word.length));
    assert.deepEqual(wrong.accepted, []);
    assert.match(wrong.rejected[0].code, /^proposal_span/);
    assert.equal(wrong.diagnostics[0].code, wrong.rejected[0].code);
  });

  test('a proposals document that does not read throws with its code', () => {
    const plan = sg.parseDeliveryPlan('Priority 1: Safe care.').strategy;
    assert.throws(() => sg.mergeProposals('x', plan, '{'), (e) => e.code === 'json');
    assert.throws(
      () => sg.mergeProposals('x', plan, '{"format": "stratagraph", "version": 1}'),
      (e) => e.code === 'format',
    );
    assert.throws(
      () => sg.mergeProposals('x', plan, '{"format": "stratagraph-proposals", "version": 9}'),
      (e) => e.code === 'version',
    );
  });
});
