//! The raw form of a routine file: what the YAML says, with the span of every
//! value, before any reference is resolved (`just`'s `Ast`).
//!
//! These types also derive the JSON Schema that `rutin schema` prints, so the
//! schema an editor checks against is the format the decoder reads. Doc
//! comments here become the descriptions an editor shows on hover.

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

use crate::source::Span;

/// A value with the span of its text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Sp<T> {
    pub(crate) value: T,
    pub(crate) span: Span,
}

impl<T> Sp<T> {
    pub(crate) fn new(value: T, span: Span) -> Self {
        Sp { value, span }
    }
}

impl<T: JsonSchema> JsonSchema for Sp<T> {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

/// A mapping from ids to items, in file order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct IdMap<T>(pub(crate) Vec<(Sp<String>, T)>);

impl<T> Default for IdMap<T> {
    fn default() -> Self {
        IdMap(Vec::new())
    }
}

impl<T: JsonSchema> JsonSchema for IdMap<T> {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        format!("Map_of_{}", T::schema_name()).into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let items = generator.subschema_for::<T>();
        json_schema!({
            "type": "object",
            "propertyNames": { "pattern": "^[A-Za-z][A-Za-z0-9_]*$" },
            "additionalProperties": items,
        })
    }
}

/// A YAML scalar kept as written (for `version`, examples).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AnyValue(pub(crate) serde_json::Value);

impl JsonSchema for AnyValue {
    fn schema_name() -> Cow<'static, str> {
        "AnyValue".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!(true)
    }
}

/// Schema of a value written as text or as a number (`version: 3`).
pub(crate) struct TextOrNumber;

impl JsonSchema for TextOrNumber {
    fn schema_name() -> Cow<'static, str> {
        "TextOrNumber".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": ["string", "number"] })
    }
}

/// Schema of an assignment's value: an expression, or a plain number,
/// yes/no or nothing (`attempts: 0`, `done: false`, `note: ~`).
pub(crate) struct ExprValue;

impl JsonSchema for ExprValue {
    fn schema_name() -> Cow<'static, str> {
        "ExprValue".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": ["string", "number", "boolean", "null"] })
    }
}

/// Schema of a time of day on the 24-hour clock (`at: "08:00"`).
pub(crate) struct TimeOfDay;

impl JsonSchema for TimeOfDay {
    fn schema_name() -> Cow<'static, str> {
        "TimeOfDay".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^([01]?[0-9]|2[0-3]):[0-5][0-9]$",
            "description": "A time of day on the 24-hour clock: `08:00`, `16:30`."
        })
    }
}

/// `set:`: field id → the expression it is set to.
pub(crate) type Assignments = IdMap<Sp<String>>;

/// A routine file.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields, title = "Rutin routine")]
pub(crate) struct RoutineFile {
    /// Identity and provenance of the routine.
    pub(crate) routine: Meta,
    /// Path of a shared organisation file (roles, groups, template folder), relative to this file.
    pub(crate) organisation: Option<Sp<String>>,
    /// The template folder, relative to this file (overrides the organisation file's).
    pub(crate) templates: Option<Sp<String>>,
    /// The source document's clauses: id → text.
    #[schemars(default)]
    pub(crate) clauses: IdMap<Sp<String>>,
    /// Roles: id → role.
    #[schemars(default)]
    pub(crate) roles: IdMap<Role>,
    /// Recipient groups: id → group.
    #[schemars(default)]
    pub(crate) groups: IdMap<Group>,
    /// Case fields: id → field.
    #[schemars(default)]
    pub(crate) fields: IdMap<Field>,
    /// The id of the first step.
    pub(crate) start: Sp<String>,
    /// Steps: id → step.
    pub(crate) steps: IdMap<Step>,
    /// Deadlines on the whole case.
    #[schemars(default)]
    pub(crate) deadlines: Vec<Deadline>,
    /// Cross-case schedules: id → schedule.
    #[schemars(default)]
    pub(crate) schedules: IdMap<Schedule>,
    /// Case-wide events: name → event; each interrupts the case wherever it stands.
    #[schemars(default)]
    pub(crate) events: IdMap<CaseEvent>,
}

/// An event that interrupts the case from whatever step it stands at.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub(crate) struct CaseEvent {
    /// Short title.
    pub(crate) title: Option<Sp<String>>,
    /// The role expected to send it.
    pub(crate) from: Option<Sp<String>>,
    /// Fields that must be given.
    pub(crate) collects: Option<Vec<Sp<String>>>,
    /// Fields that may be given.
    pub(crate) optional: Option<Vec<Sp<String>>>,
    /// Fields set when it arrives: field id → expression.
    #[schemars(with = "Option<IdMap<ExprValue>>")]
    pub(crate) set: Option<Assignments>,
    /// The step the case goes to (one of `goto`, `outcome`).
    pub(crate) goto: Option<Sp<String>>,
    /// The outcome the case ends with (one of `goto`, `outcome`).
    pub(crate) outcome: Option<Sp<String>>,
    /// Clause ids.
    pub(crate) source: Option<Vec<Sp<String>>>,
    /// Where the event's name is written (not a key).
    #[schemars(skip)]
    pub(crate) span: Span,
}

/// An organisation file: roles and groups shared by a municipality's routines.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub(crate) struct OrganisationFile {
    /// The organisation.
    pub(crate) organisation: Option<OrganisationMeta>,
    /// The template folder, relative to this file.
    pub(crate) templates: Option<Sp<String>>,
    /// Roles: id → role.
    #[schemars(default)]
    pub(crate) roles: IdMap<Role>,
    /// Recipient groups: id → group.
    #[schemars(default)]
    pub(crate) groups: IdMap<Group>,
}

/// Who the organisation is.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub(crate) struct OrganisationMeta {
    /// Its name.
    pub(crate) name: Option<Sp<String>>,
}

/// Identity and provenance of a routine.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub(crate) struct Meta {
    /// Stable identifier, e.g. `installation`.
    #[schemars(required)]
    pub(crate) id: Option<Sp<String>>,
    /// Version; text or number.
    #[schemars(with = "TextOrNumber")]
    pub(crate) version: Option<Sp<String>>,
    /// Title.
    #[schemars(required)]
    pub(crate) title: Option<Sp<String>>,
    /// Who owns the document.
    pub(crate) owner: Option<Sp<String>>,
    /// Who decided the document (`Verksamhetschef hemtjänst`).
    pub(crate) decided_by: Option<Sp<String>>,
    /// Date decided, YYYY-MM-DD.
    pub(crate) decided: Option<Sp<String>>,
    /// Date last updated, YYYY-MM-DD.
    pub(crate) updated: Option<Sp<String>>,
    /// What this routine replaces.
    pub(crate) replaces: Option<Sp<String>>,
    /// Free description.
    pub(crate) description: Option<Sp<String>>,
}

/// A role people hold.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub(crate) struct Role {
    /// Display name, e.g. `Larmgruppen`.
    pub(crate) name: Option<Sp<String>>,
    /// What the role does.
    pub(crate) description: Option<Sp<String>>,
    /// A local choice: what the municipality decided where the source document is silent.
    pub(crate) local_choice: Option<Sp<String>>,
}

/// A recipient group.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub(crate) struct Group {
    /// Display name, e.g. `Saltisgruppen`.
    pub(crate) name: Option<Sp<String>>,
    /// Mail address or system group name.
    pub(crate) address: Option<Sp<String>>,
    /// The role whose visible fields the group may see.
    pub(crate) sees_as: Option<Sp<String>>,
    /// What the group is.
    pub(crate) description: Option<Sp<String>>,
}

/// A typed case field.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub(crate) struct Field {
    /// Display name for people (`Beslutsdatum`), used by the routine book.
    pub(crate) name: Option<Sp<String>>,
    /// text, integer, boolean, date, period, enum, list or personnummer.
    #[schemars(rename = "type")]
    pub(crate) ty: Option<Sp<String>>,
    /// For enum: the allowed values.
    pub(crate) values: Option<Vec<Sp<String>>>,
    /// For list: the type of each item.
    pub(crate) items: Option<Sp<String>>,
    /// Must be given when the case starts.
    pub(crate) required: Option<Sp<bool>>,
    /// What the field means.
    pub(crate) description: Option<Sp<String>>,
    /// An example value, used by `rutin simulate`.
    pub(crate) example: Option<Sp<AnyValue>>,
    /// Only these roles may see the value (default: everyone).
    pub(crate) visible_to: Option<Vec<Sp<String>>>,
    /// text: a regular expression the whole value must match.
    pub(crate) pattern: Option<Sp<String>>,
    /// integer, date: the smallest value allowed.
    #[schemars(with = "Option<TextOrNumber>")]
    pub(crate) min: Option<Sp<AnyValue>>,
    /// integer, date: the largest value allowed.
    #[schemars(with = "Option<TextOrNumber>")]
    pub(crate) max: Option<Sp<AnyValue>>,
    /// text: the fewest characters allowed.
    pub(crate) min_length: Option<Sp<i64>>,
    /// text: the most characters allowed.
    pub(crate) max_length: Option<Sp<i64>>,
    /// A local choice: what the municipality decided where the source document is silent.
    pub(crate) local_choice: Option<Sp<String>>,
    /// enum: the group each value stands for (`value: group`), where the
    /// values are not group ids themselves; every value must be listed.
    #[schemars(with = "Option<std::collections::BTreeMap<String, String>>")]
    pub(crate) groups: Option<Vec<(Sp<String>, Sp<String>)>>,
}

/// One step.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub(crate) struct Step {
    /// task, decision, message, event, wait, parallel, join or end.
    pub(crate) kind: Option<Sp<String>>,
    /// Short title.
    pub(crate) title: Option<Sp<String>>,
    /// What the person does.
    pub(crate) instructions: Option<Sp<String>>,
    /// Clause ids this step encodes.
    pub(crate) source: Option<Vec<Sp<String>>>,
    /// task: the role that performs it.
    pub(crate) role: Option<Sp<String>>,
    /// task, event: fields that must be given.
    pub(crate) collects: Option<Vec<Sp<String>>>,
    /// task, event: fields that may be given.
    pub(crate) optional: Option<Vec<Sp<String>>>,
    /// task: documents handed over.
    pub(crate) documents: Option<Vec<Sp<String>>>,
    /// event: the event's name.
    pub(crate) event: Option<Sp<String>>,
    /// event, message: who sends it (an event: the role expected to send
    /// it; a message: the role or group it is sent on behalf of).
    pub(crate) from: Option<Sp<String>>,
    /// wait: expression yielding the date to wait until.
    pub(crate) until: Option<Sp<String>>,
    /// message: the body template's name.
    pub(crate) template: Option<Sp<String>>,
    /// message: the subject (a template).
    pub(crate) subject: Option<Sp<String>>,
    /// message: recipients.
    pub(crate) to: Option<Vec<Recipient>>,
    /// message: copies.
    pub(crate) cc: Option<Vec<Recipient>>,
    /// parallel: the first step of each branch.
    pub(crate) branches: Option<Vec<Sp<String>>>,
    /// parallel: where the branches meet.
    pub(crate) join: Option<Sp<String>>,
    /// end: how the case ended.
    pub(crate) outcome: Option<Sp<String>>,
    /// The next step.
    pub(crate) next: Option<Sp<String>>,
    /// Conditional routes, tried in order.
    pub(crate) routes: Option<Vec<Route>>,
    /// Deadlines armed while the step is active.
    pub(crate) deadlines: Option<Vec<Deadline>>,
    /// Fields set when the step is done: field id → expression.
    #[schemars(with = "Option<IdMap<ExprValue>>")]
    pub(crate) set: Option<Assignments>,
    /// A local choice: what the municipality decided where the source document is silent.
    pub(crate) local_choice: Option<Sp<String>>,
}

/// A route: `when` + `to`, or `otherwise`.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub(crate) struct Route {
    /// Condition (a Jinja expression).
    pub(crate) when: Option<Sp<String>>,
    /// Step to go to when the condition holds.
    pub(crate) to: Option<Sp<String>>,
    /// The default route's step.
    pub(crate) otherwise: Option<Sp<String>>,
    /// The condition in words (`Beställningen är korrekt`), for the routine book and the graph.
    pub(crate) title: Option<Sp<String>>,
    /// A local choice: what the municipality decided where the source document is silent.
    pub(crate) local_choice: Option<Sp<String>>,
    /// Fields set when the route is taken: field id → expression.
    #[schemars(with = "Option<IdMap<ExprValue>>")]
    pub(crate) set: Option<Assignments>,
}

/// A recipient: exactly one of `role`, `group`, `group_of`, `person`.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub(crate) struct Recipient {
    /// A role id.
    pub(crate) role: Option<Sp<String>>,
    /// A group id.
    pub(crate) group: Option<Sp<String>>,
    /// An expression yielding a group id.
    pub(crate) group_of: Option<Sp<String>>,
    /// One person, named and addressed by case fields.
    pub(crate) person: Option<Person>,
    /// Only when this holds.
    pub(crate) when: Option<Sp<String>>,
    /// The condition `when` in words (`när kunden inte tillhör mottagningsteamet`).
    pub(crate) title: Option<Sp<String>>,
    /// Where the recipient entry starts (not a key).
    #[schemars(skip)]
    pub(crate) span: Span,
}

/// A person as recipient: the fields holding their name and mail address,
/// and the role whose visibility they have.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub(crate) struct Person {
    /// The text field holding the person's name.
    pub(crate) name: Option<Sp<String>>,
    /// The text field holding the person's mail address.
    pub(crate) address: Option<Sp<String>>,
    /// The role whose visibility the person has.
    pub(crate) sees_as: Option<Sp<String>>,
    /// Where the person entry starts (not a key).
    #[schemars(skip)]
    pub(crate) span: Span,
}

/// A message: template, subject, recipients.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub(crate) struct Message {
    /// The body template's name.
    pub(crate) template: Option<Sp<String>>,
    /// The subject (a template).
    pub(crate) subject: Option<Sp<String>>,
    /// Who the message is sent on behalf of: a role or group id.
    pub(crate) from: Option<Sp<String>>,
    /// Recipients.
    pub(crate) to: Option<Vec<Recipient>>,
    /// Copies.
    pub(crate) cc: Option<Vec<Recipient>>,
    /// A local choice: what the municipality decided where the source document is silent.
    pub(crate) local_choice: Option<Sp<String>>,
    /// Where the message starts (not a key).
    #[schemars(skip)]
    pub(crate) span: Span,
}

/// A deadline.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub(crate) struct Deadline {
    /// Identifier, unique where it is declared.
    pub(crate) id: Option<Sp<String>>,
    /// Duration: `3 days`, `2 weeks`, `1 month`, `1 year`, `10 working days`.
    pub(crate) after: Option<Sp<String>>,
    /// A date field to count from (default: the step's start).
    pub(crate) from: Option<Sp<String>>,
    /// Only fires when this holds at expiry.
    pub(crate) when: Option<Sp<String>>,
    /// The condition `when` in words (`om larmet inte är installerat`).
    pub(crate) title: Option<Sp<String>>,
    /// Reminders after the first expiry.
    pub(crate) repeat: Option<Repeat>,
    /// Message sent at each expiry.
    pub(crate) message: Option<Message>,
    /// Task opened at expiry (escalation).
    pub(crate) task: Option<EscalationTask>,
    /// Interrupting: the step moves here.
    pub(crate) goto: Option<Sp<String>>,
    /// Clause ids.
    pub(crate) source: Option<Vec<Sp<String>>>,
    /// Fields set each time it fires: field id → expression.
    #[schemars(with = "Option<IdMap<ExprValue>>")]
    pub(crate) set: Option<Assignments>,
    /// A local choice: what the municipality decided where the source document is silent.
    pub(crate) local_choice: Option<Sp<String>>,
    /// The time of day it falls due on its due day (24-hour clock): `08:00`.
    #[schemars(with = "Option<TimeOfDay>")]
    pub(crate) at: Option<Sp<String>>,
    /// Where the deadline starts (not a key).
    #[schemars(skip)]
    pub(crate) span: Span,
}

/// How a deadline repeats.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub(crate) struct Repeat {
    /// Interval.
    pub(crate) every: Option<Sp<String>>,
    /// At most this many repeats.
    pub(crate) times: Option<Sp<i64>>,
}

/// An escalation task.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub(crate) struct EscalationTask {
    /// The role that gets it.
    pub(crate) role: Option<Sp<String>>,
    /// Title.
    pub(crate) title: Option<Sp<String>>,
    /// What to do.
    pub(crate) instructions: Option<Sp<String>>,
    /// Fields it may record.
    pub(crate) collects: Option<Vec<Sp<String>>>,
    /// Where the task starts (not a key).
    #[schemars(skip)]
    pub(crate) span: Span,
}

/// A cross-case schedule.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub(crate) struct Schedule {
    /// Title.
    pub(crate) title: Option<Sp<String>>,
    /// How often: a duration.
    pub(crate) every: Option<Sp<String>>,
    /// Which cases: an expression per case.
    pub(crate) select: Option<Sp<String>>,
    /// The report.
    pub(crate) message: Option<Message>,
    /// Clause ids.
    pub(crate) source: Option<Vec<Sp<String>>>,
    /// A local choice: what the municipality decided where the source document is silent.
    pub(crate) local_choice: Option<Sp<String>>,
    /// The time of day each run falls at (24-hour clock): `08:00`.
    #[schemars(with = "Option<TimeOfDay>")]
    pub(crate) at: Option<Sp<String>>,
}
