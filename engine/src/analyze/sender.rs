//! Who sends a message, and each place a routine sends one: the unit that
//! the template and visibility passes check.

use super::templates::Analysis;
use crate::model::Recipient;
use crate::source::Span;

/// Who sends a message, which decides what its template sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sender {
    /// A message step.
    Step,
    /// A deadline on a step.
    StepDeadline,
    /// A deadline on the whole case.
    CaseDeadline,
    /// A cross-case schedule (a report).
    Schedule,
}

impl Sender {
    /// The template globals this sender provides with a value.
    pub(super) fn provides(self) -> &'static [&'static str] {
        match self {
            Sender::Step => &["routine", "case", "step", "recipients", "sender", "today"],
            Sender::StepDeadline => &[
                "routine",
                "case",
                "step",
                "deadline",
                "recipients",
                "sender",
                "today",
            ],
            Sender::CaseDeadline => &[
                "routine",
                "case",
                "deadline",
                "recipients",
                "sender",
                "today",
            ],
            Sender::Schedule => &["routine", "cases", "recipients", "sender", "today"],
        }
    }

    /// The sender in words, for messages.
    pub(super) fn describe(self) -> crate::diagnostic::Phrase {
        crate::diagnostic::Phrase::new(match self {
            Sender::Step => "sender-step",
            Sender::StepDeadline => "sender-step-deadline",
            Sender::CaseDeadline => "sender-case-deadline",
            Sender::Schedule => "sender-schedule",
        })
    }
}

/// One message as a routine sends it: what, to whom, and where each part is
/// written. Recorded for every message whose template could be read.
#[derive(Debug, Clone)]
pub(super) struct MessageUse {
    /// The template's name.
    pub(super) template: String,
    /// Where the template name is written.
    pub(super) template_span: Span,
    /// Who sends it.
    pub(super) sender: Sender,
    /// What the subject line reads, and where it is written.
    pub(super) subject: Option<(Analysis, Span)>,
    /// Each recipient that resolved (`to` first, then `cc`), and where it is written.
    pub(super) recipients: Vec<(Recipient, Span)>,
    /// Whether it has a `from:` (without one, `sender` is none).
    pub(super) from: bool,
    /// The message in words (`the message step \`tell\``).
    pub(super) context: crate::diagnostic::Phrase,
}
