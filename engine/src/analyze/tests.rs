//! One test per analyzer rule: the problem's kind and where it points.

use std::path::Path;

use crate::analyze::check_text;

const HEAD: &str = "routine: {id: r, version: 1, title: R}\nroles:\n  team: {name: Team}\n";

/// (code, line) of every error and warning of a routine text.
fn problems(body: &str) -> Vec<(&'static str, usize)> {
    let text = format!("{HEAD}{body}");
    let checked = check_text(Path::new("t.yaml"), &text);
    checked
        .diagnostics
        .iter()
        .map(|d| {
            let line = d.location.as_ref().map_or(0, |l| l.line_col().0);
            (d.problem.code(), line)
        })
        .collect()
}

fn has(body: &str, code: &str, line: usize) {
    let found = problems(body);
    assert!(
        found.contains(&(code, line)),
        "expected {code} at line {line}, found {found:?}"
    );
}

const END: &str = "  z: {kind: end, title: Z, outcome: done}\n";

#[test]
fn yaml_syntax() {
    has("start: [a\n", "rutin::yaml", 4);
}

#[test]
fn unknown_key_with_suggestion() {
    let found = check_text(
        Path::new("t.yaml"),
        &format!(
            "{HEAD}start: a\nsteps:\n  a: {{kind: task, title: A, role: team, nxet: z}}\n{END}"
        ),
    );
    let d = found
        .diagnostics
        .iter()
        .find(|d| d.problem.code() == "rutin::unknown-key")
        .unwrap();
    assert_eq!(d.location.as_ref().unwrap().line_col(), (6, 41));
    assert_eq!(d.problem.help(), "did you mean `next`?");
}

#[test]
fn duplicate_key() {
    has(
        &format!("start: a\nsteps:\n  a:\n    kind: task\n    kind: task\n    title: A\n    role: team\n    next: z\n{END}"),
        "rutin::duplicate-key",
        8,
    );
}

#[test]
fn duplicate_step_id() {
    has(
        &format!("start: a\nsteps:\n  a: {{kind: task, title: A, role: team, next: z}}\n  a: {{kind: end, title: A, outcome: x}}\n{END}"),
        "rutin::duplicate-id",
        7,
    );
}

#[test]
fn missing_key() {
    has(
        &format!("steps:\n  a: {{kind: task, title: A, role: team, next: z}}\n{END}"),
        "rutin::missing-key",
        1,
    );
}

#[test]
fn unknown_role_step_field() {
    let body = format!("start: a\nsteps:\n  a: {{kind: task, title: A, role: teem, collects: [nope], next: y}}\n{END}");
    let found = problems(&body);
    assert_eq!(
        found
            .iter()
            .filter(|(c, _)| *c == "rutin::unknown-reference")
            .count(),
        3,
        "{found:?}"
    );
}

#[test]
fn unknown_group_and_template() {
    let body = format!(
        "start: a\nsteps:\n  a: {{kind: message, title: A, template: t, to: [{{group: g}}], next: z}}\n{END}"
    );
    let found = problems(&body);
    assert!(
        found
            .iter()
            .filter(|(c, l)| *c == "rutin::unknown-reference" && *l == 6)
            .count()
            >= 2,
        "{found:?}"
    );
}

#[test]
fn unreachable_step() {
    has(
        &format!("start: a\nsteps:\n  a: {{kind: task, title: A, role: team, next: z}}\n  b: {{kind: end, title: B, outcome: x}}\n{END}"),
        "rutin::unreachable",
        7,
    );
}

#[test]
fn no_way_to_end() {
    has(
        &format!("start: a\nsteps:\n  a: {{kind: task, title: A, role: team, next: a}}\n{END}"),
        "rutin::no-way-to-end",
        6,
    );
}

#[test]
fn automatic_cycle() {
    let body = "fields:\n  f: {type: boolean}\nstart: a\nsteps:\n  a:\n    kind: decision\n    title: A\n    routes:\n      - when: f\n        to: z\n      - otherwise: b\n  b:\n    kind: decision\n    title: B\n    routes:\n      - when: f\n        to: z\n      - otherwise: a\n  z: {kind: end, title: Z, outcome: done}\n";
    has(body, "rutin::automatic-cycle", 8);
}

#[test]
fn a_loop_that_waits_is_fine() {
    let body = "fields:\n  f: {type: boolean}\nstart: a\nsteps:\n  a:\n    kind: decision\n    title: A\n    routes:\n      - when: f\n        to: z\n      - otherwise: b\n  b: {kind: event, title: B, event: fixed, collects: [f], next: a}\n  z: {kind: end, title: Z, outcome: done}\n";
    // Only the warning that the header's role is unused.
    assert_eq!(problems(body), vec![("rutin::unused", 3)]);
}

#[test]
fn join_unreachable_and_orphan_join() {
    let body = "start: p\nsteps:\n  p: {kind: parallel, title: P, branches: [a, b], join: j}\n  a: {kind: task, title: A, role: team, next: j}\n  b: {kind: task, title: B, role: team, next: z}\n  j: {kind: join, title: J, next: z}\n  k: {kind: join, title: K, next: z}\n  z: {kind: end, title: Z, outcome: done}\n";
    has(body, "rutin::join-unreachable", 6);
    has(body, "rutin::orphan-join", 10);
}

#[test]
fn decision_without_default_is_a_warning() {
    let body = "fields:\n  f: {type: boolean}\nstart: a\nsteps:\n  a:\n    kind: decision\n    title: A\n    routes:\n      - when: f\n        to: z\n  z: {kind: end, title: Z, outcome: done}\n";
    let text = format!("{HEAD}{body}");
    let checked = check_text(Path::new("t.yaml"), &text);
    assert!(!checked.has_errors());
    assert_eq!(
        problems(body),
        vec![("rutin::unused", 3), ("rutin::no-default-route", 9)]
    );
}

#[test]
fn bad_duration_and_date() {
    let body = format!("start: a\nsteps:\n  a:\n    kind: task\n    title: A\n    role: team\n    next: z\n    deadlines:\n      - {{id: d, after: 3 fortnights, goto: z}}\n{END}");
    has(&body, "rutin::bad-duration", 12);
    let text = "routine: {id: r, version: 1, title: R, decided: 2021-13-01}\nroles: {team: {name: T}}\nstart: a\nsteps:\n  a: {kind: task, title: A, role: team, next: z}\n  z: {kind: end, title: Z, outcome: done}\n";
    let checked = check_text(Path::new("t.yaml"), text);
    assert_eq!(checked.diagnostics[0].problem.code(), "rutin::bad-date");
}

#[test]
fn expression_syntax_and_unknown_variable() {
    let body = "fields:\n  ready: {type: boolean}\nstart: a\nsteps:\n  a:\n    kind: decision\n    title: A\n    routes:\n      - when: \"ready and\"\n        to: z\n      - when: \"redy\"\n        to: z\n      - otherwise: z\n  z: {kind: end, title: Z, outcome: done}\n";
    has(body, "rutin::expression-syntax", 12);
    let text = format!("{HEAD}{body}");
    let checked = check_text(Path::new("t.yaml"), &text);
    let unknown = checked
        .diagnostics
        .iter()
        .find(|d| d.problem.code() == "rutin::unknown-reference")
        .unwrap();
    assert_eq!(unknown.problem.help(), "did you mean `ready`?");
}

#[test]
fn wrong_key_for_the_kind() {
    has(
        &format!("start: a\nsteps:\n  a: {{kind: end, title: A, outcome: x, role: team}}\n{END}"),
        "rutin::bad-step",
        6,
    );
}

#[test]
fn collector_must_see_the_field() {
    let body = format!("roles2: x\nfields:\n  secret: {{type: text, visible_to: [other]}}\nstart: a\nsteps:\n  a: {{kind: task, title: A, role: team, collects: [secret], next: z}}\n{END}")
        .replace("roles2: x\n", "");
    let found = problems(&body);
    // `other` is not a role (unknown reference) and the team may not see the field.
    assert!(
        found.contains(&("rutin::collector-cannot-see", 8)),
        "{found:?}"
    );
}

#[test]
fn unused_role_and_field_are_warnings() {
    let body = format!("fields:\n  spare: {{type: text}}\nstart: a\nsteps:\n  a: {{kind: task, title: A, role: team, next: z}}\n{END}")
        .replace("roles:\n  team", "roles:\n  team");
    let text = format!("routine: {{id: r, version: 1, title: R}}\nroles:\n  team: {{name: Team}}\n  idle: {{name: Idle}}\n{body}");
    let checked = check_text(Path::new("t.yaml"), &text);
    let codes: Vec<_> = checked
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.problem.code(),
                d.severity,
                d.location.as_ref().unwrap().line_col().0,
            )
        })
        .collect();
    assert_eq!(
        codes,
        vec![
            ("rutin::unused", crate::diagnostic::Severity::Warning, 4),
            ("rutin::unused", crate::diagnostic::Severity::Warning, 6),
        ]
    );
    assert!(checked.routine.is_some());
}

#[test]
fn empty_deadline() {
    let body = format!("start: a\nsteps:\n  a:\n    kind: task\n    title: A\n    role: team\n    next: z\n    deadlines:\n      - {{id: d, after: 1 day}}\n{END}");
    has(&body, "rutin::empty-deadline", 12);
}

#[test]
fn bad_example() {
    let body = format!("fields:\n  n: {{type: integer, example: many}}\nstart: a\nsteps:\n  a: {{kind: task, title: A, role: team, collects: [n], next: z}}\n{END}");
    has(&body, "rutin::bad-example", 5);
}

#[test]
fn enum_group_of_must_name_groups() {
    let body = format!("groups:\n  g1: {{name: G1}}\nfields:\n  area: {{type: enum, values: [g1, g2]}}\nstart: a\nsteps:\n  a: {{kind: message, title: A, template: t, to: [{{group_of: area}}], next: z}}\n{END}");
    let found = problems(&body);
    assert!(
        found.contains(&("rutin::unknown-reference", 10)),
        "{found:?}"
    );
}

#[test]
fn templates_saved_with_windows_line_ends_give_plain_line_ends() {
    let dir = std::env::temp_dir().join(format!("rutin-crlf-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("templates")).unwrap();
    std::fs::write(dir.join("templates/hello.j2"), "Hej!\r\nRad två\r\n").unwrap();
    let routine = format!(
        "{HEAD}templates: templates\nstart: a\nsteps:\n  a: {{kind: message, title: A, template: hello, to: [{{role: team}}], next: z}}\n{END}"
    );
    std::fs::write(dir.join("r.yaml"), routine).unwrap();
    let checked = crate::analyze::check_routine(&dir.join("r.yaml"));
    let routine = checked.routine.expect("valid");
    assert_eq!(routine.templates["hello"].source, "Hej!\nRad två\n");
}

#[test]
fn comparing_a_field_that_may_be_unset_is_a_warning() {
    let body = "fields:\n  plan: {type: date}\n  due: {type: date, required: true}\nstart: a\nsteps:\n  a:\n    kind: decision\n    title: A\n    routes:\n      - when: \"plan < today\"\n        to: z\n      - when: \"plan is not none and plan < today\"\n        to: z\n      - when: \"due < today\"\n        to: z\n      - otherwise: z\n  z: {kind: end, title: Z, outcome: done}\n";
    let found = problems(body);
    assert_eq!(
        found,
        vec![("rutin::unused", 3), ("rutin::may-be-unset", 13)],
        "{found:?}"
    );
}

/// (code, line) of every problem in the routine file of a routine with templates.
fn problems_with_templates(
    name: &str,
    body: &str,
    templates: &[(&str, &str)],
) -> Vec<(&'static str, usize)> {
    let dir = std::env::temp_dir().join(format!("rutin-{name}-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("templates")).unwrap();
    for (t, text) in templates {
        std::fs::write(dir.join(format!("templates/{t}.j2")), text).unwrap();
    }
    std::fs::write(
        dir.join("r.yaml"),
        format!("{HEAD}templates: templates\n{body}"),
    )
    .unwrap();
    let checked = crate::analyze::check_routine(&dir.join("r.yaml"));
    checked
        .diagnostics
        .iter()
        .filter(|d| {
            d.location
                .as_ref()
                .is_some_and(|l| l.file.path().ends_with("r.yaml"))
        })
        .map(|d| {
            (
                d.problem.code(),
                d.location.as_ref().map_or(0, |l| l.line_col().0),
            )
        })
        .collect()
}

#[test]
fn range_is_known_in_expressions() {
    let body = format!("fields:\n  n: {{type: integer, required: true}}\nstart: a\nsteps:\n  a:\n    kind: decision\n    title: A\n    routes:\n      - when: \"n in range(3)\"\n        to: z\n      - otherwise: z\n{END}");
    let found = problems(&body);
    assert!(
        !found.iter().any(|(c, _)| *c == "rutin::unknown-reference"),
        "{found:?}"
    );
}

#[test]
fn each_use_of_a_shared_template_is_checked_with_its_own_subject() {
    let body = format!("groups:\n  night: {{name: N}}\nfields:\n  key: {{type: text, visible_to: [team]}}\nstart: a\nsteps:\n  a: {{kind: message, title: A, template: t, subject: \"{{{{ key }}}}\", to: [{{role: team}}], next: b}}\n  b: {{kind: message, title: B, template: t, to: [{{group: night}}], next: c}}\n  c: {{kind: message, title: C, template: t, subject: \"{{{{ key[0:2] }}}}\", to: [{{group: night}}], next: z}}\n{END}");
    let found = problems_with_templates("shared", &body, &[("t", "Hej")]);
    // Only the third use shows the key to the night role, and the error is there.
    assert_eq!(found, vec![("rutin::visibility-leak", 13)], "{found:?}");
}

#[test]
fn group_of_is_checked_for_every_group_it_can_give() {
    let groups = "groups:\n  g_day: {name: D, sees_as: team}\n  g_night: {name: N}\n";
    let body = format!("{groups}fields:\n  key: {{type: text, visible_to: [team]}}\n  night: {{type: boolean}}\n  area: {{type: enum, values: [g_day, g_night]}}\nstart: a\nsteps:\n  a: {{kind: message, title: A, template: t, to: [{{group_of: \"'g_day' if not night else area\"}}], next: z}}\n{END}");
    let found = problems_with_templates("group_of", &body, &[("t", "{{ key }}")]);
    assert_eq!(found, vec![("rutin::visibility-leak", 14)], "{found:?}");
}

#[test]
fn group_of_that_can_give_no_group_id_is_refused() {
    let body = format!("groups:\n  g: {{name: G}}\nfields:\n  n: {{type: integer}}\nstart: a\nsteps:\n  a: {{kind: message, title: A, template: t, to: [{{group_of: n}}], next: z}}\n{END}");
    let found = problems_with_templates("group_of_int", &body, &[("t", "Hej")]);
    assert!(
        found.contains(&("rutin::group-of-unknowable", 11)),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(c, _)| c.contains("visibility")),
        "{found:?}"
    );
}

#[test]
fn comparing_an_enumeration_with_a_value_it_lacks_is_an_error() {
    let body = "fields:\n  answer: {type: enum, values: [ja, nej], required: true}\nstart: a\nsteps:\n  a:\n    kind: decision\n    title: A\n    routes:\n      - when: \"answer == 'Ja'\"\n        to: z\n      - when: \"'nej' == answer or answer in ('ja',)\"\n        to: z\n      - when: \"answer not in ['nej', 'kanske']\"\n        to: z\n      - when: \"answer != 'nej' and answer == answer\"\n        to: z\n      - otherwise: z\n  z: {kind: end, title: Z, outcome: done}\n";
    let found = problems(body);
    assert_eq!(
        found,
        vec![
            ("rutin::unused", 3),
            ("rutin::not-a-value", 12),
            ("rutin::not-a-value", 16)
        ],
        "{found:?}"
    );
}
