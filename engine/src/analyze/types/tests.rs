//! One test per type rule, the chain limit and endless repeats: each finds
//! its problem, and the runtime fails exactly where the check says it would.

use std::path::Path;

use serde_json::json;

use crate::analyze::check_text;
use crate::run::{Case, MAX_STEPS_PER_INSTANT};

const HEAD: &str = "routine: {id: r, version: 1, title: R}
roles:
  team: {name: Team}
groups:
  north: {name: Norr}
fields:
  name: {type: text, required: true, example: A}
  day: {type: date, required: true, example: 2026-01-05}
  area: {type: enum, values: [north, south], required: true, example: north}
  zone: {type: enum, values: [north], required: true, example: north}
  span: {type: period, required: true, example: {from: 2026-01-01, to: 2026-02-01}}
start: a
steps:
";

/// The codes found for a routine whose decision `a` routes on `when`.
fn codes_for_condition(when: &str) -> Vec<&'static str> {
    let text = format!(
        "{HEAD}  a:\n    kind: decision\n    title: A\n    routes:\n      - when: \"{when}\"\n        to: z\n      - otherwise: z\n  z: {{kind: end, title: Z, outcome: done}}\n"
    );
    check_text(Path::new("t.yaml"), &text)
        .diagnostics
        .iter()
        .filter(|d| d.problem.code() != "rutin::unused")
        .map(|d| d.problem.code())
        .collect()
}

#[test]
fn a_date_function_on_a_text_field_is_an_error() {
    for when in [
        "date_add(name, '1 day') > today",
        "date_sub(area, '1 day') > today",
        "days_between(day, name) > 1",
        "is_working_day(name)",
        "periods_gap(span, day)",
    ] {
        assert_eq!(
            codes_for_condition(when),
            vec!["rutin::wrong-argument-type"],
            "{when}"
        );
    }
    for when in [
        "date_add(day, '1 day') > today",
        "days_between(span.from, today) > 1",
        "is_working_day(date_sub(today, '2 days'))",
        "periods_overlap(span, span)",
    ] {
        assert!(codes_for_condition(when).is_empty(), "{when}");
    }
}

#[test]
fn a_malformed_date_literal_is_an_error() {
    for when in [
        "day < '2026-13-01'",
        "day >= '2026-2-1'",
        "today == '1 maj'",
        "date_add('2026-02-30', '1 day') > today",
    ] {
        assert_eq!(
            codes_for_condition(when),
            vec!["rutin::bad-date-literal"],
            "{when}"
        );
    }
    assert!(codes_for_condition("day < '2026-12-01'").is_empty());
    assert!(codes_for_condition("name == 'x'").is_empty());
}

#[test]
fn names_that_are_not_ids_are_errors() {
    assert_eq!(
        codes_for_condition("role_name('taem') == 'Team'"),
        vec!["rutin::unknown-reference"]
    );
    assert_eq!(
        codes_for_condition("group_name(area) == 'Norr'"),
        vec!["rutin::value-without-group"]
    );
    assert!(codes_for_condition("group_name(zone) == 'Norr'").is_empty());
    assert!(codes_for_condition("role_name('team') == 'Team'").is_empty());
    // A text field may hold an id: that depends on the case, not the routine.
    assert!(codes_for_condition("group_name(name) == 'Norr'").is_empty());
}

/// A routine whose start leads through `n` decisions to a task.
fn chain(n: usize) -> String {
    let mut text = String::from(
        "routine: {id: c, version: 1, title: C}\nroles:\n  team: {name: Team}\nstart: s0\nsteps:\n",
    );
    for i in 0..n {
        text.push_str(&format!(
            "  s{i}: {{kind: decision, title: S, routes: [{{otherwise: s{}}}]}}\n",
            i + 1
        ));
    }
    text.push_str(&format!(
        "  s{n}: {{kind: task, title: T, role: team, next: z}}\n  z: {{kind: end, title: Z, outcome: done}}\n"
    ));
    text
}

#[test]
fn the_chain_limit_is_the_runtimes_to_the_step() {
    let limit = MAX_STEPS_PER_INSTANT as usize;
    // n decisions and the task: n + 1 steps entered at the start.
    for (n, fits) in [(limit - 1, true), (limit, false)] {
        let checked = check_text(Path::new("c.yaml"), &chain(n));
        let codes: Vec<_> = checked
            .diagnostics
            .iter()
            .map(|d| d.problem.code())
            .collect();
        assert_eq!(codes.is_empty(), fits, "{n}: {codes:?}");
        if !fits {
            assert_eq!(codes, vec!["rutin::chain-too-long"]);
        }
        // What the runtime does with the same chain (checked or not).
        let text = chain(n);
        let file = std::sync::Arc::new(crate::source::SourceFile::new("c.yaml", text.as_str()));
        let routine = checked
            .routine
            .or_else(|| unchecked(file))
            .unwrap_or_else(|| panic!("the chain routine resolves"));
        let at = chrono::NaiveDate::from_ymd_opt(2026, 1, 5)
            .and_then(|d| d.and_hms_opt(8, 0, 0))
            .unwrap_or_default();
        let started = Case::start(&routine, "c", json!({}), at);
        assert_eq!(started.is_ok(), fits, "{n}");
    }
}

/// The routine of a file with errors, built anyway (for the runtime side).
fn unchecked(file: std::sync::Arc<crate::source::SourceFile>) -> Option<crate::model::Routine> {
    let mut sink = crate::diagnostic::Sink::new(file);
    let raw = crate::load::routine_file(&mut sink)?;
    let mut extra = Vec::new();
    super::super::resolve::resolve(&mut sink, &mut extra, &raw, &crate::files::DiskFiles)
        .into_routine()
}

#[test]
fn a_parallel_counts_every_branch_and_the_steps_after_the_join_once() {
    let limit = MAX_STEPS_PER_INSTANT as usize;
    let half = limit / 2;
    let mut text = String::from(
        "routine: {id: p, version: 1, title: P}\nroles:\n  team: {name: Team}\nstart: split\nsteps:\n  split: {kind: parallel, title: P, branches: [a0, b0], join: j}\n",
    );
    for side in ["a", "b"] {
        for i in 0..half {
            let next = if i + 1 < half {
                format!("{side}{}", i + 1)
            } else {
                "j".into()
            };
            text.push_str(&format!(
                "  {side}{i}: {{kind: decision, title: S, routes: [{{otherwise: {next}}}]}}\n"
            ));
        }
    }
    text.push_str(
        "  j: {kind: join, title: J, next: z}\n  z: {kind: end, title: Z, outcome: done}\n",
    );
    let checked = check_text(Path::new("p.yaml"), &text);
    let found: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| d.problem.code() == "rutin::chain-too-long")
        .map(|d| d.problem.to_string())
        .collect();
    // 1 split + 2 × half branch steps + 2 join arrivals + the end.
    assert_eq!(found.len(), 1, "{:?}", checked.diagnostics);
    assert!(
        found[0].contains(&format!("up to {} steps", 2 * half + 4)),
        "{}",
        found[0]
    );
    // The runtime refuses it too.
    let file = std::sync::Arc::new(crate::source::SourceFile::new("p.yaml", text.as_str()));
    let routine = unchecked(file).unwrap_or_else(|| panic!("resolves"));
    assert!(Case::start(&routine, "p", json!({}), chrono::NaiveDateTime::default()).is_err());
}

#[test]
fn a_repeat_without_times_is_a_warning_that_says_how_the_journal_grows() {
    let text = "routine: {id: r, version: 1, title: R}\nroles:\n  team: {name: Team}\nstart: a\nsteps:\n  a:\n    kind: task\n    title: A\n    role: team\n    next: z\n    deadlines:\n      - {id: nag, after: 1 week, repeat: {every: 1 week}, task: {role: team, title: N}}\n  z: {kind: end, title: Z, outcome: done}\n";
    let checked = check_text(Path::new("r.yaml"), text);
    let warnings: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| d.problem.code() == "rutin::repeat-forever")
        .map(|d| d.problem.to_string())
        .collect();
    assert_eq!(warnings.len(), 1, "{:?}", checked.diagnostics);
    // fired + armed + the task = 3 entries a week: about 156 a year.
    assert!(
        warnings[0].contains("3 entries per repeat, about 156 a year"),
        "{}",
        warnings[0]
    );
    assert!(!checked.has_errors());
    let bounded = text.replace("{every: 1 week}", "{every: 1 week, times: 3}");
    assert!(check_text(Path::new("r.yaml"), &bounded)
        .diagnostics
        .is_empty());
}

/// The codes of a template text, with `opt` a date field that may be unset
/// and `day` one that is always set.
fn template_codes(source: &str) -> Vec<&'static str> {
    let mut opt = crate::run::tests::fixture::field("opt", crate::model::FieldType::Date);
    opt.required = false;
    let mut day = crate::run::tests::fixture::field("day", crate::model::FieldType::Date);
    day.required = true;
    let fields = vec![opt, day];
    let facts = super::walk::Facts {
        fields: &fields,
        roles: Vec::new(),
        groups: Vec::new(),
        maybe_unset: ["opt"].into_iter().collect(),
        together: Default::default(),
    };
    let template = crate::model::Template {
        name: "t".into(),
        path: "t.j2".into(),
        source: source.into(),
        fields_used: Vec::new(),
    };
    super::template_problems(&Default::default(), &facts, &template)
        .iter()
        .map(|d| d.problem.code())
        .collect()
}

#[test]
fn an_optional_field_needs_a_guard_where_none_fails() {
    for bare in [
        "{{ opt | date }}",
        "{{ date_add(opt, '1 day') }}",
        "{% for x in [1] %}{{ opt | date }}{% endfor %}",
        "{% if day %}{{ opt | date }}{% endif %}",
        "{{ opt + 1 }}",
        "{{ 2 * opt }}",
        "{{ opt // 2 }}",
    ] {
        assert_eq!(
            template_codes(bare),
            vec!["rutin::unguarded-optional"],
            "{bare}"
        );
    }
    for guarded in [
        "{{ day | date }}",
        "{{ opt }}",
        "{% if opt %}{{ opt | date }}{% endif %}",
        "{% if opt is not none %}{{ date_add(opt, '1 day') | date }}{% endif %}",
        "{% if opt is none %}saknas{% else %}{{ opt | date }}{% endif %}",
        "{{ opt | date if opt else 'saknas' }}",
        "{{ opt and opt | date }}",
        "{{ opt | default(day) | date }}",
        "{{ (opt or 0) + 1 }}",
        "{% if opt %}{{ opt + 1 }}{% endif %}",
        "{{ day ~ '!' }}",
    ] {
        assert!(template_codes(guarded).is_empty(), "{guarded}");
    }
}
