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
        let body = &body[open..];
        let mut depth = 0i32;
        let end = body
            .char_indices()
            .find_map(|(i, c)| {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => return Some(i),
                    '}' => depth -= 1,
                    _ => {}
                }
                None
            })
            .unwrap_or(body.len());
        fields_of(&body[..end])
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
        let decl = T::decl(&number_config());
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

    /// Every `export interface NAME` and `export type NAME` of [`TS_TYPES`], in order.
    fn declared_names() -> Vec<String> {
        uncommented(TS_TYPES)
            .lines()
            .filter_map(|line| {
                let rest = line
                    .strip_prefix("export interface ")
                    .or_else(|| line.strip_prefix("export type "))?;
                let end = rest.find(|c: char| !c.is_alphanumeric() && c != '_')?;
                Some(rest[..end].to_owned())
            })
            .collect()
    }

    /// What follows `extends` in `export interface NAME extends ... {`, if anything.
    fn declared_parent(name: &str) -> Option<String> {
        let start = TS_TYPES.find(&format!("export interface {name} "))?;
        let head = &TS_TYPES[start..];
        let head = &head[..head.find('{')?];
        let parent = head.split_once(" extends ")?.1;
        Some(parent.split_whitespace().collect())
    }

    /// A TypeScript type written as the declarations write it: without white
    /// space, `T[]` for `Array<T>`, `{[name:string]:T}` for ts-rs's map
    /// `{[key in string]?: T}`, and each member of a union once.
    fn normalised(ty: &str) -> String {
        let mut ty: String = ty.split_whitespace().collect();
        while let Some(start) = ty.find("Array<") {
            let inner = start + "Array<".len();
            let mut depth = 1;
            let Some(end) = ty[inner..].char_indices().find_map(|(i, c)| {
                match c {
                    '<' => depth += 1,
                    '>' => depth -= 1,
                    _ => {}
                }
                (depth == 0).then_some(inner + i)
            }) else {
                break;
            };
            let item = &ty[inner..end];
            let item = if item.contains('|') {
                format!("({item})")
            } else {
                item.to_owned()
            };
            ty = format!("{}{item}[]{}", &ty[..start], &ty[end + 1..]);
        }
        let ty = ty
            .replace("{[keyinstring]?:", "{[name:string]:")
            .replace("{[keyinstring]:", "{[name:string]:");
        let mut members: Vec<&str> = Vec::new();
        for member in top_level(&ty, '|') {
            if !members.contains(&member) {
                members.push(member);
            }
        }
        members.join("|")
    }

    /// `text` split at `sep` outside brackets.
    fn top_level(text: &str, sep: char) -> Vec<&str> {
        let (mut depth, mut start, mut out) = (0i32, 0, Vec::new());
        for (i, c) in text.char_indices() {
            match c {
                '{' | '[' | '(' | '<' => depth += 1,
                '}' | ']' | ')' | '>' => depth -= 1,
                c if c == sep && depth == 0 => {
                    out.push(&text[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        out.push(&text[start..]);
        out
    }

    /// The checks of the declarations, each by the Rust type it stands for;
    /// [`Checks::finish`] fails unless every declaration was checked.
    #[derive(Default)]
    struct Checks {
        checked: Vec<String>,
    }

    impl Checks {
        /// The interface named as the core type, against the type.
        fn interface<T: TS>(&mut self) {
            self.interface_as::<T>(&T::ident(&ts_rs::Config::new()), &[]);
        }

        /// The interface `name` against the fields of `T`; a field whose Rust
        /// type is one of `inlined` is compared with that type's union of
        /// names (the declaration writes the literals in place).
        fn interface_as<T: TS>(&mut self, name: &str, inlined: &[(String, String)]) {
            let core: Vec<(String, String)> = core_fields::<T>()
                .into_iter()
                .map(|(field, ty)| {
                    let ty = inlined
                        .iter()
                        .find(|(n, _)| *n == ty)
                        .map_or(ty, |(_, union)| union.clone());
                    (field, ty)
                })
                .collect();
            assert_eq!(as_core(declared_fields(name), &core), core, "{name}");
            self.checked.push(name.to_owned());
        }

        /// The interface `name`, declared `extends PARENT`, against `T`:
        /// the field `flattened` of `T` is what PARENT stands for (`Table<Row>`
        /// for `rows: Row[]`, `ParseResult` for `result`), the other fields
        /// are the interface's own, in order and of the same type.
        fn extended<T: TS>(&mut self, name: &str, flattened: &str) {
            let mut core = core_fields::<T>();
            let position = core.iter().position(|(field, _)| field == flattened);
            let Some((_, ty)) = position.map(|i| core.remove(i)) else {
                panic!("{name}: no field {flattened}");
            };
            let parent = match ty.strip_suffix("[]") {
                Some(row) if flattened == "rows" => format!("Table<{row}>"),
                _ => ty,
            };
            assert_eq!(declared_parent(name), Some(parent), "{name} extends");
            assert_eq!(as_core(declared_fields(name), &core), core, "{name}");
            self.checked.push(name.to_owned());
        }

        /// The union `name` against a Rust enum's serde names.
        fn union<T: TS>(&mut self, name: &str) {
            assert_eq!(declared_union(name), core_union::<T>(), "{name}");
            self.checked.push(name.to_owned());
        }

        /// The type alias `name` against the type ts-rs writes for `T`: its
        /// declaration if ts-rs declares it under that name (`AttrValue`), else
        /// the type itself (`Attrs`, a Rust alias of a map).
        fn alias<T: TS>(&mut self, name: &str) {
            let cfg = number_config();
            let ty = T::name(&cfg);
            let inline = normalised(&if ty == name { T::inline(&cfg) } else { ty });
            assert_eq!(normalised(&declared_union(name)), inline, "{name}");
            self.checked.push(name.to_owned());
        }

        /// A declaration checked by `test`, another test of this module.
        fn by(&mut self, name: &str, test: fn()) {
            test();
            self.checked.push(name.to_owned());
        }

        /// Every declaration of [`TS_TYPES`] was checked, once.
        fn finish(mut self) {
            let mut declared = declared_names();
            declared.sort();
            self.checked.sort();
            assert_eq!(
                declared, self.checked,
                "declarations without a check (or checks without one)"
            );
        }
    }

    /// Each declaration has the type of the Rust type it stands for: the
    /// interfaces the fields of the core type, in the same order and of the
    /// same TypeScript type; the unions the serde names of the core enum. A
    /// Rust field whose type changes fails here until the declaration
    /// follows, and a declaration without a check fails [`Checks::finish`].
    #[test]
    fn typescript_types_match_the_core_types() {
        use stratagraph::analysis::{align, coverage, diff, indicators, network, timeline};
        use stratagraph::parse::{gazetteer, plan};
        use stratagraph::progress::rollup as progress;
        use stratagraph::query;
        let inline = |name: &str, union: String| (name.to_owned(), union);
        let mut c = Checks::default();
        c.interface::<query::ResponsibilityRow>();
        c.interface::<query::PartnerLoadRow>();
        c.interface::<query::ActionRow>();
        c.interface::<query::NodeContextRow>();
        c.interface::<query::PathStepRow>();
        c.interface::<coverage::PriorityOutcomeRow>();
        c.interface::<coverage::OutcomePartnerRow>();
        c.interface::<coverage::GapRow>();
        c.interface::<timeline::TimelineRow>();
        c.interface::<timeline::OverdueRow>();
        c.interface::<timeline::GanttRow>();
        c.interface::<network::PartnerLinkRow>();
        c.interface::<network::PartnerCentralityRow>();
        c.interface::<progress::RollupRow>();
        c.interface::<progress::SummaryRow>();
        c.interface::<progress::SeriesRow>();
        c.interface::<progress::StatusChangeRow>();
        c.interface::<progress::StaleRow>();
        c.interface::<diff::DiffRow>();
        c.interface::<align::AlignmentRow>();
        c.interface::<indicators::IndicatorResultRow>();
        c.interface::<indicators::IndicatorGapRow>();
        c.extended::<query::Responsibilities>("Responsibilities", "rows");
        c.extended::<query::PartnerLoad>("PartnerLoad", "rows");
        c.extended::<query::ActionsTable>("ActionsTable", "rows");
        c.extended::<query::NodeContexts>("NodeContexts", "rows");
        c.extended::<query::PathExplanation>("PathExplanation", "rows");
        c.extended::<coverage::PriorityOutcomeMatrix>("PriorityOutcomeMatrix", "rows");
        c.extended::<coverage::OutcomePartnerMatrix>("OutcomePartnerMatrix", "rows");
        c.extended::<coverage::Gaps>("Gaps", "rows");
        c.extended::<timeline::Timeline>("Timeline", "rows");
        c.extended::<timeline::Overdue>("Overdue", "rows");
        c.extended::<timeline::Gantt>("Gantt", "rows");
        c.extended::<network::PartnerLinks>("PartnerLinks", "rows");
        c.extended::<network::PartnerCentrality>("PartnerCentrality", "rows");
        c.extended::<progress::ProgressRollup>("ProgressRollup", "rows");
        c.extended::<progress::ProgressSummary>("ProgressSummary", "rows");
        c.extended::<progress::ProgressSeries>("ProgressSeries", "rows");
        c.extended::<progress::ProgressChanges>("ProgressChanges", "rows");
        c.extended::<progress::Staleness>("Staleness", "rows");
        c.extended::<diff::PlanDiff>("PlanDiff", "rows");
        c.extended::<align::Alignment>("Alignment", "rows");
        c.extended::<indicators::IndicatorResults>("IndicatorResults", "rows");
        c.extended::<indicators::IndicatorGaps>("IndicatorGaps", "rows");
        c.by("Table", table_is_rows_and_columns);
        c.interface::<stratagraph::Diagnostic>();
        c.interface::<stratagraph::DateWindow>();
        c.interface::<stratagraph::SourceSpan>();
        c.interface::<stratagraph::parse::TextLine>();
        c.interface::<stratagraph::progress::StatusShare>();
        c.interface::<stratagraph::progress::ProgressEntry>();
        // Ids written in place (`string`), `attrs` by the name of the alias checked below.
        let attrs = <stratagraph::Attrs as TS>::name(&number_config());
        let graph = [
            inline(
                "NodeId",
                <stratagraph::NodeId as TS>::inline(&number_config()),
            ),
            inline(
                &attrs.split_whitespace().collect::<String>(),
                "Attrs".into(),
            ),
        ];
        c.interface_as::<stratagraph::Node>("NodeData", &graph);
        c.interface_as::<stratagraph::Edge>("EdgeData", &graph);
        c.alias::<stratagraph::AttrValue>("AttrValue");
        c.alias::<stratagraph::Attrs>("Attrs");
        c.interface_as::<plan::Acronym>(
            "Acronym",
            &[inline("AcronymSource", core_union::<plan::AcronymSource>())],
        );
        c.interface_as::<gazetteer::Entry>(
            "GazetteerEntry",
            &[inline("EntryKind", core_union::<gazetteer::EntryKind>())],
        );
        c.by("ParseResult", parse_results_match_the_binding);
        c.by("PlanParseResult", parse_results_match_the_binding);
        c.interface::<crate::words::StatusInfo>();
        c.interface::<crate::words::KindInfo>();
        c.interface::<crate::formats::FormatInfo>();
        c.by("SvgOptions", options_match_the_binding);
        c.by("ExportOptions", options_match_the_binding);
        c.by("DiffOptions", options_match_the_binding);
        c.by("PlanOptions", options_match_the_binding);
        c.by("GeneratorOptions", generator_options_match_the_core_config);
        c.by("GeneratorSize", generator_sizes_match_the_core);
        c.by("FormatName", typescript_formats_match_the_core);
        c.by("CsvTableName", csv_tables_match_the_core);
        c.by("DocumentKind", document_kinds_match_the_core);
        c.by("ErrorCode", error_codes_match_the_binding);
        c.by("StratagraphError", error_codes_match_the_binding);
        c.by("TextInput", text_input_matches_the_binding);
        c.interface::<stratagraph::parse::counts::CountValue>();
        c.interface::<stratagraph::parse::counts::StatusCount>();
        c.interface::<stratagraph::parse::counts::CountGroup>();
        c.interface::<stratagraph::proposals::Rejection>();
        c.interface::<stratagraph::proposals::Disagreement>();
        c.interface::<stratagraph::proposals::ProposalMerge>();
        c.by("ProposalRef", proposal_refs_are_what_serde_writes);
        c.by(
            "ProposalMergeResult",
            proposal_merge_result_is_the_merge_and_its_json,
        );
        c.union::<stratagraph::parse::counts::Bound>("Bound");
        c.union::<stratagraph::parse::counts::CountUnit>("CountUnit");
        c.union::<stratagraph::Severity>("Severity");
        c.union::<Status>("Status");
        c.union::<NodeKind>("NodeKind");
        c.union::<EdgeKind>("EdgeKind");
        c.by("DateText", date_text_is_what_dates_are);
        c.finish();
    }

    /// ts-rs's options here: 64-bit integers are JavaScript numbers, as
    /// serde-wasm-bindgen and `JSON.parse` give them.
    fn number_config() -> ts_rs::Config {
        ts_rs::Config::new().with_large_int("number")
    }

    /// The TypeScript type of a Rust type, by name, as the declarations write it.
    fn ts_name<T: TS>() -> String {
        normalised(&T::name(&number_config()))
    }

    /// The last segment of a Rust type's path: the name of a class the
    /// binding exports (`Strategy`) or a `js_sys` type (`Uint8Array`).
    fn class_name<T>() -> String {
        let path = std::any::type_name::<T>();
        path.rsplit("::").next().unwrap_or(path).to_owned()
    }

    /// The fields of an options struct the binding reads, as optional fields:
    /// serde reads a missing `Option` as `None` and a missing `#[serde(default)]`
    /// list as empty, so `name: T | null` and `name: T[]` are `name?: T`, `name?: T[]`.
    fn option_fields<T: TS>() -> Vec<(String, String)> {
        core_fields::<T>()
            .into_iter()
            .map(|(name, ty)| {
                let name = format!("{}?", name.trim_end_matches('?'));
                let ty = ty.strip_suffix("|null").map_or(ty.clone(), str::to_owned);
                (name, ty)
            })
            .collect()
    }

    /// `Table<Row>` is what `convert::table` gives: the core table's JSON
    /// (`rows`, checked with each table's own fields) and `columns`, the
    /// names of `Row::COLUMNS`.
    #[test]
    fn table_is_rows_and_columns() {
        let Some(start) = TS_TYPES.find("export interface Table<Row> {") else {
            panic!("no Table<Row>");
        };
        let body = &TS_TYPES[start + "export interface Table<Row> {".len()..];
        let fields = fields_of(&body[..body.find("\n}").unwrap_or(body.len())]);
        let expected = [("rows", "Row[]"), ("columns", "(keyofRow&string)[]")];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
            .collect();
        assert_eq!(fields, expected);
    }

    /// `ParseResult` is what `parse_result` (lib.rs) builds (its fields in the
    /// order it sets them, the strategy and the report as the binding's
    /// classes), `PlanParseResult` is that and the `acronyms` of core's `PlanParse`.
    #[test]
    fn parse_results_match_the_binding() {
        use stratagraph::parse::{plan, TextLine};
        let expected = vec![
            ("strategy".to_owned(), class_name::<crate::Strategy>()),
            ("report".to_owned(), class_name::<crate::ProgressReport>()),
            (
                "diagnostics".to_owned(),
                ts_name::<Vec<stratagraph::Diagnostic>>(),
            ),
            ("unclassified".to_owned(), ts_name::<Vec<TextLine>>()),
            ("skipped".to_owned(), ts_name::<Vec<TextLine>>()),
        ];
        assert_eq!(declared_fields("ParseResult"), expected);
        let plan::PlanParse { result, acronyms } = plan::PlanParser::new().parse_detailed("");
        let _: stratagraph::ParseResult = result;
        fn of<T: TS>(_: &T) -> String {
            ts_name::<T>()
        }
        assert_eq!(
            declared_parent("PlanParseResult").as_deref(),
            Some("ParseResult")
        );
        assert_eq!(
            declared_fields("PlanParseResult"),
            [("acronyms".to_owned(), of(&acronyms))]
        );
    }

    /// The options interfaces have the fields of the structs `options.rs`
    /// reads them into, in camelCase, each optional.
    #[test]
    fn options_match_the_binding() {
        use crate::options::JsSvgOptions;
        use crate::options::{JsDiffOptions, JsExportOptions, JsGazetteerEntry, JsPlanOptions};
        let svg = option_fields::<JsSvgOptions>();
        assert_eq!(as_core(declared_fields("SvgOptions"), &svg), svg);
        assert_eq!(
            declared_parent("ExportOptions").as_deref(),
            Some("SvgOptions")
        );
        let export = option_fields::<JsExportOptions>();
        let declared = [
            declared_fields("ExportOptions"),
            declared_fields("SvgOptions"),
        ]
        .concat();
        assert_eq!(as_core(declared, &export), export);
        let diff = option_fields::<JsDiffOptions>();
        assert_eq!(declared_fields("DiffOptions"), diff);
        // `gazetteer?: { ...entry... }[]`: the entry's fields, its `kind` by
        // the name of the checked `GazetteerEntry["kind"]`.
        let plan = option_fields::<JsPlanOptions>();
        let declared = declared_fields("PlanOptions");
        assert_eq!(
            declared.iter().map(|(n, _)| n).collect::<Vec<_>>(),
            plan.iter().map(|(n, _)| n).collect::<Vec<_>>()
        );
        let entry_ty = ts_name::<JsGazetteerEntry>();
        assert_eq!(
            plan.first().map(|(_, t)| t.clone()),
            Some(format!("{entry_ty}[]"))
        );
        let Some(inner) = declared
            .first()
            .and_then(|(_, t)| t.strip_prefix('{'))
            .and_then(|t| t.strip_suffix("}[]"))
        else {
            panic!("PlanOptions.gazetteer is not an array of objects");
        };
        let inner: Vec<(String, String)> = fields_of(inner)
            .into_iter()
            .map(|(n, t)| (n, t.replace("GazetteerEntry[\"kind\"]", "EntryKind")))
            .collect();
        let entry: Vec<(String, String)> = core_fields::<JsGazetteerEntry>()
            .into_iter()
            .map(|(n, t)| match t.strip_suffix("|null") {
                Some(t) => (format!("{n}?"), t.to_owned()),
                None if n == "aliases" => ("aliases?".to_owned(), t),
                None => (n, t),
            })
            .collect();
        assert_eq!(inner, entry);
    }

    /// Each `GeneratorSize` names a preset, and each preset is named.
    #[test]
    fn generator_sizes_match_the_core() {
        use stratagraph::generate::Size;
        let declared = declared("GeneratorSize");
        for name in &declared {
            assert!(name.parse::<Size>().is_ok(), "{name}");
        }
        for size in Size::ALL {
            assert!(declared.iter().any(|n| n == size.as_str()), "{size}");
        }
    }

    #[test]
    fn csv_tables_match_the_core() {
        use stratagraph::format::csv::CsvTable;
        let names: Vec<&str> = CsvTable::ALL.iter().map(|t| t.as_str()).collect();
        assert_eq!(declared("CsvTableName"), names);
    }

    #[test]
    fn document_kinds_match_the_core() {
        use stratagraph::parse::DocumentKind;
        let names: Vec<&str> = DocumentKind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(declared("DocumentKind"), names);
    }

    /// `ErrorCode` is every core error code and the binding's two; a
    /// `StratagraphError` has what `errors::decorate` sets: the code and the
    /// location's line and column, when there is one.
    #[test]
    fn error_codes_match_the_binding() {
        let mut codes: Vec<&str> = stratagraph::Error::CODES.to_vec();
        codes.extend([crate::errors::INVALID_ARGUMENT, crate::errors::CONVERSION]);
        let mut declared = declared("ErrorCode");
        declared.sort();
        codes.sort_unstable();
        assert_eq!(declared, codes);
        assert_eq!(
            declared_parent("StratagraphError").as_deref(),
            Some("Error")
        );
        let number = ts_name::<usize>();
        let expected = vec![
            ("code".to_owned(), "ErrorCode".to_owned()),
            ("line?".to_owned(), number.clone()),
            ("column?".to_owned(), number),
        ];
        assert_eq!(declared_fields("StratagraphError"), expected);
    }

    /// `TextInput` is what `convert::text_arg` reads: a string or a `Uint8Array`.
    #[test]
    fn text_input_matches_the_binding() {
        let expected = format!(
            "{}|{}",
            ts_name::<String>(),
            class_name::<js_sys::Uint8Array>()
        );
        assert_eq!(declared_union("TextInput"), expected);
    }

    /// `DateText` is the name ts-rs gives core's `Date`, and a date crosses as its text.
    #[test]
    fn date_text_is_what_dates_are() {
        assert_eq!(ts_name::<stratagraph::Date>(), "DateText");
        let day: stratagraph::Date = "2024-02-29".parse().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            serde_json::to_value(day).ok(),
            Some(serde_json::json!("2024-02-29"))
        );
        assert_eq!(declared_union("DateText"), ts_name::<String>());
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

    /// `ProposalRef` is `{ list: "node" | "edge"; index: number }`: what serde
    /// writes for each variant of the core enum.
    fn proposal_refs_are_what_serde_writes() {
        use stratagraph::proposals::ProposalRef;
        assert!(TS_TYPES
            .contains(r#"export type ProposalRef = { list: "node" | "edge"; index: number };"#));
        for (r, list) in [
            (ProposalRef::Node(3), "node"),
            (ProposalRef::Edge(3), "edge"),
        ] {
            let v = serde_json::to_value(r).unwrap_or_default();
            assert_eq!(v, serde_json::json!({"list": list, "index": 3}));
        }
    }

    /// `ProposalMergeResult` is a `ProposalMerge` and the `json` field that
    /// `mergeProposals` adds (src/proposals.rs).
    fn proposal_merge_result_is_the_merge_and_its_json() {
        assert_eq!(
            declared_parent("ProposalMergeResult"),
            Some("ProposalMerge".to_owned())
        );
        assert_eq!(
            declared_fields("ProposalMergeResult"),
            [("json".to_owned(), "string".to_owned())]
        );
        assert!(include_str!("proposals.rs").contains(r#"("json", JsValue::from_str(&json))"#));
    }
}
