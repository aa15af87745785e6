//! The seeded plan generator, for benchmarks, load tests and demonstrations.

use pyo3::prelude::*;
use stratagraph::generate::{self, GeneratorConfig, Size};

use crate::errors::{detached_ok, to_py_err};
use crate::progress::PyProgressReport;
use crate::strategy::PyStrategy;

/// A preset (`S`, `M`, `L`) with the given fields changed.
fn config(
    py: Python<'_>,
    size: &str,
    seed: Option<u64>,
    actions: Option<u64>,
    partners: Option<u32>,
    reports: Option<u32>,
) -> PyResult<GeneratorConfig> {
    let size: Size = size.parse().map_err(|e| to_py_err(py, &e))?;
    let mut c = GeneratorConfig::preset(size);
    if let Some(seed) = seed {
        c = c.with_seed(seed);
    }
    if let Some(actions) = actions {
        c.actions = actions;
    }
    if let Some(partners) = partners {
        c.partners = partners;
    }
    if let Some(reports) = reports {
        c.reports = reports;
    }
    Ok(c)
}

/// A realistic delivery plan made up from a seed: ``size`` ``"S"`` (about 500
/// actions), ``"M"`` (50,000) or ``"L"`` (1,000,000), with ``actions`` and
/// ``partners`` overriding the preset. The same arguments always give the
/// same plan.
///
/// >>> import stratagraph
/// >>> plan = stratagraph.generate_plan("S", seed=7, actions=40)
/// >>> len(plan.nodes("action"))
/// 40
/// >>> stratagraph.generate_plan("S", seed=7, actions=40) == plan
/// True
#[pyfunction]
#[pyo3(
    signature = (size = String::from("S"), *, seed = None, actions = None, partners = None),
    text_signature = "(size='S', *, seed=None, actions=None, partners=None)"
)]
pub fn generate_plan(
    py: Python<'_>,
    size: String,
    seed: Option<u64>,
    actions: Option<u64>,
    partners: Option<u32>,
) -> PyResult<PyStrategy> {
    let c = config(py, &size, seed, actions, partners, None)?;
    let inner = detached_ok(py, || generate::strategy(&c))?;
    Ok(PyStrategy { inner })
}

/// The generated plan (see ``generate_plan``) written as delivery-plan text,
/// the input ``parse_delivery_plan`` reads.
#[pyfunction]
#[pyo3(
    signature = (size = String::from("S"), *, seed = None, actions = None, partners = None),
    text_signature = "(size='S', *, seed=None, actions=None, partners=None)"
)]
pub fn generate_delivery_plan_text(
    py: Python<'_>,
    size: String,
    seed: Option<u64>,
    actions: Option<u64>,
    partners: Option<u32>,
) -> PyResult<String> {
    let c = config(py, &size, seed, actions, partners, None)?;
    detached_ok(py, || generate::delivery_plan_text(&c))
}

/// Dated progress reports on a generated plan, rating every strategic action
/// with a realistic mix of statuses that moves towards delivery from one
/// report to the next; ``reports`` overrides the preset's number of reports.
#[pyfunction]
#[pyo3(
    signature = (strategy, size = String::from("S"), *, seed = None, reports = None),
    text_signature = "(strategy, size='S', *, seed=None, reports=None)"
)]
pub fn generate_progress_reports(
    py: Python<'_>,
    strategy: PyRef<'_, PyStrategy>,
    size: String,
    seed: Option<u64>,
    reports: Option<u32>,
) -> PyResult<Vec<PyProgressReport>> {
    let c = config(py, &size, seed, None, None, reports)?;
    let inner = &strategy.inner;
    let made = detached_ok(py, || generate::progress_reports(inner, &c))?;
    Ok(made
        .into_iter()
        .map(|inner| PyProgressReport { inner })
        .collect())
}
