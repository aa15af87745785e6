//! Read networkx node-link JSON (see [`crate::export::node_link`]) back into a
//! strategy. Edges may be under `edges` or (older networkx) `links`; ids may
//! be strings or numbers; a node without `kind` takes the kind its id prefix
//! names (`action:1.1.1`); keys that are not fields become attributes.
//!
//! ```
//! use stratagraph::import::node_link::read;
//! let s = read(r#"{"directed": true, "multigraph": false, "graph": {},
//!   "nodes": [{"id": "outcome:1", "weight": 2}, {"id": "priority:1"}],
//!   "links": [{"source": "priority:1", "target": "outcome:1", "kind": "contributes_to"}]}"#)?;
//! assert_eq!(s.node("outcome:1").unwrap().attrs["weight"], 2_i64.into());
//! assert_eq!(s.edge_count(), 1);
//! # Ok::<(), stratagraph::Error>(())
//! ```

use serde_json::{Map, Value};

use super::{attr_from_json, kind_from_id, parse_error};
use crate::error::Error;
use crate::export::node_link::{EDGE_FIELDS, NODE_FIELDS};
use crate::model::{Attrs, Edge, EdgeKind, Node, NodeKind, Strategy};

const WHAT: &str = "node-link";

fn json_error(e: &serde_json::Error) -> Error {
    let mut message = e.to_string();
    if let Some(pos) = message.rfind(" at line ") {
        message.truncate(pos);
    }
    Error::Json {
        line: e.line().max(1),
        column: e.column().max(1),
        message,
    }
}

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
        serde_json::from_str(crate::json::without_bom(text)).map_err(|e| json_error(&e))?;
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
