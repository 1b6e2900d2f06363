//! What a walk over a template's syntax tree found: every variable it reads,
//! with where it is written, and the mistakes minijinja would only report
//! when a message is sent.

use std::collections::BTreeMap;

use crate::source::Span;

/// What a value in a template may hold, as far as case data goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Nothing of a case: a field's value, a text, a number, a global.
    Other,
    /// The list of cases of a report (`cases`, or a sorted or filtered copy).
    Cases,
    /// One case of a report: its fields are read from it.
    Case,
    /// Not known here (a macro's argument, `loop`, a namespace that was given
    /// case data): reads from it count as reads of a case in a report.
    Unknown,
}

impl Kind {
    /// What a value that is either `self` or `other` may hold.
    pub(crate) fn join(self, other: Kind) -> Kind {
        match (self, other) {
            (a, b) if a == b => a,
            (Kind::Other, b) => b,
            (a, Kind::Other) => a,
            _ => Kind::Unknown,
        }
    }

    /// Whether the value may hold case data.
    pub(crate) fn holds_case_data(self) -> bool {
        self != Kind::Other
    }
}

/// One mistake found in the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Finding {
    /// A filter the environment does not have.
    UnknownFilter { name: String, span: Span },
    /// A test (`is defined`) the environment does not have.
    UnknownTest { name: String, span: Span },
    /// A duration text (`date_add(d, '1 mnoth')`) that does not parse.
    BadDuration {
        message: crate::diagnostic::Phrase,
        span: Span,
    },
    /// `include`, `import`, `from` or `extends` of a named template.
    Include { span: Span },
    /// The same with a template name computed when the message is sent.
    DynamicInclude { expr: String, span: Span },
    /// A field read from a case that the routine does not declare.
    UnknownCaseField { name: String, span: Span },
    /// A read from a case whose field is computed when the message is sent.
    DynamicRead { expr: String, span: Span },
}

/// How a template global is used.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct GlobalUse {
    /// Something is read from it (`deadline.id`, `step['title']`).
    pub(crate) member_read: bool,
    /// It is tested on its own (`{% if deadline %}`, `deadline is defined`).
    pub(crate) tested: bool,
    /// Where something is first read from it.
    pub(crate) member_at: Option<Span>,
}

/// Everything a template reads, and its mistakes.
#[derive(Debug, Clone, Default)]
pub(crate) struct Reads {
    /// Fields read as top-level variables, with their first place.
    pub(crate) fields: BTreeMap<String, Span>,
    /// Template globals read (`deadline`, `cases`...).
    pub(crate) globals: BTreeMap<String, GlobalUse>,
    /// Fields read from the cases of a report, with their first place.
    pub(crate) case_fields: BTreeMap<String, Span>,
    /// Variables that are neither fields, globals, functions nor locals.
    pub(crate) unknown: BTreeMap<String, Span>,
    /// Mistakes, in the order found.
    pub(crate) findings: Vec<Finding>,
    /// Reads from values that may hold a case ([`Kind::Unknown`]): they
    /// count when the template reads `cases` at all.
    pub(crate) maybe_case_fields: BTreeMap<String, Span>,
    /// Computed reads from such values.
    pub(crate) maybe_dynamic: Vec<Finding>,
}

impl Reads {
    /// Settles the reads that depended on whether the template reads `cases`.
    pub(crate) fn finish(mut self) -> Reads {
        if self.globals.contains_key("cases") {
            for (field, span) in std::mem::take(&mut self.maybe_case_fields) {
                self.case_fields.entry(field).or_insert(span);
            }
            self.findings.append(&mut self.maybe_dynamic);
        }
        self.maybe_case_fields.clear();
        self.maybe_dynamic.clear();
        self
    }

    /// The span of a finding.
    pub(crate) fn span(finding: &Finding) -> Span {
        match finding {
            Finding::UnknownFilter { span, .. }
            | Finding::UnknownTest { span, .. }
            | Finding::BadDuration { span, .. }
            | Finding::Include { span }
            | Finding::DynamicInclude { span, .. }
            | Finding::UnknownCaseField { span, .. }
            | Finding::DynamicRead { span, .. } => *span,
        }
    }
}
