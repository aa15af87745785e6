//! The one place where errors become JavaScript exceptions.
//!
//! Every exception thrown by the package is a real `Error` (so `instanceof
//! Error` holds and stack traces work) with a `code`:
//!
//! - a [`stratagraph::Error`] is an `Error` named `StratagraphError` with its
//!   [`stratagraph::Error::code`] (`json`, `version`, `dangling_edge`, ...) and,
//!   where it has a location, `line` and `column` (1-based);
//! - an argument of the wrong type is a `TypeError` with the code
//!   `invalid_argument`;
//! - a value that JavaScript cannot hold exactly (an integer attribute beyond
//!   2^53) is a `RangeError` with the code `conversion`.

use js_sys::{Error, RangeError, Reflect, TypeError};
use wasm_bindgen::{JsCast, JsValue};

/// The code of an argument of the wrong type or shape.
pub(crate) const INVALID_ARGUMENT: &str = "invalid_argument";
/// The code of a result JavaScript cannot represent.
pub(crate) const CONVERSION: &str = "conversion";

/// Turn a core error into the exception JavaScript sees.
pub(crate) fn core_error(err: &stratagraph::Error) -> JsValue {
    let js = Error::new(&err.to_string());
    js.set_name("StratagraphError");
    decorate(js, err.code(), err.location())
}

/// An argument JavaScript passed has the wrong type or shape.
pub(crate) fn invalid_argument(message: &str) -> JsValue {
    decorate(TypeError::new(message).into(), INVALID_ARGUMENT, None)
}

/// A JavaScript value could not be read as the Rust type expected
/// (`serde_wasm_bindgen::from_value` failed).
pub(crate) fn invalid_value(what: &str, err: serde_wasm_bindgen::Error) -> JsValue {
    invalid_argument(&format!("{what}: {}", message_of(err)))
}

/// A Rust value could not be turned into a JavaScript value
/// (`serde_wasm_bindgen` serialisation failed).
pub(crate) fn conversion(err: serde_wasm_bindgen::Error) -> JsValue {
    conversion_failed(&message_of(err))
}

/// A Rust value this build cannot turn into a JavaScript value.
pub(crate) fn conversion_failed(message: &str) -> JsValue {
    decorate(RangeError::new(message).into(), CONVERSION, None)
}

/// The message of a serde-wasm-bindgen error (which holds a JavaScript `Error`).
fn message_of(err: serde_wasm_bindgen::Error) -> String {
    let value = JsValue::from(err);
    match value.dyn_ref::<Error>() {
        Some(e) => String::from(e.message()),
        None => value.as_string().unwrap_or_default(),
    }
}

/// Set `code` and, where there is a location, `line` and `column`.
fn decorate(err: Error, code: &str, location: Option<(usize, usize)>) -> JsValue {
    // Setting a property on a fresh, extensible Error object cannot fail.
    let _ = Reflect::set(&err, &"code".into(), &code.into());
    if let Some((line, column)) = location {
        let _ = Reflect::set(&err, &"line".into(), &(line as f64).into());
        let _ = Reflect::set(&err, &"column".into(), &(column as f64).into());
    }
    err.into()
}
