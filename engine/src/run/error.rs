//! Why a command was refused.
//!
//! Every refusal is a value of [`RunError`]; a refused command leaves the
//! case exactly as it was, so the caller can show the message and let the
//! person try again.

use chrono::NaiveDateTime;

use super::journal::TaskId;
use crate::expr::ExprError;

/// Why a command was refused (the case is unchanged).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RunError {
    /// The routine passed in is not the one (or not the version) the case runs on.
    #[error("the case runs routine `{case_routine}` version {case_version}, not `{routine}` version {version}")]
    WrongRoutine {
        /// The case's routine id.
        case_routine: String,
        /// The case's routine version.
        case_version: String,
        /// The routine id passed in.
        routine: String,
        /// The version passed in.
        version: String,
    },
    /// The case has ended; it takes no more commands.
    #[error("the case has already ended ({outcome})")]
    CaseEnded {
        /// How it ended.
        outcome: String,
    },
    /// The command's time lies before the case's latest journal entry.
    #[error(
        "time cannot go backwards: {at} is before {latest}, the time of the case's latest entry"
    )]
    TimeWentBackwards {
        /// The time given.
        at: NaiveDateTime,
        /// The latest entry's time.
        latest: NaiveDateTime,
    },
    /// No step has this id.
    #[error("there is no step `{step}` in the routine{}", did_you_mean(.suggestion))]
    UnknownStep {
        /// The id given.
        step: String,
        /// A step id close to it.
        suggestion: Option<String>,
    },
    /// The step exists but has no open task now.
    #[error("step `{0}` has no open task")]
    StepNotActive(String),
    /// No open task has this number.
    #[error("there is no open task {0}")]
    NoSuchTask(TaskId),
    /// A deadline that opens an escalation task was named, but no task of
    /// it is open: the deadline has not fired (or its task is done).
    #[error("there is no open task of deadline `{deadline}`: the deadline has not fired yet, or its task was already completed or withdrawn")]
    EscalationNotOpen {
        /// The deadline's id.
        deadline: String,
    },
    /// The task belongs to another role.
    #[error("task {task} ({step}) is for role `{expected}`, not `{got}`")]
    WrongRole {
        /// The task.
        task: TaskId,
        /// Its step.
        step: String,
        /// The role the task is for.
        expected: String,
        /// The role given.
        got: String,
    },
    /// The values were not a map of field ids to values.
    #[error("values must be a map of field ids to values, got {got}")]
    ValuesNotAMap {
        /// What was given.
        got: String,
    },
    /// A required field was not given.
    #[error("{by} requires `{field}`")]
    MissingField {
        /// The field.
        field: String,
        /// What requires it (`the case start`, `task #3 (call_client)`, `event order_corrected`).
        by: String,
    },
    /// No field has this id.
    #[error("there is no field `{field}` in the routine{}", did_you_mean(.suggestion))]
    UnknownField {
        /// The id given.
        field: String,
        /// A field id close to it.
        suggestion: Option<String>,
    },
    /// The field exists but this task or event does not record it.
    #[error("{by} does not record `{field}`")]
    FieldNotAccepted {
        /// The field.
        field: String,
        /// The task or event.
        by: String,
    },
    /// A value has the wrong type.
    #[error("`{field}` must be {expected}, got {got}")]
    WrongType {
        /// The field.
        field: String,
        /// The type it has.
        expected: String,
        /// The value given (shortened).
        got: String,
    },
    /// An enumeration value that is not listed.
    #[error("`{value}` is not a value of `{field}`; use one of: {}", allowed.join(", "))]
    NotInEnum {
        /// The field.
        field: String,
        /// The value given.
        value: String,
        /// The listed values.
        allowed: Vec<String>,
    },
    /// A value of the right type that breaks one of its field's rules
    /// (`pattern:`, `min:`/`max:`, `min_length:`/`max_length:`).
    #[error("`{field}` must be {} (its rule `{}`), got {got}", broken.expected, broken.rule)]
    RuleBroken {
        /// The field.
        field: String,
        /// The rule and what the value must be (boxed: refusals stay small).
        broken: Box<crate::model::Broken>,
        /// The value given (shortened).
        got: String,
    },
    /// A text that is no valid personnummer.
    #[error("`{field}` must be a personnummer: {reason}; got {got}")]
    BadPersonnummer {
        /// The field.
        field: String,
        /// What is wrong with it (no digit of it quoted).
        reason: crate::model::personnummer::PersonnummerError,
        /// The value given (shortened).
        got: String,
    },
    /// No event step has this event name.
    #[error("there is no event `{event}` in the routine{}", did_you_mean(.suggestion))]
    UnknownEvent {
        /// The name given.
        event: String,
        /// An event name close to it.
        suggestion: Option<String>,
    },
    /// The event exists but no step waits for it now.
    #[error("the case is not waiting for event `{0}`")]
    EventNotAwaited(String),
    /// No route out of a step applies (no condition held and there is no default).
    #[error("no route out of step `{step}` applies")]
    NoRoute {
        /// The step.
        step: String,
    },
    /// Too many steps ran without time passing: the routine loops.
    #[error("more than {limit} steps ran at one moment; the routine loops without waiting")]
    CycleLimit {
        /// The limit.
        limit: u32,
    },
    /// A parallel step would split while its join still waits for branches
    /// of an earlier split (the routine leads back into the parallel step
    /// from a branch, or two parallel steps share a join). Going on would
    /// run the steps after the join twice.
    #[error("parallel step `{parallel}` cannot split: its join `{join}` still waits for {waiting} of {expected} branches of an earlier split; going on would run the steps after the join twice")]
    JoinBusy {
        /// The parallel step.
        parallel: String,
        /// Its join step.
        join: String,
        /// Branches of the earlier split that have not arrived.
        waiting: u32,
        /// Branches the earlier split has.
        expected: u32,
    },
    /// A token reached a join after every branch of its split had arrived
    /// and gone on. Going on would run the steps after the join twice.
    #[error("a token reached join `{join}` after all {expected} branches had arrived; going on would run the steps after the join twice")]
    JoinOverrun {
        /// The join step.
        join: String,
        /// Branches the split had.
        expected: u32,
    },
    /// Too many deadlines fired in one command.
    #[error("more than {limit} deadlines fired in one command")]
    TimerLimit {
        /// The limit.
        limit: u32,
    },
    /// An expression of the routine failed.
    #[error("{place}: {error}")]
    Expr {
        /// Where the expression stands (`route 1 of step check_order`).
        place: String,
        /// What went wrong.
        error: ExprError,
    },
    /// A message could not be rendered.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// A `group_of` expression gave something that is not a group id.
    #[error("`group_of: {expr}` gave `{value}`, which is not a group of the routine")]
    UnknownGroup {
        /// The expression.
        expr: String,
        /// What it gave.
        value: String,
    },
    /// A person recipient's name or address field was unset when the message went.
    #[error("message `{template}` goes to a person whose `{field}` is not set")]
    PersonUnset {
        /// The template.
        template: String,
        /// The unset field.
        field: String,
    },
    /// A computed date fell outside the calendar.
    #[error("{what}: the date is out of range")]
    DateOutOfRange {
        /// Which date.
        what: String,
    },
    /// No schedule has this id.
    #[error("there is no schedule `{0}` in the routine")]
    UnknownSchedule(String),
    /// A stored journal does not fold into a case.
    #[error("journal entry {seq} is inconsistent: {message}")]
    Journal {
        /// The entry's sequence number.
        seq: u64,
        /// What is wrong.
        message: String,
    },
    /// The routine refers to something it does not contain (the analyzer
    /// should have caught it).
    #[error("the routine is inconsistent: {0}")]
    Internal(String),
}

/// Why a message could not be rendered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RenderError {
    /// The template reads a field that a recipient may not see.
    #[error("template `{template}` reads `{field}`, which recipient `{recipient}` may not see")]
    HiddenField {
        /// The template.
        template: String,
        /// The field.
        field: String,
        /// The recipient (role or group id).
        recipient: String,
    },
    /// minijinja failed (an undefined variable, a filter given a wrong value).
    #[error("template `{template}` failed: {message}")]
    Failed {
        /// The template (or `subject of <template>`).
        template: String,
        /// minijinja's explanation.
        message: String,
    },
    /// The routine has no template of this name.
    #[error("there is no template `{0}`")]
    MissingTemplate(String),
}

/// "; did you mean `x`?" when there is a close name.
fn did_you_mean(suggestion: &Option<String>) -> String {
    suggestion
        .as_ref()
        .map_or_else(String::new, |s| format!("; did you mean `{s}`?"))
}

impl RunError {
    /// A stable snake_case code for the refusal (`wrong_role`), for scenario
    /// files, JSON output and callers that branch on the kind.
    pub fn code(&self) -> &'static str {
        match self {
            RunError::WrongRoutine { .. } => "wrong_routine",
            RunError::CaseEnded { .. } => "case_ended",
            RunError::TimeWentBackwards { .. } => "time_went_backwards",
            RunError::UnknownStep { .. } => "unknown_step",
            RunError::StepNotActive(..) => "step_not_active",
            RunError::NoSuchTask(..) | RunError::EscalationNotOpen { .. } => "no_such_task",
            RunError::WrongRole { .. } => "wrong_role",
            RunError::ValuesNotAMap { .. } => "values_not_a_map",
            RunError::MissingField { .. } => "missing_field",
            RunError::UnknownField { .. } => "unknown_field",
            RunError::FieldNotAccepted { .. } => "field_not_accepted",
            RunError::WrongType { .. } => "wrong_type",
            RunError::NotInEnum { .. } => "not_in_enum",
            RunError::RuleBroken { .. } => "rule_broken",
            RunError::BadPersonnummer { .. } => "bad_personnummer",
            RunError::UnknownEvent { .. } => "unknown_event",
            RunError::EventNotAwaited(..) => "event_not_awaited",
            RunError::NoRoute { .. } => "no_route",
            RunError::CycleLimit { .. } => "cycle_limit",
            RunError::JoinBusy { .. } => "join_busy",
            RunError::JoinOverrun { .. } => "join_overrun",
            RunError::TimerLimit { .. } => "timer_limit",
            RunError::Expr { .. } => "expr",
            RunError::Render(..) => "render",
            RunError::UnknownGroup { .. } => "unknown_group",
            RunError::PersonUnset { .. } => "person_unset",
            RunError::DateOutOfRange { .. } => "date_out_of_range",
            RunError::UnknownSchedule(..) => "unknown_schedule",
            RunError::Journal { .. } => "journal",
            RunError::Internal(..) => "internal",
        }
    }
    /// An expression error with where it happened.
    pub(crate) fn expr(place: impl Into<String>, error: ExprError) -> RunError {
        RunError::Expr {
            place: place.into(),
            error,
        }
    }
}
