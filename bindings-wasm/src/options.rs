//! The option objects JavaScript passes (`{maxLines: 2}`), read into the
//! core's option types. Every field is optional (left out, `undefined` or
//! `null`: the core's default); an unknown field or a value of the wrong type is
//! a `TypeError` with the code `invalid_argument`, so a misspelt option is
//! never silently ignored.

use serde::Deserialize;
use stratagraph::analysis::diff::DiffOptions;
use stratagraph::format::{CsvTable, ExportOptions, SvgOptions};
use stratagraph::generate::{GeneratorConfig, Size};
use stratagraph::parse::gazetteer::{Entry, EntryKind, Gazetteer};
use wasm_bindgen::{JsCast, JsValue};

use crate::{convert, errors};

/// Read an optional options object whose fields are `fields`: `undefined`
/// and `null` give the default; a field not in `fields` is refused
/// (serde-wasm-bindgen reads only the fields it knows, so `deny_unknown_fields`
/// alone would not see a misspelt one).
fn read<T: Default + for<'de> Deserialize<'de>>(
    value: JsValue,
    what: &str,
    fields: &[&str],
) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(errors::invalid_argument(&format!(
            "{what} must be an object"
        )));
    }
    let object: &js_sys::Object = value.unchecked_ref();
    for key in js_sys::Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        if !fields.contains(&key.as_str()) {
            return Err(errors::invalid_argument(&format!(
                "{what}: unknown option {key:?}; expected one of {}",
                fields.join(", ")
            )));
        }
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| errors::invalid_value(what, e))
}

/// Parse a name the core knows (a format, a table, a kind), or throw its error.
pub(crate) fn parse_name<T: std::str::FromStr<Err = stratagraph::Error>>(
    name: &str,
) -> Result<T, JsValue> {
    name.parse::<T>().map_err(|e| errors::core_error(&e))
}

/// `{partners?, outcomes?, maxLines?}`: how the SVG drawing is made.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct JsSvgOptions {
    partners: Option<bool>,
    outcomes: Option<bool>,
    max_lines: Option<u32>,
}

impl JsSvgOptions {
    fn apply(&self, mut svg: SvgOptions) -> SvgOptions {
        if let Some(p) = self.partners {
            svg = svg.with_partners(p);
        }
        if let Some(o) = self.outcomes {
            svg = svg.with_outcomes(o);
        }
        if let Some(n) = self.max_lines {
            svg = svg.with_max_lines(n as usize);
        }
        svg
    }
}

/// The drawing options of a JavaScript object.
pub(crate) fn svg_options(value: JsValue) -> Result<SvgOptions, JsValue> {
    let js: JsSvgOptions = read(value, "options", &["partners", "outcomes", "maxLines"])?;
    Ok(js.apply(SvgOptions::default()))
}

/// `{table?, partners?, outcomes?, maxLines?}`: what an export may be told.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct JsExportOptions {
    table: Option<String>,
    partners: Option<bool>,
    outcomes: Option<bool>,
    max_lines: Option<u32>,
}

/// The export options of a JavaScript object.
pub(crate) fn export_options(value: JsValue) -> Result<ExportOptions, JsValue> {
    let js: JsExportOptions = read(
        value,
        "options",
        &["table", "partners", "outcomes", "maxLines"],
    )?;
    let mut options = ExportOptions::default();
    if let Some(table) = &js.table {
        options = options.with_table(parse_name::<CsvTable>(table)?);
    }
    let svg = JsSvgOptions {
        partners: js.partners,
        outcomes: js.outcomes,
        max_lines: js.max_lines,
    }
    .apply(options.svg.clone());
    Ok(options.with_svg(svg))
}

/// `{sameNumber?, renumbered?}`: the thresholds of a plan diff.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct JsDiffOptions {
    same_number: Option<f64>,
    renumbered: Option<f64>,
}

/// The diff options of a JavaScript object.
pub(crate) fn diff_options(value: JsValue) -> Result<DiffOptions, JsValue> {
    let js: JsDiffOptions = read(value, "options", &["sameNumber", "renumbered"])?;
    let mut options = DiffOptions::default();
    if let Some(v) = js.same_number {
        options.same_number = v;
    }
    if let Some(v) = js.renumbered {
        options.renumbered = v;
    }
    Ok(options)
}

/// `name_like_this` as `nameLikeThis`: a core field's name in JavaScript.
pub(crate) fn camel_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        match c {
            '_' => upper = true,
            c if upper => {
                out.extend(c.to_uppercase());
                upper = false;
            }
            c => out.push(c),
        }
    }
    out
}

/// The generator's configuration: a preset `size` (`S`, `M`, `L`; default
/// `S`), then any field of the core's `GeneratorConfig`, in camelCase. The
/// names and types are read from the config's serde form (its one
/// declaration); `undefined` and `null` keep the preset's value.
pub(crate) fn generator_config(value: JsValue) -> Result<GeneratorConfig, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(GeneratorConfig::preset(Size::S));
    }
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(errors::invalid_argument("options must be an object"));
    }
    let size = js_sys::Reflect::get(&value, &JsValue::from_str("size"))?;
    let size = match size.as_string() {
        Some(s) => parse_name::<Size>(&s)?,
        None if size.is_undefined() || size.is_null() => Size::S,
        None => return Err(errors::invalid_argument("options: size must be a string")),
    };
    // The preset as a plain object with the core's field names; the caller's
    // fields go onto it, then it is read back: one declaration, the core's.
    let preset = convert::to_js(&GeneratorConfig::preset(size))?;
    let fields: Vec<(String, JsValue)> =
        js_sys::Object::keys(preset.unchecked_ref::<js_sys::Object>())
            .iter()
            .map(|name| (camel_case(&name.as_string().unwrap_or_default()), name))
            .collect();
    let object: &js_sys::Object = value.unchecked_ref();
    for key in js_sys::Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        let v = js_sys::Reflect::get(&value, &JsValue::from_str(&key))?;
        if key == "size" || v.is_undefined() || v.is_null() {
            continue;
        }
        let Some((_, name)) = fields.iter().find(|(camel, _)| *camel == key) else {
            let known: Vec<&str> = fields.iter().map(|(camel, _)| camel.as_str()).collect();
            return Err(errors::invalid_argument(&format!(
                "options: unknown option {key:?}; expected one of size, {}",
                known.join(", ")
            )));
        };
        js_sys::Reflect::set(&preset, name, &v)?;
    }
    serde_wasm_bindgen::from_value(preset).map_err(|e| errors::invalid_value("options", e))
}

/// One body (or group, programme, term) to add to the built-in gazetteer.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct JsGazetteerEntry {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    kind: Option<EntryKind>,
}

/// `{gazetteer?}`: what the delivery-plan parser may be told.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct JsPlanOptions {
    #[serde(default)]
    gazetteer: Vec<JsGazetteerEntry>,
}

/// The built-in gazetteer with the entries of a `{gazetteer: [...]}` object added.
pub(crate) fn plan_gazetteer(value: JsValue) -> Result<Gazetteer, JsValue> {
    let js: JsPlanOptions = read(value, "options", &["gazetteer"])?;
    let mut g = Gazetteer::builtin();
    for e in js.gazetteer {
        g.add_entry(Entry::new(
            e.kind.unwrap_or(EntryKind::Body),
            e.name,
            e.aliases,
        ));
    }
    Ok(g)
}
