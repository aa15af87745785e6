//! Plans the benchmarks share: generated once per size and kept for the run.
//!
//! Under `cargo bench` the sizes are S and M (and L when `STRATAGRAPH_BENCH_L=1`);
//! under `cargo test --benches` (divan runs each benchmark once) only S, so CI
//! checks that every benchmark still runs in a few seconds.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::sync::OnceLock;

use stratagraph::generate::{self, GeneratorConfig, Size};
use stratagraph::progress::ProgressReport;
use stratagraph::{NodeKind, Strategy};

/// Everything a benchmark needs about one generated plan.
pub struct Fixture {
    pub size: Size,
    pub strategy: Strategy,
    /// Its canonical JSON.
    pub json: String,
    /// Its delivery-plan text.
    pub text: String,
    /// Its progress reports, oldest first.
    pub reports: Vec<ProgressReport>,
    /// A later version of the plan, for the diff.
    pub revised: Strategy,
}

/// Whether this run is a measurement (`cargo bench` passes `--bench`) rather
/// than the quick once-each run of `cargo test --benches`.
pub fn measuring() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// The sizes to run: S always; M when measuring; L when measuring and
/// `STRATAGRAPH_BENCH_L=1` (it takes minutes and gigabytes).
pub fn sizes() -> Vec<Size> {
    let mut out = vec![Size::S];
    if measuring() {
        out.push(Size::M);
        if std::env::var("STRATAGRAPH_BENCH_L").is_ok_and(|v| v == "1") {
            out.push(Size::L);
        }
    }
    out
}

static FIXTURES: [OnceLock<Fixture>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];

/// The fixture of a size, made on first use.
pub fn fixture(size: Size) -> &'static Fixture {
    let slot = match size {
        Size::S => &FIXTURES[0],
        Size::M => &FIXTURES[1],
        Size::L => &FIXTURES[2],
    };
    slot.get_or_init(|| {
        let config = GeneratorConfig::preset(size);
        let strategy = generate::strategy(&config);
        let json = strategy.to_json();
        let text = stratagraph::write_delivery_plan(&strategy);
        let reports = generate::progress_reports(&strategy, &config);
        let revised = revise(&strategy);
        Fixture {
            size,
            strategy,
            json,
            text,
            reports,
            revised,
        }
    })
}

/// A plausible next version of a plan: one action in 20 reworded, one in 50
/// given a new deadline, one in 100 dropped.
pub fn revise(s: &Strategy) -> Strategy {
    let mut out = s.clone();
    let ids: Vec<String> = s
        .nodes_of_kind(NodeKind::Action)
        .map(|n| n.id.to_string())
        .collect();
    for (i, id) in ids.iter().enumerate() {
        if i % 100 == 7 {
            out.remove_node(id);
        } else if i % 50 == 3 {
            out.update_node(id, |n| {
                n.deadline = Some(stratagraph::DateWindow::new(
                    None,
                    "2026-03-31".parse().ok(),
                    "by March 2026",
                ));
            })
            .unwrap();
        } else if i % 20 == 1 {
            out.update_node(id, |n| {
                if let Some(t) = &mut n.text {
                    t.push_str(" Local partners will lead this work.");
                }
            })
            .unwrap();
        }
    }
    out
}
