// The plain objects that cross the boundary (rows, diagnostics, parse results, options),
// written here and checked against stratagraph's Rust types, type for type, by the tests
// of bindings-wasm/src/typescript.rs.

/** Text, as a string or as UTF-8 bytes (a `Uint8Array` or a Node.js `Buffer`). */
export type TextInput = string | Uint8Array;

/** How serious a diagnostic is. */
export type Severity = "info" | "warning" | "error";

/** What a node stands for (the `kind` of a node in canonical JSON). */
export type NodeKind =
  | "strategy" | "plan" | "priority" | "focus_area" | "strategic_action" | "action"
  | "outcome" | "challenge" | "partner" | "governance_body" | "legislation"
  | "population_group" | "programme" | "indicator" | "principle";

/** How two nodes are related (the `kind` of an edge in canonical JSON). */
export type EdgeKind =
  | "contains" | "contributes_to" | "addresses" | "led_by" | "key_partner" | "member_of"
  | "oversees" | "gives_effect_to" | "supersedes" | "targets" | "measures" | "depends_on"
  | "mentions" | "follows";

/** One problem found in a document or model. */
export interface Diagnostic {
  /** A stable snake_case code (`duplicate_id`, `numbering_gap`, ...). */
  code: string;
  severity: Severity;
  /** The ids of the nodes concerned, most relevant first. */
  ids: string[];
  /** A sentence a person can act on. */
  message: string;
  /** The 1-based line of the source text, when the problem has one. */
  line?: number;
  /** The 1-based column of the source text, when the problem has one. */
  column?: number;
}

/** A window of days (a deadline, a plan's period); either end may be open. Dates are `YYYY-MM-DD`. */
export interface DateWindow {
  start?: DateText;
  end?: DateText;
  /** The words of the document the window was read from ("Over 2023/24"). */
  phrase?: string;
}

/** Where in the source text a node came from: a byte range and its 1-based line. */
export interface SourceSpan {
  start: number;
  end: number;
  line: number;
}

/** A typed attribute value: the plain JSON value. */
export type AttrValue = boolean | number | string | AttrValue[] | { [name: string]: AttrValue };

/** Named attributes, in name order. */
export type Attrs = { [name: string]: AttrValue };

/** A node as in canonical JSON: fields that are empty are left out. */
export interface NodeData {
  /** The stable id (`action:10.1.1`, `partner:scottish-government`). */
  id: string;
  kind: NodeKind;
  /** The number the document gives it ("10.1.2"). */
  number?: string;
  /** A short name: a partner's name, a strategy's title. */
  label?: string;
  /** The full statement the document gives. */
  text?: string;
  deadline?: DateWindow;
  period?: DateWindow;
  tags?: string[];
  attrs?: Attrs;
  span?: SourceSpan;
}

/** An edge as in canonical JSON. */
export interface EdgeData {
  /** The id of the node the edge starts from. */
  source: string;
  /** The id of the node the edge points to. */
  target: string;
  kind: EdgeKind;
  attrs?: Attrs;
}

/** One line of the source text that did not become part of the model. */
export interface TextLine {
  /** 1-based line number. */
  line: number;
  span: SourceSpan;
  /** The line's text, trimmed. */
  text: string;
}

/**
 * What every parser gives: the strategy or the progress report read from the text, with every
 * diagnostic and every line that did not become part of it.
 */
export interface ParseResult {
  /** The strategy graph read from the text (empty for a board paper). */
  strategy: Strategy;
  /** The progress report read from the text (empty unless the text is one). */
  report: ProgressReport;
  /** Problems and remarks, in line order. */
  diagnostics: Diagnostic[];
  /** Lines that fit nowhere, kept word for word. */
  unclassified: TextLine[];
  /** Page furniture recognised and skipped ("Skip to main content", "Back to top"). */
  skipped: TextLine[];
}

/** The kinds of document `parseDocument` reads. */
export type DocumentKind = "json" | "plan" | "strategy" | "progress";

/** The status of an action, in the words of real progress reports (snake_case). */
export type Status =
  | "not_started" | "on_track" | "at_risk" | "off_track" | "missed_no_risk" | "missed_with_risk"
  | "delivered";

/** The share of a strategic action's actions in one status. */
export interface StatusShare {
  status: Status;
  /** The percentage, as printed (0 to 100). */
  percent: number;
}

/** One row of a progress report: a strategic action and its status. */
export interface ProgressEntry {
  /** The strategic action's number ("2.2"). */
  number: string;
  /** The strategic action's title, as the report prints it. */
  title: string;
  /** The overall status, when the row gives one. */
  status?: Status;
  /** The share of its actions in each status, in the order printed. */
  shares: StatusShare[];
  /** The 1-based line of the source text the row starts on. */
  line: number;
}

/** How a headline count is qualified: exact, or "more than 200", "about 30", ... */
export type Bound = "exact" | "more_than" | "less_than" | "about" | "nearly" | "at_least" | "up_to";

/** Whether a headline count is a number of items or a percentage of them. */
export type CountUnit = "items" | "percent";

/** A count as the text states it ("22", "more than 200", "90%"). */
export interface CountValue {
  /** The number. */
  number: number;
  /** Items or a percentage. */
  unit: CountUnit;
  /** Exact or qualified. */
  bound: Bound;
  /** The words of the text ("more than 200", "73%", "seven"). */
  text: string;
}

/** One status of a headline count group and how many are in it ("25 (73%) on track"). */
export interface StatusCount {
  /** The status words as written, in lower case ("on track", "progressing well towards completion"). */
  words: string;
  /** The status the words are, when they are the words of the vocabulary. */
  status?: Status;
  /** How many. */
  value: CountValue;
  /** The percentage printed beside the count, if any. */
  percent?: number;
}

/**
 * The headline counts of one group ("Out of the 50 Actions in the plan, 22 are
 * completed ..."): what is counted, the total when stated, one count per status.
 */
export interface CountGroup {
  /** What is counted, as written ("Actions in the plan"), when the text names it. */
  group?: string;
  /** The total, when stated. */
  total?: CountValue;
  /** One count per status, in the order written. */
  counts: StatusCount[];
  /** Where the first sentence of the group is (UTF-8 byte offsets). */
  span: SourceSpan;
}

/** Which proposal of a proposals document: `nodes[index]` or `edges[index]`. */
export type ProposalRef = { list: "node" | "edge"; index: number };

/** A proposal that did not pass the gate. */
export interface Rejection {
  proposal: ProposalRef;
  /**
   * `proposal_span_out_of_range`, `proposal_span_mismatch`, `proposal_dangling_edge`,
   * `proposal_kind_conflict` or `proposal_invalid`.
   */
  code: string;
  /** A sentence saying why. */
  message: string;
}

/** A field on which an accepted proposal and the rules disagree (the rules' value is kept). */
export interface Disagreement {
  proposal: ProposalRef;
  /** The node's id. */
  id: string;
  /** `number`, `label`, `text` or `deadline`. */
  field: string;
  /** What the rules found. */
  rules: string;
  /** What the proposal says. */
  proposed: string;
}

/** The proposals merged into a parse (spans are UTF-8 byte offsets into the text). */
export interface ProposalMerge {
  /** The parse with the accepted proposals merged in (a new `Strategy`). */
  strategy: Strategy;
  /** The proposals accepted, in document order (nodes first). */
  accepted: ProposalRef[];
  /** The proposals rejected, with why. */
  rejected: Rejection[];
  /** Where accepted proposals disagree with the rules. */
  disagreements: Disagreement[];
  /** One diagnostic per rejection and per disagreement. */
  diagnostics: Diagnostic[];
}

/** What `mergeProposals` gives: a `ProposalMerge` and its canonical JSON. */
export interface ProposalMergeResult extends ProposalMerge {
  /** The merge's canonical JSON, byte for byte what Rust and Python write. */
  json: string;
}

/** A day, written `YYYY-MM-DD` (dates in tables are text, as in JSON and CSV). */
export type DateText = string;

/** A body, group, programme or term of the gazetteer, with its acronyms and other spellings. */
export interface GazetteerEntry {
  /** The canonical name ("NHS Education for Scotland"). */
  name: string;
  /** Acronyms and other spellings ("NES"); one written in capitals matches only in capitals. */
  aliases: string[];
  kind: "body" | "group" | "programme" | "term";
}

/** What `parseDeliveryPlan` may be told. */
export interface PlanOptions {
  /** Bodies (by default; or groups, programmes, terms) to add to the built-in gazetteer. */
  gazetteer?: { name: string; aliases?: string[]; kind?: GazetteerEntry["kind"] }[];
}

/** An acronym a delivery plan uses or defines. */
export interface Acronym {
  /** The acronym as written ("TPTICs"). */
  acronym: string;
  /** What it stands for, if known. */
  expansion: string | null;
  /** Where the expansion came from. */
  source: "document" | "gazetteer" | "unknown";
  /** The 1-based line it is first used or defined on. */
  line: number;
}

/** What `parseDeliveryPlanDetailed` gives: a `ParseResult` and the document's acronyms. */
export interface PlanParseResult extends ParseResult {
  /** Every acronym the document uses or defines, in order of first appearance. */
  acronyms: Acronym[];
}

/** A kind of node and its name for people. */
export interface KindInfo {
  kind: NodeKind;
  /** "Strategic action", "Governance body", ... */
  title: string;
}

/** A status of the vocabulary and the words a report prints for it. */
export interface StatusInfo {
  status: Status;
  /** "On Track", "Missed Delivery Date - No Risk", ... */
  label: string;
}

/** The formats `exportStrategy` writes (core also accepts aliases: `node_link`, `gv`, `mmd`, ...). */
export type FormatName =
  | "json" | "csv" | "xlsx" | "graphml" | "dot" | "mermaid" | "cytoscape" | "node-link" | "kumu"
  | "archimate" | "svg" | "html";

/** The tables a CSV export writes. */
export type CsvTableName = "actions" | "nodes" | "edges" | "nodes-and-edges";

/** One format, as `formats()` lists it. */
export interface FormatInfo {
  name: FormatName;
  /** The usual file name ending, without the dot ("node-link.json"). */
  extension: string;
  /** The media (MIME) type. */
  mediaType: string;
  /** Whether the output is text (a string) rather than bytes (a `Uint8Array`). */
  text: boolean;
  /** Whether `importStrategy` reads it back. */
  canImport: boolean;
}

/** How the SVG drawing is made. */
export interface SvgOptions {
  /** Draw a partners column with lead and key-partner edges (default: false). */
  partners?: boolean;
  /** Draw the outcomes column (default: true). */
  outcomes?: boolean;
  /** The most lines of statement text in a box (default: 3; 0 shows names only). */
  maxLines?: number;
}

/** What `exportStrategy` may be told besides the format. */
export interface ExportOptions extends SvgOptions {
  /** The table `csv` writes (default: `actions`). */
  table?: CsvTableName;
}

/** The thresholds of `Strategy.diff`: least statement similarity (0 to 1) for two items to be one. */
export interface DiffOptions {
  /** For two items with the same number (default 0.3). */
  sameNumber?: number;
  /** For two items with different numbers (default 0.5). */
  renumbered?: number;
}

/** The sizes of the generator's presets: S (500 actions), M (50,000), L (1,000,000). */
export type GeneratorSize = "S" | "M" | "L" | "s" | "m" | "l" | "small" | "medium" | "large";

/** What `generateStrategy` makes: a preset, with any of its fields changed. */
export interface GeneratorOptions {
  /** The preset to start from (default `S`). */
  size?: GeneratorSize;
  /** The same seed gives the same plan (default 42). */
  seed?: number;
  priorities?: number;
  strategicActionsPerPriority?: number;
  /** Actions in all. */
  actions?: number;
  /** The pool of partners. */
  partners?: number;
  outcomes?: number;
  challenges?: number;
  /** One partner in this many is an alliance (0: none). */
  allianceEvery?: number;
  /** The share (0 to 1) of actions led jointly. */
  jointLeadShare?: number;
  maxKeyPartners?: number;
  /** The share (0 to 1) of actions whose text states a deadline. */
  deadlineShare?: number;
  /** The share (0 to 1) of actions that name an outcome of their own. */
  actionOutcomeShare?: number;
  /** The Zipf exponent of the choice of lead. */
  leadSkew?: number;
  /** The Zipf exponent of the choice of key partner. */
  partnerSkew?: number;
  firstYear?: number;
  years?: number;
  /** How many progress reports `generateProgressReports` makes. */
  reports?: number;
}

/**
 * A table-shaped answer: `rows` (plain objects, one per row, fields under the
 * core's snake_case column names, absent values as `null`), the core's summary
 * fields, and `columns`, the column names in order. Without `columns` it is the
 * JSON Rust's `Table::to_json` and Python's `Table.to_json()` write.
 */
export interface Table<Row> {
  rows: Row[];
  /** The column names, in order (known even when there are no rows). */
  columns: (keyof Row & string)[];
}

/** One role of one partner on one action. */
export interface ResponsibilityRow {
  /** The partner's id. */
  partner: string;
  /** The partner's name. */
  partner_label: string;
  /** The action's id. */
  action: string;
  /** The action's number ("10.1.5"). */
  number: string;
  role: "lead" | "joint_lead" | "key_partner";
  /** The alliance the partner has the role through, when it has it as a member. */
  via: string | null;
  strategic_action: string | null;
  priority: string | null;
  /** The last day of the action's deadline. */
  deadline_end: DateText | null;
  /** The deadline as the document words it ("" when none). */
  deadline: string;
  /** The action's statement. */
  text: string;
}
/** Who does what (`Strategy.responsibilities`). */
export interface Responsibilities extends Table<ResponsibilityRow> {}

/** How much one partner carries. */
export interface PartnerLoadRow {
  partner: string;
  label: string;
  /** Actions it leads, alone or jointly. */
  leads: number;
  /** Of those, actions it leads jointly. */
  joint_leads: number;
  /** Actions where it is a key partner (and not a lead). */
  key_partner: number;
  /** Actions it has a role on directly. */
  actions: number;
  /** Further actions it counts for only through an alliance. */
  via_alliance: number;
  strategic_actions: number;
  priorities: number;
  outcomes: number;
}
/** The partner load table, heaviest first (`Strategy.partnerLoad`). */
export interface PartnerLoad extends Table<PartnerLoadRow> {}

/** One action, with everything the plan says about it (`Strategy.actionsTable`). */
export interface ActionRow {
  id: string;
  /** Its number ("10.1.5"; empty when it has none). */
  number: string;
  text: string;
  /** The number (else the name) of the priority containing it. */
  priority: string | null;
  /** The number (else the name) of the strategic action containing it. */
  strategic_action: string | null;
  /** The names of the partners leading it, joined by "; ". */
  leads: string;
  /** The names of its key partners that do not also lead it, joined by "; ". */
  key_partners: string;
  deadline_start: DateText | null;
  /** The day it is due, if its deadline has one. */
  deadline_end: DateText | null;
  /** The deadline as the document words it. */
  deadline_phrase: string | null;
  /** The numbers (else names) of the outcomes it counts for (its own and its containers'), joined by "; ". */
  outcomes: string;
  /** Its status: its own, else its nearest container's. */
  status: Status | null;
  /** The date of the report that set the status. */
  status_date: DateText | null;
}
/** One row per action, in canonical order (`Strategy.actionsTable`). */
export interface ActionsTable extends Table<ActionRow> {}

/** Where one node sits in the plan, by the core's rules (`Strategy.nodeContexts`); lists are ids joined by "; ". */
export interface NodeContextRow {
  id: string;
  kind: NodeKind;
  /** Its first container, if any. */
  parent: string | null;
  /** Its containers, nearest first. */
  ancestors: string;
  priority: string | null;
  strategic_action: string | null;
  /** The outcomes it counts for: its own and its containers'. */
  outcomes: string;
  leads: string;
  /** Its key partners that do not also lead it. */
  key_partners: string;
  /** Its status: its own, else its nearest container's. */
  status: Status | null;
  /** The node the status comes from. */
  status_from: string | null;
  status_date: DateText | null;
}
/** One row per node, in canonical order (`Strategy.nodeContexts`). */
export interface NodeContexts extends Table<NodeContextRow> {}

/** One step of a chain of edges. */
export interface PathStepRow {
  /** Which chain (0-based), shortest first. */
  path: number;
  /** The step along the chain (0-based). */
  step: number;
  /** The node the step leaves. */
  from: string;
  /** The node the step reaches. */
  to: string;
  /** The edge's kind. */
  edge: EdgeKind;
  /** Whether the edge points against the direction of travel. */
  reversed: boolean;
  /** The step in words ("action 1.1.1 is part of strategic action 1.1"). */
  reading: string;
}
/** A relation explained as chains of edges (`explainContribution`, `explainPath`). */
export interface PathExplanation extends Table<PathStepRow> {
  from: string;
  to: string;
  /** Whether at least one chain exists. */
  found: boolean;
}

/** One cell of the priority × outcome matrix. */
export interface PriorityOutcomeRow {
  priority: string;
  priority_number: string;
  outcome: string;
  outcome_number: string;
  /** Actions of the priority that count for the outcome. */
  actions: number;
  /** Whether the priority itself names the outcome. */
  named: boolean;
}
/** The priority × outcome matrix, with its axes in order. */
export interface PriorityOutcomeMatrix extends Table<PriorityOutcomeRow> {
  priorities: string[];
  outcomes: string[];
}

/** One cell of the outcome × partner matrix. */
export interface OutcomePartnerRow {
  outcome: string;
  outcome_number: string;
  partner: string;
  partner_label: string;
  actions: number;
  leads: number;
  key_partner: number;
}
/** The outcome × partner matrix, with its axes in order. */
export interface OutcomePartnerMatrix extends Table<OutcomePartnerRow> {
  outcomes: string[];
  partners: string[];
}

/** One gap in the plan. */
export interface GapRow {
  /** `outcome_without_action`, `challenge_unanswered`, `action_without_lead`, `partner_named_once`, ... */
  gap: string;
  id: string;
  label: string;
  /** What was found, in words. */
  detail: string;
}
/** The gaps of a plan (`Strategy.gaps`). */
export interface Gaps extends Table<GapRow> {}

/** One dated action. */
export interface TimelineRow {
  action: string;
  number: string;
  strategic_action: string | null;
  priority: string | null;
  start: DateText | null;
  end: DateText | null;
  /** The deadline as the document words it. */
  phrase: string;
  /** The leads' names, `; `-separated. */
  leads: string;
  /** The action's status, when it has one (snake_case). */
  status: string | null;
}
/** Dated actions in time order (`timeline`, `dueIn`). */
export interface Timeline extends Table<TimelineRow> {
  /** Actions without a deadline. */
  undated: number;
}

/** One overdue action. */
export interface OverdueRow {
  action: string;
  number: string;
  due: DateText;
  days_overdue: number;
  phrase: string;
  leads: string;
  /** The status found (the action's own or a container's), if any. */
  status: string | null;
  /** The node the status was read from. */
  status_from: string | null;
  status_date: DateText | null;
}
/** What is overdue as of a day (`Strategy.overdue`). */
export interface Overdue extends Table<OverdueRow> {
  as_of: DateText;
}

/** One bar of a Gantt chart. */
export interface GanttRow {
  id: string;
  kind: "priority" | "strategic_action" | "action";
  /** Its number (or name). */
  label: string;
  /** The bar it sits under, if shown. */
  parent: string | null;
  /** 0 for priorities, 1 for strategic actions, 2 for actions. */
  level: number;
  start: DateText;
  end: DateText;
  /** Whether the document gives no start (the plan's start is used). */
  open_start: boolean;
  /** Whether the document gives no end (the plan's end is used). */
  open_end: boolean;
  /** The deadline as the document words it (actions only). */
  phrase: string;
  status: string | null;
}
/** Gantt bars (`Strategy.gantt`). */
export interface Gantt extends Table<GanttRow> {
  /** Dated nodes that could not be placed. */
  unplaced: number;
}

/** A link of the partner network. */
export interface PartnerLinkRow {
  source: string;
  target: string;
  source_label: string;
  target_label: string;
  /** How many actions the two share. */
  weight: number;
  /** Those actions' ids, `; `-separated. */
  actions: string;
}
/** The partner network as links (`Strategy.partnerLinks`). */
export interface PartnerLinks extends Table<PartnerLinkRow> {}

/** One partner's place in the partner network. */
export interface PartnerCentralityRow {
  partner: string;
  label: string;
  /** Partners it shares an action with. */
  degree: number;
  /** The sum of its links' weights. */
  strength: number;
  /** `degree / (n - 1)`. */
  degree_centrality: number;
  /** Normalised betweenness on hops. */
  betweenness: number;
  /** Normalised betweenness on distances `1 / weight`. */
  betweenness_weighted: number;
  /** Eigenvector centrality on weights. */
  eigenvector: number;
  /** PageRank on weights. */
  pagerank: number;
  /** Its community (Louvain; 0-based, numbered by first partner in canonical order). */
  community: number;
}
/** Centralities and communities of the partner network (`Strategy.partnerCentrality`). */
export interface PartnerCentrality extends Table<PartnerCentralityRow> {
  nodes: number;
  links: number;
  communities: number;
  modularity: number;
  eigenvector_converged: boolean;
  eigenvector_iterations: number;
  pagerank_converged: boolean;
  pagerank_iterations: number;
}

/** The rolled-up progress of a strategic action, priority or outcome. */
export interface RollupRow {
  level: "strategic_action" | "priority" | "outcome";
  id: string;
  label: string;
  /** The rolled-up status (snake_case), if anything below is rated. */
  status: string | null;
  /** `reported`, `worst_of_actions`, `worst_of_strategic_actions` or `unrated`. */
  rule: string;
  strategic_actions: number;
  rated: number;
  delivered: number;
  on_track: number;
  not_started: number;
  at_risk: number;
  missed_no_risk: number;
  off_track: number;
  missed_with_risk: number;
  /** The board-paper sentence for these counts. */
  summary: string;
}
/** Progress rolled up (`Strategy.progressRollup`). */
export interface ProgressRollup extends Table<RollupRow> {}

/** One status of the board-paper summary. */
export interface SummaryRow {
  status: string;
  label: string;
  count: number;
  /** Whole percent of the rated strategic actions (adds up to 100). */
  percent: number;
}
/** The board-paper summary (`Strategy.progressSummary`). */
export interface ProgressSummary extends Table<SummaryRow> {
  date: DateText | null;
  strategic_actions: number;
  rated: number;
  /** The sentence a board paper prints. */
  text: string;
}

/** One status of one report, over time. */
export interface SeriesRow {
  date: DateText | null;
  /** The report's position in the series (0-based, after sorting by date). */
  report: number;
  title: string;
  status: string;
  count: number;
  percent: number;
}
/** Progress over time (`Strategy.progressSeries`). */
export interface ProgressSeries extends Table<SeriesRow> {}

/** A strategic action whose status changed between two reports. */
export interface StatusChangeRow {
  id: string;
  number: string;
  old_status: string | null;
  new_status: string | null;
  /** `improved`, `worsened`, `rated` (newly) or `unrated` (no longer). */
  change: string;
  /** Severity steps moved: negative is better. */
  steps: number;
}
/** What changed between two reports (`Strategy.progressChanges`). */
export interface ProgressChanges extends Table<StatusChangeRow> {
  old_date: DateText | null;
  new_date: DateText | null;
  improved: number;
  worsened: number;
  unchanged: number;
}

/** A strategic action whose status has not moved. */
export interface StaleRow {
  id: string;
  number: string;
  status: string;
  /** How many of the latest reports in a row give it that status. */
  reports: number;
  /** The date of the first of those reports. */
  since: DateText | null;
}
/** Statuses that have not moved (`Strategy.staleStatuses`). */
export interface Staleness extends Table<StaleRow> {
  min_reports: number;
}

/** One change between two versions of a plan. */
export interface DiffRow {
  kind: "priority" | "strategic_action" | "action" | "outcome";
  /** `added`, `removed`, `renumbered`, `reworded`, `leads_changed`, `partners_changed` or `deadline_changed`. */
  change: string;
  old_id: string | null;
  new_id: string | null;
  old_number: string | null;
  new_number: string | null;
  similarity: number | null;
  old_value: string | null;
  new_value: string | null;
}
/** The changes between two versions (`Strategy.diff`). */
export interface PlanDiff extends Table<DiffRow> {
  matched: number;
  unchanged: number;
  added: number;
  removed: number;
}

/** One pair (or unpaired item) of two aligned strategies. */
export interface AlignmentRow {
  kind: string;
  a_id: string | null;
  a_label: string | null;
  b_id: string | null;
  b_label: string | null;
  /** The similarity (1.0 for an exact match); null when unpaired. */
  score: number | null;
  /** `text`, `id`, `name`, `expansion` or `unpaired`. */
  matched_by: string;
}
/** Two strategies lined up (`Strategy.align`). */
export interface Alignment extends Table<AlignmentRow> {
  threshold: number;
}

/** One period of an indicator's results chain. */
export interface IndicatorResultRow {
  indicator: string;
  label: string;
  /** The ids of the outcomes it measures, `; `-separated. */
  outcomes: string;
  /** IATI's measure: `unit`, `percentage`, `nominal`, `ordinal` or `qualitative`. */
  measure: string;
  unit: string | null;
  /** Whether a higher value is better. */
  ascending: boolean;
  baseline_date: DateText | null;
  baseline: number | null;
  period_start: DateText | null;
  period_end: DateText | null;
  target: number | null;
  actual: number | null;
  gap: number | null;
  met: boolean | null;
}
/** Indicators' results (`Strategy.indicatorResults`). */
export interface IndicatorResults extends Table<IndicatorResultRow> {}

/** One indicator against its target as of a day. */
export interface IndicatorGapRow {
  indicator: string;
  label: string;
  outcomes: string;
  baseline: number | null;
  baseline_date: DateText | null;
  target: number | null;
  target_date: DateText | null;
  actual: number | null;
  actual_date: DateText | null;
  /** Where a straight line from the baseline to the target stands on the day. */
  expected: number | null;
  gap: number | null;
  gap_to_expected: number | null;
  /** The share of the way from baseline to target covered (0 at the baseline, 1 at the target). */
  progress: number | null;
  /** `met`, `on_course`, `behind` or `no_data`. */
  status: string;
}
/** Indicators against their targets (`Strategy.indicatorGaps`). */
export interface IndicatorGaps extends Table<IndicatorGapRow> {
  as_of: DateText;
}

/**
 * The `code` of a thrown error: a core error kind, `invalid_argument` for an
 * argument of the wrong type (a `TypeError`) or `conversion` for a value
 * JavaScript cannot hold exactly (a `RangeError`).
 */
export type ErrorCode =
  | "json" | "format" | "version" | "duplicate_id" | "dangling_edge" | "unknown_node"
  | "unknown_kind" | "invalid_date" | "parse" | "unsupported" | "io" | "too_large" | "encoding"
  | "binary" | "invalid_argument" | "conversion";

/** What every function of this package throws: an `Error` with a `code`. */
export interface StratagraphError extends Error {
  code: ErrorCode;
  /** 1-based line, for errors in a text (malformed JSON, a parse error). */
  line?: number;
  /** 1-based column, for errors in a text. */
  column?: number;
}
