use std::fmt;

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
            RefKind::Role => "role",
            RefKind::Group => "group",
            RefKind::Sender => "role or group",
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
        })
    }
}

/// Everything that can be wrong with a routine, an organisation file or a template.
///
/// The `Display` text says what is wrong in plain words; [`Problem::help`] says
/// how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Problem {
    /// The file could not be read.
    #[error("cannot read {path}: {reason}")]
    Io {
        /// The path.
        path: String,
        /// The operating system's reason.
        reason: String,
    },
    /// The file is larger than a routine can reasonably be.
    #[error("the file is {bytes} bytes; a routine file may be at most {limit} bytes")]
    TooLarge {
        /// Its size.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// The file is not UTF-8 text.
    #[error("the file is not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 {
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// YAML syntax (or a parser limit such as an alias bomb or deep nesting).
    #[error("YAML syntax error: {message}")]
    Yaml {
        /// The parser's message.
        message: String,
    },
    /// A tab used to indent.
    #[error("a tab is used to indent this line; YAML indents with spaces only")]
    Tab,
    /// An organisation file where a routine was expected.
    #[error("this is an organisation file (roles and groups), not a routine")]
    NotARoutine,
    /// More than one YAML document in one file.
    #[error("the file holds more than one YAML document; a routine is one document")]
    MultipleDocuments,
    /// The YAML is too large or too deep once expanded (alias bombs, deep nesting).
    #[error("the YAML is too large or too deeply nested to be a routine ({message})")]
    YamlLimit {
        /// The parser's message.
        message: String,
    },
    /// A key that the format does not know.
    #[error("unknown key `{key}` in {context}")]
    UnknownKey {
        /// The key as written.
        key: String,
        /// Where ("the step `call_client`").
        context: String,
        /// A known key close to it.
        suggestion: Option<String>,
        /// All keys allowed here.
        expected: Vec<String>,
    },
    /// The same key twice in one mapping.
    #[error("the key `{key}` appears twice")]
    DuplicateKey {
        /// The key.
        key: String,
    },
    /// The same id declared twice.
    #[error("the {kind} `{id}` is declared twice")]
    DuplicateId {
        /// Role, group, step, field ...
        kind: RefKind,
        /// The id.
        id: String,
    },
    /// A required key is missing.
    #[error("{context} has no `{key}`")]
    MissingKey {
        /// The missing key.
        key: String,
        /// Where.
        context: String,
    },
    /// A mapping written with nothing in it (`a:` and then nothing).
    #[error("{what} is empty")]
    Empty {
        /// What ("the step `a`").
        what: String,
    },
    /// A value of the wrong YAML type.
    #[error("`{key}` must be {expected}, but it is {found}")]
    WrongType {
        /// The key whose value is wrong.
        key: String,
        /// What it must be.
        expected: String,
        /// What it is.
        found: String,
    },
    /// A value not among the allowed ones.
    #[error("`{value}` is not a valid {what}")]
    BadValue {
        /// The value.
        value: String,
        /// What it should be ("step kind", "field type").
        what: String,
        /// The allowed values.
        allowed: Vec<String>,
        /// A close allowed value.
        suggestion: Option<String>,
    },
    /// An identifier with characters that cannot be used in expressions.
    #[error("`{id}` is not a valid id")]
    BadId {
        /// The id.
        id: String,
    },
    /// A reference to something not declared.
    #[error("unknown {kind} `{name}`")]
    UnknownReference {
        /// What was referred to.
        kind: RefKind,
        /// The name as written.
        name: String,
        /// A known name close to it.
        suggestion: Option<String>,
    },
    /// A duration that cannot be read.
    #[error("{message}")]
    BadDuration {
        /// The duration parser's explanation.
        message: String,
    },
    /// A date that cannot be read.
    #[error("`{text}` is not a date")]
    BadDate {
        /// The text.
        text: String,
    },
    /// An example value that does not match the field's type.
    #[error("the example of `{field}` does not fit its type ({expected}): {reason}")]
    BadExample {
        /// The field.
        field: String,
        /// Its type.
        expected: String,
        /// Why not.
        reason: String,
    },
    /// A function, filter or step given a value of the wrong type
    /// (`date_add` on a text field): it would fail every time it runs.
    #[error("{place} needs {expected}, but {got}")]
    WrongArgumentType {
        /// What needs it (`` `date_add` in `date_add(client_name, '1 day')` ``).
        place: String,
        /// What it needs (`a date`).
        expected: String,
        /// What it gets (`` `client_name` is a text field ``).
        got: String,
    },
    /// A date written in an expression or template that is not `YYYY-MM-DD`.
    #[error("`{literal}` in `{expr}` is not a date (YYYY-MM-DD); {why}")]
    BadDateLiteral {
        /// The text written.
        literal: String,
        /// The expression it is in.
        expr: String,
        /// What happens with it.
        why: String,
    },
    /// `role_name`/`group_name` over an enumeration whose values are not all ids.
    #[error("`{function}({field})` fails for {}: not {kind} ids of the routine", list_ids(.values))]
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
    #[error("template `{template}` passes `{field}` to {to}, but `{field}` may be unset when the message is sent, and {to} fails on an unset field")]
    UnguardedOptional {
        /// The template.
        template: String,
        /// The field.
        field: String,
        /// What it is passed to (`the \`date\` filter`).
        to: String,
    },
    /// More automatic steps in a row than the runtime runs at one moment.
    #[error("from step `{step}`, up to {length} steps run at one moment without waiting; the runtime refuses more than {limit} (\"the routine loops without waiting\")")]
    ChainTooLong {
        /// Where the chain begins.
        step: String,
        /// How many steps it enters.
        length: u64,
        /// The runtime's limit.
        limit: u32,
    },
    /// A deadline that repeats with no end.
    #[error("deadline `{deadline}` repeats every {every} with no `times`: while it stays armed the case's journal grows by {entries} entries per repeat, about {per_year} a year, for as long as the case runs")]
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
    #[error("the expression `{expr}` cannot be read: {message}")]
    ExpressionSyntax {
        /// The expression.
        expr: String,
        /// minijinja's message.
        message: String,
    },
    /// A template that does not parse.
    #[error("the template `{template}` cannot be read: {message}")]
    TemplateSyntax {
        /// The template name.
        template: String,
        /// minijinja's message.
        message: String,
    },
    /// A template uses a variable that is neither a field nor a template global.
    #[error("the template `{template}` uses `{name}`, which is not a field of this routine")]
    TemplateUnknownVariable {
        /// The template.
        template: String,
        /// The variable.
        name: String,
        /// A close field name.
        suggestion: Option<String>,
    },
    /// A template includes another file.
    #[error("the template `{template}` includes another template; a message is one file")]
    TemplateInclude {
        /// The template.
        template: String,
    },
    /// A template includes a template whose name is computed when it is sent.
    #[error("the template `{template}` includes a template named by `{expr}`, which is only known when the message is sent; it cannot be checked")]
    TemplateDynamicInclude {
        /// The template.
        template: String,
        /// The expression naming the included template.
        expr: String,
    },
    /// A template reads a case's field through a key computed when it is sent.
    #[error("the template `{template}` reads `{expr}`, a field of a case chosen only when the message is sent; who may see it cannot be checked")]
    TemplateDynamicRead {
        /// The template.
        template: String,
        /// The read, as written.
        expr: String,
    },
    /// A template uses a variable its sender does not provide.
    #[error("the template `{template}` uses `{name}`, which {sender} does not provide")]
    TemplateUnavailable {
        /// The template.
        template: String,
        /// The variable (`deadline`, `cases`, `step`).
        name: String,
        /// Who sends it ("a message step", "a deadline of the case", "a schedule").
        sender: String,
        /// What that sender provides.
        available: Vec<String>,
    },
    /// A report template reads a case field outside its loop over `cases`.
    #[error("the report template `{template}` reads `{field}` outside a loop over `cases`")]
    ReportFieldOutsideLoop {
        /// The template.
        template: String,
        /// The field.
        field: String,
    },
    /// `group_of` whose groups cannot be known from the routine.
    #[error("`group_of: {expr}` cannot be checked: {reason}")]
    GroupOfUnknowable {
        /// The expression.
        expr: String,
        /// Why its groups cannot be known.
        reason: String,
    },
    /// A schedule's recipients depend on case data.
    #[error("a report goes to fixed recipients, but this one depends on the case field `{field}`")]
    ReportRecipientReadsCase {
        /// The field.
        field: String,
    },
    /// A template is sent to a recipient that may not see a field it uses.
    #[error(
        "the message with template `{template}` shows `{field}`, which {recipient} may not see"
    )]
    VisibilityLeak {
        /// The template.
        template: String,
        /// The hidden field.
        field: String,
        /// The recipient ("the role `night_patrol`", "the group `saltis`").
        recipient: String,
        /// Who may see the field.
        visible_to: Vec<String>,
    },
    /// A task collects a field its role may not see.
    #[error("{place} has role `{role}` record `{field}`, which that role may not see")]
    CollectorCannotSee {
        /// Where: the step, or the escalation task of a deadline.
        place: String,
        /// The role.
        role: String,
        /// The field.
        field: String,
    },
    /// A step that cannot be reached from the start.
    #[error("the step `{step}` can never be reached from the start step `{start}`")]
    Unreachable {
        /// The step.
        step: String,
        /// The start step.
        start: String,
    },
    /// A step from which no end can be reached.
    #[error(
        "from the step `{step}` no `end` step can be reached; a case there would never finish"
    )]
    NoWayToEnd {
        /// The step.
        step: String,
    },
    /// A cycle in which no step waits.
    #[error("the steps {} form a loop in which nothing waits for a person, an event or a date; a case would go round forever", .steps.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(" → "))]
    AutomaticCycle {
        /// The steps of the cycle, in order.
        steps: Vec<String>,
    },
    /// A branch of a parallel step that never reaches the join.
    #[error("the branch starting at `{branch}` of the parallel step `{parallel}` never reaches its join `{join}`")]
    JoinUnreachable {
        /// The parallel step.
        parallel: String,
        /// The branch's first step.
        branch: String,
        /// The join.
        join: String,
    },
    /// A join step that no parallel step names.
    #[error("the join step `{step}` belongs to no parallel step")]
    OrphanJoin {
        /// The join.
        step: String,
    },
    /// A decision with no default route.
    #[error("the step `{step}` has no `otherwise` route; when no condition holds, the case stops with an error")]
    NoDefaultRoute {
        /// The step.
        step: String,
    },
    /// Something declared and never used.
    #[error("the {kind} `{id}` is never used")]
    Unused {
        /// Role, field, group, template.
        kind: RefKind,
        /// The id.
        id: String,
    },
    /// A step shape that does not fit its kind.
    #[error("{message}")]
    BadStep {
        /// What is wrong.
        message: String,
        /// How to fix it.
        fix: String,
    },
    /// A recipient that cannot work: a person whose name or address field
    /// has the wrong type or may be unset when the message goes.
    #[error("{message}")]
    BadRecipient {
        /// What is wrong.
        message: String,
        /// How to fix it.
        fix: String,
    },
    /// A `set:` that cannot work: a value of the wrong type for its field.
    #[error("{message}")]
    BadAssignment {
        /// What is wrong.
        message: String,
        /// How to fix it.
        fix: String,
    },
    /// A case-wide event that cannot work.
    #[error("{message}")]
    BadCaseEvent {
        /// What is wrong.
        message: String,
        /// How to fix it.
        fix: String,
    },
    /// A field rule (pattern, bounds, length, format) that cannot work.
    #[error("{message}")]
    BadFieldRule {
        /// What is wrong.
        message: String,
        /// How to fix it.
        fix: String,
    },
    /// A wording for people (`title`, `local_choice`) that cannot be used.
    #[error("{message}")]
    BadWording {
        /// What is wrong.
        message: String,
        /// How to fix it.
        fix: String,
    },
    /// A case deadline counted from a field the case may start without.
    #[error("the deadline `{deadline}` counts from `{field}`, which a case may start without; then the deadline is never armed")]
    MayNotArm {
        /// The deadline.
        deadline: String,
        /// The date field.
        field: String,
    },
    /// A step deadline that opens a task and leaves the step at once.
    #[error("the deadline `{deadline}` opens a task and moves the case on with `goto`; the task is withdrawn as soon as it opens, because it belongs to the step the case leaves")]
    TaskWithdrawnAtOnce {
        /// The deadline.
        deadline: String,
    },
    /// An ordered comparison on a field that may be unset.
    #[error("`{expr}` compares `{field}`, which may be unset; an unset field counts as smaller than any value")]
    MayBeUnset {
        /// The field.
        field: String,
        /// The expression.
        expr: String,
    },
    /// A deadline that does nothing.
    #[error("the deadline `{id}` does nothing when it expires")]
    EmptyDeadline {
        /// The deadline.
        id: String,
    },
    /// Probabilities of a simulation profile that do not add up to 1.
    #[error("the probabilities of {what} add up to {sum}, not 1")]
    ProbabilitySum {
        /// Whose probabilities (the routes of `check_order`).
        what: String,
        /// Their sum as written.
        sum: String,
    },
    /// A negative amount of time in a simulation profile.
    #[error("`{text}` is less than no time; a duration is 0 or more")]
    NegativeDuration {
        /// The amount as written.
        text: String,
    },
    /// A simulation profile that cannot work with its routine.
    #[error("{message}")]
    BadProfile {
        /// What is wrong.
        message: String,
        /// How to fix it.
        fix: String,
    },
    /// An enumeration value turned into a group (`group_of`, `group_name`)
    /// that stands for no group.
    #[error("{used} turns `{field}` into a group, but its value `{value}` stands for no group (the groups are {})", list_ids(.groups))]
    ValueWithoutGroup {
        /// The enumeration field.
        field: String,
        /// The value with no group.
        value: String,
        /// Where the value becomes a group (`group_of: area`).
        used: String,
        /// The routine's groups.
        groups: Vec<String>,
    },
    /// A field's `groups:` map that does not fit the field or the groups.
    #[error("{message}")]
    BadGroupMap {
        /// What is wrong.
        message: String,
        /// How to fix it.
        fix: String,
    },
    /// A time of day that cannot be read (`at: "25:00"`).
    #[error("{message}")]
    BadTimeOfDay {
        /// The parser's explanation.
        message: String,
    },
    /// A `set:` value passes a field that may be unset to something that fails on `none`.
    #[error("{place} passes `{field}` to {to}, but `{field}` may be unset when it runs, and {to} fails on an unset field: every case that gets there stops")]
    UnguardedOptionalValue {
        /// Where the value is written (`the \`set:\` of step \`visit\``).
        place: String,
        /// The field.
        field: String,
        /// What it is passed to (`the \`+\` operator`).
        to: String,
    },
    /// A template reads from `sender` in a message that has no `from:`.
    #[error("template `{template}` reads from `sender` without testing it, but {message} has no `from:`, so `sender` is none there and the message fails for every case")]
    SenderWithoutFrom {
        /// The template (or its subject).
        template: String,
        /// The message use (`the message step \`tell\``).
        message: String,
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
            Problem::TaskWithdrawnAtOnce { .. } => "rutin::task-withdrawn-at-once",
            Problem::ProbabilitySum { .. } => "rutin::probability-sum",
            Problem::NegativeDuration { .. } => "rutin::negative-duration",
            Problem::BadProfile { .. } => "rutin::bad-profile",
            Problem::ValueWithoutGroup { .. } => "rutin::value-without-group",
            Problem::BadGroupMap { .. } => "rutin::bad-group-map",
            Problem::BadTimeOfDay { .. } => "rutin::bad-time-of-day",
            Problem::UnguardedOptionalValue { .. } => "rutin::unguarded-optional",
            Problem::SenderWithoutFrom { .. } => "rutin::sender-without-from",
        }
    }

    /// How to fix it, in plain words.
    pub fn help(&self) -> String {
        let list = |items: &[String]| {
            items
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            Problem::Io { .. } => "check that the path exists and that you may read it".into(),
            Problem::TooLarge { .. } => "split the routine into several files".into(),
            Problem::NotUtf8 { .. } => "save the file as UTF-8 in your editor".into(),
            Problem::Yaml { .. } => {
                "check the indentation and the `key: value` form on this line".into()
            }
            Problem::NotARoutine => {
                "name a routine file; the organisation file is checked with the routines that use it"
                    .into()
            }
            Problem::Tab => "replace the tab with spaces (set your editor to indent with spaces)".into(),
            Problem::MultipleDocuments => {
                "remove the `---` line and what follows it, or move that routine to a file of its own"
                    .into()
            }
            Problem::YamlLimit { .. } => {
                "remove the anchors and aliases (`&name`, `*name`) or the deep nesting; a routine needs neither".into()
            }
            Problem::UnknownKey {
                suggestion: Some(s),
                ..
            } => format!("did you mean `{s}`?"),
            Problem::UnknownKey { expected, .. } => format!("allowed here: {}", list(expected)),
            Problem::DuplicateKey { .. } => "remove one of them, or merge their contents".into(),
            Problem::DuplicateId { .. } => "give each one its own id".into(),
            Problem::MissingKey { key, .. } => format!("add `{key}:`"),
            Problem::Empty { .. } => {
                "write its keys under it, indented (see docs/FORMAT.md), or remove it".into()
            }
            Problem::WrongType { .. } => "see docs/FORMAT.md for the form of this key".into(),
            Problem::BadValue {
                suggestion: Some(s),
                ..
            } => format!("did you mean `{s}`?"),
            Problem::BadValue { allowed, .. } => format!("write one of: {}", list(allowed)),
            Problem::BadId { .. } => {
                "use letters, digits and `_` only, starting with a letter (`call_client`, `A7`)"
                    .into()
            }
            Problem::UnknownReference {
                suggestion: Some(s),
                ..
            } => format!("did you mean `{s}`?"),
            Problem::UnknownReference { kind, .. } => match kind {
                RefKind::Template => {
                    "create the template file, or check the `templates` folder setting".into()
                }
                RefKind::Clause => "add the clause under `clauses:`, or fix the id".into(),
                _ => format!("declare the {kind}, or fix the spelling"),
            },
            Problem::BadDuration { .. } => {
                "write a number and a unit: `3 days`, `2 weeks`, `1 month`, `10 working days`"
                    .into()
            }
            Problem::BadDate { .. } => "write dates as YYYY-MM-DD, for example 2026-06-19".into(),
            Problem::BadExample { .. } => "give an example of the field's type".into(),
            Problem::WrongArgumentType { .. } => {
                "give it a value of that type: a date field, `today`, `date_add(...)` or a date written `'YYYY-MM-DD'`".into()
            }
            Problem::BadDateLiteral { .. } => {
                "write the date as `'YYYY-MM-DD'`, with a real month and day (e.g. `'2026-06-19'`)".into()
            }
            Problem::NotIds { kind, field, .. } => format!(
                "make every value of `{field}` a {kind} id, or declare the missing {kind}s"
            ),
            Problem::UnguardedOptional { field, .. } => format!(
                "wrap it in `{{% if {field} %}}…{{% endif %}}`, make `{field}` required, or have a task record it"
            ),
            Problem::ChainTooLong { .. } => {
                "put a task, event or wait step in the chain, or shorten it".into()
            }
            Problem::RepeatForever { .. } => {
                "give the repeat `times:` (how often it repeats at most)".into()
            }
            Problem::ExpressionSyntax { .. } => {
                "conditions are Jinja expressions, e.g. `area_group == 'intake'` or `not installed`"
                    .into()
            }
            Problem::TemplateSyntax { .. } => {
                "check the `{{ }}` and `{% %}` tags of the template".into()
            }
            Problem::TemplateUnknownVariable {
                suggestion: Some(s),
                ..
            } => format!("did you mean `{s}`?"),
            Problem::TemplateUnknownVariable { .. } => {
                "declare the field under `fields:`, or fix the spelling".into()
            }
            Problem::TemplateInclude { .. } => {
                "write the whole text in this template; remove `include`, `extends` and `import`".into()
            }
            Problem::TemplateDynamicInclude { .. } => {
                "write the whole text in this template; a message is one file".into()
            }
            Problem::TemplateDynamicRead { .. } => {
                "name the field where it is read: `c.field`, `c['field']` or `c|attr('field')`".into()
            }
            Problem::GroupOfUnknowable { .. } => {
                "name the groups: an enumeration field whose values are group ids, or texts such as `'night_team' if night else 'day_team'`".into()
            }
            Problem::TemplateUnavailable { available, .. } => format!(
                "such a message has: {}; use another template for this message",
                list(available)
            ),
            Problem::ReportFieldOutsideLoop { field, .. } => format!(
                "read it per case: `{{% for c in cases %}}{{{{ c.{field} }}}}{{% endfor %}}`"
            ),
            Problem::ReportRecipientReadsCase { .. } => {
                "send the report to roles or groups, without `when:` or `group_of:` on case data"
                    .into()
            }
            Problem::VisibilityLeak { visible_to, .. } => format!(
                "only {} may see it: send this template to them only, or use another template",
                list(visible_to)
            ),
            Problem::CollectorCannotSee { field, role, .. } => format!(
                "add `{role}` to `visible_to` of `{field}`, or give the task to a role that may see it"
            ),
            Problem::Unreachable { .. } => {
                "lead to it with `next:` or a route from another step, or remove it".into()
            }
            Problem::NoWayToEnd { .. } => {
                "give it (or a step after it) a `next:` or route that leads to an `end` step".into()
            }
            Problem::AutomaticCycle { .. } => {
                "put a task, an event or a wait step in the loop, or break it".into()
            }
            Problem::JoinUnreachable { join, .. } => {
                format!("make every branch lead to `{join}`")
            }
            Problem::OrphanJoin { .. } => {
                "name it as `join:` of a parallel step, or use another kind".into()
            }
            Problem::NoDefaultRoute { .. } => {
                "add `- otherwise: <step>` as the last route".into()
            }
            Problem::Unused { .. } => "use it, or remove it".into(),
            Problem::BadStep { fix, .. }
            | Problem::BadRecipient { fix, .. }
            | Problem::BadAssignment { fix, .. }
            | Problem::BadCaseEvent { fix, .. }
            | Problem::BadFieldRule { fix, .. }
            | Problem::BadWording { fix, .. } => fix.clone(),
            Problem::TaskWithdrawnAtOnce { .. } => {
                "use two deadlines, or put the task as a step where `goto` leads".into()
            }
            Problem::MayBeUnset { field, .. } => format!(
                "write `{field} is not none and ...`, or make `{field}` required, or have a task record it"
            ),
            Problem::MayNotArm { field, .. } => {
                format!("make `{field}` `required: true`, or count from the case start")
            }
            Problem::EmptyDeadline { .. } => {
                "give it a `message:`, a `task:` or a `goto:`".into()
            }
            Problem::ProbabilitySum { .. } => {
                "make them add up to 1: 0.9 and 0.1, or 0.25 four times".into()
            }
            Problem::NegativeDuration { .. } => {
                "write 0 or more (`fixed: 2`, `uniform: [1, 5]`)".into()
            }
            Problem::BadProfile { fix, .. } => fix.clone(),
            Problem::ValueWithoutGroup { field, value, .. } => format!(
                "map each value of `{field}` to its group on the field (`groups: {{{value}: <group>, ...}}`), or declare a group `{value}`"
            ),
            Problem::BadGroupMap { fix, .. } => fix.clone(),
            Problem::BadTimeOfDay { .. } => {
                "write hours and minutes on the 24-hour clock with a colon, from `00:00` to `23:59`: `08:00`, `16:30`".into()
            }
            Problem::UnguardedOptionalValue { field, .. } => format!(
                "write `({field} or 0)` in its place, give `{field}` a `default`, or set it on every way before this"
            ),
            Problem::SenderWithoutFrom { .. } => {
                "add `from:` to that message, or guard with `{% if sender %}`".into()
            }
        }
    }
}

/// `` `a`, `b` `` for a list of values.
fn list_ids(values: &[String]) -> String {
    values
        .iter()
        .map(|v| format!("`{v}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
