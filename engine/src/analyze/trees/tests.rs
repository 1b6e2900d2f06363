//! The trees stand in for what minijinja's compiler and its
//! `undeclared_variables` give.

use std::collections::BTreeSet;

use super::{undeclared, Trees};

const EXPRESSIONS: &[&str] = &[
    "a",
    "a.b.c > 3 and not d",
    "x[1:y] ~ z[::w]",
    "items[0] | join(sep) if flag else other",
    "f(a, b=c, *d, **e) is divisibleby(n)",
    "[p, (q, r), {s: t}] | length",
    "date_add(start_date, '1 month') <= today",
    "case.id ~ case['reached'][i]",
    "range(n) | map(attribute=name) | list",
    "m is defined and m.x in [1, 2] or none",
    "1 + 2 * 3",
];

fn minijinja_names(text: &str) -> BTreeSet<String> {
    let env = crate::expr::environment();
    let compiled = env.compile_expression(text).expect("compiles");
    compiled.undeclared_variables(false).into_iter().collect()
}

#[test]
fn undeclared_names_are_minijinjas() {
    let trees = Trees::default();
    for text in EXPRESSIONS {
        let tree = trees.expr(text);
        let ast = tree.tree().as_ref().expect("parses");
        let ours: BTreeSet<String> = undeclared(ast).into_iter().map(str::to_owned).collect();
        assert_eq!(ours, minijinja_names(text), "{text}");
    }
}

#[test]
fn a_slice_base_is_not_undeclared_as_in_minijinja() {
    let trees = Trees::default();
    let tree = trees.expr("x[1:y]");
    let ast = tree.tree().as_ref().expect("parses");
    assert_eq!(undeclared(ast).into_iter().collect::<Vec<_>>(), ["y"]);
}

/// What a diagnostic shows of a minijinja error.
fn shown(e: &minijinja::Error) -> impl PartialEq + std::fmt::Debug + '_ {
    (e.kind(), e.detail(), e.range(), e.line())
}

#[test]
fn parse_errors_are_the_compilers() {
    let env = crate::expr::environment();
    let trees = Trees::default();
    for text in ["a >", "(b", "c |", "d[", "1 +* 2", "x if"] {
        let tree = trees.expr(text);
        let ours = tree.tree().as_ref().expect_err("does not parse");
        let theirs = env.compile_expression(text).err();
        let theirs = theirs.expect("does not compile");
        assert_eq!(shown(ours), shown(&theirs), "{text}");
    }
    let templates = [
        "{% if %}",
        "{{ a",
        "{% for x in %}{% endfor %}",
        "a {% endif %}",
    ];
    for text in templates {
        let tree = trees.template(text, "t");
        let ours = tree.tree().as_ref().expect_err("does not parse");
        let theirs = env.template_from_named_str("t", text).err();
        let theirs = theirs.expect("does not compile");
        assert_eq!(shown(ours), shown(&theirs), "{text}");
    }
}

#[test]
fn a_text_is_parsed_once() {
    let trees = Trees::default();
    let first = trees.expr("a > 1");
    let again = trees.expr("a > 1");
    assert!(std::rc::Rc::ptr_eq(&first, &again));
    let first = trees.template("{{ a }}", "t");
    let again = trees.template("{{ a }}", "u");
    assert!(std::rc::Rc::ptr_eq(&first, &again));
}

#[test]
fn fields_read_are_the_declared_ones_sorted() {
    let trees = Trees::default();
    let fields = ["b".to_owned(), "a".to_owned(), "c".to_owned()];
    assert_eq!(trees.fields_read("c + a > x", &fields), ["a", "c"]);
    assert!(trees.fields_read("a >", &fields).is_empty());
}
