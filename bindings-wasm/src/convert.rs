//! Conversions between JavaScript values and the core's types.

use serde::{Serialize, Serializer as _};
use serde_wasm_bindgen::Serializer;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::errors;
use crate::progress::ProgressReport;
use crate::strategy::Strategy;

/// Plain objects and arrays, maps as objects: what `JSON.parse` would give.
pub(crate) const SERIALIZER: Serializer = Serializer::json_compatible();

/// A Rust value as a plain JavaScript value.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&SERIALIZER).map_err(errors::conversion)
}

/// The text of a `string | Uint8Array` argument.
pub(crate) fn text_arg(value: &JsValue, name: &str) -> Result<String, JsValue> {
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

/// A plain object with these fields, in this order.
pub(crate) fn plain_object<const N: usize>(
    fields: [(&str, JsValue); N],
) -> Result<JsValue, JsValue> {
    let out = js_sys::Object::new();
    for (name, value) in fields {
        js_sys::Reflect::set(&out, &JsValue::from_str(name), &value)?;
    }
    Ok(out.into())
}

/// A core parse result as a plain object holding a [`Strategy`] and plain arrays.
pub(crate) fn parse_result(result: stratagraph::ParseResult) -> Result<JsValue, JsValue> {
    // Exhaustive on purpose: a field added in core must be added here too.
    let stratagraph::ParseResult {
        strategy,
        diagnostics,
        unclassified,
        skipped,
    } = result;
    plain_object([
        ("strategy", JsValue::from(Strategy::from(strategy))),
        ("diagnostics", to_js(&diagnostics)?),
        ("unclassified", to_js(&unclassified)?),
        ("skipped", to_js(&skipped)?),
    ])
}

/// A core progress-report parse result as a plain object holding a
/// [`ProgressReport`] and plain arrays.
pub(crate) fn progress_parse_result(
    result: stratagraph::parse::ProgressParseResult,
) -> Result<JsValue, JsValue> {
    let stratagraph::parse::ProgressParseResult {
        report,
        diagnostics,
        unclassified,
        skipped,
    } = result;
    plain_object([
        ("report", JsValue::from(ProgressReport::from(report))),
        ("diagnostics", to_js(&diagnostics)?),
        ("unclassified", to_js(&unclassified)?),
        ("skipped", to_js(&skipped)?),
    ])
}

/// A sequence of serialisable items as one JavaScript array, without collecting it first.
pub(crate) fn to_js_array<I>(items: I) -> Result<JsValue, JsValue>
where
    I: IntoIterator,
    I::Item: Serialize,
{
    SERIALIZER.collect_seq(items).map_err(errors::conversion)
}
