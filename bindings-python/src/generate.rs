//! The seeded plan generator, for benchmarks, load tests and demonstrations.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use stratagraph::generate::{self, GeneratorConfig, Size};

use crate::errors::{detached_ok, internal_error, to_py_err};
use crate::progress::PyProgressReport;
use crate::strategy::PyStrategy;

/// A preset (`S`, `M`, `L`) with `seed` and the keyword arguments `fields`
/// (`None` keeps the preset's value) changed. The names and types are those
/// of the core's `GeneratorConfig`, read from its serde form (its one
/// declaration): an integer field takes an `int`, a float field a `float`.
/// An unknown name or a value of the wrong type is a `TypeError` that names
/// `function` or the field, as Python's own would.
fn config(
    py: Python<'_>,
    function: &str,
    size: &str,
    seed: Option<u64>,
    fields: Option<&Bound<'_, PyDict>>,
) -> PyResult<GeneratorConfig> {
    let size: Size = size.parse().map_err(|e| to_py_err(py, &e))?;
    let mut c = GeneratorConfig::preset(size);
    if let Some(seed) = seed {
        c = c.with_seed(seed);
    }
    let Some(fields) = fields else {
        return Ok(c);
    };
    let Ok(serde_json::Value::Object(mut all)) = serde_json::to_value(&c) else {
        return Err(internal_error(
            py,
            "the generator's configuration is not a map",
        ));
    };
    for (key, value) in fields.iter() {
        let name: String = key.extract()?;
        if value.is_none() {
            continue;
        }
        let Some(slot) = all.get_mut(&name).filter(|_| name != "seed") else {
            let names: Vec<&str> = all
                .keys()
                .map(String::as_str)
                .filter(|n| *n != "seed")
                .collect();
            return Err(PyTypeError::new_err(format!(
                "{function}() got an unexpected keyword argument '{name}' \
                 (expected size, seed or one of {})",
                names.join(", ")
            )));
        };
        let mistyped = |e: String| PyTypeError::new_err(format!("{name}: {e}"));
        *slot = if slot.is_f64() {
            value
                .extract::<f64>()
                .map_err(|e| mistyped(e.to_string()))?
                .into()
        } else {
            value
                .extract::<i64>()
                .map_err(|e| mistyped(e.to_string()))?
                .into()
        };
        // out of the field's range (a negative count): refused by the field's name
        c = serde_json::from_value(serde_json::Value::Object(all.clone()))
            .map_err(|e| mistyped(e.to_string()))?;
    }
    Ok(c)
}

/// A realistic delivery plan made up from a seed: ``size`` ``"S"`` (about 500
/// actions), ``"M"`` (50,000) or ``"L"`` (1,000,000), with any field of the
/// preset changed by keyword: ``priorities``, ``strategic_actions_per_priority``,
/// ``actions``, ``partners``, ``outcomes``, ``challenges``, ``alliance_every``,
/// ``joint_lead_share``, ``max_key_partners``, ``deadline_share``,
/// ``action_outcome_share``, ``lead_skew``, ``partner_skew``, ``first_year``,
/// ``years``, ``reports`` (as the JavaScript package's ``generateStrategy``). The
/// same arguments always give the same plan.
///
/// >>> import stratagraph
/// >>> plan = stratagraph.generate_plan("S", seed=7, actions=40)
/// >>> len(plan.nodes("action"))
/// 40
/// >>> stratagraph.generate_plan("S", seed=7, actions=40) == plan
/// True
/// >>> len(stratagraph.generate_plan("S", actions=40, priorities=2).nodes("priority"))
/// 2
#[pyfunction]
#[pyo3(
    signature = (size = String::from("S"), *, seed = None, **fields),
    text_signature = "(size='S', *, seed=None, **fields)"
)]
pub fn generate_plan(
    py: Python<'_>,
    size: String,
    seed: Option<u64>,
    fields: Option<&Bound<'_, PyDict>>,
) -> PyResult<PyStrategy> {
    let c = config(py, "generate_plan", &size, seed, fields)?;
    let inner = detached_ok(py, || generate::strategy(&c))?;
    Ok(PyStrategy { inner })
}

/// The generated plan (see ``generate_plan``, whose keyword arguments it
/// takes) written as delivery-plan text, the input ``parse_delivery_plan`` reads.
#[pyfunction]
#[pyo3(
    signature = (size = String::from("S"), *, seed = None, **fields),
    text_signature = "(size='S', *, seed=None, **fields)"
)]
pub fn generate_delivery_plan_text(
    py: Python<'_>,
    size: String,
    seed: Option<u64>,
    fields: Option<&Bound<'_, PyDict>>,
) -> PyResult<String> {
    let c = config(py, "generate_delivery_plan_text", &size, seed, fields)?;
    detached_ok(py, || generate::delivery_plan_text(&c))
}

/// Dated progress reports on a generated plan, rating every strategic action
/// with a realistic mix of statuses that moves towards delivery from one
/// report to the next; ``reports`` overrides the preset's number of reports,
/// and the other keyword arguments of ``generate_plan`` are taken too.
#[pyfunction]
#[pyo3(
    signature = (strategy, size = String::from("S"), *, seed = None, **fields),
    text_signature = "(strategy, size='S', *, seed=None, **fields)"
)]
pub fn generate_progress_reports(
    py: Python<'_>,
    strategy: PyRef<'_, PyStrategy>,
    size: String,
    seed: Option<u64>,
    fields: Option<&Bound<'_, PyDict>>,
) -> PyResult<Vec<PyProgressReport>> {
    let c = config(py, "generate_progress_reports", &size, seed, fields)?;
    let inner = &strategy.inner;
    let made = detached_ok(py, || generate::progress_reports(inner, &c))?;
    Ok(made
        .into_iter()
        .map(|inner| PyProgressReport { inner })
        .collect())
}

#[cfg(test)]
mod tests {
    use stratagraph::generate::{GeneratorConfig, Size};

    /// The stub's `_GeneratorFields` are the core's `GeneratorConfig` fields
    /// (but `seed`, a parameter of its own), each `int | None` or
    /// `float | None` as its Rust type is an integer or a float.
    #[test]
    fn stub_generator_fields_match_the_core_config() {
        let stub = include_str!("../python/stratagraph/_stratagraph.pyi");
        let body = stub
            .split("class _GeneratorFields(TypedDict, total=False):")
            .nth(1)
            .unwrap_or_default();
        let mut declared: Vec<(String, String)> = body
            .lines()
            .map(str::trim)
            .take_while(|l| !l.starts_with("def "))
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_once(": "))
            .map(|(n, t)| (n.to_owned(), t.to_owned()))
            .collect();
        let core = match serde_json::to_value(GeneratorConfig::preset(Size::S)) {
            Ok(serde_json::Value::Object(core)) => core,
            _ => serde_json::Map::new(),
        };
        assert!(
            core.len() > 10,
            "the generator's configuration as a map: {core:?}"
        );
        let core: Vec<(String, String)> = core
            .into_iter()
            .filter(|(n, _)| n != "seed")
            .map(|(n, v)| {
                let ty = if v.is_f64() {
                    "float | None"
                } else {
                    "int | None"
                };
                (n, ty.to_owned())
            })
            .collect();
        declared.sort();
        assert_eq!(declared, core); // serde_json's map is in name order
    }
}
