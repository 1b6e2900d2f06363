use minijinja::{context, Value};

use super::*;
use crate::model::Expr;

fn env() -> minijinja::Environment<'static> {
    let mut names = Names::default();
    names
        .roles
        .insert("alarm_team".into(), "Larmgruppen".into());
    names.groups.insert("saltis".into(), "Saltisgruppen".into());
    environment_with(names)
}

fn run(source: &str, ctx: Value) -> Result<Value, ExprError> {
    eval(&env(), &Expr(source.into()), &ctx)
}

fn ok(source: &str) -> Value {
    match run(
        source,
        context! { p => context!{from => "2026-01-01", to => "2026-12-31"} },
    ) {
        Ok(v) => v,
        Err(e) => panic!("{source}: {e}"),
    }
}

#[test]
fn date_arithmetic() {
    assert_eq!(
        ok("date_add('2026-01-31', '1 month')").as_str(),
        Some("2026-02-28")
    );
    assert_eq!(
        ok("date_add('2024-01-31', '1 månad')").as_str(),
        Some("2024-02-29")
    );
    assert_eq!(
        ok("date_sub('2026-03-31', '1 month')").as_str(),
        Some("2026-02-28")
    );
    assert_eq!(
        ok("date_add('2024-02-29', '1 year')").as_str(),
        Some("2025-02-28")
    );
    assert_eq!(
        ok("date_sub('2027-06-30', '2 år')").as_str(),
        Some("2025-06-30")
    );
    assert_eq!(
        ok("date_add('2026-04-02', '1 working day')").as_str(),
        Some("2026-04-07")
    );
    assert_eq!(
        ok("date_add('2026-12-23', '1 arbetsdag')").as_str(),
        Some("2026-12-28")
    );
    assert_eq!(
        ok("days_between('2026-01-01', '2026-03-01')").as_i64(),
        Some(59)
    );
    assert_eq!(
        ok("days_between('2026-03-01', '2026-01-01')").as_i64(),
        Some(-59)
    );
    assert!(!ok("is_working_day('2026-04-03')").is_true());
    assert!(ok("is_working_day('2026-04-02')").is_true());
    assert!(ok("'2026-01-05' < date_add('2026-01-01', '1 week')").is_true());
}

#[test]
fn periods() {
    let a = "{'from': '2026-01-01', 'to': '2026-06-30'}";
    let adjacent = "{'from': '2026-07-01', 'to': '2026-12-31'}";
    let later = "{'from': '2026-07-02', 'to': '2026-12-31'}";
    let overlapping = "{'from': '2026-06-30', 'to': '2026-12-31'}";
    assert!(!ok(&format!("periods_gap({a}, {adjacent})")).is_true());
    assert!(ok(&format!("periods_gap({a}, {later})")).is_true());
    assert!(!ok(&format!("periods_overlap({a}, {adjacent})")).is_true());
    assert!(ok(&format!("periods_overlap({a}, {overlapping})")).is_true());
    assert!(!ok(&format!("periods_gap({a}, {overlapping})")).is_true());
    assert_eq!(
        ok("p | period").as_str(),
        Some("1 januari 2026 – 31 december 2026")
    );
}

#[test]
fn swedish_dates_every_month() {
    let expected = [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ];
    for (i, name) in expected.iter().enumerate() {
        let text = format!("'2026-{:02}-09' | date", i + 1);
        assert_eq!(ok(&text).as_str(), Some(format!("9 {name} 2026").as_str()));
    }
    assert_eq!(ok("'2026-06-19' | date").as_str(), Some("19 juni 2026"));
}

#[test]
fn names() {
    assert_eq!(ok("role_name('alarm_team')").as_str(), Some("Larmgruppen"));
    assert_eq!(ok("group_name('saltis')").as_str(), Some("Saltisgruppen"));
    assert!(run("group_name('nope')", context! {}).is_err());
    assert!(eval(
        &environment(),
        &Expr("role_name('alarm_team')".into()),
        &context! {}
    )
    .is_err());
}

#[test]
fn bad_arguments_are_errors_not_panics() {
    for source in [
        "date_add('2026-13-01', '1 day')",
        "date_add('2026-1-1', '1 day')",
        "date_add(none, '1 day')",
        "date_add('2026-01-01', 'a fortnight')",
        "date_add('2026-01-01', 3)",
        "date_add('9999-12-31', '1 day')",
        "date_sub('0000-01-01', '1 day')",
        "days_between('x', '2026-01-01')",
        "periods_gap('2026-01-01', p)",
        "periods_overlap(p, {'from': '2026-01-01'})",
        "is_working_day(42)",
        "none | date",
        "'2026-01-01' | period",
        "role_name(none)",
        "missing_variable",
        "range(100000) | length",
        "range(1, 10, 0) | length",
        "p.nothing",
    ] {
        let result = run(
            source,
            context! { p => context!{from => "2026-01-01", to => "2026-12-31"} },
        );
        assert!(result.is_err(), "{source} gave {result:?}");
    }
}

#[test]
fn typed_helpers() {
    let e = env();
    let ctx = context! { d => "2026-02-01", g => "saltis", n => 3, unset => () };
    assert_eq!(
        eval_date(&e, &Expr("date_add(d, '1 month')".into()), &ctx).ok(),
        chrono::NaiveDate::from_ymd_opt(2026, 3, 1)
    );
    assert!(matches!(
        eval_date(&e, &Expr("n".into()), &ctx),
        Err(ExprError::NotADate { .. })
    ));
    assert_eq!(
        eval_text(&e, &Expr("g".into()), &ctx).ok().as_deref(),
        Some("saltis")
    );
    assert!(matches!(
        eval_text(&e, &Expr("n".into()), &ctx),
        Err(ExprError::NotText { .. })
    ));
    assert_eq!(eval_bool(&e, &Expr("not unset".into()), &ctx), Ok(true));
    assert_eq!(
        eval_bool(&e, &Expr("n > 2 and g == 'saltis'".into()), &ctx),
        Ok(true)
    );
    assert!(matches!(
        eval_bool(&e, &Expr("nope".into()), &ctx),
        Err(ExprError::Undefined { .. })
    ));
    assert!(matches!(
        eval_bool(&e, &Expr("not nope".into()), &ctx),
        Err(ExprError::Eval { .. })
    ));
    assert!(eval_bool(&e, &Expr("((".into()), &ctx).is_err());
}

#[test]
fn templates_are_strict_and_unescaped() {
    let e = env();
    let out = e.render_str(
        "{{ a }} & <b> {{ d | date }}",
        context! { a => "x<y", d => "2026-06-19" },
    );
    assert_eq!(out.ok().as_deref(), Some("x<y & <b> 19 juni 2026"));
    assert!(e.render_str("Hej {{ missing }}", context! {}).is_err());
    assert!(e
        .render_str("{% for i in missing %}x{% endfor %}", context! {})
        .is_err());
    let deep = "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}";
    assert!(e.render_str(deep, context! {}).is_err());
}

#[test]
fn builtin_names_are_registered() {
    let e = env();
    for f in FUNCTIONS {
        assert!(e.globals().any(|(name, _)| name == *f), "{f}");
    }
}

#[test]
fn a_runaway_template_runs_out_of_fuel_instead_of_hanging() {
    let env = super::environment();
    let source = "{% for a in range(1000) %}{% for b in range(1000) %}{% for c in range(1000) %}x{% endfor %}{% endfor %}{% endfor %}";
    let error = env.render_str(source, ()).unwrap_err();
    assert_eq!(error.kind(), minijinja::ErrorKind::OutOfFuel);
}

#[test]
fn months_between_counts_whole_calendar_months() {
    let months = |a: &str, b: &str| ok(&format!("months_between('{a}', '{b}')")).as_i64();
    assert_eq!(months("2026-03-02", "2026-05-04"), Some(2));
    assert_eq!(months("2026-03-02", "2026-05-01"), Some(1));
    assert_eq!(months("2026-05-04", "2026-06-04"), Some(1));
    assert_eq!(months("2026-05-04", "2026-06-03"), Some(0));
    assert_eq!(months("2026-01-31", "2026-02-28"), Some(1));
    assert_eq!(months("2026-01-31", "2026-02-27"), Some(0));
    assert_eq!(months("2025-11-15", "2027-01-15"), Some(14));
    assert_eq!(months("2026-05-04", "2026-03-02"), Some(-2));
    assert_eq!(months("2026-05-04", "2026-05-04"), Some(0));
    assert!(run("months_between('2026-05-04', none)", context! {}).is_err());
}

proptest::proptest! {
    /// `parse_date` reads its digits in place: the same date as chrono's
    /// `%Y-%m-%d` for every text of its shape (and none where chrono has none).
    #[test]
    fn parse_date_is_chronos(text in "[0-9]{4}-[0-9]{2}-[0-9]{2}") {
        let chrono = chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok();
        proptest::prop_assert_eq!(functions::parse_date(&text), chrono);
    }

    /// The same on dates that exist (the strategy above mostly makes ones that do not).
    #[test]
    fn parse_date_reads_real_dates(days in 0i64..3_652_000) {
        let date = chrono::NaiveDate::from_ymd_opt(0, 1, 1).unwrap_or_default()
            + chrono::TimeDelta::days(days);
        let text = date.format("%Y-%m-%d").to_string();
        proptest::prop_assert_eq!(functions::parse_date(&text), Some(date));
    }

    /// `format_date` writes its digits by hand: chrono's `%Y-%m-%d` for
    /// every day of the years 0 to 9999, none outside them.
    #[test]
    fn format_date_is_chronos(days in -400i64..3_652_500) {
        let date = chrono::NaiveDate::from_ymd_opt(0, 1, 1).unwrap_or_default()
            + chrono::TimeDelta::days(days);
        let chrono = (0..=9999).contains(&chrono::Datelike::year(&date))
            .then(|| date.format("%Y-%m-%d").to_string());
        proptest::prop_assert_eq!(functions::format_date(date), chrono);
    }
}
