//! The model: ids, node and edge kinds, nodes, edges, dates and the [`Strategy`] graph.

/// `ts_rs::TS` for a type that crosses as text: in TypeScript it is `$name`
/// (feature `ts`).
macro_rules! ts_text {
    ($ty:ty, $name:literal) => {
        #[cfg(feature = "ts")]
        impl ts_rs::TS for $ty {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;
            fn name(_: &ts_rs::Config) -> String {
                $name.to_owned()
            }
            fn inline(cfg: &ts_rs::Config) -> String {
                Self::name(cfg)
            }
        }
    };
}

pub mod date;
pub mod kind;
pub mod node;
pub mod strategy;

pub use date::{Date, DateWindow};
pub use kind::{EdgeKind, NodeKind};
pub use node::{slug, AttrValue, Attrs, Edge, Node, NodeId, SourceSpan};
pub use strategy::{EdgeRef, Strategy, StrategyBuilder};
