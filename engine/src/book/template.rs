//! A message template as people read it: every `{{ … }}` becomes the
//! readable label of what it shows («Installationsdatum»), conditional parts
//! are put in [ ] with their alternatives separated by ǀ, and the template's
//! own bookkeeping (`set`, comments) disappears.

use super::build::Ctx;
use super::text;

/// One piece of a template's source.
enum Piece<'s> {
    Text(&'s str),
    Show(&'s str),
    Tag(&'s str),
}

/// Splits `source` into text, `{{ }}` and `{% %}` pieces, applying `-`
/// whitespace control; comments are dropped.
fn pieces(source: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = source;
    let mut trim_next = false;
    while !rest.is_empty() {
        let next = ["{{", "{%", "{#"]
            .iter()
            .filter_map(|o| rest.find(o).map(|p| (p, *o)))
            .min();
        let Some((at, open)) = next else {
            out.push(Piece::Text(trimmed(rest, trim_next, false)));
            break;
        };
        let inner_start = at + 2;
        let close = match open {
            "{{" => "}}",
            "{%" => "%}",
            _ => "#}",
        };
        let Some(end) = rest[inner_start..].find(close).map(|e| e + inner_start) else {
            out.push(Piece::Text(trimmed(rest, trim_next, false)));
            break;
        };
        let mut inner = &rest[inner_start..end];
        let trim_before = inner.starts_with('-');
        out.push(Piece::Text(trimmed(&rest[..at], trim_next, trim_before)));
        trim_next = inner.ends_with('-');
        inner = inner.trim_start_matches('-').trim_end_matches('-').trim();
        match open {
            "{{" => out.push(Piece::Show(inner)),
            "{%" => out.push(Piece::Tag(inner)),
            _ => {}
        }
        rest = &rest[end + 2..];
    }
    out
}

fn trimmed(s: &str, start: bool, end: bool) -> &str {
    let s = if start { s.trim_start() } else { s };
    if end {
        s.trim_end()
    } else {
        s
    }
}

/// The names an expression reads (identifiers outside quotes).
fn names(expr: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut quote: Option<char> = None;
    let mut start: Option<usize> = None;
    for (i, c) in expr.char_indices().chain([(expr.len(), ' ')]) {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        let ident = c.is_alphanumeric() || c == '_' || (c == '.' && start.is_some());
        match (ident, start) {
            (true, None) if !c.is_ascii_digit() => start = Some(i),
            (false, Some(s)) => {
                out.push(&expr[s..i]);
                start = None;
            }
            _ => {}
        }
        if c == '\'' || c == '"' {
            quote = Some(c);
        }
    }
    out
}

/// The label of what `{{ expr }}` shows; the sender's name as it is, when
/// the message names one (`sender` is the same for every case).
fn show(cx: &Ctx<'_>, expr: &str, sender: Option<&str>) -> String {
    if let (Some(name), "sender.name") = (sender, expr) {
        return name.to_owned();
    }
    let mut labels: Vec<String> = Vec::new();
    for name in names(expr) {
        let label = match name.split('.').next().unwrap_or(name) {
            f if cx.routine.field(f).is_some() => cx.label(f),
            "recipients" => text::RECIPIENTS.into(),
            "today" => text::TODAY.into(),
            "case" => text::CASE_ID.into(),
            "step" => text::STEP_TITLE.into(),
            "routine" => text::ROUTINE_TITLE.into(),
            "deadline" => text::DEADLINE_AFTER.into(),
            "sender" => text::SENDER.into(),
            _ => continue,
        };
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    if labels.is_empty() {
        labels.push(text::COMPUTED.into());
    }
    format!("«{}»", labels.join(", "))
}

/// What a tag becomes in the readable text.
fn tag(name: &str) -> &'static str {
    match name {
        "if" | "for" => "[",
        "elif" | "else" => " ǀ ",
        "endif" | "endfor" => "]",
        _ => "",
    }
}

/// The template `source` as people read it, for a message sent on behalf
/// of `sender` (its display name).
pub(crate) fn readable(cx: &Ctx<'_>, source: &str, sender: Option<&str>) -> String {
    let mut out = String::new();
    let mut opened = false;
    for p in pieces(source) {
        match p {
            // A conditional part starts and ends with its text, not a line break.
            Piece::Text(t) if opened => out.push_str(t.trim_start_matches(['\n', '\r'])),
            Piece::Text(t) => out.push_str(t),
            Piece::Show(e) => out.push_str(&show(cx, e, sender)),
            Piece::Tag(t) => {
                let mark = tag(t.split_whitespace().next().unwrap_or(""));
                if mark == "]" {
                    out.truncate(out.trim_end_matches(['\n', '\r']).len());
                }
                out.push_str(mark);
            }
        }
        opened =
            matches!(p, Piece::Tag(t) if tag(t.split_whitespace().next().unwrap_or("")) == "[");
    }
    let lines: Vec<&str> = out.lines().map(str::trim_end).collect();
    let mut text = lines.join("\n");
    while text.contains("\n\n\n") {
        text = text.replace("\n\n\n", "\n\n");
    }
    text.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::names;

    #[test]
    fn names_skip_quoted_text_and_numbers() {
        assert_eq!(
            names("group_name(area) ~ 'x y' if case.id else 3"),
            ["group_name", "area", "if", "case.id", "else"]
        );
    }
}
