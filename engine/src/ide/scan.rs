//! Where names stand inside expressions and templates: the identifiers
//! outside string literals, with their byte spans, so an editor can point
//! at (and rename) a field read by `when: order_ok == false` or by
//! `{{ client_name }}`.

use crate::source::Span;

/// An identifier in code, with whether it follows a `.` (an attribute,
/// such as `c.decision_date` in a report's loop).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Ident<'a> {
    pub(crate) name: &'a str,
    pub(crate) span: Span,
    pub(crate) attribute: bool,
}

/// The identifiers of a Jinja expression starting at byte `base` of its file.
pub(crate) fn expression(code: &str, base: usize) -> Vec<Ident<'_>> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    let mut quote: Option<u8> = None;
    while i < bytes.len() {
        let b = bytes[i];
        if let Some(q) = quote {
            if b == b'\\' {
                i += 1;
            } else if b == q {
                quote = None;
            }
            i += 1;
            continue;
        }
        if b == b'"' || b == b'\'' {
            quote = Some(b);
            i += 1;
        } else if b.is_ascii_alphabetic() || b == b'_' {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            let attribute = code[..start].trim_end().ends_with('.');
            out.push(Ident {
                name: &code[start..i],
                span: Span::new(base + start, i - start),
                attribute,
            });
        } else if b.is_ascii_digit() {
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'.') {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    out
}

/// The identifiers inside `{{ }}` and `{% %}` tags of a template (comments
/// `{# #}` and the text between tags are skipped).
pub(crate) fn template(text: &str) -> Vec<Ident<'_>> {
    tags(text)
        .into_iter()
        .flat_map(|(start, end)| expression(&text[start..end], start))
        .collect()
}

/// The byte ranges of the code inside each `{{ }}` and `{% %}` tag; an
/// unclosed tag runs to the end of the text.
pub(crate) fn tags(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(found) = text.get(at..).and_then(|t| t.find('{')) {
        let open = at + found;
        let close = match text.get(open + 1..open + 2) {
            Some("{") => "}}",
            Some("%") => "%}",
            Some("#") => "#}",
            _ => {
                at = open + 1;
                continue;
            }
        };
        let start = open + 2;
        let end = text
            .get(start..)
            .and_then(|t| t.find(close))
            .map_or(text.len(), |i| start + i);
        if close != "#}" {
            out.push((start, end));
        }
        at = (end + 2).min(text.len());
        if end >= text.len() {
            break;
        }
    }
    out
}

/// Where a value's text stands in its file: the span of the YAML scalar
/// narrowed to the value itself (inside quotes), when it is written as is.
pub(crate) fn value_start(file_text: &str, span: Span, value: &str) -> Option<usize> {
    let written = file_text.get(span.offset..span.end())?;
    if written == value {
        return Some(span.offset);
    }
    written.find(value).map(|i| span.offset + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(idents: &[Ident<'_>]) -> Vec<(String, usize, bool)> {
        idents
            .iter()
            .map(|i| (i.name.to_owned(), i.span.offset, i.attribute))
            .collect()
    }

    #[test]
    fn expressions_skip_strings_and_numbers() {
        let found = expression("area == 'area_a' and c.key_number > 3.5", 10);
        assert_eq!(
            names(&found),
            vec![
                ("area".into(), 10, false),
                ("and".into(), 27, false),
                ("c".into(), 31, false),
                ("key_number".into(), 33, true),
            ]
        );
    }

    #[test]
    fn templates_scan_tags_only() {
        let text = "Hej client_name! {{ client_name }} {# x #}{% if a %}{{ b";
        let found: Vec<_> = template(text).iter().map(|i| i.name).collect();
        assert_eq!(found, vec!["client_name", "if", "a", "b"]);
        assert_eq!(template(text)[0].span, Span::new(20, 11));
    }

    #[test]
    fn quoted_values_are_found_inside_their_quotes() {
        let text = "when: \"a == 1\"";
        assert_eq!(value_start(text, Span::new(6, 8), "a == 1"), Some(7));
        assert_eq!(value_start(text, Span::new(6, 8), "zzz"), None);
    }
}
