// A typed use of the package, checked by `tsc --noEmit -p tests/tsconfig.json` against the
// declarations wasm-bindgen generated for the nodejs target. Every `@ts-expect-error` proves a
// type is precise: were it `any`, the directive would be unused and tsc would fail.
import {
  type AttrValue,
  type DocumentKind,
  detectDocumentKind,
  parseDeliveryPlan,
  parseDocument,
  parseProgressReport,
  type ProgressEntry,
  type ProgressParseResult,
  ProgressReport,
  type Status,
  type StatusShare,
  type Diagnostic,
  diagnosticsToJson,
  type EdgeData,
  type EdgeKind,
  type ErrorCode,
  jsonSchema,
  type NodeData,
  type NodeKind,
  type ParseResult,
  parseStrategy,
  type Severity,
  type StratagraphError,
  Strategy,
  type TextLine,
  validateJson,
  version,
} from 'stratagraph';

const text: string = '{"format": "stratagraph", "version": 1, "nodes": [], "edges": []}';
const plan: Strategy = Strategy.fromJson(text);
const fromBytes: Strategy = Strategy.fromJson(new Uint8Array([0x7b, 0x7d]));
// @ts-expect-error: a number is not text
Strategy.fromJson(42);
// @ts-expect-error: the constructor is private; strategies come from fromJson or a parser
new Strategy();

const json: string = plan.toJson();
const nodeCount: number = plan.nodeCount;
const edgeCount: number = plan.edgeCount;
// @ts-expect-error: the counts are read-only
plan.nodeCount = 3;

// Tables are arrays of plain objects, typed field by field.
const nodes: NodeData[] = plan.nodes();
const kinds: NodeKind[] = nodes.map((n) => n.kind);
const numbers: (string | undefined)[] = nodes.map((n) => n.number);
const deadlineEnds: (string | undefined)[] = nodes.map((n) => n.deadline?.end);
const firstLine: number | undefined = nodes[0]?.span?.line;
const weight: AttrValue | undefined = nodes[0]?.attrs?.weight;
// @ts-expect-error: nodes() is not a number
const notANumber: number = plan.nodes();
// @ts-expect-error: kinds are a closed set
const badKind: NodeKind = 'lead_partner';

const edges: EdgeData[] = plan.edges();
const edgeKinds: EdgeKind[] = edges.map((e) => e.kind);
const ends: [string, string][] = edges.map((e) => [e.source, e.target]);

const one = plan.node('action:1.1.1');
// @ts-expect-error: node() may return undefined
one.id;
if (one !== undefined) {
  const id: string = one.id;
  const tags: string[] | undefined = one.tags;
}

const diagnostics: Diagnostic[] = plan.validate();
const severities: Severity[] = diagnostics.map((d) => d.severity);
const where: (number | undefined)[] = diagnostics.map((d) => d.line);
// @ts-expect-error: severities are a closed set
const fatal: Severity = 'fatal';
const report: string = diagnosticsToJson(validateJson(text));
const report2: string = diagnosticsToJson([{ code: 'c', severity: 'info', ids: [], message: 'm' }]);
// @ts-expect-error: a diagnostic needs a severity
diagnosticsToJson([{ code: 'c', ids: [], message: 'm' }]);

const parsed: ParseResult = parseStrategy('Together for Mental Health\n\nIt covers children.');
const parsedPlan: Strategy = parsed.strategy;
const leftOver: TextLine[] = parsed.unclassified;
const skippedLines: number[] = parsed.skipped.map((l) => l.span.line);

const delivery: ParseResult = parseDeliveryPlan(new Uint8Array([0x31]));
const planText: string = delivery.strategy.toDeliveryPlan();

const progress: ProgressParseResult = parseProgressReport('1.1 Train staff.\nOn Track');
const progressReport: ProgressReport = progress.report;
const rows: ProgressEntry[] = progressReport.entries();
const statuses: (Status | undefined)[] = rows.map((r) => r.status);
const shares: StatusShare[] = rows.flatMap((r) => r.shares);
const asAt: string | undefined = progressReport.date;
const row: ProgressEntry | undefined = progressReport.entry('1.1');
const placed: Diagnostic[] = progressReport.applyTo(plan);
const again: ProgressReport = ProgressReport.fromJson(progressReport.toJson());
// @ts-expect-error: statuses are a closed set
const green: Status = 'green';

const kind: DocumentKind = detectDocumentKind(planText);
const doc = parseDocument(planText, 'plan');
if ('report' in doc) {
  const r: ProgressReport = doc.report;
} else {
  const s: Strategy = doc.strategy;
}
// @ts-expect-error: document kinds are a closed set
parseDocument(planText, 'pdf');
parseDocument(planText);

try {
  Strategy.fromJson('{');
} catch (err) {
  const e = err as StratagraphError;
  const code: ErrorCode = e.code;
  const at: [number | undefined, number | undefined] = [e.line, e.column];
  const message: string = e.message;
  // @ts-expect-error: error codes are a closed set
  const notACode: ErrorCode = 'oops';
}

const schema: string = jsonSchema();
const packageVersion: string = version();
plan.free();
{
  using scoped = Strategy.fromJson(text); // freed at the end of the block
  const n: number = scoped.nodeCount;
}
