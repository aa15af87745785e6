//! networkx node-link JSON: the format of `networkx.node_link_data(G,
//! edges="edges")`, read by `networkx.node_link_graph(data, edges="edges")`.
//!
//! ```json
//! {"directed": true, "multigraph": false, "graph": {},
//!  "nodes": [{"id": "priority:1", "kind": "priority", "number": "1", ...}],
//!  "edges": [{"source": "priority:1", "target": "outcome:1", "kind": "contributes_to"}]}
//! ```
//!
//! A node's fields are its canonical JSON fields (`kind`, `number`, `label`,
//! `text`, `deadline`, `period` as `{start, end, phrase}` objects, `tags`,
//! `span`), and its attributes follow as keys of their own, so that networkx
//! gives `G.nodes["priority:1"]["weight"]`. An attribute whose name is taken
//! by a field stays in an `attrs` object. Edges carry `kind` and their
//! attributes the same way.
//!
//! A strategy joins two nodes by at most one edge of each kind, but may join
//! them by edges of two kinds (a lead that is also a key partner). networkx's
//! `DiGraph` keeps one edge per pair, so such a strategy is written with
//! `"multigraph": true` and each edge's `key` set to its kind; otherwise
//! `multigraph` is false and there are no keys.
//!
//! [`crate::format::import`] reads this back into the same strategy.
//!
//! ```
//! use stratagraph::format::node_link::to_node_link;
//! use stratagraph::{EdgeKind, Node, NodeKind, Strategy};
//! let s = Strategy::builder()
//!     .node(Node::new(NodeKind::Priority, "1", "Help early.").with_attr("weight", 2_i64))
//!     .node(Node::new(NodeKind::Outcome, "1", ""))
//!     .edge("priority:1", EdgeKind::ContributesTo, "outcome:1")
//!     .build()?;
//! let v: serde_json::Value = serde_json::from_str(&to_node_link(&s)).unwrap();
//! assert_eq!(v["multigraph"], false);
//! assert_eq!(v["nodes"][0]["weight"], 2);
//! assert_eq!(v["edges"][0]["kind"], "contributes_to");
//! # Ok::<(), stratagraph::Error>(())
//! ```
//!
//! # Reading back
//!
//! Read networkx node-link JSON (see [`crate::format::node_link`]) back into a
//! strategy. Edges may be under `edges` or (older networkx) `links`; ids may
//! be strings or numbers; a node without `kind` takes the kind its id prefix
//! names (`action:1.1.1`); keys that are not fields become attributes.
//!
//! ```
//! use stratagraph::format::node_link::read;
//! let s = read(r#"{"directed": true, "multigraph": false, "graph": {},
//!   "nodes": [{"id": "outcome:1", "weight": 2}, {"id": "priority:1"}],
//!   "links": [{"source": "priority:1", "target": "outcome:1", "kind": "contributes_to"}]}"#)?;
//! assert_eq!(s.node("outcome:1").unwrap().attrs["weight"], 2_i64.into());
//! assert_eq!(s.edge_count(), 1);
//! # Ok::<(), stratagraph::Error>(())
//! ```

use std::collections::BTreeSet;

use super::{attr_json, pretty_json, J};
use crate::model::{Attrs, Node, Strategy};

/// The keys of a node object that are not attributes.
pub(crate) const NODE_FIELDS: &[&str] = &[
    "id", "kind", "number", "label", "text", "deadline", "period", "tags", "span", "attrs",
];

/// The keys of an edge object that are not attributes.
pub(crate) const EDGE_FIELDS: &[&str] = &["source", "target", "kind", "key", "attrs"];

/// Whether two nodes are joined by edges of more than one kind.
pub(crate) fn has_parallel_edges(s: &Strategy) -> bool {
    let mut seen = BTreeSet::new();
    s.edges()
        .any(|e| !seen.insert((e.source.as_str(), e.target.as_str())))
}

fn put_attrs(obj: &mut J, attrs: &Attrs, reserved: &[&str]) {
    let mut kept = J::obj();
    let mut any_kept = false;
    for (name, v) in attrs {
        if reserved.contains(&name.as_str()) {
            kept.put(name, attr_json(v));
            any_kept = true;
        } else {
            obj.put(name, attr_json(v));
        }
    }
    if any_kept {
        obj.put("attrs", kept);
    }
}

fn json<T: serde::Serialize>(v: &T) -> J {
    J::V(serde_json::to_value(v).unwrap_or(serde_json::Value::Null))
}

/// A node's object: its canonical fields in canonical order, then its attributes.
pub(crate) fn node_object(n: &Node) -> J {
    let mut obj = J::obj()
        .with("id", n.id.as_str())
        .with("kind", n.kind.as_str());
    if let Some(v) = &n.number {
        obj.put("number", v.as_str());
    }
    if !n.label.is_empty() {
        obj.put("label", n.label.as_str());
    }
    if let Some(v) = &n.text {
        obj.put("text", v.as_str());
    }
    if let Some(v) = &n.deadline {
        obj.put("deadline", json(v));
    }
    if let Some(v) = &n.period {
        obj.put("period", json(v));
    }
    if !n.tags.is_empty() {
        obj.put("tags", json(&n.tags));
    }
    if let Some(v) = &n.span {
        obj.put("span", json(v));
    }
    put_attrs(&mut obj, &n.attrs, NODE_FIELDS);
    obj
}

/// The strategy as networkx node-link JSON text (two-space indented, ending with a newline).
pub fn to_node_link(s: &Strategy) -> String {
    let multigraph = has_parallel_edges(s);
    let nodes: Vec<J> = s.nodes().map(node_object).collect();
    let edges: Vec<J> = s
        .edges()
        .map(|e| {
            let mut obj = J::obj()
                .with("source", e.source.as_str())
                .with("target", e.target.as_str())
                .with("kind", e.kind.as_str());
            if multigraph {
                obj.put("key", e.kind.as_str());
            }
            put_attrs(&mut obj, e.attrs, EDGE_FIELDS);
            obj
        })
        .collect();
    let root = J::obj()
        .with("directed", true)
        .with("multigraph", multigraph)
        .with("graph", J::obj())
        .with("nodes", nodes)
        .with("edges", edges);
    pretty_json(&root)
}

// ---------------------------------------------------------------------------
// Reading back.

use serde_json::{Map, Value};

use super::{attr_from_json, kind_from_id, parse_error};
use crate::error::Error;
use crate::model::{Edge, EdgeKind, NodeKind};

use crate::format::json::json_error;

const WHAT: &str = "node-link";

fn id_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn field<T: serde::de::DeserializeOwned>(
    obj: &Map<String, Value>,
    name: &str,
    whose: &str,
) -> Result<Option<T>, Error> {
    match obj.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => serde_json::from_value(v.clone())
            .map(Some)
            .map_err(|e| parse_error(WHAT, 1, format!("{whose}: field {name:?}: {e}"))),
    }
}

fn attrs_of(obj: &Map<String, Value>, reserved: &[&str]) -> Attrs {
    let mut attrs = Attrs::new();
    for (k, v) in obj {
        if reserved.contains(&k.as_str()) {
            continue;
        }
        if let Some(a) = attr_from_json(v) {
            attrs.insert(k.clone(), a);
        }
    }
    if let Some(Value::Object(kept)) = obj.get("attrs") {
        for (k, v) in kept {
            if let Some(a) = attr_from_json(v) {
                attrs.insert(k.clone(), a);
            }
        }
    }
    attrs
}

/// Read node-link JSON text.
pub fn read(text: &str) -> Result<Strategy, Error> {
    let root: Value =
        serde_json::from_str(crate::format::json::without_bom(text)).map_err(|e| json_error(&e))?;
    let Value::Object(root) = root else {
        return Err(parse_error(WHAT, 1, "the document is not a JSON object"));
    };
    let nodes = match root.get("nodes") {
        Some(Value::Array(a)) => a.as_slice(),
        None => &[],
        Some(_) => return Err(parse_error(WHAT, 1, "\"nodes\" is not a list")),
    };
    let edges = match root.get("edges").or_else(|| root.get("links")) {
        Some(Value::Array(a)) => a.as_slice(),
        None => &[],
        Some(_) => return Err(parse_error(WHAT, 1, "\"edges\" is not a list")),
    };

    let mut out_nodes = Vec::with_capacity(nodes.len());
    for (i, v) in nodes.iter().enumerate() {
        let whose = format!("node #{}", i + 1);
        let Value::Object(obj) = v else {
            return Err(parse_error(WHAT, 1, format!("{whose} is not an object")));
        };
        let id = id_of(obj.get("id"))
            .ok_or_else(|| parse_error(WHAT, 1, format!("{whose} has no id")))?;
        let kind: NodeKind = match obj.get("kind").and_then(Value::as_str) {
            Some(k) => k.parse()?,
            None => kind_from_id(&id).ok_or_else(|| {
                parse_error(
                    WHAT,
                    1,
                    format!("node {id:?} has no \"kind\" and its id names none"),
                )
            })?,
        };
        let mut n = Node::with_id(id.as_str(), kind);
        n.number = match obj.get("number") {
            Some(Value::Number(x)) => Some(x.to_string()),
            _ => field(obj, "number", &whose)?,
        };
        n.label = field(obj, "label", &whose)?.unwrap_or_default();
        n.text = field(obj, "text", &whose)?;
        n.deadline = field(obj, "deadline", &whose)?;
        n.period = field(obj, "period", &whose)?;
        n.tags = field(obj, "tags", &whose)?.unwrap_or_default();
        n.span = field(obj, "span", &whose)?;
        n.attrs = attrs_of(obj, NODE_FIELDS);
        out_nodes.push(n);
    }

    let mut out_edges = Vec::with_capacity(edges.len());
    for (i, v) in edges.iter().enumerate() {
        let whose = format!("edge #{}", i + 1);
        let Value::Object(obj) = v else {
            return Err(parse_error(WHAT, 1, format!("{whose} is not an object")));
        };
        let end = |name: &str| {
            id_of(obj.get(name))
                .ok_or_else(|| parse_error(WHAT, 1, format!("{whose} has no {name}")))
        };
        let (source, target) = (end("source")?, end("target")?);
        let kind = obj
            .get("kind")
            .or_else(|| obj.get("key"))
            .and_then(Value::as_str)
            .ok_or_else(|| parse_error(WHAT, 1, format!("{whose} has no \"kind\"")))?;
        let kind: EdgeKind = kind.parse()?;
        let mut e = Edge::new(source, kind, target);
        e.attrs = attrs_of(obj, EDGE_FIELDS);
        out_edges.push(e);
    }
    Strategy::from_parts(out_nodes, out_edges)
}
