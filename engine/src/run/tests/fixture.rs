//! A fixture routine built in Rust, exercising every construct of the
//! format: a task with collects, a decision with routes and a default, a
//! loop back, a message with role / group / group_of / conditional
//! recipients and a copy, an event step, a wait step, parallel and join, two
//! end steps, a step deadline with repeats and an escalation task, an
//! interrupting goto, case deadlines counted from a date field with a
//! condition, a field only one role may see, and a schedule.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{NaiveDate, NaiveDateTime};

use crate::calendar::Duration;
use crate::model::*;
use crate::run::{Case, RunError};

pub(crate) fn t(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(h, 0, 0))
        .unwrap_or_else(|| panic!("bad test time {y}-{m}-{d} {h}"))
}

pub(crate) fn dur(text: &str) -> Duration {
    Duration::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

pub(crate) fn expr(text: &str) -> Expr {
    Expr(text.to_string())
}

pub(crate) fn field(id: &str, ty: FieldType) -> Field {
    Field {
        id: id.into(),
        ty,
        required: false,
        description: None,
        example: None,
        visibility: Visibility::Everyone,
        rules: crate::model::Rules::default(),
        local_choice: None,
        name: None,
        groups: Default::default(),
    }
}

pub(crate) fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

pub(crate) fn next(to: &str) -> Vec<Route> {
    vec![Route {
        set: Vec::new(),
        when: None,
        to: to.into(),
        local_choice: None,
        title: None,
    }]
}

pub(crate) fn step(id: &str, kind: StepKind, routes: Vec<Route>) -> Step {
    Step {
        set: Vec::new(),
        id: id.into(),
        title: format!("Steg {id}"),
        instructions: None,
        source: Vec::new(),
        kind,
        routes,
        deadlines: Vec::new(),
        local_choice: None,
    }
}

pub(crate) fn task(
    id: &str,
    role: &str,
    collects: &[&str],
    optional: &[&str],
    routes: Vec<Route>,
) -> Step {
    step(
        id,
        StepKind::Task {
            role: role.into(),
            collects: strings(collects),
            optional: strings(optional),
            documents: Vec::new(),
        },
        routes,
    )
}

pub(crate) fn role(to: &str) -> Recipient {
    Recipient {
        target: RecipientTarget::Role(to.into()),
        when: None,
        title: None,
    }
}

pub(crate) fn group(to: &str) -> Recipient {
    Recipient {
        target: RecipientTarget::Group(to.into()),
        when: None,
        title: None,
    }
}

pub(crate) fn message(template: &str, to: Vec<Recipient>) -> MessageSpec {
    MessageSpec {
        template: template.into(),
        subject: None,
        to,
        cc: Vec::new(),
        from: None,
        local_choice: None,
    }
}

pub(crate) fn deadline(id: &str, after: &str) -> Deadline {
    Deadline {
        set: Vec::new(),
        id: id.into(),
        after: dur(after),
        from: DeadlineStart::StepStart,
        when: None,
        repeat: None,
        message: None,
        task: None,
        goto: None,
        source: Vec::new(),
        local_choice: None,
        title: None,
        at: None,
    }
}

pub(crate) fn template(name: &str, source: &str) -> (String, Template) {
    (
        name.to_string(),
        Template {
            name: name.into(),
            path: format!("templates/{name}.j2").into(),
            source: source.into(),
            fields_used: Vec::new(),
        },
    )
}

/// A routine with the given steps and nothing else (roles and groups of the fixture).
pub(crate) fn bare(start: &str, steps: Vec<Step>) -> Routine {
    let mut r = routine();
    r.meta.id = "bare".into();
    r.start = start.into();
    r.steps = steps;
    r.deadlines = Vec::new();
    r.schedules = Vec::new();
    r
}

/// A routine whose `work` task (optional `key_number` and `note`) is
/// followed by a message of the template `source` to `to`, then the end.
pub(crate) fn message_routine(source: &str, subject: Option<&str>, to: Vec<Recipient>) -> Routine {
    let mut spec = message("t", to);
    spec.subject = subject.map(str::to_string);
    let mut r = bare(
        "work",
        vec![
            task(
                "work",
                "alarm_team",
                &[],
                &["key_number", "note"],
                next("tell"),
            ),
            step("tell", StepKind::Message(spec), next("done")),
            step(
                "done",
                StepKind::End {
                    outcome: "done".into(),
                },
                Vec::new(),
            ),
        ],
    );
    r.templates.insert("t".into(), template("t", source).1);
    r
}

/// The fixture routine.
pub(crate) fn routine() -> Routine {
    let roles = [
        ("alarm_team", "Larmgruppen"),
        ("assessor", "Biståndshandläggare"),
        ("alarm_assessor", "Larmhandläggare"),
        ("fee_admin", "Avgiftshandläggare"),
        ("coordinator_day", "Samordnare dag"),
        ("coordinator_night", "Samordnare natt"),
    ]
    .into_iter()
    .map(|(id, name)| {
        (
            id.to_string(),
            Role {
                id: id.into(),
                name: name.into(),
                description: None,
                local_choice: None,
            },
        )
    })
    .collect();
    let groups = [
        (
            "night_patrol_mail",
            "Nattpatrull utökad",
            Some("nattpatrull@kommun.se"),
            Some("coordinator_night"),
        ),
        ("saltis", "Saltisgruppen", Some("saltis@kommun.se"), None),
        ("boo", "Boogruppen", None, Some("alarm_team")),
    ]
    .into_iter()
    .map(|(id, name, address, sees_as)| {
        (
            id.to_string(),
            Group {
                id: id.into(),
                name: name.into(),
                address: address.map(str::to_string),
                description: None,
                sees_as: sees_as.map(str::to_string),
            },
        )
    })
    .collect();

    let mut decision_date = field("decision_date", FieldType::Date);
    decision_date.required = true;
    let mut area_group = field(
        "area_group",
        FieldType::Enum {
            values: strings(&["saltis", "boo"]),
        },
    );
    area_group.required = true;
    let mut key_number = field("key_number", FieldType::Text);
    key_number.visibility = Visibility::Roles(BTreeSet::from(["alarm_team".to_string()]));
    let fields = vec![
        decision_date,
        area_group,
        field("order_ok", FieldType::Boolean),
        field("note", FieldType::Text),
        field("comment", FieldType::Text),
        field("keys_needed", FieldType::Boolean),
        field("install_date", FieldType::Date),
        field("installed", FieldType::Boolean),
        key_number,
        field("decision_period", FieldType::Period),
        field(
            "keys",
            FieldType::List {
                items: Box::new(FieldType::Text),
            },
        ),
        field("escalation_note", FieldType::Text),
        field("visits", FieldType::Integer),
    ];

    let check_order = step(
        "check_order",
        StepKind::Decision,
        vec![
            Route {
                set: Vec::new(),
                when: Some(expr("order_ok")),
                to: "call_client".into(),
                local_choice: None,
                title: None,
            },
            Route {
                set: Vec::new(),
                when: None,
                to: "send_back".into(),
                local_choice: None,
                title: None,
            },
        ],
    );

    let mut send_back_msg = message(
        "send_back",
        vec![
            role("assessor"),
            Recipient {
                target: RecipientTarget::GroupOf {
                    expr: expr("area_group"),
                    candidates: strings(&["saltis", "boo"]),
                },
                when: None,
                title: None,
            },
        ],
    );
    send_back_msg.subject = Some("Rätta beställning {{ case.id }}".into());
    let send_back = step(
        "send_back",
        StepKind::Message(send_back_msg),
        next("wait_correction"),
    );

    let mut wait_correction = step(
        "wait_correction",
        StepKind::Event {
            event: "order_corrected".into(),
            from: Some("assessor".into()),
            collects: strings(&["order_ok"]),
            optional: strings(&["comment"]),
        },
        next("check_order"),
    );
    let mut no_answer = deadline("no_answer", "2 weeks");
    no_answer.repeat = Some(Repeat {
        every: dur("1 week"),
        times: Some(2),
    });
    no_answer.message = Some(message("reminder", vec![role("assessor")]));
    no_answer.task = Some(EscalationTask {
        role: "alarm_assessor".into(),
        title: "Kontakta ordinarie handläggare".into(),
        instructions: None,
        collects: strings(&["escalation_note"]),
    });
    let mut give_up = deadline("give_up", "6 weeks");
    give_up.goto = Some("cancelled".into());
    wait_correction.deadlines = vec![no_answer, give_up];

    let mut call_client = task(
        "call_client",
        "alarm_team",
        &["keys_needed", "install_date"],
        &["key_number", "keys"],
        next("install"),
    );
    let mut call_reminder = deadline("call_reminder", "2 working days");
    call_reminder.message = Some(message("reminder", vec![role("alarm_team")]));
    call_client.deadlines = vec![call_reminder];

    let mut install = task(
        "install",
        "alarm_team",
        &["installed"],
        &["key_number"],
        vec![
            Route {
                set: Vec::new(),
                when: Some(expr("installed")),
                to: "notify_installed".into(),
                local_choice: None,
                title: None,
            },
            Route {
                set: Vec::new(),
                when: None,
                to: "call_client".into(),
                local_choice: None,
                title: None,
            },
        ],
    );
    let mut key_info = deadline("key_info", "1 week");
    key_info.when = Some(expr("keys_needed"));
    key_info.message = Some(message("key_info", vec![role("alarm_team")]));
    install.deadlines = vec![key_info];

    let notify = MessageSpec {
        template: "installed".into(),
        subject: Some("Larm installerat {{ install_date | date }}".into()),
        to: vec![
            role("fee_admin"),
            group("night_patrol_mail"),
            Recipient {
                target: RecipientTarget::GroupOf {
                    expr: expr("area_group"),
                    candidates: strings(&["saltis", "boo"]),
                },
                when: None,
                title: None,
            },
            Recipient {
                target: RecipientTarget::Role("assessor".into()),
                when: Some(expr("area_group != 'boo'")),
                title: None,
            },
        ],
        cc: vec![role("coordinator_day")],
        from: None,
        local_choice: None,
    };
    let notify_installed = step(
        "notify_installed",
        StepKind::Message(notify),
        next("execute"),
    );

    let execute = step(
        "execute",
        StepKind::Parallel {
            branches: strings(&["register_day", "register_night"]),
            join: "both_registered".into(),
        },
        Vec::new(),
    );
    let register_day = task(
        "register_day",
        "coordinator_day",
        &[],
        &[],
        next("both_registered"),
    );
    let register_night = task(
        "register_night",
        "coordinator_night",
        &[],
        &[],
        next("both_registered"),
    );
    let both_registered = step("both_registered", StepKind::Join, next("wait_followup"));
    let wait_followup = step(
        "wait_followup",
        StepKind::Wait {
            until: expr("date_add(install_date, '1 month')"),
        },
        next("followup"),
    );
    let followup = task("followup", "alarm_team", &["visits"], &[], next("done"));
    let done = step(
        "done",
        StepKind::End {
            outcome: "executed".into(),
        },
        Vec::new(),
    );
    let cancelled = step(
        "cancelled",
        StepKind::End {
            outcome: "cancelled".into(),
        },
        Vec::new(),
    );

    let mut not_executed = deadline("not_executed", "3 months");
    not_executed.from = DeadlineStart::Field("decision_date".into());
    not_executed.when = Some(expr("not installed"));
    not_executed.repeat = Some(Repeat {
        every: dur("1 month"),
        times: None,
    });
    not_executed.message = Some(message("not_executed", vec![role("alarm_assessor")]));
    let mut expire = deadline("expire", "12 months");
    expire.from = DeadlineStart::Field("decision_date".into());
    expire.when = Some(expr("not installed"));
    expire.goto = Some("cancelled".into());

    let schedule = Schedule {
        id: "monthly_not_executed".into(),
        title: "Ej verkställda beslut efter tre månader".into(),
        every: dur("1 month"),
        select: expr("not installed and decision_date <= date_sub(today, '3 months')"),
        message: message("report", vec![role("alarm_assessor")]),
        source: strings(&["E7"]),
        local_choice: None,
        at: None,
    };

    let templates: BTreeMap<String, Template> = [
        template(
            "send_back",
            "Hej {{ recipients | join(', ') }}!\nBeställningen i ärende {{ case.id }} behöver rättas. \
             Beslutsdatum {{ decision_date | date }}.{% if note %} Notering: {{ note }}{% endif %}",
        ),
        template(
            "reminder",
            "Påminnelse {{ deadline.id }} (efter {{ deadline.after }}): {{ step.title }}, ärende {{ case.id }}.",
        ),
        template(
            "installed",
            "Trygghetslarm är installerat {{ install_date | date }}.\n\
             {{ group_name(area_group) }} ansvarar för verkställigheten.",
        ),
        template(
            "key_info",
            "Nyckel {{ key_number }} ska kvitteras, ärende {{ case.id }}.",
        ),
        template(
            "not_executed",
            "Beslut {{ decision_date | date }} är inte verkställt (ärende {{ case.id }}).",
        ),
        template(
            "report",
            "{% for c in cases %}{{ c.case.id }}: {{ c.decision_date | date }}\n{% endfor %}",
        ),
    ]
    .into_iter()
    .collect();

    Routine {
        meta: Meta {
            id: "installation".into(),
            version: "2025-03-28".into(),
            title: "Verkställande av larm – installation".into(),
            owner: None,
            decided: None,
            updated: None,
            replaces: None,
            description: None,
            organisation: Some("Kommun A".into()),
            path: "workflows/kommun_a/installation.yaml".into(),
            decided_by: None,
        },
        clauses: Vec::new(),
        roles,
        groups,
        fields,
        start: "receive_order".into(),
        steps: vec![
            task(
                "receive_order",
                "alarm_team",
                &["order_ok"],
                &["note"],
                next("check_order"),
            ),
            check_order,
            send_back,
            wait_correction,
            call_client,
            install,
            notify_installed,
            execute,
            register_day,
            register_night,
            both_registered,
            wait_followup,
            followup,
            done,
            cancelled,
        ],
        deadlines: vec![not_executed, expire],
        schedules: vec![schedule],
        templates,
        events: Vec::new(),
        env: Default::default(),
    }
}

/// Runs a command that must be refused (`what` names it in the panic) and
/// checks that it left the case exactly as it was; the refusal.
pub(crate) fn refused<T>(
    case: &mut Case,
    what: &str,
    command: impl FnOnce(&mut Case) -> Result<T, RunError>,
) -> RunError {
    let before = super::snapshot(case);
    let Err(e) = command(case) else {
        panic!("{what} was accepted")
    };
    assert_eq!(super::snapshot(case), before, "{what} changed the case");
    e
}
