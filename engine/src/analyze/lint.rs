//! Mistakes minijinja only finds when a message is sent, found here instead
//! by reading the code inside `{{ }}` and `{% %}`: unknown filters, a
//! duration text that does not parse, an `include` (a message is one file),
//! and a misspelled field in a report's loop over `cases`.

use crate::calendar::Duration;
use crate::source::Span;

/// One finding: where (a span in the text) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Finding {
    UnknownFilter { name: String, span: Span },
    BadDuration { message: String, span: Span },
    Include { span: Span },
    UnknownCaseField { name: String, span: Span },
}

/// The code parts of a template: (offset, text) of each tag's inside, with
/// string literals kept (they matter for durations) and their spans known.
fn code_parts(template: &str) -> Vec<(usize, &str)> {
    let mut parts = Vec::new();
    let mut pos = 0;
    while let Some(open) = template.get(pos..).and_then(|t| {
        let a = t.find("{{");
        let b = t.find("{%");
        a.into_iter().chain(b).min()
    }) {
        let start = pos + open + 2;
        let closer = if template
            .get(pos + open..)
            .is_some_and(|t| t.starts_with("{{"))
        {
            "}}"
        } else {
            "%}"
        };
        let end = template
            .get(start..)
            .and_then(|t| t.find(closer))
            .map_or(template.len(), |e| start + e);
        if let Some(inner) = template.get(start..end) {
            parts.push((start, inner));
        }
        pos = (end + 2).min(template.len());
        if end >= template.len() {
            break;
        }
    }
    parts
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Blanks string literals (keeping lengths) so that `|` or `.` inside a text
/// is not read as code.
fn without_strings(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut quote: Option<char> = None;
    for c in code.chars() {
        match quote {
            Some(q) if c == q => {
                quote = None;
                out.push(c);
            }
            Some(_) => out.extend(std::iter::repeat_n(' ', c.len_utf8())),
            None => {
                if c == '\'' || c == '"' {
                    quote = Some(c);
                }
                out.push(c);
            }
        }
    }
    out
}

fn ident_at(code: &str, from: usize) -> Option<(usize, &str)> {
    let rest = code.get(from..)?;
    let skip = rest.len() - rest.trim_start().len();
    let start = from + skip;
    let len: usize = code
        .get(start..)?
        .chars()
        .take_while(|c| is_ident(*c))
        .map(char::len_utf8)
        .sum();
    (len > 0).then(|| (start, code.get(start..start + len).unwrap_or_default()))
}

fn known_filter(env: &minijinja::Environment<'_>, name: &str) -> bool {
    match env.render_str(&format!("{{{{ none | {name} }}}}"), ()) {
        Err(e) => e.kind() != minijinja::ErrorKind::UnknownFilter,
        Ok(_) => true,
    }
}

/// Filters used in code that the environment does not have.
fn filters(env: &minijinja::Environment<'_>, offset: usize, code: &str, out: &mut Vec<Finding>) {
    let plain = without_strings(code);
    for (i, c) in plain.char_indices() {
        if c != '|' {
            continue;
        }
        if let Some((start, name)) = ident_at(&plain, i + 1) {
            if !known_filter(env, name) {
                out.push(Finding::UnknownFilter {
                    name: name.to_owned(),
                    span: Span::new(offset + start, name.len()),
                });
            }
        }
    }
}

/// `date_add(x, '1 mnoth')`: a duration written as text that does not parse.
fn durations(offset: usize, code: &str, out: &mut Vec<Finding>) {
    for function in ["date_add(", "date_sub("] {
        let mut from = 0;
        while let Some(at) = code.get(from..).and_then(|t| t.find(function)) {
            let args = from + at + function.len();
            from = args;
            // The second argument: after the first top-level comma.
            let mut depth = 0usize;
            let mut comma = None;
            let mut quote: Option<char> = None;
            for (i, c) in code.get(args..).unwrap_or_default().char_indices() {
                match (quote, c) {
                    (Some(q), c) if c == q => quote = None,
                    (Some(_), _) => {}
                    (None, '\'' | '"') => quote = Some(c),
                    (None, '(' | '[' | '{') => depth += 1,
                    (None, ')' | ']' | '}') if depth == 0 => break,
                    (None, ')' | ']' | '}') => depth -= 1,
                    (None, ',') if depth == 0 => {
                        comma = Some(args + i + 1);
                        break;
                    }
                    _ => {}
                }
            }
            let Some(second) = comma else { continue };
            let rest = code.get(second..).unwrap_or_default();
            let trimmed = rest.trim_start();
            let start = second + (rest.len() - trimmed.len());
            let Some(q) = trimmed.chars().next().filter(|c| *c == '\'' || *c == '"') else {
                continue;
            };
            let Some(end) = trimmed.get(1..).and_then(|t| t.find(q)) else {
                continue;
            };
            let text = trimmed.get(1..=end).unwrap_or_default();
            if let Err(e) = Duration::parse(text) {
                out.push(Finding::BadDuration {
                    message: e.to_string(),
                    span: Span::new(offset + start, end + 2),
                });
            }
        }
    }
}

/// Findings in an expression (the whole text is code).
pub(crate) fn expression(env: &minijinja::Environment<'_>, text: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    filters(env, 0, text, &mut out);
    durations(0, text, &mut out);
    out
}

/// Findings in a template. `fields` are the routine's fields, for the
/// attributes read from each case in a loop over `cases`.
pub(crate) fn template(
    env: &minijinja::Environment<'_>,
    text: &str,
    fields: &[String],
) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut case_vars: Vec<String> = Vec::new();
    for (offset, code) in code_parts(text) {
        let plain = without_strings(code);
        let words: Vec<&str> = plain.split_whitespace().collect();
        if let Some(first) = words.first() {
            if ["include", "extends", "import", "from"].contains(first) {
                out.push(Finding::Include {
                    span: Span::new(offset, code.len()),
                });
                continue;
            }
            // `for c in cases`: remember `c` to check what is read from it.
            if let ["for", var, "in", "cases", ..] = words.as_slice() {
                case_vars.push((*var).to_owned());
            }
        }
        filters(env, offset, code, &mut out);
        durations(offset, code, &mut out);
        for var in &case_vars {
            let mut from = 0;
            while let Some(at) = plain.get(from..).and_then(|t| t.find(var.as_str())) {
                let start = from + at;
                from = start + var.len();
                let before_ok = plain
                    .get(..start)
                    .and_then(|t| t.chars().last())
                    .is_none_or(|c| !is_ident(c) && c != '.');
                if !before_ok || !plain.get(from..).is_some_and(|t| t.starts_with('.')) {
                    continue;
                }
                if let Some((attr_start, attr)) = ident_at(&plain, from + 1) {
                    if attr != "case" && !fields.iter().any(|f| f == attr) {
                        out.push(Finding::UnknownCaseField {
                            name: attr.to_owned(),
                            span: Span::new(offset + attr_start, attr.len()),
                        });
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env() -> minijinja::Environment<'static> {
        crate::expr::environment()
    }

    #[test]
    fn unknown_filters_are_found_known_ones_are_not() {
        let found = template(
            &env(),
            "{{ d | date }} {{ x | upper }} {{ d | nosuch }} {{ 'a|b' }}",
            &[],
        );
        assert_eq!(
            found,
            vec![Finding::UnknownFilter {
                name: "nosuch".into(),
                span: Span::new(38, 6)
            }]
        );
    }

    #[test]
    fn duration_texts_are_parsed() {
        let found = expression(
            &env(),
            "date_add(d, '1 mnoth') > date_sub(today, '3 months')",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            matches!(&found[0], Finding::BadDuration { span, .. } if *span == Span::new(12, 9))
        );
    }

    #[test]
    fn includes_are_refused() {
        let found = template(&env(), "Hej {% include 'other.j2' %}", &[]);
        assert!(matches!(found.as_slice(), [Finding::Include { .. }]));
    }

    #[test]
    fn fields_read_from_cases_must_exist() {
        let fields = vec!["decision_date".to_owned()];
        let text = "{% for c in cases %}{{ c.case.id }} {{ c.decison_date }} {{ c.decision_date }}{% endfor %}";
        let found = template(&env(), text, &fields);
        assert_eq!(
            found,
            vec![Finding::UnknownCaseField {
                name: "decison_date".into(),
                span: Span::new(41, 12)
            }]
        );
    }
}
