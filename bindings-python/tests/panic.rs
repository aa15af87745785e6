//! A Rust panic inside a core call reaches Python as `InternalError` (a
//! `StratagraphError` with code `internal`), never as pyo3's `PanicException`.
//!
//! Run with libpython on the loader path (see bindings-python/README.md):
//! `LD_LIBRARY_PATH=$(python -c '...LIBDIR...') cargo test -p stratagraph-python`.

use pyo3::prelude::*;

#[test]
fn a_panic_in_a_core_call_becomes_internal_error() {
    Python::initialize();
    Python::attach(|py| {
        let err = _stratagraph::errors::detached(py, || -> Result<(), stratagraph::Error> {
            std::panic::panic_any("core went wrong")
        })
        .unwrap_err();
        let value = err.value(py);
        assert_eq!(
            value.get_type().name().unwrap().to_string(),
            "InternalError"
        );
        assert_eq!(
            value.getattr("code").unwrap().extract::<String>().unwrap(),
            "internal"
        );
        let base = py.get_type::<_stratagraph::errors::StratagraphError>();
        assert!(value.is_instance(&base).unwrap());
        assert!(value.to_string().contains("core went wrong"));
    });
}

#[test]
fn a_core_error_keeps_its_class_and_location() {
    Python::initialize();
    Python::attach(|py| {
        let err = _stratagraph::errors::detached(py, || stratagraph::Strategy::from_json("{"))
            .unwrap_err();
        let value = err.value(py);
        assert_eq!(value.get_type().name().unwrap().to_string(), "JsonError");
        assert_eq!(
            value.getattr("line").unwrap().extract::<usize>().unwrap(),
            1
        );
        assert!(value
            .is_instance(&py.get_type::<pyo3::exceptions::PyValueError>())
            .unwrap());
    });
}
