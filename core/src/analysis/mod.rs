//! Analyses of a strategy: coverage and gaps, timeline, partner network,
//! diff and alignment of plans, indicators and the progress roll-up.
//!
//! Every result is a table (see [`Table`]): a struct with `rows` of plain
//! values, in a documented, deterministic order, ready for a DataFrame or a web
//! table. The questions about who does what are in [`crate::query`].
//!
//! | module | answers |
//! |---|---|
//! | [`coverage`] | priority × outcome and outcome × partner matrices; gaps |
//! | [`timeline`] | deadlines sorted, due in a window, overdue as of a date, Gantt bars |
//! | [`crate::progress::rollup`] | statuses rolled up; the board-paper summary; series, changes, staleness (with the rest of progress, in [`crate::progress`]) |
//! | [`network`] | the partner network, its centralities and communities |
//! | [`centrality`], [`community`] | the same algorithms on any petgraph graph, as networkx defines them |
//! | [`diff`] | two versions of a plan: added, removed, renumbered, reworded, reassigned |
//! | [`align`] | two strategies: outcomes and priorities paired, shared partners and legislation |
//! | [`indicators`] | indicators' results chains (IATI) and gaps to target |
//! | [`similarity`] | the deterministic text similarity diff and align use |
//!
//! ```
//! use stratagraph::analysis::{coverage, network, timeline, Table};
//! use stratagraph::query;
//!
//! let plan = stratagraph::parse_delivery_plan(include_str!(
//!     "../../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
//! )).strategy;
//! assert_eq!(query::partner_load(&plan).rows[0].leads, 13);
//! assert_eq!(coverage::gaps(&plan).len(), 6);
//! assert_eq!(timeline::timeline(&plan).rows[0].number, "10.1.5");
//! assert_eq!(network::partner_centrality(&plan).links, 29);
//! ```

pub mod align;
pub mod centrality;
pub mod community;
pub mod coverage;
pub mod diff;
pub mod indicators;
pub mod network;
pub mod similarity;
pub mod table;
pub mod timeline;

pub use table::{ColumnType, ColumnValue, Row, Table};
