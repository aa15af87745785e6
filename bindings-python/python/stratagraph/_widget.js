// The notebook widget's module (anywidget): it loads the web page's <strategy-explorer> and the
// explorer's WebAssembly module, which the Python side sends as traits (the files the wheel
// carries: stratagraph/_explorer/, copied there by bindings-wasm/build.sh), and wires the
// traits to the component's properties and events. No explorer code lives here.

const FILTERS = ['q', 'kind', 'partner', 'outcome', 'priority', 'status'];
const KEY = Symbol.for('stratagraph.explorer');

/** The component's module, loaded once per page (its element is defined once). */
function loadExplorer(model) {
  globalThis[KEY] ??= (async () => {
    const moduleUrl = (text) => URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
    const glue = await import(moduleUrl(model.get('_glue')));
    const wasm = model.get('_wasm'); // a DataView (ipywidgets' binary buffers)
    const bytes = ArrayBuffer.isView(wasm) ? new Uint8Array(wasm.buffer, wasm.byteOffset, wasm.byteLength) : wasm;
    await glue.default({ module_or_path: bytes });
    const component = await import(moduleUrl(model.get('_component')));
    component.StrategyExplorer.usePackage(glue);
    return component;
  })();
  return globalThis[KEY];
}

const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

async function render({ model, el }) {
  await loadExplorer(model);
  const explorer = document.createElement('strategy-explorer');
  explorer.setAttribute('format', 'json');
  explorer.partners = model.get('partners');
  explorer.maxNodes = model.get('max_nodes');
  explorer.view = model.get('view');
  for (const f of FILTERS) explorer[f] = model.get(f);
  explorer.text = model.get('plan');

  // The explorer to Python.
  const save = (changes) => {
    let changed = false;
    for (const [name, value] of Object.entries(changes)) {
      const now = model.get(name);
      if (Array.isArray(value) ? !same(now ?? [], value) : now !== value) {
        model.set(name, value);
        changed = true;
      }
    }
    if (changed) model.save_changes();
  };
  explorer.addEventListener('selection-change', (e) => save({ selected: e.detail.selected }));
  explorer.addEventListener('filterchange', (e) => save(Object.fromEntries(FILTERS.map((f) => [f, e.detail[f]]))));
  explorer.addEventListener('load', () => {
    // The selection set before the plan was read.
    const wanted = model.get('selected');
    if (!same(explorer.selected, wanted)) explorer.selected = wanted;
  });

  // Python to the explorer.
  const onSelected = () => {
    const wanted = model.get('selected');
    if (!same(explorer.selected, wanted)) explorer.selected = wanted;
  };
  const onFilter = (f) => () => {
    if (explorer[f] !== model.get(f)) explorer[f] = model.get(f);
  };
  const handlers = [
    ['change:selected', onSelected],
    ['change:plan', () => (explorer.text = model.get('plan'))],
    ['change:partners', () => (explorer.partners = model.get('partners'))],
    ['change:max_nodes', () => (explorer.maxNodes = model.get('max_nodes'))],
    ['change:view', () => (explorer.view = model.get('view'))],
    ...FILTERS.map((f) => [`change:${f}`, onFilter(f)]),
  ];
  for (const [event, handler] of handlers) model.on(event, handler);
  el.append(explorer);
  return () => {
    for (const [event, handler] of handlers) model.off(event, handler);
  };
}

export default { render };
