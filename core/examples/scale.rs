//! Scale and memory: generate a plan of a preset size, write its canonical JSON
//! and delivery-plan text to `bench-data/`, then load and analyse it in fresh
//! child processes so that each one's peak memory is its own.
//!
//! ```text
//! cargo run --release -p stratagraph --example scale -- L            # the whole run
//! cargo run --release -p stratagraph --example scale -- M --seed 7
//! cargo run --release -p stratagraph --example scale -- L --no-text  # skip writing and parsing text
//! cargo run --release -p stratagraph --example scale -- L --no-betweenness
//! cargo run --release -p stratagraph --example scale -- L --reuse          # load and analyse the files of an earlier run
//! cargo run --release -p stratagraph --example scale -- M --generate-only  # only write the files
//! target/release/examples/scale --network bench-data/M-42.json            # partner network and betweenness only
//! ```
//!
//! Figures are printed as `name<TAB>value<TAB>unit` lines (after a heading per
//! step), which `scripts/bench.sh` collects. Times are the CPU time of the
//! step (the work is single-threaded; wall-clock time for steps under 0.2 s),
//! with the wall-clock time beside them as `NAME.wall`; throughputs use the
//! first. Each step also prints the peak resident memory so far. Peak memory is the kernel's
//! high-water mark of resident memory (`VmHWM` in `/proc/self/status`).
//! Generated files are never committed (`bench-data/` is ignored by git).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use stratagraph::analysis::{centrality, coverage, network, timeline};
use stratagraph::generate::{self, GeneratorConfig, Size};
use stratagraph::progress::rollup as progress;
use stratagraph::progress::ProgressReport;
use stratagraph::{NodeKind, Strategy};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--child-load") => child_load(&args[1..]),
        Some("--child-parse") => child_parse(Path::new(&args[1])),
        Some("--network") => network_only(Path::new(&args[1])),
        _ => parent(&args),
    }
}

/// A value of `/proc/self/status` in bytes (`VmHWM`, `VmRSS`), if the system has it.
fn status_bytes(key: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn mib(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn figure(name: &str, value: f64, unit: &str) {
    println!("{name}\t{value:.3}\t{unit}");
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

/// CPU time of this thread so far (`/proc/thread-self/schedstat`, nanoseconds).
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Run `f`, print its wall-clock time and its CPU time (on a shared machine the
/// CPU time is the steadier figure), and return its result and the duration
/// used for throughputs: the CPU time where the system gives it and the step
/// took at least 0.2 s (the kernel updates a running thread's CPU time only at
/// scheduler ticks), else the wall-clock time.
fn timed<T>(name: &str, f: impl FnOnce() -> T) -> (T, Duration) {
    let cpu0 = thread_cpu();
    let start = Instant::now();
    let out = f();
    let wall = start.elapsed();
    let cpu = match (cpu0, thread_cpu()) {
        (Some(a), Some(b)) if wall >= Duration::from_millis(200) => Some(b.saturating_sub(a)),
        _ => None,
    };
    figure(name, secs(cpu.unwrap_or(wall)) * 1000.0, "ms");
    figure(&format!("{name}.wall"), secs(wall) * 1000.0, "ms");
    if let Some(b) = status_bytes("VmHWM:") {
        figure(&format!("{name}.peak_rss"), mib(b), "MiB");
    }
    (out, cpu.unwrap_or(wall))
}

fn memory(name: &str) {
    if let Some(b) = status_bytes("VmRSS:") {
        figure(&format!("{name}.rss"), mib(b), "MiB");
    }
    if let Some(b) = status_bytes("VmHWM:") {
        figure(&format!("{name}.peak_rss"), mib(b), "MiB");
    }
}

fn data_dir() -> PathBuf {
    // core/ is the manifest dir; bench-data/ sits at the workspace root.
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map_or_else(
        || PathBuf::from("bench-data"),
        |root| root.join("bench-data"),
    )
}

fn parent(args: &[String]) {
    let size: Size = args
        .first()
        .map_or(Ok(Size::L), |s| s.parse())
        .unwrap_or_else(|e| {
            eprintln!("usage: scale [S|M|L] [--seed N] [--no-text] [--no-betweenness]: {e}");
            std::process::exit(2)
        });
    let flag = |name: &str| args.iter().any(|a| a == name);
    let seed = args
        .iter()
        .position(|a| a == "--seed")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(42u64);
    let config = GeneratorConfig::preset(size).with_seed(seed);
    let dir = data_dir();
    std::fs::create_dir_all(&dir).expect("create bench-data/");
    let json_path = dir.join(format!("{size}-{seed}.json"));
    let text_path = dir.join(format!("{size}-{seed}.txt"));
    let report_path = dir.join(format!("{size}-{seed}.progress.json"));

    if flag("--reuse") && json_path.exists() && report_path.exists() {
        println!("# reusing {}", json_path.display());
    } else {
        generate_files(
            &config,
            &json_path,
            &text_path,
            &report_path,
            flag("--no-text"),
        );
    }
    if flag("--generate-only") {
        println!("# files: {} {}", json_path.display(), text_path.display());
        return;
    }
    let exe = std::env::current_exe().expect("current exe");
    println!("# load canonical JSON and analyse (fresh process)");
    let mut child = Command::new(&exe);
    child
        .arg("--child-load")
        .arg(&json_path)
        .arg(&report_path)
        .arg(if flag("--no-betweenness") {
            "no-betweenness"
        } else {
            "betweenness"
        });
    let ok = child.status().map(|s| s.success()).unwrap_or(false);
    if !ok {
        eprintln!("the load step failed");
    }
    if !flag("--no-text") && text_path.exists() {
        println!("# parse delivery-plan text (fresh process)");
        let ok = Command::new(&exe)
            .arg("--child-parse")
            .arg(&text_path)
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        if !ok {
            eprintln!("the parse step failed");
        }
    }
    println!("# files: {} {}", json_path.display(), text_path.display());
}

fn generate_files(
    config: &GeneratorConfig,
    json_path: &Path,
    text_path: &Path,
    report_path: &Path,
    no_text: bool,
) {
    let (size, seed) = (config.actions, config.seed);
    println!("# generate {size} actions (seed {seed})");
    let (strategy, _) = timed("generate.strategy", || generate::strategy(config));
    let actions = strategy.nodes_of_kind(NodeKind::Action).count();
    figure("nodes", strategy.len() as f64, "");
    figure("edges", strategy.edge_count() as f64, "");
    figure("actions", actions as f64, "");
    figure(
        "partners",
        strategy.nodes_of_kind(NodeKind::Partner).count() as f64,
        "",
    );
    figure(
        "outcomes",
        strategy.nodes_of_kind(NodeKind::Outcome).count() as f64,
        "",
    );
    let (reports, _) = timed("generate.progress_reports", || {
        generate::progress_reports(&strategy, config)
    });
    let latest = reports.last().cloned().unwrap_or_default();
    std::fs::write(report_path, latest.to_json()).expect("write report");
    memory("generate");

    println!("# save canonical JSON");
    let (json, d) = timed("json.save", || strategy.to_json());
    figure("json.bytes", mb(json.len()), "MB");
    figure("json.save.throughput", mb(json.len()) / secs(d), "MB/s");
    std::fs::write(json_path, &json).expect("write JSON");
    drop(json);

    if !no_text {
        println!("# write delivery-plan text");
        let (text, d) = timed("text.write", || stratagraph::write_delivery_plan(&strategy));
        figure("text.bytes", mb(text.len()), "MB");
        figure("text.write.throughput", mb(text.len()) / secs(d), "MB/s");
        std::fs::write(text_path, &text).expect("write text");
    }
}

fn child_load(args: &[String]) {
    let json_path = Path::new(&args[0]);
    let report_path = Path::new(&args[1]);
    let betweenness = args.get(2).is_none_or(|a| a == "betweenness");
    memory("start");
    let base = status_bytes("VmRSS:").unwrap_or(0);
    let (json, _) = timed("json.read_file", || {
        std::fs::read_to_string(json_path).unwrap()
    });
    let (strategy, d) = timed("json.load", || Strategy::from_json(&json).unwrap());
    figure("json.load.throughput", mb(json.len()) / secs(d), "MB/s");
    memory("json.load");
    let actions = strategy.nodes_of_kind(NodeKind::Action).count();
    drop(json);
    if let Some(rss) = status_bytes("VmRSS:") {
        let model = rss.saturating_sub(base);
        figure("model.rss", mib(model), "MiB");
        figure(
            "model.bytes_per_action",
            model as f64 / actions.max(1) as f64,
            "B",
        );
    }

    println!("# analyses");
    let (diags, _) = timed("validate", || strategy.validate());
    figure("validate.diagnostics", diags.len() as f64, "");
    timed("coverage.priority_outcome_matrix", || {
        coverage::priority_outcome_matrix(&strategy)
    });
    timed("coverage.outcome_partner_matrix", || {
        coverage::outcome_partner_matrix(&strategy)
    });
    let (gaps, _) = timed("coverage.gaps", || coverage::gaps(&strategy));
    figure("coverage.gaps.rows", gaps.rows.len() as f64, "");
    timed("timeline", || timeline::timeline(&strategy));
    let report = ProgressReport::from_json(&std::fs::read_to_string(report_path).unwrap()).unwrap();
    timed("progress.rollup_of_report", || {
        progress::progress_rollup_of_report(&strategy, &report)
    });
    timed("query.partner_load", || {
        stratagraph::query::partner_load(&strategy)
    });
    let (net, _) = timed("network.partner_network", || {
        network::partner_network(&strategy)
    });
    figure("network.nodes", net.graph.node_count() as f64, "");
    figure("network.links", net.graph.edge_count() as f64, "");
    if betweenness {
        let (bc, _) = timed("network.betweenness", || {
            centrality::betweenness_centrality(&net.graph, true)
        });
        let top = bc.iter().copied().fold(0.0f64, f64::max);
        figure("network.betweenness.max", top, "");
    }
    let (_, d) = timed("json.save", || strategy.to_json());
    let _ = d;
    memory("end");
}

fn child_parse(text_path: &Path) {
    let base = status_bytes("VmRSS:").unwrap_or(0);
    let (text, _) = timed("text.read_file", || {
        std::fs::read_to_string(text_path).unwrap()
    });
    let (result, d) = timed("text.parse", || stratagraph::parse_delivery_plan(&text));
    figure("text.parse.throughput", mb(text.len()) / secs(d), "MB/s");
    figure(
        "text.parse.actions",
        result.strategy.nodes_of_kind(NodeKind::Action).count() as f64,
        "",
    );
    figure(
        "text.parse.diagnostics",
        result.diagnostics.len() as f64,
        "",
    );
    figure(
        "text.parse.unclassified",
        result.unclassified.len() as f64,
        "",
    );
    let _ = base;
    memory("text.parse");
}

fn network_only(json_path: &Path) {
    let json = std::fs::read_to_string(json_path).unwrap();
    let (strategy, _) = timed("json.load", || Strategy::from_json(&json).unwrap());
    drop(json);
    let (net, _) = timed("network.partner_network", || {
        network::partner_network(&strategy)
    });
    figure("network.nodes", net.graph.node_count() as f64, "");
    figure("network.links", net.graph.edge_count() as f64, "");
    let (bc, _) = timed("network.betweenness", || {
        centrality::betweenness_centrality(&net.graph, true)
    });
    let top = bc.iter().copied().fold(0.0f64, f64::max);
    figure("network.betweenness.max", top, "");
}
