//! The questions a strategy answers (who does what, coverage, timeline,
//! partner network, progress, diff, alignment, indicators), each one call to
//! one core function returning a table: a plain object with `rows` (an array of
//! plain objects), the core's summary fields and `columns` (see
//! [`crate::convert::table`]). Row fields keep the core's snake_case column
//! names, so a row is the same in JavaScript, Python, CSV and JSON.

use stratagraph::analysis::{align, coverage, diff, indicators, network, timeline};
use stratagraph::progress::rollup as progress;
use stratagraph::query;
use wasm_bindgen::prelude::*;

use crate::convert::{
    count_arg, date_arg, opt_number_arg, opt_string_arg, string_arg, table, table_or_throw,
};
use crate::options::diff_options;
use crate::progress::{report_arg, report_list, ProgressReport};
use crate::strategy::Strategy;

#[wasm_bindgen]
impl Strategy {
    /// Who is responsible for what: one row per partner, action and role
    /// (`lead`, `joint_lead`, `key_partner`; members of an alliance through
    /// it, with `via`), or one partner's rows when `partner` (an id or a
    /// name, any case) is given.
    ///
    /// @throws {StratagraphError} `unknown_node` when no partner has that id or name.
    #[wasm_bindgen(unchecked_return_type = "Responsibilities")]
    pub fn responsibilities(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] partner: &JsValue,
    ) -> Result<JsValue, JsValue> {
        match opt_string_arg(partner, "partner")? {
            Some(p) => table_or_throw(query::partner_responsibilities(self.inner(), &p)),
            None => table(&query::responsibilities(self.inner())),
        }
    }

    /// How much each partner carries (leads, joint leads, key partnerships,
    /// actions through an alliance, strategic actions, priorities and
    /// outcomes touched), heaviest first.
    #[wasm_bindgen(js_name = partnerLoad, unchecked_return_type = "PartnerLoad")]
    pub fn partner_load(&self) -> Result<JsValue, JsValue> {
        table(&query::partner_load(self.inner()))
    }

    /// Every action as one row, in canonical order: its number and text, the
    /// priority and strategic action containing it, its leads and key
    /// partners (names joined by `"; "`), its deadline, the outcomes it
    /// counts for (its own and its containers'), and its status (its own,
    /// else its nearest container's).
    #[wasm_bindgen(js_name = actionsTable, unchecked_return_type = "ActionsTable")]
    pub fn actions_table(&self) -> Result<JsValue, JsValue> {
        table(&query::actions_table(self.inner()))
    }

    /// Every node's context in one call, by the core's rules: its parent and
    /// containers (nearest first), the nearest priority and strategic action,
    /// the outcomes it counts for (its own and its containers'), its leads and
    /// key partners, and its status (its own, else its nearest container's) with
    /// the node it comes from. Lists are ids joined by `"; "`.
    #[wasm_bindgen(js_name = nodeContexts, unchecked_return_type = "NodeContexts")]
    pub fn node_contexts(&self) -> Result<JsValue, JsValue> {
        table(&query::node_contexts(self.inner()))
    }

    /// Why an action counts for an outcome: the chain of edges between them,
    /// each step with a reading ("action 1.1.1 is part of strategic action
    /// 1.1"); `found` is false (and `rows` empty) when it does not.
    ///
    /// @throws {StratagraphError} `unknown_node` for an id no node has.
    #[wasm_bindgen(js_name = explainContribution, unchecked_return_type = "PathExplanation")]
    #[cfg(feature = "full")]
    pub fn explain_contribution(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] action: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] outcome: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let (a, o) = (
            string_arg(action, "action")?,
            string_arg(outcome, "outcome")?,
        );
        table_or_throw(query::explain_contribution(self.inner(), &a, &o))
    }

    /// The shortest chains of edges between any two nodes (ids, or a
    /// partner's name), each step with a reading.
    ///
    /// @throws {StratagraphError} `unknown_node` for an id or name no node has.
    #[wasm_bindgen(js_name = explainPath, unchecked_return_type = "PathExplanation")]
    #[cfg(feature = "full")]
    pub fn explain_path(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] from: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] to: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let (from, to) = (string_arg(from, "from")?, string_arg(to, "to")?);
        table_or_throw(query::explain_path(self.inner(), &from, &to))
    }

    /// The priority × outcome matrix: how many actions of each priority count
    /// for each outcome, and whether the priority names it.
    #[wasm_bindgen(js_name = priorityOutcomeMatrix, unchecked_return_type = "PriorityOutcomeMatrix")]
    #[cfg(feature = "full")]
    pub fn priority_outcome_matrix(&self) -> Result<JsValue, JsValue> {
        table(&coverage::priority_outcome_matrix(self.inner()))
    }

    /// The outcome × partner matrix: each partner's actions, leads and key
    /// partnerships behind each outcome.
    #[wasm_bindgen(js_name = outcomePartnerMatrix, unchecked_return_type = "OutcomePartnerMatrix")]
    #[cfg(feature = "full")]
    pub fn outcome_partner_matrix(&self) -> Result<JsValue, JsValue> {
        table(&coverage::outcome_partner_matrix(self.inner()))
    }

    /// The gaps of the plan: outcomes with no action behind them, challenges
    /// nobody answers, actions without a lead or a deadline, and the like.
    #[wasm_bindgen(unchecked_return_type = "Gaps")]
    #[cfg(feature = "full")]
    pub fn gaps(&self) -> Result<JsValue, JsValue> {
        table(&coverage::gaps(self.inner()))
    }

    /// Every dated action, in time order (`undated` counts the others).
    #[wasm_bindgen(unchecked_return_type = "Timeline")]
    #[cfg(feature = "full")]
    pub fn timeline(&self) -> Result<JsValue, JsValue> {
        table(&timeline::timeline(self.inner()))
    }

    /// The actions falling due between two days (`YYYY-MM-DD`, both included), in time order.
    ///
    /// @throws {StratagraphError} `invalid_date` for a day that is not real.
    #[wasm_bindgen(js_name = dueIn, unchecked_return_type = "Timeline")]
    #[cfg(feature = "full")]
    pub fn due_in(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DateText")] start: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "DateText")] end: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let start = date_arg(&string_arg(start, "start")?)?;
        let end = date_arg(&string_arg(end, "end")?)?;
        table(&timeline::due_in(self.inner(), start, end))
    }

    /// The actions overdue as of a day (`YYYY-MM-DD`): due before it and not delivered.
    ///
    /// @throws {StratagraphError} `invalid_date` for a day that is not real.
    #[wasm_bindgen(unchecked_return_type = "Overdue")]
    #[cfg(feature = "full")]
    pub fn overdue(
        &self,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "DateText")] as_of: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let as_of = date_arg(&string_arg(as_of, "asOf")?)?;
        table(&timeline::overdue(self.inner(), as_of))
    }

    /// The plan as Gantt bars: one row per dated node, with its start, end and level.
    #[wasm_bindgen(unchecked_return_type = "Gantt")]
    #[cfg(feature = "full")]
    pub fn gantt(&self) -> Result<JsValue, JsValue> {
        table(&timeline::gantt(self.inner()))
    }

    /// The partner network as links: pairs of partners that share actions, with how many.
    #[wasm_bindgen(js_name = partnerLinks, unchecked_return_type = "PartnerLinks")]
    #[cfg(feature = "full")]
    pub fn partner_links(&self) -> Result<JsValue, JsValue> {
        table(&network::partner_links(self.inner()))
    }

    /// The partner network's centralities (degree, betweenness, eigenvector,
    /// PageRank) and communities (Louvain, with the modularity), one row per partner.
    #[wasm_bindgen(js_name = partnerCentrality, unchecked_return_type = "PartnerCentrality")]
    #[cfg(feature = "full")]
    pub fn partner_centrality(&self) -> Result<JsValue, JsValue> {
        table(&network::partner_centrality(self.inner()))
    }

    /// Progress rolled up from strategic actions to priorities and outcomes,
    /// with the counts a board paper prints: from the statuses on the plan's
    /// nodes, or from `report` when one is given (without changing the plan).
    #[wasm_bindgen(js_name = progressRollup, unchecked_return_type = "ProgressRollup")]
    pub fn progress_rollup(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ProgressReport")] report: &JsValue,
    ) -> Result<JsValue, JsValue> {
        match report_arg(report)? {
            Some(r) => table(&progress::progress_rollup_of_report(self.inner(), &r)),
            None => table(&progress::progress_rollup(self.inner())),
        }
    }

    /// The board-paper summary: how many strategic actions are in each
    /// status, and what share, with the sentence a board paper prints; from
    /// the plan's statuses or from `report`.
    #[wasm_bindgen(js_name = progressSummary, unchecked_return_type = "ProgressSummary")]
    #[cfg(feature = "full")]
    pub fn progress_summary(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ProgressReport")] report: &JsValue,
    ) -> Result<JsValue, JsValue> {
        match report_arg(report)? {
            Some(r) => table(&progress::progress_summary_of_report(self.inner(), &r)),
            None => table(&progress::progress_summary(self.inner())),
        }
    }

    /// Progress over time: the summary of each report, in date order.
    ///
    /// @throws {TypeError} `invalid_argument` unless `reports` is an array of `ProgressReport`s.
    #[wasm_bindgen(js_name = progressSeries, unchecked_return_type = "ProgressSeries")]
    #[cfg(feature = "full")]
    pub fn progress_series(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ProgressReport[]")] reports: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let reports = report_list(reports)?;
        table(&progress::progress_series(self.inner(), &reports))
    }

    /// What changed between two reports: each strategic action whose status
    /// improved or worsened, and by how many steps.
    #[wasm_bindgen(js_name = progressChanges, unchecked_return_type = "ProgressChanges")]
    #[cfg(feature = "full")]
    pub fn progress_changes(
        &self,
        older: &ProgressReport,
        newer: &ProgressReport,
    ) -> Result<JsValue, JsValue> {
        table(&progress::progress_changes(
            self.inner(),
            older.inner(),
            newer.inner(),
        ))
    }

    /// The strategic actions whose status has not changed over the last `n`
    /// reports (at least 2).
    #[wasm_bindgen(js_name = staleStatuses, unchecked_return_type = "Staleness")]
    #[cfg(feature = "full")]
    pub fn stale_statuses(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ProgressReport[]")] reports: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let n = count_arg(n, "n")?;
        let reports = report_list(reports)?;
        table(&progress::stale_statuses(
            self.inner(),
            &reports,
            n as usize,
        ))
    }

    /// What changed from this version of a plan to `newer`: items added,
    /// removed, renumbered or reworded, and changed leads, partners and
    /// deadlines. `sameNumber` and `renumbered` are the least similarities (0
    /// to 1) for two items to count as one.
    #[wasm_bindgen(unchecked_return_type = "PlanDiff")]
    #[cfg(feature = "full")]
    pub fn diff(
        &self,
        newer: &Strategy,
        #[wasm_bindgen(unchecked_optional_param_type = "DiffOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let options = diff_options(options)?;
        table(&diff::diff_with(self.inner(), newer.inner(), options))
    }

    /// How this strategy lines up with another (another nation's, another
    /// version): outcomes and priorities paired by the similarity of their
    /// statements (at least `threshold`, default 0.3), shared partners and
    /// legislation.
    #[wasm_bindgen(unchecked_return_type = "Alignment")]
    #[cfg(feature = "full")]
    pub fn align(
        &self,
        other: &Strategy,
        #[wasm_bindgen(unchecked_optional_param_type = "number")] threshold: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let threshold = opt_number_arg(threshold, "threshold")?.unwrap_or(align::DEFAULT_THRESHOLD);
        table(&align::align_with(self.inner(), other.inner(), threshold))
    }

    /// Each indicator's results chain (IATI): baseline, target and actual of
    /// each period, and the gap.
    #[wasm_bindgen(js_name = indicatorResults, unchecked_return_type = "IndicatorResults")]
    #[cfg(feature = "full")]
    pub fn indicator_results(&self) -> Result<JsValue, JsValue> {
        table(&indicators::indicator_results(self.inner()))
    }

    /// Each indicator against its target as of a day (`YYYY-MM-DD`): the
    /// expected value on the way, the gaps and a status.
    ///
    /// @throws {StratagraphError} `invalid_date` for a day that is not real.
    #[wasm_bindgen(js_name = indicatorGaps, unchecked_return_type = "IndicatorGaps")]
    #[cfg(feature = "full")]
    pub fn indicator_gaps(
        &self,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "DateText")] as_of: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let as_of = date_arg(&string_arg(as_of, "asOf")?)?;
        table(&indicators::indicator_gaps(self.inner(), as_of))
    }
}
