//! A small, strict-enough XML reader for the XML formats stratagraph reads
//! back (GraphML): elements, attributes, text, CDATA, comments, processing
//! instructions, a skipped DOCTYPE, the five named entities and character
//! references. Namespace prefixes are kept in names; callers compare local
//! names. Nesting is limited, so hostile input cannot exhaust the stack.

use super::line_col;
use crate::error::Error;

const MAX_DEPTH: usize = 256;

/// An element: its name, attributes in document order, child elements and
/// the text directly inside it.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Element {
    pub(crate) name: String,
    pub(crate) attrs: Vec<(String, String)>,
    pub(crate) children: Vec<Element>,
    pub(crate) text: String,
    /// Byte offset of the start tag.
    pub(crate) offset: usize,
}

impl Element {
    /// The local part of the name (`y:ShapeNode` gives `ShapeNode`).
    pub(crate) fn local(&self) -> &str {
        local(&self.name)
    }

    /// An attribute's value, by local name.
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name || local(k) == name)
            .map(|(_, v)| v.as_str())
    }

    /// The child elements with this local name.
    pub(crate) fn children_named<'a>(
        &'a self,
        name: &'a str,
    ) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.local() == name)
    }
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

struct Reader<'a> {
    text: &'a str,
    pos: usize,
    what: &'static str,
}

impl<'a> Reader<'a> {
    fn err(&self, at: usize, message: impl Into<String>) -> Error {
        let (line, column) = line_col(self.text, at);
        Error::Parse {
            what: self.what,
            line,
            column,
            message: message.into(),
        }
    }

    fn rest(&self) -> &'a str {
        self.text.get(self.pos..).unwrap_or_default()
    }

    fn skip_until(&mut self, end: &str, what: &str) -> Result<&'a str, Error> {
        let start = self.pos;
        match self.rest().find(end) {
            Some(i) => {
                let inner = self.text.get(start..start + i).unwrap_or_default();
                self.pos = start + i + end.len();
                Ok(inner)
            }
            None => Err(self.err(start, format!("unterminated {what}"))),
        }
    }

    fn skip_ws(&mut self) {
        let trimmed = self.rest().trim_start();
        self.pos = self.text.len() - trimmed.len();
    }

    fn name(&mut self) -> Result<String, Error> {
        let rest = self.rest();
        let end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '/' | '>' | '=' | '<' | '"' | '\''))
            .unwrap_or(rest.len());
        if end == 0 {
            return Err(self.err(self.pos, "expected a name"));
        }
        self.pos += end;
        Ok(rest.get(..end).unwrap_or_default().to_owned())
    }

    /// Skip what may come before or after the root: declarations, comments,
    /// processing instructions, DOCTYPE and white space.
    fn skip_misc(&mut self) -> Result<(), Error> {
        loop {
            self.skip_ws();
            let rest = self.rest();
            if rest.starts_with("<?") {
                self.skip_until("?>", "processing instruction")?;
            } else if rest.starts_with("<!--") {
                self.skip_until("-->", "comment")?;
            } else if rest.starts_with("<!DOCTYPE") || rest.starts_with("<!doctype") {
                // No internal subsets with '>' inside: good enough for these formats.
                // (One search for the first of '[' and '>': a search of the
                // whole rest for '[' per DOCTYPE was quadratic.)
                if rest
                    .find(['[', '>'])
                    .and_then(|i| rest.get(i..))
                    .is_some_and(|r| r.starts_with('['))
                {
                    self.skip_until("]>", "DOCTYPE")?;
                } else {
                    self.skip_until(">", "DOCTYPE")?;
                }
            } else {
                return Ok(());
            }
        }
    }

    fn element(&mut self, depth: usize) -> Result<Element, Error> {
        if depth > MAX_DEPTH {
            return Err(self.err(self.pos, "elements are nested too deeply"));
        }
        let offset = self.pos;
        if !self.rest().starts_with('<') {
            return Err(self.err(self.pos, "expected an element"));
        }
        self.pos += 1;
        let name = self.name()?;
        let mut el = Element {
            name,
            offset,
            ..Element::default()
        };
        // Attributes.
        // Repeated attributes: a scan of the few there usually are, a set past that
        // (one element with 100,000 attributes stays linear).
        let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
        loop {
            self.skip_ws();
            let rest = self.rest();
            if rest.starts_with("/>") {
                self.pos += 2;
                return Ok(el);
            }
            if rest.starts_with('>') {
                self.pos += 1;
                break;
            }
            if rest.is_empty() {
                return Err(self.err(offset, format!("unterminated start tag <{}>", el.name)));
            }
            let at = self.pos;
            let key = self.name()?;
            self.skip_ws();
            if !self.rest().starts_with('=') {
                return Err(self.err(self.pos, format!("expected '=' after attribute {key}")));
            }
            self.pos += 1;
            self.skip_ws();
            let quote = match self.rest().chars().next() {
                Some(q @ ('"' | '\'')) => q,
                _ => return Err(self.err(self.pos, "expected a quoted attribute value")),
            };
            self.pos += 1;
            let raw = self.skip_until(if quote == '"' { "\"" } else { "'" }, "attribute value")?;
            if raw.contains('<') {
                return Err(self.err(at, "'<' in an attribute value"));
            }
            let value = self.unescape(raw, at)?;
            let repeated = if el.attrs.len() < 16 {
                el.attrs.iter().any(|(k, _)| *k == key)
            } else {
                if seen.is_empty() {
                    seen.extend(el.attrs.iter().map(|(k, _)| k.clone()));
                }
                !seen.insert(key.clone())
            };
            if repeated {
                return Err(self.err(at, format!("attribute {key} is repeated")));
            }
            el.attrs.push((key, value));
        }
        // Content.
        loop {
            let rest = self.rest();
            if rest.is_empty() {
                return Err(self.err(offset, format!("element <{}> is not closed", el.name)));
            }
            if let Some(after) = rest.strip_prefix("</") {
                let at = self.pos;
                self.pos += 2;
                let _ = after;
                let name = self.name()?;
                self.skip_ws();
                if !self.rest().starts_with('>') {
                    return Err(self.err(self.pos, "expected '>'"));
                }
                self.pos += 1;
                if name != el.name {
                    return Err(self.err(at, format!("</{name}> closes <{}>", el.name)));
                }
                return Ok(el);
            } else if rest.starts_with("<!--") {
                self.skip_until("-->", "comment")?;
            } else if rest.starts_with("<![CDATA[") {
                self.pos += 9;
                let data = self.skip_until("]]>", "CDATA section")?;
                el.text.push_str(data);
            } else if rest.starts_with("<?") {
                self.skip_until("?>", "processing instruction")?;
            } else if rest.starts_with('<') {
                let child = self.element(depth + 1)?;
                el.children.push(child);
            } else {
                let at = self.pos;
                let end = rest.find('<').unwrap_or(rest.len());
                let raw = rest.get(..end).unwrap_or_default();
                self.pos += end;
                let text = self.unescape(raw, at)?;
                el.text.push_str(&text);
            }
        }
    }

    fn unescape(&self, raw: &str, at: usize) -> Result<String, Error> {
        if !raw.contains('&') {
            return Ok(raw.to_owned());
        }
        let mut out = String::with_capacity(raw.len());
        let mut rest = raw;
        while let Some(i) = rest.find('&') {
            out.push_str(rest.get(..i).unwrap_or_default());
            let after = rest.get(i + 1..).unwrap_or_default();
            let Some(end) = after.find(';').filter(|&e| e <= 12) else {
                return Err(self.err(at, "'&' that starts no entity"));
            };
            let name = after.get(..end).unwrap_or_default();
            let c = match name {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => {
                    let code = if let Some(hex) =
                        name.strip_prefix("#x").or_else(|| name.strip_prefix("#X"))
                    {
                        u32::from_str_radix(hex, 16).ok()
                    } else if let Some(dec) = name.strip_prefix('#') {
                        dec.parse::<u32>().ok()
                    } else {
                        None
                    };
                    code.and_then(char::from_u32)
                }
            };
            match c {
                Some(c) => out.push(c),
                None => return Err(self.err(at, format!("unknown entity &{name};"))),
            }
            rest = after.get(end + 1..).unwrap_or_default();
        }
        out.push_str(rest);
        Ok(out)
    }
}

/// Parse `text` into its root element.
pub(crate) fn parse(text: &str, what: &'static str) -> Result<Element, Error> {
    let mut r = Reader { text, pos: 0, what };
    r.skip_misc()?;
    let root = r.element(0)?;
    r.skip_misc()?;
    if !r.rest().is_empty() {
        return Err(r.err(r.pos, "text after the root element"));
    }
    Ok(root)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_attributes_are_checked_for_repeats() {
        let attrs: String = (0..100_000).map(|i| format!(" a{i}='v'")).collect();
        let el = parse(&format!("<e{attrs}/>"), "xml").unwrap();
        assert_eq!(el.attrs.len(), 100_000);
        let err = parse(&format!("<e{attrs} a77='w'/>"), "xml").unwrap_err();
        assert!(
            err.to_string().contains("attribute a77 is repeated"),
            "{err}"
        );
        let err = parse("<e b='1' a='2' b='3'/>", "xml").unwrap_err();
        assert!(err.to_string().contains("attribute b is repeated"), "{err}");
    }

    #[test]
    fn parses_and_rejects() {
        let el = parse(
            "<?xml version=\"1.0\"?>\n<!-- c --><a x='1' y=\"&lt;&#65;&#x42;\"><b/>t&amp;<![CDATA[<c>]]></a>\n",
            "xml",
        )
        .unwrap();
        assert_eq!(el.attr("y"), Some("<AB"));
        assert_eq!(el.children.len(), 1);
        assert_eq!(el.text, "t&<c>");
        for bad in [
            "<a>",
            "<a></b>",
            "<a x=1/>",
            "<a>&bogus;</a>",
            "<a/><b/>",
            "",
            "<a x='<'/>",
        ] {
            assert!(parse(bad, "xml").is_err(), "{bad}");
        }
        let deep = "<a>".repeat(10_000);
        assert!(parse(&deep, "xml").is_err());
    }
}
