//! A layered SVG drawing of a strategy, computed in core so that Jupyter, the
//! web component, the command line and the static report show the same picture.
//!
//! Columns, left to right: priorities, strategic actions, actions, outcomes
//! and, on demand ([`SvgOptions::partners`]), partners. Priorities, strategic
//! actions and actions are laid out as a tree in document order, each parent
//! centred on its children; outcomes and partners are ordered by the
//! barycentre of the nodes they are joined to (then by document order) and
//! placed as near that barycentre as the nodes above them allow, which keeps
//! edge crossings down. Edges are cubic Bézier paths drawn beneath the boxes.
//!
//! Every coordinate is an integer, so the same strategy gives the same bytes.
//! Each box shows the node's short name and its statement wrapped to a few
//! lines; a cut statement ends with an ellipsis and the full text is in the
//! box's `<title>` (a tooltip, read by screen readers). The root has
//! `role="img"`, an `aria-label` and a `<title>`/`<desc>`. Every text is
//! XML-escaped.
//!
//! Colours come from CSS classes (`.sg-node.priority`, `.sg-edge.led_by`)
//! whose values are custom properties with defaults (`--sg-priority-fill`,
//! `--sg-priority-stroke`, `--sg-edge`, `--sg-text`, `--sg-font`, ...), so a
//! page's theme restyles the drawing by setting them.
//!
//! ```
//! use stratagraph::format::svg::{to_svg, SvgOptions};
//! use stratagraph::{EdgeKind, Node, NodeKind, Strategy};
//! let s = Strategy::builder()
//!     .node(Node::new(NodeKind::Priority, "1", "People get help <early>."))
//!     .node(Node::new(NodeKind::StrategicAction, "1.1", "Help families."))
//!     .edge("priority:1", EdgeKind::Contains, "strategic-action:1.1")
//!     .build()?;
//! let svg = to_svg(&s, &SvgOptions::default());
//! assert!(svg.starts_with("<svg "));
//! assert!(svg.contains("role=\"img\""));
//! assert!(svg.contains("&lt;early&gt;"));
//! assert_eq!(svg, to_svg(&s, &SvgOptions::default()));
//! # Ok::<(), stratagraph::Error>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use super::{wrap, xml_escape};
use crate::model::{EdgeKind, Node, NodeKind, Strategy};

/// How the drawing is made.
///
/// ```
/// use stratagraph::format::SvgOptions;
/// let o = SvgOptions::default();
/// assert!(o.outcomes && !o.partners);
/// assert_eq!(o.max_lines, 3);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct SvgOptions {
    /// Draw the outcomes column (default: yes).
    pub outcomes: bool,
    /// Draw a partners column with lead and key-partner edges (default: no).
    pub partners: bool,
    /// The most lines of statement text in a box (default: 3; 0 shows names only).
    pub max_lines: usize,
}

impl Default for SvgOptions {
    fn default() -> SvgOptions {
        SvgOptions {
            outcomes: true,
            partners: false,
            max_lines: 3,
        }
    }
}

impl SvgOptions {
    /// With or without the partners column.
    pub fn with_partners(mut self, partners: bool) -> SvgOptions {
        self.partners = partners;
        self
    }

    /// With or without the outcomes column.
    pub fn with_outcomes(mut self, outcomes: bool) -> SvgOptions {
        self.outcomes = outcomes;
        self
    }

    /// With at most `lines` lines of statement per box.
    pub fn with_max_lines(mut self, lines: usize) -> SvgOptions {
        self.max_lines = lines;
        self
    }
}

// Geometry, in pixels.
const MARGIN: i64 = 24;
const BOX_W: i64 = 236;
const COL_GAP: i64 = 96;
const ROW_GAP: i64 = 10;
const GROUP_GAP: i64 = 22;
/// The gap between outcome or partner boxes, where edges pass.
const FREE_GAP: i64 = 16;
const PAD_X: i64 = 10;
const PAD_TOP: i64 = 8;
const TITLE_H: i64 = 16;
const LINE_H: i64 = 15;
const PAD_BOTTOM: i64 = 8;
const HEADER_H: i64 = 56;
const NAME_CHARS: usize = 28;
const TEXT_CHARS: usize = 38;

const LAYERS: &[(&str, &[NodeKind])] = &[
    ("Priorities", &[NodeKind::Priority]),
    ("Strategic actions", &[NodeKind::StrategicAction]),
    ("Actions", &[NodeKind::Action]),
    ("Outcomes", &[NodeKind::Outcome]),
    ("Partners", &[NodeKind::Partner]),
];

/// The default colours, `(kind, fill, stroke)`.
const COLOURS: &[(&str, &str, &str)] = &[
    ("priority", "#e0e7ff", "#4338ca"),
    ("strategic_action", "#ede9fe", "#6d28d9"),
    ("action", "#fef3c7", "#b45309"),
    ("outcome", "#dcfce7", "#15803d"),
    ("partner", "#e0f2fe", "#0369a1"),
];

/// The default edge colours, `(kind, stroke)`.
const EDGE_COLOURS: &[(&str, &str)] = &[
    ("contains", "#94a3b8"),
    ("contributes_to", "#22c55e"),
    ("led_by", "#0284c7"),
    ("key_partner", "#7dd3fc"),
];

struct Placed<'a> {
    node: &'a Node,
    layer: usize,
    name: Vec<String>,
    lines: Vec<String>,
    y: i64,
    h: i64,
}

fn height(name: &[String], lines: &[String]) -> i64 {
    PAD_TOP + TITLE_H * count(name) + LINE_H * count(lines) + PAD_BOTTOM
}

fn count<T>(v: &[T]) -> i64 {
    int(v.len())
}

fn int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX / 4)
}

/// The edges drawn, as (source index, target index, kind).
type DrawnEdge = (usize, usize, EdgeKind);

/// The strategy as an SVG document.
pub fn to_svg(s: &Strategy, options: &SvgOptions) -> String {
    // 1. Which nodes are drawn, in which layer.
    let mut placed: Vec<Placed<'_>> = Vec::new();
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for n in s.nodes() {
        let Some(layer) = LAYERS.iter().position(|(_, kinds)| kinds.contains(&n.kind)) else {
            continue;
        };
        if (layer == 3 && !options.outcomes) || (layer == 4 && !options.partners) {
            continue;
        }
        let name = wrap(&n.short_name(), NAME_CHARS, 2);
        let body = n.statement();
        let lines = if body.is_empty() || body == n.short_name() || options.max_lines == 0 {
            Vec::new()
        } else {
            wrap(body, TEXT_CHARS, options.max_lines)
        };
        index.insert(n.id.as_str(), placed.len());
        placed.push(Placed {
            h: height(&name, &lines),
            node: n,
            layer,
            name,
            lines,
            y: 0,
        });
    }

    // 2. The edges between drawn nodes.
    let mut edges: Vec<DrawnEdge> = Vec::new();
    for e in s.edges() {
        let wanted = match e.kind {
            EdgeKind::Contains | EdgeKind::ContributesTo => true,
            EdgeKind::LedBy | EdgeKind::KeyPartner => options.partners,
            _ => false,
        };
        if let (true, Some(&a), Some(&b)) = (
            wanted,
            index.get(e.source.as_str()),
            index.get(e.target.as_str()),
        ) {
            if placed[a].layer != placed[b].layer {
                edges.push((a, b, e.kind));
            }
        }
    }

    // 3. The tree of the first three layers: each node's children in the next layer.
    let mut children: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut has_parent: BTreeSet<usize> = BTreeSet::new();
    for &(a, b, kind) in &edges {
        if kind == EdgeKind::Contains
            && placed[b].layer == placed[a].layer + 1
            && placed[b].layer <= 2
            && has_parent.insert(b)
        {
            children.entry(a).or_default().push(b);
        }
    }
    let mut roots: Vec<usize> = (0..placed.len())
        .filter(|&i| placed[i].layer <= 2 && !has_parent.contains(&i))
        .collect();
    crate::sort::sort_by_key(&mut roots, |&i| (placed[i].layer, i));
    let mut top = MARGIN + HEADER_H;
    for (k, &r) in roots.iter().enumerate() {
        if k > 0 {
            top += GROUP_GAP;
        }
        top += place_block(&mut placed, &children, r, top);
    }

    // 4. Outcomes and partners: barycentric order, placed near their barycentre.
    for layer in 3..LAYERS.len() {
        let mut members: Vec<(i64, usize)> = Vec::new();
        for i in 0..placed.len() {
            if placed[i].layer != layer {
                continue;
            }
            let ys: Vec<i64> = edges
                .iter()
                .filter_map(|&(a, b, _)| match (a == i, b == i) {
                    (true, _) if placed[b].layer < layer => Some(centre(&placed[b])),
                    (_, true) if placed[a].layer < layer => Some(centre(&placed[a])),
                    _ => None,
                })
                .collect();
            let bary = if ys.is_empty() {
                i64::MAX / 4
            } else {
                ys.iter().sum::<i64>() / count(&ys)
            };
            members.push((bary, i));
        }
        crate::sort::sort(&mut members);
        let mut next_top = MARGIN + HEADER_H;
        for (bary, i) in members {
            let h = placed[i].h;
            let want = if bary == i64::MAX / 4 {
                next_top
            } else {
                bary - h / 2
            };
            placed[i].y = want.max(next_top);
            next_top = placed[i].y + h + FREE_GAP;
        }
    }

    // 5. Columns actually used, left to right.
    let used: BTreeSet<usize> = placed.iter().map(|p| p.layer).collect();
    let column: BTreeMap<usize, i64> = used
        .iter()
        .enumerate()
        .map(|(c, &l)| (l, MARGIN + int(c) * (BOX_W + COL_GAP)))
        .collect();
    let x_of = |p: &Placed<'_>| column.get(&p.layer).copied().unwrap_or(MARGIN);
    let width =
        MARGIN * 2 + int(used.len().max(1)) * BOX_W + int(used.len().saturating_sub(1)) * COL_GAP;
    let height = placed
        .iter()
        .map(|p| p.y + p.h)
        .max()
        .unwrap_or(MARGIN + HEADER_H)
        + MARGIN;

    // 6. Write.
    let title = s
        .nodes()
        .find(|n| n.kind == NodeKind::Strategy)
        .or_else(|| s.nodes().find(|n| n.kind == NodeKind::Plan))
        .map_or_else(|| "Strategy map".to_owned(), Node::title);
    let counts: Vec<String> = LAYERS
        .iter()
        .enumerate()
        .filter_map(|(l, (name, _))| {
            let k = placed.iter().filter(|p| p.layer == l).count();
            (k > 0).then(|| {
                let name = name.to_lowercase();
                match (k, name.strip_suffix("ies"), name.strip_suffix('s')) {
                    (1, Some(stem), _) => format!("1 {stem}y"),
                    (1, None, Some(stem)) => format!("1 {stem}"),
                    _ => format!("{k} {name}"),
                }
            })
        })
        .collect();
    let summary = format!("{title}: {}", counts.join(", "));

    let mut out = String::with_capacity(4096 + placed.len() * 600);
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\">",
        xml_escape(&summary)
    );
    let _ = writeln!(out, "<title>{}</title>", xml_escape(&title));
    let _ = writeln!(out, "<desc>{}</desc>", xml_escape(&summary));
    write_style(&mut out);
    let _ = writeln!(
        out,
        "<rect class=\"sg-bg\" x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\"/>"
    );
    let _ = writeln!(
        out,
        "<text class=\"sg-heading\" x=\"{MARGIN}\" y=\"{}\">{}</text>",
        MARGIN + 14,
        xml_escape(&crate::text::ellipsize_at_word(&title, 120))
    );
    for (&layer, &x) in &column {
        let _ = writeln!(
            out,
            "<text class=\"sg-column\" x=\"{x}\" y=\"{}\">{}</text>",
            MARGIN + HEADER_H - 12,
            LAYERS.get(layer).map_or("", |l| l.0)
        );
    }

    // The boxes of each column, top to bottom, for routing long edges through the gaps.
    let mut spans: BTreeMap<i64, Vec<(i64, i64)>> = BTreeMap::new();
    for p in &placed {
        spans.entry(x_of(p)).or_default().push((p.y, p.y + p.h));
    }
    for v in spans.values_mut() {
        v.sort_unstable();
    }
    out.push_str("<g class=\"sg-edges\">\n");
    for &(a, b, kind) in &edges {
        let (mut pa, mut pb) = (&placed[a], &placed[b]);
        if x_of(pa) > x_of(pb) {
            std::mem::swap(&mut pa, &mut pb);
        }
        let d = route(
            (x_of(pa) + BOX_W, centre(pa)),
            (x_of(pb), centre(pb)),
            &spans,
        );
        let _ = writeln!(
            out,
            "<path class=\"sg-edge {}\" d=\"{d}\" data-source=\"{}\" data-target=\"{}\"/>",
            kind.as_str(),
            xml_escape(placed[a].node.id.as_str()),
            xml_escape(placed[b].node.id.as_str())
        );
    }
    out.push_str("</g>\n<g class=\"sg-nodes\">\n");
    for p in &placed {
        let x = x_of(p);
        let n = p.node;
        let _ = writeln!(
            out,
            "<g class=\"sg-node {}\" data-id=\"{}\">",
            n.kind.as_str(),
            xml_escape(n.id.as_str())
        );
        let full = match (&n.text, n.label.is_empty()) {
            (Some(t), _) if !t.is_empty() => format!("{}: {t}", n.short_name()),
            _ => n.short_name(),
        };
        let _ = writeln!(out, "<title>{}</title>", xml_escape(&full));
        let _ = writeln!(
            out,
            "<rect x=\"{x}\" y=\"{}\" width=\"{BOX_W}\" height=\"{}\" rx=\"6\"/>",
            p.y, p.h
        );
        let mut ty = p.y + PAD_TOP + 12;
        for l in &p.name {
            let _ = writeln!(
                out,
                "<text class=\"sg-name\" x=\"{}\" y=\"{ty}\">{}</text>",
                x + PAD_X,
                xml_escape(l)
            );
            ty += TITLE_H;
        }
        ty -= 1;
        for l in &p.lines {
            let _ = writeln!(
                out,
                "<text class=\"sg-text\" x=\"{}\" y=\"{ty}\">{}</text>",
                x + PAD_X,
                xml_escape(l)
            );
            ty += LINE_H;
        }
        out.push_str("</g>\n");
    }
    out.push_str("</g>\n</svg>\n");
    out
}

/// A path from the right side of one box to the left side of another, as
/// cubic curves; across each column in between it runs straight through the
/// free space between boxes nearest the line joining the two ends.
fn route(from: (i64, i64), to: (i64, i64), spans: &BTreeMap<i64, Vec<(i64, i64)>>) -> String {
    let (x1, y1) = from;
    let (x2, y2) = to;
    let mut points: Vec<(i64, i64, i64)> = Vec::new(); // (left x, right x, y) of each crossing
    for (&x, boxes) in spans.range(x1..x2) {
        if x + BOX_W > x2 || x < x1 {
            continue;
        }
        let y = y1 + (y2 - y1) * (x + BOX_W / 2 - x1) / (x2 - x1).max(1);
        points.push((x - 8, x + BOX_W + 8, free_y(y, boxes)));
    }
    let mut d = format!("M{x1} {y1}");
    let mut at = (x1, y1);
    let curve = |d: &mut String, at: &mut (i64, i64), to: (i64, i64)| {
        let dx = ((to.0 - at.0) / 2).max(12);
        let _ = write!(
            d,
            " C{} {} {} {} {} {}",
            at.0 + dx,
            at.1,
            to.0 - dx,
            to.1,
            to.0,
            to.1
        );
        *at = to;
    };
    for (l, r, y) in points {
        curve(&mut d, &mut at, (l, y));
        let _ = write!(d, " L{r} {y}");
        at = (r, y);
    }
    curve(&mut d, &mut at, (x2, y2));
    d
}

/// The height nearest `y` at which a line can cross a column without
/// touching its boxes (`boxes` sorted top to bottom).
fn free_y(y: i64, boxes: &[(i64, i64)]) -> i64 {
    const CLEAR: i64 = 4;
    let mut gaps: Vec<(i64, i64)> = Vec::with_capacity(boxes.len() + 1);
    let mut prev = i64::MIN / 4;
    for &(top, bottom) in boxes {
        if top - prev >= 2 * CLEAR {
            gaps.push((prev + CLEAR, top - CLEAR));
        }
        prev = prev.max(bottom);
    }
    gaps.push((prev + CLEAR, i64::MAX / 4));
    gaps.iter()
        .map(|&(lo, hi)| y.clamp(lo, hi))
        .min_by_key(|&c| ((c - y).abs(), c))
        .unwrap_or(y)
}

fn centre(p: &Placed<'_>) -> i64 {
    p.y + p.h / 2
}

/// Place the block of `i` (it and its descendants) from `top`; returns its height.
fn place_block(
    placed: &mut [Placed<'_>],
    children: &BTreeMap<usize, Vec<usize>>,
    i: usize,
    top: i64,
) -> i64 {
    let own = placed[i].h;
    let kids = children.get(&i).cloned().unwrap_or_default();
    if kids.is_empty() {
        placed[i].y = top;
        return own;
    }
    // Stack the children's blocks; if the parent is taller, centre them on it.
    let mut heights = Vec::with_capacity(kids.len());
    let mut total = 0;
    for (k, &c) in kids.iter().enumerate() {
        if k > 0 {
            total += ROW_GAP;
        }
        let h = place_block(placed, children, c, top + total);
        heights.push(h);
        total += h;
    }
    if own > total {
        let shift = (own - total) / 2;
        for &c in &kids {
            shift_block(placed, children, c, shift);
        }
        placed[i].y = top;
        own
    } else {
        // Centre the parent on its first and last child.
        let first = kids.first().map_or(top, |&c| centre(&placed[c]));
        let last = kids.last().map_or(top, |&c| centre(&placed[c]));
        placed[i].y = ((first + last) / 2 - own / 2).clamp(top, top + total - own);
        total
    }
}

fn shift_block(
    placed: &mut [Placed<'_>],
    children: &BTreeMap<usize, Vec<usize>>,
    i: usize,
    dy: i64,
) {
    placed[i].y += dy;
    if let Some(kids) = children.get(&i) {
        for &c in kids {
            shift_block(placed, children, c, dy);
        }
    }
}

fn write_style(out: &mut String) {
    out.push_str("<style>\n");
    out.push_str(
        ".sg{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,Helvetica,Arial,sans-serif;\
         font-family:var(--sg-font,system-ui,-apple-system,\"Segoe UI\",Roboto,Helvetica,Arial,sans-serif)}\n",
    );
    out.push_str(".sg-bg{fill:#ffffff;fill:var(--sg-background,#ffffff)}\n");
    out.push_str(
        ".sg-heading{font-size:16px;font-weight:700;fill:#111827;fill:var(--sg-heading,#111827)}\n",
    );
    out.push_str(
        ".sg-column{font-size:13px;font-weight:600;fill:#4b5563;fill:var(--sg-column,#4b5563)}\n",
    );
    out.push_str(".sg-node rect{stroke-width:1.2}\n");
    out.push_str(
        ".sg-name{font-size:12px;font-weight:700;fill:#111827;fill:var(--sg-text,#111827)}\n",
    );
    out.push_str(".sg-text{font-size:11px;fill:#1f2937;fill:var(--sg-text,#1f2937)}\n");
    for (kind, fill, stroke) in COLOURS {
        let var = kind.replace('_', "-");
        let _ = writeln!(
            out,
            ".sg-node.{kind} rect{{fill:{fill};fill:var(--sg-{var}-fill,{fill});stroke:{stroke};stroke:var(--sg-{var}-stroke,{stroke})}}"
        );
    }
    out.push_str(
        ".sg-edge{fill:none;stroke-width:1.3;stroke:#94a3b8;stroke:var(--sg-edge,#94a3b8)}\n",
    );
    for (kind, stroke) in EDGE_COLOURS {
        let var = kind.replace('_', "-");
        let _ = writeln!(
            out,
            ".sg-edge.{kind}{{stroke:{stroke};stroke:var(--sg-edge-{var},{stroke})}}"
        );
    }
    out.push_str(".sg-edge.key_partner{stroke-dasharray:4 3}\n");
    out.push_str("</style>\n");
}
