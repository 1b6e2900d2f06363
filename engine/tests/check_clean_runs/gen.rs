//! Generated routines: a chain of blocks (tasks, decisions whose conditions
//! read fields, message steps whose templates read fields, waits, events,
//! parallel branches with a join), with deadlines (repeats, messages,
//! escalation tasks, `goto`), `set:` assignments on steps, routes and
//! deadlines, case deadlines and case-wide events. Many check clean; those
//! that do not are left out by the property.

use proptest::prelude::*;

/// The fields every generated routine declares.
const FIELDS: &str = "fields:
  name: {type: text, required: true, example: Anna Andersson}
  day: {type: date, required: true, example: 2026-03-02}
  area: {type: enum, values: [g_a, g_b], required: true, example: g_a}
  ok: {type: boolean, example: true}
  count: {type: integer}
  note: {type: text, example: Ring först}
  plan: {type: date, example: 2026-04-01}
  moved_to: {type: text, example: Nygatan 2}
  secret: {type: text, visible_to: [team], example: K-17}
  tags: {type: list, items: text, example: [a]}
";

const CONDITIONS: &[&str] = &[
    "ok",
    "not ok",
    "area == 'g_a'",
    "(count or 0) > 1",
    "day < '2026-06-01'",
    "plan is not none and plan > day",
    "note is none",
    "date_add(day, '1 month') > today",
    "'a' in (tags or [])",
    "months_between(day, today) >= 1",
];

const SNIPPETS: &[&str] = &[
    "{{ name }}",
    "{{ day | date }}",
    "{% if note %}{{ note }}{% endif %}",
    "{{ group_name(area) }}",
    "{{ plan | date }}",
    "{% if plan %}{{ plan | date }}{% endif %}",
    "{{ note | default('ingen', true) }}",
    "{{ (count or 0) + 1 }}",
    "{{ date_add(day, '2 weeks') | date }}",
    "{% if ok %}ja{% else %}nej{% endif %}",
    "{{ role_name('team') }}",
    "{{ secret }}",
    "{{ moved_to | default('', true) }}",
    "{% for x in range(2) %}{{ x }}{% endfor %}",
    "{{ step.title if step else deadline.id }}",
    "{{ name[0:3] | upper }}",
    "{{ days_between(day, today) }}",
    "{{ recipients | join(', ') }}",
    "{{ tags | join(', ') }}",
    "{{ count + 1 }}",
    "{% set ns = namespace(n=0) %}{% for t in tags or [] %}{% set ns.n = ns.n + 1 %}{% endfor %}{{ ns.n }}",
];

const RECIPIENTS: &[&str] = &[
    "[{role: team}]",
    "[{role: other}]",
    "[{group: g_a}]",
    "[{group_of: area}]",
    "[{group: mail}]",
    "[{role: team}, {role: other, when: ok}]",
    "[{group_of: \"'g_a' if ok else 'g_b'\"}]",
];

const ASSIGNMENTS: &[&str] = &[
    "{count: \"(count or 0) + 1\"}",
    "{plan: \"date_add(day, '2 days')\"}",
    "{ok: \"true\"}",
    "{note: \"name ~ ' ringd'\"}",
    "{plan: today}",
    "{tags: \"(tags or []) + ['b']\"}",
    "{note: none}",
];

const UNTIL: &[&str] = &[
    "date_add(day, '1 week')",
    "plan if plan else day",
    "date_add(today, '3 days')",
    "day",
];

const AFTER: &[&str] = &["1 day", "1 week", "2 working days", "1 month", "1 år"];

/// Times of day a deadline may fall at (`""`: none).
const AT: &[&str] = &["", "08:00", "16:30"];

/// One block of the chain, with its choices.
#[derive(Debug, Clone)]
pub struct Block {
    /// Which kind of block (task, decision, message, wait, event, parallel).
    pub kind: usize,
    /// The choices within the block.
    pub pick: [usize; 4],
    /// A deadline's choices, when the block has one.
    pub deadline: Option<[usize; 5]>,
    /// An assignment on the block's step, when it has one.
    pub set: Option<usize>,
}

/// A generated routine's plan.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The chain of blocks.
    pub blocks: Vec<Block>,
    /// How many of the case-wide events the routine declares.
    pub events: usize,
    /// A case deadline's choices, when the routine has one.
    pub case_deadline: Option<[usize; 5]>,
    /// Whether every message uses one shared template.
    pub shared: bool,
}

fn block() -> impl Strategy<Value = Block> {
    (
        0usize..6,
        prop::array::uniform4(0usize..64),
        prop::option::weighted(0.4, prop::array::uniform5(0usize..64)),
        prop::option::weighted(0.3, 0usize..64),
    )
        .prop_map(|(kind, pick, deadline, set)| Block {
            kind,
            pick,
            deadline,
            set,
        })
}

/// Plans of one to five blocks.
pub fn plan() -> impl Strategy<Value = Plan> {
    (
        prop::collection::vec(block(), 1..6),
        0usize..4,
        prop::option::weighted(0.3, prop::array::uniform5(0usize..64)),
        prop::bool::weighted(0.3),
    )
        .prop_map(|(blocks, events, case_deadline, shared)| Plan {
            blocks,
            events,
            case_deadline,
            shared,
        })
}

fn pick<'a>(list: &[&'a str], i: usize) -> &'a str {
    list[i % list.len()]
}

/// The routine's text and its templates (name, text).
pub struct Generated {
    /// The routine file.
    pub routine: String,
    /// The templates.
    pub templates: Vec<(String, String)>,
}

struct Out {
    steps: String,
    templates: Vec<(String, String)>,
    shared: bool,
}

impl Out {
    /// A template of snippets; its name (`shared` when templates are shared).
    fn template(&mut self, name: String, picks: &[usize]) -> String {
        let name = if self.shared { "shared".into() } else { name };
        let body: Vec<&str> = picks.iter().map(|&p| pick(SNIPPETS, p)).collect();
        let text = format!("Hej!\n{}\n", body.join("\n"));
        match self.templates.iter_mut().find(|(n, _)| *n == name) {
            Some((_, old)) => old.push_str(&text),
            None => self.templates.push((name.clone(), text)),
        }
        name
    }

    fn message(&mut self, id: &str, p: [usize; 4], next: &str) {
        let template = self.template(format!("m_{id}"), &p[..2]);
        let subject = match p[2] % 3 {
            0 => format!(
                "    subject: \"{}\"\n",
                pick(SNIPPETS, p[3]).replace('"', "'")
            ),
            _ => String::new(),
        };
        self.steps.push_str(&format!(
            "  {id}:\n    kind: message\n    title: Meddela {id}\n    template: {template}\n{subject}    to: {}\n    next: {next}\n",
            pick(RECIPIENTS, p[2] / 3)
        ));
    }

    fn deadline(&mut self, id: &str, d: [usize; 5], indent: &str) -> String {
        let mut text = format!(
            "{indent}- id: {id}\n{indent}  after: {}\n",
            pick(AFTER, d[0])
        );
        let at = pick(AT, d[2] / 7);
        if !at.is_empty() {
            text.push_str(&format!("{indent}  at: \"{at}\"\n"));
        }
        match d[1] % 3 {
            0 => text.push_str(&format!("{indent}  repeat: {{every: 1 week, times: 2}}\n")),
            1 => text.push_str(&format!(
                "{indent}  when: \"{}\"\n",
                pick(CONDITIONS, d[1] / 3)
            )),
            _ => {}
        }
        let what = d[2] % 7 + 1;
        if what & 1 != 0 {
            let template = self.template(format!("dm_{id}"), &[d[3], d[4]]);
            text.push_str(&format!(
                "{indent}  message: {{template: {template}, to: {}}}\n",
                pick(RECIPIENTS, d[3] / 7)
            ));
        }
        if what & 2 != 0 {
            text.push_str(&format!(
                "{indent}  task: {{role: other, title: Eskalera {id}, collects: [note]}}\n"
            ));
        }
        if what & 4 != 0 {
            text.push_str(&format!("{indent}  goto: done\n"));
        }
        if d[4].is_multiple_of(3) {
            text.push_str(&format!("{indent}  set: {}\n", pick(ASSIGNMENTS, d[4] / 3)));
        }
        text
    }

    fn extras(&mut self, id: &str, b: &Block) {
        if let Some(set) = b.set {
            self.steps
                .push_str(&format!("    set: {}\n", pick(ASSIGNMENTS, set)));
        }
        if let Some(d) = b.deadline {
            let text = self.deadline(&format!("d_{id}"), d, "      ");
            self.steps.push_str(&format!("    deadlines:\n{text}"));
        }
    }

    fn block(&mut self, i: usize, b: &Block, next: &str) {
        let id = format!("b{i}");
        let p = b.pick;
        match b.kind {
            0 => {
                let collects = pick(&["[]", "[ok]", "[ok, plan]", "[plan]"], p[0]);
                let optional = pick(&["[]", "[note]", "[tags]"], p[1]);
                let role = pick(&["team", "other"], p[2]);
                self.steps.push_str(&format!(
                    "  {id}:\n    kind: task\n    title: Gör {id}\n    role: {role}\n    collects: {collects}\n    optional: {optional}\n    next: {next}\n"
                ));
                self.extras(&id, b);
            }
            1 => self.decision(&id, p, next),
            2 => self.message(&id, p, next),
            3 => {
                self.steps.push_str(&format!(
                    "  {id}:\n    kind: wait\n    title: Vänta {id}\n    until: \"{}\"\n    next: {next}\n",
                    pick(UNTIL, p[0])
                ));
                self.extras(&id, b);
            }
            4 => {
                let collects = pick(&["[]", "[ok]", "[note]"], p[0]);
                let optional = pick(&["[]", "[plan]"], p[1]);
                self.steps.push_str(&format!(
                    "  {id}:\n    kind: event\n    title: Vänta på {id}\n    event: e_{id}\n    from: other\n    collects: {collects}\n    optional: {optional}\n    next: {next}\n"
                ));
                self.extras(&id, b);
            }
            _ => self.parallel(&id, p, next),
        }
    }

    fn decision(&mut self, id: &str, p: [usize; 4], next: &str) {
        let (route, side) = match p[0] % 4 {
            // Back to the first step, counted: a loop that waits when the
            // first step waits (otherwise check refuses it).
            0 => (
                "      - when: \"(count or 0) < 2\"\n        to: b0\n        set: {count: \"(count or 0) + 1\"}\n".to_string(),
                false,
            ),
            _ => (
                format!(
                    "      - when: \"{}\"\n        to: {id}_side\n",
                    pick(CONDITIONS, p[1])
                ),
                true,
            ),
        };
        let set = match p[3] % 3 {
            0 => format!("        set: {}\n", pick(ASSIGNMENTS, p[3] / 3)),
            _ => String::new(),
        };
        self.steps.push_str(&format!(
            "  {id}:\n    kind: decision\n    title: Välj {id}\n    routes:\n{route}      - otherwise: {next}\n{set}"
        ));
        if side {
            self.message(&format!("{id}_side"), [p[2], p[3], p[1], p[0]], next);
        }
    }

    fn parallel(&mut self, id: &str, p: [usize; 4], next: &str) {
        self.steps.push_str(&format!(
            "  {id}:\n    kind: parallel\n    title: Dela {id}\n    branches: [{id}_x, {id}_y]\n    join: {id}_j\n"
        ));
        let role = pick(&["team", "other"], p[0]);
        self.steps.push_str(&format!(
            "  {id}_x:\n    kind: task\n    title: Gren {id}\n    role: {role}\n    collects: {}\n    next: {id}_j\n",
            pick(&["[]", "[ok]", "[plan]"], p[1])
        ));
        if p[2].is_multiple_of(2) {
            self.message(
                &format!("{id}_y"),
                [p[3], p[1], p[2] / 2, p[0]],
                &format!("{id}_j"),
            );
        } else {
            self.steps.push_str(&format!(
                "  {id}_y:\n    kind: event\n    title: Svar {id}\n    event: e_{id}\n    next: {id}_j\n"
            ));
        }
        self.steps.push_str(&format!(
            "  {id}_j:\n    kind: join\n    title: Möts {id}\n    next: {next}\n"
        ));
    }
}

const EVENTS: &str = "events:
  withdrawn: {title: Återkallat, from: other, outcome: withdrawn}
  moved:
    title: Flyttat
    collects: [moved_to]
    set: {count: \"(count or 0) + 1\"}
    goto: b0
";

/// The routine of a plan.
pub fn generate(plan: &Plan) -> Generated {
    let mut out = Out {
        steps: String::new(),
        templates: Vec::new(),
        shared: plan.shared,
    };
    let n = plan.blocks.len();
    for (i, b) in plan.blocks.iter().enumerate() {
        let next = if i + 1 < n {
            format!("b{}", i + 1)
        } else {
            "done".into()
        };
        out.block(i, b, &next);
    }
    out.steps
        .push_str("  done: {kind: end, title: Klart, outcome: done}\n");
    let deadlines = match plan.case_deadline {
        Some(d) => format!("deadlines:\n{}", out.deadline("case_d", d, "  ")),
        None => String::new(),
    };
    let events = match plan.events {
        0 => String::new(),
        1 => EVENTS.lines().take(2).map(|l| format!("{l}\n")).collect(),
        _ => EVENTS.to_string(),
    };
    let routine = format!(
        "routine: {{id: generated, version: 1, title: Genererad}}
templates: templates
roles:
  team: {{name: Teamet}}
  other: {{name: Andra}}
groups:
  g_a: {{name: Grupp A, sees_as: team}}
  g_b: {{name: Grupp B, sees_as: other}}
  mail: {{name: Mail}}
{FIELDS}{events}{deadlines}start: b0
steps:
{}",
        out.steps
    );
    Generated {
        routine,
        templates: out.templates,
    }
}
