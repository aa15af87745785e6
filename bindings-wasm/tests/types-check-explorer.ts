// The explorer's module (dist/pkg-explorer: only what <strategy-explorer> uses), checked by
// `tsc --noEmit -p tests/tsconfig.explorer.json`: every call the component makes is declared,
// and what it leaves out is not.
import init, {
  type ActionsTable,
  type NodeData,
  type ParseResult,
  parseDeliveryPlan,
  parseDocument,
  parseStrategy,
  type StatusInfo,
  statuses,
  Strategy,
} from 'stratagraph/explorer-core';

async function main(text: string): Promise<number> {
  await init();
  const plan: Strategy = Strategy.fromJson(text);
  const fromPlan: ParseResult = parseDeliveryPlan(text);
  const fromStrategy: ParseResult = parseStrategy(text);
  const any: ParseResult = parseDocument(text);
  any.report.free();
  const nodes: NodeData[] = plan.nodes('action');
  const svg: string = plan.toSvg({ partners: true });
  const leads: number = plan.responsibilities().rows.length + plan.partnerLoad().rows.length;
  const rolled: number = plan.progressRollup().rows.length;
  const actions: ActionsTable = plan.actionsTable();
  const labels: StatusInfo[] = statuses();
  // @ts-expect-error: the explorer's module has no explainContribution (the whole API has)
  plan.explainContribution('action:1.1.1', 'outcome:1');
  fromPlan.strategy.free();
  fromStrategy.strategy.free();
  return nodes.length + svg.length + leads + rolled + actions.rows.length + labels.length + plan.edges().length;
}

export { main };
