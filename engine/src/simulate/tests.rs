//! Unit tests of the draws and the clock arithmetic.

use chrono::{NaiveDate, NaiveDateTime, Timelike};

use super::distribution::{after, pick, Shape, TimeUnit};
use super::run::case_rng;

fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(h, 0, 0))
        .unwrap_or_default()
}

#[test]
fn draws_average_to_the_shapes_mean_and_stay_in_range() {
    let shapes = [
        Shape::Fixed(2.0),
        Shape::Uniform(1.0, 5.0),
        Shape::Triangular {
            min: 1.0,
            mode: 2.0,
            max: 6.0,
        },
        Shape::LogNormal {
            median: 3.0,
            sigma: 0.5,
        },
    ];
    let mut rng = case_rng(42, 0);
    for shape in shapes {
        let n = 20_000;
        let draws: Vec<f64> = (0..n).map(|_| shape.sample(&mut rng)).collect();
        let mean = draws.iter().sum::<f64>() / f64::from(n);
        assert!(
            (mean - shape.mean()).abs() < 0.05 * shape.mean(),
            "{shape:?}: {mean}"
        );
        if let Shape::Triangular { min, max, .. } | Shape::Uniform(min, max) = shape {
            assert!(draws.iter().all(|x| (min..=max).contains(x)), "{shape:?}");
        }
    }
}

#[test]
fn working_days_skip_weekends_and_holidays_and_fractions_are_working_hours() {
    // Thursday 2026-04-02 (skärtorsdag); Good Friday and Easter Monday are holidays.
    assert_eq!(
        after(at(2026, 4, 2, 9), 1.0, TimeUnit::WorkingDays),
        at(2026, 4, 7, 9)
    );
    assert_eq!(
        after(at(2026, 3, 6, 9), 1.5, TimeUnit::WorkingDays),
        at(2026, 3, 9, 13)
    );
    assert_eq!(
        after(at(2026, 3, 6, 9), 1.5, TimeUnit::Days),
        at(2026, 3, 7, 21)
    );
    assert_eq!(
        after(at(2026, 3, 6, 9), 2.0, TimeUnit::Hours),
        at(2026, 3, 6, 11)
    );
    assert_eq!(
        after(at(2026, 3, 6, 9), 1.0, TimeUnit::Weeks),
        at(2026, 3, 13, 9)
    );
}

#[test]
fn picks_follow_their_weights() {
    let mut rng = case_rng(1, 1);
    let weights = [0.2, 0.5, 0.3];
    let mut counts = [0u32; 3];
    for _ in 0..30_000 {
        counts[pick(&weights, &mut rng)] += 1;
    }
    for (c, w) in counts.iter().zip(weights) {
        assert!((f64::from(*c) / 30_000.0 - w).abs() < 0.015, "{counts:?}");
    }
}

#[test]
fn each_case_has_its_own_stream_and_the_same_seed_gives_the_same_draws() {
    let draw = |seed, case| Shape::Uniform(0.0, 1.0).sample(&mut case_rng(seed, case));
    assert_eq!(draw(3, 10).to_bits(), draw(3, 10).to_bits());
    assert_ne!(draw(3, 10).to_bits(), draw(3, 11).to_bits());
    assert_ne!(draw(3, 10).to_bits(), draw(4, 10).to_bits());
}

#[test]
fn arrivals_come_in_order_on_working_days_in_working_hours() {
    let start = NaiveDate::from_ymd_opt(2026, 3, 30).unwrap_or_default();
    let times = super::run::arrivals(start, 10.0, 500, 9);
    assert_eq!(times.len(), 500);
    assert!(times.windows(2).all(|w| w[0] <= w[1]));
    assert!(times.iter().all(
        |t| crate::calendar::holidays::is_working_day(t.date()) && (8..16).contains(&t.hour())
    ));
    // 10 a working day: 500 cases take about 50 working days.
    let days = (times[499].date() - start).num_days();
    assert!((60..=85).contains(&days), "{days}");
}

#[test]
fn the_report_is_the_same_whether_messages_are_rendered_or_not() {
    use super::run::{simulate_with, Options};
    use crate::run::MessageTexts;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for path in [
        "workflows/kommun_000/lifecycle.profile.yml",
        "workflows/kommun_003/not_executed.profile.yml",
    ] {
        let checked = super::check_profile(&root.join(path));
        let Some(profile) = checked.profile else {
            panic!("{path} does not check");
        };
        let options = Options {
            cases: 300,
            seed: 7,
            horizon: NaiveDate::from_ymd_opt(2029, 1, 1),
        };
        let run = |texts| {
            let report = simulate_with(&profile, &options, texts, &|_| {});
            serde_json::to_string(&report).unwrap_or_else(|e| panic!("{path}: {e}"))
        };
        let skipped = run(MessageTexts::Skipped);
        assert!(skipped.contains("\"messages\""), "{path}");
        assert_eq!(skipped, run(MessageTexts::Rendered), "{path}");
    }
}
