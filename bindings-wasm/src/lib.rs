//! JavaScript bindings of stratagraph (the npm package `stratagraph`).
//!
//! A thin layer: every function converts its arguments, calls one function of
//! the core crate and converts the result back. Tables come back in one call
//! as arrays of plain objects (serde-wasm-bindgen in its JSON-compatible mode,
//! so maps are plain objects); errors are thrown by [`errors`] as `Error`s with
//! a `code`.
//!
//! Features: `full` (the default) is the whole API. Without it
//! (`--no-default-features --features explorer`) the crate exports only what
//! the `<strategy-explorer>` web component uses to show canonical JSON
//! (reading it, the nodes and edges, the SVG drawing, responsibilities,
//! partner load, progress roll-up, the actions table and the status
//! vocabulary), so the linker drops the rest of the core and the module stays
//! within the size budget (bindings-wasm/README.md, "Size"). Every other
//! binding carries `#[cfg(feature = "full")]`, but the text parsers the
//! component uses, which carry `#[cfg(feature = "parse")]` (in `full`):
//! `--features explorer,parse` is the parse module the component loads only
//! when it is given a document's text.

// The lite build leaves helpers of the compiled-out bindings unused.
#![cfg_attr(not(feature = "full"), allow(dead_code, unused_imports))]

use wasm_bindgen::prelude::*;

mod analysis;
mod convert;
mod errors;
#[cfg(feature = "full")]
mod formats;
#[cfg(feature = "full")]
mod generate;
mod options;
mod progress;
#[cfg(feature = "full")]
mod proposals;
mod strategy;
mod typescript;
mod words;

use convert::{plain_object, text_arg, to_js};
#[cfg(feature = "full")]
pub use formats::{export_strategy, formats, import_strategy};
#[cfg(feature = "full")]
pub use generate::{generate_delivery_plan, generate_progress_reports, generate_strategy};
pub use progress::ProgressReport;
#[cfg(feature = "full")]
pub use proposals::merge_proposals;
use stratagraph::parse::DocumentKind;
pub use strategy::Strategy;
#[cfg(feature = "full")]
pub use words::{
    find_deadline, find_deadlines, find_period, gazetteer, parse_deadline, parse_status,
    text_similarity,
};
pub use words::{node_kinds, statuses};

#[wasm_bindgen(start, private)]
fn start() {
    console_error_panic_hook::set_once();
}

/// A core parse result (of any parser) as a plain object holding a
/// [`Strategy`], a [`ProgressReport`] and plain arrays: beside the parsers that
/// return it, since it names the binding's classes (`convert` does not).
fn parse_result(result: stratagraph::ParseResult) -> Result<JsValue, JsValue> {
    // Exhaustive on purpose: a field added in core must be added here too.
    let stratagraph::ParseResult {
        strategy,
        report,
        diagnostics,
        unclassified,
        skipped,
    } = result;
    plain_object([
        ("strategy", JsValue::from(Strategy::from(strategy))),
        ("report", JsValue::from(ProgressReport::from(report))),
        ("diagnostics", to_js(&diagnostics)?),
        ("unclassified", to_js(&unclassified)?),
        ("skipped", to_js(&skipped)?),
    ])
}

/// Read a delivery plan (priorities, strategic actions, numbered actions,
/// outcomes, lead and key partners, deadlines) from its text, copied or
/// scraped from the web page. Never fails on text: what cannot be read is
/// kept in `unclassified` with a diagnostic, page furniture in `skipped`.
/// `gazetteer` adds bodies the built-in gazetteer does not know
/// (`[{name: "Dementia Lived Experience Panel", aliases: ["DLEP"]}]`).
#[wasm_bindgen(js_name = parseDeliveryPlan, unchecked_return_type = "ParseResult")]
#[cfg(feature = "parse")]
pub fn parse_delivery_plan(
    #[wasm_bindgen(unchecked_param_type = "TextInput")] text: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PlanOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let text = text_arg(text, "text")?;
    if options.is_undefined() {
        return parse_result(stratagraph::parse::parse_delivery_plan(&text));
    }
    let parser = stratagraph::PlanParser::new().with_gazetteer(options::plan_gazetteer(options)?);
    parse_result(parser.parse(&text))
}

/// `parseDeliveryPlan`, with the acronyms the document uses or defines
/// (each with its expansion, where it came from and its first line).
#[wasm_bindgen(js_name = parseDeliveryPlanDetailed, unchecked_return_type = "PlanParseResult")]
#[cfg(feature = "full")]
pub fn parse_delivery_plan_detailed(
    #[wasm_bindgen(unchecked_param_type = "TextInput")] text: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PlanOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let text = text_arg(text, "text")?;
    let parser = stratagraph::PlanParser::new().with_gazetteer(options::plan_gazetteer(options)?);
    let stratagraph::parse::plan::PlanParse { result, acronyms } = parser.parse_detailed(&text);
    let out = parse_result(result)?;
    js_sys::Reflect::set(&out, &JsValue::from_str("acronyms"), &to_js(&acronyms)?)?;
    Ok(out)
}

/// Read any document stratagraph knows: canonical JSON, a delivery plan, a
/// narrative strategy or a progress report, of the `kind` given or the kind
/// `detectDocumentKind` tells, as the one `ParseResult` (a progress report
/// fills its `report`, the others its `strategy`).
///
/// @throws {StratagraphError} `unknown_kind` for a kind it does not know; the
/// errors of `Strategy.fromJson` for canonical JSON.
#[wasm_bindgen(
    js_name = parseDocument,
    unchecked_return_type = "ParseResult"
)]
#[cfg(feature = "parse")]
pub fn parse_document(
    #[wasm_bindgen(unchecked_param_type = "TextInput")] text: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DocumentKind")] kind: &JsValue,
) -> Result<JsValue, JsValue> {
    let text = text_arg(text, "text")?;
    let kind = match convert::opt_string_arg(kind, "kind")? {
        Some(k) => Some(options::parse_name::<DocumentKind>(&k)?),
        None => None,
    };
    parse_result(
        stratagraph::parse::parse_document(&text, kind).map_err(|e| errors::core_error(&e))?,
    )
}

/// The kind of a document, told from its text: `json` (it starts with `{`),
/// `plan` (numbered actions, "Lead and Key Partners"), `progress` (more status
/// lines than plan lines) or `strategy` (anything else).
#[wasm_bindgen(js_name = detectDocumentKind, unchecked_return_type = "DocumentKind")]
#[cfg(feature = "parse")]
pub fn detect_document_kind(
    #[wasm_bindgen(unchecked_param_type = "TextInput")] text: &JsValue,
) -> Result<String, JsValue> {
    let text = text_arg(text, "text")?;
    Ok(DocumentKind::detect(&text).as_str().to_owned())
}

/// Extract a strategy from the text of its narrative page (the summary a
/// government publishes about a strategy, in running prose): the strategy,
/// its plan, the body that oversees it, the legislation it gives effect to,
/// what it replaces, the populations it covers and the approach it follows.
/// Never fails on text: what is not understood is kept in `unclassified`
/// with a diagnostic, page furniture in `skipped`.
#[wasm_bindgen(js_name = parseStrategy, unchecked_return_type = "ParseResult")]
#[cfg(feature = "parse")]
pub fn parse_strategy(
    #[wasm_bindgen(unchecked_param_type = "TextInput")] text: &JsValue,
) -> Result<JsValue, JsValue> {
    let text = text_arg(text, "text")?;
    parse_result(stratagraph::parse::parse_strategy(&text))
}

/// Read a progress report in the board-paper layout: each strategic action's
/// number, title, overall status and the share of its actions in each
/// status; the report's title and date from the lines before the first row.
/// Never fails on text: what is not understood is kept in `unclassified`
/// with a diagnostic; headers and furniture in `skipped`. The report is in
/// `report`, with the headline counts its prose states (`report.counts()`);
/// a board paper leaves the `strategy` empty, any other progress page (numbered
/// records with "Status:" fields) fills it with the actions, leads and
/// deadlines its blocks read.
#[wasm_bindgen(js_name = parseProgressReport, unchecked_return_type = "ParseResult")]
#[cfg(feature = "full")]
pub fn parse_progress_report(
    #[wasm_bindgen(unchecked_param_type = "TextInput")] text: &JsValue,
) -> Result<JsValue, JsValue> {
    let text = text_arg(text, "text")?;
    parse_result(stratagraph::parse::parse_progress_report(&text))
}

/// Read canonical JSON leniently and report every problem: duplicate ids and
/// dangling edges as diagnostics, then everything `Strategy.validate` finds.
///
/// @throws {StratagraphError} only when the text is not a canonical document
/// at all (`json`, `format`, `version`).
#[wasm_bindgen(js_name = validateJson, unchecked_return_type = "Diagnostic[]")]
#[cfg(feature = "full")]
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
#[cfg(feature = "full")]
pub fn diagnostics_to_json(
    #[wasm_bindgen(unchecked_param_type = "Diagnostic[]")] diagnostics: JsValue,
) -> Result<String, JsValue> {
    let diagnostics: Vec<stratagraph::Diagnostic> = convert::from_js(diagnostics, "diagnostics")?;
    Ok(stratagraph::diagnostics_to_json(&diagnostics))
}

/// The JSON Schema (draft 2020-12) of canonical JSON.
#[wasm_bindgen(js_name = jsonSchema)]
#[cfg(feature = "full")]
pub fn json_schema() -> String {
    stratagraph::JSON_SCHEMA.to_owned()
}

/// The version of stratagraph this package was built from.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
