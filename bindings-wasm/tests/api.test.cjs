// The whole core API from JavaScript (dist/pkg-node): queries, analyses, progress, diff,
// alignment, indicators, formats, the drawing, the reports, the generator and the vocabularies,
// on the bundled Scottish plan and the shared golden files (the same bytes as Rust and Python).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { loadPackage, read } = require('./support.cjs');

const sg = loadPackage();
const { Strategy } = sg;

const SCOTLAND = 'examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt';
const WALES = 'examples/data/wales-together-for-mental-health.txt';
const MINI = 'tests/fixtures/mini-plan.json';

const scotland = () => sg.parseDeliveryPlan(read(SCOTLAND)).strategy;
const mini = () => Strategy.fromJson(read(MINI));

/** Call `fn`, expect it to throw, and return what it threw. */
function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail('expected an exception');
}

/** A table without the `columns` the binding adds: what the core's Table::to_json writes. */
function core(table) {
  const { columns, ...rest } = table;
  assert.ok(Array.isArray(columns), 'a table has its columns');
  return rest;
}

/** The shape every table has: plain rows whose keys are the columns, in order. */
function assertTable(table, name) {
  assert.equal(Object.getPrototypeOf(table), Object.prototype, name);
  assert.ok(Array.isArray(table.rows), `${name}: rows`);
  assert.ok(table.columns.length > 0, `${name}: columns`);
  for (const row of table.rows) {
    assert.equal(Object.getPrototypeOf(row), Object.prototype, name);
    assert.deepStrictEqual(Object.keys(row), table.columns, `${name}: a row's keys are the columns, in order`);
  }
}

test.describe('queries', () => {
  const plan = scotland();

  test('responsibilities: every role, or one partner by id or name; alliances through `via`', () => {
    const all = plan.responsibilities();
    assertTable(all, 'responsibilities');
    const cosla = plan.responsibilities('COSLA');
    assert.deepStrictEqual(
      cosla.rows.map((r) => [r.number, r.role]),
      [
        ['10.1.5', 'joint_lead'],
        ['10.4.1', 'joint_lead'],
        ['10.4.2', 'joint_lead'],
      ],
    );
    assert.deepStrictEqual(plan.responsibilities('partner:convention-of-scottish-local-authorities').rows, cosla.rows);
    assert.equal(cosla.rows[0].deadline_end, '2023-11-30');
    assert.equal(cosla.rows[0].via, null);
    const penumbra = all.rows.filter((r) => r.partner_label === 'Penumbra').map((r) => [r.number, r.via]);
    assert.deepStrictEqual(penumbra, [
      ['10.3.2', 'partner:in-care-survivors-alliance'],
      ['10.3.3', 'partner:in-care-survivors-alliance'],
    ]);
    assert.equal(plan.responsibilities('Scottish Government').rows.length, 13);
    const e = thrown(() => plan.responsibilities('Nobody'));
    assert.equal(e.code, 'unknown_node');
    assert.equal(e.name, 'StratagraphError');
  });

  test('partnerLoad: heaviest first', () => {
    const load = plan.partnerLoad();
    assertTable(load, 'partnerLoad');
    assert.deepStrictEqual(
      load.rows.slice(0, 3).map((r) => [r.label, r.actions, r.leads]),
      [
        ['Scottish Government', 13, 13],
        ['Third sector organisations', 5, 0],
        ['COSLA', 3, 3],
      ],
    );
    assert.deepStrictEqual(load.columns.slice(0, 3), ['partner', 'label', 'leads']);
  });

  test('actionsTable: one row per action, with its leads, outcomes and status', () => {
    const t = plan.actionsTable();
    assertTable(t, 'actionsTable');
    assert.equal(t.rows.length, 13);
    const first = t.rows[0];
    assert.deepStrictEqual(
      [first.id, first.priority, first.strategic_action, first.leads, first.outcomes, first.status],
      ['action:10.1.1', '10', '10.1', 'Scottish Government', '1; 2; 3; 4; 5; 6; 7', null],
    );
    const joint = mini().actionsTable().rows[0];
    assert.deepStrictEqual([joint.leads, joint.deadline_end, joint.deadline_phrase], ['Scottish Government; COSLA', '2023-11-30', 'By November 2023']);
  });

  test('nodeContexts: the outcomes and status of each action are the actions table\'s and the CSV\'s (one rule)', () => {
    const rated = plan.clone();
    sg.parseProgressReport('10.1 Families.\tDelivered\n10.3 Survivors.\tOff Track\n10.3.2 Support.\tOn Track').report.applyTo(rated);
    for (const s of [plan, rated, mini(), sg.generateStrategy({ size: 'S', actions: 40, seed: 9 })]) {
      const contexts = s.nodeContexts();
      assertTable(contexts, 'nodeContexts');
      assert.equal(contexts.rows.length, s.nodes().length);
      const byId = new Map(s.nodes().map((n) => [n.id, n]));
      const cells = (c) => (c ? c.split('; ') : []);
      const fromContexts = contexts.rows
        .filter((r) => r.kind === 'action')
        .map((r) => [r.id, cells(r.outcomes).map((o) => byId.get(o).number ?? byId.get(o).label).join('; '), r.status ?? '']);
      const fromTable = s.actionsTable().rows.map((r) => [r.id, r.outcomes, r.status ?? '']);
      assert.deepStrictEqual(fromContexts, fromTable);
      // The CSV actions table (no quoted commas in these cells' columns of interest: read from the end).
      const lines = sg.exportStrategy(s, 'csv', {}).trimEnd().split('\r\n').slice(1);
      const fromCsv = lines.map((l) => {
        const f = l.split(',');
        return [f[0], f.at(-2), f.at(-1)];
      });
      assert.deepStrictEqual(fromCsv, fromTable);
    }
    const inherited = rated.nodeContexts().rows.find((r) => r.id === 'action:10.1.1');
    assert.deepStrictEqual([inherited.status, inherited.status_from, inherited.parent], ['delivered', 'strategic-action:10.1', 'strategic-action:10.1']);
  });

  test('explainContribution and explainPath read the chain of edges', () => {
    const why = plan.explainContribution('action:10.3.2', 'outcome:1');
    assertTable(why, 'explainContribution');
    assert.equal(why.found, true);
    assert.equal(why.rows.at(-1).reading, 'priority 10 contributes to outcome 1');
    const p = plan.explainPath('Penumbra', 'Scottish Government');
    assert.deepStrictEqual(
      p.rows.map((r) => r.to),
      ['partner:in-care-survivors-alliance', 'action:10.3.2', 'partner:scottish-government'],
    );
    assert.equal(p.from, 'partner:penumbra');
    const none = mini().explainContribution('action:1.1.1', 'outcome:2');
    assert.equal(none.found, false);
    assert.deepStrictEqual(none.rows, []);
    assert.equal(thrown(() => plan.explainPath('action:99', 'outcome:1')).code, 'unknown_node');
  });
});

test.describe('analyses', () => {
  const plan = scotland();

  test('coverage: matrices with their axes, and gaps', () => {
    const pom = plan.priorityOutcomeMatrix();
    assertTable(pom, 'priorityOutcomeMatrix');
    assert.deepStrictEqual(pom.priorities, ['priority:10']);
    assert.equal(pom.outcomes.length, 7);
    assert.equal(pom.rows.length, 7);
    assert.ok(pom.rows.every((r) => r.named && r.actions === 13));
    const opm = plan.outcomePartnerMatrix();
    assertTable(opm, 'outcomePartnerMatrix');
    assert.equal(opm.outcomes.length, 7);
    const gaps = plan.gaps();
    assertTable(gaps, 'gaps');
    assert.equal(gaps.rows.length, 6);
  });

  test('timeline, dueIn, overdue and gantt', () => {
    const tl = plan.timeline();
    assertTable(tl, 'timeline');
    assert.equal(tl.rows[0].number, '10.1.5');
    assert.equal(tl.rows[0].leads, 'Scottish Government; COSLA');
    assert.equal(typeof tl.undated, 'number');
    const due = plan.dueIn('2023-01-01', '2023-12-31');
    assert.ok(due.rows.some((r) => r.number === '10.1.5'));
    const late = plan.overdue('2024-06-01');
    assertTable(late, 'overdue');
    assert.equal(late.as_of, '2024-06-01');
    assert.ok(late.rows.every((r) => r.days_overdue > 0));
    const bars = plan.gantt();
    assertTable(bars, 'gantt');
    assert.deepStrictEqual(bars.rows[0], {
      ...bars.rows[0],
      id: 'priority:10',
      kind: 'priority',
      level: 0,
    });
    for (const bad of ['2023-02-30', '1 May 2024', '']) {
      const e = thrown(() => plan.overdue(bad));
      assert.equal(e.code, 'invalid_date', bad);
    }
  });

  test('the partner network: links, centralities and communities match the golden file', () => {
    const golden = JSON.parse(read('tests/golden/scotland-priority-10.centrality.json'));
    const links = plan.partnerLinks();
    assertTable(links, 'partnerLinks');
    assert.deepStrictEqual(links.rows, golden.links);
    const c = plan.partnerCentrality();
    assertTable(c, 'partnerCentrality');
    assert.deepStrictEqual(core(c), golden.centrality);
    assert.equal(c.communities, 6);
  });

  test('progress: roll-up and board summary from the plan or a report; series, changes, staleness', () => {
    const march = sg.parseProgressReport('Progress as at 31 March 2024\n10.3 Survivors.\tAt Risk\n10.4 Dementia.\tOn Track').report;
    const sept = sg.parseProgressReport('Progress as at 30 September 2024\n10.3 Survivors.\tOn Track\n10.4 Dementia.\tOn Track').report;
    const unrated = plan.progressRollup();
    assertTable(unrated, 'progressRollup');
    assert.ok(unrated.rows.every((r) => r.status === null));
    // From a report, without changing the plan.
    const rolled = plan.progressRollup(march);
    const p10 = rolled.rows.find((r) => r.id === 'priority:10');
    assert.deepStrictEqual([p10.strategic_actions, p10.rated, p10.status], [4, 2, 'at_risk']);
    assert.ok(plan.progressRollup().rows.every((r) => r.status === null));
    // Applied to a copy, the same answer from the plan's own statuses.
    const copy = plan.clone();
    march.applyTo(copy);
    assert.deepStrictEqual(copy.progressRollup(), rolled);
    const summary = plan.progressSummary(march);
    assertTable(summary, 'progressSummary');
    assert.equal(summary.date, '2024-03-31');
    assert.equal(summary.text, '1 (50%) on track, 1 (50%) at risk');
    const series = plan.progressSeries([sept, march]);
    assertTable(series, 'progressSeries');
    assert.deepStrictEqual([...new Set(series.rows.map((r) => r.date))], ['2024-03-31', '2024-09-30'], 'in date order');
    const changes = plan.progressChanges(march, sept);
    assertTable(changes, 'progressChanges');
    assert.deepStrictEqual([changes.improved, changes.worsened, changes.unchanged], [1, 0, 1]);
    assert.deepStrictEqual(changes.rows.map((r) => [r.number, r.change]), [['10.3', 'improved']]);
    const stale = plan.staleStatuses([march, sept], 2);
    assertTable(stale, 'staleStatuses');
    assert.deepStrictEqual(stale.rows.map((r) => [r.number, r.status]), [['10.4', 'on_track']]);
    // Reports given as canonical JSON text work too; the reports passed stay usable.
    assert.deepStrictEqual(plan.progressSeries([march.toJson(), sept]), series);
    assert.equal(march.entryCount, 2);
  });

  test('diff of two versions, with thresholds', () => {
    const old = mini();
    const next = old.clone();
    next.upsertNode({ ...next.node('action:1.1.2'), text: 'Over 2023/24, agree a national service specification with all stakeholders.' });
    next.removeEdge('action:1.1.1', 'led_by', 'partner:cosla');
    const d = old.diff(next);
    assertTable(d, 'diff');
    assert.deepStrictEqual(d.rows.map((r) => [r.new_id, r.change]), [
      ['action:1.1.1', 'leads_changed'],
      ['action:1.1.2', 'reworded'],
    ]);
    assert.deepStrictEqual(core(old.diff(old.clone())).rows, []);
    // A strict threshold makes the reworded action a removal and an addition.
    const strict = old.diff(next, { sameNumber: 0.99, renumbered: 0.99 });
    assert.ok(strict.rows.some((r) => r.change === 'removed'));
    assert.equal(thrown(() => old.diff(next, { same_number: 1 })).code, 'invalid_argument');
  });

  test('align two strategies', () => {
    const a = scotland();
    const b = sg.parseStrategy(read(WALES)).strategy;
    const al = a.align(b);
    assertTable(al, 'align');
    assert.equal(al.threshold, 0.3);
    assert.equal(a.align(b, 0.9).threshold, 0.9);
    assert.ok(al.rows.some((r) => r.matched_by === 'unpaired'));
    const self = a.align(a);
    assert.ok(self.rows.filter((r) => r.kind === 'outcome').every((r) => r.score === 1));
  });

  test('indicators: results chains and gaps to target', () => {
    const s = Strategy.fromJson(
      JSON.stringify({
        format: 'stratagraph',
        version: 1,
        nodes: [
          { id: 'outcome:1', kind: 'outcome', number: '1', text: 'Wellbeing improves.' },
          {
            id: 'indicator:1',
            kind: 'indicator',
            number: '1',
            text: 'Adults with good wellbeing',
            attrs: {
              measure: 'unit',
              ascending: true,
              baseline: { date: '2022-12-31', value: 48.5 },
              periods: [{ start: '2023-01-01', end: '2023-12-31', target: 49.5, actual: 49 }],
            },
          },
        ],
        edges: [{ source: 'indicator:1', target: 'outcome:1', kind: 'measures' }],
      }),
    );
    const results = s.indicatorResults();
    assertTable(results, 'indicatorResults');
    assert.deepStrictEqual(
      results.rows.map((r) => [r.indicator, r.baseline, r.target, r.actual, r.gap, r.met]),
      [['indicator:1', 48.5, 49.5, 49, 0.5, false]],
    );
    const gaps = s.indicatorGaps('2024-01-01');
    assertTable(gaps, 'indicatorGaps');
    assert.equal(gaps.as_of, '2024-01-01');
    assert.equal(gaps.rows[0].status, 'behind');
  });
});

test.describe('navigation and changes', () => {
  test('nodes and edges of a kind, parent, children, ancestors, targets, sources', () => {
    const plan = scotland();
    assert.equal(plan.nodes('action').length, 13);
    assert.equal(plan.edges('led_by').length, 16);
    assert.deepStrictEqual(plan.nodes(undefined), plan.nodes());
    assert.equal(plan.parent('action:10.1.5').id, 'strategic-action:10.1');
    assert.equal(plan.parent('priority:404'), undefined);
    assert.deepStrictEqual(
      plan.ancestors('action:10.1.5').map((n) => n.id),
      ['strategic-action:10.1', 'priority:10', 'plan:mental-health-and-wellbeing-strategy-delivery-plan-2023-2025'],
    );
    assert.equal(plan.children('strategic-action:10.1').length, 5);
    assert.deepStrictEqual(plan.targets('action:10.1.5', 'led_by').map((n) => n.label), ['Scottish Government', 'COSLA']);
    assert.ok(plan.sources('partner:convention-of-scottish-local-authorities', 'led_by').length === 3);
    assert.equal(plan.has('action:10.1.5'), true);
    assert.deepStrictEqual(plan.edge('action:10.1.5', 'led_by', 'partner:scottish-government'), {
      source: 'action:10.1.5',
      target: 'partner:scottish-government',
      kind: 'led_by',
      attrs: { joint: true },
    });
    assert.equal(plan.edge('action:10.1.5', 'key_partner', 'partner:scottish-government'), undefined);
    assert.equal(thrown(() => plan.nodes('wish')).code, 'unknown_kind');
    assert.equal(thrown(() => plan.targets('action:10.1.5', 'leads')).code, 'unknown_kind');
  });

  test('addNode, upsertNode, addEdge, removeEdge, removeNode, clone, equals', () => {
    const plan = mini();
    const copy = plan.clone();
    plan.addNode({ id: 'outcome:9', kind: 'outcome', number: '9', text: 'Safe.', attrs: { n: 1, x: 2.5, tags: ['a'] } });
    assert.equal(thrown(() => plan.addNode({ id: 'outcome:9', kind: 'outcome' })).code, 'duplicate_id');
    assert.equal(plan.addEdge({ source: 'action:1.1.1', target: 'outcome:9', kind: 'contributes_to' }), true);
    assert.equal(thrown(() => plan.addEdge({ source: 'action:1.1.1', target: 'outcome:404', kind: 'contributes_to' })).code, 'dangling_edge');
    assert.equal(plan.upsertNode({ id: 'outcome:9', kind: 'outcome', text: 'Safer.' }).text, 'Safe.');
    assert.equal(plan.node('outcome:9').text, 'Safer.');
    assert.equal(plan.equals(copy), false);
    assert.equal(plan.removeEdge('action:1.1.1', 'contributes_to', 'outcome:9'), true);
    assert.equal(plan.removeNode('outcome:9').id, 'outcome:9');
    assert.equal(plan.removeNode('outcome:9'), undefined);
    assert.equal(plan.equals(copy), true);
    assert.equal(plan.toJson(), copy.toJson());
    for (const bad of [{ id: 'x:1' }, { id: 'x:1', kind: 'wish' }, { id: 'x:1', kind: 'outcome', colour: 'red' }, 'outcome:1', null]) {
      const e = thrown(() => plan.addNode(bad));
      assert.equal(e.code, 'invalid_argument', JSON.stringify(bad));
      assert.ok(e instanceof TypeError);
    }
  });
});

test.describe('formats', () => {
  const plan = mini();
  const GOLDEN = [
    ['json', {}, 'mini-plan.json'],
    ['csv', {}, 'mini-plan.actions.csv'],
    ['csv', { table: 'nodes' }, 'mini-plan.nodes.csv'],
    ['csv', { table: 'edges' }, 'mini-plan.edges.csv'],
    ['graphml', {}, 'mini-plan.graphml'],
    ['dot', {}, 'mini-plan.dot'],
    ['mermaid', {}, 'mini-plan.mmd'],
    ['cytoscape', {}, 'mini-plan.cytoscape.json'],
    ['node-link', {}, 'mini-plan.node-link.json'],
    ['kumu', {}, 'mini-plan.kumu.json'],
    ['archimate', {}, 'mini-plan.archimate.xml'],
    ['svg', {}, 'mini-plan.svg'],
    ['svg', { partners: true }, 'mini-plan.partners.svg'],
    ['html', {}, 'mini-plan.html'],
  ];
  for (const [format, options, file] of GOLDEN) {
    test(`exportStrategy(${format}, ${JSON.stringify(options)}) is tests/golden/${file}, byte for byte`, () => {
      assert.equal(sg.exportStrategy(plan, format, options), read(`tests/golden/${file}`));
    });
  }

  test('toSvg is the svg export', () => {
    assert.equal(plan.toSvg(), read('tests/golden/mini-plan.svg'));
    assert.equal(plan.toSvg({ partners: true }), read('tests/golden/mini-plan.partners.svg'));
    assert.notEqual(plan.toSvg({ maxLines: 0 }), plan.toSvg());
  });

  test('importStrategy reads back every format that carries a whole strategy', () => {
    for (const [format, options] of [
      ['json', {}],
      ['csv', { table: 'nodes-and-edges' }],
      ['graphml', {}],
      ['node-link', {}],
    ]) {
      const text = sg.exportStrategy(plan, format, options);
      assert.ok(sg.importStrategy(text, format).equals(plan), format);
      assert.ok(sg.importStrategy(Buffer.from(text), format).equals(plan), `${format} as bytes`);
    }
    const e = thrown(() => sg.importStrategy('<svg/>', 'svg'));
    assert.equal(e.code, 'unsupported');
    const bad = thrown(() => sg.importStrategy('<graphml><node', 'graphml'));
    assert.equal(typeof bad.code, 'string');
    assert.equal(typeof bad.line, 'number');
  });

  test('formats() lists every format; xlsx is not in this build', () => {
    const list = sg.formats();
    assert.deepStrictEqual(
      list.map((f) => f.name),
      ['json', 'csv', 'xlsx', 'graphml', 'dot', 'mermaid', 'cytoscape', 'node-link', 'kumu', 'archimate', 'svg', 'html'],
    );
    assert.deepStrictEqual(list.find((f) => f.name === 'node-link'), {
      name: 'node-link',
      extension: 'node-link.json',
      mediaType: 'application/json',
      text: true,
      canImport: true,
    });
    assert.equal(thrown(() => sg.exportStrategy(plan, 'xlsx')).code, 'unsupported');
    assert.equal(thrown(() => sg.exportStrategy(plan, 'pdf')).code, 'unknown_kind');
    assert.equal(thrown(() => sg.exportStrategy(plan, 'csv', { table: 'everything' })).code, 'unknown_kind');
    assert.equal(thrown(() => sg.exportStrategy(plan, 'svg', { maxLines: -1 })).code, 'invalid_argument');
  });
});

test.describe('reports, generator and vocabularies', () => {
  test('textReport of a strategy and of a progress report', () => {
    const plan = mini();
    const text = plan.textReport();
    assert.match(text, /Priority 1: People get help early/);
    assert.equal(plan.textReport([]), plan.textReport([]));
    assert.notEqual(plan.textReport([{ code: 'x', severity: 'warning', ids: [], message: 'Look here.' }]), plan.textReport([]));
    const parsed = sg.parseProgressReport('Progress as at 31 March 2024\n2.2 Expand digital therapies.\tAt Risk\t50% On Track, 50% At Risk');
    assert.match(parsed.report.textReport(parsed.diagnostics), /2\.2 \[At Risk\] Expand digital therapies\./);
  });

  test('the generator is deterministic, and its text reads back', () => {
    const a = sg.generateStrategy({ seed: 7 });
    assert.equal(a.nodes('action').length, 500);
    assert.equal(a.toJson(), sg.generateStrategy({ seed: 7 }).toJson());
    assert.notEqual(a.toJson(), sg.generateStrategy({ seed: 8 }).toJson());
    const small = { actions: 40, priorities: 2, strategicActionsPerPriority: 4, seed: 3 };
    const s = sg.generateStrategy(small);
    assert.equal(s.nodes('action').length, 40);
    assert.equal(s.nodes('strategic_action').length, 8);
    const text = sg.generateDeliveryPlan(small);
    assert.equal(text, s.toDeliveryPlan());
    assert.deepStrictEqual(sg.parseDeliveryPlan(text).unclassified, []);
    const reports = sg.generateProgressReports(s, small);
    assert.equal(reports.length, 4);
    assert.ok(reports.every((r) => r instanceof sg.ProgressReport && r.entryCount === 8));
    assert.equal(thrown(() => sg.generateStrategy({ size: 'XL' })).code, 'unknown_kind');
    assert.equal(thrown(() => sg.generateStrategy({ actions: -1 })).code, 'invalid_argument');
    assert.equal(thrown(() => sg.generateStrategy({ action: 10 })).code, 'invalid_argument');
  });

  test('deadline phrases, statuses, kinds of node, the gazetteer, similarity, acronyms', () => {
    assert.deepStrictEqual(sg.parseDeadline('By November 2023'), { end: '2023-11-30', phrase: 'By November 2023' });
    assert.deepStrictEqual(sg.parseDeadline('Over 2023/24'), { start: '2023-04-01', end: '2024-03-31', phrase: 'Over 2023/24' });
    assert.equal(sg.parseDeadline('whenever'), undefined);
    assert.equal(sg.findDeadline('Launch it by May 2024.').end, '2024-05-31');
    assert.equal(sg.findDeadlines('By May 2024, then in 2025.').length, 2);
    assert.equal(sg.findPeriod('delivery plan 2023-2025').phrase, '2023-2025');
    const statuses = sg.statuses();
    assert.equal(statuses.length, 7);
    assert.deepStrictEqual(statuses[1], { status: 'on_track', label: 'On Track' });
    assert.equal(sg.parseStatus('on track'), 'on_track');
    assert.equal(sg.parseStatus('green'), undefined);
    // The kinds of node in the core's order, each with NodeKind::title; every kind the schema allows.
    const kinds = sg.nodeKinds();
    assert.deepStrictEqual(kinds[4], { kind: 'strategic_action', title: 'Strategic action' });
    assert.deepStrictEqual(kinds.at(-1), { kind: 'principle', title: 'Principle' });
    assert.deepStrictEqual(
      kinds.map((k) => k.kind),
      JSON.parse(sg.jsonSchema()).$defs.node.properties.kind.enum,
    );
    const cosla = sg.gazetteer().find((e) => e.aliases.includes('COSLA'));
    assert.deepStrictEqual(cosla, { name: 'Convention of Scottish Local Authorities', aliases: cosla.aliases, kind: 'body' });
    assert.equal(sg.textSimilarity('Help families early.', 'Help families early.'), 1);
    assert.ok(sg.textSimilarity('Help families early.', 'Dementia care') < 0.3);
    const detailed = sg.parseDeliveryPlanDetailed(read(SCOTLAND));
    assert.deepStrictEqual(Object.keys(detailed), ['strategy', 'report', 'diagnostics', 'unclassified', 'skipped', 'acronyms']);
    assert.deepStrictEqual(detailed.acronyms[0], {
      acronym: 'NTTP',
      expansion: 'National Trauma Transformation Programme',
      source: 'gazetteer',
      line: 14,
    });
    assert.equal(detailed.strategy.toJson(), read('tests/golden/scotland-priority-10.json'));
  });

  test('parseDeliveryPlan with bodies added to the gazetteer', () => {
    const text = '10.4.1 Agree the plan.\nLead and Key Partners: Dementia Lived Experience Panel Penumbra\n';
    const plain = sg.parseDeliveryPlan(text, {}).strategy;
    const told = sg.parseDeliveryPlan(text, { gazetteer: [{ name: 'Dementia Lived Experience Panel', aliases: ['DLEP'] }] }).strategy;
    assert.deepStrictEqual(told.targets('action:10.4.1', 'key_partner').map((n) => n.label), ['Penumbra']);
    assert.equal(sg.parseDeliveryPlan(text).strategy.toJson(), plain.toJson());
    assert.equal(thrown(() => sg.parseDeliveryPlan(text, { gazeteer: [] })).code, 'invalid_argument');
    assert.equal(thrown(() => sg.parseDeliveryPlan(text, { gazetteer: [{ aliases: [] }] })).code, 'invalid_argument');
  });
});
