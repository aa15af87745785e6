//! Validation, queries and analyses on generated plans.
//!
//! `cargo bench -p stratagraph --bench analysis`; see BENCHMARKS.md.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use divan::counter::ItemsCount;
use divan::{black_box, Bencher};
use stratagraph::analysis::{centrality, coverage, diff, network, timeline};
use stratagraph::generate::Size;
use stratagraph::progress::rollup as progress;
use stratagraph::{query, NodeKind};

fn main() {
    divan::main();
}

fn actions(size: Size) -> ItemsCount {
    let f = common::fixture(size);
    ItemsCount::new(f.strategy.nodes_of_kind(NodeKind::Action).count())
}

#[divan::bench(args = common::sizes(), sample_count = 20)]
fn validate(bencher: Bencher<'_, '_>, size: Size) {
    let f = common::fixture(size);
    bencher
        .counter(actions(size))
        .bench_local(|| black_box(&f.strategy).validate());
}

mod coverage_ {
    use super::*;

    /// The priority x outcome matrix.
    #[divan::bench(args = common::sizes(), sample_count = 20)]
    fn priority_outcome_matrix(bencher: Bencher<'_, '_>, size: Size) {
        let f = common::fixture(size);
        bencher
            .counter(actions(size))
            .bench_local(|| coverage::priority_outcome_matrix(black_box(&f.strategy)));
    }

    /// The outcome x partner matrix.
    #[divan::bench(args = common::sizes(), sample_count = 20)]
    fn outcome_partner_matrix(bencher: Bencher<'_, '_>, size: Size) {
        let f = common::fixture(size);
        bencher
            .counter(actions(size))
            .bench_local(|| coverage::outcome_partner_matrix(black_box(&f.strategy)));
    }

    /// Outcomes and challenges with few or no actions behind them.
    #[divan::bench(args = common::sizes(), sample_count = 20)]
    fn gaps(bencher: Bencher<'_, '_>, size: Size) {
        let f = common::fixture(size);
        bencher
            .counter(actions(size))
            .bench_local(|| coverage::gaps(black_box(&f.strategy)));
    }
}

mod timeline_ {
    use super::*;

    #[divan::bench(args = common::sizes(), sample_count = 20)]
    fn timeline(bencher: Bencher<'_, '_>, size: Size) {
        let f = common::fixture(size);
        bencher
            .counter(actions(size))
            .bench_local(|| timeline::timeline(black_box(&f.strategy)));
    }

    #[divan::bench(args = common::sizes(), sample_count = 20)]
    fn overdue(bencher: Bencher<'_, '_>, size: Size) {
        let f = common::fixture(size);
        let as_of = "2024-10-01".parse().unwrap();
        bencher
            .counter(actions(size))
            .bench_local(|| timeline::overdue(black_box(&f.strategy), as_of));
    }
}

mod progress_ {
    use super::*;

    /// Attach the latest report to the plan's strategic actions.
    #[divan::bench(args = common::sizes(), sample_count = 20)]
    fn apply_report(bencher: Bencher<'_, '_>, size: Size) {
        let f = common::fixture(size);
        let report = f.reports.last().unwrap();
        bencher
            .counter(actions(size))
            .with_inputs(|| f.strategy.clone())
            .bench_local_refs(|s| report.apply_to(s));
    }

    /// Roll the latest report up to priorities and outcomes.
    #[divan::bench(args = common::sizes(), sample_count = 20)]
    fn rollup(bencher: Bencher<'_, '_>, size: Size) {
        let f = common::fixture(size);
        let report = f.reports.last().unwrap();
        bencher
            .counter(actions(size))
            .bench_local(|| progress::progress_rollup_of_report(black_box(&f.strategy), report));
    }

    /// Every report as a series.
    #[divan::bench(args = common::sizes(), sample_count = 10)]
    fn series(bencher: Bencher<'_, '_>, size: Size) {
        let f = common::fixture(size);
        bencher
            .counter(actions(size))
            .bench_local(|| progress::progress_series(black_box(&f.strategy), &f.reports));
    }
}

mod partners {
    use super::*;

    /// Who leads what: one row per action and role.
    #[divan::bench(args = common::sizes(), sample_count = 20)]
    fn responsibilities(bencher: Bencher<'_, '_>, size: Size) {
        let f = common::fixture(size);
        bencher
            .counter(actions(size))
            .bench_local(|| query::responsibilities(black_box(&f.strategy)));
    }

    #[divan::bench(args = common::sizes(), sample_count = 20)]
    fn partner_load(bencher: Bencher<'_, '_>, size: Size) {
        let f = common::fixture(size);
        bencher
            .counter(actions(size))
            .bench_local(|| query::partner_load(black_box(&f.strategy)));
    }

    /// Build the partner network (partners linked by shared actions).
    #[divan::bench(args = common::sizes(), sample_count = 20)]
    fn partner_network(bencher: Bencher<'_, '_>, size: Size) {
        let f = common::fixture(size);
        bencher
            .counter(actions(size))
            .bench_local(|| network::partner_network(black_box(&f.strategy)));
    }

    /// Betweenness (Brandes, hops, normalised) on the partner network, built beforehand.
    #[divan::bench(args = common::sizes(), sample_count = 5)]
    fn betweenness(bencher: Bencher<'_, '_>, size: Size) {
        let f = common::fixture(size);
        let net = network::partner_network(&f.strategy);
        bencher
            .counter(ItemsCount::new(net.graph.node_count()))
            .bench_local(|| centrality::betweenness_centrality(black_box(&net.graph), true));
    }

    /// Every centrality and the communities (`partner_centrality`): degree,
    /// betweenness by hops and by distance, eigenvector, PageRank, Louvain.
    #[divan::bench(args = common::sizes(), sample_count = 3)]
    fn partner_centrality(bencher: Bencher<'_, '_>, size: Size) {
        let f = common::fixture(size);
        bencher
            .counter(actions(size))
            .bench_local(|| network::partner_centrality(black_box(&f.strategy)));
    }
}

/// The changes between the plan and a revised version of it.
#[divan::bench(args = common::sizes(), sample_count = 10)]
fn diff(bencher: Bencher<'_, '_>, size: Size) {
    let f = common::fixture(size);
    bencher
        .counter(actions(size))
        .bench_local(|| diff::diff(black_box(&f.strategy), black_box(&f.revised)));
}
