//! `mergeProposals`: nodes and links proposed by another extractor, behind
//! the same gate as the parser's own output (full build only).

use wasm_bindgen::prelude::*;

use crate::convert::{plain_object, text_arg, to_js};
use crate::errors;
use crate::strategy::Strategy;

/// Merge nodes and links proposed by another extractor (a language model, a
/// person's annotation) into the strategy the rules parsed from `text`: a
/// proposal is accepted only where its span's text is really there and the
/// result validates. `proposalsJson` is a `{"format":
/// "stratagraph-proposals", "version": 1, "nodes": [...], "edges": [...]}`
/// document.
///
/// Spans are **UTF-8 byte offsets** into `text`, as Rust and Python count
/// them, not JavaScript (UTF-16) string indices: for an index `i`, the
/// offset is `new TextEncoder().encode(text.slice(0, i)).length`.
///
/// Returns a `ProposalMerge`: the merged `strategy` (a new `Strategy`; the
/// one given is unchanged), the proposals `accepted` and `rejected` (with
/// why), the `disagreements` with the rules, one diagnostic per rejection
/// and disagreement, and `json`, the merge's canonical JSON (byte for byte
/// what Rust and Python write).
///
/// @throws {StratagraphError} `json` (with `line` and `column`), `format` or
/// `version` for a proposals document that does not read.
#[wasm_bindgen(js_name = mergeProposals, unchecked_return_type = "ProposalMergeResult")]
pub fn merge_proposals(
    #[wasm_bindgen(unchecked_param_type = "TextInput")] text: &JsValue,
    strategy: &Strategy,
    #[wasm_bindgen(js_name = proposalsJson, unchecked_param_type = "TextInput")]
    proposals_json: &JsValue,
) -> Result<JsValue, JsValue> {
    let text = text_arg(text, "text")?;
    let proposals =
        stratagraph::proposals::Proposals::from_json(&text_arg(proposals_json, "proposalsJson")?)
            .map_err(|e| errors::core_error(&e))?;
    let merged = stratagraph::proposals::merge_proposals(&text, strategy.inner(), &proposals);
    let json = merged.to_json();
    // Exhaustive on purpose: a field added in core must be added here too.
    let stratagraph::proposals::ProposalMerge {
        strategy,
        accepted,
        rejected,
        disagreements,
        diagnostics,
    } = merged;
    plain_object([
        ("strategy", JsValue::from(Strategy::from(strategy))),
        ("accepted", to_js(&accepted)?),
        ("rejected", to_js(&rejected)?),
        ("disagreements", to_js(&disagreements)?),
        ("diagnostics", to_js(&diagnostics)?),
        ("json", JsValue::from_str(&json)),
    ])
}
