//! What is wrong with a scenario file, as data: where (file, line, column)
//! and what, worded in one place from `engine/i18n/*/scenario.ftl`.

use std::path::PathBuf;

use crate::calendar::DurationError;
use crate::i18n::{text, Lang};

/// One problem of a scenario file: it cannot be read, is not a scenario, or
/// names what its routine does not have.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The scenario file.
    pub file: PathBuf,
    /// Line and column (1-based), when the problem has a place in the file.
    pub at: Option<(usize, usize)>,
    /// What is wrong.
    pub kind: ProblemKind,
}

/// Where in a scenario an id, a date or a duration stands: the action (from
/// 1) and the key path in the file (`expect.reached`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The action it belongs to; `None` for the scenario's own keys.
    pub action: Option<usize>,
    /// The keys leading to it, as written in the file.
    pub key: String,
}

/// What a name was expected to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wanted {
    /// A step of the routine.
    Step,
    /// A step or a deadline (an escalation task is named by its deadline).
    StepOrDeadline,
    /// A deadline of a step or of the case.
    Deadline,
    /// A template the routine uses.
    Template,
    /// A role of the routine.
    Role,
    /// A role, group or person (by their address field).
    Recipient,
    /// A runtime error code (`RunError::code`).
    ErrorCode,
}

/// A kind of YAML value, as the format wants it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// A text.
    Text,
    /// A whole number (0 or more where a count is meant).
    WholeNumber,
    /// `true` or `false`.
    Bool,
    /// A list.
    List,
    /// A mapping (`key: value` lines).
    Mapping,
}

impl ValueKind {
    fn id(self) -> &'static str {
        match self {
            ValueKind::Text => "scenario-kind-text",
            ValueKind::WholeNumber => "scenario-kind-number",
            ValueKind::Bool => "scenario-kind-bool",
            ValueKind::List => "scenario-kind-list",
            ValueKind::Mapping => "scenario-kind-map",
        }
    }
}

/// The kinds of [`Problem`].
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// The file cannot be read or is not YAML: a problem of the loader
    /// routines share (unreadable, too large, not UTF-8, a syntax error, a tab).
    File {
        /// The loader's problem.
        problem: crate::diagnostic::Problem,
    },
    /// The YAML is not of the scenario's form (the parser's words).
    Decode {
        /// The parser's message.
        message: String,
    },
    /// A key the format does not have.
    UnknownKey {
        /// The key.
        key: String,
        /// The keys allowed there.
        known: Vec<String>,
        /// The closest allowed key.
        suggestion: Option<String>,
    },
    /// A required key is missing.
    MissingKey {
        /// The key.
        key: String,
    },
    /// A value of the wrong kind (the parser's words for both).
    WrongType {
        /// What was found (`string "x"`, `integer 5`).
        found: String,
        /// What the format wants there (`a boolean`, `a sequence`).
        expected: String,
    },
    /// A value that is not of the kind the format wants there.
    NotA {
        /// What the format wants.
        wanted: ValueKind,
    },
    /// A key given twice.
    DuplicateKey {
        /// The key.
        key: String,
    },
    /// The routine file named by `routine:` does not exist.
    RoutineMissing {
        /// The path, joined to the scenario's folder.
        path: PathBuf,
    },
    /// A date or time that does not parse.
    BadTime {
        /// Where it stands.
        place: Place,
        /// The text.
        text: String,
    },
    /// A duration that does not parse.
    BadDuration {
        /// Where it stands.
        place: Place,
        /// Why, as the calendar says.
        error: DurationError,
    },
    /// A name the routine does not have.
    Unknown {
        /// Where it stands.
        place: Place,
        /// What it should be.
        wanted: Wanted,
        /// The name.
        name: String,
        /// The closest known name.
        suggestion: Option<String>,
        /// Every known name, when there are few (at most 12).
        known: Vec<String>,
    },
}

impl Problem {
    /// The problem in one line, `file:line:col: message`, in a language.
    pub fn message_in(&self, lang: Lang) -> String {
        let place = match self.at {
            Some((line, col)) => format!("{}:{line}:{col}", self.file.display()),
            None => self.file.display().to_string(),
        };
        format!("{place}: {}", self.kind.message_in(lang))
    }
}

impl Place {
    fn words(&self, lang: Lang) -> String {
        match self.action {
            Some(n) => text(
                lang,
                "scenario-place-action",
                &[
                    ("number", n.to_string().into()),
                    ("key", (&self.key).into()),
                ],
            ),
            None => self.key.clone(),
        }
    }
}

impl Wanted {
    fn id(self) -> &'static str {
        match self {
            Wanted::Step => "scenario-wanted-step",
            Wanted::StepOrDeadline => "scenario-wanted-step-or-deadline",
            Wanted::Deadline => "scenario-wanted-deadline",
            Wanted::Template => "scenario-wanted-template",
            Wanted::Role => "scenario-wanted-role",
            Wanted::Recipient => "scenario-wanted-recipient",
            Wanted::ErrorCode => "scenario-wanted-error-code",
        }
    }
}

/// `; did you mean `x`?`, or ` (known: a, b)` for a short list, or nothing.
fn hint(lang: Lang, suggestion: &Option<String>, known: &[String]) -> String {
    match suggestion {
        Some(s) => text(lang, "scenario-did-you-mean", &[("suggestion", s.into())]),
        None if !known.is_empty() => text(
            lang,
            "scenario-known",
            &[("known", known.join(", ").into())],
        ),
        None => String::new(),
    }
}

/// serde's word for a kind of value (`integer `5``, `a sequence`, `struct
/// Action`) in the catalogue's words, the value itself kept; other words as
/// they are.
fn kind_words(lang: Lang, serde: &str) -> String {
    const KINDS: &[(&str, &str)] = &[
        ("string", "scenario-kind-text"),
        ("a string", "scenario-kind-text"),
        ("integer", "scenario-kind-number"),
        ("usize", "scenario-kind-number"),
        ("u64", "scenario-kind-number"),
        ("floating point", "scenario-kind-decimal"),
        ("boolean", "scenario-kind-bool"),
        ("a boolean", "scenario-kind-bool"),
        ("sequence", "scenario-kind-list"),
        ("a sequence", "scenario-kind-list"),
        ("map", "scenario-kind-map"),
        ("a map", "scenario-kind-map"),
        ("struct", "scenario-kind-map"),
        ("unit value", "scenario-kind-nothing"),
        ("null", "scenario-kind-nothing"),
    ];
    let found = KINDS.iter().find(|(word, _)| {
        serde == *word
            || serde
                .strip_prefix(word)
                .is_some_and(|rest| rest.starts_with(' ') && !word.starts_with("a "))
    });
    match found {
        Some((word, id)) if *word == "struct" => text(lang, id, &[]),
        Some((word, id)) => format!("{}{}", text(lang, id, &[]), &serde[word.len()..]),
        None => serde.to_owned(),
    }
}

impl ProblemKind {
    /// What is wrong, in a language (without the place in the file).
    pub fn message_in(&self, lang: Lang) -> String {
        let t = |id: &str, args: &[(&str, crate::i18n::Arg)]| text(lang, id, args);
        match self {
            ProblemKind::File { problem } => problem.message(lang),
            ProblemKind::Decode { message } => t("scenario-decode", &[("message", message.into())]),
            ProblemKind::UnknownKey {
                key,
                known,
                suggestion,
            } => {
                let known: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
                let mut line = t(
                    "scenario-unknown-key",
                    &[("key", key.into()), ("known", known.join(", ").into())],
                );
                line.push_str(&hint(lang, suggestion, &[]));
                line
            }
            ProblemKind::MissingKey { key } => t("scenario-missing-key", &[("key", key.into())]),
            ProblemKind::WrongType { found, expected } => t(
                "scenario-wrong-type",
                &[
                    ("found", kind_words(lang, found).into()),
                    ("expected", kind_words(lang, expected).into()),
                ],
            ),
            ProblemKind::NotA { wanted } => {
                let wanted = t(wanted.id(), &[]);
                t("scenario-not-a", &[("wanted", wanted.into())])
            }
            ProblemKind::DuplicateKey { key } => {
                t("scenario-duplicate-key", &[("key", key.into())])
            }
            ProblemKind::RoutineMissing { path } => t(
                "scenario-routine-missing",
                &[("path", path.display().to_string().into())],
            ),
            ProblemKind::BadTime { place, text } => t(
                "scenario-bad-time",
                &[("place", place.words(lang).into()), ("text", text.into())],
            ),
            ProblemKind::BadDuration { place, error } => duration(lang, place, error),
            ProblemKind::Unknown {
                place,
                wanted,
                name,
                suggestion,
                known,
            } => {
                let mut line = t(
                    "scenario-unknown",
                    &[
                        ("place", place.words(lang).into()),
                        ("name", name.into()),
                        ("wanted", t(wanted.id(), &[]).into()),
                    ],
                );
                line.push_str(&hint(lang, suggestion, known));
                line
            }
        }
    }
}

/// A duration that does not parse, in the catalogue's words.
fn duration(lang: Lang, place: &Place, error: &DurationError) -> String {
    let place = place.words(lang);
    let t = |id: &str, key: &str, value: String| {
        text(lang, id, &[("place", (&place).into()), (key, value.into())])
    };
    match error {
        DurationError::Empty => text(
            lang,
            "scenario-duration-empty",
            &[("place", (&place).into())],
        ),
        DurationError::MissingUnit { amount } => {
            t("scenario-duration-no-unit", "amount", amount.to_string())
        }
        DurationError::BadAmount { text } => {
            t("scenario-duration-bad-amount", "text", text.clone())
        }
        DurationError::UnknownUnit {
            input,
            unit,
            suggestion,
        } => {
            let args = [
                ("place", (&place).into()),
                ("text", input.into()),
                ("unit", unit.into()),
            ];
            let mut line = text(lang, "scenario-duration-unknown-unit", &args);
            line.push_str(&hint(lang, &suggestion.map(str::to_owned), &[]));
            line
        }
        DurationError::TooLarge { amount } => {
            t("scenario-duration-too-large", "amount", amount.to_string())
        }
    }
}
