//! JavaScript bindings of stratagraph (the npm package `stratagraph`).
//!
//! A thin layer: every function converts its arguments, calls one function of
//! the core crate and converts the result back. Tables come back in one call
//! as arrays of plain objects (serde-wasm-bindgen in its JSON-compatible mode,
//! so maps are plain objects); errors are thrown by [`errors`] as `Error`s with
//! a `code`.

use wasm_bindgen::prelude::*;

mod convert;
mod errors;
mod strategy;
mod typescript;

use convert::{parse_result, text_arg, to_js};
pub use strategy::Strategy;

#[wasm_bindgen(start, private)]
fn start() {
    console_error_panic_hook::set_once();
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
