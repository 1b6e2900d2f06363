//! Warnings for declarations nothing refers to: usually a typo elsewhere, or
//! a leftover from an earlier version of the routine.

use super::scope::Scope;
use crate::diagnostic::{Problem, RefKind, Sink};
use crate::load::raw;

pub(super) fn check(scope: &Scope, sink: &mut Sink, raw: &raw::RoutineFile) {
    // Roles and groups of the routine file itself (the organisation file's are
    // shared by several routines, so one routine not using them is normal).
    for (id, _) in &raw.roles.0 {
        if !scope.used_roles.contains(&id.value) {
            sink.warning(
                id.span,
                Problem::Unused {
                    kind: RefKind::Role,
                    id: id.value.clone(),
                },
            );
        }
    }
    for (id, _) in &raw.groups.0 {
        if !scope.used_groups.contains(&id.value) {
            sink.warning(
                id.span,
                Problem::Unused {
                    kind: RefKind::Group,
                    id: id.value.clone(),
                },
            );
        }
    }
    for (id, f) in &raw.fields.0 {
        let required = f.required.as_ref().is_some_and(|r| r.value);
        if !scope.used_fields.contains(&id.value) && !required {
            sink.warning(
                id.span,
                Problem::Unused {
                    kind: RefKind::Field,
                    id: id.value.clone(),
                },
            );
        }
    }
}
