//! Delivery-plan text: parse (MB/s), write, and the generator itself.
//!
//! `cargo bench -p stratagraph --bench parse`; see BENCHMARKS.md.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use divan::counter::{BytesCount, ItemsCount};
use divan::Bencher;
use stratagraph::generate::{self, GeneratorConfig, Size};

fn main() {
    divan::main();
}

/// Parse the generated plan's text (bytes per second of input).
#[divan::bench(args = common::sizes(), sample_count = 20)]
fn parse_delivery_plan(bencher: Bencher<'_, '_>, size: Size) {
    let f = common::fixture(size);
    bencher
        .counter(BytesCount::of_str(&f.text))
        .bench_local(|| stratagraph::parse_delivery_plan(divan::black_box(&f.text)));
}

/// Write the plan as delivery-plan text (bytes per second of output).
#[divan::bench(args = common::sizes(), sample_count = 20)]
fn write_delivery_plan(bencher: Bencher<'_, '_>, size: Size) {
    let f = common::fixture(size);
    bencher
        .counter(BytesCount::of_str(&f.text))
        .bench_local(|| stratagraph::write_delivery_plan(divan::black_box(&f.strategy)));
}

/// Generate the plan as a `Strategy` (actions per second).
#[divan::bench(args = common::sizes(), sample_count = 10)]
fn generate_strategy(bencher: Bencher<'_, '_>, size: Size) {
    let config = GeneratorConfig::preset(size);
    bencher
        .counter(ItemsCount::new(config.actions))
        .bench_local(|| generate::strategy(divan::black_box(&config)));
}
