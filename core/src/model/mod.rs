//! The model: ids, node and edge kinds, nodes, edges, dates and the [`Strategy`] graph.

pub mod date;
pub mod kind;
pub mod node;
pub mod strategy;

pub use date::{Date, DateWindow};
pub use kind::{EdgeKind, NodeKind};
pub use node::{slug, AttrValue, Attrs, Edge, Node, NodeId, SourceSpan};
pub use strategy::{EdgeRef, Strategy, StrategyBuilder};
