//! The `Strategy` class: reading and writing it, its nodes and edges, and
//! changing it. Its queries and analyses are in [`crate::analysis`].

use stratagraph::{Edge, EdgeKind, Node, NodeKind};
use wasm_bindgen::prelude::*;

use crate::convert::{from_js, opt_string_arg, string_arg, text_arg, to_js, to_js_array};
use crate::errors;
use crate::options::{parse_name, svg_options};

/// A strategy and its delivery plan as a typed graph.
///
/// Read one with `Strategy.fromJson(text)`, a parser (`parseDeliveryPlan`,
/// ...), `importStrategy` or `generateStrategy`; its nodes and edges and every
/// query and analysis come back as plain objects in one call.
#[wasm_bindgen]
pub struct Strategy {
    inner: stratagraph::Strategy,
}

impl From<stratagraph::Strategy> for Strategy {
    fn from(inner: stratagraph::Strategy) -> Strategy {
        Strategy { inner }
    }
}

impl Strategy {
    /// The core strategy.
    pub(crate) fn inner(&self) -> &stratagraph::Strategy {
        &self.inner
    }

    /// The core strategy, for functions of other classes that change it.
    pub(crate) fn inner_mut(&mut self) -> &mut stratagraph::Strategy {
        &mut self.inner
    }
}

/// The id argument of a navigation call.
fn id_arg(value: &JsValue) -> Result<String, JsValue> {
    string_arg(value, "id")
}

/// An edge kind argument (`led_by`, ...): `unknown_kind` for a name the core does not know.
fn edge_kind_arg(value: &JsValue) -> Result<EdgeKind, JsValue> {
    parse_name(&string_arg(value, "kind")?)
}

/// Nodes as an array of plain objects.
fn node_array<'a>(nodes: impl IntoIterator<Item = &'a Node>) -> Result<JsValue, JsValue> {
    to_js_array(nodes)
}

#[wasm_bindgen]
impl Strategy {
    /// Read a strategy from canonical JSON (`{"format": "stratagraph", "version": 1, ...}`).
    ///
    /// @throws {StratagraphError} `json` (with `line` and `column`), `format`,
    /// `version`, `duplicate_id` or `dangling_edge`.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "TextInput")] text: &JsValue,
    ) -> Result<Strategy, JsValue> {
        let text = text_arg(text, "text")?;
        stratagraph::Strategy::from_json(&text)
            .map(|inner| Strategy { inner })
            .map_err(|e| errors::core_error(&e))
    }

    /// The canonical JSON of the strategy: deterministic, two-space indented,
    /// ending with a newline (byte for byte what Rust and Python write).
    #[wasm_bindgen(js_name = toJson)]
    #[cfg(feature = "full")]
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The strategy as delivery-plan text, in the layout `parseDeliveryPlan`
    /// reads (priorities, strategic actions, numbered actions with their
    /// deadlines, lead and key partners); reading it back gives the same plan
    /// for everything that layout can carry.
    #[wasm_bindgen(js_name = toDeliveryPlan)]
    #[cfg(feature = "full")]
    pub fn to_delivery_plan(&self) -> String {
        stratagraph::write_delivery_plan(&self.inner)
    }

    /// The layered SVG drawing of the strategy (priorities, strategic
    /// actions, actions, outcomes and, with `partners: true`, partners),
    /// computed by the core: the same picture as Python and the command line.
    /// Every text is escaped; each node is a `<g class="sg-node KIND"
    /// data-id="ID">`, each edge a `<path class="sg-edge KIND"
    /// data-source="ID" data-target="ID">`.
    ///
    /// @throws {TypeError} `invalid_argument` for an unknown or mistyped option.
    #[wasm_bindgen(js_name = toSvg)]
    pub fn to_svg(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "SvgOptions")] options: JsValue,
    ) -> Result<String, JsValue> {
        let options = svg_options(options)?;
        Ok(stratagraph::format::svg::to_svg(&self.inner, &options))
    }

    /// The readable report: the hierarchy as an indented outline (each node
    /// with its leads, partners, deadline, outcomes, ...), the nodes outside
    /// it grouped by kind, then the diagnostics: those given, or by default
    /// those of `validate()`.
    #[wasm_bindgen(js_name = textReport)]
    #[cfg(feature = "full")]
    pub fn text_report(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "Diagnostic[]")] diagnostics: JsValue,
    ) -> Result<String, JsValue> {
        let diagnostics = if diagnostics.is_undefined() || diagnostics.is_null() {
            self.inner.validate()
        } else {
            from_js::<Vec<stratagraph::Diagnostic>>(diagnostics, "diagnostics")?
        };
        Ok(stratagraph::format::report::text_report(
            &self.inner,
            &diagnostics,
        ))
    }

    /// Every problem of the strategy, at once.
    #[wasm_bindgen(unchecked_return_type = "Diagnostic[]")]
    #[cfg(feature = "full")]
    pub fn validate(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.validate())
    }

    /// The number of nodes.
    #[wasm_bindgen(getter = nodeCount)]
    pub fn node_count(&self) -> usize {
        self.inner.len()
    }

    /// The number of edges.
    #[wasm_bindgen(getter = edgeCount)]
    pub fn edge_count(&self) -> usize {
        self.inner.edge_count()
    }

    /// Whether a node has this id.
    #[cfg(feature = "full")]
    pub fn has(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: &JsValue,
    ) -> Result<bool, JsValue> {
        Ok(self.inner.contains(&id_arg(id)?))
    }

    /// The node with this id, or `undefined`.
    #[wasm_bindgen(unchecked_return_type = "NodeData | undefined")]
    #[cfg(feature = "full")]
    pub fn node(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: &JsValue,
    ) -> Result<JsValue, JsValue> {
        match self.inner.node(&id_arg(id)?) {
            Some(node) => to_js(node),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// Every node (or every node of one kind), in canonical order.
    ///
    /// @throws {StratagraphError} `unknown_kind` for a kind the core does not know.
    #[wasm_bindgen(unchecked_return_type = "NodeData[]")]
    pub fn nodes(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "NodeKind")] kind: &JsValue,
    ) -> Result<JsValue, JsValue> {
        match opt_string_arg(kind, "kind")? {
            Some(kind) => node_array(self.inner.nodes_of_kind(parse_name::<NodeKind>(&kind)?)),
            None => node_array(self.inner.nodes()),
        }
    }

    /// Every edge (or every edge of one kind), in canonical order.
    ///
    /// @throws {StratagraphError} `unknown_kind` for a kind the core does not know.
    #[wasm_bindgen(unchecked_return_type = "EdgeData[]")]
    pub fn edges(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "EdgeKind")] kind: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let kind = match opt_string_arg(kind, "kind")? {
            Some(kind) => Some(parse_name::<EdgeKind>(&kind)?),
            None => None,
        };
        to_js_array(
            self.inner
                .edges()
                .filter(|e| kind.is_none_or(|k| e.kind == k))
                .map(|e| e.to_edge()),
        )
    }

    /// The edge of `kind` from `source` to `target`, or `undefined`.
    #[wasm_bindgen(unchecked_return_type = "EdgeData | undefined")]
    #[cfg(feature = "full")]
    pub fn edge(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] source: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "EdgeKind")] kind: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] target: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let (source, target) = (string_arg(source, "source")?, string_arg(target, "target")?);
        match self.inner.edge(&source, edge_kind_arg(kind)?, &target) {
            Some(e) => to_js(&e.to_edge()),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// The nodes `id` points to by edges of `kind`, in canonical order (an
    /// action's leads: `targets(action, "led_by")`); none for an unknown id.
    #[wasm_bindgen(unchecked_return_type = "NodeData[]")]
    #[cfg(feature = "full")]
    pub fn targets(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "EdgeKind")] kind: &JsValue,
    ) -> Result<JsValue, JsValue> {
        node_array(self.inner.targets(&id_arg(id)?, edge_kind_arg(kind)?))
    }

    /// The nodes that point to `id` by edges of `kind`, in canonical order
    /// (the actions a partner leads: `sources(partner, "led_by")`).
    #[wasm_bindgen(unchecked_return_type = "NodeData[]")]
    #[cfg(feature = "full")]
    pub fn sources(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "EdgeKind")] kind: &JsValue,
    ) -> Result<JsValue, JsValue> {
        node_array(self.inner.sources(&id_arg(id)?, edge_kind_arg(kind)?))
    }

    /// The node that contains `id` in the hierarchy, or `undefined`.
    #[wasm_bindgen(unchecked_return_type = "NodeData | undefined")]
    #[cfg(feature = "full")]
    pub fn parent(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: &JsValue,
    ) -> Result<JsValue, JsValue> {
        match self.inner.parent(&id_arg(id)?) {
            Some(node) => to_js(node),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// The nodes `id` contains, in canonical order.
    #[wasm_bindgen(unchecked_return_type = "NodeData[]")]
    #[cfg(feature = "full")]
    pub fn children(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: &JsValue,
    ) -> Result<JsValue, JsValue> {
        node_array(self.inner.children(&id_arg(id)?))
    }

    /// The chain of containers of `id`, nearest first.
    #[wasm_bindgen(unchecked_return_type = "NodeData[]")]
    #[cfg(feature = "full")]
    pub fn ancestors(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: &JsValue,
    ) -> Result<JsValue, JsValue> {
        node_array(self.inner.ancestors(&id_arg(id)?))
    }

    /// Add a node (a `NodeData` object).
    ///
    /// @throws {StratagraphError} `duplicate_id` if its id is taken; a
    /// `TypeError` (`invalid_argument`) for an object that is not a node.
    #[wasm_bindgen(js_name = addNode)]
    #[cfg(feature = "full")]
    pub fn add_node(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "NodeData")] node: JsValue,
    ) -> Result<(), JsValue> {
        let node: Node = from_js(node, "node")?;
        self.inner
            .add_node(node)
            .map_err(|e| errors::core_error(&e))
    }

    /// Add a node, or replace the data of the node with the same id (keeping
    /// its edges and position); returns the node it replaced, or `undefined`.
    #[wasm_bindgen(js_name = upsertNode, unchecked_return_type = "NodeData | undefined")]
    #[cfg(feature = "full")]
    pub fn upsert_node(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "NodeData")] node: JsValue,
    ) -> Result<JsValue, JsValue> {
        let node: Node = from_js(node, "node")?;
        match self.inner.upsert_node(node) {
            Some(old) => to_js(&old),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// Remove a node and its edges; returns it, or `undefined` if there was none.
    #[wasm_bindgen(js_name = removeNode, unchecked_return_type = "NodeData | undefined")]
    #[cfg(feature = "full")]
    pub fn remove_node(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: &JsValue,
    ) -> Result<JsValue, JsValue> {
        match self.inner.remove_node(&id_arg(id)?) {
            Some(old) => to_js(&old),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// Add an edge (an `EdgeData` object) between two existing nodes; returns
    /// `false` (and replaces its attributes) if an edge of that kind already
    /// joined them.
    ///
    /// @throws {StratagraphError} `dangling_edge` when an end does not exist.
    #[wasm_bindgen(js_name = addEdge)]
    #[cfg(feature = "full")]
    pub fn add_edge(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "EdgeData")] edge: JsValue,
    ) -> Result<bool, JsValue> {
        let edge: Edge = from_js(edge, "edge")?;
        self.inner
            .add_edge(edge)
            .map_err(|e| errors::core_error(&e))
    }

    /// Remove the edge of `kind` from `source` to `target`; returns whether it was there.
    #[wasm_bindgen(js_name = removeEdge)]
    #[cfg(feature = "full")]
    pub fn remove_edge(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] source: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "EdgeKind")] kind: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] target: &JsValue,
    ) -> Result<bool, JsValue> {
        let (source, target) = (string_arg(source, "source")?, string_arg(target, "target")?);
        Ok(self
            .inner
            .remove_edge(&source, edge_kind_arg(kind)?, &target))
    }

    /// An independent copy (for example before `ProgressReport.applyTo`).
    #[allow(clippy::should_implement_trait)] // the JavaScript method is `clone()`
    #[cfg(feature = "full")]
    pub fn clone(&self) -> Strategy {
        Strategy {
            inner: self.inner.clone(),
        }
    }

    /// Whether two strategies hold the same nodes and edges.
    #[cfg(feature = "full")]
    pub fn equals(&self, other: &Strategy) -> bool {
        self.inner == other.inner
    }
}
