//! Every export format, and the SVG drawing with and without partners.
//!
//! `cargo bench -p stratagraph --bench export`; see BENCHMARKS.md.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use divan::counter::{BytesCount, ItemsCount};
use divan::{black_box, Bencher};
use stratagraph::format::{export, CsvTable, ExportOptions, Format, SvgOptions};
use stratagraph::generate::Size;
use stratagraph::NodeKind;

fn main() {
    divan::main();
}

/// Every format this build writes, by name (`xlsx` needs the `xlsx` feature).
fn formats() -> Vec<&'static str> {
    Format::ALL
        .iter()
        .filter(|f| cfg!(feature = "xlsx") || **f != Format::Xlsx)
        .map(|f| f.as_str())
        .collect()
}

/// Each format on the S plan (bytes per second of output).
#[divan::bench(args = formats(), sample_count = 20)]
fn format_s(bencher: Bencher<'_, '_>, format: &str) {
    run(bencher, Size::S, format);
}

/// Every format but `html` on the M plan (only under `cargo bench`).
fn formats_m() -> Vec<&'static str> {
    if !common::measuring() {
        return Vec::new();
    }
    // The HTML report's coverage section looks each priority x outcome cell up
    // with a linear search of the matrix rows: hours on M (BENCHMARKS.md). Put
    // it back when that is a map lookup.
    formats().into_iter().filter(|&f| f != "html").collect()
}

/// Each format on the M plan (only under `cargo bench`).
#[divan::bench(args = formats_m(), sample_count = 10)]
fn format_m(bencher: Bencher<'_, '_>, format: &str) {
    run(bencher, Size::M, format);
}

fn run(bencher: Bencher<'_, '_>, size: Size, format: &str) {
    let f = common::fixture(size);
    let format: Format = format.parse().unwrap();
    let opts = ExportOptions::default();
    let len = export(&f.strategy, format, &opts).unwrap().len();
    bencher
        .counter(BytesCount::new(len))
        .bench_local(|| export(black_box(&f.strategy), format, &opts).unwrap());
}

/// The CSV tables other than actions.
#[divan::bench(args = common::sizes(), sample_count = 20)]
fn csv_nodes_and_edges(bencher: Bencher<'_, '_>, size: Size) {
    let f = common::fixture(size);
    let nodes = ExportOptions::default().with_table(CsvTable::Nodes);
    let edges = ExportOptions::default().with_table(CsvTable::Edges);
    bencher.bench_local(|| {
        (
            export(black_box(&f.strategy), Format::Csv, &nodes).unwrap(),
            export(black_box(&f.strategy), Format::Csv, &edges).unwrap(),
        )
    });
}

/// The layered SVG drawing with the partners column (the default leaves it out).
#[divan::bench(args = common::sizes(), sample_count = 10)]
fn svg_with_partners(bencher: Bencher<'_, '_>, size: Size) {
    let f = common::fixture(size);
    let opts = SvgOptions::default().with_partners(true);
    bencher
        .counter(ItemsCount::new(f.strategy.len()))
        .bench_local(|| stratagraph::format::svg::to_svg(black_box(&f.strategy), &opts));
}

/// Reading back what the importable formats wrote (GraphML, node-link, CSV nodes+edges).
#[divan::bench(args = ["graphml", "node-link"], sample_count = 20)]
fn import_s(bencher: Bencher<'_, '_>, format: &str) {
    let f = common::fixture(Size::S);
    let format: Format = format.parse().unwrap();
    let bytes = export(&f.strategy, format, &ExportOptions::default()).unwrap();
    bencher
        .counter(BytesCount::new(bytes.len()))
        .bench_local(|| stratagraph::format::import(black_box(&bytes), format).unwrap());
    let _ = f.strategy.nodes_of_kind(NodeKind::Action);
}
