//! The `stratagraph` command-line tool.
//!
//! ```text
//! stratagraph parse    FILE [--kind plan|strategy|progress] [-o PATH]   canonical JSON to stdout
//! stratagraph validate FILE [--kind ...] [--json]                      diagnostics; exit 1 on errors
//! stratagraph report   FILE [--kind ...]                               the readable report
//! stratagraph export   --to FORMAT FILE [--table T] [--partners] [-o PATH]
//! stratagraph import   --from FORMAT FILE [-o PATH]                     canonical JSON
//! stratagraph quality  DIR [--json] [--kind K] [--min-recall R] [--min-precision P]
//! ```
//!
//! `--proposals P.json` (parse, validate, report, export) merges the nodes and
//! links another extractor proposed for FILE, behind the gate of
//! `stratagraph::proposals`.
//!
//! FILE is a delivery plan, a strategy or a progress report as text, or a
//! canonical JSON document; `-` reads standard input.

use std::io::{Read, Write};
use std::process::ExitCode;

use stratagraph::format::{self, csv::CsvTable, svg::SvgOptions, ExportOptions, Format};
use stratagraph::parse::{parse_file, DocumentKind};
use stratagraph::{diagnostics_to_json, quality, Diagnostic, Error, Severity};

const USAGE: &str = "\
stratagraph: public-sector strategies and delivery plans as a typed graph

Usage:
  stratagraph parse    FILE [--kind plan|strategy|progress] [-o PATH]
  stratagraph validate FILE [--kind plan|strategy|progress] [--json]
  stratagraph report   FILE [--kind plan|strategy|progress]
  stratagraph export   --to FORMAT FILE [--table actions|nodes|edges|all] [--partners] [-o PATH]
  stratagraph import   --from FORMAT FILE [-o PATH]
  stratagraph quality  DIR [--json] [--kind plan|strategy|progress] [--min-recall R] [--min-precision P]
  (parse, validate, report and export take --proposals P.json: nodes and links another
  extractor proposed, with byte spans into FILE; merged where their text is there)

FILE is a delivery plan, strategy or progress report as text, or canonical JSON
(a name ending .json is JSON, one ending .txt text; otherwise told by the first
character); `-` reads standard input.
  parse     prints the canonical JSON of the document
  validate  prints every diagnostic (parse and validation); exits 1 if any is an error
  report    prints the readable report: hierarchy, leads, partners, deadlines, outcomes,
            partner load, coverage, gaps, timeline, progress
  export    writes the strategy as FORMAT: json, csv (the actions table; --table for the
            others), xlsx, graphml, dot, mermaid, cytoscape, node-link, kumu, archimate,
            svg (--partners draws partners too), html
  import    reads FORMAT back (json, csv nodes and edges, xlsx, graphml, node-link) and
            prints canonical JSON
  quality   scores every page of a corpus (DIR/*.txt with DIR/*.facts.json, and DIR/holdout/)
            against its facts: recall and precision per fact and per family, warnings and
            lines not accounted for per page; exits 1 if a fact's recall or precision over
            the corpus is below --min-recall / --min-precision, or a line is not accounted for
            while either is given
";

struct Args {
    command: String,
    file: String,
    kind: Option<String>,
    output: Option<String>,
    json: bool,
    format: Option<String>,
    table: Option<String>,
    partners: bool,
    proposals: Option<String>,
    min_recall: Option<f64>,
    min_precision: Option<f64>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let command = args.next().ok_or("no command given")?;
    let mut a = Args {
        command,
        file: String::new(),
        kind: None,
        output: None,
        json: false,
        format: None,
        table: None,
        partners: false,
        proposals: None,
        min_recall: None,
        min_precision: None,
    };
    let mut file = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--kind" => a.kind = Some(args.next().ok_or("--kind needs a value")?),
            "-o" | "--output" => a.output = Some(args.next().ok_or("-o needs a path")?),
            "--json" => a.json = true,
            "--to" | "--from" => {
                a.format = Some(args.next().ok_or(format!("{arg} needs a format"))?)
            }
            "--table" => a.table = Some(args.next().ok_or("--table needs a value")?),
            "--partners" => a.partners = true,
            "--proposals" => a.proposals = Some(args.next().ok_or("--proposals needs a path")?),
            "--min-recall" | "--min-precision" => {
                let v = args.next().ok_or(format!("{arg} needs a number"))?;
                let v = v
                    .parse::<f64>()
                    .ok()
                    .filter(|x| (0.0..=1.0).contains(x))
                    .ok_or(format!("{arg} needs a number from 0 to 1, not {v:?}"))?;
                if arg == "--min-recall" {
                    a.min_recall = Some(v);
                } else {
                    a.min_precision = Some(v);
                }
            }
            "-" => file = Some(arg),
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            _ if file.is_some() => return Err(format!("unexpected argument {arg:?}")),
            _ => file = Some(arg),
        }
    }
    a.file = file.ok_or("no FILE given (use - for standard input)")?;
    Ok(a)
}

fn read_bytes(path: &str) -> Result<Vec<u8>, Error> {
    let io = |e: std::io::Error| Error::Io {
        path: path.to_owned(),
        message: e.to_string(),
    };
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(io)?;
        buf
    } else {
        std::fs::read(path).map_err(io)?
    };
    Ok(bytes)
}

fn read_input(path: &str) -> Result<String, Error> {
    stratagraph::parse::encoding::decode(&read_bytes(path)?).map(std::borrow::Cow::into_owned)
}

fn write_output(path: Option<&str>, text: &str) -> Result<(), Error> {
    write_bytes(path, text.as_bytes())
}

fn write_bytes(path: Option<&str>, bytes: &[u8]) -> Result<(), Error> {
    match path {
        None | Some("-") => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)
                .and_then(|()| out.flush())
                .map_err(|e| Error::Io {
                    path: "-".to_owned(),
                    message: e.to_string(),
                })
        }
        Some(p) => std::fs::write(p, bytes).map_err(|e| Error::Io {
            path: p.to_owned(),
            message: e.to_string(),
        }),
    }
}

fn print_diagnostics(file: &str, all: &[Diagnostic], json: bool) -> Result<ExitCode, Error> {
    if json {
        write_output(None, &diagnostics_to_json(all))?;
    } else {
        let mut out = String::new();
        for d in all {
            out.push_str(&format!("{file}: {d}\n"));
        }
        let errors = all.iter().filter(|d| d.severity == Severity::Error).count();
        out.push_str(&format!(
            "{file}: {} diagnostics, {errors} errors\n",
            all.len()
        ));
        write_output(None, &out)?;
    }
    let failed = all.iter().any(|d| d.severity == Severity::Error);
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn warn(file: &str, diagnostics: &[Diagnostic]) {
    for d in diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
    {
        eprintln!("{file}: {d}");
    }
}

fn format_of(args: &Args) -> Result<Format, Error> {
    let name = args.format.as_deref().ok_or_else(|| Error::UnknownKind {
        what: "format (--to/--from is required)",
        value: String::new(),
    })?;
    name.parse()
}

/// `import --from FORMAT FILE`: read a format back and print canonical JSON.
fn run_import(args: &Args) -> Result<ExitCode, Error> {
    let format = format_of(args)?;
    let bytes = read_bytes(&args.file)?;
    let strategy = stratagraph::format::import(&bytes, format)?;
    write_output(args.output.as_deref(), &strategy.to_json())?;
    Ok(ExitCode::SUCCESS)
}

/// `quality DIR`: score every page of a corpus against its facts.
fn run_quality(args: &Args) -> Result<ExitCode, Error> {
    let kind = args
        .kind
        .as_deref()
        .map(str::parse::<DocumentKind>)
        .transpose()?;
    let options = quality::ScoreOptions { kind };
    let report = quality::score_corpus(std::path::Path::new(&args.file), &options)?;
    if args.json {
        write_output(args.output.as_deref(), &report.to_json())?;
    } else {
        write_output(args.output.as_deref(), &report.to_table())?;
    }
    let failed = report.shortfalls(args.min_recall, args.min_precision);
    if failed.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "stratagraph: {}: below the bar: {}",
            args.file,
            failed.join(", ")
        );
        Ok(ExitCode::FAILURE)
    }
}

fn run(args: Args) -> Result<ExitCode, Error> {
    if args.command == "import" {
        return run_import(&args);
    }
    if args.command == "quality" {
        return run_quality(&args);
    }
    let text = read_input(&args.file)?;
    let kind = args
        .kind
        .as_deref()
        .map(str::parse::<DocumentKind>)
        .transpose()?;
    let command = args.command.as_str();
    if !matches!(command, "parse" | "validate" | "report" | "export") {
        eprintln!("stratagraph: unknown command {command:?}\n\n{USAGE}");
        return Ok(ExitCode::from(2));
    }
    // The name and the content together: a file named .json is read as JSON
    // whatever it holds, one named .txt as text (JSON in it says so).
    let asked = kind;
    let kind = kind.unwrap_or_else(|| DocumentKind::of_file(&args.file, &text));
    if command == "validate" && kind == DocumentKind::Json {
        // Leniently: a document with duplicate ids or dangling edges is still
        // validated, and those are reported with everything else.
        return print_diagnostics(&args.file, &stratagraph::validate_json(&text)?, args.json);
    }
    let mut parsed = parse_file(&args.file, &text, asked)?;
    if kind == DocumentKind::Progress && args.proposals.is_some() {
        return Err(Error::Parse {
            what: "proposals",
            line: 1,
            column: 1,
            message: "proposals are merged into plans and strategies, not progress reports"
                .to_owned(),
        });
    }
    // A progress page that is no board paper has a graph too: `export` writes
    // it and `report` adds its readable report; `parse` prints the progress
    // JSON (the graph is `stratagraph parse --kind plan`'s).
    if kind == DocumentKind::Progress && (parsed.strategy.is_empty() || command == "parse") {
        return match command {
            "parse" | "export" => {
                write_output(args.output.as_deref(), &parsed.report.to_json())?;
                warn(&args.file, &parsed.diagnostics);
                Ok(ExitCode::SUCCESS)
            }
            "validate" => print_diagnostics(&args.file, &parsed.diagnostics, args.json),
            _ => {
                let text = stratagraph::progress::report::progress_text_report(
                    &parsed.report,
                    &parsed.diagnostics,
                );
                write_output(args.output.as_deref(), &text)?;
                Ok(ExitCode::SUCCESS)
            }
        };
    }
    if let Some(path) = &args.proposals {
        let proposals = stratagraph::proposals::Proposals::from_json(&read_input(path)?)?;
        let merged = stratagraph::proposals::merge_proposals(&text, &parsed.strategy, &proposals);
        parsed.strategy = merged.strategy;
        parsed.diagnostics.extend(merged.diagnostics);
    }
    let mut all = parsed.diagnostics.clone();
    all.extend(parsed.strategy.validate());
    if kind == DocumentKind::Progress && command == "report" {
        let mut text = stratagraph::progress::report::progress_text_report(
            &parsed.report,
            &parsed.diagnostics,
        );
        text.push('\n');
        text.push_str(&format::report::text_report(&parsed.strategy, &[]));
        write_output(args.output.as_deref(), &text)?;
        return Ok(ExitCode::SUCCESS);
    }
    match command {
        "parse" => {
            write_output(args.output.as_deref(), &parsed.strategy.to_json())?;
            warn(&args.file, &parsed.diagnostics);
            Ok(ExitCode::SUCCESS)
        }
        "validate" => print_diagnostics(&args.file, &all, args.json),
        "export" => {
            let format = format_of(&args)?;
            let mut options = ExportOptions::default();
            if let Some(t) = &args.table {
                options = options.with_table(t.parse::<CsvTable>()?);
            }
            if args.partners {
                let mut svg = SvgOptions::default();
                svg.partners = true;
                options = options.with_svg(svg);
            }
            let bytes = format::export(&parsed.strategy, format, &options)?;
            write_bytes(args.output.as_deref(), &bytes)?;
            warn(&args.file, &parsed.diagnostics);
            Ok(ExitCode::SUCCESS)
        }
        _ => {
            write_output(
                args.output.as_deref(),
                &format::report::text_report(&parsed.strategy, &all),
            )?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn main() -> ExitCode {
    let mut argv = std::env::args().skip(1).peekable();
    match argv.peek().map(String::as_str) {
        None | Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some("-V" | "--version") => {
            println!("stratagraph {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        _ => {}
    }
    let args = match parse_args(argv) {
        Ok(a) => a,
        Err(msg) => {
            eprintln!("stratagraph: {msg}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let file = args.file.clone();
    match run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("stratagraph: {file}: {e}");
            ExitCode::from(2)
        }
    }
}
