//! Files in and out: `exportStrategy`, `importStrategy` and the list of formats.

use serde::Serialize;
use stratagraph::format::Format;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::convert::{string_arg, to_js_array};
use crate::errors;
use crate::options::{export_options, parse_name};
use crate::strategy::Strategy;

/// Write a strategy in a format: `json`, `csv`, `xlsx`, `graphml`, `dot`,
/// `mermaid`, `cytoscape`, `node-link`, `kumu`, `archimate`, `svg` or `html`
/// (see `formats()`). Text formats give a string, `xlsx` (a zip file) a
/// `Uint8Array`. `table` picks the CSV table (`actions`, `nodes`, `edges`,
/// `nodes-and-edges`); `partners`, `outcomes` and `maxLines` shape the SVG
/// drawing (and the HTML report's picture). The bytes are those Rust and
/// Python write.
///
/// @throws {StratagraphError} `unknown_kind` for an unknown format or table;
/// `unsupported` for `xlsx`, which this package is built without.
#[wasm_bindgen(js_name = exportStrategy, unchecked_return_type = "string | Uint8Array")]
pub fn export_strategy(
    strategy: &Strategy,
    #[wasm_bindgen(unchecked_param_type = "FormatName")] format: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ExportOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let format: Format = parse_name(&string_arg(format, "format")?)?;
    let options = export_options(options)?;
    let bytes = stratagraph::format::export(strategy.inner(), format, &options)
        .map_err(|e| errors::core_error(&e))?;
    if format.is_text() {
        match String::from_utf8(bytes) {
            Ok(text) => Ok(JsValue::from(text)),
            Err(e) => Err(errors::conversion_failed(&format!(
                "{format} output is not UTF-8: {e}"
            ))),
        }
    } else {
        Ok(js_sys::Uint8Array::from(bytes.as_slice()).into())
    }
}

/// Read a strategy from data (a string or bytes) in one of the formats that
/// carry a whole strategy: `json`, `csv` (the nodes-and-edges table),
/// `graphml`, `node-link` (and `xlsx` in builds with it).
///
/// @throws {StratagraphError} with the `line` (and `column`) where the data
/// goes wrong; `unsupported` for a format that cannot be read back.
#[wasm_bindgen(js_name = importStrategy)]
pub fn import_strategy(
    #[wasm_bindgen(unchecked_param_type = "TextInput")] data: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "FormatName")] format: &JsValue,
) -> Result<Strategy, JsValue> {
    let format: Format = parse_name(&string_arg(format, "format")?)?;
    let bytes = if let Some(text) = data.as_string() {
        text.into_bytes()
    } else if let Some(bytes) = data.dyn_ref::<js_sys::Uint8Array>() {
        bytes.to_vec()
    } else {
        return Err(errors::invalid_argument(
            "data must be a string or a Uint8Array",
        ));
    };
    stratagraph::format::import(&bytes, format)
        .map(Strategy::from)
        .map_err(|e| errors::core_error(&e))
}

/// One format stratagraph writes.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct FormatInfo {
    name: &'static str,
    extension: &'static str,
    media_type: &'static str,
    text: bool,
    can_import: bool,
}

/// Every format `exportStrategy` knows, with its file extension, media type,
/// whether it is text and whether `importStrategy` reads it back.
#[wasm_bindgen(unchecked_return_type = "FormatInfo[]")]
pub fn formats() -> Result<JsValue, JsValue> {
    to_js_array(Format::ALL.iter().map(|&f| FormatInfo {
        name: f.as_str(),
        extension: f.extension(),
        media_type: f.media_type(),
        text: f.is_text(),
        can_import: f.can_import(),
    }))
}
