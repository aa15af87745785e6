// The browser entry point (web target), checked by `tsc --noEmit -p tests/tsconfig.web.json`:
// the same API once init() has fetched and compiled the .wasm.
import init, { type Diagnostic, type InitOutput, initSync, type NodeData, Strategy } from 'stratagraph';

async function main(): Promise<number> {
  const exports: InitOutput = await init();
  // Or from a URL, a Response or bytes already at hand.
  await init({ module_or_path: new URL('stratagraph_wasm_bg.wasm', 'https://example.org/pkg/') });
  // @ts-expect-error: init resolves to the module's exports, not to a Strategy
  const notAStrategy: Strategy = await init();
  const plan = Strategy.fromJson(await (await fetch('plan.json')).text());
  const nodes: NodeData[] = plan.nodes();
  const problems: Diagnostic[] = plan.validate();
  return nodes.length + problems.length + (exports.memory.buffer.byteLength > 0 ? 1 : 0);
}

function fromBytes(bytes: Uint8Array): Strategy {
  initSync({ module: bytes });
  return Strategy.fromJson(bytes);
}

export { fromBytes, main };
