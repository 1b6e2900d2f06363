//! Declarations: roles, groups, and the routine's head (`routine:`).

use super::values::{date, text, words};
use crate::analyze::scope::Scope;
use crate::diagnostic::{Diagnostic, Location, Phrase, Problem, RefKind, Sink};
use crate::load::{self, raw, raw::Sp};
use crate::model::{self, Group, Role};

/// Reports `id` when it was declared before (at `first`); true when it is new.
fn first_declaration(
    sink: &mut Sink,
    kind: RefKind,
    id: &Sp<String>,
    first: Option<&Location>,
) -> bool {
    let Some(first) = first else { return true };
    let location = Some(sink.at(id.span));
    sink.push(
        Diagnostic::error(
            Problem::DuplicateId {
                kind,
                id: id.value.clone(),
            },
            location,
        )
        .with_related(first.clone(), "first declared here"),
    );
    false
}

pub(super) fn add_role(scope: &mut Scope, sink: &mut Sink, id: &Sp<String>, r: &raw::Role) {
    if !first_declaration(sink, RefKind::Role, id, scope.role_spans.get(&id.value)) {
        return;
    }
    scope.role_spans.insert(id.value.clone(), sink.at(id.span));
    let place = Phrase::named("in-role", &id.value);
    let local_choice = words(sink, &r.local_choice, "local_choice", &place);
    scope.roles.insert(
        id.value.clone(),
        Role {
            id: id.value.clone(),
            name: r
                .name
                .as_ref()
                .map_or_else(|| id.value.clone(), |n| n.value.clone()),
            description: r.description.as_ref().map(|d| d.value.clone()),
            local_choice,
        },
    );
}

pub(super) fn add_group(scope: &mut Scope, sink: &mut Sink, id: &Sp<String>, g: &raw::Group) {
    if !first_declaration(sink, RefKind::Group, id, scope.group_spans.get(&id.value)) {
        return;
    }
    let sees_as = g.sees_as.as_ref().and_then(|r| scope.role(sink, r));
    scope.group_spans.insert(id.value.clone(), sink.at(id.span));
    scope.groups.insert(
        id.value.clone(),
        Group {
            id: id.value.clone(),
            name: g
                .name
                .as_ref()
                .map_or_else(|| id.value.clone(), |n| n.value.clone()),
            address: g.address.as_ref().map(|a| a.value.clone()),
            description: g.description.as_ref().map(|d| d.value.clone()),
            sees_as,
        },
    );
}

/// The routine's head, when its id, version and title are given.
pub(super) fn meta(
    sink: &mut Sink,
    raw: &raw::RoutineFile,
    organisation: Option<String>,
) -> Option<model::Meta> {
    let m = &raw.routine;
    if let Some(id) = &m.id {
        if !load::is_valid_id(&id.value) {
            sink.error(
                id.span,
                Problem::BadId {
                    id: id.value.clone(),
                },
            );
        }
    }
    let decided = date(sink, &m.decided);
    let updated = date(sink, &m.updated);
    let decided_by = words(
        sink,
        &m.decided_by,
        "decided_by",
        &Phrase::new("in-routine"),
    );
    Some(model::Meta {
        id: text(&m.id)?,
        version: text(&m.version)?,
        title: text(&m.title)?,
        owner: text(&m.owner),
        decided_by,
        decided,
        updated,
        replaces: text(&m.replaces),
        description: text(&m.description),
        organisation,
        path: sink.file.path().to_path_buf(),
    })
}
