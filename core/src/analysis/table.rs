//! Table-shaped results: every answer of [`crate::query`] and [`crate::analysis`]
//! is a struct with `rows: Vec<Row>`, where a row holds plain values (text,
//! numbers, booleans, dates written `YYYY-MM-DD`) under snake_case names.
//!
//! The [`Table`] trait gives every such result the same helpers, so a binding
//! exposes each with one call and a user gets a DataFrame or a web table from it:
//!
//! - [`Table::columns`]: the column names, in order (known even for an empty table);
//! - [`Table::to_json`]: the whole result (its `rows` and any summary fields) as
//!   deterministic, two-space indented JSON;
//! - [`Table::rows_json`]: the rows as a JSON array of objects (`pandas.DataFrame(json.loads(...))`,
//!   a JavaScript table);
//! - [`Table::columns_json`]: the rows column by column (`{"col": [...], ...}`),
//!   the layout DataFrame constructors read fastest;
//! - [`Table::column_types`]: what each column holds ([`ColumnType`]: text,
//!   category, integer, float, boolean, date), so a binding sets a DataFrame's
//!   dtypes without guessing from the values.

use serde::Serialize;

/// What a column of a table holds (see [`Table::column_types`]).
///
/// ```
/// use stratagraph::analysis::{ColumnType, Table};
/// use stratagraph::{query, Strategy};
///
/// let s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let actions = query::actions_table(&s);
/// let types: Vec<&str> = actions.column_types().iter().map(|t| t.as_str()).collect();
/// assert_eq!(types[..3], ["text", "text", "text"]);
/// assert_eq!(actions.column_types()[7], ColumnType::Date); // deadline_start
/// # Ok::<(), stratagraph::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ColumnType {
    /// Free text (ids, numbers such as "10.1", names, statements).
    Text,
    /// Text from a small vocabulary (a status, a role, a kind).
    Category,
    /// Whole numbers.
    Integer,
    /// Real numbers (shares, scores); `null` when undefined.
    Float,
    /// `true` or `false`.
    Boolean,
    /// A day, written `YYYY-MM-DD`.
    Date,
}

impl ColumnType {
    /// `text`, `category`, `integer`, `float`, `boolean` or `date`.
    pub fn as_str(self) -> &'static str {
        match self {
            ColumnType::Text => "text",
            ColumnType::Category => "category",
            ColumnType::Integer => "integer",
            ColumnType::Float => "float",
            ColumnType::Boolean => "boolean",
            ColumnType::Date => "date",
        }
    }
}

/// The [`ColumnType`] of a row field's Rust type (an `Option` of a type has the
/// type's column type: `None` is a missing cell).
pub trait ColumnValue {
    /// The column type.
    const TYPE: ColumnType;
}

macro_rules! column_values {
    ($($ty:ty => $ct:ident),* $(,)?) => {
        $(
            impl ColumnValue for $ty {
                const TYPE: ColumnType = ColumnType::$ct;
            }
        )*
    };
}

column_values! {
    String => Text, &str => Text, u32 => Integer, u64 => Integer, usize => Integer,
    i32 => Integer, i64 => Integer, f64 => Float, bool => Boolean,
    crate::model::Date => Date,
}

impl<T: ColumnValue> ColumnValue for Option<T> {
    const TYPE: ColumnType = T::TYPE;
}

/// A row of a table: a serde struct of plain values whose field names are the
/// column names.
pub trait Row: Serialize {
    /// The field names, in declaration order.
    const COLUMNS: &'static [&'static str];
    /// What each field holds, in declaration order (empty when the row does not say).
    const TYPES: &'static [ColumnType] = &[];
}

/// A table-shaped result (see the [module docs](self)).
///
/// ```
/// use stratagraph::analysis::Table;
/// use stratagraph::{query, Strategy};
///
/// let s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let load = query::partner_load(&s);
/// assert_eq!(load.columns()[0], "partner");
/// assert!(load.rows_json().starts_with("[\n  {\n    \"partner\": \"partner:scottish-government\""));
/// assert!(load.columns_json().starts_with("{\n  \"partner\": [\n    \"partner:scottish-government\""));
/// # Ok::<(), stratagraph::Error>(())
/// ```
pub trait Table: Serialize {
    /// The type of the rows.
    type Row: Row;

    /// The rows, in the documented order.
    fn rows(&self) -> &[Self::Row];

    /// The column names, in order.
    fn columns(&self) -> &'static [&'static str] {
        Self::Row::COLUMNS
    }

    /// What each column holds, in column order: [`ColumnType::Text`] for every
    /// column when the row type does not say.
    fn column_types(&self) -> Vec<ColumnType> {
        let types = Self::Row::TYPES;
        if types.len() == self.columns().len() {
            types.to_vec()
        } else {
            vec![ColumnType::Text; self.columns().len()]
        }
    }

    /// The number of rows.
    fn len(&self) -> usize {
        self.rows().len()
    }

    /// Whether there are no rows.
    fn is_empty(&self) -> bool {
        self.rows().is_empty()
    }

    /// The whole result as JSON: two-space indented, ending with a newline.
    fn to_json(&self) -> String {
        to_pretty_json(self)
    }

    /// The rows as a JSON array of objects: two-space indented, ending with a newline.
    fn rows_json(&self) -> String {
        to_pretty_json(self.rows())
    }

    /// The rows column by column, `{"column": [value, ...], ...}` in column
    /// order: two-space indented, ending with a newline.
    fn columns_json(&self) -> String {
        let cols = self.columns();
        let mut values: Vec<Vec<serde_json::Value>> = vec![Vec::new(); cols.len()];
        for row in self.rows() {
            let Ok(serde_json::Value::Object(mut map)) = serde_json::to_value(row) else {
                continue;
            };
            for (i, c) in cols.iter().enumerate() {
                values[i].push(map.remove(*c).unwrap_or(serde_json::Value::Null));
            }
        }
        let mut out = String::from("{");
        for (i, (c, vals)) in cols.iter().zip(values).enumerate() {
            out.push_str(if i == 0 { "\n  " } else { ",\n  " });
            out.push_str(&serde_json::Value::from(*c).to_string());
            out.push_str(": ");
            let body = to_pretty_json(&vals);
            // Indent the nested array by two more spaces.
            out.push_str(&body.trim_end().replace('\n', "\n  "));
        }
        out.push_str(if cols.is_empty() { "}\n" } else { "\n}\n" });
        out
    }
}

/// Deterministic JSON: two-space indent, trailing newline; non-finite numbers are `null`.
pub(crate) fn to_pretty_json<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::with_capacity(256);
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"  ");
    let mut ser = serde_json::Serializer::with_formatter(&mut out, fmt);
    if value.serialize(&mut ser).is_err() {
        out.clear();
        out.extend_from_slice(b"null");
    }
    out.push(b'\n');
    String::from_utf8(out).unwrap_or_default()
}

/// Declare a row struct (plain values, `Serialize`), its [`Row::COLUMNS`] and
/// [`Row::TYPES`]: each field's type is its Rust type's [`ColumnValue::TYPE`],
/// or the [`ColumnType`] variant written after it (`pub status: String => Category,`).
macro_rules! row {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* pub $field:ident : $ty:ty $(=> $ct:ident)?, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, serde::Serialize)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: $ty, )*
        }

        impl $crate::analysis::table::Row for $name {
            const COLUMNS: &'static [&'static str] = &[ $( stringify!($field), )* ];
            const TYPES: &'static [$crate::analysis::table::ColumnType] =
                &[ $( $crate::analysis::table::column_type!($ty $(, $ct)?), )* ];
        }
    };
}

/// The [`ColumnType`] of a field in [`row!`]: the one written, else its Rust type's.
macro_rules! column_type {
    ($ty:ty) => {
        <$ty as $crate::analysis::table::ColumnValue>::TYPE
    };
    ($ty:ty, $ct:ident) => {
        $crate::analysis::table::ColumnType::$ct
    };
}

/// Implement [`Table`] for a struct with a `rows` field.
macro_rules! table {
    ($name:ident, $row:ty) => {
        impl $crate::analysis::table::Table for $name {
            type Row = $row;
            fn rows(&self) -> &[$row] {
                &self.rows
            }
        }
    };
}

pub(crate) use column_type;
pub(crate) use row;
pub(crate) use table;
