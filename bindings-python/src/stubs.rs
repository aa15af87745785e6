//! The stub's (`python/stratagraph/_stratagraph.pyi`) classes that mirror a
//! core struct, checked against it type for type: each field of the core
//! struct is a property of the class, annotated with the Python type of the
//! field's Rust type ([`Py`]). The fields are read by an exhaustive
//! destructuring ([`fields!`]), so a field added in core fails to compile
//! here until the stub says how Python sees it.
//!
//! The Rust types are read directly rather than through ts-rs (as the wasm
//! binding's TypeScript is): ts-rs writes `usize` and `f64` alike as
//! `number`, and Python tells `int` from `float`.

const STUB: &str = include_str!("../python/stratagraph/_stratagraph.pyi");

/// The Python annotation of a Rust type as the binding gives it to Python.
trait Py {
    fn py() -> String;
}

macro_rules! py {
    ($($ty:ty => $py:literal),* $(,)?) => {
        $(impl Py for $ty {
            fn py() -> String {
                $py.to_owned()
            }
        })*
    };
}

py! {
    usize => "int",
    u32 => "int",
    i64 => "int",
    f64 => "float",
    bool => "bool",
    String => "str",
    // The binding gives a date as a `datetime.date`.
    stratagraph::Date => "datetime.date",
    // A string enum, by the stub's alias of its names (checked below).
    stratagraph::Severity => "_Severity",
    // The core structs the binding wraps, by the classes that wrap them.
    stratagraph::Strategy => "Strategy",
    stratagraph::progress::ProgressReport => "ProgressReport",
    stratagraph::Diagnostic => "Diagnostic",
    stratagraph::parse::TextLine => "TextLine",
}

impl<T: Py> Py for Option<T> {
    fn py() -> String {
        format!("{} | None", T::py())
    }
}

impl<T: Py> Py for Vec<T> {
    fn py() -> String {
        format!("list[{}]", T::py())
    }
}

/// The Python type of the value `_`'s Rust type.
fn py_of<T: Py>(_: &T) -> String {
    T::py()
}

/// `(name, Python type)` of each field of `$value`, a `$ty` destructured
/// exhaustively (a field of `$ty` not named here does not compile); the
/// fields after `;` are left out (reached in Python through a method, or
/// flattened into properties of their own).
macro_rules! fields {
    ($value:expr => $ty:path { $($field:ident),* $(; $($other:ident),*)? }) => {{
        let $ty { $($field,)* $($($other: _,)*)? } = $value;
        vec![$((stringify!($field).to_owned(), py_of(&$field))),*]
    }};
}

/// The `@property` annotations of `class NAME` in the stub, in order.
fn properties(class: &str) -> Vec<(String, String)> {
    let Some(start) = STUB.find(&format!("\nclass {class}:")) else {
        return Vec::new();
    };
    let body = &STUB[start + 1..];
    let body = body
        .match_indices('\n')
        .find(|(i, _)| {
            let next = &body[i + 1..];
            !next.is_empty() && !next.starts_with(' ') && !next.starts_with('\n')
        })
        .map_or(body, |(i, _)| &body[..i]);
    let lines: Vec<&str> = body.lines().map(str::trim).collect();
    lines
        .windows(2)
        .filter(|pair| pair[0] == "@property")
        .filter_map(|pair| {
            let def = pair[1].strip_prefix("def ")?;
            let (name, rest) = def.split_once("(self) -> ")?;
            let ty = rest.strip_suffix(": ...")?;
            Some((name.to_owned(), ty.to_owned()))
        })
        .collect()
}

/// Each of `fields` is a property of `class` of the same Python type.
fn check(class: &str, fields: Vec<(String, String)>) {
    let declared = properties(class);
    assert!(!declared.is_empty(), "no properties of {class} in the stub");
    for (name, ty) in fields {
        let property = declared.iter().find(|(n, _)| *n == name);
        assert_eq!(
            property.map(|(_, t)| t.as_str()),
            Some(ty.as_str()),
            "{class}.{name}"
        );
    }
}

/// The string literals of `NAME: TypeAlias = Literal[...]` in the stub.
fn literal_alias(name: &str) -> Vec<String> {
    let Some(start) = STUB.find(&format!("\n{name}: TypeAlias = Literal[")) else {
        return Vec::new();
    };
    let body = &STUB[start..];
    let body = &body[body.find('[').map_or(0, |i| i + 1)..body.find(']').unwrap_or(0)];
    body.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn stub_classes_match_the_core_types() {
    use stratagraph::parse::TextLine;
    use stratagraph::progress::ProgressReport;
    use stratagraph::{Diagnostic, Severity, SourceSpan};
    let diagnostic = Diagnostic::new("code", Severity::Info, "message");
    check(
        "Diagnostic",
        fields!(diagnostic => Diagnostic { code, severity, ids, message, line, column }),
    );
    let span = SourceSpan {
        start: 0,
        end: 0,
        line: 1,
    };
    let line = TextLine {
        line: 1,
        span,
        text: String::new(),
    };
    // The span is flattened into `start` and `end` (its `line` is the line's).
    check("TextLine", fields!(line => TextLine { line, text; span }));
    check("TextLine", fields!(span => SourceSpan { start, end, line }));
    // `entries()` is a method: it builds the dicts on each call.
    check(
        "ProgressReport",
        fields!(ProgressReport::default() => ProgressReport { title, date; entries, counts }),
    );
    let parsed = stratagraph::ParseResult::new(stratagraph::Strategy::default());
    check(
        "ParseResult",
        fields!(parsed => stratagraph::ParseResult {
            strategy, report, diagnostics, unclassified, skipped
        }),
    );
    let severities: Vec<&str> = [Severity::Info, Severity::Warning, Severity::Error]
        .iter()
        .map(|s| s.as_str())
        .collect();
    assert_eq!(literal_alias("_Severity"), severities);
}
