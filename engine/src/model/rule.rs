//! Field rules: what a value must be beyond its type (`pattern:`,
//! `min:`/`max:`, `min_length:`/`max_length:`). Checked on every value that
//! enters a case, after its type.

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

/// The rules of one field; empty for most.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Rules {
    /// A regular expression the whole text must match.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<Pattern>,
    /// The smallest value allowed (a number or a date).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<Bound>,
    /// The largest value allowed (a number or a date).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<Bound>,
    /// The fewest characters a text may have.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u64>,
    /// The most characters a text may have.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u64>,
}

/// A compiled `pattern:`, matched against the whole value.
#[derive(Debug, Clone)]
pub struct Pattern {
    source: String,
    regex: regex::Regex,
}

/// How large a compiled pattern may grow (bytes): a routine cannot make
/// the engine build a huge automaton.
const PATTERN_SIZE_LIMIT: usize = 1 << 20;

impl Pattern {
    /// Compiles `source` so that it must match the whole value; the error
    /// is the regex crate's explanation.
    pub fn new(source: &str) -> Result<Pattern, String> {
        let regex = regex::RegexBuilder::new(&format!("^(?:{source})$"))
            .size_limit(PATTERN_SIZE_LIMIT)
            .build()
            .map_err(|e| match e {
                regex::Error::Syntax(text) => text
                    .lines()
                    .filter(|l| l.starts_with("error:"))
                    .map(|l| l.trim_start_matches("error:").trim().to_string())
                    .next()
                    .unwrap_or(text),
                other => other.to_string(),
            })?;
        Ok(Pattern {
            source: source.to_string(),
            regex,
        })
    }

    /// The pattern as written.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Whether the whole of `text` matches.
    pub fn matches(&self, text: &str) -> bool {
        self.regex.is_match(text)
    }
}

impl PartialEq for Pattern {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source
    }
}

impl Serialize for Pattern {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.source)
    }
}

/// A `min:` or `max:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(untagged)]
pub enum Bound {
    /// For integer fields.
    Integer(i64),
    /// For date fields.
    Date(NaiveDate),
}

impl std::fmt::Display for Bound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Bound::Integer(n) => write!(f, "{n}"),
            Bound::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
        }
    }
}

use crate::diagnostic::Phrase;

/// A rule a value breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    /// The rule as written: `pattern: [0-9]{5}`, `min: 18`.
    pub rule: String,
    /// What the value must be, in plain words: `at least 18` (English).
    pub expected: String,
    /// The same as a phrase of `engine/i18n/*/details.ftl`, for any language.
    pub phrase: crate::diagnostic::Phrase,
}

impl Broken {
    fn new(rule: String, phrase: crate::diagnostic::Phrase) -> Self {
        Broken {
            rule,
            expected: phrase.words(crate::i18n::Lang::En),
            phrase,
        }
    }
}

impl Rules {
    /// Whether the field has no rule.
    pub fn is_empty(&self) -> bool {
        *self == Rules::default()
    }

    /// Checks a value (already of the field's type) against every rule; the
    /// first one it breaks is returned. Values a rule does not apply to pass.
    pub fn check(&self, value: &serde_json::Value) -> Result<(), Broken> {
        if let Some(text) = value.as_str() {
            self.check_text(text)?;
        }
        if let Some(bound) = as_bound(value) {
            self.check_bounds(bound)?;
        }
        Ok(())
    }

    fn check_text(&self, text: &str) -> Result<(), Broken> {
        if let Some(p) = &self.pattern {
            if !p.matches(text) {
                return Err(Broken::new(
                    format!("pattern: {}", p.source()),
                    Phrase::new("rule-pattern").with("pattern", p.source()),
                ));
            }
        }
        let length = text.chars().count() as u64;
        if let Some(min) = self.min_length.filter(|min| length < *min) {
            return Err(Broken::new(
                format!("min_length: {min}"),
                Phrase::new("rule-min-length").with("length", min),
            ));
        }
        if let Some(max) = self.max_length.filter(|max| length > *max) {
            return Err(Broken::new(
                format!("max_length: {max}"),
                Phrase::new("rule-max-length").with("length", max),
            ));
        }
        Ok(())
    }

    fn check_bounds(&self, value: Bound) -> Result<(), Broken> {
        let same_kind = |b: &Bound| std::mem::discriminant(b) == std::mem::discriminant(&value);
        if let Some(min) = self.min.filter(|m| same_kind(m) && value < *m) {
            let id = match min {
                Bound::Integer(_) => "rule-min",
                Bound::Date(_) => "rule-min-date",
            };
            return Err(Broken::new(
                format!("min: {min}"),
                Phrase::new(id).with("bound", min.to_string()),
            ));
        }
        if let Some(max) = self.max.filter(|m| same_kind(m) && value > *m) {
            let id = match max {
                Bound::Integer(_) => "rule-max",
                Bound::Date(_) => "rule-max-date",
            };
            return Err(Broken::new(
                format!("max: {max}"),
                Phrase::new(id).with("bound", max.to_string()),
            ));
        }
        Ok(())
    }
}

/// A number or a `YYYY-MM-DD` date as a bound to compare with.
fn as_bound(value: &serde_json::Value) -> Option<Bound> {
    match value {
        serde_json::Value::Number(n) => n.as_i64().map(Bound::Integer),
        serde_json::Value::String(s) => crate::expr::parse_date(s).map(Bound::Date),
        _ => None,
    }
}
