//! The one place where `stratagraph::Error` becomes a Python exception.
//!
//! `StratagraphError(Exception)` is the base; each `Error::code()` has its own
//! subclass, which also derives from the built-in exception users would catch
//! (`ValueError`, `KeyError`, `OSError`). Every instance carries `.code`, and
//! `.line` / `.column` (None where the error has no location) plus the error's
//! structured fields (`.id`, `.found`, `.missing`, ...).
//!
//! `create_exception!` takes a single base, so the subclasses, which need two,
//! are made once with `type(name, (StratagraphError, base), namespace)`.

use std::any::Any;
use std::panic::AssertUnwindSafe;

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyKeyError, PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple, PyType};
use stratagraph::Error;

create_exception!(
    stratagraph,
    StratagraphError,
    PyException,
    "Base class of every error stratagraph raises.\n\n\
     ``.code`` is the stable snake_case code of the kind of error (``json``, ``version``,\n\
     ``dangling_edge``, ...); ``.line`` and ``.column`` (1-based) say where, when the\n\
     error has a location, and are None otherwise."
);

/// The built-in exception a subclass derives from besides `StratagraphError`.
#[derive(Clone, Copy)]
enum Builtin {
    Value,
    Key,
    OS,
    None,
}

/// One exception subclass: the core error code it stands for.
struct Spec {
    code: &'static str,
    name: &'static str,
    builtin: Builtin,
    doc: &'static str,
}

const SPECS: &[Spec] = &[
    Spec {
        code: "json",
        name: "JsonError",
        builtin: Builtin::Value,
        doc: "The text is not well-formed JSON or not shaped like a stratagraph document; \
              ``.line`` and ``.column`` say where.",
    },
    Spec {
        code: "format",
        name: "FormatError",
        builtin: Builtin::Value,
        doc: "The document is not of the kind expected (``.found`` is its \"format\" value, ``.expected`` the one wanted).",
    },
    Spec {
        code: "version",
        name: "VersionError",
        builtin: Builtin::Value,
        doc: "The document's version is one this build does not read \
              (``.found``, ``.supported``).",
    },
    Spec {
        code: "duplicate_id",
        name: "DuplicateIdError",
        builtin: Builtin::Value,
        doc: "Two nodes share an id (``.id``).",
    },
    Spec {
        code: "dangling_edge",
        name: "DanglingEdgeError",
        builtin: Builtin::Value,
        doc: "An edge refers to a node that does not exist \
              (``.source``, ``.target``, ``.kind``, ``.missing``).",
    },
    Spec {
        code: "unknown_node",
        name: "UnknownNodeError",
        builtin: Builtin::Key,
        doc: "No node has this id (``.id``).",
    },
    Spec {
        code: "unknown_kind",
        name: "UnknownKindError",
        builtin: Builtin::Value,
        doc: "A node or edge kind name that is not one of the known kinds \
              (``.what``, ``.value``).",
    },
    Spec {
        code: "invalid_date",
        name: "InvalidDateError",
        builtin: Builtin::Value,
        doc: "A date that is not a real day written YYYY-MM-DD (``.value``).",
    },
    Spec {
        code: "parse",
        name: "ParseError",
        builtin: Builtin::Value,
        doc: "A document could not be parsed at all; ``.line`` and ``.column`` say where \
              (``.what`` names the kind of document).",
    },
    Spec {
        code: "unsupported",
        name: "UnsupportedError",
        builtin: Builtin::Value,
        doc: "A format cannot do what was asked: import an SVG, export a format this build \
              lacks (``.format``).",
    },
    Spec {
        code: "io",
        name: "StratagraphIOError",
        builtin: Builtin::OS,
        doc: "A file or stream could not be read or written (``.path``).",
    },
    Spec {
        code: "too_large",
        name: "TooLargeError",
        builtin: Builtin::Value,
        doc: "An input is larger than a documented limit (a sheet's extent, a count of \
              strings, a decompressed size, a nesting depth); nothing was allocated for it \
              (``.what``, ``.limit``, ``.found``).",
    },
    Spec {
        code: "encoding",
        name: "EncodingError",
        builtin: Builtin::Value,
        doc: "The bytes are not text in an encoding stratagraph reads (invalid UTF-8, \
              UTF-16 with a broken character); ``.line`` and ``.column`` say where.",
    },
    Spec {
        code: "binary",
        name: "BinaryFileError",
        builtin: Builtin::Value,
        doc: "The bytes are a binary file (a NUL byte at ``.offset``), not a document's text.",
    },
    Spec {
        code: "internal",
        name: "InternalError",
        builtin: Builtin::None,
        doc: "A bug in stratagraph (it panicked); please report it with the input that caused it.",
    },
];

/// The subclasses, in the order of `SPECS`, made on first use.
static CLASSES: PyOnceLock<Vec<Py<PyType>>> = PyOnceLock::new();

fn classes(py: Python<'_>) -> PyResult<&'static [Py<PyType>]> {
    CLASSES
        .get_or_try_init(py, || {
            SPECS.iter().map(|spec| make_class(py, spec)).collect()
        })
        .map(Vec::as_slice)
}

fn make_class(py: Python<'_>, spec: &Spec) -> PyResult<Py<PyType>> {
    let base = py.get_type::<StratagraphError>();
    let bases = match spec.builtin {
        Builtin::Value => PyTuple::new(py, [base, py.get_type::<PyValueError>()])?,
        Builtin::Key => PyTuple::new(py, [base, py.get_type::<PyKeyError>()])?,
        Builtin::OS => PyTuple::new(py, [base, py.get_type::<PyOSError>()])?,
        Builtin::None => PyTuple::new(py, [base])?,
    };
    let namespace = PyDict::new(py);
    namespace.set_item("__module__", "stratagraph")?;
    namespace.set_item("__qualname__", spec.name)?;
    namespace.set_item("__doc__", spec.doc)?;
    namespace.set_item("code", spec.code)?;
    if let Builtin::Key = spec.builtin {
        // KeyError's str() is the repr of its argument; keep the plain message.
        namespace.set_item("__str__", py.get_type::<PyException>().getattr("__str__")?)?;
    }
    let class = py
        .get_type::<PyType>()
        .call1((spec.name, bases, namespace))?
        .cast_into::<PyType>()?;
    Ok(class.unbind())
}

/// Add the exception classes to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("StratagraphError", py.get_type::<StratagraphError>())?;
    for (spec, class) in SPECS.iter().zip(classes(py)?) {
        m.add(spec.name, class.bind(py))?;
    }
    Ok(())
}

fn class_for<'py>(py: Python<'py>, code: &str) -> PyResult<Bound<'py, PyType>> {
    let found = SPECS
        .iter()
        .zip(classes(py)?)
        .find(|(spec, _)| spec.code == code)
        .map(|(_, class)| class.bind(py).clone());
    Ok(found.unwrap_or_else(|| py.get_type::<StratagraphError>()))
}

/// The Python exception for a core error.
pub fn to_py_err(py: Python<'_>, err: &Error) -> PyErr {
    build(py, err).unwrap_or_else(|e| e)
}

fn build(py: Python<'_>, err: &Error) -> PyResult<PyErr> {
    let exc = class_for(py, err.code())?.call1((err.to_string(),))?;
    exc.setattr("code", err.code())?;
    let (line, column) = err.location().unzip();
    exc.setattr("line", line)?;
    exc.setattr("column", column)?;
    match err {
        Error::Format { found, expected } => {
            exc.setattr("found", found)?;
            exc.setattr("expected", *expected)?;
        }
        Error::Version { found, supported } => {
            exc.setattr("found", found)?;
            exc.setattr("supported", supported)?;
        }
        Error::DuplicateId { id } | Error::UnknownNode { id } => exc.setattr("id", id)?,
        Error::DanglingEdge {
            from,
            to,
            kind,
            missing,
        } => {
            exc.setattr("source", from)?;
            exc.setattr("target", to)?;
            exc.setattr("kind", kind)?;
            exc.setattr("missing", missing)?;
        }
        Error::UnknownKind { what, value } => {
            exc.setattr("what", what)?;
            exc.setattr("value", value)?;
        }
        Error::InvalidDate { value } => exc.setattr("value", value)?,
        Error::Parse { what, .. } => exc.setattr("what", what)?,
        Error::Io { path, .. } => exc.setattr("path", path)?,
        Error::Unsupported { format, .. } => exc.setattr("format", format)?,
        Error::TooLarge { what, limit, found } => {
            exc.setattr("what", what)?;
            exc.setattr("limit", limit)?;
            exc.setattr("found", found)?;
        }
        Error::Binary { offset } => exc.setattr("offset", offset)?,
        _ => {}
    }
    Ok(PyErr::from_value(exc))
}

/// `InternalError` for a Rust panic caught before it reached Python.
fn panic_error(py: Python<'_>, payload: &(dyn Any + Send)) -> PyErr {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned());
    internal_error(py, &what)
}

/// `InternalError`: something that cannot happen did (a bug, to be reported).
pub fn internal_error(py: Python<'_>, what: &str) -> PyErr {
    let message = format!("internal error in stratagraph (please report it): {what}");
    let made = class_for(py, "internal").and_then(|class| {
        let exc = class.call1((message.clone(),))?;
        exc.setattr("code", "internal")?;
        exc.setattr("line", py.None())?;
        exc.setattr("column", py.None())?;
        Ok(PyErr::from_value(exc))
    });
    made.unwrap_or_else(|_| StratagraphError::new_err(message))
}

/// Run a core call with the GIL released; a core error becomes its exception
/// and a panic becomes `InternalError`, never a `PanicException`.
pub fn detached<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    F: FnOnce() -> Result<T, Error> + Send,
    T: Send,
{
    match py.detach(move || std::panic::catch_unwind(AssertUnwindSafe(f))) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(err)) => Err(to_py_err(py, &err)),
        Err(payload) => Err(panic_error(py, payload.as_ref())),
    }
}

/// Run `background`, a core call that touches no Python object, on a second
/// thread while `foreground` runs on this one, holding the GIL (to turn one
/// part of a result into Python objects while core computes the other). A
/// panic in either becomes `InternalError`. With one CPU to run on (or when
/// no thread can be started) `background` runs here instead, first, with the
/// GIL released.
pub fn beside<A, B, F, G>(py: Python<'_>, background: F, foreground: G) -> PyResult<(A, B)>
where
    F: FnOnce() -> A + Send,
    A: Send,
    G: FnOnce() -> PyResult<B>,
{
    if std::thread::available_parallelism().map_or(1, usize::from) < 2 {
        let a = detached_ok(py, background)?;
        let b = std::panic::catch_unwind(AssertUnwindSafe(foreground))
            .map_err(|payload| panic_error(py, payload.as_ref()))??;
        return Ok((a, b));
    }
    let background = std::sync::Mutex::new(Some(background));
    let run = || {
        let f = background.lock().ok().and_then(|mut f| f.take());
        f.map(|f| std::panic::catch_unwind(AssertUnwindSafe(f)))
    };
    std::thread::scope(|scope| {
        let handle = std::thread::Builder::new()
            .name("stratagraph".into())
            .spawn_scoped(scope, run)
            .ok();
        let b = std::panic::catch_unwind(AssertUnwindSafe(foreground));
        let a = match handle.map(|h| h.join()) {
            Some(Ok(Some(a))) => a,
            // The thread could not start: `background` is still here.
            _ => run().unwrap_or_else(|| Err(Box::new("the background call was lost"))),
        };
        let b = b.map_err(|payload| panic_error(py, payload.as_ref()))??;
        let a = a.map_err(|payload| panic_error(py, payload.as_ref()))?;
        Ok((a, b))
    })
}

/// [`detached`] for a core call that cannot fail.
pub fn detached_ok<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    F: FnOnce() -> T + Send,
    T: Send,
{
    detached(py, move || Ok(f()))
}

#[cfg(test)]
mod tests {
    use super::SPECS;

    #[test]
    fn every_core_error_code_has_its_own_class() {
        // Error::CODES does not list `unsupported` (yet): check it too.
        for code in stratagraph::Error::CODES.iter().chain(&["unsupported"]) {
            assert!(
                SPECS.iter().any(|spec| spec.code == *code),
                "no exception class for error code {code:?}"
            );
        }
    }

    #[test]
    fn classes_and_codes_are_unique() {
        for (i, a) in SPECS.iter().enumerate() {
            for b in &SPECS[i + 1..] {
                assert!(a.code != b.code && a.name != b.name);
            }
        }
    }
}
