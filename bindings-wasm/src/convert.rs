//! Conversions between JavaScript values and the core's types: serde values,
//! arguments, tables. Generic over what they convert: nothing here names the
//! binding's classes (`Strategy`, `ProgressReport`), so the modules that define
//! them depend on this one and not the other way round.

use serde::{Serialize, Serializer as _};
use serde_wasm_bindgen::Serializer;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::errors;

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
        // UTF-8 or UTF-16 with a byte-order mark; other bytes are an
        // `encoding` error at their line and column, a NUL byte `binary`.
        Some(bytes) => stratagraph::parse::encoding::decode(&bytes.to_vec())
            .map(std::borrow::Cow::into_owned)
            .map_err(|e| errors::core_error(&e)),
        None => Err(errors::invalid_argument(&format!(
            "{name} must be a string or a Uint8Array"
        ))),
    }
}

/// The text of a `string` argument (an id, a name, a date).
pub(crate) fn string_arg(value: &JsValue, name: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| errors::invalid_argument(&format!("{name} must be a string")))
}

/// The text of an optional `string` argument: `undefined` and `null` give `None`.
pub(crate) fn opt_string_arg(value: &JsValue, name: &str) -> Result<Option<String>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    string_arg(value, name).map(Some)
}

/// An optional number argument: `undefined` and `null` give `None`.
pub(crate) fn opt_number_arg(value: &JsValue, name: &str) -> Result<Option<f64>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value
        .as_f64()
        .map(Some)
        .ok_or_else(|| errors::invalid_argument(&format!("{name} must be a number")))
}

/// A count argument: a whole number from 0 to 2^32 - 1.
pub(crate) fn count_arg(value: &JsValue, name: &str) -> Result<u32, JsValue> {
    match value.as_f64() {
        Some(n) if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) => Ok(n as u32),
        _ => Err(errors::invalid_argument(&format!(
            "{name} must be a whole number from 0 to 4294967295"
        ))),
    }
}

/// A plain JavaScript value read as a Rust value (a node, an edge,
/// diagnostics), through its JSON: the same reader as canonical JSON, so an
/// unknown field, a missing one or a value of the wrong type is refused as it
/// would be in a file (serde-wasm-bindgen would skip unknown fields silently).
pub(crate) fn from_js<T: serde::de::DeserializeOwned>(
    value: JsValue,
    name: &str,
) -> Result<T, JsValue> {
    let text = js_sys::JSON::stringify(&value)
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| errors::invalid_argument(&format!("{name} must be a plain object")))?;
    serde_json::from_str(&text).map_err(|e| {
        let message = e.to_string();
        // The line and column are those of the stringified value, not of anything the caller wrote.
        let message = message.split(" at line ").next().unwrap_or_default();
        errors::invalid_argument(&format!("{name}: {message}"))
    })
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

/// A core table-shaped result (see `stratagraph::analysis::Table`) as one
/// plain object: its `rows` (an array of plain objects, one per row) and any
/// summary fields, exactly as the core's `Table::to_json` writes them (the same
/// JSON as Rust and Python), plus `columns`, the column names in order (known
/// even when there are no rows).
///
/// The table crosses as JSON text and `JSON.parse` builds the objects: one
/// serialiser per row type (the core's) instead of two keeps the `.wasm`
/// smaller, and `JSON.parse` builds large tables faster than one boundary call
/// per field.
pub(crate) fn table<T: stratagraph::analysis::Table>(result: &T) -> Result<JsValue, JsValue> {
    table_from_json(&result.to_json(), result.columns())
}

fn table_from_json(json: &str, columns: &[&str]) -> Result<JsValue, JsValue> {
    let out = js_sys::JSON::parse(json)?;
    let columns: js_sys::Array = columns.iter().map(|c| JsValue::from_str(c)).collect();
    js_sys::Reflect::set(&out, &JsValue::from_str("columns"), &columns)?;
    Ok(out)
}

/// A core result that may fail, as a table (see [`table`]) or the error thrown.
pub(crate) fn table_or_throw<T: stratagraph::analysis::Table>(
    result: Result<T, stratagraph::Error>,
) -> Result<JsValue, JsValue> {
    table(&result.map_err(|e| errors::core_error(&e))?)
}

/// A `YYYY-MM-DD` argument as a core date (`invalid_date` when it is not a real day).
pub(crate) fn date_arg(text: &str) -> Result<stratagraph::Date, JsValue> {
    text.parse().map_err(|e| errors::core_error(&e))
}

/// A sequence of serialisable items as one JavaScript array, without collecting it first.
pub(crate) fn to_js_array<I>(items: I) -> Result<JsValue, JsValue>
where
    I: IntoIterator,
    I::Item: Serialize,
{
    SERIALIZER.collect_seq(items).map_err(errors::conversion)
}
