//! Message texts: a template's context holds only what it reads, through
//! every construct that reads; and a case may leave its texts out
//! ([`MessageTexts::Skipped`]) with the rest of its journal the same.

use serde_json::json;

use super::fixture::*;
use super::*;
use crate::run::{MessageTexts, Record};

/// Starts the case and completes `work` with `values`; the case as it then stands.
fn run(r: &Routine, texts: MessageTexts, values: serde_json::Value) -> Result<Case, RunError> {
    let (mut case, _) = Case::start_with(
        r,
        "c",
        json!({"decision_date": "2026-03-02", "area_group": "boo"}),
        t(2026, 3, 2, 8),
        texts,
    )?;
    case.complete_task(r, "work", "Bo", "alarm_team", values, t(2026, 3, 3, 8))?;
    Ok(case)
}

fn sent(case: &Case) -> Vec<&crate::run::Message> {
    case.journal()
        .iter()
        .filter_map(|e| match &e.record {
            Record::MessageSent(m) => Some(&**m),
            _ => None,
        })
        .collect()
}

/// Reads through a macro, a call block, a set block, a loop, a filter
/// block, `with` and a namespace: each read reaches the narrowed context.
const CONSTRUCTS: &str = "\
{%- macro when() %}{{ decision_date }}/{{ today }}{% endmacro -%}
{%- macro wrap() %}[{{ caller() }}]{% endmacro -%}
{%- set head %}{{ case.id }}:{{ step.id }}:{{ routine.id }}{% endset -%}
{%- set ns = namespace(n=note) -%}
{{ head }} {{ when() }} {% call wrap() %}{{ note }}{% endcall %}
{%- for r in recipients %} {{ r }}{% endfor %}
{%- filter upper %} {{ area_group }}{% endfilter %}
{%- with x = ns.n %} {{ x }}{% endwith %}";

#[test]
fn a_template_sees_every_field_and_global_it_reads_through_any_construct() {
    let r = message_routine(
        CONSTRUCTS,
        Some("Om {{ note }} {{ today }}"),
        vec![role("assessor")],
    );
    let case = ok(run(&r, MessageTexts::Rendered, json!({"note": "hej"})));
    let messages = sent(&case);
    let [m] = messages.as_slice() else {
        panic!("{} messages", messages.len());
    };
    assert_eq!(
        m.body,
        "c:tell:bare 2026-03-02/2026-03-03 [hej] Biståndshandläggare BOO hej"
    );
    assert_eq!(m.subject.as_deref(), Some("Om hej 2026-03-03"));
    assert_eq!(
        m.fields_used,
        strings(&["decision_date", "area_group", "note"])
    );
}

#[test]
fn skipped_texts_leave_the_rest_of_the_journal_the_same() {
    let r = message_routine(CONSTRUCTS, Some("Om {{ note }}"), vec![role("assessor")]);
    let values = json!({"note": "hej"});
    let rendered = ok(run(&r, MessageTexts::Rendered, values.clone()));
    let skipped = ok(run(&r, MessageTexts::Skipped, values));
    assert_eq!(skipped.message_texts(), MessageTexts::Skipped);
    assert_eq!(rendered.journal().len(), skipped.journal().len());
    let mut messages = 0;
    for (a, b) in rendered.journal().iter().zip(skipped.journal()) {
        match (&a.record, &b.record) {
            (Record::MessageSent(a), Record::MessageSent(b)) => {
                messages += 1;
                assert!(!a.body.is_empty() && a.subject.is_some());
                assert_eq!((b.body.as_str(), b.subject.as_deref()), ("", None));
                let mut without = (**a).clone();
                without.body = String::new();
                without.subject = None;
                assert_eq!(&without, &**b);
            }
            _ => assert_eq!(a, b),
        }
    }
    assert_eq!(messages, 1);
    assert_eq!(rendered.state, skipped.state);
}

#[test]
fn skipped_texts_still_refuse_a_hidden_field() {
    let r = message_routine(
        "Nyckel {{ key_number }}",
        None,
        vec![role("alarm_team"), role("assessor")],
    );
    for texts in [MessageTexts::Rendered, MessageTexts::Skipped] {
        let e = run(&r, texts, json!({"key_number": "K-1"})).err();
        assert!(
            matches!(&e, Some(RunError::Render(crate::run::RenderError::HiddenField { field, .. })) if field == "key_number"),
            "{texts:?}: {e:?}"
        );
    }
}
