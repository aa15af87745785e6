// The component's declarations (explorer/strategy-explorer.d.ts), checked by
// `tsc --noEmit -p tests/tsconfig.explorer.json`: the selection, the filters and the events.
import type { StrategyExplorer } from 'stratagraph/explorer';

function wire(el: StrategyExplorer): string[] {
  el.selected = ['action:10.1.1', 'action:10.1.2'];
  el.selected = 'action:10.1.1';
  el.selected = null;
  el.partner = 'partner:cosla';
  el.kind = 'action';
  el.view = 'table';
  el.maxNodes = 500;
  // @ts-expect-error: the view is drawing or table
  el.view = 'list';
  el.addEventListener('selection-change', (e) => {
    const ids: string[] = e.detail.selected;
    console.log(ids.length);
  });
  el.addEventListener('filterchange', (e) => console.log(e.detail.matches, e.detail.kind));
  const found: StrategyExplorer | null = document.querySelector('strategy-explorer');
  return found ? found.selected : [];
}

export { wire };
