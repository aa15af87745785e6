//! Canonical JSON: the versioned node-link file format of stratagraph.
//!
//! ```json
//! {
//!   "format": "stratagraph",
//!   "version": 1,
//!   "nodes": [ { "id": "priority:10", "kind": "priority", "number": "10", "text": "..." } ],
//!   "edges": [ { "source": "priority:10", "target": "outcome:1", "kind": "contributes_to" } ]
//! }
//! ```
//!
//! Nodes and edges appear in the strategy's canonical order; fields that are
//! empty are left out; attribute maps are in name order; the text is indented by
//! two spaces and ends with a newline. The same strategy therefore always gives
//! the same bytes, and reading them back gives the same strategy. The schema is
//! `core/schema/stratagraph.schema.json` (also [`JSON_SCHEMA`]).

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Serialize, Serializer};

use crate::error::Error;
use crate::model::{Edge, Node, Strategy};

/// The `format` value of a canonical document.
pub const FORMAT: &str = "stratagraph";
/// The version of the canonical format this build reads and writes.
pub const VERSION: u32 = 1;
/// The JSON Schema (draft 2020-12) of the canonical format.
pub const JSON_SCHEMA: &str = include_str!("../../schema/stratagraph.schema.json");

/// A canonical document as read, before its references are checked: what
/// [`crate::validate::validate_document`] inspects when a file may hold
/// duplicate ids or dangling edges.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Always `"stratagraph"`.
    pub format: String,
    /// Always [`VERSION`].
    pub version: u32,
    /// The nodes, in order.
    pub nodes: Vec<Node>,
    /// The edges, in order.
    #[serde(default)]
    pub edges: Vec<Edge>,
}

/// A serde_json error as [`Error::Json`], with its line and column as fields.
pub(crate) fn json_error(e: &serde_json::Error) -> Error {
    let mut message = e.to_string();
    // serde_json appends " at line L column C"; we report those as fields.
    if let Some(pos) = message.rfind(" at line ") {
        message.truncate(pos);
    }
    Error::Json {
        line: e.line().max(1),
        column: e.column().max(1),
        message,
    }
}

/// The text without a leading UTF-8 byte-order mark, which editors on Windows
/// write and JSON forbids (RFC 8259 lets a reader ignore it): every JSON
/// reader of the crate starts here.
pub(crate) fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Check a document's `format` and `version` against what is expected.
pub(crate) fn check_header(
    format: Option<&serde_json::Value>,
    version: Option<&serde_json::Value>,
    expected: (&'static str, u32),
) -> Result<(), Error> {
    let show =
        |v: Option<&serde_json::Value>| v.map_or_else(|| "missing".to_owned(), |v| v.to_string());
    if format.and_then(|f| f.as_str()) != Some(expected.0) {
        return Err(Error::Format {
            found: show(format),
            expected: expected.0,
        });
    }
    if version.and_then(serde_json::Value::as_u64) != Some(u64::from(expected.1)) {
        return Err(Error::Version {
            found: show(version),
            supported: expected.1,
        });
    }
    Ok(())
}

/// The header of a document, read alone to tell a wrong format or version
/// from a malformed body.
#[derive(Deserialize)]
pub(crate) struct Header {
    pub(crate) format: Option<serde_json::Value>,
    pub(crate) version: Option<serde_json::Value>,
}

/// `value` as two-space indented JSON ending with a newline. Writing to memory
/// cannot fail; a non-finite number is written as `null`.
pub(crate) fn to_pretty_json<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::with_capacity(256);
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"  ");
    let mut ser = serde_json::Serializer::with_formatter(&mut out, fmt);
    if value.serialize(&mut ser).is_err() {
        out.clear();
    }
    out.push(b'\n');
    String::from_utf8(out).unwrap_or_default()
}

impl Document {
    /// Read a canonical document without checking its references.
    ///
    /// A wrong `format` or `version` is reported as such even when the rest of
    /// the document has another shape; malformed JSON gives its line and column.
    pub fn from_json(text: &str) -> Result<Document, Error> {
        let text = without_bom(text);
        match serde_json::from_str::<Document>(text) {
            Ok(doc) => {
                let format = serde_json::Value::String(doc.format.clone());
                let version = serde_json::Value::from(doc.version);
                check_header(Some(&format), Some(&version), (FORMAT, VERSION))?;
                Ok(doc)
            }
            Err(e) => {
                if let Ok(h) = serde_json::from_str::<Header>(text) {
                    check_header(h.format.as_ref(), h.version.as_ref(), (FORMAT, VERSION))?;
                }
                Err(json_error(&e))
            }
        }
    }
}

impl TryFrom<Document> for Strategy {
    type Error = Error;

    fn try_from(doc: Document) -> Result<Strategy, Error> {
        Strategy::from_parts(doc.nodes, doc.edges)
    }
}

struct Nodes<'a>(&'a Strategy);
struct Edges<'a>(&'a Strategy);

impl Serialize for Nodes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for node in self.0.nodes() {
            seq.serialize_element(node)?;
        }
        seq.end()
    }
}

impl Serialize for Edges<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.edge_count()))?;
        for e in self.0.edges() {
            seq.serialize_element(&e)?;
        }
        seq.end()
    }
}

impl Serialize for Strategy {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(4))?;
        map.serialize_entry("format", FORMAT)?;
        map.serialize_entry("version", &VERSION)?;
        map.serialize_entry("nodes", &Nodes(self))?;
        map.serialize_entry("edges", &Edges(self))?;
        map.end()
    }
}

impl Strategy {
    /// Read a strategy from canonical JSON.
    ///
    /// ```
    /// use stratagraph::Strategy;
    /// let text = r#"{"format": "stratagraph", "version": 1,
    ///   "nodes": [{"id": "outcome:1", "kind": "outcome", "number": "1"}], "edges": []}"#;
    /// let s = Strategy::from_json(text)?;
    /// assert_eq!(s.len(), 1);
    ///
    /// let wrong = r#"{"format": "stratagraph", "version": 2, "nodes": []}"#;
    /// assert_eq!(Strategy::from_json(wrong).unwrap_err().code(), "version");
    /// # Ok::<(), stratagraph::Error>(())
    /// ```
    pub fn from_json(text: &str) -> Result<Strategy, Error> {
        Strategy::try_from(Document::from_json(text)?)
    }

    /// The canonical JSON of the strategy: deterministic, two-space indented,
    /// ending with a newline.
    ///
    /// ```
    /// use stratagraph::{Node, NodeKind, Strategy};
    /// let s = Strategy::builder().node(Node::new(NodeKind::Outcome, "1", "")).build()?;
    /// assert_eq!(s.to_json(), "{\n  \"format\": \"stratagraph\",\n  \"version\": 1,\n  \"nodes\": [\n    {\n      \"id\": \"outcome:1\",\n      \"kind\": \"outcome\",\n      \"number\": \"1\"\n    }\n  ],\n  \"edges\": []\n}\n");
    /// assert_eq!(Strategy::from_json(&s.to_json())?, s);
    /// # Ok::<(), stratagraph::Error>(())
    /// ```
    pub fn to_json(&self) -> String {
        to_pretty_json(self)
    }
}

impl<'de> Deserialize<'de> for Strategy {
    /// A strategy embedded in another serde document is its canonical JSON object.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Strategy, D::Error> {
        use serde::de::Error as _;
        let doc = Document::deserialize(d)?;
        let format = serde_json::Value::String(doc.format.clone());
        let version = serde_json::Value::from(doc.version);
        check_header(Some(&format), Some(&version), (FORMAT, VERSION)).map_err(D::Error::custom)?;
        Strategy::try_from(doc).map_err(D::Error::custom)
    }
}
