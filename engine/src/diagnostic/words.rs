//! A problem's words in a language: its message and help line come from
//! `engine/i18n/<lang>/diagnostics.ftl`, by the problem's code, with its
//! structured fields as the message's values.

use std::fmt;

use super::problem::{Problem, RefKind};
use crate::i18n::{text, Arg, Lang};

/// The values one message takes.
type Args<'a> = Vec<(&'static str, Arg<'a>)>;

impl RefKind {
    /// The kind as a catalogue selector key (`role`, `sender`, `step`...).
    pub(crate) fn key(self) -> &'static str {
        match self {
            RefKind::Role => "role",
            RefKind::Group => "group",
            RefKind::Sender => "sender",
            RefKind::Step => "step",
            RefKind::Field => "field",
            RefKind::Template => "template",
            RefKind::Clause => "clause",
            RefKind::Variable => "variable",
            RefKind::Filter => "filter",
            RefKind::Test => "test",
            RefKind::Deadline => "deadline",
            RefKind::Schedule => "schedule",
            RefKind::Event => "event",
        }
    }
}

impl Problem {
    /// The catalogue id of the problem's message: its code without `rutin::`
    /// (`unknown-key`); its help line is `<id>-help`.
    pub fn message_id(&self) -> &'static str {
        // One code, two wordings: a template's unguarded read, and a value's.
        if let Problem::UnguardedOptionalValue { .. } = self {
            return "unguarded-optional-value";
        }
        let code = self.code();
        code.strip_prefix("rutin::").unwrap_or(code)
    }

    /// What is wrong, in plain words, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        text(lang, self.message_id(), &self.args(lang))
    }

    /// How to fix it, in plain words, in `lang`.
    pub fn help_in(&self, lang: Lang) -> String {
        if let Some((_, suggestion)) = self.replacement() {
            return text(lang, "did-you-mean", &[("suggestion", suggestion.into())]);
        }
        let id = format!("{}-help", self.message_id());
        text(lang, &id, &self.args(lang))
    }

    /// How to fix it, in plain words, in English.
    pub fn help(&self) -> String {
        self.help_in(Lang::En)
    }

    /// The problem's fields as the values its texts take.
    fn args(&self, lang: Lang) -> Args<'_> {
        match self {
            Problem::Io { path, reason } => {
                vec![("path", path.into()), ("reason", reason.words(lang).into())]
            }
            Problem::TooLarge { bytes, limit } => vec![
                ("bytes", bytes.to_string().into()),
                ("limit", limit.to_string().into()),
            ],
            Problem::NotUtf8 { offset } => vec![("offset", offset.to_string().into())],
            Problem::YamlLimit { message } => vec![("message", message.into())],
            Problem::Yaml { message }
            | Problem::BadDuration { message }
            | Problem::BadTimeOfDay { message } => vec![("message", message.words(lang).into())],
            Problem::Tab | Problem::NotARoutine | Problem::MultipleDocuments => vec![],
            Problem::UnknownKey {
                key,
                context,
                expected,
                ..
            } => vec![
                ("key", key.into()),
                ("context", context.words(lang).into()),
                ("expected", list(expected).into()),
            ],
            Problem::DuplicateKey { key } => vec![("key", key.into())],
            Problem::DuplicateId { kind, id } | Problem::Unused { kind, id } => {
                vec![("kind", kind.key().into()), ("id", id.into())]
            }
            Problem::MissingKey { key, context } => {
                vec![("key", key.into()), ("context", context.words(lang).into())]
            }
            Problem::Empty { what } => vec![("what", what.words(lang).into())],
            Problem::WrongType {
                key,
                expected,
                found,
            } => vec![
                ("key", key.words(lang).into()),
                ("expected", expected.words(lang).into()),
                ("found", found.words(lang).into()),
            ],
            Problem::BadValue {
                value,
                what,
                allowed,
                ..
            } => vec![
                ("value", value.into()),
                ("what", what.words(lang).into()),
                ("allowed", list(allowed).into()),
            ],
            Problem::BadId { id } => vec![("id", id.into())],
            Problem::UnknownReference { kind, name, .. } => {
                vec![("kind", kind.key().into()), ("name", name.into())]
            }
            Problem::BadDate { text } | Problem::NegativeDuration { text } => {
                vec![("text", text.into())]
            }
            Problem::BadExample {
                field,
                expected,
                reason,
            } => vec![
                ("field", field.into()),
                ("expected", expected.words(lang).into()),
                ("reason", reason.words(lang).into()),
            ],
            Problem::WrongArgumentType {
                place,
                expected,
                got,
            } => vec![
                ("place", place.words(lang).into()),
                ("expected", expected.words(lang).into()),
                ("got", got.words(lang).into()),
            ],
            Problem::BadDateLiteral { literal, expr, why } => vec![
                ("literal", literal.into()),
                ("expr", expr.into()),
                ("why", why.words(lang).into()),
            ],
            Problem::NotIds {
                function,
                field,
                kind,
                values,
            } => vec![
                ("function", function.into()),
                ("field", field.into()),
                ("kind", kind.into()),
                ("values", list(values).into()),
            ],
            Problem::UnguardedOptional {
                template,
                field,
                to,
            } => vec![
                ("template", template.into()),
                ("field", field.into()),
                ("to", to.words(lang).into()),
            ],
            Problem::ChainTooLong {
                step,
                length,
                limit,
            } => vec![
                ("step", step.into()),
                ("length", (*length).into()),
                ("limit", (*limit).into()),
            ],
            Problem::RepeatForever {
                deadline,
                every,
                entries,
                per_year,
            } => vec![
                ("deadline", deadline.into()),
                ("every", every.into()),
                ("entries", (*entries).into()),
                ("per_year", per_year.to_string().into()),
            ],
            Problem::ExpressionSyntax { expr, message } => {
                vec![
                    ("expr", expr.into()),
                    ("message", message.words(lang).into()),
                ]
            }
            Problem::TemplateSyntax { template, message } => {
                vec![
                    ("template", template.into()),
                    ("message", message.words(lang).into()),
                ]
            }
            Problem::TemplateUnknownVariable { template, name, .. } => {
                vec![("template", template.into()), ("name", name.into())]
            }
            Problem::TemplateInclude { template } => vec![("template", template.into())],
            Problem::TemplateDynamicInclude { template, expr }
            | Problem::TemplateDynamicRead { template, expr } => {
                vec![("template", template.into()), ("expr", expr.into())]
            }
            Problem::TemplateUnavailable {
                template,
                name,
                sender,
                available,
            } => vec![
                ("template", template.into()),
                ("name", name.into()),
                ("sender", sender.words(lang).into()),
                ("available", list(available).into()),
            ],
            Problem::ReportFieldOutsideLoop { template, field } => {
                vec![("template", template.into()), ("field", field.into())]
            }
            Problem::GroupOfUnknowable { expr, reason } => {
                vec![("expr", expr.into()), ("reason", reason.words(lang).into())]
            }
            Problem::ReportRecipientReadsCase { field } => vec![("field", field.into())],
            Problem::VisibilityLeak {
                template,
                field,
                recipient,
                visible_to,
            } => vec![
                ("template", template.into()),
                ("field", field.into()),
                ("recipient", recipient.words(lang).into()),
                ("visible_to", list(visible_to).into()),
            ],
            Problem::CollectorCannotSee { place, role, field } => vec![
                ("place", place.words(lang).into()),
                ("role", role.into()),
                ("field", field.into()),
            ],
            Problem::Unreachable { step, start } => {
                vec![("step", step.into()), ("start", start.into())]
            }
            Problem::NoWayToEnd { step }
            | Problem::OrphanJoin { step }
            | Problem::NoDefaultRoute { step } => vec![("step", step.into())],
            Problem::AutomaticCycle { steps } => vec![("steps", path(steps).into())],
            Problem::JoinUnreachable {
                parallel,
                branch,
                join,
            } => vec![
                ("parallel", parallel.into()),
                ("branch", branch.into()),
                ("join", join.into()),
            ],
            Problem::BadStep { message, fix }
            | Problem::BadRecipient { message, fix }
            | Problem::BadAssignment { message, fix }
            | Problem::BadCaseEvent { message, fix }
            | Problem::BadFieldRule { message, fix }
            | Problem::BadWording { message, fix }
            | Problem::BadProfile { message, fix }
            | Problem::BadGroupMap { message, fix } => {
                vec![
                    ("message", message.words(lang).into()),
                    ("fix", fix.words(lang).into()),
                ]
            }
            Problem::ValueWithoutGroup {
                field,
                value,
                used,
                groups,
            } => vec![
                ("field", field.into()),
                ("value", value.into()),
                ("used", used.words(lang).into()),
                ("groups", list(groups).into()),
            ],
            Problem::UnguardedOptionalValue { place, field, to } => vec![
                ("place", place.words(lang).into()),
                ("field", field.into()),
                ("to", to.words(lang).into()),
            ],
            Problem::SenderWithoutFrom { template, message } => {
                vec![
                    ("template", template.into()),
                    ("message", message.words(lang).into()),
                ]
            }
            Problem::RecipientChoiceLeak {
                field,
                recipient,
                visible_to,
            } => vec![
                ("field", field.into()),
                ("recipient", recipient.words(lang).into()),
                ("visible_to", list(visible_to).into()),
            ],
            Problem::MayNotArm { deadline, field } => {
                vec![("deadline", deadline.into()), ("field", field.into())]
            }
            Problem::TaskWithdrawnAtOnce { deadline } => vec![("deadline", deadline.into())],
            Problem::NotAValue {
                field,
                value,
                values,
                expr,
            } => vec![
                ("field", field.into()),
                ("value", value.into()),
                ("values", values.into()),
                ("expr", expr.into()),
            ],
            Problem::MayBeUnset { field, expr } => {
                vec![("field", field.into()), ("expr", expr.into())]
            }
            Problem::EmptyDeadline { id } => vec![("id", id.into())],
            Problem::ProbabilitySum { what, sum } => {
                vec![("what", what.words(lang).into()), ("sum", sum.into())]
            }
        }
    }
}

impl fmt::Display for Problem {
    /// The English message (for library users and logs).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for Problem {}

/// `` `a`, `b` `` for a list of values.
fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `` `a` → `b` `` for the steps of a loop.
fn path(steps: &[String]) -> String {
    steps
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(" → ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_take_their_swedish_gender() {
        let unknown = |kind| Problem::UnknownReference {
            kind,
            name: "x".into(),
            suggestion: None,
        };
        assert_eq!(unknown(RefKind::Role).message(Lang::Sv), "okänd roll `x`");
        assert_eq!(unknown(RefKind::Step).message(Lang::Sv), "okänt steg `x`");
        assert_eq!(unknown(RefKind::Step).to_string(), "unknown step `x`");
        assert_eq!(
            unknown(RefKind::Sender).help_in(Lang::En),
            "declare the role or group, or fix the spelling"
        );
        let unused = Problem::Unused {
            kind: RefKind::Field,
            id: "a".into(),
        };
        assert_eq!(unused.help_in(Lang::Sv), "använd det, eller ta bort det");
    }

    #[test]
    fn numbers_choose_swedish_plurals() {
        let repeat = |entries| Problem::RepeatForever {
            deadline: "nag".into(),
            every: "1 day".into(),
            entries,
            per_year: 365,
        };
        assert!(repeat(1).message(Lang::Sv).contains("med en post per"));
        assert!(repeat(3).message(Lang::Sv).contains("med 3 poster per"));
        assert!(repeat(1).to_string().contains("by 1 entries per repeat"));
    }

    #[test]
    fn a_suggestion_is_the_help_in_every_language() {
        let problem = Problem::UnknownKey {
            key: "nxt".into(),
            context: crate::diagnostic::Phrase::named("in-step", "a"),
            suggestion: Some("next".into()),
            expected: vec!["next".into()],
        };
        assert_eq!(problem.help(), "did you mean `next`?");
        assert_eq!(problem.help_in(Lang::Sv), "menade du `next`?");
    }
}
