//! Words built where a problem is found ("the `set:` of the step `visit`",
//! "a whole number"), as data: a catalogue id from `engine/i18n/*/details.ftl`
//! and its values, worded in the language the problem is shown in.

use crate::i18n::{text, Arg, Lang};

/// A phrase of a problem: a message id of `details.ftl` and its values,
/// which may be phrases themselves (a place inside a place).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Phrase {
    id: &'static str,
    args: Vec<(&'static str, PhraseValue)>,
}

/// One value of a [`Phrase`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PhraseValue {
    /// A text shown as it is (an id, an expression, a value as written).
    Text(String),
    /// A number (chooses plural forms).
    Number(i64),
    /// A phrase, worded first in the same language.
    Phrase(Phrase),
    /// Words joined by "and" ("task and event"; `list-and` of `details.ftl`).
    And(Vec<String>),
}

impl Phrase {
    /// The phrase `id` of `details.ftl`, with no values yet.
    pub fn new(id: &'static str) -> Self {
        Phrase {
            id,
            args: Vec::new(),
        }
    }

    /// A text that stays as it was given in every language: the words of a
    /// third party (the YAML parser, minijinja, the operating system).
    pub fn verbatim(detail: impl Into<String>) -> Self {
        Phrase::new("verbatim").with("detail", detail.into())
    }

    /// A text still worded in English where it is built (the simulation
    /// profile's problems), shown as it is in every language until it
    /// moves into the catalogue.
    pub fn untranslated(text: impl Into<String>) -> Self {
        Phrase::new("untranslated").with("text", text.into())
    }

    /// A text shown as it is in every language (a number as written).
    pub fn plain(text: impl Into<String>) -> Self {
        Phrase::new("plain").with("text", text.into())
    }

    /// A text of the file in backticks (`` `title` ``), the same in every language.
    pub fn quoted(text: impl Into<String>) -> Self {
        Phrase::new("quoted").with("text", text.into())
    }

    /// A place named by an id (`in-step`: "the step `a`").
    pub fn named(id: &'static str, name: impl Into<String>) -> Self {
        Phrase::new(id).with("id", name.into())
    }

    /// A place inside another (`in-route-of`: "a route of the step `a`").
    pub fn within(id: &'static str, place: &Phrase) -> Self {
        Phrase::new(id).with("place", place)
    }

    /// The phrase with one more value.
    #[must_use]
    pub fn with(mut self, name: &'static str, value: impl Into<PhraseValue>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// The catalogue id.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The phrase's words in `lang`.
    pub fn words(&self, lang: Lang) -> String {
        let args: Vec<(&str, Arg<'_>)> = self
            .args
            .iter()
            .map(|(name, value)| (*name, value.arg(lang)))
            .collect();
        text(lang, self.id, &args)
    }
}

impl std::fmt::Display for Phrase {
    /// The English words (for logs and library users).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(Lang::En))
    }
}

impl PhraseValue {
    fn arg(&self, lang: Lang) -> Arg<'_> {
        match self {
            PhraseValue::Text(text) => text.into(),
            PhraseValue::Number(n) => (*n).into(),
            PhraseValue::Phrase(phrase) => phrase.words(lang).into(),
            PhraseValue::And(items) => and(lang, items).into(),
        }
    }
}

/// `a and b and c`, in `lang`.
fn and(lang: Lang, items: &[String]) -> String {
    let mut items = items.iter();
    let first = items.next().cloned().unwrap_or_default();
    items.fold(first, |head, last| {
        text(
            lang,
            "list-and",
            &[("head", head.into()), ("last", last.into())],
        )
    })
}

impl From<Phrase> for PhraseValue {
    fn from(phrase: Phrase) -> Self {
        PhraseValue::Phrase(phrase)
    }
}

impl From<&Phrase> for PhraseValue {
    fn from(phrase: &Phrase) -> Self {
        PhraseValue::Phrase(phrase.clone())
    }
}

impl From<String> for PhraseValue {
    fn from(text: String) -> Self {
        PhraseValue::Text(text)
    }
}

impl From<&String> for PhraseValue {
    fn from(text: &String) -> Self {
        PhraseValue::Text(text.clone())
    }
}

impl From<&str> for PhraseValue {
    fn from(text: &str) -> Self {
        PhraseValue::Text(text.to_owned())
    }
}

macro_rules! number_value {
    ($($t:ty),*) => {$(
        impl From<$t> for PhraseValue {
            fn from(n: $t) -> Self {
                PhraseValue::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_value!(i64, u32, u64, usize);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_inside_a_phrase_takes_the_same_language() {
        let place = Phrase::within("place-set", &Phrase::named("in-step", "visit"));
        assert_eq!(place.words(Lang::En), "the `set:` of the step `visit`");
        assert_eq!(place.words(Lang::Sv), "`set:` i steget `visit`");
    }

    #[test]
    fn a_third_partys_words_stay_as_they_are() {
        let detail = Phrase::verbatim("unexpected end of input");
        assert_eq!(detail.words(Lang::En), "unexpected end of input");
        assert_eq!(detail.words(Lang::Sv), "”unexpected end of input”");
    }
}
