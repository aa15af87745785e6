//! The TypeScript declarations of the plain objects that cross the boundary,
//! added to the generated `.d.ts`; the functions and classes reference them
//! through `unchecked_return_type` and `unchecked_param_type`.

use wasm_bindgen::prelude::*;

/// TypeScript declarations of the plain objects crossing the boundary. The
/// kinds are checked against the core's lists by a test below.
#[cfg_attr(not(test), allow(dead_code))] // used by the custom section below
pub(crate) const TS_TYPES: &str = r#"
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
  start?: string;
  end?: string;
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

/** What a parser gives: the strategy, with every diagnostic and every line that did not become part of it. */
export interface ParseResult {
  /** The strategy graph read from the text. */
  strategy: Strategy;
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

/** What `parseProgressReport` gives: the report, with every diagnostic and every line that did not become part of it. */
export interface ProgressParseResult {
  report: ProgressReport;
  /** Problems and remarks, in line order. */
  diagnostics: Diagnostic[];
  /** Lines that fit nowhere, kept word for word. */
  unclassified: TextLine[];
  /** Page furniture, table headers and group headings that were skipped. */
  skipped: TextLine[];
}

/**
 * The `code` of a thrown error: a core error kind, `invalid_argument` for an
 * argument of the wrong type (a `TypeError`) or `conversion` for a value
 * JavaScript cannot hold exactly (a `RangeError`).
 */
export type ErrorCode =
  | "json" | "format" | "version" | "duplicate_id" | "dangling_edge" | "unknown_node"
  | "unknown_kind" | "invalid_date" | "parse" | "unsupported" | "io" | "invalid_argument"
  | "conversion";

/** What every function of this package throws: an `Error` with a `code`. */
export interface StratagraphError extends Error {
  code: ErrorCode;
  /** 1-based line, for errors in a text (malformed JSON, a parse error). */
  line?: number;
  /** 1-based column, for errors in a text. */
  column?: number;
}
"#;

#[wasm_bindgen(typescript_custom_section)]
const TS_SECTION: &str = TS_TYPES;

#[cfg(test)]
mod tests {
    use super::TS_TYPES;
    use stratagraph::progress::Status;
    use stratagraph::{EdgeKind, NodeKind};

    fn declared(ty: &str) -> Vec<String> {
        let start = TS_TYPES.find(&format!("export type {ty} =")).unwrap_or(0);
        let body = &TS_TYPES[start..];
        let body = &body[..body.find(';').unwrap_or(body.len())];
        body.split('"')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn typescript_kinds_match_the_core() {
        let nodes: Vec<String> = NodeKind::ALL
            .iter()
            .map(|k| k.as_str().to_owned())
            .collect();
        assert_eq!(declared("NodeKind"), nodes);
        let edges: Vec<String> = EdgeKind::ALL
            .iter()
            .map(|k| k.as_str().to_owned())
            .collect();
        assert_eq!(declared("EdgeKind"), edges);
        assert_eq!(declared("Severity"), ["info", "warning", "error"]);
        let statuses: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(declared("Status"), statuses);
    }
}
