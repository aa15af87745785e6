//! The `Strategy` class.

use wasm_bindgen::prelude::*;

use crate::convert::{text_arg, to_js, to_js_array};
use crate::errors;

/// A strategy and its delivery plan as a typed graph.
///
/// Read one with `Strategy.fromJson(text)`; its nodes and edges come back as
/// arrays of plain objects in one call (`nodes()`, `edges()`).
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
    /// The core strategy, for functions of other classes that change it.
    pub(crate) fn inner_mut(&mut self) -> &mut stratagraph::Strategy {
        &mut self.inner
    }
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
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The strategy as delivery-plan text, in the layout `parseDeliveryPlan`
    /// reads (priorities, strategic actions, numbered actions with their
    /// deadlines, lead and key partners); reading it back gives the same plan
    /// for everything that layout can carry.
    #[wasm_bindgen(js_name = toDeliveryPlan)]
    pub fn to_delivery_plan(&self) -> String {
        stratagraph::parse::write_delivery_plan(&self.inner)
    }

    /// Every problem of the strategy, at once.
    #[wasm_bindgen(unchecked_return_type = "Diagnostic[]")]
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

    /// The node with this id, or `undefined`.
    #[wasm_bindgen(unchecked_return_type = "NodeData | undefined")]
    pub fn node(&self, id: &str) -> Result<JsValue, JsValue> {
        match self.inner.node(id) {
            Some(node) => to_js(node),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// Every node, in canonical order.
    #[wasm_bindgen(unchecked_return_type = "NodeData[]")]
    pub fn nodes(&self) -> Result<JsValue, JsValue> {
        to_js_array(self.inner.nodes())
    }

    /// Every edge, in canonical order.
    #[wasm_bindgen(unchecked_return_type = "EdgeData[]")]
    pub fn edges(&self) -> Result<JsValue, JsValue> {
        to_js_array(self.inner.edges().map(|e| e.to_edge()))
    }
}
