//! Time core's delivery-plan parser on one file, in this process (no process
//! start-up in the figure): the Rust side of the Python binding's parse benchmark
//! (`bindings-python/benchmarks/bench_frames.py`).
//!
//! ```sh
//! cargo run --release -p stratagraph --example parse_timing -- PLAN.txt [REPEAT]
//! ```
//!
//! Prints one line of JSON: the input size, the node count and the best and
//! median wall-clock seconds of `REPEAT` parses (default 5).

use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: parse_timing PLAN.txt [REPEAT]");
        return ExitCode::from(2);
    };
    let repeat: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5).max(1);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut times = Vec::with_capacity(repeat);
    let mut nodes = 0;
    for _ in 0..repeat {
        let start = Instant::now();
        let result = stratagraph::parse_delivery_plan(&text);
        times.push(start.elapsed().as_secs_f64());
        nodes = result.strategy.len();
        drop(result);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{{\"bytes\": {}, \"nodes\": {nodes}, \"repeat\": {repeat}, \"best\": {:.6}, \"median\": {:.6}}}",
        text.len(),
        times[0],
        times[times.len() / 2]
    );
    ExitCode::SUCCESS
}
