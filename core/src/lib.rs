//! # stratagraph
//!
//! Public-sector strategies and delivery plans as a typed graph: priorities,
//! strategic actions, numbered actions, outcomes, challenges, lead and key
//! partners, deadlines, governance and legislation. Build a [`Strategy`] with the
//! builder or load it from canonical JSON, check it with [`Strategy::validate`].
//!
//! ```
//! use stratagraph::{EdgeKind, Node, NodeKind, Strategy};
//!
//! let plan = Strategy::builder()
//!     .node(Node::new(NodeKind::Priority, "10", "Improved mental health support for survivors."))
//!     .node(Node::new(NodeKind::StrategicAction, "10.1", "Improve trauma-informed support."))
//!     .node(Node::new(NodeKind::Action, "10.1.1", "Publish a trauma training plan."))
//!     .node(Node::new(NodeKind::Partner, "Scottish Government", ""))
//!     .node(Node::new(NodeKind::Outcome, "1", "People are supported."))
//!     .edge("priority:10", EdgeKind::Contains, "strategic-action:10.1")
//!     .edge("strategic-action:10.1", EdgeKind::Contains, "action:10.1.1")
//!     .edge("action:10.1.1", EdgeKind::LedBy, "partner:scottish-government")
//!     .edge("action:10.1.1", EdgeKind::ContributesTo, "outcome:1")
//!     .build()?;
//!
//! assert!(plan.validate().is_empty());
//! let json = plan.to_json();
//! assert_eq!(Strategy::from_json(&json)?, plan);
//! # Ok::<(), stratagraph::Error>(())
//! ```

#![warn(missing_docs)]

pub mod analysis;
pub mod diagnostic;
pub mod error;
pub mod format;
pub mod generate;
pub mod model;
pub mod parse;
pub mod progress;
pub mod proposals;
#[cfg(feature = "quality")]
pub mod quality;
pub mod query;
pub(crate) mod rules;
mod sort;
pub mod text;
pub mod validate;

pub use diagnostic::{diagnostics_to_json, Diagnostic, Severity};
pub use error::Error;
pub use format::json::{Document, JSON_SCHEMA};
pub use format::plan_text::{write_delivery_plan, PlanWriter};
pub use model::{
    slug, AttrValue, Attrs, Date, DateWindow, Edge, EdgeKind, EdgeRef, Node, NodeId, NodeKind,
    SourceSpan, Strategy, StrategyBuilder,
};
pub use parse::parse_progress_report;
pub use parse::parse_strategy;
pub use parse::ParseResult;
pub use parse::{parse_delivery_plan, PlanParser};
pub use validate::{validate_document, validate_json};

/// The code blocks of the top-level README, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;

/// The code blocks of the user guide (`docs/guide.md`), run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../docs/guide.md")]
struct GuideDoctests;
