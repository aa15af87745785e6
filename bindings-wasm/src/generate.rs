//! The core's seeded generator of realistic plans, for demonstrations, load
//! tests and benchmarks (`generateStrategy({actions: 2000, seed: 7})`).

use wasm_bindgen::prelude::*;

use crate::options::generator_config;
use crate::progress::ProgressReport;
use crate::strategy::Strategy;

/// A generated delivery plan: a preset `size` (`S`: 500 actions, `M`:
/// 50,000, `L`: 1,000,000; default `S`) with any field of the generator's
/// configuration changed (`seed`, `actions`, `priorities`, `partners`, ...).
/// The same options always give the same plan.
///
/// @throws {TypeError} `invalid_argument` for an unknown or mistyped option;
/// {StratagraphError} `unknown_kind` for an unknown size.
#[wasm_bindgen(js_name = generateStrategy)]
pub fn generate_strategy(
    #[wasm_bindgen(unchecked_optional_param_type = "GeneratorOptions")] options: JsValue,
) -> Result<Strategy, JsValue> {
    let config = generator_config(options)?;
    Ok(Strategy::from(stratagraph::generate::strategy(&config)))
}

/// The generated plan (see `generateStrategy`) as delivery-plan text.
#[wasm_bindgen(js_name = generateDeliveryPlan)]
pub fn generate_delivery_plan(
    #[wasm_bindgen(unchecked_optional_param_type = "GeneratorOptions")] options: JsValue,
) -> Result<String, JsValue> {
    let config = generator_config(options)?;
    Ok(stratagraph::generate::delivery_plan_text(&config))
}

/// Dated progress reports on a generated plan (`reports` of them,
/// half-yearly), rating every strategic action with a mix of statuses that
/// moves towards delivery; pass the options the plan was generated with.
#[wasm_bindgen(js_name = generateProgressReports)]
pub fn generate_progress_reports(
    strategy: &Strategy,
    #[wasm_bindgen(unchecked_optional_param_type = "GeneratorOptions")] options: JsValue,
) -> Result<Vec<ProgressReport>, JsValue> {
    let config = generator_config(options)?;
    Ok(
        stratagraph::generate::progress_reports(strategy.inner(), &config)
            .into_iter()
            .map(ProgressReport::from)
            .collect(),
    )
}
