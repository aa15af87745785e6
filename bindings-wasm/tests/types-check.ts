// A typed use of the package, checked by `tsc --noEmit -p tests/tsconfig.json` against the
// declarations wasm-bindgen generated for the nodejs target. Every `@ts-expect-error` proves a
// type is precise: were it `any`, the directive would be unused and tsc would fail.
import {
  type Acronym,
  type ActionRow,
  type ActionsTable,
  type Alignment,
  type AttrValue,
  type DateWindow,
  exportStrategy,
  findDeadline,
  findDeadlines,
  findPeriod,
  type FormatInfo,
  formats,
  type Gantt,
  type GanttRow,
  gazetteer,
  type GazetteerEntry,
  generateDeliveryPlan,
  generateProgressReports,
  generateStrategy,
  importStrategy,
  type IndicatorGaps,
  type IndicatorResults,
  type Overdue,
  type OverdueRow,
  parseDeadline,
  parseDeliveryPlanDetailed,
  parseStatus,
  type PartnerCentrality,
  type PartnerLinks,
  type PartnerLoad,
  type PartnerLoadRow,
  type PathExplanation,
  type PlanDiff,
  type PlanParseResult,
  type PriorityOutcomeMatrix,
  type OutcomePartnerMatrix,
  type ProgressChanges,
  type ProgressRollup,
  type ProgressSeries,
  type ProgressSummary,
  type ResponsibilityRow,
  type Responsibilities,
  type RollupRow,
  type Staleness,
  type KindInfo,
  nodeKinds,
  type StatusInfo,
  statuses,
  textSimilarity,
  type Timeline,
  type TimelineRow,
  type Gaps,
  type DocumentKind,
  detectDocumentKind,
  parseDeliveryPlan,
  parseDocument,
  parseProgressReport,
  type ProgressEntry,
  ProgressReport,
  type CountGroup,
  type Bound,
  mergeProposals,
  type ProposalMergeResult,
  type Rejection,
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

const progress: ParseResult = parseProgressReport('1.1 Train staff.\nOn Track');
const progressReport: ProgressReport = progress.report;
const rows: ProgressEntry[] = progressReport.entries();
const rowStatuses: (Status | undefined)[] = rows.map((r) => r.status);
const shares: StatusShare[] = rows.flatMap((r) => r.shares);
const asAt: string | undefined = progressReport.date;
const row: ProgressEntry | undefined = progressReport.entry('1.1');
const placed: Diagnostic[] = progressReport.applyTo(plan);
const again: ProgressReport = ProgressReport.fromJson(progressReport.toJson());
const headline: CountGroup[] = progressReport.counts();
const bounds: Bound[] = headline.flatMap((g) => g.counts.map((c) => c.value.bound));
// @ts-expect-error: bounds are a closed set
const roughly: Bound = 'roughly';
const merged: ProposalMergeResult = mergeProposals('1.1 Train staff.', plan, '{}');
const mergedPlan: Strategy = merged.strategy;
const rejections: Rejection[] = merged.rejected;
const mergedJson: string = merged.json;
// @ts-expect-error: statuses are a closed set
const green: Status = 'green';

const kind: DocumentKind = detectDocumentKind(planText);
const doc: ParseResult = parseDocument(planText, 'plan');
const docReport: ProgressReport = doc.report;
const docStrategy: Strategy = doc.strategy;
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

// Queries and analyses: one call each, a typed table (rows of plain objects, summary fields, columns).
const who: Responsibilities = plan.responsibilities();
const cosla: ResponsibilityRow[] = plan.responsibilities('COSLA').rows;
const roles: ('lead' | 'joint_lead' | 'key_partner')[] = cosla.map((r) => r.role);
const via: (string | null)[] = cosla.map((r) => r.via);
// @ts-expect-error: a role is a closed set
const boss: ResponsibilityRow['role'] = 'boss';
const load: PartnerLoad = plan.partnerLoad();
const top: PartnerLoadRow | undefined = load.rows[0];
const leadCounts: number[] = load.rows.map((r) => r.leads);
const loadColumns: (keyof PartnerLoadRow)[] = load.columns;
// @ts-expect-error: columns are the row's field names
const notAColumn: PartnerLoad['columns'] = ['weight'];
const actionsTable: ActionsTable = plan.actionsTable();
const actionStatuses: (Status | null)[] = actionsTable.rows.map((r: ActionRow) => r.status);
const why: PathExplanation = plan.explainContribution('action:1.1.1', 'outcome:1');
const found: boolean = why.found;
const readings: string[] = why.rows.map((r) => r.reading);
const path: PathExplanation = plan.explainPath('Penumbra', 'Scottish Government');
// @ts-expect-error: ids are strings
plan.explainPath(1, 2);
const pom: PriorityOutcomeMatrix = plan.priorityOutcomeMatrix();
const axes: [string[], string[]] = [pom.priorities, pom.outcomes];
const named: boolean[] = pom.rows.map((r) => r.named);
const opm: OutcomePartnerMatrix = plan.outcomePartnerMatrix();
const gaps: Gaps = plan.gaps();
const gapKinds: string[] = gaps.rows.map((g) => g.gap);
const when: Timeline = plan.timeline();
const undated: number = when.undated;
const dueDays: (string | null)[] = when.rows.map((r: TimelineRow) => r.end);
const due: Timeline = plan.dueIn('2023-01-01', '2023-12-31');
const late: Overdue = plan.overdue('2024-06-01');
const daysLate: number[] = late.rows.map((r: OverdueRow) => r.days_overdue);
const bars: Gantt = plan.gantt();
const levels: number[] = bars.rows.map((r: GanttRow) => r.level);
const links: PartnerLinks = plan.partnerLinks();
const central: PartnerCentrality = plan.partnerCentrality();
const modularity: number = central.modularity;
const communities: number[] = central.rows.map((r) => r.community);
const rollup: ProgressRollup = plan.progressRollup();
const rolledFromReport: ProgressRollup = plan.progressRollup(progressReport);
const levelsRolled: RollupRow['level'][] = rollup.rows.map((r) => r.level);
const summary: ProgressSummary = plan.progressSummary(progressReport);
const sentence: string = summary.text;
const series: ProgressSeries = plan.progressSeries([progressReport, again]);
const changes: ProgressChanges = plan.progressChanges(progressReport, again);
const stale: Staleness = plan.staleStatuses([progressReport, again], 2);
// @ts-expect-error: reports are ProgressReports, not text
plan.progressSeries(['report']);
const changed: PlanDiff = plan.diff(plan.clone(), { sameNumber: 0.4 });
const added: number = changed.added;
// @ts-expect-error: diff options are a closed set
plan.diff(plan, { threshold: 0.4 });
const aligned: Alignment = plan.align(plan, 0.5);
const scores: (number | null)[] = aligned.rows.map((r) => r.score);
const results: IndicatorResults = plan.indicatorResults();
const indicatorGaps: IndicatorGaps = plan.indicatorGaps('2024-01-01');
const met: (boolean | null)[] = results.rows.map((r) => r.met);

// Navigation and changes.
const kids: NodeData[] = plan.children('strategic-action:1.1');
const up: NodeData | undefined = plan.parent('action:1.1.1');
const chain: NodeData[] = plan.ancestors('action:1.1.1');
const leadsOf: NodeData[] = plan.targets('action:1.1.1', 'led_by');
// @ts-expect-error: edge kinds are a closed set
plan.targets('action:1.1.1', 'leads');
const onlyActions: NodeData[] = plan.nodes('action');
const onlyLeads: EdgeData[] = plan.edges('led_by');
const there: boolean = plan.has('action:1.1.1');
plan.addNode({ id: 'outcome:9', kind: 'outcome', number: '9', text: 'People are safe.' });
const isNew: boolean = plan.addEdge({ source: 'action:1.1.1', target: 'outcome:9', kind: 'contributes_to' });
const replaced: NodeData | undefined = plan.upsertNode({ id: 'outcome:9', kind: 'outcome' });
const gone: boolean = plan.removeEdge('action:1.1.1', 'contributes_to', 'outcome:9');
const removed: NodeData | undefined = plan.removeNode('outcome:9');
// @ts-expect-error: a node needs a kind
plan.addNode({ id: 'outcome:10' });
const same: boolean = plan.equals(plan.clone());

// Drawing, reports, formats.
const svg: string = plan.toSvg({ partners: true, maxLines: 2 });
// @ts-expect-error: options are a closed set
plan.toSvg({ colour: 'red' });
const textReport: string = plan.textReport();
const progressText: string = progressReport.textReport();
const dot = exportStrategy(plan, 'dot');
const csv = exportStrategy(plan, 'csv', { table: 'nodes' });
if (typeof dot === 'string') {
  const firstLine: string | undefined = dot.split('\n')[0];
} else {
  const bytes: Uint8Array = dot;
}
// @ts-expect-error: formats are a closed set
exportStrategy(plan, 'pdf');
// @ts-expect-error: CSV tables are a closed set
exportStrategy(plan, 'csv', { table: 'everything' });
const back: Strategy = importStrategy(plan.toJson(), 'json');
const fromBytesImport: Strategy = importStrategy(new Uint8Array([0x7b]), 'graphml');
const infos: FormatInfo[] = formats();
const readable: string[] = infos.filter((f) => f.canImport).map((f) => f.name);

// The generator, dates, statuses, the gazetteer, similarity.
const generated: Strategy = generateStrategy({ size: 'S', seed: 7, actions: 200 });
// @ts-expect-error: sizes are a closed set
generateStrategy({ size: 'XL' });
const generatedText: string = generateDeliveryPlan({ actions: 10 });
const generatedReports: ProgressReport[] = generateProgressReports(generated, { seed: 7, actions: 200 });
const window: DateWindow | undefined = parseDeadline('Over 2023/24');
const first: DateWindow | undefined = findDeadline('Launch it by May 2024.');
const all: DateWindow[] = findDeadlines('By May 2024 and in 2025.');
const period: DateWindow | undefined = findPeriod('delivery plan 2023-2025');
const vocabulary: StatusInfo[] = statuses();
const kindNames: KindInfo[] = nodeKinds();
const firstKind: NodeKind | undefined = kindNames[0]?.kind;
const parsedStatus: Status | undefined = parseStatus('On track');
const bodies: GazetteerEntry[] = gazetteer();
const similarity: number = textSimilarity('a', 'b');
const detailed: PlanParseResult = parseDeliveryPlanDetailed('Priority 1', {
  gazetteer: [{ name: 'Voices for a Better Future', aliases: ['VBF'] }],
});
const acronyms: Acronym[] = detailed.acronyms;
const expansions: (string | null)[] = acronyms.map((a) => a.expansion);
