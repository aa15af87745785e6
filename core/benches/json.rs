//! Canonical JSON: load and save (MB/s).
//!
//! `cargo bench -p stratagraph --bench json`; see BENCHMARKS.md.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use divan::counter::BytesCount;
use divan::Bencher;
use stratagraph::generate::Size;
use stratagraph::Strategy;

fn main() {
    divan::main();
}

/// `Strategy::from_json` (bytes per second of input).
#[divan::bench(args = common::sizes(), sample_count = 20)]
fn load(bencher: Bencher<'_, '_>, size: Size) {
    let f = common::fixture(size);
    bencher
        .counter(BytesCount::of_str(&f.json))
        .bench_local(|| Strategy::from_json(divan::black_box(&f.json)).unwrap());
}

/// `Strategy::to_json` (bytes per second of output).
#[divan::bench(args = common::sizes(), sample_count = 20)]
fn save(bencher: Bencher<'_, '_>, size: Size) {
    let f = common::fixture(size);
    bencher
        .counter(BytesCount::of_str(&f.json))
        .bench_local(|| divan::black_box(&f.strategy).to_json());
}

/// `validate_json`: read a document and check it, as a service receiving files does.
#[divan::bench(args = common::sizes(), sample_count = 20)]
fn validate_json(bencher: Bencher<'_, '_>, size: Size) {
    let f = common::fixture(size);
    bencher
        .counter(BytesCount::of_str(&f.json))
        .bench_local(|| stratagraph::validate_json(divan::black_box(&f.json)).unwrap());
}

/// A progress report's canonical JSON, read back (the latest report).
#[divan::bench(args = common::sizes(), sample_count = 20)]
fn load_progress_report(bencher: Bencher<'_, '_>, size: Size) {
    let f = common::fixture(size);
    let json = f.reports.last().unwrap().to_json();
    bencher.counter(BytesCount::of_str(&json)).bench_local(|| {
        stratagraph::progress::ProgressReport::from_json(divan::black_box(&json)).unwrap()
    });
}
