//! The generated 50-step routine of issue 12's check target, shared by the
//! `check50` bench and `examples/profile_check.rs`: 40 task steps, each
//! recording one integer field (every fifth with a condition on its routes),
//! and 10 message steps, each with its own template reading two fields, a
//! date filter and an `if`.

use std::fmt::Write;
use std::path::Path;

use rutin::files::MemoryFiles;

/// Where [`files`] puts the routine file.
pub const PATH: &str = "/bench/bench50.yaml";

const STEPS: usize = 50;

const ORGANISATION: &str = "organisation:
  name: Bench
templates: t
roles:
  r0:
    name: Roll noll
  r1:
    name: Roll ett
  r2:
    name: Roll två
";

/// The routine's YAML and its templates (name, text).
pub fn generated() -> (String, Vec<(String, String)>) {
    let mut y = String::from(
        "routine:\n  id: bench50\n  version: \"1\"\n  title: Genererad rutin med 50 steg\n  owner: Bänk\n\
         organisation: organisation.yaml\n\nfields:\n  client_name:\n    type: text\n    required: true\n\
         \x20   description: Namn.\n    example: Anna\n  start_date:\n    type: date\n    required: true\n\
         \x20   description: Start.\n    example: 2026-06-22\n",
    );
    for i in (0..STEPS).filter(|i| i % 5 != 4) {
        let _ = write!(
            y,
            "  f{i}:\n    type: integer\n    description: Värde {i}.\n    example: {i}\n"
        );
    }
    y.push_str("\nstart: s0\n\nsteps:\n");
    let mut templates = Vec::new();
    for i in 0..STEPS {
        let next = if i + 1 < STEPS {
            format!("s{}", i + 1)
        } else {
            "done".to_owned()
        };
        let role = i % 3;
        if i % 5 == 4 {
            let f = i - 1;
            templates.push((
                format!("t/m{i}.j2"),
                format!(
                    "Hej!\n\n{{{{ client_name }}}} har värdet {{{{ f{f} }}}} från {{{{ start_date | date }}}}.\n\
                     {{% if f{f} > 3 %}}Stort.{{% else %}}Litet.{{% endif %}}\n"
                ),
            ));
            let _ = write!(
                y,
                "  s{i}:\n    kind: message\n    title: Meddelande {i}\n    template: m{i}\n    \
                 subject: \"Steg {i} – {{{{ client_name }}}}\"\n    to:\n      - role: r{role}\n    next: {next}\n"
            );
        } else {
            let _ = write!(
                y,
                "  s{i}:\n    kind: task\n    title: Uppgift {i}\n    role: r{role}\n    \
                 instructions: Gör steg {i}.\n    collects: [f{i}]\n"
            );
            if i % 5 == 1 {
                let _ = write!(
                    y,
                    "    routes:\n      - when: f{i} > 100\n        to: {next}\n      - otherwise: {next}\n"
                );
            } else {
                let _ = writeln!(y, "    next: {next}");
            }
        }
    }
    y.push_str("  done:\n    kind: end\n    title: Klart\n    outcome: done\n");
    (y, templates)
}

pub fn files() -> MemoryFiles {
    let (routine, templates) = generated();
    let mut files = MemoryFiles::new();
    files.insert("/bench/bench50.yaml", routine);
    files.insert("/bench/organisation.yaml", ORGANISATION);
    files.insert_dir("/bench/t");
    for (name, text) in templates {
        files.insert(Path::new("/bench").join(name), text);
    }
    files
}
