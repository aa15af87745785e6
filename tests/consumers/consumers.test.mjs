// Real JavaScript consumers of the export golden files (tests/golden/mini-plan.*):
// Cytoscape.js loads the Cytoscape export headless; Mermaid's own parser reads
// the flowchart (Mermaid needs a DOM for DOMPurify, so jsdom provides one).
//
// Run:  cd tests/consumers && npm ci && npm test

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import cytoscape from 'cytoscape';
import { JSDOM } from 'jsdom';

const golden = join(dirname(fileURLToPath(import.meta.url)), '..', 'golden');
const read = (name) => readFileSync(join(golden, name), 'utf8');
const plan = JSON.parse(read('mini-plan.json'));

test('cytoscape loads the elements headless', () => {
  const { elements } = JSON.parse(read('mini-plan.cytoscape.json'));
  const cy = cytoscape({ headless: true, elements });
  assert.equal(cy.nodes().length, plan.nodes.length);
  assert.equal(cy.edges().length, plan.edges.length);
  for (const n of plan.nodes) {
    const node = cy.getElementById(n.id);
    assert.ok(node.nonempty(), n.id);
    assert.equal(node.data('kind'), n.kind);
    assert.ok(node.hasClass(n.kind), `${n.id} has class ${n.kind}`);
  }
  for (const e of plan.edges) {
    const found = cy.edges(`[source = "${e.source}"][target = "${e.target}"][kind = "${e.kind}"]`);
    assert.equal(found.length, 1, `${e.source} ${e.kind} ${e.target}`);
  }
  assert.equal(cy.getElementById('priority:1').data('weight'), 2);
  assert.equal(cy.getElementById('action:1.1.1').outgoers('edge.led_by').length, 2);
  // The graph is usable: a breadth-first search from the plan reaches every action.
  const reached = new Set();
  cy.elements().bfs({ roots: cy.getElementById('plan:mini'), visit: (v) => { reached.add(v.id()); }, directed: true });
  assert.ok(reached.has('action:1.1.1') && reached.has('action:1.1.2'));
});

test('mermaid parses the flowchart', async () => {
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  globalThis.window = dom.window;
  globalThis.document = dom.window.document;
  const mermaid = (await import('mermaid')).default;
  const text = read('mini-plan.mmd');
  const result = await mermaid.parse(text);
  assert.equal(result.diagramType, 'flowchart-v2');
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  assert.equal(diagram.db.getVertices().size, plan.nodes.length);
  assert.equal(diagram.db.getEdges().length, plan.edges.length);
  assert.equal(diagram.db.getSubGraphs().length, plan.nodes.filter((n) => n.kind === 'priority').length);
  // The parser does reject broken input: the check above means something.
  await assert.rejects(mermaid.parse('flowchart LR\n  a["x"] -->'));
});
