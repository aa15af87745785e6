//! Cytoscape.js JSON: what `cy.json()` gives and `cytoscape({elements})` takes.
//!
//! ```json
//! {"elements": {
//!   "nodes": [{"data": {"id": "priority:1", "label": "Priority 1", "kind": "priority", ...}, "classes": "priority"}],
//!   "edges": [{"data": {"id": "priority:1|contributes_to|outcome:1", "source": "priority:1",
//!              "target": "outcome:1", "kind": "contributes_to"}, "classes": "contributes_to"}]}}
//! ```
//!
//! A node's `data` holds its id, a short `label` for display ("Priority 1", a
//! partner's name), its built-in fields flattened as in the GraphML export
//! (`number`, `text`, `deadline_end`, ...), and its attributes (`attr:NAME`
//! when the name is taken). `classes` is the kind, for stylesheets
//! (`node.priority`, `edge.led_by`). Edge ids are `source|kind|target`.
//!
//! ```
//! use stratagraph::format::cytoscape::to_cytoscape;
//! use stratagraph::{Node, NodeKind, Strategy};
//! let s = Strategy::builder().node(Node::new(NodeKind::Outcome, "1", "Safe.")).build()?;
//! let v: serde_json::Value = serde_json::from_str(&to_cytoscape(&s)).unwrap();
//! assert_eq!(v["elements"]["nodes"][0]["data"]["label"], "Outcome 1");
//! assert_eq!(v["elements"]["nodes"][0]["classes"], "outcome");
//! # Ok::<(), stratagraph::Error>(())
//! ```

use super::graphml::attr_key_name;
use super::{attr_json, flat_fields, pretty_json, Empties, Flat, FLAT_FIELDS, J};
use crate::model::{EdgeRef, Strategy};

const RESERVED_NODE: &[&str] = &["id", "parent", "source", "target"];
const RESERVED_EDGE: &[&str] = &["id", "source", "target", "kind", "label"];

/// The id of an edge in the exports that need one: `source|kind|target`.
pub(crate) fn edge_id(e: &EdgeRef<'_>) -> String {
    format!("{}|{}|{}", e.source, e.kind.as_str(), e.target)
}

/// The strategy as Cytoscape.js elements JSON.
pub fn to_cytoscape(s: &Strategy) -> String {
    let mut node_reserved: Vec<&str> = FLAT_FIELDS.to_vec();
    node_reserved.extend_from_slice(RESERVED_NODE);
    let nodes: Vec<J> = s
        .nodes()
        .map(|n| {
            let mut data = J::obj()
                .with("id", n.id.as_str())
                .with("label", n.short_name());
            for (name, v) in flat_fields(n, Empties::Drop) {
                if name == "label" {
                    continue;
                }
                match v {
                    Flat::Text(t) => data.put(name, t),
                    Flat::Long(l) => data.put(name, J::V(serde_json::Value::from(l))),
                }
            }
            for (name, v) in &n.attrs {
                data.put(&attr_key_name(name, &node_reserved), attr_json(v));
            }
            J::obj().with("data", data).with("classes", n.kind.as_str())
        })
        .collect();
    let edges: Vec<J> = s
        .edges()
        .map(|e| {
            let mut data = J::obj()
                .with("id", edge_id(&e))
                .with("source", e.source.as_str())
                .with("target", e.target.as_str())
                .with("kind", e.kind.as_str());
            for (name, v) in e.attrs {
                data.put(&attr_key_name(name, RESERVED_EDGE), attr_json(v));
            }
            J::obj().with("data", data).with("classes", e.kind.as_str())
        })
        .collect();
    let root = J::obj().with(
        "elements",
        J::obj().with("nodes", nodes).with("edges", edges),
    );
    pretty_json(&root)
}
