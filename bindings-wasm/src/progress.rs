//! The `ProgressReport` class: a board's dated report of the status of each
//! strategic action.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::convert::{from_js, string_arg, text_arg, to_js, to_js_array};
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

impl ProgressReport {
    /// The core report.
    pub(crate) fn inner(&self) -> &stratagraph::progress::ProgressReport {
        &self.inner
    }
}

/// A `ProgressReport` passed where wasm-bindgen cannot borrow one (in an
/// array, or as an optional argument): read through its canonical JSON, which
/// carries everything a report holds. A canonical JSON text is accepted too.
fn report_of(
    value: &JsValue,
    what: &str,
) -> Result<stratagraph::progress::ProgressReport, JsValue> {
    let text = match value.as_string() {
        Some(text) => text,
        None => {
            let to_json = js_sys::Reflect::get(value, &JsValue::from_str("toJson"))
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                .ok_or_else(|| {
                    errors::invalid_argument(&format!("{what} must be a ProgressReport"))
                })?;
            // A toJson that throws or returns something else is not a ProgressReport's.
            let text = to_json.call0(value).ok().and_then(|t| t.as_string());
            text.ok_or_else(|| {
                errors::invalid_argument(&format!("{what} must be a ProgressReport"))
            })?
        }
    };
    stratagraph::progress::ProgressReport::from_json(&text).map_err(|e| errors::core_error(&e))
}

/// An optional `ProgressReport` argument (`undefined` and `null`: none).
pub(crate) fn report_arg(
    value: &JsValue,
) -> Result<Option<stratagraph::progress::ProgressReport>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    report_of(value, "report").map(Some)
}

/// An array of `ProgressReport`s.
pub(crate) fn report_list(
    value: &JsValue,
) -> Result<Vec<stratagraph::progress::ProgressReport>, JsValue> {
    if !js_sys::Array::is_array(value) {
        return Err(errors::invalid_argument(
            "reports must be an array of ProgressReport",
        ));
    }
    js_sys::Array::from(value)
        .iter()
        .enumerate()
        .map(|(i, r)| report_of(&r, &format!("reports[{i}]")))
        .collect()
}

#[wasm_bindgen]
impl ProgressReport {
    /// Read a report from its canonical JSON (`{"format": "stratagraph-progress", "version": 1, ...}`).
    ///
    /// @throws {StratagraphError} `json` (with `line` and `column`), `format`
    /// (a wrong `format`) or `version`.
    #[wasm_bindgen(js_name = fromJson)]
    #[cfg(feature = "full")]
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
    #[cfg(feature = "full")]
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The report's title, as printed.
    #[wasm_bindgen(getter)]
    #[cfg(feature = "full")]
    pub fn title(&self) -> String {
        self.inner.title.clone()
    }

    /// The date the report gives progress as at (`YYYY-MM-DD`), if it gives one.
    #[wasm_bindgen(getter)]
    #[cfg(feature = "full")]
    pub fn date(&self) -> Option<String> {
        self.inner.date.map(|d| d.to_string())
    }

    /// The number of rows.
    #[wasm_bindgen(getter = entryCount)]
    #[cfg(feature = "full")]
    pub fn entry_count(&self) -> usize {
        self.inner.entries.len()
    }

    /// Every row, in the order printed.
    #[wasm_bindgen(unchecked_return_type = "ProgressEntry[]")]
    #[cfg(feature = "full")]
    pub fn entries(&self) -> Result<JsValue, JsValue> {
        to_js_array(&self.inner.entries)
    }

    /// The headline counts the text states in prose, one group per counted
    /// thing ("There are 25 (73%) on track, 7 (21%) at risk ...", "Out of the
    /// 50 Actions in the plan, 22 are completed"); empty when it states none.
    #[wasm_bindgen(unchecked_return_type = "CountGroup[]")]
    #[cfg(feature = "full")]
    pub fn counts(&self) -> Result<JsValue, JsValue> {
        to_js_array(&self.inner.counts)
    }

    /// The row for a strategic action number ("2.2"), or `undefined` (the last, if several).
    #[wasm_bindgen(unchecked_return_type = "ProgressEntry | undefined")]
    #[cfg(feature = "full")]
    pub fn entry(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] number: &JsValue,
    ) -> Result<JsValue, JsValue> {
        match self.inner.entry(&string_arg(number, "number")?) {
            Some(entry) => to_js(entry),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// The readable report: title, date, one paragraph per row with its
    /// status and shares, then the diagnostics given (none by default).
    #[wasm_bindgen(js_name = textReport)]
    #[cfg(feature = "full")]
    pub fn text_report(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "Diagnostic[]")] diagnostics: JsValue,
    ) -> Result<String, JsValue> {
        let diagnostics: Vec<stratagraph::Diagnostic> =
            if diagnostics.is_undefined() || diagnostics.is_null() {
                Vec::new()
            } else {
                from_js(diagnostics, "diagnostics")?
            };
        Ok(stratagraph::progress::report::progress_text_report(
            &self.inner,
            &diagnostics,
        ))
    }

    /// An independent copy.
    #[allow(clippy::should_implement_trait)] // the JavaScript method is `clone()`
    #[cfg(feature = "full")]
    pub fn clone(&self) -> ProgressReport {
        ProgressReport {
            inner: self.inner.clone(),
        }
    }

    /// Attach the report to the strategic actions of a plan: each row's node
    /// gets the attributes `status`, `status_date` and `status_shares`.
    /// Returns a warning for each row that matches no node and each row whose
    /// shares do not add up to 100%.
    #[wasm_bindgen(js_name = applyTo, unchecked_return_type = "Diagnostic[]")]
    #[cfg(feature = "full")]
    pub fn apply_to(&self, strategy: &mut Strategy) -> Result<JsValue, JsValue> {
        to_js(&self.inner.apply_to(strategy.inner_mut()))
    }
}
