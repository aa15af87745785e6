// Types of <strategy-explorer> (strategy-explorer.js): its properties, methods and events.

/** The node data of the package (canonical JSON of one node). */
export type ExplorerNode = { id: string; kind: string; number?: string; label?: string; text?: string } & Record<string, unknown>;

/** What the details panel shows of a node. */
export interface ExplorerDetails {
  id: string;
  kind: string;
  number: string;
  label: string;
  text: string;
  leads: string[];
  keyPartners: string[];
  deadline: string;
  period: string;
  outcomes: string[];
  status: string;
  rolledUp: string;
}

/** The search and the filters ('' for none). */
export interface ExplorerFilters {
  q: string;
  kind: string;
  partner: string;
  outcome: string;
  priority: string;
  status: string;
}

export interface ExplorerEventMap {
  /** The node last clicked or chosen (null: none). */
  select: CustomEvent<{ id: string | null; node: ExplorerNode | null; details: ExplorerDetails | null }>;
  /** The selection changed: the selected ids, in the order they were selected. */
  'selection-change': CustomEvent<{ selected: string[] }>;
  /** The search or a filter changed: the ids that match, in the drawing's order. */
  filterchange: CustomEvent<ExplorerFilters & { filter: string; matches: number; ids: string[] }>;
  /** The drawing is shown: the plan's node count, how many were drawn, and the times in ms. */
  load: CustomEvent<{ nodes: number; drawn: number; ms: number; readyMs: number }>;
  error: CustomEvent<{ error: unknown }>;
}

export class StrategyExplorer extends HTMLElement {
  static readonly observedAttributes: string[];
  /**
   * Use this web-target package (its module namespace, or its URL) instead of the one beside the
   * file, and `parser` to read documents' text (by default the package itself when it has the
   * parsers, else the parse module beside it: `parserModuleUrl()` of the explorer's module).
   */
  static usePackage(pkg: string | object, parser?: string | object | null): void;
  src: string;
  text: string;
  format: string;
  filter: string;
  partners: boolean;
  /** drawing | table. */
  view: 'drawing' | 'table';
  /** The drawing's budget in nodes (default 2000): past it a part of the plan is drawn. */
  maxNodes: number;
  /** The selected node ids; set an array, one id, or null. */
  get selected(): string[];
  set selected(ids: readonly string[] | string | null);
  /** The Strategy shown (the package's class), or null before it has loaded. */
  readonly strategy: unknown;
  /** Select one node (null clears the selection); false when the plan has no such node. */
  select(id: string | null): boolean;
  /** Move the keyboard focus to a node of the drawing; false when it is not drawn. */
  focusNode(id: string): boolean;
  /** Load again from `text` or `src`. */
  reload(): Promise<void>;
  addEventListener<K extends keyof ExplorerEventMap>(
    type: K,
    listener: (this: StrategyExplorer, ev: ExplorerEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

/** The search and the filters are properties of the element too. */
export interface StrategyExplorer extends ExplorerFilters {}

declare global {
  interface HTMLElementTagNameMap {
    'strategy-explorer': StrategyExplorer;
  }
}
