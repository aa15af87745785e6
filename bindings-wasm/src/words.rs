//! The core's vocabularies and readers of words: the kinds of node, deadline
//! phrases, progress statuses, the gazetteer of bodies and the text similarity
//! that diff and align use.

use serde::Serialize;
use stratagraph::parse::date;
use stratagraph::progress::Status;
use stratagraph::NodeKind;
use wasm_bindgen::prelude::*;

use crate::convert::{string_arg, to_js, to_js_array};

/// An optional value as a plain value or `undefined`.
fn or_undefined<T: Serialize>(value: Option<T>) -> Result<JsValue, JsValue> {
    match value {
        Some(v) => to_js(&v),
        None => Ok(JsValue::UNDEFINED),
    }
}

/// The window of days a deadline phrase means ("By November 2023" ends
/// 2023-11-30; "Over 2023/24" is 2023-04-01..2024-03-31), or `undefined`.
#[wasm_bindgen(js_name = parseDeadline, unchecked_return_type = "DateWindow | undefined")]
#[cfg(feature = "full")]
pub fn parse_deadline(
    #[wasm_bindgen(unchecked_param_type = "string")] phrase: &JsValue,
) -> Result<JsValue, JsValue> {
    or_undefined(date::parse_deadline(&string_arg(phrase, "phrase")?))
}

/// The first deadline phrase found in a text, or `undefined`.
#[wasm_bindgen(js_name = findDeadline, unchecked_return_type = "DateWindow | undefined")]
#[cfg(feature = "full")]
pub fn find_deadline(
    #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
) -> Result<JsValue, JsValue> {
    or_undefined(date::find_deadline(&string_arg(text, "text")?))
}

/// Every deadline phrase found in a text, in order.
#[wasm_bindgen(js_name = findDeadlines, unchecked_return_type = "DateWindow[]")]
#[cfg(feature = "full")]
pub fn find_deadlines(
    #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&date::find_deadlines(&string_arg(text, "text")?))
}

/// The period a title or sentence names ("delivery plan 2023-2025"), or `undefined`.
#[wasm_bindgen(js_name = findPeriod, unchecked_return_type = "DateWindow | undefined")]
#[cfg(feature = "full")]
pub fn find_period(
    #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
) -> Result<JsValue, JsValue> {
    or_undefined(date::find_period(&string_arg(text, "text")?))
}

/// A kind of node with its name for people.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Serialize)]
pub(crate) struct KindInfo {
    kind: NodeKind,
    title: &'static str,
}

/// The kinds of node, in the core's order (strategy to principle), each with
/// its name for people ("Strategic action", the core's `NodeKind::title`).
#[wasm_bindgen(js_name = nodeKinds, unchecked_return_type = "KindInfo[]")]
pub fn node_kinds() -> Result<JsValue, JsValue> {
    to_js_array(NodeKind::ALL.iter().map(|&kind| KindInfo {
        kind,
        title: kind.title(),
    }))
}

/// A status of the vocabulary with the words a report prints for it.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Serialize)]
pub(crate) struct StatusInfo {
    status: &'static str,
    label: &'static str,
}

/// The progress statuses, in the core's order (not started to delivered),
/// each with its printed label ("On Track").
#[wasm_bindgen(unchecked_return_type = "StatusInfo[]")]
pub fn statuses() -> Result<JsValue, JsValue> {
    to_js_array(Status::ALL.iter().map(|s| StatusInfo {
        status: s.as_str(),
        label: s.label(),
    }))
}

/// The status a report's words mean ("On track", "Missed delivery date -
/// no risk", "Complete"), or `undefined`.
#[wasm_bindgen(js_name = parseStatus, unchecked_return_type = "Status | undefined")]
#[cfg(feature = "full")]
pub fn parse_status(
    #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
) -> Result<JsValue, JsValue> {
    Ok(match Status::parse(&string_arg(text, "text")?) {
        Some(s) => JsValue::from_str(s.as_str()),
        None => JsValue::UNDEFINED,
    })
}

/// The built-in gazetteer: the bodies, groups, programmes and terms plans
/// name, with their acronyms and other spellings.
#[wasm_bindgen(unchecked_return_type = "GazetteerEntry[]")]
#[cfg(feature = "full")]
pub fn gazetteer() -> Result<JsValue, JsValue> {
    to_js(stratagraph::parse::gazetteer::Gazetteer::builtin().entries())
}

/// The similarity of two texts (0 to 1; trigrams of the normalised words),
/// as diff and align measure it.
#[wasm_bindgen(js_name = textSimilarity)]
#[cfg(feature = "full")]
pub fn text_similarity(
    #[wasm_bindgen(unchecked_param_type = "string")] a: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] b: &JsValue,
) -> Result<f64, JsValue> {
    let (a, b) = (string_arg(a, "a")?, string_arg(b, "b")?);
    Ok(stratagraph::analysis::similarity::text_similarity(&a, &b))
}
