//! A journaled explanation worded again in a language.
//!
//! The journal keeps why a deadline or wait failed as the English text it
//! had (`error: String`), and golden journals keep it byte for byte. Every
//! such text is made of the English messages of `run.ftl` and `failure.ftl`
//! (a refusal, where an expression failed, why it failed), so it can be
//! read back: each message's English text is a shape whose values are the
//! parts between its fixed words. A text that fits a shape is worded in the
//! chosen language from the values it holds (each worded again in turn); a
//! part that fits none (a step id, minijinja's own explanation) stays as it
//! is. In English the result equals the text journaled.

use std::sync::OnceLock;

use regex::Regex;

use crate::expr::ExprError;
use crate::i18n::{catalogue_files, text, Arg, Lang};

/// One message's English text as a pattern: its fixed words, and the names
/// of its values in order.
struct Shape {
    id: String,
    /// Each value's name, and whether it stands in backticks (an id, an
    /// expression, a value as given: shown as it is).
    vars: Vec<(String, bool)>,
    pattern: Regex,
    /// How many fixed characters it has: longer shapes are tried first.
    fixed: usize,
}

/// How deep values are worded again (a place inside an error inside a refusal).
const MAX_DEPTH: usize = 6;

/// The areas whose messages a journaled explanation (or a store's or
/// runner's error) is made of.
const AREAS: [&str; 3] = ["run", "failure", "runner"];

/// `text` (journaled in English) worded in `lang`; unchanged when it fits no
/// message of the catalogues, and in English.
pub fn journaled_error_in(text: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return text.to_string();
    }
    word(text, lang, 0)
}

/// An expression's failure in `lang` (in English, the same as its `Display`).
pub(crate) fn expr_error_in(error: &ExprError, lang: Lang) -> String {
    let (id, args): (&str, Vec<(&str, Arg<'_>)>) = match error {
        ExprError::Eval { expr, message } => (
            "failure-expr-eval",
            vec![("expr", expr.into()), ("message", message.into())],
        ),
        ExprError::Undefined { expr } => ("failure-expr-undefined", vec![("expr", expr.into())]),
        ExprError::NotADate { expr, got } => (
            "failure-expr-not-a-date",
            vec![("expr", expr.into()), ("got", got.into())],
        ),
        ExprError::NotText { expr, got } => (
            "failure-expr-not-text",
            vec![("expr", expr.into()), ("got", got.into())],
        ),
    };
    crate::i18n::text(lang, id, &args)
}

fn word(journaled: &str, lang: Lang, depth: usize) -> String {
    if depth >= MAX_DEPTH {
        return journaled.to_string();
    }
    for shape in shapes() {
        let Some(found) = shape.pattern.captures(journaled) else {
            continue;
        };
        let values: Vec<String> = (shape.vars.iter().enumerate())
            .map(|(i, (_, quoted))| {
                let part = found.get(i + 1).map_or("", |m| m.as_str());
                match quoted {
                    true => part.to_string(),
                    false => word(part, lang, depth + 1),
                }
            })
            .collect();
        let args: Vec<(&str, Arg<'_>)> = shape
            .vars
            .iter()
            .zip(&values)
            .map(|((name, _), value)| (name.as_str(), Arg::from(value)))
            .collect();
        return text(lang, &shape.id, &args);
    }
    journaled.to_string()
}

fn shapes() -> &'static [Shape] {
    static SHAPES: OnceLock<Vec<Shape>> = OnceLock::new();
    SHAPES.get_or_init(|| {
        let mut shapes: Vec<Shape> = catalogue_files()
            .iter()
            .filter(|file| AREAS.contains(&file.area))
            .flat_map(|file| message_ids(file.en))
            .filter_map(shape)
            .collect();
        shapes.sort_by_key(|shape| std::cmp::Reverse(shape.fixed));
        shapes
    })
}

/// The ids of a catalogue file's messages (`id = ...` at a line's start).
fn message_ids(source: &str) -> impl Iterator<Item = &str> {
    source.lines().filter_map(|line| {
        let (id, _) = line.split_once(" =")?;
        let first = id.chars().next()?;
        (first.is_ascii_lowercase() && !id.contains(' ')).then_some(id)
    })
}

/// A message's shape: its English text formatted without values, where
/// Fluent writes each missing value as `{$name}`; a value in backticks
/// holds no backtick. A message of values only
/// (`{ $error }`) fits anything and is no shape.
fn shape(id: &str) -> Option<Shape> {
    static VALUE: OnceLock<Regex> = OnceLock::new();
    let value = VALUE.get_or_init(|| Regex::new(r"\{\$([a-z_]+)\}").expect("a valid pattern"));
    let english = text(Lang::En, id, &[]);
    let mut pattern = String::from("(?s)^");
    let mut vars = Vec::new();
    let mut fixed = 0;
    let mut last = 0;
    for found in value.captures_iter(&english) {
        let whole = found.get(0)?;
        let words = &english[last..whole.start()];
        fixed += words.len();
        pattern.push_str(&regex::escape(words));
        // A value in backticks (an id, an expression) holds none itself.
        let quoted = words.ends_with('`') && english[whole.end()..].starts_with('`');
        pattern.push_str(if quoted { "([^`]*)" } else { "(.*?)" });
        vars.push((found[1].to_string(), quoted));
        last = whole.end();
    }
    let words = &english[last..];
    fixed += words.len();
    pattern.push_str(&regex::escape(words));
    pattern.push('$');
    if fixed == 0 {
        return None;
    }
    Some(Shape {
        id: id.to_string(),
        vars,
        pattern: Regex::new(&pattern).ok()?,
        fixed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::RunError;

    fn undefined(expr: &str) -> ExprError {
        ExprError::Undefined { expr: expr.into() }
    }

    /// Refusals a deadline or wait may journal, as the engine builds them.
    fn journaled() -> Vec<RunError> {
        vec![
            RunError::expr("`until` of step `wait_reply`", undefined("reply_date")),
            RunError::expr(
                "`set: reminded` of deadline `remind` of step `call`",
                ExprError::NotADate {
                    expr: "today".into(),
                    got: "42".into(),
                },
            ),
            RunError::expr(
                "route 2 of step `decide`",
                ExprError::Eval {
                    expr: "a + 1".into(),
                    message: "invalid operation: tried to use + operator on unsupported types none and number".into(),
                },
            ),
            RunError::NoRoute {
                step: "decide".into(),
            },
            RunError::DateOutOfRange {
                what: "repeat of deadline `remind`".into(),
            },
            RunError::UnknownGroup {
                expr: "home_care_group".into(),
                value: "söder".into(),
            },
            RunError::PersonUnset {
                template: "reminder".into(),
                field: "contact".into(),
            },
        ]
    }

    #[test]
    fn a_journaled_refusal_is_worded_as_the_refusal_itself() {
        for error in journaled() {
            let english = error.to_string();
            assert_eq!(word(&english, Lang::En, 0), english, "English shapes");
            assert_eq!(
                journaled_error_in(&english, Lang::Sv),
                error.message_in(Lang::Sv),
                "{english}"
            );
            assert_ne!(journaled_error_in(&english, Lang::Sv), english);
        }
    }

    #[test]
    fn places_and_expression_errors_are_worded_in_swedish() {
        let english = "`until` of step `wait_reply`: `reply_date` is undefined (an unknown variable or attribute)";
        assert_eq!(
            journaled_error_in(english, Lang::Sv),
            "`until` i steget `wait_reply`: `reply_date` är odefinierat (en okänd variabel eller ett okänt attribut)"
        );
        let repeat = format!(
            "{english}; it will not repeat: repeat of deadline `remind`: the date is out of range"
        );
        assert_eq!(
            journaled_error_in(&repeat, Lang::Sv),
            "`until` i steget `wait_reply`: `reply_date` är odefinierat (en okänd variabel eller ett okänt attribut); \
             den upprepas inte: upprepningen av tidsfristen `remind`: datumet ligger utanför kalendern"
        );
    }

    #[test]
    fn a_value_that_does_not_fit_is_worded_in_swedish() {
        let english = "`key_code` could not be evaluated: gave a value `key_area` cannot hold: `hemlig` is not one of: g_a, g_b";
        assert_eq!(
            journaled_error_in(english, Lang::Sv),
            "`key_code` gick inte att beräkna: gav ett värde som `key_area` inte kan ha: `hemlig` är inget av: g_a, g_b"
        );
    }

    #[test]
    fn field_types_are_worded_as_the_model_describes_them() {
        use crate::model::FieldType;
        let enumeration = FieldType::Enum {
            values: vec!["a".into(), "b".into()],
        };
        let types = [
            FieldType::Text,
            FieldType::Integer,
            FieldType::Boolean,
            FieldType::Date,
            FieldType::Period,
            FieldType::Personnummer,
            FieldType::List {
                items: Box::new(enumeration.clone()),
            },
            enumeration,
        ];
        for ty in types {
            assert_eq!(ty.describe_in(Lang::En), ty.describe());
            assert_eq!(
                journaled_error_in(&ty.describe(), Lang::Sv),
                ty.describe_in(Lang::Sv)
            );
        }
        let refused = RunError::WrongType {
            field: "start".into(),
            expected: FieldType::Date.describe(),
            got: "\"igår\"".into(),
        };
        assert_eq!(
            refused.message_in(Lang::Sv),
            "`start` ska vara datum (ÅÅÅÅ-MM-DD), men det var \"igår\""
        );
    }

    #[test]
    fn a_text_of_no_shape_stays_as_it_is() {
        assert_eq!(journaled_error_in("plain words", Lang::Sv), "plain words");
        assert_eq!(
            journaled_error_in(crate::run::visibility::WITHHELD, Lang::En),
            text(Lang::En, "failure-withheld", &[])
        );
        assert!(
            journaled_error_in(crate::run::visibility::WITHHELD, Lang::Sv)
                .starts_with("[undanhållet")
        );
    }
}
