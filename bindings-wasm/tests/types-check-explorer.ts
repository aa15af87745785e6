// The explorer's module and its parse module (dist/pkg-explorer: only what <strategy-explorer>
// uses), checked by `tsc --noEmit -p tests/tsconfig.explorer.json`: every call the component
// makes is declared, and what each leaves out is not.
import init, {
  type ActionsTable,
  type KindInfo,
  nodeKinds,
  type NodeData,
  parserModuleUrl,
  type StatusInfo,
  statuses,
  Strategy,
} from 'stratagraph/explorer-core';
import * as lite from 'stratagraph/explorer-core';
import initParser, {
  detectDocumentKind,
  type DocumentKind,
  type ParseResult,
  parseDeliveryPlan,
  parseDocument,
  parseStrategy,
  Strategy as ParsedStrategy,
} from 'stratagraph/explorer-parse';

async function main(text: string): Promise<number> {
  await init();
  const plan: Strategy = Strategy.fromJson(text);
  const nodes: NodeData[] = plan.nodes('action');
  const svg: string = plan.toSvg({ partners: true });
  const leads: number = plan.responsibilities().rows.length + plan.partnerLoad().rows.length;
  const rolled: number = plan.progressRollup().rows.length;
  const actions: ActionsTable = plan.actionsTable();
  const labels: StatusInfo[] = statuses();
  const kinds: KindInfo[] = nodeKinds();
  // @ts-expect-error: the explorer's module has no explainContribution (the whole API has)
  plan.explainContribution('action:1.1.1', 'outcome:1');
  // @ts-expect-error: the explorer's module reads no text (its parse module does)
  lite.parseDeliveryPlan(text);
  // @ts-expect-error: nor tells a document's kind
  lite.detectDocumentKind(text);
  const beside: string = parserModuleUrl();
  return nodes.length + svg.length + leads + rolled + actions.rows.length + labels.length + kinds.length + plan.edges().length + beside.length;
}

async function parse(text: string): Promise<number> {
  await initParser();
  const fromPlan: ParseResult = parseDeliveryPlan(text);
  const fromStrategy: ParseResult = parseStrategy(text);
  const kind: DocumentKind = detectDocumentKind(text);
  const any: ParseResult = parseDocument(text, kind);
  any.report.free();
  // The parse module draws and queries what it reads, as the explorer's module does.
  const plan: ParsedStrategy = fromPlan.strategy;
  const drawn = plan.toSvg({ partners: true }).length + plan.nodeContexts().rows.length;
  // @ts-expect-error: nor has it explainContribution
  plan.explainContribution('action:1.1.1', 'outcome:1');
  fromPlan.strategy.free();
  fromStrategy.strategy.free();
  return drawn;
}

export { main, parse };
