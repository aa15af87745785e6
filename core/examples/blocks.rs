//! Print the blocks a page is read as (the document layer beneath the recognisers):
//! `cargo run -p stratagraph --example blocks -- PAGE.txt`. A tool for writing and
//! checking recognisers: one line per block, its kind, label, number and text.
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: blocks PAGE.txt");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    for b in stratagraph::parse::blocks::blocks(&text) {
        let text: String = b.text.chars().take(110).collect();
        println!(
            "{:>4} {:<16} {:<12} {:<6} {}{}",
            b.span.line,
            format!("{:?}", b.kind),
            b.label.unwrap_or(""),
            b.number.unwrap_or(""),
            text,
            if b.cells.is_empty() {
                String::new()
            } else {
                format!("  cells={:?}", b.cells)
            }
        );
    }
}
