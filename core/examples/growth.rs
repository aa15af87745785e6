//! Hostile shapes grown 1x, 4x and 16x through every parser, validation, the
//! analyses and every export: the time must grow like the input (about 4x per
//! 4x), not like its square. A benchmark-style check, not a timed test: it
//! compares the cost of one size with the next on the same machine, in one run.
//!
//! ```text
//! cargo run --release --example growth --features xlsx            # the table
//! cargo run --release --example growth --features xlsx -- --quick # smaller sizes (CI)
//! ```
//!
//! It exits 1 when a stage's time grows more than `MAX_RATIO` per 4x of input
//! (a quadratic cost gives 16x; a linear one about 4x, with room for caches and
//! a busy machine), judged only where the largest size takes long
//! enough to measure (>= 10 ms); every ratio is printed.

use std::hint::black_box;
use std::time::{Duration, Instant};

use stratagraph::format::{export, ExportOptions, Format};
use stratagraph::parse::parse_document;
use stratagraph::{parse_delivery_plan, parse_progress_report, parse_strategy, query};

/// The most a stage's time may grow per 4x of input.
const MAX_RATIO: f64 = 9.0;
/// Below this at the largest size, a ratio is noise and is not judged.
const MEASURABLE: Duration = Duration::from_millis(10);

/// A hostile shape: its name and the text of size `n`.
struct Shape {
    name: &'static str,
    text: fn(usize) -> String,
    /// The base size (the 1x of the table).
    base: usize,
}

fn shapes() -> Vec<Shape> {
    vec![
        Shape {
            name: "long word",
            text: |n| format!("Priority 1\n1.1.1 {}\n", "x".repeat(n)),
            base: 20_000,
        },
        Shape {
            name: "long line",
            text: |n| format!("Priority 1\n1.1.1 {}\n", "word, and ".repeat(n / 10)),
            base: 20_000,
        },
        Shape {
            name: "blank lines",
            text: |n| format!("Priority 1\n{}1.1.1 Act.\n", "\n \n".repeat(n / 3)),
            base: 20_000,
        },
        Shape {
            name: "deep bullets",
            text: |n| {
                (0..n / 40)
                    .map(|i| format!("{}- item {i}\n", "  ".repeat(i % 200)))
                    .collect()
            },
            base: 20_000,
        },
        Shape {
            name: "deep numbering",
            text: |n| {
                let number = vec!["10"; n / 3].join(".");
                format!("Priority 10\nStrategic Action 10.1: A.\n{number} Do it.\n")
            },
            base: 10_000,
        },
        Shape {
            name: "huge numbers",
            text: |n| format!("Priority {0}\n{0}.1.1 Act by {0}.\n", "9".repeat(n)),
            base: 10_000,
        },
        Shape {
            name: "many partners",
            text: |n| {
                let partners: Vec<String> = (0..n / 12).map(|i| format!("Board {i}")).collect();
                format!(
                    "Priority 1\nStrategic Action 1.1: A.\n1.1.1 Act.\nLead and Key Partners: Scottish Government {}\n",
                    partners.join(", ")
                )
            },
            base: 10_000,
        },
        Shape {
            name: "many numbered actions",
            text: |n| {
                let mut t = String::from("Priority 1\nStrategic Action 1.1: A.\n");
                for i in 1..=n / 60 {
                    t.push_str(&format!(
                        "1.1.{i} Act by March 2025.\nLead and Key Partners: Scottish Government NES\n"
                    ));
                }
                t
            },
            base: 20_000,
        },
        Shape {
            name: "open brackets",
            text: |n| "[".repeat(n),
            base: 50_000,
        },
        Shape {
            name: "deep JSON",
            text: |n| {
                format!(
                    "{{\"format\": \"stratagraph\", \"version\": 1, \"nodes\": {}",
                    "[".repeat(n)
                )
            },
            base: 50_000,
        },
        Shape {
            name: "pipe table",
            text: |n| {
                let mut t = String::from("Action | Lead | Timescale\n--- | --- | ---\n");
                for i in 0..n / 50 {
                    t.push_str(&format!("{i}. Do a thing | Scottish Government | 2025\n"));
                }
                t
            },
            base: 20_000,
        },
        Shape {
            // Header cells alone on their lines, with no table under them:
            // the block recognisers' table and record finders look at each
            // run of them once.
            name: "column names",
            text: |n| "Update\n\nStatus\n\n".repeat(n / 16),
            base: 20_000,
        },
        Shape {
            name: "cell table",
            text: |n| {
                let mut t = String::from("Ref.\n\nAction\n\nLead\n\nStatus\n\n");
                for i in 0..n / 60 {
                    t.push_str(&format!("C{i}\n\nDo a thing.\n\nSEPA\n\nComplete\n\n"));
                }
                t
            },
            base: 20_000,
        },
    ]
}

/// The best of three runs of `f`.
fn time(mut f: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Each stage a text goes through, timed.
fn stages(text: &str) -> Vec<(&'static str, Duration)> {
    let mut out = vec![
        (
            "parse (detected)",
            time(|| {
                let _ = black_box(parse_document(text, None));
            }),
        ),
        (
            "plan parser",
            time(|| {
                black_box(parse_delivery_plan(text));
            }),
        ),
        (
            "strategy parser",
            time(|| {
                black_box(parse_strategy(text));
            }),
        ),
        (
            "progress parser",
            time(|| {
                black_box(parse_progress_report(text));
            }),
        ),
        (
            "csv import",
            time(|| {
                let header: String = text
                    .chars()
                    .take(200_000)
                    .map(|c| if c == '\n' { ',' } else { c })
                    .collect();
                let _ = black_box(stratagraph::format::csv::read(&format!(
                    "id,kind,{header}\r\n"
                )));
            }),
        ),
    ];
    let parsed = parse_document(text, None).unwrap_or_else(|_| parse_delivery_plan(text));
    let s = &parsed.strategy;
    out.push((
        "validate",
        time(|| {
            black_box(s.validate());
        }),
    ));
    out.push((
        "report",
        time(|| {
            black_box(stratagraph::format::report::text_report(
                s,
                &parsed.diagnostics,
            ));
        }),
    ));
    out.push((
        "actions table",
        time(|| {
            black_box(query::actions_table(s));
        }),
    ));
    for &format in Format::ALL {
        let name: &'static str = format.as_str();
        out.push((
            name,
            time(|| {
                let _ = black_box(export(s, format, &ExportOptions::default()));
            }),
        ));
    }
    out
}

fn main() -> std::process::ExitCode {
    let quick = std::env::args().any(|a| a == "--quick");
    let scale = if quick { 1 } else { 4 };
    let mut failed = Vec::new();
    println!(
        "{:<22} {:<18} {:>10} {:>10} {:>10} {:>7} {:>7}",
        "shape", "stage", "1x", "4x", "16x", "4x/1x", "16x/4x"
    );
    for shape in shapes() {
        let n = shape.base * scale;
        let runs: Vec<Vec<(&str, Duration)>> = [n, 4 * n, 16 * n]
            .iter()
            .map(|&size| stages(&(shape.text)(size)))
            .collect();
        for (i, (stage, t1)) in runs[0].iter().enumerate() {
            let (t4, t16) = (runs[1][i].1, runs[2][i].1);
            let ratio = |a: Duration, b: Duration| b.as_secs_f64() / a.as_secs_f64().max(1e-6);
            let (r1, r2) = (ratio(*t1, t4), ratio(t4, t16));
            let judged = t16 >= MEASURABLE;
            let flag = if judged && r1.min(r2) > MAX_RATIO {
                failed.push(format!(
                    "{} / {stage}: {r1:.1}x, then {r2:.1}x per 4x",
                    shape.name
                ));
                "  <- grows faster than the input"
            } else {
                ""
            };
            println!(
                "{:<22} {:<18} {:>8.2}ms {:>8.2}ms {:>8.2}ms {:>6.1}x {:>6.1}x{flag}",
                shape.name,
                stage,
                t1.as_secs_f64() * 1e3,
                t4.as_secs_f64() * 1e3,
                t16.as_secs_f64() * 1e3,
                r1,
                r2
            );
        }
    }
    if failed.is_empty() {
        println!("growth: every judged stage within {MAX_RATIO}x per 4x");
        std::process::ExitCode::SUCCESS
    } else {
        println!(
            "growth: {} stages grow faster than their input:",
            failed.len()
        );
        for f in &failed {
            println!("  {f}");
        }
        std::process::ExitCode::FAILURE
    }
}
