//! Field rules (`pattern:`, `min:`/`max:`, `min_length:`/`max_length:`):
//! compiled and checked against the field's type and its own example.

use crate::diagnostic::{Phrase, PhraseValue, Problem, Sink};
use crate::load::{raw, raw::Sp};
use crate::model::{Bound, FieldType, Pattern, Rules};
use crate::source::Span;

/// The rules of field `id` of type `ty`; every rule that cannot work is a
/// problem at the rule (and left out).
pub(super) fn rules(sink: &mut Sink, id: &str, ty: &FieldType, f: &raw::Field) -> Rules {
    let text = matches!(ty, FieldType::Text);
    let ordered = matches!(ty, FieldType::Integer | FieldType::Date);
    let applies = |sink: &mut Sink, span: Span, key: &str, ok: bool, kinds: &[&str]| {
        if !ok {
            let kinds = PhraseValue::And(kinds.iter().map(|k| (*k).to_owned()).collect());
            sink.error(
                span,
                Problem::BadFieldRule {
                    message: Phrase::named("rule-not-for-type", id)
                        .with("key", key)
                        .with("kinds", kinds)
                        .with("type", ty.phrase()),
                    fix: Phrase::named("rule-not-for-type-fix", id).with("key", key),
                },
            );
        }
        ok
    };
    let mut rules = Rules::default();
    if let Some(p) = f.pattern.as_ref() {
        if applies(sink, p.span, "pattern", text, &["text"]) {
            rules.pattern = pattern(sink, id, p);
        }
    }
    for (key, given, slot) in [
        ("min_length", &f.min_length, &mut rules.min_length),
        ("max_length", &f.max_length, &mut rules.max_length),
    ] {
        if let Some(n) = given {
            if applies(sink, n.span, key, text, &["text"]) {
                *slot = length(sink, id, key, n);
            }
        }
    }
    for (key, given, slot) in [
        ("min", &f.min, &mut rules.min),
        ("max", &f.max, &mut rules.max),
    ] {
        if let Some(b) = given {
            if applies(sink, b.span, key, ordered, &["integer", "date"]) {
                *slot = bound(sink, id, key, ty, b);
            }
        }
    }
    crossed(sink, id, &rules, f);
    rules
}

fn pattern(sink: &mut Sink, id: &str, p: &Sp<String>) -> Option<Pattern> {
    Pattern::new(&p.value)
        .map_err(|reason| {
            sink.error(
                p.span,
                Problem::BadFieldRule {
                    message: Phrase::named("rule-bad-pattern", id)
                        .with("reason", Phrase::verbatim(reason)),
                    fix: Phrase::new("rule-bad-pattern-fix"),
                },
            );
        })
        .ok()
}

fn length(sink: &mut Sink, id: &str, key: &str, n: &Sp<i64>) -> Option<u64> {
    u64::try_from(n.value)
        .map_err(|_| {
            sink.error(
                n.span,
                Problem::BadFieldRule {
                    message: Phrase::named("rule-negative-length", id)
                        .with("key", key)
                        .with("value", n.value),
                    fix: Phrase::new("rule-negative-length-fix"),
                },
            );
        })
        .ok()
}

fn bound(
    sink: &mut Sink,
    id: &str,
    key: &str,
    ty: &FieldType,
    b: &Sp<raw::AnyValue>,
) -> Option<Bound> {
    let value = &b.value.0;
    let parsed = match ty {
        FieldType::Integer => value.as_i64().map(Bound::Integer),
        _ => value
            .as_str()
            .and_then(crate::expr::parse_date)
            .map(Bound::Date),
    };
    if parsed.is_none() {
        let expected = Phrase::new(match ty {
            FieldType::Integer => "expect-whole-number",
            _ => "expect-date",
        });
        sink.error(
            b.span,
            Problem::BadFieldRule {
                message: Phrase::named("rule-bad-bound", id)
                    .with("key", key)
                    .with("expected", &expected),
                fix: Phrase::new("rule-bad-bound-fix").with("expected", expected),
            },
        );
    }
    parsed
}

/// `min` above `max`, `min_length` above `max_length`: no value could pass.
fn crossed(sink: &mut Sink, id: &str, rules: &Rules, f: &raw::Field) {
    let mut report = |span: Option<Span>, low: String, high: String, keys: (&str, &str)| {
        sink.error(
            span.unwrap_or_default(),
            Problem::BadFieldRule {
                message: Phrase::named("rule-crossed", id)
                    .with("low_key", keys.0)
                    .with("low", low)
                    .with("high_key", keys.1)
                    .with("high", high),
                fix: Phrase::new("rule-crossed-fix")
                    .with("low_key", keys.0)
                    .with("high_key", keys.1),
            },
        );
    };
    if let (Some(min), Some(max)) = (rules.min, rules.max) {
        if min > max {
            let span = f.max.as_ref().map(|m| m.span);
            report(span, min.to_string(), max.to_string(), ("min", "max"));
        }
    }
    if let (Some(min), Some(max)) = (rules.min_length, rules.max_length) {
        if min > max {
            let span = f.max_length.as_ref().map(|m| m.span);
            report(
                span,
                min.to_string(),
                max.to_string(),
                ("min_length", "max_length"),
            );
        }
    }
}

/// An example that breaks its own field's rules.
pub(super) fn example(sink: &mut Sink, id: &str, rules: &Rules, example: &Sp<raw::AnyValue>) {
    if let Err(broken) = rules.check(&example.value.0) {
        sink.error(
            example.span,
            Problem::BadFieldRule {
                message: Phrase::named("rule-broken-by-example", id)
                    .with("rule", broken.rule)
                    .with("expected", broken.phrase),
                fix: Phrase::new("rule-broken-by-example-fix"),
            },
        );
    }
}
