//! GraphML, for networkx (`read_graphml`), igraph, Gephi and yEd.
//!
//! One directed `<graph>`; node ids are stratagraph ids; every attribute is
//! declared with a typed `<key>` (`d0`, `d1`, ... in order of first use):
//!
//! - node keys, for the fields nodes have: `kind`, `number`, `label`, `text`,
//!   `deadline_start`, `deadline_end`, `deadline_phrase`, `period_start`,
//!   `period_end`, `period_phrase`, `tags` (joined by `"; "` as in the CSV
//!   tables), `span_start`, `span_end`, `span_line` (`long`);
//! - edge key `kind`;
//! - one key per node or edge attribute name, typed `boolean`, `long`,
//!   `double` or `string` when every value of that name has that type; a name
//!   whose values mix types, or hold lists or maps, is a `string` key whose
//!   values are JSON, marked by `<desc>json</desc>`. An attribute whose name
//!   is one of the fields above (or starts with `attr:`) is written as
//!   `attr:NAME`.
//!
//! Only keys some node or edge uses are declared. [`crate::import::import`]
//! reads this back into the same strategy.
//!
//! ```
//! use stratagraph::export::graphml::to_graphml;
//! use stratagraph::{Node, NodeKind, Strategy};
//! let s = Strategy::builder()
//!     .node(Node::new(NodeKind::Priority, "1", "Help early.").with_attr("weight", 2_i64))
//!     .build()?;
//! let xml = to_graphml(&s);
//! assert!(xml.contains(r#"<key id="d3" for="node" attr.name="weight" attr.type="long"/>"#));
//! assert!(xml.contains(r#"<node id="priority:1">"#));
//! # Ok::<(), stratagraph::Error>(())
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{flat_fields, xml_escape, Flat, FLAT_FIELDS};
use crate::model::{AttrValue, Attrs, Strategy};

/// The GraphML namespace.
pub const NAMESPACE: &str = "http://graphml.graphdrawing.org/xmlns";

/// The name prefix of attributes whose name is taken by a built-in field.
pub(crate) const ATTR_PREFIX: &str = "attr:";

/// The GraphML type of a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KeyType {
    Boolean,
    Long,
    Double,
    String,
    /// A string holding JSON.
    Json,
}

impl KeyType {
    fn graphml(self) -> &'static str {
        match self {
            KeyType::Boolean => "boolean",
            KeyType::Long => "long",
            KeyType::Double => "double",
            KeyType::String | KeyType::Json => "string",
        }
    }

    fn of(v: &AttrValue) -> KeyType {
        match v {
            AttrValue::Bool(_) => KeyType::Boolean,
            AttrValue::Integer(_) => KeyType::Long,
            AttrValue::Number(_) => KeyType::Double,
            AttrValue::Text(_) => KeyType::String,
            AttrValue::List(_) | AttrValue::Map(_) => KeyType::Json,
        }
    }
}

/// The name an attribute is written under.
pub(crate) fn attr_key_name(name: &str, builtins: &[&str]) -> String {
    if builtins.contains(&name) || name.starts_with(ATTR_PREFIX) {
        format!("{ATTR_PREFIX}{name}")
    } else {
        name.to_owned()
    }
}

/// An attribute value in the spelling of its key's type.
fn value_text(v: &AttrValue, ty: KeyType) -> String {
    match (ty, v) {
        (KeyType::Json, v) => serde_json::to_string(v).unwrap_or_default(),
        (_, AttrValue::Text(s)) => s.clone(),
        (_, AttrValue::Bool(b)) => b.to_string(),
        (_, AttrValue::Integer(i)) => i.to_string(),
        (_, v) => serde_json::to_string(v).unwrap_or_default(),
    }
}

/// The attribute keys of one domain (nodes or edges): name -> (key name, type).
fn attr_keys<'a>(
    all: impl Iterator<Item = &'a Attrs>,
    builtins: &[&str],
) -> Vec<(String, String, KeyType)> {
    let mut types: BTreeMap<&str, KeyType> = BTreeMap::new();
    let mut order: Vec<&str> = Vec::new();
    for attrs in all {
        for (name, v) in attrs {
            let ty = KeyType::of(v);
            match types.get(name.as_str()) {
                None => {
                    types.insert(name, ty);
                    order.push(name);
                }
                Some(&t) if t != ty => {
                    types.insert(name, KeyType::Json);
                }
                Some(_) => {}
            }
        }
    }
    order
        .into_iter()
        .map(|name| {
            let ty = types.get(name).copied().unwrap_or(KeyType::Json);
            (name.to_owned(), attr_key_name(name, builtins), ty)
        })
        .collect()
}

/// The strategy as a GraphML document.
pub fn to_graphml(s: &Strategy) -> String {
    let mut out = String::with_capacity(512 + s.len() * 300);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<graphml xmlns=\"{NAMESPACE}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"{NAMESPACE} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">"
    );

    let mut next = 0usize;
    let mut key = |out: &mut String, domain: &str, name: &str, ty: KeyType| -> String {
        let id = format!("d{next}");
        next += 1;
        let attrs = format!(
            "<key id=\"{id}\" for=\"{domain}\" attr.name=\"{}\" attr.type=\"{}\"",
            xml_escape(name),
            ty.graphml()
        );
        if ty == KeyType::Json {
            let _ = writeln!(out, "  {attrs}><desc>json</desc></key>");
        } else {
            let _ = writeln!(out, "  {attrs}/>");
        }
        id
    };

    // Node keys: the built-in fields in use, then the attributes.
    let mut used: BTreeMap<&str, bool> = BTreeMap::new();
    for n in s.nodes() {
        for (name, _) in flat_fields(n) {
            used.insert(name, true);
        }
    }
    let mut node_field_keys: BTreeMap<&str, String> = BTreeMap::new();
    for &name in FLAT_FIELDS {
        if used.contains_key(name) {
            let ty = if name.starts_with("span_") {
                KeyType::Long
            } else {
                KeyType::String
            };
            node_field_keys.insert(name, key(&mut out, "node", name, ty));
        }
    }
    let node_attrs = attr_keys(s.nodes().map(|n| &n.attrs), FLAT_FIELDS);
    let node_attr_keys: BTreeMap<&str, (String, KeyType)> = node_attrs
        .iter()
        .map(|(name, written, ty)| (name.as_str(), (key(&mut out, "node", written, *ty), *ty)))
        .collect();

    // Edge keys: the kind, then the attributes.
    let edge_kind_key =
        (s.edge_count() > 0).then(|| key(&mut out, "edge", "kind", KeyType::String));
    let edge_attrs = attr_keys(s.edges().map(|e| e.attrs), &["kind"]);
    let edge_attr_keys: BTreeMap<&str, (String, KeyType)> = edge_attrs
        .iter()
        .map(|(name, written, ty)| (name.as_str(), (key(&mut out, "edge", written, *ty), *ty)))
        .collect();

    out.push_str("  <graph id=\"G\" edgedefault=\"directed\">\n");
    let data = |out: &mut String, key: &str, value: &str| {
        let _ = writeln!(
            out,
            "      <data key=\"{key}\">{}</data>",
            xml_escape(value)
        );
    };
    for n in s.nodes() {
        let _ = writeln!(out, "    <node id=\"{}\">", xml_escape(n.id.as_str()));
        for (name, value) in flat_fields(n) {
            if let Some(k) = node_field_keys.get(name) {
                match value {
                    Flat::Text(t) => data(&mut out, k, &t),
                    Flat::Long(l) => data(&mut out, k, &l.to_string()),
                }
            }
        }
        for (name, v) in &n.attrs {
            if let Some((k, ty)) = node_attr_keys.get(name.as_str()) {
                data(&mut out, k, &value_text(v, *ty));
            }
        }
        out.push_str("    </node>\n");
    }
    for e in s.edges() {
        let _ = writeln!(
            out,
            "    <edge source=\"{}\" target=\"{}\">",
            xml_escape(e.source.as_str()),
            xml_escape(e.target.as_str())
        );
        if let Some(k) = &edge_kind_key {
            data(&mut out, k, e.kind.as_str());
        }
        for (name, v) in e.attrs {
            if let Some((k, ty)) = edge_attr_keys.get(name.as_str()) {
                data(&mut out, k, &value_text(v, *ty));
            }
        }
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}
