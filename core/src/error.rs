//! The one error type of stratagraph.

/// Everything that can go wrong in stratagraph, with the data needed to say
/// what and where. Each kind has a stable [`Error::code`], which the Python and
/// JavaScript bindings expose (a Python exception subclass per code, a `code`
/// property on JavaScript errors).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The text is not well-formed JSON, or does not have the shape of a
    /// canonical stratagraph document.
    #[error("invalid JSON at line {line}, column {column}: {message}")]
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The document is not of the kind expected: its `format` is not
    /// `"stratagraph"` (or `"stratagraph-progress"` for a progress report).
    #[error("not a {expected} document: \"format\" is {found}, expected \"{expected}\"")]
    Format {
        /// The `format` value found (as JSON), or `missing`.
        found: String,
        /// The `format` value expected.
        expected: &'static str,
    },
    /// The document's version is one this build does not read.
    #[error(
        "unsupported stratagraph document version {found}: this build reads version {supported}"
    )]
    Version {
        /// The `version` value found (as JSON), or `missing`.
        found: String,
        /// The version this build reads.
        supported: u32,
    },
    /// Two nodes share an id.
    #[error("duplicate node id {id:?}")]
    DuplicateId {
        /// The id.
        id: String,
    },
    /// An edge refers to a node that does not exist.
    #[error("{kind} edge from {from:?} to {to:?} refers to missing node {missing:?}")]
    DanglingEdge {
        /// The edge's source id.
        from: String,
        /// The edge's target id.
        to: String,
        /// The edge's kind.
        kind: &'static str,
        /// The id that is missing.
        missing: String,
    },
    /// No node has this id.
    #[error("no node has id {id:?}")]
    UnknownNode {
        /// The id.
        id: String,
    },
    /// A kind name that is not one of the known kinds.
    #[error("unknown {what} {value:?}")]
    UnknownKind {
        /// `node kind` or `edge kind`.
        what: &'static str,
        /// The name given.
        value: String,
    },
    /// A date that is not a real `YYYY-MM-DD` day.
    #[error("invalid date {value:?}: expected a real day written YYYY-MM-DD")]
    InvalidDate {
        /// The text given.
        value: String,
    },
    /// A document could not be parsed at all.
    #[error("cannot parse {what} at line {line}, column {column}: {message}")]
    Parse {
        /// What was being parsed (`delivery plan`, `progress report`, ...).
        what: &'static str,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A format that cannot do what was asked: importing an SVG drawing,
    /// exporting a format this build was compiled without (`xlsx`).
    #[error("{format}: {message}")]
    Unsupported {
        /// The format's name (`svg`, `xlsx`, ...).
        format: String,
        /// Why it cannot.
        message: String,
    },
    /// The bytes are not text in an encoding stratagraph reads (invalid UTF-8,
    /// UTF-16 with a broken character).
    #[error("not readable text at line {line}, column {column}: {message}")]
    Encoding {
        /// 1-based line of the first bad byte.
        line: usize,
        /// 1-based column (in characters) of the first bad byte.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The bytes are a binary file (a NUL byte), not a document's text.
    #[error("this is a binary file, not text (a NUL byte at offset {offset})")]
    Binary {
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// An input is larger than a documented limit (a sheet's extent, a count
    /// of strings, a decompressed size, a nesting depth); nothing was allocated
    /// for it.
    #[error("{what}: {found} exceeds the limit of {limit}")]
    TooLarge {
        /// What was measured (`xlsx sheet "nodes" cells`, `xlsx decompressed bytes`, ...).
        what: String,
        /// The limit.
        limit: u64,
        /// What the input asks for (at least).
        found: u64,
    },
    /// A file or stream could not be read or written.
    #[error("{path}: {message}")]
    Io {
        /// The path (or `-` for standard input and output).
        path: String,
        /// What went wrong.
        message: String,
    },
}

impl Error {
    /// Every code [`Error::code`] can return, for bindings that map them.
    pub const CODES: &'static [&'static str] = &[
        "json",
        "format",
        "version",
        "duplicate_id",
        "dangling_edge",
        "unknown_node",
        "unknown_kind",
        "invalid_date",
        "parse",
        "unsupported",
        "io",
        "too_large",
        "encoding",
        "binary",
    ];

    /// A stable, snake_case code for the kind of error.
    ///
    /// ```
    /// let err = stratagraph::Strategy::from_json("{").unwrap_err();
    /// assert_eq!(err.code(), "json");
    /// assert_eq!(err.location(), Some((1, 1)));
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Error::Json { .. } => "json",
            Error::Format { .. } => "format",
            Error::Version { .. } => "version",
            Error::DuplicateId { .. } => "duplicate_id",
            Error::DanglingEdge { .. } => "dangling_edge",
            Error::UnknownNode { .. } => "unknown_node",
            Error::UnknownKind { .. } => "unknown_kind",
            Error::InvalidDate { .. } => "invalid_date",
            Error::Parse { .. } => "parse",
            Error::Io { .. } => "io",
            Error::Unsupported { .. } => "unsupported",
            Error::TooLarge { .. } => "too_large",
            Error::Encoding { .. } => "encoding",
            Error::Binary { .. } => "binary",
        }
    }

    /// The line and column (1-based) the error points at, where there is one.
    pub fn location(&self) -> Option<(usize, usize)> {
        match self {
            Error::Json { line, column, .. }
            | Error::Parse { line, column, .. }
            | Error::Encoding { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Error;

    #[test]
    fn codes_lists_every_code() {
        let samples = [
            Error::Json {
                line: 1,
                column: 1,
                message: String::new(),
            },
            Error::Format {
                found: String::new(),
                expected: "stratagraph",
            },
            Error::Version {
                found: String::new(),
                supported: 1,
            },
            Error::DuplicateId { id: String::new() },
            Error::DanglingEdge {
                from: String::new(),
                to: String::new(),
                kind: "contains",
                missing: String::new(),
            },
            Error::UnknownNode { id: String::new() },
            Error::UnknownKind {
                what: "node kind",
                value: String::new(),
            },
            Error::InvalidDate {
                value: String::new(),
            },
            Error::Parse {
                what: "plan",
                line: 1,
                column: 1,
                message: String::new(),
            },
            Error::Unsupported {
                format: String::new(),
                message: String::new(),
            },
            Error::Io {
                path: String::new(),
                message: String::new(),
            },
            Error::TooLarge {
                what: String::new(),
                limit: 1,
                found: 2,
            },
            Error::Encoding {
                line: 1,
                column: 1,
                message: String::new(),
            },
            Error::Binary { offset: 0 },
        ];
        let codes: Vec<&str> = samples.iter().map(Error::code).collect();
        assert_eq!(codes, Error::CODES);
    }
}
