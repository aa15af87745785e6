//! A table's rows split into Python lists, one per column, in one pass: each
//! row struct is serialized field by field (core's serde output, the same
//! values `pythonize` gives) straight into its column, without a dict per row.
//!
//! For pandas, date and category columns can come out ready for numpy and
//! `pandas.Categorical.from_codes`: dates as days since 1970-01-01 (missing:
//! `i64::MIN`, numpy's `NaT`), categories as codes (missing: -1) beside the
//! sorted category names, both as `int64` bytes for `numpy.frombuffer`.
//!
//! Core's actions table also comes column by column ([`action_columns_to_py`]),
//! in two parts made side by side:
//! its cells borrowed from the strategy and those many actions share stored
//! once, so that a shared cell becomes one Python string.

use std::collections::BTreeMap;

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString, PyTuple};
use serde::ser::{self, Impossible, Serialize};
use stratagraph::analysis::ColumnType;
use stratagraph::query::{ActionContextColumns, ActionOwnColumns, Coded};
use stratagraph::Date;

use pythonize::{PythonizeError as Error, Pythonizer};

/// How one column's cells are gathered.
enum Column<'py> {
    /// Python values, as `pythonize` makes them.
    Values(Vec<Bound<'py, PyAny>>),
    /// Days since 1970-01-01; `i64::MIN` when missing.
    Days(Vec<i64>),
    /// Codes into the distinct texts (in first-seen order); -1 when missing.
    Codes(Vec<i64>, BTreeMap<String, i64>),
}

/// The columns of a table being gathered.
pub struct Columns<'py> {
    py: Python<'py>,
    names: &'static [&'static str],
    columns: Vec<Column<'py>>,
}

impl<'py> Columns<'py> {
    /// Plain columns (`to_pydict`), or with `pandas`, date columns as days and
    /// category columns as codes.
    pub fn new(
        py: Python<'py>,
        names: &'static [&'static str],
        types: &[ColumnType],
        rows: usize,
        pandas: bool,
    ) -> Self {
        let columns = names
            .iter()
            .enumerate()
            .map(|(i, _)| match types.get(i) {
                Some(ColumnType::Date) if pandas => Column::Days(Vec::with_capacity(rows)),
                Some(ColumnType::Category) if pandas => {
                    Column::Codes(Vec::with_capacity(rows), BTreeMap::new())
                }
                _ => Column::Values(Vec::with_capacity(rows)),
            })
            .collect();
        Columns { py, names, columns }
    }

    /// Add one row (a serde struct whose fields are the columns).
    pub fn push<R: Serialize>(&mut self, row: &R) -> PyResult<()> {
        row.serialize(RowSer {
            cols: self,
            next: 0,
        })
        .map_err(PyErr::from)
    }

    /// The columns as a list of Python objects in column order: a list of
    /// values, days as bytes (see [`days_to_py`]), or a tuple `(codes,
    /// categories)` with the categories sorted and the codes (bytes, as days
    /// are) renumbered to match.
    pub fn finish(self) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let py = self.py;
        self.columns
            .into_iter()
            .map(|c| match c {
                Column::Values(v) => Ok(PyList::new(py, v)?.into_any()),
                Column::Days(v) => Ok(days_to_py(py, v.into_iter())),
                Column::Codes(codes, seen) => {
                    // BTreeMap iterates in sorted order: renumber first-seen codes.
                    let mut renumber = vec![0i64; seen.len()];
                    for (sorted, (_, &first)) in seen.iter().enumerate() {
                        if let Some(slot) = renumber.get_mut(first as usize) {
                            *slot = sorted as i64;
                        }
                    }
                    let codes = codes
                        .into_iter()
                        .map(|c| if c < 0 { c } else { renumber[c as usize] });
                    let names: Vec<&str> = seen.keys().map(String::as_str).collect();
                    Ok(PyTuple::new(
                        py,
                        [days_to_py(py, codes), PyList::new(py, names)?.into_any()],
                    )?
                    .into_any())
                }
            })
            .collect()
    }

    /// Store `value` in column `i`.
    fn cell<T: Serialize + ?Sized>(&mut self, i: usize, value: &T) -> Result<(), Error> {
        let py = self.py;
        let Some(col) = self.columns.get_mut(i) else {
            return Ok(());
        };
        match col {
            Column::Values(v) => v.push(value.serialize(Pythonizer::new(py))?),
            Column::Days(v) => {
                let day = match text_of(value)? {
                    Some(text) => text
                        .parse::<Date>()
                        .map_or(i64::MIN, Date::days_since_epoch),
                    None => i64::MIN,
                };
                v.push(day);
            }
            Column::Codes(v, seen) => {
                let code = match text_of(value)? {
                    Some(text) => match seen.get(&text) {
                        Some(&c) => c,
                        None => {
                            let c = seen.len() as i64;
                            seen.insert(text, c);
                            c
                        }
                    },
                    None => -1,
                };
                v.push(code);
            }
        }
        Ok(())
    }

    /// Store a missing cell in column `i`.
    fn missing(&mut self, i: usize) {
        let py = self.py;
        match self.columns.get_mut(i) {
            Some(Column::Values(v)) => v.push(py.None().into_bound(py)),
            Some(Column::Days(v)) => v.push(i64::MIN),
            Some(Column::Codes(v, _)) => v.push(-1),
            None => {}
        }
    }
}

/// A cell's text (a date, a category), or `None` when it is missing or not text.
fn text_of<T: Serialize + ?Sized>(value: &T) -> Result<Option<String>, Error> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => Ok(Some(s)),
        Ok(_) => Ok(None),
        Err(e) => Err(ser::Error::custom(e)),
    }
}

/// Serializes one row struct into the columns; a field core leaves out (skipped
/// when empty) is a missing cell.
struct RowSer<'a, 'py> {
    cols: &'a mut Columns<'py>,
    next: usize,
}

fn not_a_row<T>() -> Result<T, Error> {
    Err(ser::Error::custom("a table row must be a struct"))
}

macro_rules! not_a_row {
    ($($name:ident($($arg:ty),*)),* $(,)?) => {
        $(fn $name(self, $(_: $arg),*) -> Result<(), Error> { not_a_row() })*
    };
}

impl<'a, 'py> ser::Serializer for RowSer<'a, 'py> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), Error>;

    not_a_row! {
        serialize_bool(bool), serialize_i8(i8), serialize_i16(i16), serialize_i32(i32),
        serialize_i64(i64), serialize_u8(u8), serialize_u16(u16), serialize_u32(u32),
        serialize_u64(u64), serialize_f32(f32), serialize_f64(f64), serialize_char(char),
        serialize_str(&str), serialize_bytes(&[u8]), serialize_none(), serialize_unit(),
        serialize_unit_struct(&'static str),
        serialize_unit_variant(&'static str, u32, &'static str),
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Error> {
        not_a_row()
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        not_a_row()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        not_a_row()
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        not_a_row()
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        not_a_row()
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        not_a_row()
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        not_a_row()
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Error> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        not_a_row()
    }
}

impl ser::SerializeStruct for RowSer<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        // Fields come in column order; any skipped before this one are missing.
        let Some(offset) = self.cols.names[self.next..].iter().position(|c| *c == key) else {
            return Ok(());
        };
        for i in self.next..self.next + offset {
            self.cols.missing(i);
        }
        let i = self.next + offset;
        self.cols.cell(i, value)?;
        self.next = i + 1;
        Ok(())
    }

    fn skip_field(&mut self, _key: &'static str) -> Result<(), Error> {
        Ok(())
    }

    fn end(self) -> Result<(), Error> {
        for i in self.next..self.cols.names.len() {
            self.cols.missing(i);
        }
        Ok(())
    }
}

/// Days since 1970-01-01 as native-endian `int64` bytes for
/// `numpy.frombuffer` (`i64::MIN`, numpy's `NaT`, when missing).
fn days_to_py<'py>(py: Python<'py>, days: impl Iterator<Item = i64>) -> Bound<'py, PyAny> {
    let bytes: Vec<u8> = days.flat_map(i64::to_ne_bytes).collect();
    PyBytes::new(py, &bytes).into_any()
}

/// Dates as [`days_to_py`] bytes.
fn dates_to_py<'py>(py: Python<'py>, dates: &[Option<Date>]) -> Bound<'py, PyAny> {
    days_to_py(
        py,
        dates
            .iter()
            .map(|d| d.map_or(i64::MIN, Date::days_since_epoch)),
    )
}

/// Text cells as a list of `str`.
fn texts_to_py<'py>(py: Python<'py>, texts: &[&str]) -> PyResult<Bound<'py, PyAny>> {
    Ok(PyList::new(py, texts)?.into_any())
}

/// A coded text column as a list of `str` (`None` when missing), one Python
/// string per distinct cell, shared by the rows that hold it.
fn coded_to_py<'py, T: AsRef<str>>(
    py: Python<'py>,
    column: &Coded<T>,
) -> PyResult<Bound<'py, PyAny>> {
    let values: Vec<Bound<'py, PyString>> = column
        .values
        .iter()
        .map(|v| PyString::new(py, v.as_ref()))
        .collect();
    let none = py.None().into_bound(py);
    let cells = column.codes.iter().map(|c| {
        c.and_then(|c| values.get(c as usize))
            .map_or_else(|| none.clone(), |v| v.clone().into_any())
    });
    Ok(PyList::new(py, cells)?.into_any())
}

/// A coded category column as `(codes, categories)`: the categories sorted,
/// the codes (native-endian `int64` bytes, -1 when missing) numbering them.
fn category_to_py<'py, T: AsRef<str>>(
    py: Python<'py>,
    column: &Coded<T>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut order: Vec<usize> = (0..column.values.len()).collect();
    order.sort_unstable_by(|&a, &b| column.values[a].as_ref().cmp(column.values[b].as_ref()));
    let mut renumber = vec![0i64; order.len()];
    for (sorted, &code) in order.iter().enumerate() {
        renumber[code] = sorted as i64;
    }
    let codes = column.codes.iter().map(|c| {
        c.and_then(|c| renumber.get(c as usize).copied())
            .unwrap_or(-1)
    });
    let codes = days_to_py(py, codes);
    let names = order.iter().map(|&i| column.values[i].as_ref());
    Ok(PyTuple::new(py, [codes, PyList::new(py, names)?.into_any()])?.into_any())
}

/// Core's actions table column by column (the two parts of
/// [`ActionColumns`](stratagraph::query::ActionColumns)), in the order of
/// [`ActionRow`](stratagraph::query::ActionRow)'s columns, as `to_pandas()`
/// reads them: text as lists of `str`, dates as day bytes, the status as
/// `(codes, categories)`. `own` is what [`own_columns_to_py`] made of the
/// first part.
pub fn action_columns_to_py<'py>(
    py: Python<'py>,
    own: OwnColumns<'py>,
    c: &ActionContextColumns<'_>,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let [id, number, text, deadline_start, deadline_end, deadline_phrase] = own.0;
    Ok(vec![
        id,
        number,
        text,
        coded_to_py(py, &c.priority)?,
        coded_to_py(py, &c.strategic_action)?,
        coded_to_py(py, &c.leads)?,
        coded_to_py(py, &c.key_partners)?,
        deadline_start,
        deadline_end,
        deadline_phrase,
        coded_to_py(py, &c.outcomes)?,
        category_to_py(py, &c.status)?,
        dates_to_py(py, &c.status_date),
    ])
}

/// The columns read from each action's own node, as Python objects: `id`,
/// `number`, `text`, `deadline_start`, `deadline_end`, `deadline_phrase`.
pub struct OwnColumns<'py>([Bound<'py, PyAny>; 6]);

/// The first part of the actions table (see [`action_columns_to_py`]).
pub fn own_columns_to_py<'py>(
    py: Python<'py>,
    c: &ActionOwnColumns<'_>,
) -> PyResult<OwnColumns<'py>> {
    Ok(OwnColumns([
        texts_to_py(py, &c.id)?,
        texts_to_py(py, &c.number)?,
        texts_to_py(py, &c.text)?,
        dates_to_py(py, &c.deadline_start),
        dates_to_py(py, &c.deadline_end),
        PyList::new(py, &c.deadline_phrase)?.into_any(),
    ]))
}
