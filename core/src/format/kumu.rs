//! Kumu blueprint JSON (Kumu's JSON import): `elements` and `connections`.
//!
//! Elements carry Kumu's own fields, `id` (the stratagraph id), `label` (a
//! short name: "Action 1.1.2", a partner's name), `type` ("Strategic action"),
//! `description` (the statement) and `tags`, then custom fields named for
//! people: `Number`, `Deadline`, `Deadline start`, `Deadline end`, `Period`,
//! ..., and the node's attributes under their own names. Connections carry
//! `id` (`source|kind|target`), `from` and `to` (element ids), `type` ("led
//! by"), `direction` (`directed`) and the edge's attributes.
//!
//! ```
//! use stratagraph::format::kumu::to_kumu;
//! use stratagraph::{EdgeKind, Node, NodeKind, Strategy};
//! let s = Strategy::builder()
//!     .node(Node::new(NodeKind::Action, "1.1.1", "Launch a board."))
//!     .node(Node::new(NodeKind::Partner, "COSLA", ""))
//!     .edge("action:1.1.1", EdgeKind::LedBy, "partner:cosla")
//!     .build()?;
//! let v: serde_json::Value = serde_json::from_str(&to_kumu(&s)).unwrap();
//! assert_eq!(v["elements"][0]["type"], "Action");
//! assert_eq!(v["connections"][0]["type"], "led by");
//! assert_eq!(v["connections"][0]["from"], "action:1.1.1");
//! # Ok::<(), stratagraph::Error>(())
//! ```

use super::cytoscape::edge_id;
use super::graphml::attr_key_name;
use super::{attr_json, pretty_json, J};
use crate::model::{DateWindow, Strategy};

const RESERVED_ELEMENT: &[&str] = &[
    "id",
    "label",
    "type",
    "description",
    "tags",
    "Number",
    "Deadline",
    "Deadline start",
    "Deadline end",
    "Period",
    "Period start",
    "Period end",
    "Source line",
];
const RESERVED_CONNECTION: &[&str] = &["id", "from", "to", "type", "direction", "label"];

fn window(obj: &mut J, w: &Option<DateWindow>, names: [&str; 3]) {
    if let Some(w) = w {
        if !w.phrase.is_empty() {
            obj.put(names[0], w.phrase.as_str());
        }
        if let Some(d) = w.start {
            obj.put(names[1], d.to_string());
        }
        if let Some(d) = w.end {
            obj.put(names[2], d.to_string());
        }
    }
}

/// The strategy as a Kumu blueprint.
pub fn to_kumu(s: &Strategy) -> String {
    let elements: Vec<J> = s
        .nodes()
        .map(|n| {
            let mut el = J::obj()
                .with("id", n.id.as_str())
                .with("label", n.short_name())
                .with("type", n.kind.title());
            if let Some(t) = n.text.as_deref().filter(|t| !t.is_empty()) {
                el.put("description", t);
            }
            if !n.tags.is_empty() {
                let tags: Vec<J> = n.tags.iter().map(|t| J::from(t.as_str())).collect();
                el.put("tags", tags);
            }
            if let Some(v) = &n.number {
                el.put("Number", v.as_str());
            }
            window(
                &mut el,
                &n.deadline,
                ["Deadline", "Deadline start", "Deadline end"],
            );
            window(&mut el, &n.period, ["Period", "Period start", "Period end"]);
            if let Some(span) = n.span {
                el.put("Source line", J::V(serde_json::Value::from(span.line)));
            }
            for (name, v) in &n.attrs {
                el.put(&attr_key_name(name, RESERVED_ELEMENT), attr_json(v));
            }
            el
        })
        .collect();
    let connections: Vec<J> = s
        .edges()
        .map(|e| {
            let mut c = J::obj()
                .with("id", edge_id(&e))
                .with("from", e.source.as_str())
                .with("to", e.target.as_str())
                .with("type", e.kind.as_str().replace('_', " "))
                .with("direction", "directed");
            for (name, v) in e.attrs {
                c.put(&attr_key_name(name, RESERVED_CONNECTION), attr_json(v));
            }
            c
        })
        .collect();
    pretty_json(
        &J::obj()
            .with("elements", elements)
            .with("connections", connections),
    )
}
