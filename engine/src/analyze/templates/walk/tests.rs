//! The walk over the syntax tree: every way of reading a variable is seen.

use super::{expression, template, Known};
use crate::analyze::templates::reads::{Finding, Reads};
use crate::source::Span;

fn fields() -> Vec<String> {
    ["secret", "address", "decision_date"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect()
}

fn reads(text: &str) -> Reads {
    let fields = fields();
    let known = Known { fields: &fields };
    template(text, "t", &known).expect("parses")
}

fn keys(map: &std::collections::BTreeMap<String, Span>) -> Vec<&str> {
    map.keys().map(String::as_str).collect()
}

#[test]
fn unknown_filters_are_found_known_ones_are_not() {
    let found = reads("{{ d | date }} {{ x | upper }} {{ d | nosuch }} {{ 'a|b' }}").findings;
    assert_eq!(
        found,
        vec![Finding::UnknownFilter {
            name: "nosuch".into(),
            span: Span::new(38, 6)
        }]
    );
}

#[test]
fn duration_texts_are_parsed() {
    let known = Known { fields: &[] };
    let text = "date_add(d, '1 mnoth') > date_sub(today, '3 months')";
    let found = expression(text, &known).expect("parses").findings;
    assert!(
        matches!(found.as_slice(), [Finding::BadDuration { span, .. }] if *span == Span::new(12, 9)),
        "{found:?}"
    );
}

#[test]
fn includes_are_found_in_every_tag_form() {
    let text = "A {%- include 'a.j2' %}{%+ import 'b.j2' as b %}{%- from 'c.j2' import x -%}{% extends 'd.j2' %}";
    let found = reads(text).findings;
    assert_eq!(found.len(), 4, "{found:?}");
    assert!(found.iter().all(|f| matches!(f, Finding::Include { .. })));
}

#[test]
fn an_include_named_by_an_expression_cannot_be_checked() {
    let found = reads("{% include address ~ '.j2' %}").findings;
    assert!(
        matches!(found.as_slice(), [Finding::DynamicInclude { expr, .. }] if expr == "address ~ '.j2'"),
        "{found:?}"
    );
}

#[test]
fn fields_read_from_cases_in_every_way_are_seen() {
    let text = "{% for c in cases | sort(attribute='decision_date') %}{{ c.secret }}{{ c['address'] }}{{ c | attr('secret') }}{{ c.case.id }}{{ loop.index }}{% endfor %}";
    let r = reads(text);
    assert_eq!(
        keys(&r.case_fields),
        vec!["address", "decision_date", "secret"]
    );
    assert!(r.fields.is_empty() && r.findings.is_empty(), "{r:?}");
    let mapped = reads("{{ cases | map(attribute='secret') | join(', ') }}");
    assert_eq!(keys(&mapped.case_fields), vec!["secret"]);
}

#[test]
fn a_misspelled_field_read_from_a_case_is_found() {
    let found = reads(
        "{% for c in cases %}{{ c.case.id }} {{ c.decison_date }} {{ c['adress'] }}{% endfor %}",
    )
    .findings;
    let names: Vec<&str> = found
        .iter()
        .filter_map(|f| match f {
            Finding::UnknownCaseField { name, .. } => Some(name.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(names, vec!["decison_date", "adress"]);
}

#[test]
fn a_computed_key_on_a_case_cannot_be_checked() {
    let r =
        reads("{% set k = 'secret' %}{% for c in cases %}{{ c[k] }}{{ c | attr(k) }}{% endfor %}");
    let exprs: Vec<&str> = r
        .findings
        .iter()
        .filter_map(|f| match f {
            Finding::DynamicRead { expr, .. } => Some(expr.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(exprs, vec!["c[k]", "c | attr(k)"]);
    // A computed index into a text or the list of cases reads nothing hidden.
    let plain = reads("{% for i in range(3) %}{{ address[i] }}{{ cases[i].case.id }}{% endfor %}");
    assert!(plain.findings.is_empty(), "{plain:?}");
}

#[test]
fn slices_set_and_with_read_the_field_they_start_from() {
    let r =
        reads("{% set k = secret[0:3] %}{% with a = address[-2:] %}{{ a }}{% endwith %}{{ k }}");
    assert_eq!(keys(&r.fields), vec!["address", "secret"]);
    assert!(r.unknown.is_empty(), "{r:?}");
}

#[test]
fn a_namespace_carrying_a_case_is_followed_even_backwards_in_a_loop() {
    let text = "{% set ns = namespace(v=none) %}{% for c in cases %}{% if ns.v %}{{ ns.v.secret }}{% endif %}{% set ns.v = c %}{% endfor %}";
    assert_eq!(keys(&reads(text).case_fields), vec!["secret"]);
}

#[test]
fn a_macro_argument_counts_as_a_case_only_in_a_report() {
    let report = "{% macro show(x) %}{{ x.secret }}{% endmacro %}{% for c in cases %}{{ show(c) }}{% endfor %}";
    assert_eq!(keys(&reads(report).case_fields), vec!["secret"]);
    let message = "{% macro show(x) %}{{ x.secret }}{% endmacro %}{{ show(address) }}";
    let r = reads(message);
    assert!(r.case_fields.is_empty(), "{r:?}");
    assert_eq!(keys(&r.fields), vec!["address"]);
}

#[test]
fn jinja_building_blocks_are_known_names() {
    let text = "{% set ns = namespace(n=0) %}{% for i in range(3) %}{{ loop.index }}{% set ns.n = ns.n + i %}{% endfor %}{{ dict(a=1).a }}{{ ns.n }}{{ nosuch }}";
    let r = reads(text);
    assert_eq!(r.unknown.keys().collect::<Vec<_>>(), vec!["nosuch"]);
}

#[test]
fn a_global_tested_before_use_is_guarded() {
    let guarded = reads("{% if deadline %}{{ deadline.id }}{% endif %}");
    let used = guarded.globals["deadline"];
    assert!(used.tested && used.member_read);
    let bare = reads("{{ deadline.after }}");
    let used = bare.globals["deadline"];
    assert!(!used.tested && used.member_read);
}

#[test]
fn unknown_tests_are_found_known_ones_are_not() {
    let found = reads(
        "{% if address is defined and address is strnig %}x{% endif %}{{ 3 is divisibleby(3) }}",
    )
    .findings;
    assert!(
        matches!(found.as_slice(), [Finding::UnknownTest { name, span }] if name == "strnig" && *span == Span::new(40, 6)),
        "{found:?}"
    );
}
