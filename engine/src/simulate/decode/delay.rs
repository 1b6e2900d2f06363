//! Reading delays (`fixed: 2`, `uniform: [1, 5]`, `2 working days`) and
//! probabilities from a profile, with located problems.

use crate::diagnostic::{suggest, Phrase, Problem, Sink};
use crate::load::fields::{fields, wrong_type, Fields};
use crate::load::node::{Node, Value};
use crate::simulate::distribution::{Delay, Shape, TimeUnit};

const SHAPES: [&str; 4] = ["fixed", "uniform", "triangular", "log_normal"];

/// A number (whole or decimal).
pub(crate) fn number(sink: &mut Sink, key: &str, node: &Node) -> Option<f64> {
    match node.value {
        Value::Int(i) => Some(i as f64),
        Value::Float(f) if f.is_finite() => Some(f),
        _ => {
            sink.error(
                node.span,
                wrong_type(key, Phrase::untranslated("a number"), node),
            );
            None
        }
    }
}

/// A number that is 0 or more.
fn amount(sink: &mut Sink, key: &str, node: &Node) -> Option<f64> {
    let x = number(sink, key, node)?;
    if x < 0.0 {
        sink.error(node.span, negative(sink, node));
        return None;
    }
    Some(x)
}

fn negative(sink: &Sink, node: &Node) -> Problem {
    let text = sink
        .file
        .text()
        .get(node.span.offset..node.span.end())
        .unwrap_or_default()
        .trim()
        .to_owned();
    Problem::NegativeDuration { text }
}

/// A probability: a number from 0 to 1.
pub(crate) fn probability(sink: &mut Sink, key: &str, node: &Node) -> Option<f64> {
    let p = number(sink, key, node)?;
    if !(0.0..=1.0).contains(&p) {
        sink.error(
            node.span,
            Problem::BadProfile {
                message: Phrase::untranslated(format!("{p} is not a probability")),
                fix: Phrase::untranslated("write a number from 0 to 1 (0.05 is 5 %)"),
            },
        );
        return None;
    }
    Some(p)
}

/// Refuses probabilities that do not add up to 1.
pub(crate) fn check_sum(sink: &mut Sink, node: &Node, what: &str, weights: &[f64]) -> bool {
    let sum: f64 = weights.iter().sum();
    if (sum - 1.0).abs() > 1e-6 {
        let sum = format!("{}", (sum * 1e6).round() / 1e6);
        sink.error(
            node.span,
            Problem::ProbabilitySum {
                what: Phrase::untranslated(what.to_owned()),
                sum,
            },
        );
        return false;
    }
    true
}

/// A list of exactly `n` amounts.
fn amounts(sink: &mut Sink, key: &str, node: &Node, n: usize) -> Option<Vec<f64>> {
    let expected = format!("a list of {n} numbers");
    let Value::Seq(items) = &node.value else {
        sink.error(
            node.span,
            wrong_type(key, Phrase::untranslated(expected.clone()), node),
        );
        return None;
    };
    if items.len() != n {
        sink.error(
            node.span,
            Problem::WrongType {
                key: Phrase::quoted(key),
                expected: Phrase::untranslated(expected),
                found: Phrase::untranslated(format!("a list of {}", items.len())),
            },
        );
        return None;
    }
    let values: Vec<Option<f64>> = items.iter().map(|i| amount(sink, key, i)).collect();
    values.into_iter().collect()
}

fn unordered(sink: &mut Sink, node: &Node, key: &str, order: &str) {
    sink.error(
        node.span,
        Problem::BadProfile {
            message: Phrase::untranslated(format!("the amounts of `{key}` are not in order")),
            fix: Phrase::untranslated(format!("write them as {order}")),
        },
    );
}

/// A delay: a number (in `unit`), a duration text, or a shape mapping.
pub(crate) fn delay(sink: &mut Sink, key: &str, node: &Node, unit: TimeUnit) -> Option<Delay> {
    match &node.value {
        Value::Int(_) | Value::Float(_) => Some(Delay {
            shape: Shape::Fixed(amount(sink, key, node)?),
            unit,
        }),
        Value::Str(text) => duration_text(sink, node, text),
        Value::Map(_) => {
            let mut m = fields(sink, key, node, Phrase::quoted(key))?;
            let d = delay_fields(sink, &mut m, unit);
            m.finish(sink);
            d
        }
        _ => {
            sink.error(
                node.span,
                wrong_type(
                    key,
                    Phrase::untranslated(
                        "a duration (`2 working days`, `fixed: 2`, `uniform: [1, 5]`)",
                    ),
                    node,
                ),
            );
            None
        }
    }
}

fn duration_text(sink: &mut Sink, node: &Node, text: &str) -> Option<Delay> {
    if text.trim_start().starts_with('-') {
        sink.error(node.span, negative(sink, node));
        return None;
    }
    let d = match crate::calendar::Duration::parse(text) {
        Ok(d) => d,
        Err(e) => {
            sink.error(
                node.span,
                Problem::BadDuration {
                    message: e.phrase(),
                },
            );
            return None;
        }
    };
    let Some(unit) = TimeUnit::from_calendar(d.unit) else {
        sink.error(node.span, months(text, d.unit));
        return None;
    };
    Some(Delay {
        shape: Shape::Fixed(f64::from(d.amount)),
        unit,
    })
}

fn months(text: &str, unit: crate::calendar::Unit) -> Problem {
    let counted = match unit {
        crate::calendar::Unit::Years => "years",
        _ => "months",
    };
    Problem::BadProfile {
        message: Phrase::untranslated(format!("`{text}` counts in {counted}, whose length varies")),
        fix: Phrase::untranslated(
            "count a simulated duration in working days, days, weeks or hours",
        ),
    }
}

/// The shape keys of a mapping already being read (so an event may add `never`).
pub(crate) fn delay_fields(sink: &mut Sink, m: &mut Fields<'_>, unit: TimeUnit) -> Option<Delay> {
    let unit = match m.get("unit") {
        Some(n) => time_unit(sink, n),
        None => Some(unit),
    };
    let given: Vec<(&str, &Node)> = SHAPES
        .iter()
        .filter_map(|k| m.get(k).map(|n| (*k, n)))
        .collect();
    let [(key, node)] = given.as_slice() else {
        let message = if given.is_empty() {
            format!("{} gives no duration", m.context())
        } else {
            format!("{} gives more than one duration", m.context())
        };
        sink.error(
            m.span,
            Problem::BadProfile {
                message: Phrase::untranslated(message),
                fix: Phrase::untranslated("give one of `fixed: 2`, `uniform: [1, 5]`, `triangular: [1, 2, 5]`, `log_normal: {median: 2, sigma: 0.5}`"),
            },
        );
        return None;
    };
    let shape = shape(sink, key, node);
    Some(Delay {
        shape: shape?,
        unit: unit?,
    })
}

fn shape(sink: &mut Sink, key: &str, node: &Node) -> Option<Shape> {
    match key {
        "fixed" => Some(Shape::Fixed(amount(sink, key, node)?)),
        "uniform" => {
            let v = amounts(sink, key, node, 2)?;
            let (a, b) = (v[0], v[1]);
            if a > b {
                unordered(sink, node, key, "[least, greatest]");
                return None;
            }
            Some(Shape::Uniform(a, b))
        }
        "triangular" => {
            let v = amounts(sink, key, node, 3)?;
            let (min, mode, max) = (v[0], v[1], v[2]);
            if !(min <= mode && mode <= max) {
                unordered(sink, node, key, "[least, most likely, greatest]");
                return None;
            }
            Some(Shape::Triangular { min, mode, max })
        }
        _ => log_normal(sink, node),
    }
}

fn log_normal(sink: &mut Sink, node: &Node) -> Option<Shape> {
    let mut m = fields(
        sink,
        "log_normal",
        node,
        Phrase::untranslated("`log_normal`"),
    )?;
    let median = m.get("median").and_then(|n| amount(sink, "median", n));
    let sigma = m.get("sigma").and_then(|n| spread(sink, n));
    for (key, value) in [("median", median), ("sigma", sigma)] {
        if value.is_none() && !m.has(key) {
            sink.error(
                m.span,
                Problem::MissingKey {
                    key: key.into(),
                    context: Phrase::untranslated("`log_normal`"),
                },
            );
        }
    }
    m.finish(sink);
    Some(Shape::LogNormal {
        median: median?,
        sigma: sigma?,
    })
}

/// A log-normal's `sigma`: 0 or more.
fn spread(sink: &mut Sink, node: &Node) -> Option<f64> {
    let sigma = number(sink, "sigma", node)?;
    if sigma < 0.0 {
        sink.error(
            node.span,
            Problem::BadProfile {
                message: Phrase::untranslated(format!("`sigma: {sigma}` is below 0")),
                fix: Phrase::untranslated(
                    "give the spread as 0 (no spread) or more; 0.5 is a common spread",
                ),
            },
        );
        return None;
    }
    Some(sigma)
}

fn time_unit(sink: &mut Sink, node: &Node) -> Option<TimeUnit> {
    let text = crate::load::fields::string(sink, "unit", node)?;
    if let Some(u) = TimeUnit::parse(&text.value) {
        return Some(u);
    }
    if text.value.contains("month") || text.value.contains("månad") {
        sink.error(
            node.span,
            months(&text.value, crate::calendar::Unit::Months),
        );
        return None;
    }
    if text.value.contains("year") || text.value.trim() == "år" {
        sink.error(node.span, months(&text.value, crate::calendar::Unit::Years));
        return None;
    }
    sink.error(
        node.span,
        Problem::BadValue {
            value: text.value.clone(),
            what: Phrase::untranslated("unit of time"),
            allowed: TimeUnit::NAMES.iter().map(|s| (*s).to_owned()).collect(),
            suggestion: suggest(&text.value, TimeUnit::NAMES),
        },
    );
    None
}
