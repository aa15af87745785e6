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
//! Only keys some node or edge uses are declared. An empty `number` or
//! `text` is written (as empty data, so that it reads back as empty, not as
//! none), and so is the phrase of every date window (so that a window with
//! no dates and no phrase reads back too). [`crate::format::import`] reads
//! this back into the same strategy.
//!
//! ```
//! use stratagraph::format::graphml::to_graphml;
//! use stratagraph::{Node, NodeKind, Strategy};
//! let s = Strategy::builder()
//!     .node(Node::new(NodeKind::Priority, "1", "Help early.").with_attr("weight", 2_i64))
//!     .build()?;
//! let xml = to_graphml(&s);
//! assert!(xml.contains(r#"<key id="d3" for="node" attr.name="weight" attr.type="long"/>"#));
//! assert!(xml.contains(r#"<node id="priority:1">"#));
//! # Ok::<(), stratagraph::Error>(())
//! ```
//!
//! # Reading back
//!
//! Read GraphML (see [`crate::format::graphml`]) back into a strategy.
//!
//! Keys are matched by their `attr.name`: the built-in fields (`kind`,
//! `number`, `label`, `text`, `deadline_start`, ...) fill the node's fields;
//! `attr:NAME` and any other name become attributes, typed by the key's
//! `attr.type` (`boolean`, `int`/`long`, `float`/`double`, `string`, or JSON
//! when the key's `<desc>` is `json`). A key's `<default>` applies to nodes
//! and edges without that data. A node without `kind` takes the kind its id
//! prefix names; an edge needs a `kind`. Data holding elements rather than
//! text (yEd's graphics) is skipped.
//!
//! ```
//! use stratagraph::format::graphml::read;
//! let s = read(r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
//!   <key id="w" for="node" attr.name="weight" attr.type="long"/>
//!   <key id="k" for="edge" attr.name="kind" attr.type="string"/>
//!   <graph edgedefault="directed">
//!     <node id="priority:1"><data key="w">2</data></node>
//!     <node id="outcome:1"/>
//!     <edge source="priority:1" target="outcome:1"><data key="k">contributes_to</data></edge>
//!   </graph></graphml>"#)?;
//! assert_eq!(s.node("priority:1").unwrap().attrs["weight"], 2_i64.into());
//! assert_eq!(s.edge_count(), 1);
//! # Ok::<(), stratagraph::Error>(())
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{flat_fields, xml_escape, Empties, Flat, FLAT_FIELDS};
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
        for (name, _) in flat_fields(n, Empties::Keep) {
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
        for (name, value) in flat_fields(n, Empties::Keep) {
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

// ---------------------------------------------------------------------------
// Reading back.

use super::xml::{parse, Element};
use super::{csv::tags, kind_from_id, line_col};
use crate::error::Error;
use crate::model::{Date, DateWindow, Edge, EdgeKind, Node, NodeKind, SourceSpan};

const WHAT: &str = "graphml";

struct Key {
    name: String,
    ty: String,
    json: bool,
    default: Option<String>,
}

struct Reader<'a> {
    text: &'a str,
}

impl Reader<'_> {
    fn err(&self, el: &Element, message: impl Into<String>) -> Error {
        let (line, column) = line_col(self.text, el.offset);
        Error::Parse {
            what: WHAT,
            line,
            column,
            message: message.into(),
        }
    }

    fn value(&self, el: &Element, key: &Key, raw: &str) -> Result<AttrValue, Error> {
        let bad = || {
            self.err(
                el,
                format!("{:?} is not a {} value for {:?}", raw, key.ty, key.name),
            )
        };
        if key.json {
            return serde_json::from_str(raw).map_err(|_| bad());
        }
        let t = raw.trim();
        Ok(match key.ty.as_str() {
            "boolean" => match t.to_ascii_lowercase().as_str() {
                "true" | "1" => AttrValue::Bool(true),
                "false" | "0" => AttrValue::Bool(false),
                _ => return Err(bad()),
            },
            "int" | "long" => AttrValue::Integer(t.parse().map_err(|_| bad())?),
            "float" | "double" => {
                let x: f64 = t.parse().map_err(|_| bad())?;
                if !x.is_finite() {
                    return Err(bad());
                }
                AttrValue::Number(x)
            }
            _ => AttrValue::Text(raw.to_owned()),
        })
    }

    /// The data of an element: (key name, key, raw text), with key defaults
    /// for keys it has no data for.
    fn data<'k>(
        &self,
        el: &Element,
        keys: &'k BTreeMap<String, Key>,
        domain: &[&str],
        for_of: &BTreeMap<String, String>,
    ) -> Result<Vec<(&'k Key, String)>, Error> {
        let mut out: Vec<(&'k Key, String)> = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for d in el.children_named("data") {
            let Some(id) = d.attr("key") else {
                return Err(self.err(d, "<data> without a key"));
            };
            let Some(key) = keys.get(id) else {
                return Err(self.err(d, format!("<data> refers to undeclared key {id:?}")));
            };
            if !d.children.is_empty() {
                continue; // yEd graphics and other structured data
            }
            seen.push(id);
            out.push((key, d.text.clone()));
        }
        for (id, key) in keys {
            let applies = for_of.get(id).is_some_and(|f| domain.contains(&f.as_str()));
            if applies && !seen.contains(&id.as_str()) {
                if let Some(def) = &key.default {
                    out.push((key, def.clone()));
                }
            }
        }
        Ok(out)
    }
}

/// Read GraphML text.
pub fn read(text: &str) -> Result<Strategy, Error> {
    let root = parse(text, WHAT)?;
    let r = Reader { text };
    if root.local() != "graphml" {
        return Err(r.err(
            &root,
            format!("the root element is <{}>, not <graphml>", root.name),
        ));
    }
    let mut keys: BTreeMap<String, Key> = BTreeMap::new();
    let mut for_of: BTreeMap<String, String> = BTreeMap::new();
    for k in root.children_named("key") {
        if k.attr("yfiles.type").is_some() {
            continue;
        }
        let Some(id) = k.attr("id") else {
            return Err(r.err(k, "<key> without an id"));
        };
        let name = k.attr("attr.name").unwrap_or(id).to_owned();
        let json = k.children_named("desc").any(|d| d.text.trim() == "json");
        let default = k.children_named("default").next().map(|d| d.text.clone());
        for_of.insert(id.to_owned(), k.attr("for").unwrap_or("all").to_owned());
        keys.insert(
            id.to_owned(),
            Key {
                name,
                ty: k.attr("attr.type").unwrap_or("string").to_owned(),
                json,
                default,
            },
        );
    }
    let Some(graph) = root.children_named("graph").next() else {
        return Err(r.err(&root, "no <graph> element"));
    };

    let mut nodes = Vec::new();
    for el in graph.children_named("node") {
        let Some(id) = el.attr("id") else {
            return Err(r.err(el, "<node> without an id"));
        };
        let data = r.data(el, &keys, &["node", "all"], &for_of)?;
        let kind = match data.iter().find(|(k, _)| k.name == "kind") {
            Some((_, v)) => v
                .trim()
                .parse::<NodeKind>()
                .map_err(|e| r.err(el, e.to_string()))?,
            None => kind_from_id(id).ok_or_else(|| {
                r.err(el, format!("node {id:?} has no kind and its id names none"))
            })?,
        };
        let mut n = Node::with_id(id, kind);
        let mut windows: BTreeMap<&str, [Option<String>; 3]> = BTreeMap::new();
        let mut span: [Option<usize>; 3] = [None; 3];
        for (key, raw) in &data {
            let date_part = |s: &str| -> Option<(&'static str, usize)> {
                match s {
                    "deadline_start" => Some(("deadline", 0)),
                    "deadline_end" => Some(("deadline", 1)),
                    "deadline_phrase" => Some(("deadline", 2)),
                    "period_start" => Some(("period", 0)),
                    "period_end" => Some(("period", 1)),
                    "period_phrase" => Some(("period", 2)),
                    _ => None,
                }
            };
            match key.name.as_str() {
                "kind" => {}
                "number" => n.number = Some(raw.clone()),
                "label" => n.label = raw.clone(),
                "text" => n.text = Some(raw.clone()),
                "tags" => n.tags = tags(raw).map_err(|m| r.err(el, m))?,
                "span_start" | "span_end" | "span_line" => {
                    let v: usize = raw.trim().parse().map_err(|_| {
                        r.err(el, format!("{} {raw:?} is not a whole number", key.name))
                    })?;
                    let i = match key.name.as_str() {
                        "span_start" => 0,
                        "span_end" => 1,
                        _ => 2,
                    };
                    span[i] = Some(v);
                }
                name => {
                    if let Some((w, i)) = date_part(name) {
                        windows.entry(w).or_default()[i] = Some(raw.clone());
                    } else {
                        let attr = name.strip_prefix(ATTR_PREFIX).unwrap_or(name);
                        n.attrs.insert(attr.to_owned(), r.value(el, key, raw)?);
                    }
                }
            }
        }
        for (w, [start, end, phrase]) in windows {
            let date = |v: &Option<String>| -> Result<Option<Date>, Error> {
                match v {
                    Some(v) if !v.trim().is_empty() => v.trim().parse().map(Some),
                    _ => Ok(None),
                }
            };
            let window = DateWindow::new(date(&start)?, date(&end)?, phrase.unwrap_or_default());
            if w == "deadline" {
                n.deadline = Some(window);
            } else {
                n.period = Some(window);
            }
        }
        if let [Some(start), Some(end), Some(line)] = span {
            n.span = Some(SourceSpan { start, end, line });
        }
        nodes.push(n);
    }

    let mut edges = Vec::new();
    for el in graph.children_named("edge") {
        let (Some(source), Some(target)) = (el.attr("source"), el.attr("target")) else {
            return Err(r.err(el, "<edge> without a source or target"));
        };
        let data = r.data(el, &keys, &["edge", "all"], &for_of)?;
        let Some((_, kind)) = data.iter().find(|(k, _)| k.name == "kind") else {
            return Err(r.err(
                el,
                format!("edge from {source:?} to {target:?} has no kind"),
            ));
        };
        let kind: EdgeKind = kind
            .trim()
            .parse()
            .map_err(|e: Error| r.err(el, e.to_string()))?;
        let mut attrs = Attrs::new();
        for (key, raw) in &data {
            if key.name != "kind" {
                let name = key.name.strip_prefix(ATTR_PREFIX).unwrap_or(&key.name);
                attrs.insert(name.to_owned(), r.value(el, key, raw)?);
            }
        }
        let mut e = Edge::new(source, kind, target);
        e.attrs = attrs;
        edges.push(e);
    }
    Strategy::from_parts(nodes, edges)
}
