//! The TypeScript declarations of the plain objects that cross the boundary
//! (`bindings-wasm/types/plain-objects.d.ts`), added to the generated `.d.ts`;
//! the functions and classes reference them through `unchecked_return_type`
//! and `unchecked_param_type`. The tests below check them against core's
//! types, type for type.

use wasm_bindgen::prelude::*;

/// TypeScript declarations of the plain objects crossing the boundary,
/// checked against the core's types by the tests below.
#[cfg_attr(not(test), allow(dead_code))] // used by the custom section below
pub(crate) const TS_TYPES: &str = include_str!("../types/plain-objects.d.ts");

#[wasm_bindgen(typescript_custom_section)]
const TS_SECTION: &str = TS_TYPES;

#[cfg(test)]
mod tests {
    use super::TS_TYPES;
    use stratagraph::progress::Status;
    use stratagraph::{EdgeKind, NodeKind};
    use ts_rs::TS;

    fn declared(ty: &str) -> Vec<String> {
        let start = TS_TYPES.find(&format!("export type {ty} =")).unwrap_or(0);
        let body = &TS_TYPES[start..];
        let body = &body[..body.find(';').unwrap_or(body.len())];
        body.split('"')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect()
    }

    /// `text` without its `/** ... */` comments.
    fn uncommented(text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = rest.find("/*") {
            out.push_str(&rest[..start]);
            rest = rest[start..]
                .find("*/")
                .map_or("", |end| &rest[start + end + 2..]);
        }
        out + rest
    }

    /// The `name: type` fields of an object type's body, split at the commas
    /// or semicolons outside brackets, with the white space taken out
    /// (`name?: type` keeps its `?`).
    fn fields_of(body: &str) -> Vec<(String, String)> {
        let body: String = uncommented(body).split_whitespace().collect();
        let mut fields = Vec::new();
        let (mut depth, mut start) = (0i32, 0);
        for (i, c) in body.char_indices().chain([(body.len(), ',')]) {
            match c {
                '{' | '[' | '(' | '<' => depth += 1,
                '}' | ']' | ')' | '>' => depth -= 1,
                ',' | ';' if depth == 0 => {
                    if let Some((name, ty)) = body[start..i].split_once(':') {
                        fields.push((name.to_owned(), ty.to_owned()));
                    }
                    start = i + 1;
                }
                _ => {}
            }
        }
        fields
    }

    /// The fields of `export interface NAME ... { ... }` in [`TS_TYPES`], in order.
    fn declared_fields(name: &str) -> Vec<(String, String)> {
        let Some(start) = TS_TYPES.find(&format!("export interface {name} ")) else {
            return Vec::new();
        };
        let body = &TS_TYPES[start..];
        let open = body.find('{').map_or(0, |i| i + 1);
        fields_of(&body[open..body.find("\n}").unwrap_or(body.len())])
    }

    /// Whether a declared type is a union of string literals, directly
    /// (`"lead" | "key_partner"`) or by the name of one (`Status`).
    fn string_literals(ty: &str) -> bool {
        let literal = |t: &str| t.len() > 1 && t.starts_with('"') && t.ends_with('"');
        ty.split('|').all(|t| {
            literal(t) || {
                let union = declared_union(t);
                !union.is_empty() && union.split('|').all(literal)
            }
        })
    }

    /// The declared fields, each type read as the core's where the
    /// declaration narrows a Rust `String` to the strings it can hold.
    fn as_core(
        declared: Vec<(String, String)>,
        core: &[(String, String)],
    ) -> Vec<(String, String)> {
        declared
            .into_iter()
            .enumerate()
            .map(|(i, (name, ty))| {
                let narrowed = match core.get(i).map(|(_, t)| t.as_str()) {
                    Some("string") => string_literals(&ty),
                    Some("string|null") => ty.strip_suffix("|null").is_some_and(string_literals),
                    _ => false,
                };
                let ty = if narrowed { core[i].1.clone() } else { ty };
                (name, ty)
            })
            .collect()
    }

    /// The fields of a core type as ts-rs declares it from the Rust type
    /// (serde's renames and `skip_serializing_if` followed; 64-bit integers
    /// are JavaScript numbers, as serde-wasm-bindgen and `JSON.parse` give
    /// them), written as the declarations write them: `T[]` for `Array<T>`,
    /// and a field left out when `None` as `name?: T` (it is never `null`).
    fn core_fields<T: TS>() -> Vec<(String, String)> {
        let cfg = ts_rs::Config::new().with_large_int("number");
        let decl = T::decl(&cfg);
        let open = decl.find('{').map_or(0, |i| i + 1);
        fields_of(&decl[open..decl.rfind('}').unwrap_or(decl.len())])
            .into_iter()
            .map(|(name, ty)| {
                let ty = match ty.strip_prefix("Array<").and_then(|t| t.strip_suffix('>')) {
                    Some(item) => format!("{item}[]"),
                    None => ty,
                };
                let ty = match (name.ends_with('?'), ty.strip_suffix("|null")) {
                    (true, Some(inner)) => inner.to_owned(),
                    _ => ty,
                };
                (name, ty)
            })
            .collect()
    }

    /// A union of string literals (`export type NAME = "a" | "b";`), without white space.
    fn declared_union(name: &str) -> String {
        let Some(start) = TS_TYPES.find(&format!("export type {name} =")) else {
            return String::new();
        };
        let body = &TS_TYPES[start..];
        let Some(start) = body.find('=') else {
            return String::new();
        };
        let body = &body[start + 1..body.find(';').unwrap_or(body.len())];
        let body: String = body.split_whitespace().collect();
        body.trim_start_matches('|').to_owned()
    }

    /// A core enum as ts-rs writes it (a union of its serde names), without white space.
    fn core_union<T: TS>() -> String {
        T::inline(&ts_rs::Config::new())
            .split_whitespace()
            .collect()
    }

    /// Each declared interface has the fields of the core type it stands for,
    /// in the same order and of the same TypeScript type: a Rust field whose
    /// type changes fails here until the declaration follows.
    #[test]
    fn typescript_types_match_the_core_types() {
        use stratagraph::analysis::{align, coverage, diff, indicators, network, timeline};
        use stratagraph::progress::rollup as progress;
        use stratagraph::query;
        /// The interface named as the core type, against the type.
        fn check<T: TS>() {
            let name = T::ident(&ts_rs::Config::new());
            let core = core_fields::<T>();
            assert_eq!(as_core(declared_fields(&name), &core), core, "{name}");
        }
        check::<query::ResponsibilityRow>();
        check::<query::PartnerLoadRow>();
        check::<query::ActionRow>();
        check::<query::NodeContextRow>();
        check::<query::PathStepRow>();
        check::<coverage::PriorityOutcomeRow>();
        check::<coverage::OutcomePartnerRow>();
        check::<coverage::GapRow>();
        check::<timeline::TimelineRow>();
        check::<timeline::OverdueRow>();
        check::<timeline::GanttRow>();
        check::<network::PartnerLinkRow>();
        check::<network::PartnerCentralityRow>();
        check::<progress::RollupRow>();
        check::<progress::SummaryRow>();
        check::<progress::SeriesRow>();
        check::<progress::StatusChangeRow>();
        check::<progress::StaleRow>();
        check::<diff::DiffRow>();
        check::<align::AlignmentRow>();
        check::<indicators::IndicatorResultRow>();
        check::<indicators::IndicatorGapRow>();
        check::<stratagraph::Diagnostic>();
        check::<stratagraph::DateWindow>();
        check::<stratagraph::SourceSpan>();
        check::<stratagraph::parse::TextLine>();
        check::<stratagraph::progress::StatusShare>();
        check::<stratagraph::progress::ProgressEntry>();
        check::<stratagraph::parse::counts::CountValue>();
        check::<stratagraph::parse::counts::StatusCount>();
        check::<stratagraph::parse::counts::CountGroup>();
        check::<stratagraph::proposals::Rejection>();
        check::<stratagraph::proposals::Disagreement>();
        check::<stratagraph::proposals::ProposalMerge>();
        assert_eq!(
            declared_union("Bound"),
            core_union::<stratagraph::parse::counts::Bound>()
        );
        assert_eq!(
            declared_union("CountUnit"),
            core_union::<stratagraph::parse::counts::CountUnit>()
        );
        assert_eq!(
            declared_union("Severity"),
            core_union::<stratagraph::Severity>()
        );
        assert_eq!(declared_union("Status"), core_union::<Status>());
    }

    /// `GeneratorOptions` is the preset's `size`, then every field of the
    /// core's `GeneratorConfig`, in camelCase and optional, of the same type
    /// (the binding reads the names from the same config, `options.rs`).
    #[test]
    fn generator_options_match_the_core_config() {
        let mut expected = vec![("size?".to_owned(), "GeneratorSize".to_owned())];
        expected.extend(
            core_fields::<stratagraph::generate::GeneratorConfig>()
                .into_iter()
                .map(|(name, ty)| (format!("{}?", crate::options::camel_case(&name)), ty)),
        );
        assert_eq!(declared_fields("GeneratorOptions"), expected);
    }

    #[test]
    fn typescript_formats_match_the_core() {
        let names: Vec<&str> = stratagraph::format::Format::ALL
            .iter()
            .map(|f| f.as_str())
            .collect();
        assert_eq!(declared("FormatName"), names);
    }

    #[test]
    fn typescript_kinds_match_the_core() {
        let nodes: Vec<String> = NodeKind::ALL
            .iter()
            .map(|k| k.as_str().to_owned())
            .collect();
        assert_eq!(declared("NodeKind"), nodes);
        let edges: Vec<String> = EdgeKind::ALL
            .iter()
            .map(|k| k.as_str().to_owned())
            .collect();
        assert_eq!(declared("EdgeKind"), edges);
        assert_eq!(declared("Severity"), ["info", "warning", "error"]);
        let statuses: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(declared("Status"), statuses);
    }
}
