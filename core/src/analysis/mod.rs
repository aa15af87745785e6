//! Analyses of a strategy: coverage and gaps, timeline, partner network,
//! diff and alignment of plans, indicators and the progress roll-up.
//!
//! Every result is a table (see [`Table`]): a struct with `rows` of plain
//! values, in a documented, deterministic order.

pub(crate) mod index;
pub mod table;

pub use table::{Row, Table};
pub mod align;
pub mod centrality;
pub mod community;
pub mod coverage;
pub mod diff;
pub mod indicators;
pub mod network;
pub mod similarity;
pub mod timeline;
pub mod progress;
