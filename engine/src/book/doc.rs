//! The routine book as a document: sections of plain texts, built once from
//! the validated routine and rendered as Markdown or HTML.

/// A piece of running text: words, or an expression shown as written (a
/// condition without a `title:`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Inline {
    Text(String),
    Code(String),
}

/// A line of inline pieces.
pub(crate) type Line = Vec<Inline>;

/// Wrapped prose split into paragraphs, each reflowed onto one line.
pub(crate) fn paragraphs(s: &str) -> Vec<String> {
    s.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

pub(crate) fn text(s: impl Into<String>) -> Line {
    vec![Inline::Text(s.into())]
}

#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Header {
    pub(crate) title: String,
    pub(crate) organisation: Option<String>,
    /// Label and value, in the order the seeds print them.
    pub(crate) facts: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RoleEntry {
    pub(crate) name: String,
    pub(crate) description: Option<String>,
    pub(crate) duties: Vec<String>,
    pub(crate) groups: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GroupEntry {
    pub(crate) name: String,
    pub(crate) details: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Phase {
    pub(crate) title: String,
    pub(crate) note: Option<String>,
    pub(crate) steps: Vec<StepEntry>,
}

/// One way on from a step: its condition (none: the default) and where.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Way {
    pub(crate) condition: Option<Line>,
    pub(crate) to: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct StepEntry {
    pub(crate) number: usize,
    pub(crate) title: String,
    pub(crate) responsible: Option<String>,
    /// Sentences about the step (what kind of work, waits, outcome).
    pub(crate) lines: Vec<Line>,
    pub(crate) instructions: Option<String>,
    /// Label and list ("Registrerar", "Dokument som lämnas över").
    pub(crate) lists: Vec<(String, Vec<String>)>,
    pub(crate) ways: Vec<Way>,
    /// Set when the only way on is not the next number.
    pub(crate) next: Option<String>,
    pub(crate) source: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DeadlineEntry {
    pub(crate) number: usize,
    pub(crate) on: String,
    pub(crate) when: String,
    pub(crate) condition: Option<Line>,
    pub(crate) actions: Vec<String>,
    pub(crate) source: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MessageEntry {
    pub(crate) number: usize,
    pub(crate) sent: String,
    pub(crate) to: Vec<Line>,
    pub(crate) cc: Vec<Line>,
    pub(crate) subject: Option<String>,
    pub(crate) body: String,
    pub(crate) left_out: Vec<String>,
    /// Who it is sent on behalf of (`from:`), by display name.
    pub(crate) from: Option<String>,
}

/// A case-wide event, in words.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EventEntry {
    pub(crate) title: String,
    /// Who sends it, what it records and sets, what becomes of the case:
    /// labelled lists as a step's.
    pub(crate) lists: Vec<(String, Vec<String>)>,
    pub(crate) source: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ScheduleEntry {
    pub(crate) title: String,
    pub(crate) every: String,
    pub(crate) select: Line,
    pub(crate) message: usize,
    pub(crate) source: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LocalChoice {
    pub(crate) place: String,
    pub(crate) text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ClauseEntry {
    pub(crate) id: String,
    pub(crate) text: String,
    pub(crate) places: Vec<String>,
}

/// The routine book of one routine: build it with [`crate::book::build`],
/// write it with [`Book::markdown`] or [`Book::html`].
#[derive(Debug, Clone, PartialEq)]
pub struct Book {
    pub(crate) header: Header,
    pub(crate) introduction: Option<String>,
    pub(crate) roles: Vec<RoleEntry>,
    pub(crate) groups: Vec<GroupEntry>,
    pub(crate) phases: Vec<Phase>,
    pub(crate) deadlines: Vec<DeadlineEntry>,
    pub(crate) events: Vec<EventEntry>,
    pub(crate) messages: Vec<MessageEntry>,
    pub(crate) schedules: Vec<ScheduleEntry>,
    pub(crate) local_choices: Vec<LocalChoice>,
    pub(crate) clauses: Vec<ClauseEntry>,
    pub(crate) diagram: Option<String>,
    /// The language it is written in.
    pub(crate) lang: crate::i18n::Lang,
}

impl Book {
    /// The routine's title.
    pub fn title(&self) -> &str {
        &self.header.title
    }
}
