use std::fmt;

use super::Phrase;

/// What kind of thing a name refers to, for "unknown ..." problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RefKind {
    /// A role.
    Role,
    /// A recipient group.
    Group,
    /// A message's sender: a role or a group.
    Sender,
    /// A step.
    Step,
    /// A case field.
    Field,
    /// A message template.
    Template,
    /// A clause of the source document.
    Clause,
    /// A variable in an expression or template.
    Variable,
    /// A template filter.
    Filter,
    /// A Jinja test (`is defined`).
    Test,
    /// A deadline.
    Deadline,
    /// A cross-case schedule.
    Schedule,
    /// A case-wide event.
    Event,
}

impl fmt::Display for RefKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RefKind::Sender => "role or group",
            other => other.key(),
        })
    }
}

/// Everything that can be wrong with a routine, an organisation file or a template.
///
/// [`Problem::message`] says what is wrong in plain words, [`Problem::help_in`]
/// how to fix it, in a [`Lang`](crate::i18n::Lang) (`engine/i18n/*/diagnostics.ftl`);
/// `Display` and [`Problem::help`] are the English texts.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// The file could not be read.
    Io {
        /// The path.
        path: String,
        /// The operating system's reason.
        reason: Phrase,
    },
    /// The file is larger than a routine can reasonably be.
    TooLarge {
        /// Its size.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// The file is not UTF-8 text.
    NotUtf8 {
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// YAML syntax (or a parser limit such as an alias bomb or deep nesting).
    Yaml {
        /// The parser's message.
        message: Phrase,
    },
    /// A tab used to indent.
    Tab,
    /// An organisation file where a routine was expected.
    NotARoutine,
    /// More than one YAML document in one file.
    MultipleDocuments,
    /// The YAML is too large or too deep once expanded (alias bombs, deep nesting).
    YamlLimit {
        /// The parser's message.
        message: String,
    },
    /// A key that the format does not know.
    UnknownKey {
        /// The key as written.
        key: String,
        /// Where ("the step `call_client`").
        context: Phrase,
        /// A known key close to it.
        suggestion: Option<String>,
        /// All keys allowed here.
        expected: Vec<String>,
    },
    /// The same key twice in one mapping.
    DuplicateKey {
        /// The key.
        key: String,
    },
    /// The same id declared twice.
    DuplicateId {
        /// Role, group, step, field ...
        kind: RefKind,
        /// The id.
        id: String,
    },
    /// A required key is missing.
    MissingKey {
        /// The missing key.
        key: String,
        /// Where.
        context: Phrase,
    },
    /// A mapping written with nothing in it (`a:` and then nothing).
    Empty {
        /// What ("the step `a`").
        what: Phrase,
    },
    /// A value of the wrong YAML type.
    WrongType {
        /// The key whose value is wrong (or what the value is, in words).
        key: Phrase,
        /// What it must be.
        expected: Phrase,
        /// What it is.
        found: Phrase,
    },
    /// A value not among the allowed ones.
    BadValue {
        /// The value.
        value: String,
        /// What it should be ("step kind", "field type").
        what: Phrase,
        /// The allowed values.
        allowed: Vec<String>,
        /// A close allowed value.
        suggestion: Option<String>,
    },
    /// An identifier with characters that cannot be used in expressions.
    BadId {
        /// The id.
        id: String,
    },
    /// A reference to something not declared.
    UnknownReference {
        /// What was referred to.
        kind: RefKind,
        /// The name as written.
        name: String,
        /// A known name close to it.
        suggestion: Option<String>,
    },
    /// A duration that cannot be read.
    BadDuration {
        /// The duration parser's explanation.
        message: Phrase,
    },
    /// A date that cannot be read.
    BadDate {
        /// The text.
        text: String,
    },
    /// An example value that does not match the field's type.
    BadExample {
        /// The field.
        field: String,
        /// Its type.
        expected: Phrase,
        /// Why not.
        reason: Phrase,
    },
    /// A function, filter or step given a value of the wrong type
    /// (`date_add` on a text field): it would fail every time it runs.
    WrongArgumentType {
        /// What needs it (`` `date_add` in `date_add(client_name, '1 day')` ``).
        place: Phrase,
        /// What it needs (`a date`).
        expected: Phrase,
        /// What it gets (`` `client_name` is a text field ``).
        got: Phrase,
    },
    /// A date written in an expression or template that is not `YYYY-MM-DD`.
    BadDateLiteral {
        /// The text written.
        literal: String,
        /// The expression it is in.
        expr: String,
        /// What happens with it.
        why: Phrase,
    },
    /// `role_name`/`group_name` over an enumeration whose values are not all ids.
    NotIds {
        /// `role_name` or `group_name`.
        function: String,
        /// The enumeration field.
        field: String,
        /// `role` or `group`.
        kind: String,
        /// The values that are not ids.
        values: Vec<String>,
    },
    /// A template passes a field that may be unset to something that fails on `none`.
    UnguardedOptional {
        /// The template.
        template: String,
        /// The field.
        field: String,
        /// What it is passed to (`the \`date\` filter`).
        to: Phrase,
    },
    /// More automatic steps in a row than the runtime runs at one moment.
    ChainTooLong {
        /// Where the chain begins.
        step: String,
        /// How many steps it enters.
        length: u64,
        /// The runtime's limit.
        limit: u32,
    },
    /// A deadline that repeats with no end.
    RepeatForever {
        /// The deadline.
        deadline: String,
        /// Its interval.
        every: String,
        /// Journal entries each repeat writes.
        entries: u32,
        /// Entries a year.
        per_year: u64,
    },
    /// An expression that does not parse.
    ExpressionSyntax {
        /// The expression.
        expr: String,
        /// minijinja's message.
        message: Phrase,
    },
    /// A template that does not parse.
    TemplateSyntax {
        /// The template name.
        template: String,
        /// minijinja's message.
        message: Phrase,
    },
    /// A template uses a variable that is neither a field nor a template global.
    TemplateUnknownVariable {
        /// The template.
        template: String,
        /// The variable.
        name: String,
        /// A close field name.
        suggestion: Option<String>,
    },
    /// A template includes another file.
    TemplateInclude {
        /// The template.
        template: String,
    },
    /// A template includes a template whose name is computed when it is sent.
    TemplateDynamicInclude {
        /// The template.
        template: String,
        /// The expression naming the included template.
        expr: String,
    },
    /// A template reads a case's field through a key computed when it is sent.
    TemplateDynamicRead {
        /// The template.
        template: String,
        /// The read, as written.
        expr: String,
    },
    /// A template uses a variable its sender does not provide.
    TemplateUnavailable {
        /// The template.
        template: String,
        /// The variable (`deadline`, `cases`, `step`).
        name: String,
        /// Who sends it ("a message step", "a deadline of the case", "a schedule").
        sender: Phrase,
        /// What that sender provides.
        available: Vec<String>,
    },
    /// A report template reads a case field outside its loop over `cases`.
    ReportFieldOutsideLoop {
        /// The template.
        template: String,
        /// The field.
        field: String,
    },
    /// `group_of` whose groups cannot be known from the routine.
    GroupOfUnknowable {
        /// The expression.
        expr: String,
        /// Why its groups cannot be known.
        reason: Phrase,
    },
    /// A schedule's recipients depend on case data.
    ReportRecipientReadsCase {
        /// The field.
        field: String,
    },
    /// A template is sent to a recipient that may not see a field it uses.
    VisibilityLeak {
        /// The template.
        template: String,
        /// The hidden field.
        field: String,
        /// The recipient ("the role `night_patrol`", "the group `saltis`").
        recipient: Phrase,
        /// Who may see the field.
        visible_to: Vec<String>,
    },
    /// A task collects a field its role may not see.
    CollectorCannotSee {
        /// Where: the step, or the escalation task of a deadline.
        place: Phrase,
        /// The role.
        role: String,
        /// The field.
        field: String,
    },
    /// A step that cannot be reached from the start.
    Unreachable {
        /// The step.
        step: String,
        /// The start step.
        start: String,
    },
    /// A step from which no end can be reached.
    NoWayToEnd {
        /// The step.
        step: String,
    },
    /// A cycle in which no step waits.
    AutomaticCycle {
        /// The steps of the cycle, in order.
        steps: Vec<String>,
    },
    /// A branch of a parallel step that never reaches the join.
    JoinUnreachable {
        /// The parallel step.
        parallel: String,
        /// The branch's first step.
        branch: String,
        /// The join.
        join: String,
    },
    /// A join step that no parallel step names.
    OrphanJoin {
        /// The join.
        step: String,
    },
    /// A decision with no default route.
    NoDefaultRoute {
        /// The step.
        step: String,
    },
    /// Something declared and never used.
    Unused {
        /// Role, field, group, template.
        kind: RefKind,
        /// The id.
        id: String,
    },
    /// A step shape that does not fit its kind.
    BadStep {
        /// What is wrong.
        message: Phrase,
        /// How to fix it.
        fix: Phrase,
    },
    /// A recipient that cannot work: a person whose name or address field
    /// has the wrong type or may be unset when the message goes.
    BadRecipient {
        /// What is wrong.
        message: Phrase,
        /// How to fix it.
        fix: Phrase,
    },
    /// A `set:` that cannot work: a value of the wrong type for its field.
    BadAssignment {
        /// What is wrong.
        message: Phrase,
        /// How to fix it.
        fix: Phrase,
    },
    /// A case-wide event that cannot work.
    BadCaseEvent {
        /// What is wrong.
        message: Phrase,
        /// How to fix it.
        fix: Phrase,
    },
    /// A field rule (pattern, bounds, length, format) that cannot work.
    BadFieldRule {
        /// What is wrong.
        message: Phrase,
        /// How to fix it.
        fix: Phrase,
    },
    /// A wording for people (`title`, `local_choice`) that cannot be used.
    BadWording {
        /// What is wrong.
        message: Phrase,
        /// How to fix it.
        fix: Phrase,
    },
    /// A case deadline counted from a field the case may start without.
    MayNotArm {
        /// The deadline.
        deadline: String,
        /// The date field.
        field: String,
    },
    /// A step deadline that opens a task and leaves the step at once.
    TaskWithdrawnAtOnce {
        /// The deadline.
        deadline: String,
    },
    /// A condition comparing an enumeration field with a value it does not have.
    NotAValue {
        /// The field.
        field: String,
        /// The value compared with.
        value: String,
        /// The field's values, in words.
        values: String,
        /// The condition.
        expr: String,
    },
    /// An ordered comparison on a field that may be unset.
    MayBeUnset {
        /// The field.
        field: String,
        /// The expression.
        expr: String,
    },
    /// A deadline that does nothing.
    EmptyDeadline {
        /// The deadline.
        id: String,
    },
    /// Probabilities of a simulation profile that do not add up to 1.
    ProbabilitySum {
        /// Whose probabilities (the routes of `check_order`).
        what: Phrase,
        /// Their sum as written.
        sum: String,
    },
    /// A negative amount of time in a simulation profile.
    NegativeDuration {
        /// The amount as written.
        text: String,
    },
    /// A simulation profile that cannot work with its routine.
    BadProfile {
        /// What is wrong.
        message: Phrase,
        /// How to fix it.
        fix: Phrase,
    },
    /// An enumeration value turned into a group (`group_of`, `group_name`)
    /// that stands for no group.
    ValueWithoutGroup {
        /// The enumeration field.
        field: String,
        /// The value with no group.
        value: String,
        /// Where the value becomes a group (`group_of: area`).
        used: Phrase,
        /// The routine's groups.
        groups: Vec<String>,
    },
    /// A field's `groups:` map that does not fit the field or the groups.
    BadGroupMap {
        /// What is wrong.
        message: Phrase,
        /// How to fix it.
        fix: Phrase,
    },
    /// A time of day that cannot be read (`at: "25:00"`).
    BadTimeOfDay {
        /// The parser's explanation.
        message: Phrase,
    },
    /// A `set:` value passes a field that may be unset to something that fails on `none`.
    UnguardedOptionalValue {
        /// Where the value is written (`the \`set:\` of step \`visit\``).
        place: Phrase,
        /// The field.
        field: String,
        /// What it is passed to (`the \`+\` operator`).
        to: Phrase,
    },
    /// A template reads from `sender` in a message that has no `from:`.
    SenderWithoutFrom {
        /// The template (or its subject).
        template: String,
        /// The message use (`the message step \`tell\``).
        message: Phrase,
    },
    /// A recipient is chosen (`group_of:`, `when:`) by a field another
    /// recipient of the same message may not see: who it went to shows it.
    RecipientChoiceLeak {
        /// The field that chooses.
        field: String,
        /// The recipient who may not see it.
        recipient: Phrase,
        /// Who may see the field.
        visible_to: Vec<String>,
    },
}

impl Problem {
    /// The "did you mean" of the problem as data: the text written and the
    /// close known name that could replace it (an editor's quick fix).
    pub fn replacement(&self) -> Option<(&str, &str)> {
        match self {
            Problem::UnknownKey {
                key: written,
                suggestion: Some(s),
                ..
            }
            | Problem::BadValue {
                value: written,
                suggestion: Some(s),
                ..
            }
            | Problem::UnknownReference {
                name: written,
                suggestion: Some(s),
                ..
            }
            | Problem::TemplateUnknownVariable {
                name: written,
                suggestion: Some(s),
                ..
            } => Some((written, s)),
            _ => None,
        }
    }

    /// A stable code, for JSON output and documentation (`rutin::unknown-key`).
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Io { .. } => "rutin::io",
            Problem::TooLarge { .. } => "rutin::too-large",
            Problem::NotUtf8 { .. } => "rutin::not-utf8",
            Problem::Yaml { .. } => "rutin::yaml",
            Problem::YamlLimit { .. } => "rutin::yaml-limit",
            Problem::MultipleDocuments => "rutin::multiple-documents",
            Problem::Tab => "rutin::tab",
            Problem::NotARoutine => "rutin::not-a-routine",
            Problem::UnknownKey { .. } => "rutin::unknown-key",
            Problem::DuplicateKey { .. } => "rutin::duplicate-key",
            Problem::DuplicateId { .. } => "rutin::duplicate-id",
            Problem::MissingKey { .. } => "rutin::missing-key",
            Problem::Empty { .. } => "rutin::empty",
            Problem::WrongType { .. } => "rutin::wrong-type",
            Problem::BadValue { .. } => "rutin::bad-value",
            Problem::BadId { .. } => "rutin::bad-id",
            Problem::UnknownReference { .. } => "rutin::unknown-reference",
            Problem::BadDuration { .. } => "rutin::bad-duration",
            Problem::BadDate { .. } => "rutin::bad-date",
            Problem::BadExample { .. } => "rutin::bad-example",
            Problem::WrongArgumentType { .. } => "rutin::wrong-argument-type",
            Problem::BadDateLiteral { .. } => "rutin::bad-date-literal",
            Problem::NotIds { .. } => "rutin::not-ids",
            Problem::UnguardedOptional { .. } => "rutin::unguarded-optional",
            Problem::ChainTooLong { .. } => "rutin::chain-too-long",
            Problem::RepeatForever { .. } => "rutin::repeat-forever",
            Problem::ExpressionSyntax { .. } => "rutin::expression-syntax",
            Problem::TemplateSyntax { .. } => "rutin::template-syntax",
            Problem::TemplateUnknownVariable { .. } => "rutin::template-unknown-variable",
            Problem::VisibilityLeak { .. } => "rutin::visibility-leak",
            Problem::TemplateInclude { .. } => "rutin::template-include",
            Problem::TemplateDynamicInclude { .. } => "rutin::template-dynamic-include",
            Problem::TemplateDynamicRead { .. } => "rutin::template-dynamic-read",
            Problem::GroupOfUnknowable { .. } => "rutin::group-of-unknowable",
            Problem::TemplateUnavailable { .. } => "rutin::template-unavailable",
            Problem::ReportFieldOutsideLoop { .. } => "rutin::report-field-outside-loop",
            Problem::ReportRecipientReadsCase { .. } => "rutin::report-recipient-reads-case",
            Problem::CollectorCannotSee { .. } => "rutin::collector-cannot-see",
            Problem::Unreachable { .. } => "rutin::unreachable",
            Problem::NoWayToEnd { .. } => "rutin::no-way-to-end",
            Problem::AutomaticCycle { .. } => "rutin::automatic-cycle",
            Problem::JoinUnreachable { .. } => "rutin::join-unreachable",
            Problem::OrphanJoin { .. } => "rutin::orphan-join",
            Problem::NoDefaultRoute { .. } => "rutin::no-default-route",
            Problem::Unused { .. } => "rutin::unused",
            Problem::BadStep { .. } => "rutin::bad-step",
            Problem::BadRecipient { .. } => "rutin::bad-recipient",
            Problem::BadAssignment { .. } => "rutin::bad-assignment",
            Problem::BadCaseEvent { .. } => "rutin::bad-case-event",
            Problem::BadFieldRule { .. } => "rutin::bad-field-rule",
            Problem::BadWording { .. } => "rutin::bad-wording",
            Problem::EmptyDeadline { .. } => "rutin::empty-deadline",
            Problem::MayNotArm { .. } => "rutin::may-not-arm",
            Problem::MayBeUnset { .. } => "rutin::may-be-unset",
            Problem::NotAValue { .. } => "rutin::not-a-value",
            Problem::TaskWithdrawnAtOnce { .. } => "rutin::task-withdrawn-at-once",
            Problem::ProbabilitySum { .. } => "rutin::probability-sum",
            Problem::NegativeDuration { .. } => "rutin::negative-duration",
            Problem::BadProfile { .. } => "rutin::bad-profile",
            Problem::ValueWithoutGroup { .. } => "rutin::value-without-group",
            Problem::BadGroupMap { .. } => "rutin::bad-group-map",
            Problem::BadTimeOfDay { .. } => "rutin::bad-time-of-day",
            Problem::UnguardedOptionalValue { .. } => "rutin::unguarded-optional",
            Problem::SenderWithoutFrom { .. } => "rutin::sender-without-from",
            Problem::RecipientChoiceLeak { .. } => "rutin::recipient-choice-leak",
        }
    }
}
