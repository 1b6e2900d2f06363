//! What kind of id the cursor expects, read from the text before it (so it
//! works in a half-typed file that no longer parses): a step after `next:`,
//! a role after `role:`, a field inside `when:` or inside `{{ }}`.

use super::index::SymbolKind;
use super::scan;
use crate::source::Span;

/// An id expected at the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expected {
    /// What kind of id.
    pub kind: SymbolKind,
    /// The part of it already typed (replaced by the completion).
    pub typed: Span,
}

/// What a routine file expects at byte `offset`.
pub fn in_routine(text: &str, offset: usize) -> Option<Expected> {
    let offset = floor_char(text, offset);
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..offset];
    let typed = typed_word(text, offset);
    let (key, value) = match before.trim_start().trim_start_matches("- ").split_once(':') {
        Some((key, value)) => (key.trim().to_owned(), value),
        // `- step_id` under a list key (`branches:`, `collects:`...).
        None if before.trim_start().starts_with('-') => (parent_key(text, line_start)?, ""),
        None => return None,
    };
    let kind = kind_for(&key, in_deadline(text, line_start))?;
    // A plain id value is one word; an expression may have more before it.
    let expression = matches!(key.as_str(), "when" | "until" | "select" | "group_of");
    if !expression && value.trim_start_matches([' ', '[', '"', '\'']).len() > typed.len {
        let listed = value.contains('[') || value.contains(',');
        if !listed {
            return None;
        }
    }
    Some(Expected { kind, typed })
}

/// What a template expects at byte `offset`: a field inside `{{ }}` or `{% %}`.
pub fn in_template(text: &str, offset: usize) -> Option<Expected> {
    let offset = floor_char(text, offset);
    let inside = scan::tags(text)
        .into_iter()
        .any(|(start, end)| start <= offset && offset <= end);
    let typed = typed_word(text, offset);
    let after_dot = text[..typed.offset].ends_with('.');
    (inside && !after_dot).then_some(Expected {
        kind: SymbolKind::Field,
        typed,
    })
}

fn kind_for(key: &str, in_deadline: bool) -> Option<SymbolKind> {
    Some(match key {
        // A message's `to:` is a list of recipients (`- role: ...`), so a
        // `to:` with a value on its line is a route's step.
        "next" | "to" | "otherwise" | "join" | "goto" | "start" | "branches" => SymbolKind::Step,
        "role" | "sees_as" | "visible_to" => SymbolKind::Role,
        "from" if in_deadline => SymbolKind::Field,
        "from" => SymbolKind::Role,
        "group" => SymbolKind::Group,
        "template" => SymbolKind::Template,
        "collects" | "optional" | "when" | "until" | "select" | "group_of" => SymbolKind::Field,
        "source" => SymbolKind::Clause,
        _ => return None,
    })
}

/// The key of the list a `- item` line belongs to.
fn parent_key(text: &str, line_start: usize) -> Option<String> {
    let indent = indent_of(&text[line_start..]);
    for line in text[..line_start].lines().rev() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if indent_of(line) < indent || (indent_of(line) == indent && !trimmed.starts_with('-')) {
            let key = trimmed.trim_start_matches("- ").split(':').next()?;
            return Some(key.trim().to_owned());
        }
        if indent_of(line) == indent {
            continue;
        }
        return None;
    }
    None
}

/// Whether the line starting at `line_start` is inside a `deadlines:` block.
fn in_deadline(text: &str, line_start: usize) -> bool {
    let mut indent = indent_of(&text[line_start..]);
    for line in text[..line_start].lines().rev() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let own = indent_of(line);
        if own < indent {
            if trimmed.starts_with("deadlines:") {
                return true;
            }
            if trimmed.starts_with("steps:") || trimmed.starts_with("routes:") {
                return false;
            }
            indent = own;
        }
    }
    false
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The identifier characters just before `offset`.
fn typed_word(text: &str, offset: usize) -> Span {
    let start = text[..offset]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_alphanumeric() || *c == '_')
        .last()
        .map_or(offset, |(i, _)| i);
    Span::new(start, offset - start)
}

fn floor_char(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_end(text: &str) -> Option<(SymbolKind, usize)> {
        in_routine(text, text.len()).map(|e| (e.kind, e.typed.len))
    }

    #[test]
    fn keys_say_what_id_comes_next() {
        assert_eq!(
            at_end("steps:\n  a:\n    next: ca"),
            Some((SymbolKind::Step, 2))
        );
        assert_eq!(at_end("    role: "), Some((SymbolKind::Role, 0)));
        assert_eq!(
            at_end("      - when: order_ok and cl"),
            Some((SymbolKind::Field, 2))
        );
        assert_eq!(at_end("    collects: [a, b"), Some((SymbolKind::Field, 1)));
        assert_eq!(at_end("    title: Ring br"), None);
        assert_eq!(at_end("    next: done later"), None);
    }

    #[test]
    fn list_items_take_their_key_and_deadlines_change_from() {
        let text = "    branches:\n      - a\n      - ";
        assert_eq!(at_end(text), Some((SymbolKind::Step, 0)));
        let text = "    deadlines:\n      - id: x\n        from: dec";
        assert_eq!(at_end(text), Some((SymbolKind::Field, 3)));
        let text = "  ev:\n    kind: event\n    from: ";
        assert_eq!(at_end(text), Some((SymbolKind::Role, 0)));
    }

    #[test]
    fn templates_expect_fields_inside_tags() {
        let text = "Hej {{ cli";
        let e = in_template(text, text.len());
        assert_eq!(
            e.map(|e| (e.kind, e.typed)),
            Some((SymbolKind::Field, Span::new(7, 3)))
        );
        assert_eq!(in_template("Hej cli", 7), None);
        assert_eq!(in_template("{{ c.dec }}", 8), None);
        // Inside a multi-byte text the offset is moved to a character start.
        assert!(in_template("{{ å", 5).is_some());
    }
}
