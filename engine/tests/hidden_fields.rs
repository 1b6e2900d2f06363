//! The rule to keep, as a property: routines whose templates read a hidden
//! field through random Jinja constructs (plain, attribute, subscript, `attr`,
//! slices, `set`/`with`, loops, macros, namespaces, includes of a generated
//! file, whitespace-control tags, filters, conditionals), sent to a recipient
//! who may or may not see it. Either `rutin check` refuses the routine, or it
//! runs — every message is sent — and no message for a recipient who may not
//! see the field holds the secret value or a recognisable piece of it.

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::json;

use rutin::run::journal::Record;
use rutin::run::{run_schedule, Case};

/// The hidden value: letters that appear nowhere else in the generated text.
const SECRET: &str = "QXJ7WVK3";

/// Reads of the secret in a message template (`{}` is where a snippet puts it).
const MESSAGE_READS: &[&str] = &[
    "secret",
    "secret[0:4]",
    "secret[2:]",
    "secret[::2]",
    "secret | upper",
    "secret | lower | trim",
    "(secret ~ '.')",
    "(secret if n > 0 else '')",
    "[secret][0]",
    "{'k': secret}['k']",
    "{'k': secret}.k",
    "(secret | list | first)",
    "secret | replace('Q', 'q')",
];

/// Reads of the secret from a report's case `c`; some cannot be known
/// statically and must be refused.
const CASE_READS: &[&str] = &[
    "c.secret",
    "c['secret']",
    "c | attr('secret')",
    "c.secret[0:4]",
    "c['sec' ~ 'ret']",
    "c | attr('sec' ~ 'ret')",
    "(c.secret | upper)",
];

/// Reads of a field everyone may see (so that some routines check clean).
const PUBLIC_READS: &[&str] = &["pub_text", "pub_text[0:3]", "n", "pub_text | upper"];

/// Statements around a read `{}` in a message template.
const MESSAGE_WRAPPERS: &[&str] = &[
    "{{ {} }}",
    "{% if n > 0 %}{{ {} }}{% endif %}",
    "{% if n < 0 %}-{% else %}{{ {} }}{% endif %}",
    "{% set v = {} %}{{ v }}",
    "{% with v = {} %}{{ v }}{% endwith %}",
    "{% for x in [{}] %}{{ x }}{% endfor %}",
    "{% macro m(a) %}{{ a }}{% endmacro %}{{ m({}) }}",
    "{% set ns = namespace(v='') %}{% set ns.v = {} %}{{ ns.v }}",
    "{% filter upper %}{{ {} }}{% endfilter %}",
    "{% set v %}{{ {} }}{% endset %}{{ v }}",
    "{% for i in range(2) %}{{ {} }}{% endfor %}",
    "{% include 'inc.j2' %}",
];

/// Statements around a case read `{}` in a report template.
const REPORT_WRAPPERS: &[&str] = &[
    "{% for c in cases %}{{ {} }}{% endfor %}",
    "{% for c in cases | sort(attribute='n') %}{% if loop.first %}{{ {} }}{% endif %}{% endfor %}",
    "{% macro show(c) %}{{ {} }}{% endmacro %}{% for c in cases %}{{ show(c) }}{% endfor %}",
    "{% set ns = namespace(c=none) %}{% for x in cases %}{% set ns.c = x %}{% endfor %}{% with c = ns.c %}{{ {} }}{% endwith %}",
    "{% with c = cases | first %}{{ {} }}{% endwith %}",
    "{% set c = cases[0] %}{{ {} }}",
    "{{ cases | map(attribute='secret') | join(', ') }}",
    "{% for c in cases %}{% include 'inc.j2' %}{% endfor %}",
];

/// Who a message goes to, and whether every recipient may see the secret.
const RECIPIENTS: &[(&str, bool)] = &[
    ("[{role: team}]", true),
    ("[{role: night}]", false),
    ("[{group: g_night}]", false),
    ("[{group: g_team}]", true),
    ("[{role: team}, {group: g_open}]", false),
    (
        "[{group_of: \"'g_team' if n > 100 else 'g_night'\"}]",
        false,
    ),
    ("[{group_of: area}]", false),
];

/// One generated piece of a template.
#[derive(Debug, Clone)]
struct Piece {
    wrapper: usize,
    read: usize,
    public: bool,
    /// 0: `{%`, 1: `{%-`, 2: `{%+`; the same for the closing side with `-%}`.
    whitespace: usize,
}

fn piece() -> impl Strategy<Value = Piece> {
    (0usize..64, 0usize..64, prop::bool::weighted(0.3), 0usize..3).prop_map(
        |(wrapper, read, public, whitespace)| Piece {
            wrapper,
            read,
            public,
            whitespace,
        },
    )
}

fn pick<'a>(list: &[&'a str], i: usize) -> &'a str {
    list[i % list.len()]
}

/// Applies whitespace control to every tag of a snippet.
fn whitespace(text: &str, mode: usize) -> String {
    match mode {
        1 => text
            .replace("{%", "{%-")
            .replace("%}", "-%}")
            .replace("{{", "{{-"),
        2 => text.replace("{%", "{%+"),
        _ => text.to_owned(),
    }
}

/// The text of one piece, and the read it puts in the included file.
fn render_piece(p: &Piece, report: bool) -> (String, String) {
    let (wrappers, reads) = match (report, p.public) {
        (false, false) => (MESSAGE_WRAPPERS, MESSAGE_READS),
        (true, false) => (REPORT_WRAPPERS, CASE_READS),
        (false, true) => (MESSAGE_WRAPPERS, PUBLIC_READS),
        (true, true) => (REPORT_WRAPPERS, &["c.pub_text", "c['n']"][..]),
    };
    let read = pick(reads, p.read);
    let text = pick(wrappers, p.wrapper).replace("{}", read);
    (whitespace(&text, p.whitespace), format!("{{{{ {read} }}}}"))
}

#[derive(Debug, Clone)]
struct Generated {
    message: Vec<Piece>,
    subject: Option<Piece>,
    report: Vec<Piece>,
    to: usize,
    report_to: usize,
}

fn generated() -> impl Strategy<Value = Generated> {
    (
        prop::collection::vec(piece(), 1..4),
        prop::option::of(piece()),
        prop::collection::vec(piece(), 1..3),
        0usize..RECIPIENTS.len(),
        0usize..RECIPIENTS.len(),
    )
        .prop_map(|(message, subject, report, to, report_to)| Generated {
            message,
            subject,
            report,
            to,
            report_to,
        })
}

fn routine_text(g: &Generated, subject: Option<&str>) -> String {
    let subject = subject.map_or(String::new(), |s| {
        format!("    subject: \"{}\"\n", s.replace('"', "'"))
    });
    let to = RECIPIENTS[g.to].0;
    // A schedule's recipients may not depend on case data.
    let report_to = match RECIPIENTS[g.report_to].0 {
        r if r.contains("group_of") => "[{role: night}]",
        r => r,
    };
    format!(
        "routine: {{id: generated, version: 1, title: Generated}}
templates: templates
roles:
  team: {{name: Team}}
  night: {{name: Night}}
groups:
  g_team: {{name: GT, sees_as: team}}
  g_night: {{name: GN, sees_as: night}}
  g_open: {{name: GO}}
fields:
  secret: {{type: text, required: true, visible_to: [team]}}
  pub_text: {{type: text, required: true}}
  n: {{type: integer, required: true}}
  area: {{type: enum, required: true, values: [g_team, g_night]}}
start: send
steps:
  send:
    kind: message
    title: Send
    template: body
{subject}    to: {to}
    next: follow_up
  follow_up: {{kind: task, title: Follow up, role: team, next: done}}
  done: {{kind: end, title: Done, outcome: done}}
schedules:
  report:
    title: Report
    every: 1 month
    select: \"n > 0\"
    message: {{template: report, to: {report_to}}}
"
    )
}

/// Whether `text` holds the secret or a recognisable piece of it (any four
/// letters in a row, in any case).
fn shows_secret(text: &str) -> bool {
    let text = text.to_uppercase();
    let chars: Vec<char> = SECRET.chars().collect();
    chars
        .windows(4)
        .any(|w| text.contains(&w.iter().collect::<String>()))
}

fn data() -> serde_json::Value {
    json!({"secret": SECRET, "pub_text": "Storgatan", "n": 3, "area": "g_night"})
}

/// Asserts the rule for one message: if any recipient may not see the
/// secret, the secret is not in it.
fn no_leak(m: &rutin::run::journal::Message, text: &str) -> Result<(), TestCaseError> {
    let all_see =
        m.to.iter()
            .chain(&m.cc)
            .all(|a| a.sees_as.as_deref() == Some("team"));
    if !all_see {
        let shown = format!("{}\n{}", m.subject.as_deref().unwrap_or_default(), m.body);
        prop_assert!(
            !shows_secret(&shown),
            "message `{}` to {:?} shows the secret:\n{shown}\n--- routine:\n{text}",
            m.template,
            m.to.iter().chain(&m.cc).map(|a| &a.id).collect::<Vec<_>>()
        );
    }
    Ok(())
}

fn check_one(g: &Generated) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("templates")).expect("templates dir");
    let mut include = String::from("Hej");
    let mut body = String::from("Hej\n");
    for p in &g.message {
        let (text, inc) = render_piece(p, false);
        body.push_str(&text);
        body.push('\n');
        include = inc;
    }
    let mut report = String::from("Rapport\n");
    for p in &g.report {
        let (text, inc) = render_piece(p, true);
        report.push_str(&text);
        report.push('\n');
        if text.contains("include") {
            include = inc;
        }
    }
    let subject = g.subject.as_ref().map(|p| render_piece(p, false).0);
    let text = routine_text(g, subject.as_deref());
    let files = [
        ("body.j2", &body),
        ("report.j2", &report),
        ("inc.j2", &include),
    ];
    for (name, content) in files {
        std::fs::write(dir.path().join("templates").join(name), content).expect("write");
    }
    let path = dir.path().join("routine.yaml");
    std::fs::write(&path, &text).expect("write routine");
    let checked = rutin::check_routine(&path);
    let Some(routine) = checked.routine else {
        // Refused: the rule holds.
        return Ok(());
    };
    let shown = format!("{text}\n--- body:\n{body}\n--- report:\n{report}\n--- inc:\n{include}");
    let at = NaiveDate::from_ymd_opt(2026, 3, 2)
        .and_then(|d| d.and_hms_opt(8, 0, 0))
        .expect("date");
    // What check passes must run: the message is sent.
    let started = Case::start(&routine, "P-1", data(), at);
    prop_assert!(started.is_ok(), "{:?}\n{shown}", started.err());
    let Ok((case, _)) = started else {
        return Ok(());
    };
    let mut sent = 0;
    for entry in case.journal() {
        if let Record::MessageSent(m) = &entry.record {
            sent += 1;
            no_leak(m, &shown)?;
        }
    }
    prop_assert_eq!(sent, 1, "{}", shown);
    let later = at + chrono::Duration::days(40);
    let run = run_schedule(&routine, "report", &[&case], later);
    prop_assert!(run.is_ok(), "{:?}\n{shown}", run.err());
    if let Ok(run) = run {
        prop_assert!(run.message.is_some(), "no report\n{}", shown);
        if let Some(m) = &run.message {
            no_leak(m, &shown)?;
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn a_hidden_field_reaches_no_one_who_may_not_see_it(g in generated()) {
        check_one(&g)?;
    }
}

/// The generator is not vacuous: it makes routines that check clean and
/// send the secret to the team, and others that read it for the night and
/// are refused.
#[test]
fn the_generator_makes_both_clean_and_refused_routines() {
    let piece = |wrapper, read, public| Piece {
        wrapper,
        read,
        public,
        whitespace: 0,
    };
    let team = Generated {
        message: vec![piece(0, 0, false)],
        subject: None,
        report: vec![piece(0, 0, true)],
        to: 0,
        report_to: 0,
    };
    check_one(&team).expect("team may see it");
    let night = Generated { to: 1, ..team };
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("templates")).expect("templates dir");
    let (body, _) = render_piece(&night.message[0], false);
    std::fs::write(dir.path().join("templates/body.j2"), body).expect("write");
    std::fs::write(
        dir.path().join("templates/report.j2"),
        "{% for c in cases %}{{ c.n }}{% endfor %}",
    )
    .expect("write");
    std::fs::write(dir.path().join("routine.yaml"), routine_text(&night, None)).expect("write");
    let checked = rutin::check_routine(&dir.path().join("routine.yaml"));
    assert!(
        checked.has_errors(),
        "reading the secret for the night must be refused"
    );
    assert!(checked
        .diagnostics
        .iter()
        .any(|d| d.problem.code() == "rutin::visibility-leak"));
}
