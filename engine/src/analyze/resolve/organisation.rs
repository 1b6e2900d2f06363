//! The organisation file (roles, groups, the template folder shared by a
//! municipality's routines) and the routine's own roles and groups.

use std::path::{Path, PathBuf};

use super::declare::{add_group, add_role};
use crate::analyze::scope::Scope;
use crate::diagnostic::{Diagnostic, Sink};
use crate::files::SourceFiles;
use crate::load::{self, raw, raw::Sp};

/// What the organisation file gives a routine besides roles and groups.
#[derive(Debug, Default)]
pub(super) struct Organisation {
    pub(super) name: Option<String>,
    pub(super) template_dir: Option<PathBuf>,
}

/// Reads the organisation file named by the routine (relative to `dir`) and
/// declares its roles and groups, then the routine's own.
pub(super) fn read(
    scope: &mut Scope,
    sink: &mut Sink,
    extra: &mut Vec<Diagnostic>,
    raw: &raw::RoutineFile,
    dir: &Path,
    files: &dyn SourceFiles,
) -> Organisation {
    let mut org = Organisation::default();
    let mut org_groups: Vec<(Sp<String>, raw::Group, Sink)> = Vec::new();
    if let Some(name) = &raw.organisation {
        let path = dir.join(&name.value);
        match load::read_source(files, &path) {
            Err(mut d) => {
                scope.organisation_missing = true;
                d.location = Some(sink.at(name.span));
                extra.push(d);
            }
            Ok(file) => {
                let mut org_sink = Sink::new(file);
                if let Some(o) = load::organisation_file(&mut org_sink) {
                    org = organisation(&o, &path);
                    for (id, r) in &o.roles.0 {
                        add_role(scope, &mut org_sink, id, r);
                    }
                    for (id, g) in o.groups.0 {
                        org_groups.push((id, g, Sink::new(org_sink.file.clone())));
                    }
                }
                extra.append(&mut org_sink.diagnostics);
            }
        }
    }
    for (id, r) in &raw.roles.0 {
        add_role(scope, sink, id, r);
    }
    for (id, g, mut org_sink) in org_groups {
        add_group(scope, &mut org_sink, &id, &g);
        extra.append(&mut org_sink.diagnostics);
    }
    for (id, g) in &raw.groups.0 {
        add_group(scope, sink, id, g);
    }
    org
}

fn organisation(o: &raw::OrganisationFile, path: &Path) -> Organisation {
    Organisation {
        name: o
            .organisation
            .as_ref()
            .and_then(|m| m.name.as_ref())
            .map(|n| n.value.clone()),
        template_dir: o.templates.as_ref().map(|t| {
            let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
            base.join(&t.value)
        }),
    }
}
