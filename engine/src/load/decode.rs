//! From the node tree to the raw form ([`super::raw`]), collecting every
//! structural problem (unknown, missing, duplicate keys; wrong value types).

use super::fields::{fields, id_map, list, Fields, Named};
use super::node::Node;
use super::raw::*;
use crate::diagnostic::{Phrase, Problem, RefKind, Sink};

/// The raw routine, or `None` when the file is not a mapping at all (then
/// nothing else in it can be judged).
pub(crate) fn routine_file(sink: &mut Sink, node: &Node) -> Option<RoutineFile> {
    let mut file = RoutineFile {
        routine: Meta::default(),
        organisation: None,
        templates: None,
        clauses: IdMap::default(),
        roles: IdMap::default(),
        groups: IdMap::default(),
        fields: IdMap::default(),
        start: Sp::new(String::new(), node.span),
        steps: IdMap::default(),
        deadlines: Vec::new(),
        schedules: IdMap::default(),
        events: IdMap::default(),
    };
    let mut m = fields(sink, FILE, node, Phrase::new("in-routine-file"))?;
    match m.get("routine") {
        Some(n) => file.routine = meta(sink, n),
        // An organisation file given where a routine is expected.
        None if m.has("organisation") && !m.has("steps") => {
            sink.error(m.span, Problem::NotARoutine);
            return None;
        }
        None => missing(sink, &m, "routine"),
    }
    file.organisation = m.string(sink, "organisation");
    file.templates = m.string(sink, "templates");
    file.clauses = id_map(
        sink,
        "clauses",
        RefKind::Clause,
        m.get("clauses"),
        |s, _, n| {
            super::fields::string(s, Named::Item("item-clause-text"), n)
                .unwrap_or_else(|| Sp::new(String::new(), n.span))
        },
    );
    file.roles = id_map(sink, "roles", RefKind::Role, m.get("roles"), role);
    file.groups = id_map(sink, "groups", RefKind::Group, m.get("groups"), group);
    file.fields = id_map(sink, "fields", RefKind::Field, m.get("fields"), field);
    if let Some(s) = m.required_string(sink, "start") {
        file.start = s;
    }
    if m.has("steps") {
        file.steps = id_map(sink, "steps", RefKind::Step, m.get("steps"), step);
    } else {
        missing(sink, &m, "steps");
        m.get("steps");
    }
    if let Some(n) = m.get("deadlines") {
        file.deadlines = deadlines(sink, n, &Phrase::new("in-case-deadlines"));
    }
    file.schedules = id_map(
        sink,
        "schedules",
        RefKind::Step,
        m.get("schedules"),
        schedule,
    );
    file.events = id_map(
        sink,
        "events",
        RefKind::Event,
        m.get("events"),
        super::event::case_event,
    );
    m.finish(sink);
    Some(file)
}

pub(crate) fn organisation_file(sink: &mut Sink, node: &Node) -> OrganisationFile {
    let mut file = OrganisationFile::default();
    let Some(mut m) = fields(sink, FILE, node, Phrase::new("in-organisation-file")) else {
        return file;
    };
    if let Some(n) = m.get("organisation") {
        if let Some(mut o) = fields(sink, "organisation", n, Phrase::quoted("organisation")) {
            file.organisation = Some(OrganisationMeta {
                name: o.string(sink, "name"),
            });
            o.finish(sink);
        }
    }
    file.templates = m.string(sink, "templates");
    file.roles = id_map(sink, "roles", RefKind::Role, m.get("roles"), role);
    file.groups = id_map(sink, "groups", RefKind::Group, m.get("groups"), group);
    m.finish(sink);
    file
}

fn missing(sink: &mut Sink, m: &Fields<'_>, key: &str) {
    sink.error(
        m.span,
        Problem::MissingKey {
            key: key.into(),
            context: m.context().clone(),
        },
    );
}

fn meta(sink: &mut Sink, node: &Node) -> Meta {
    let Some(mut m) = fields(sink, "routine", node, Phrase::quoted("routine")) else {
        return Meta::default();
    };
    let meta = Meta {
        id: m.required_string(sink, "id"),
        version: m.required_string(sink, "version"),
        title: m.required_string(sink, "title"),
        owner: m.string(sink, "owner"),
        decided_by: m.string(sink, "decided_by"),
        decided: m.string(sink, "decided"),
        updated: m.string(sink, "updated"),
        replaces: m.string(sink, "replaces"),
        description: m.string(sink, "description"),
    };
    m.finish(sink);
    meta
}

fn role(sink: &mut Sink, id: &Sp<String>, node: &Node) -> Role {
    let Some(mut m) = fields(sink, Named::Item("item-role"), node, place("in-role", id)) else {
        return Role::default();
    };
    let role = Role {
        name: m.required_string(sink, "name"),
        description: m.string(sink, "description"),
        local_choice: m.string(sink, "local_choice"),
    };
    m.finish(sink);
    role
}

fn group(sink: &mut Sink, id: &Sp<String>, node: &Node) -> Group {
    let Some(mut m) = fields(sink, Named::Item("item-group"), node, place("in-group", id)) else {
        return Group::default();
    };
    let group = Group {
        name: m.required_string(sink, "name"),
        address: m.string(sink, "address"),
        sees_as: m.string(sink, "sees_as"),
        description: m.string(sink, "description"),
    };
    m.finish(sink);
    group
}

fn field(sink: &mut Sink, id: &Sp<String>, node: &Node) -> Field {
    let Some(mut m) = fields(sink, Named::Item("item-field"), node, place("in-field", id)) else {
        return Field::default();
    };
    let field = Field {
        name: m.string(sink, "name"),
        ty: m.required_string(sink, "type"),
        values: m.strings(sink, "values"),
        items: m.string(sink, "items"),
        required: m.bool(sink, "required"),
        description: m.string(sink, "description"),
        example: m.any("example"),
        visible_to: m.strings(sink, "visible_to"),
        pattern: m.string(sink, "pattern"),
        min: m.any("min"),
        max: m.any("max"),
        min_length: m.int(sink, "min_length"),
        max_length: m.int(sink, "max_length"),
        local_choice: m.string(sink, "local_choice"),
        groups: m.get("groups").map(|n| text_map(sink, "groups", n)),
    };
    m.finish(sink);
    field
}

/// A mapping of texts to texts (`value: group`), in file order.
fn text_map(sink: &mut Sink, key: &str, node: &Node) -> Vec<(Sp<String>, Sp<String>)> {
    let entries = match &node.value {
        super::node::Value::Map(entries) => entries,
        super::node::Value::Null => return Vec::new(),
        _ => {
            let problem = super::fields::wrong_type(key, Phrase::new("expect-group-mapping"), node);
            sink.error(node.span, problem);
            return Vec::new();
        }
    };
    entries
        .iter()
        .filter_map(|(k, v)| {
            let k = super::fields::string(sink, Named::Item("item-value"), k)?;
            let v = super::fields::string(sink, Named::Item("item-group-id"), v)?;
            Some((k, v))
        })
        .collect()
}

fn step(sink: &mut Sink, id: &Sp<String>, node: &Node) -> Step {
    let context = place("in-step", id);
    let Some(mut m) = fields(sink, Named::Item("item-step"), node, context.clone()) else {
        return Step::default();
    };
    let step = Step {
        kind: m.required_string(sink, "kind"),
        title: m.required_string(sink, "title"),
        instructions: m.string(sink, "instructions"),
        source: m.strings(sink, "source"),
        role: m.string(sink, "role"),
        collects: m.strings(sink, "collects"),
        optional: m.strings(sink, "optional"),
        documents: m.strings(sink, "documents"),
        event: m.string(sink, "event"),
        from: m.string(sink, "from"),
        until: m.string(sink, "until"),
        template: m.string(sink, "template"),
        subject: m.string(sink, "subject"),
        to: m.get("to").map(|n| recipients(sink, n, &context)),
        cc: m.get("cc").map(|n| recipients(sink, n, &context)),
        branches: m.strings(sink, "branches"),
        join: m.string(sink, "join"),
        outcome: m.string(sink, "outcome"),
        next: m.string(sink, "next"),
        routes: m.get("routes").map(|n| routes(sink, n, &context)),
        deadlines: m.get("deadlines").map(|n| deadlines(sink, n, &context)),
        set: m.get("set").map(|n| super::set::assignments(sink, n)),
        local_choice: m.string(sink, "local_choice"),
    };
    m.finish(sink);
    step
}

fn routes(sink: &mut Sink, node: &Node, context: &Phrase) -> Vec<Route> {
    list(sink, "routes", node)
        .into_iter()
        .filter_map(|n| {
            let mut m = fields(
                sink,
                Named::Item("item-route"),
                n,
                of("in-route-of", context),
            )?;
            let route = Route {
                when: m.string(sink, "when"),
                to: m.string(sink, "to"),
                otherwise: m.string(sink, "otherwise"),
                title: m.string(sink, "title"),
                local_choice: m.string(sink, "local_choice"),
                set: m.get("set").map(|n| super::set::assignments(sink, n)),
            };
            m.finish(sink);
            Some(route)
        })
        .collect()
}

fn recipients(sink: &mut Sink, node: &Node, context: &Phrase) -> Vec<Recipient> {
    list(sink, "to", node)
        .into_iter()
        .filter_map(|n| {
            let mut m = fields(
                sink,
                Named::Item("item-recipient"),
                n,
                of("in-recipient-of", context),
            )?;
            let recipient = Recipient {
                role: m.string(sink, "role"),
                group: m.string(sink, "group"),
                group_of: m.string(sink, "group_of"),
                person: m.get("person").and_then(|p| person(sink, p, context)),
                when: m.string(sink, "when"),
                title: m.string(sink, "title"),
                span: n.span,
            };
            m.finish(sink);
            Some(recipient)
        })
        .collect()
}

fn person(sink: &mut Sink, node: &Node, context: &Phrase) -> Option<Person> {
    let mut m = fields(sink, "person", node, of("in-person-of", context))?;
    let person = Person {
        name: m.required_string(sink, "name"),
        address: m.required_string(sink, "address"),
        sees_as: m.required_string(sink, "sees_as"),
        span: node.span,
    };
    m.finish(sink);
    Some(person)
}

pub(crate) fn message(sink: &mut Sink, node: &Node, context: &Phrase) -> Option<Message> {
    let mut m = fields(sink, "message", node, of("in-message-of", context))?;
    let message = Message {
        template: m.required_string(sink, "template"),
        subject: m.string(sink, "subject"),
        from: m.string(sink, "from"),
        to: m.get("to").map(|n| recipients(sink, n, context)),
        cc: m.get("cc").map(|n| recipients(sink, n, context)),
        local_choice: m.string(sink, "local_choice"),
        span: node.span,
    };
    m.finish(sink);
    Some(message)
}

fn deadlines(sink: &mut Sink, node: &Node, context: &Phrase) -> Vec<Deadline> {
    list(sink, "deadlines", node)
        .into_iter()
        .filter_map(|n| {
            let mut m = fields(
                sink,
                Named::Item("item-deadline"),
                n,
                of("in-a-deadline-of", context),
            )?;
            let id = m.required_string(sink, "id");
            let inner = match &id {
                Some(id) => place("in-deadline-of", id).with("place", context),
                None => of("in-a-deadline-of", context),
            };
            let deadline = Deadline {
                after: m.required_string(sink, "after"),
                from: m.string(sink, "from"),
                when: m.string(sink, "when"),
                title: m.string(sink, "title"),
                repeat: m.get("repeat").and_then(|r| repeat(sink, r, &inner)),
                message: m.get("message").and_then(|r| message(sink, r, &inner)),
                task: m.get("task").and_then(|r| task(sink, r, &inner)),
                goto: m.string(sink, "goto"),
                source: m.strings(sink, "source"),
                set: m.get("set").map(|n| super::set::assignments(sink, n)),
                local_choice: m.string(sink, "local_choice"),
                at: m.string(sink, "at"),
                id,
                span: n.span,
            };
            m.finish(sink);
            Some(deadline)
        })
        .collect()
}

fn repeat(sink: &mut Sink, node: &Node, context: &Phrase) -> Option<Repeat> {
    let mut m = fields(sink, "repeat", node, of("in-repeat-of", context))?;
    let repeat = Repeat {
        every: m.required_string(sink, "every"),
        times: m.int(sink, "times"),
    };
    m.finish(sink);
    Some(repeat)
}

fn task(sink: &mut Sink, node: &Node, context: &Phrase) -> Option<EscalationTask> {
    let mut m = fields(sink, "task", node, of("in-task-of", context))?;
    let task = EscalationTask {
        role: m.required_string(sink, "role"),
        title: m.required_string(sink, "title"),
        instructions: m.string(sink, "instructions"),
        collects: m.strings(sink, "collects"),
        span: node.span,
    };
    m.finish(sink);
    Some(task)
}

fn schedule(sink: &mut Sink, id: &Sp<String>, node: &Node) -> Schedule {
    let context = place("in-schedule", id);
    let Some(mut m) = fields(sink, Named::Item("item-schedule"), node, context.clone()) else {
        return Schedule::default();
    };
    let schedule = Schedule {
        title: m.required_string(sink, "title"),
        every: m.required_string(sink, "every"),
        select: m.required_string(sink, "select"),
        message: match m.get("message") {
            Some(n) => message(sink, n, &context),
            None => {
                missing(sink, &m, "message");
                None
            }
        },
        source: m.strings(sink, "source"),
        local_choice: m.string(sink, "local_choice"),
        at: m.string(sink, "at"),
    };
    m.finish(sink);
    schedule
}

/// What the file itself is called where it is not a mapping.
const FILE: Named<'static> = Named::Item("item-file");

/// A place named by an id (`in-step`: "the step `a`").
pub(crate) fn place(id: &'static str, name: &Sp<String>) -> Phrase {
    Phrase::named(id, &name.value)
}

fn of(id: &'static str, place: &Phrase) -> Phrase {
    Phrase::within(id, place)
}
