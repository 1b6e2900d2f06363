//! A routine as a picture: a format-neutral [`Picture`] built from the
//! validated routine, which the DOT, Mermaid and SVG writers draw.
//!
//! Steps become nodes (labelled with title and id, shaped by kind), tasks are
//! grouped by role, routes are solid edges labelled with their condition
//! or title (`annars` for the default), parallel steps have an edge to each branch, and
//! deadlines are dashed edges labelled with their duration: to the `goto`
//! target, and to a small note node for the message they send or the task they
//! open. Case deadlines start from a start node. Everything is emitted in the
//! order the routine declares it, so the output is deterministic.

use std::fmt::Write as _;

use crate::model::{
    Assignment, CaseEvent, Deadline, DeadlineStart, Interrupt, MessageFrom, MessageSpec, Recipient,
    RecipientTarget, Routine, StepKind,
};

/// What a node stands for; decides its shape and colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Where the case starts (case deadlines leave from here).
    Start,
    /// A task for a role.
    Task,
    /// An automatic decision.
    Decision,
    /// A message step.
    Message,
    /// Waiting for an outside event.
    Event,
    /// Waiting for a date.
    Wait,
    /// Splitting into branches.
    Parallel,
    /// Waiting for all branches.
    Join,
    /// The case ends.
    End,
    /// What a deadline does (sends a message, opens a task).
    Note,
    /// An event that may come at any step (a case-wide `events:` entry).
    CaseEvent,
}

impl Shape {
    /// Every shape, in legend order.
    pub(crate) const ALL: [Shape; 11] = [
        Shape::Start,
        Shape::Task,
        Shape::Decision,
        Shape::Message,
        Shape::Event,
        Shape::Wait,
        Shape::Parallel,
        Shape::Join,
        Shape::End,
        Shape::Note,
        Shape::CaseEvent,
    ];

    /// A short class name (Mermaid `classDef`).
    pub(crate) fn class(self) -> &'static str {
        match self {
            Shape::Start => "start",
            Shape::Task => "task",
            Shape::Decision => "decision",
            Shape::Message => "message",
            Shape::Event => "event",
            Shape::Wait => "wait",
            Shape::Parallel => "parallel",
            Shape::Join => "join",
            Shape::End => "finish",
            Shape::Note => "note",
            Shape::CaseEvent => "case_event",
        }
    }

    /// Fill colour.
    pub(crate) fn fill(self) -> &'static str {
        match self {
            Shape::Start | Shape::Parallel | Shape::Join => "#333333",
            Shape::Task => "#dbeafe",
            Shape::Decision => "#fef3c7",
            Shape::Message => "#dcfce7",
            Shape::Event | Shape::CaseEvent => "#f3e8ff",
            Shape::Wait => "#ffedd5",
            Shape::End => "#e5e7eb",
            Shape::Note => "#fffbeb",
        }
    }

    /// Border colour.
    pub(crate) fn stroke(self) -> &'static str {
        match self {
            Shape::Start | Shape::Parallel | Shape::Join => "#000000",
            Shape::Task => "#1d4ed8",
            Shape::Decision => "#b45309",
            Shape::Message => "#15803d",
            Shape::Event | Shape::CaseEvent => "#7e22ce",
            Shape::Wait => "#c2410c",
            Shape::End => "#374151",
            Shape::Note => "#a16207",
        }
    }

    /// Text colour.
    pub(crate) fn font(self) -> &'static str {
        match self {
            Shape::Start | Shape::Parallel | Shape::Join => "#ffffff",
            _ => "#000000",
        }
    }
}

/// One node of the picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Node {
    /// Identifier in the output: `start`, `s_<step id>`, `note_<n>`; only
    /// ASCII letters, digits and `_`.
    pub(crate) key: String,
    /// Label; lines separated by `\n`: `title`, then `details`.
    pub(crate) label: String,
    /// The first part of the label (a step's title).
    pub(crate) title: String,
    /// The rest of the label, one entry per line (the step id, `sätt` lines).
    pub(crate) details: Vec<String>,
    /// Shape and colour.
    pub(crate) shape: Shape,
    /// For a task: the role's display name (for pictures without groups).
    pub(crate) role_name: Option<String>,
    /// The role whose lane the node belongs in, when the node names one (a
    /// task's role, an event's sender, an escalation task's role, a
    /// message's sender or the role its sender group sees as).
    pub(crate) role: Option<String>,
}

impl Node {
    fn new(key: String, title: String, details: Vec<String>, shape: Shape) -> Node {
        let mut label = title.clone();
        for line in &details {
            label.push('\n');
            label.push_str(line);
        }
        Node {
            key,
            label,
            title,
            details,
            shape,
            role_name: None,
            role: None,
        }
    }
}

/// What an edge stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EdgeKind {
    /// A route, a branch, the start.
    Flow,
    /// A deadline (dashed).
    Deadline,
    /// A case-wide event taking the case elsewhere (dotted).
    Interrupt,
}

/// One edge of the picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Edge {
    /// Key of the node it leaves.
    pub(crate) from: String,
    /// Key of the node it enters.
    pub(crate) to: String,
    /// Label; lines separated by `\n`.
    pub(crate) label: Option<String>,
    /// Dashed: a deadline, an escalation or a case-wide event; solid: a route.
    pub(crate) dashed: bool,
    /// What it stands for.
    pub(crate) kind: EdgeKind,
}

/// The tasks of one role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cluster {
    /// Identifier in the output (`role_<role id>`); only ASCII letters, digits and `_`.
    pub(crate) key: String,
    /// The role's id.
    pub(crate) role: String,
    /// The role's display name.
    pub(crate) name: String,
    /// Indexes into [`Picture::nodes`], in declaration order.
    pub(crate) nodes: Vec<usize>,
}

/// A routine as nodes, edges and role groups, in declaration order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Picture {
    /// The routine's id.
    pub(crate) id: String,
    /// A caption: title, id and version.
    pub(crate) caption: String,
    /// Every node: the start node, the steps, then the deadline notes.
    pub(crate) nodes: Vec<Node>,
    /// Every edge.
    pub(crate) edges: Vec<Edge>,
    /// Task groups, in order of the roles' first task.
    pub(crate) clusters: Vec<Cluster>,
}

impl Picture {
    /// Indexes of the nodes that are in no cluster, in order.
    pub(crate) fn loose_nodes(&self) -> Vec<usize> {
        let clustered: std::collections::BTreeSet<usize> = self
            .clusters
            .iter()
            .flat_map(|c| c.nodes.iter().copied())
            .collect();
        (0..self.nodes.len())
            .filter(|i| !clustered.contains(i))
            .collect()
    }
}

/// Key of the start node.
pub(crate) const START: &str = "start";

/// A key made only of ASCII letters, digits and `_`, distinct for distinct
/// ids: a clean identifier gets `clean` before it, anything else `escaped`
/// with `_` doubled and every other character as `_u<hex>_`.
fn key(clean: &str, escaped: &str, id: &str) -> String {
    if !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return format!("{clean}{id}");
    }
    let mut out = String::from(escaped);
    for c in id.chars() {
        match c {
            c if c.is_ascii_alphanumeric() => out.push(c),
            '_' => out.push_str("__"),
            c => {
                let _ = write!(out, "_u{:x}_", u32::from(c));
            }
        }
    }
    out
}

/// The node key of a step.
pub(crate) fn step_key(id: &str) -> String {
    key("s_", "x_", id)
}

fn role_key(id: &str) -> String {
    key("role_", "rolex_", id)
}

pub(crate) fn role_name(routine: &Routine, id: &str) -> String {
    routine
        .roles
        .get(id)
        .map_or_else(|| id.to_owned(), |r| r.name.clone())
}

pub(crate) fn recipient(routine: &Routine, r: &Recipient) -> String {
    let who = match &r.target {
        RecipientTarget::Role(id) => role_name(routine, id),
        RecipientTarget::Group(id) => routine
            .groups
            .get(id)
            .map_or_else(|| id.clone(), |g| g.name.clone()),
        RecipientTarget::GroupOf { expr, .. } => format!("group_of {}", expr.source()),
        RecipientTarget::Person(p) => {
            let name = routine.field(&p.name).and_then(|f| f.name.as_deref());
            format!(
                "{} ({})",
                name.unwrap_or(&p.name),
                role_name(routine, &p.sees_as)
            )
        }
    };
    match (&r.title, &r.when) {
        (Some(title), Some(_)) => format!("{who} {title}"),
        (None, Some(when)) => format!("{who} (om {})", when.source()),
        _ => who,
    }
}

fn message_note(routine: &Routine, m: &MessageSpec) -> String {
    let mut text = format!("meddelande: {}", m.template);
    for r in &m.to {
        let _ = write!(text, "\n→ {}", recipient(routine, r));
    }
    for r in &m.cc {
        let _ = write!(text, "\nkopia → {}", recipient(routine, r));
    }
    text
}

/// The label of a deadline's dashed edges: id and duration, then start
/// point, condition and repeats when there are any. In Swedish, like the
/// rest of what the picture shows (`annars`, `meddelande`, `uppgift`): the
/// picture is for the process owner.
pub(crate) fn deadline_label(d: &Deadline) -> String {
    let mut label = format!("{}: {}", d.id, d.after.swedish());
    if let DeadlineStart::Field(field) = &d.from {
        let _ = write!(label, " från {field}");
    }
    if let Some(at) = d.at {
        let _ = write!(label, " kl. {}", at.format("%H:%M"));
    }
    if let Some(when) = &d.when {
        let _ = write!(label, "\nom {}", when.source());
    }
    if let Some(repeat) = &d.repeat {
        let _ = write!(label, "\nsedan igen efter {}", repeat.every.swedish());
        if let Some(times) = repeat.times {
            let _ = write!(label, ", högst {times} gånger");
        }
    }
    set_lines(&mut label, &d.set);
    label
}

/// What a `set:` does, one line per field (`sätt attempts = attempts + 1`),
/// appended to a step's, a route's or a deadline's label.
pub(crate) fn set_lines(label: &mut String, set: &[Assignment]) {
    for line in set_texts(set) {
        if !label.is_empty() {
            label.push('\n');
        }
        label.push_str(&line);
    }
}

fn set_texts(set: &[Assignment]) -> impl Iterator<Item = String> + '_ {
    set.iter()
        .map(|a| format!("sätt {} = {}", a.field, a.value.source()))
}

struct Builder<'a> {
    routine: &'a Routine,
    picture: Picture,
    notes: usize,
}

impl Builder<'_> {
    fn edge(&mut self, from: &str, to: String, label: Option<String>, kind: EdgeKind) {
        self.picture.edges.push(Edge {
            from: from.to_owned(),
            to,
            label,
            dashed: kind != EdgeKind::Flow,
            kind,
        });
    }

    /// A case-wide event: a node of its own (it may come at any step), with a
    /// dotted edge to where it takes the case, or to an end node.
    fn case_event(&mut self, event: &CaseEvent) {
        let node_key = key("e_", "ex_", &event.id);
        let mut details = vec![format!("({})", event.id), "när som helst".to_owned()];
        if let Some(from) = &event.from {
            details.push(format!("från {}", role_name(self.routine, from)));
        }
        details.extend(set_texts(&event.set));
        let mut node = Node::new(
            node_key.clone(),
            event.title.clone(),
            details,
            Shape::CaseEvent,
        );
        node.role = event
            .from
            .clone()
            .filter(|r| self.routine.roles.contains_key(r));
        self.picture.nodes.push(node);
        let target = match &event.then {
            Interrupt::Goto(step) => step_key(step),
            Interrupt::End(outcome) => {
                let end = key("out_", "outx_", &event.id);
                let node = Node::new(
                    end.clone(),
                    format!("avslutas: {outcome}"),
                    Vec::new(),
                    Shape::End,
                );
                self.picture.nodes.push(node);
                end
            }
        };
        self.edge(&node_key, target, None, EdgeKind::Interrupt);
    }

    /// Dashed edges for a deadline armed at node `from`.
    fn deadline(&mut self, from: &str, d: &Deadline) {
        let label = deadline_label(d);
        let mut note: Vec<String> = Vec::new();
        if let Some(message) = &d.message {
            note.extend(
                message_note(self.routine, message)
                    .lines()
                    .map(str::to_owned),
            );
        }
        if let Some(task) = &d.task {
            note.push(format!("uppgift: {}", role_name(self.routine, &task.role)));
            note.push(task.title.clone());
        }
        if !note.is_empty() {
            self.notes += 1;
            let key = format!("note_{}", self.notes);
            let title = note.remove(0);
            let mut node = Node::new(key.clone(), title, note, Shape::Note);
            node.role = d.task.as_ref().map(|t| t.role.clone());
            self.picture.nodes.push(node);
            self.edge(from, key, Some(label.clone()), EdgeKind::Deadline);
        }
        if let Some(goto) = &d.goto {
            self.edge(from, step_key(goto), Some(label), EdgeKind::Deadline);
        }
    }
}

/// The role whose lane a message is drawn in: its sender's (`from:`), or
/// for a group sender the role the group sees as. A group that sees as no
/// role, and a message without sender, stay where the flow puts them.
fn sender_role(routine: &Routine, m: &MessageSpec) -> Option<String> {
    match m.from.as_ref()? {
        MessageFrom::Role(id) => Some(id.clone()),
        MessageFrom::Group(id) => routine.groups.get(id)?.sees_as.clone(),
    }
}

/// Builds the picture of a validated routine.
pub(crate) fn picture(routine: &Routine) -> Picture {
    let meta = &routine.meta;
    let mut b = Builder {
        routine,
        picture: Picture {
            id: meta.id.clone(),
            caption: format!("{} ({}, version {})", meta.title, meta.id, meta.version),
            nodes: Vec::new(),
            edges: Vec::new(),
            clusters: Vec::new(),
        },
        notes: 0,
    };
    b.picture.nodes.push(Node::new(
        START.to_owned(),
        "start".to_owned(),
        Vec::new(),
        Shape::Start,
    ));
    b.edge(START, step_key(&routine.start), None, EdgeKind::Flow);
    for d in &routine.deadlines {
        b.deadline(START, d);
    }
    for step in &routine.steps {
        let shape = match &step.kind {
            StepKind::Task { .. } => Shape::Task,
            StepKind::Decision => Shape::Decision,
            StepKind::Message(_) => Shape::Message,
            StepKind::Event { .. } => Shape::Event,
            StepKind::Wait { .. } => Shape::Wait,
            StepKind::Parallel { .. } => Shape::Parallel,
            StepKind::Join => Shape::Join,
            StepKind::End { .. } => Shape::End,
        };
        let own_role = match &step.kind {
            StepKind::Task { role, .. } => Some(role.clone()),
            StepKind::Event { from, .. } => from.clone().filter(|r| routine.roles.contains_key(r)),
            StepKind::Message(m) => sender_role(routine, m),
            _ => None,
        };
        let key = step_key(&step.id);
        let mut role_name_shown = None;
        if let StepKind::Task { role, .. } = &step.kind {
            let name = role_name(routine, role);
            let index = b.picture.nodes.len();
            let ckey = role_key(role);
            match b.picture.clusters.iter_mut().find(|c| c.key == ckey) {
                Some(cluster) => cluster.nodes.push(index),
                None => b.picture.clusters.push(Cluster {
                    key: ckey,
                    role: role.clone(),
                    name: name.clone(),
                    nodes: vec![index],
                }),
            }
            role_name_shown = Some(name);
        }
        let mut details = vec![format!("({})", step.id)];
        details.extend(set_texts(&step.set));
        let mut node = Node::new(key.clone(), step.title.clone(), details, shape);
        node.role_name = role_name_shown;
        node.role = own_role;
        b.picture.nodes.push(node);
        if let StepKind::Parallel { branches, .. } = &step.kind {
            for branch in branches {
                b.edge(&key, step_key(branch), None, EdgeKind::Flow);
            }
        }
        let plain = step.routes.len() == 1 && step.routes.iter().all(|r| r.when.is_none());
        for route in &step.routes {
            // The route's title when it has one (its condition in words),
            // else the condition as written.
            let mut label = match (&route.title, &route.when) {
                _ if plain => String::new(),
                (Some(title), _) => title.clone(),
                (None, Some(when)) => when.source().to_owned(),
                (None, None) => "annars".to_owned(),
            };
            set_lines(&mut label, &route.set);
            let label = (!label.is_empty()).then_some(label);
            b.edge(&key, step_key(&route.to), label, EdgeKind::Flow);
        }
        for d in &step.deadlines {
            b.deadline(&key, d);
        }
    }
    for event in &routine.events {
        b.case_event(event);
    }
    b.picture
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_safe_and_distinct() {
        assert_eq!(step_key("receive"), "s_receive");
        assert_eq!(step_key("a-b"), "x_a_u2d_b");
        assert_eq!(step_key("a_b c"), "x_a__b_u20_c");
        assert_ne!(step_key("a_u2d_b"), step_key("a-b"));
        assert_eq!(step_key(""), "x_");
        assert!(step_key("ö\"\n")
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_'));
    }
}
