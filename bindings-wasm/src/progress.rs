//! The `ProgressReport` class: a board's dated report of the status of each
//! strategic action.

use wasm_bindgen::prelude::*;

use crate::convert::{text_arg, to_js, to_js_array};
use crate::errors;
use crate::strategy::Strategy;

/// A dated progress report: a status for each strategic action, in the
/// vocabulary of real reports (on track, at risk, missed, delivered, ...).
///
/// Read one from a board paper with `parseProgressReport(text)` or from its
/// canonical JSON with `ProgressReport.fromJson(text)`.
#[wasm_bindgen]
pub struct ProgressReport {
    inner: stratagraph::progress::ProgressReport,
}

impl From<stratagraph::progress::ProgressReport> for ProgressReport {
    fn from(inner: stratagraph::progress::ProgressReport) -> ProgressReport {
        ProgressReport { inner }
    }
}

#[wasm_bindgen]
impl ProgressReport {
    /// Read a report from its canonical JSON (`{"format": "stratagraph-progress", "version": 1, ...}`).
    ///
    /// @throws {StratagraphError} `json` (with `line` and `column`; also for a
    /// wrong `format`) or `version`.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "TextInput")] text: &JsValue,
    ) -> Result<ProgressReport, JsValue> {
        let text = text_arg(text, "text")?;
        stratagraph::progress::ProgressReport::from_json(&text)
            .map(ProgressReport::from)
            .map_err(|e| errors::core_error(&e))
    }

    /// The report's canonical JSON: deterministic, two-space indented, ending
    /// with a newline (byte for byte what Rust and Python write).
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The report's title, as printed.
    #[wasm_bindgen(getter)]
    pub fn title(&self) -> String {
        self.inner.title.clone()
    }

    /// The date the report gives progress as at (`YYYY-MM-DD`), if it gives one.
    #[wasm_bindgen(getter)]
    pub fn date(&self) -> Option<String> {
        self.inner.date.map(|d| d.to_string())
    }

    /// The number of rows.
    #[wasm_bindgen(getter = entryCount)]
    pub fn entry_count(&self) -> usize {
        self.inner.entries.len()
    }

    /// Every row, in the order printed.
    #[wasm_bindgen(unchecked_return_type = "ProgressEntry[]")]
    pub fn entries(&self) -> Result<JsValue, JsValue> {
        to_js_array(&self.inner.entries)
    }

    /// The row for a strategic action number ("2.2"), or `undefined` (the last, if several).
    #[wasm_bindgen(unchecked_return_type = "ProgressEntry | undefined")]
    pub fn entry(&self, number: &str) -> Result<JsValue, JsValue> {
        match self.inner.entry(number) {
            Some(entry) => to_js(entry),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// Attach the report to the strategic actions of a plan: each row's node
    /// gets the attributes `status`, `status_date` and `status_shares`.
    /// Returns a warning for each row that matches no node and each row whose
    /// shares do not add up to 100%.
    #[wasm_bindgen(js_name = applyTo, unchecked_return_type = "Diagnostic[]")]
    pub fn apply_to(&self, strategy: &mut Strategy) -> Result<JsValue, JsValue> {
        to_js(&self.inner.apply_to(strategy.inner_mut()))
    }
}
