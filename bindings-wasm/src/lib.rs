//! JavaScript bindings of stratagraph (the npm package `stratagraph`).
//!
//! A thin layer: every function converts its arguments, calls one function of
//! the core crate and converts the result back. Tables come back in one call
//! as arrays of plain objects (serde-wasm-bindgen in its JSON-compatible mode,
//! so maps are plain objects); errors are thrown by [`errors`] as `Error`s with
//! a `code`.

use serde::{Serialize, Serializer as _};
use serde_wasm_bindgen::Serializer;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

mod errors;

/// TypeScript declarations of the plain objects crossing the boundary. The
/// kinds are checked against the core's lists by a test below.
#[cfg_attr(not(test), allow(dead_code))] // used by the custom section below
const TS_TYPES: &str = r#"
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

/// Plain objects and arrays, maps as objects: what `JSON.parse` would give.
const SERIALIZER: Serializer = Serializer::json_compatible();

#[wasm_bindgen(start, private)]
fn start() {
    console_error_panic_hook::set_once();
}

/// A Rust value as a plain JavaScript value.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&SERIALIZER).map_err(errors::conversion)
}

/// The text of a `string | Uint8Array` argument.
fn text_arg(value: &JsValue, name: &str) -> Result<String, JsValue> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    match value.dyn_ref::<js_sys::Uint8Array>() {
        Some(bytes) => String::from_utf8(bytes.to_vec()).map_err(|e| {
            errors::invalid_argument(&format!("{name} is not UTF-8 text: {}", e.utf8_error()))
        }),
        None => Err(errors::invalid_argument(&format!(
            "{name} must be a string or a Uint8Array"
        ))),
    }
}

/// A strategy and its delivery plan as a typed graph.
///
/// Read one with `Strategy.fromJson(text)`; its nodes and edges come back as
/// arrays of plain objects in one call (`nodes()`, `edges()`).
#[wasm_bindgen]
pub struct Strategy {
    inner: stratagraph::Strategy,
}

#[wasm_bindgen]
impl Strategy {
    /// Read a strategy from canonical JSON (`{"format": "stratagraph", "version": 1, ...}`).
    ///
    /// @throws {StratagraphError} `json` (with `line` and `column`), `format`,
    /// `version`, `duplicate_id` or `dangling_edge`.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "TextInput")] text: &JsValue,
    ) -> Result<Strategy, JsValue> {
        let text = text_arg(text, "text")?;
        stratagraph::Strategy::from_json(&text)
            .map(|inner| Strategy { inner })
            .map_err(|e| errors::core_error(&e))
    }

    /// The canonical JSON of the strategy: deterministic, two-space indented,
    /// ending with a newline (byte for byte what Rust and Python write).
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// Every problem of the strategy, at once.
    #[wasm_bindgen(unchecked_return_type = "Diagnostic[]")]
    pub fn validate(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.validate())
    }

    /// The number of nodes.
    #[wasm_bindgen(getter = nodeCount)]
    pub fn node_count(&self) -> usize {
        self.inner.len()
    }

    /// The number of edges.
    #[wasm_bindgen(getter = edgeCount)]
    pub fn edge_count(&self) -> usize {
        self.inner.edge_count()
    }

    /// The node with this id, or `undefined`.
    #[wasm_bindgen(unchecked_return_type = "NodeData | undefined")]
    pub fn node(&self, id: &str) -> Result<JsValue, JsValue> {
        match self.inner.node(id) {
            Some(node) => to_js(node),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// Every node, in canonical order.
    #[wasm_bindgen(unchecked_return_type = "NodeData[]")]
    pub fn nodes(&self) -> Result<JsValue, JsValue> {
        SERIALIZER
            .collect_seq(self.inner.nodes())
            .map_err(errors::conversion)
    }

    /// Every edge, in canonical order.
    #[wasm_bindgen(unchecked_return_type = "EdgeData[]")]
    pub fn edges(&self) -> Result<JsValue, JsValue> {
        SERIALIZER
            .collect_seq(self.inner.edges().map(|e| e.to_edge()))
            .map_err(errors::conversion)
    }
}

/// A core parse result as a plain object holding a [`Strategy`] and plain arrays.
fn parse_result(result: stratagraph::ParseResult) -> Result<JsValue, JsValue> {
    // Exhaustive on purpose: a field added in core must be added here too.
    let stratagraph::ParseResult {
        strategy,
        diagnostics,
        unclassified,
        skipped,
    } = result;
    let out = js_sys::Object::new();
    let fields = [
        ("strategy", JsValue::from(Strategy { inner: strategy })),
        ("diagnostics", to_js(&diagnostics)?),
        ("unclassified", to_js(&unclassified)?),
        ("skipped", to_js(&skipped)?),
    ];
    for (name, value) in fields {
        js_sys::Reflect::set(&out, &JsValue::from_str(name), &value)?;
    }
    Ok(out.into())
}

/// Extract a strategy from the text of its narrative page (the summary a
/// government publishes about a strategy, in running prose): the strategy,
/// its plan, the body that oversees it, the legislation it gives effect to,
/// what it replaces, the populations it covers and the approach it follows.
/// Never fails on text: what is not understood is kept in `unclassified`
/// with a diagnostic, page furniture in `skipped`.
#[wasm_bindgen(js_name = parseStrategy, unchecked_return_type = "ParseResult")]
pub fn parse_strategy(
    #[wasm_bindgen(unchecked_param_type = "TextInput")] text: &JsValue,
) -> Result<JsValue, JsValue> {
    let text = text_arg(text, "text")?;
    parse_result(stratagraph::parse_strategy(&text))
}

/// Read canonical JSON leniently and report every problem: duplicate ids and
/// dangling edges as diagnostics, then everything `Strategy.validate` finds.
///
/// @throws {StratagraphError} only when the text is not a canonical document
/// at all (`json`, `format`, `version`).
#[wasm_bindgen(js_name = validateJson, unchecked_return_type = "Diagnostic[]")]
pub fn validate_json(
    #[wasm_bindgen(unchecked_param_type = "TextInput")] text: &JsValue,
) -> Result<JsValue, JsValue> {
    let text = text_arg(text, "text")?;
    let diagnostics = stratagraph::validate_json(&text).map_err(|e| errors::core_error(&e))?;
    to_js(&diagnostics)
}

/// Diagnostics as a JSON array: deterministic, two-space indented, ending with
/// a newline (the bytes Rust and Python write for the same diagnostics).
#[wasm_bindgen(js_name = diagnosticsToJson)]
pub fn diagnostics_to_json(
    #[wasm_bindgen(unchecked_param_type = "Diagnostic[]")] diagnostics: JsValue,
) -> Result<String, JsValue> {
    let diagnostics: Vec<stratagraph::Diagnostic> = serde_wasm_bindgen::from_value(diagnostics)
        .map_err(|e| errors::invalid_value("diagnostics", e))?;
    Ok(stratagraph::diagnostics_to_json(&diagnostics))
}

/// The JSON Schema (draft 2020-12) of canonical JSON.
#[wasm_bindgen(js_name = jsonSchema)]
pub fn json_schema() -> String {
    stratagraph::JSON_SCHEMA.to_owned()
}

/// The version of stratagraph this package was built from.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

#[cfg(test)]
mod tests {
    use super::TS_TYPES;
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
    }
}
