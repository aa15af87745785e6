//! Bytes to text: what a file holds before any parser reads it. A wrong file
//! is a clear error here, with a stable code, rather than a page of
//! "unclassified text" later.
//!
//! | input | result |
//! |---|---|
//! | UTF-8, with or without a byte-order mark | the text (without the mark) |
//! | UTF-16 with a byte-order mark (LE or BE), as Windows tools save it | decoded |
//! | a NUL byte (anywhere) | [`Error::Binary`] (`binary`); [`decode_data`] keeps it |
//! | invalid UTF-8, or UTF-16 with a lone surrogate | [`Error::Encoding`] (`encoding`), with line and column |
//!
//! ```
//! use stratagraph::parse::encoding::decode;
//! assert_eq!(decode(b"\xef\xbb\xbfPriority 1")?, "Priority 1");
//! assert_eq!(decode(b"\xff\xfeP\x00r\x00")?, "Pr");
//! assert_eq!(decode(b"Priority\xff 1").unwrap_err().code(), "encoding");
//! assert_eq!(decode(b"PK\x03\x04\x00\x00").unwrap_err().code(), "binary");
//! # Ok::<(), stratagraph::Error>(())
//! ```

use std::borrow::Cow;

use crate::error::Error;

/// The text `bytes` hold (see the [module docs](self)).
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, Error> {
    decode_with(bytes, true)
}

/// [`decode`] for the interchange formats read back by
/// [`crate::format::import`] (CSV, GraphML, node-link, JSON): a NUL byte is
/// data there (a cell's text may hold one, and stratagraph's own CSV writes
/// it as it is), so it is kept rather than called a binary file.
pub fn decode_data(bytes: &[u8]) -> Result<Cow<'_, str>, Error> {
    decode_with(bytes, false)
}

fn decode_with(bytes: &[u8], nul_is_binary: bool) -> Result<Cow<'_, str>, Error> {
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return utf16(rest, u16::from_le_bytes, nul_is_binary).map(Cow::Owned);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return utf16(rest, u16::from_be_bytes, nul_is_binary).map(Cow::Owned);
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Some(offset) = bytes.iter().position(|&b| b == 0).filter(|_| nul_is_binary) {
        return Err(Error::Binary { offset });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            // Columns count characters, as everywhere else in the crate.
            let column = String::from_utf8_lossy(&valid[line_start..])
                .chars()
                .count()
                + 1;
            Err(Error::Encoding {
                line,
                column,
                message: "the file is not valid UTF-8 text".to_owned(),
            })
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, nul_is_binary: bool) -> Result<String, Error> {
    let units = bytes.chunks(2).map(|c| match c {
        [a, b] => unit([*a, *b]),
        // An odd trailing byte cannot be a character.
        _ => 0xDC00,
    });
    let mut out = String::with_capacity(bytes.len() / 2);
    let (mut line, mut column) = (1usize, 1usize);
    for c in char::decode_utf16(units) {
        match c {
            Ok('\0') if nul_is_binary => return Err(Error::Binary { offset: out.len() }),
            Ok(c) => {
                if c == '\n' {
                    line += 1;
                    column = 1;
                } else {
                    column += 1;
                }
                out.push(c);
            }
            Err(_) => {
                return Err(Error::Encoding {
                    line,
                    column,
                    message: "the file is UTF-16 with a broken character (a lone surrogate)"
                        .to_owned(),
                })
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_case_of_the_table() {
        assert_eq!(decode(b"plain").unwrap(), "plain");
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain("A\nb".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be).unwrap(), "A\nb");
        let lone = [0xff, 0xfe, b'a', 0, b'\n', 0, 0x00, 0xd8, b'b', 0];
        assert!(matches!(
            decode(&lone),
            Err(Error::Encoding {
                line: 2,
                column: 1,
                ..
            })
        ));
        assert!(matches!(
            decode(b"ab\ncd\xc3"),
            Err(Error::Encoding {
                line: 2,
                column: 3,
                ..
            })
        ));
        assert!(matches!(
            decode(b"text\0"),
            Err(Error::Binary { offset: 4 })
        ));
        assert_eq!(decode(b"").unwrap(), "");
    }
}
