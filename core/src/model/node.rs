//! Nodes, edges and their data: ids, source spans, tags and typed attributes.

use std::borrow::Borrow;
use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::date::DateWindow;
use super::kind::{EdgeKind, NodeKind};

/// A stable, human-readable node id that reads like the document:
/// `priority:10`, `action:10.1.1`, `outcome:3`, `partner:scottish-government`.
///
/// Ids are the identity of a node everywhere: in files, across bindings, in diffs.
///
/// ```
/// use stratagraph::{NodeId, NodeKind};
/// assert_eq!(NodeId::of(NodeKind::StrategicAction, "10.1").as_str(), "strategic-action:10.1");
/// assert_eq!(NodeId::of(NodeKind::Partner, "NHS Greater Glasgow & Clyde").as_str(),
///            "partner:nhs-greater-glasgow-clyde");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct NodeId(String);

// In TypeScript an id is a string.
ts_text!(NodeId, "string");

/// An id read from a file must say something: an empty (or all-blank) id is
/// an error at its line and column, not a node no one can name.
impl<'de> Deserialize<'de> for NodeId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<NodeId, D::Error> {
        let id = String::deserialize(d)?;
        if id.trim().is_empty() {
            return Err(serde::de::Error::custom("an id must not be empty"));
        }
        Ok(NodeId(id))
    }
}

impl NodeId {
    /// An id taken as it is.
    pub fn new(id: impl Into<String>) -> NodeId {
        NodeId(id.into())
    }

    /// The conventional id of a node of `kind` named or numbered `key`: the kind's
    /// prefix, a colon, and `key` (numbers kept as they are, names slugged).
    pub fn of(kind: NodeKind, key: &str) -> NodeId {
        let key = if key
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
        {
            key.to_owned()
        } else {
            slug(key)
        };
        NodeId(format!("{}:{}", kind.id_prefix(), key))
    }

    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The id as an owned string.
    pub fn into_string(self) -> String {
        self.0
    }
}

/// Lower-case ASCII letters and digits joined by single hyphens: the key of a
/// partner id (`"NHS Greater Glasgow & Clyde"` → `nhs-greater-glasgow-clyde`).
/// Letters outside ASCII are kept, lower-cased.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(c);
        } else if c != '\'' && c != '\u{2019}' {
            pending_dash = true;
        }
    }
    out
}

impl fmt::Display for NodeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Borrow<str> for NodeId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for NodeId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for NodeId {
    fn from(s: &str) -> NodeId {
        NodeId(s.to_owned())
    }
}

impl From<String> for NodeId {
    fn from(s: String) -> NodeId {
        NodeId(s)
    }
}

impl From<&NodeId> for NodeId {
    fn from(s: &NodeId) -> NodeId {
        s.clone()
    }
}

/// Where in the source text a node came from: a byte range and the 1-based line
/// it starts on.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceSpan {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// 1-based line number of `start`.
    pub line: usize,
}

/// A typed attribute value. In JSON it is the plain value (`true`, `3`, `2.5`,
/// `"text"`, a list or an object), so files stay readable.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AttrValue {
    /// `true` or `false`.
    Bool(bool),
    /// A whole number.
    Integer(i64),
    /// A finite floating-point number (written with a decimal point).
    Number(f64),
    /// Text.
    Text(String),
    /// A list of values.
    List(Vec<AttrValue>),
    /// A map from names to values, in name order.
    Map(BTreeMap<String, AttrValue>),
}

impl From<bool> for AttrValue {
    fn from(v: bool) -> AttrValue {
        AttrValue::Bool(v)
    }
}
impl From<i64> for AttrValue {
    fn from(v: i64) -> AttrValue {
        AttrValue::Integer(v)
    }
}
impl From<f64> for AttrValue {
    fn from(v: f64) -> AttrValue {
        AttrValue::Number(v)
    }
}
impl From<&str> for AttrValue {
    fn from(v: &str) -> AttrValue {
        AttrValue::Text(v.to_owned())
    }
}
impl From<String> for AttrValue {
    fn from(v: String) -> AttrValue {
        AttrValue::Text(v)
    }
}
impl<T: Into<AttrValue>> From<Vec<T>> for AttrValue {
    fn from(v: Vec<T>) -> AttrValue {
        AttrValue::List(v.into_iter().map(Into::into).collect())
    }
}

impl AttrValue {
    /// The byte ranges of every span-shaped value (`{start, end, line}`, as
    /// parsers write evidence, objectives and milestones) in this value, at
    /// any depth, appended to `out`.
    ///
    /// ```
    /// use stratagraph::AttrValue;
    /// let v: AttrValue = serde_json::from_str(r#"[{"start": 3, "end": 9, "line": 1, "text": "x"}]"#).unwrap();
    /// let mut spans = Vec::new();
    /// v.spans(&mut spans);
    /// assert_eq!(spans, [(3, 9)]);
    /// ```
    pub fn spans(&self, out: &mut Vec<(usize, usize)>) {
        match self {
            AttrValue::Map(m) => {
                let int = |k: &str| match m.get(k) {
                    Some(AttrValue::Integer(i)) => usize::try_from(*i).ok(),
                    _ => None,
                };
                if let (Some(s), Some(e), Some(_)) = (int("start"), int("end"), int("line")) {
                    out.push((s, e));
                }
                for v in m.values() {
                    v.spans(out);
                }
            }
            AttrValue::List(l) => {
                for v in l {
                    v.spans(out);
                }
            }
            _ => {}
        }
    }

    /// The text, if this is text.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            AttrValue::Text(s) => Some(s),
            _ => None,
        }
    }
}

/// Named attributes, kept in name order so output is deterministic.
pub type Attrs = BTreeMap<String, AttrValue>;

/// A node of the strategy graph.
///
/// ```
/// use stratagraph::{Node, NodeKind};
/// let a = Node::new(NodeKind::Action, "10.1.2", "Develop a training resource.")
///     .with_tag("training");
/// assert_eq!(a.id.as_str(), "action:10.1.2");
/// assert_eq!(a.number.as_deref(), Some("10.1.2"));
/// ```
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// The stable id.
    pub id: NodeId,
    /// What the node stands for.
    pub kind: NodeKind,
    /// The number the document gives it ("10.1.2", "3"), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// A short name: a partner's name, a strategy's title.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// The full statement the document gives (an action's text, an outcome's
    /// long form), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The deadline of an action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<DateWindow>,
    /// The period a strategy or plan covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<DateWindow>,
    /// Free-form tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Typed attributes.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attrs: Attrs,
    /// Where in the source text the node came from, when it was parsed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<SourceSpan>,
}

impl Node {
    /// A node of `kind` with the conventional id for `key` (see [`NodeId::of`]).
    /// Numbered kinds (priority, strategic action, action, outcome, challenge)
    /// take `key` as their number and `text` as their statement; others take
    /// `key` and `text` as their label.
    pub fn new(kind: NodeKind, key: &str, text: impl Into<String>) -> Node {
        let text = text.into();
        let mut node = Node::with_id(NodeId::of(kind, key), kind);
        if is_numbered(kind) {
            node.number = Some(key.to_owned());
            if !text.is_empty() {
                node.text = Some(text);
            }
        } else {
            node.label = if text.is_empty() {
                key.to_owned()
            } else {
                text
            };
        }
        node
    }

    /// An empty node with the given id and kind.
    pub fn with_id(id: impl Into<NodeId>, kind: NodeKind) -> Node {
        Node {
            id: id.into(),
            kind,
            number: None,
            label: String::new(),
            text: None,
            deadline: None,
            period: None,
            tags: Vec::new(),
            attrs: Attrs::new(),
            span: None,
        }
    }

    /// Set the label.
    pub fn with_label(mut self, label: impl Into<String>) -> Node {
        self.label = label.into();
        self
    }

    /// Set the statement text.
    pub fn with_text(mut self, text: impl Into<String>) -> Node {
        self.text = Some(text.into());
        self
    }

    /// Set the deadline.
    pub fn with_deadline(mut self, deadline: DateWindow) -> Node {
        self.deadline = Some(deadline);
        self
    }

    /// Set the period.
    pub fn with_period(mut self, period: DateWindow) -> Node {
        self.period = Some(period);
        self
    }

    /// Add a tag.
    pub fn with_tag(mut self, tag: impl Into<String>) -> Node {
        self.tags.push(tag.into());
        self
    }

    /// Set an attribute.
    pub fn with_attr(mut self, name: impl Into<String>, value: impl Into<AttrValue>) -> Node {
        self.attrs.insert(name.into(), value.into());
        self
    }

    /// Set the source span.
    pub fn with_span(mut self, span: SourceSpan) -> Node {
        self.span = Some(span);
        self
    }

    /// The node's name, what a table shows in a name column: its label, else
    /// its number, else its id.
    ///
    /// ```
    /// use stratagraph::{Node, NodeKind};
    /// assert_eq!(Node::new(NodeKind::Partner, "cosla", "COSLA").name(), "COSLA");
    /// assert_eq!(Node::new(NodeKind::Action, "1.1.1", "Launch a board.").name(), "1.1.1");
    /// ```
    pub fn name(&self) -> &str {
        if !self.label.is_empty() {
            &self.label
        } else if let Some(num) = &self.number {
            num
        } else {
            self.id.as_str()
        }
    }

    /// The node's number, else its [name](Node::name): how a table names a
    /// priority, strategic action or outcome ("10", "10.1", "3").
    pub fn number_or_name(&self) -> &str {
        self.number.as_deref().unwrap_or_else(|| self.name())
    }

    /// The node's statement: its text, else its label. An empty text counts as
    /// none (a node read from JSON with `"text": ""` states its label), so the
    /// statement is empty only when both are.
    ///
    /// ```
    /// use stratagraph::{Node, NodeKind};
    /// let mut n = Node::new(NodeKind::Partner, "cosla", "COSLA");
    /// assert_eq!(n.statement(), "COSLA");
    /// n.text = Some(String::new());
    /// assert_eq!(n.statement(), "COSLA");
    /// ```
    pub fn statement(&self) -> &str {
        match &self.text {
            Some(t) if !t.is_empty() => t,
            _ => &self.label,
        }
    }

    /// A short display name for a drawing or a list: the label, else the
    /// kind's [title](NodeKind::title) and the number ("Action 1.1.2"), else the id.
    ///
    /// ```
    /// use stratagraph::{Node, NodeKind};
    /// assert_eq!(Node::new(NodeKind::Action, "1.1.2", "Train staff.").short_name(), "Action 1.1.2");
    /// ```
    pub fn short_name(&self) -> String {
        match &self.number {
            _ if !self.label.is_empty() => self.label.clone(),
            Some(n) => format!("{} {n}", self.kind.title()),
            None => self.id.to_string(),
        }
    }

    /// The best short title: the label, else the number and text, else the id.
    pub fn title(&self) -> String {
        if !self.label.is_empty() {
            return self.label.clone();
        }
        match (&self.number, &self.text) {
            (Some(n), Some(t)) => format!("{n} {t}"),
            (None, Some(t)) => t.clone(),
            (Some(n), None) => n.clone(),
            (None, None) => self.id.to_string(),
        }
    }
}

fn is_numbered(kind: NodeKind) -> bool {
    matches!(
        kind,
        NodeKind::Priority
            | NodeKind::StrategicAction
            | NodeKind::Action
            | NodeKind::Outcome
            | NodeKind::Challenge
            | NodeKind::Indicator
    )
}

/// An edge of the strategy graph, as it appears in canonical JSON.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edge {
    /// The id of the node the edge starts from.
    pub source: NodeId,
    /// The id of the node the edge points to.
    pub target: NodeId,
    /// How the two are related.
    pub kind: EdgeKind,
    /// Typed attributes (e.g. `"joint": true` on a joint lead).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attrs: Attrs,
}

impl Edge {
    /// An edge with no attributes.
    pub fn new(source: impl Into<NodeId>, kind: EdgeKind, target: impl Into<NodeId>) -> Edge {
        Edge {
            source: source.into(),
            target: target.into(),
            kind,
            attrs: Attrs::new(),
        }
    }

    /// Set an attribute.
    pub fn with_attr(mut self, name: impl Into<String>, value: impl Into<AttrValue>) -> Edge {
        self.attrs.insert(name.into(), value.into());
        self
    }
}

impl NodeKind {
    /// The kind's name for people: "Strategic action".
    ///
    /// ```
    /// assert_eq!(stratagraph::NodeKind::StrategicAction.title(), "Strategic action");
    /// ```
    pub fn title(self) -> &'static str {
        match self {
            NodeKind::Strategy => "Strategy",
            NodeKind::Plan => "Plan",
            NodeKind::Priority => "Priority",
            NodeKind::FocusArea => "Focus area",
            NodeKind::StrategicAction => "Strategic action",
            NodeKind::Action => "Action",
            NodeKind::Outcome => "Outcome",
            NodeKind::Challenge => "Challenge",
            NodeKind::Partner => "Partner",
            NodeKind::GovernanceBody => "Governance body",
            NodeKind::Legislation => "Legislation",
            NodeKind::PopulationGroup => "Population group",
            NodeKind::Programme => "Programme",
            NodeKind::Indicator => "Indicator",
            NodeKind::Principle => "Principle",
        }
    }
}
