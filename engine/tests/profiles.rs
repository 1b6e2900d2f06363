//! Simulation profiles: the shipped ones and the valid fixtures check
//! clean, every `fixtures/profiles/*/err_*.profile.yml` fails with golden
//! diagnostics, and bulk simulations give what is known in advance.

use std::path::{Path, PathBuf};

use rutin::diagnostic::{render, render_in};
use rutin::i18n::Lang;
use rutin::simulate::{check_profile, simulate, Options, Profile, Report};

fn relative(path: &Path) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

fn rendered(path: &Path) -> (Option<Profile>, String) {
    let checked = check_profile(path);
    let text: Vec<String> = checked
        .diagnostics
        .iter()
        .map(|d| render(d, false))
        .collect();
    (checked.profile, text.join("\n"))
}

fn profile(path: &str) -> Profile {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let (profile, text) = rendered(&relative(&path));
    assert!(text.is_empty(), "{text}");
    profile.unwrap_or_else(|| panic!("{path:?} does not check"))
}

fn run(profile: &Profile, cases: u64, seed: u64) -> Report {
    simulate(
        profile,
        &Options {
            cases,
            seed,
            horizon: None,
        },
        &|_| {},
    )
}

#[test]
fn invalid_profiles_render_their_diagnostics() {
    insta::glob!("fixtures/profiles/*/err_*.profile.yml", |path| {
        let (profile, text) = rendered(&relative(path));
        assert!(profile.is_none(), "{} should have errors", path.display());
        insta::assert_snapshot!(text);
    });
}

/// The same diagnostics in Swedish: the frame is Swedish throughout.
#[test]
fn invalid_profiles_render_in_swedish() {
    insta::glob!("fixtures/profiles/*/err_*.profile.yml", |path| {
        let checked = check_profile(&relative(path));
        let text: Vec<String> = checked
            .diagnostics
            .iter()
            .map(|d| render_in(d, false, Lang::Sv))
            .collect();
        insta::assert_snapshot!(text.join("\n"));
    });
}

#[test]
fn shipped_profiles_check_clean() {
    for path in [
        "../workflows/kommun_000/lifecycle.profile.yml",
        "../workflows/kommun_003/not_executed.profile.yml",
    ] {
        let p = profile(path);
        assert!(p.routines().count() >= 1);
    }
    assert_eq!(
        profile("../workflows/kommun_000/lifecycle.profile.yml")
            .routines()
            .count(),
        3
    );
}

#[test]
fn fixed_durations_give_an_exact_lead_time() {
    let p = profile("tests/fixtures/profiles/small/fixed.profile.yml");
    let report = run(&p, 200, 7);
    let stage = &report.stages[0];
    assert_eq!(stage.started, 200);
    assert_eq!(stage.outcomes.get("done"), Some(&200));
    assert_eq!(stage.open + stage.failed, 0);
    // 2 + 3 working days; a case that arrives on a Monday to Friday (no holiday
    // in February 2026) ends 7 calendar days later at the same time of day.
    let lead = stage.lead_time_days.expect("finished cases");
    assert_eq!((lead.p50, lead.p90, lead.p99), (7.0, 7.0, 7.0));
    // The answer comes after 3 working days, before the 5-day reminder.
    assert!(report.deadlines.iter().all(|d| d.fired == 0));
    let boss = report
        .messages
        .iter()
        .find(|m| m.id == "boss")
        .expect("boss messages");
    assert_eq!(boss.total, 200);
    let team = report
        .workload
        .iter()
        .find(|w| w.role == "team")
        .expect("team");
    assert_eq!(team.opened.iter().sum::<u32>(), 200);
}

#[test]
fn branch_probabilities_give_counts_within_bounds() {
    let p = profile("tests/fixtures/profiles/small/branches.profile.yml");
    let report = run(&p, 2000, 11);
    let stage = &report.stages[0];
    let rejected = *stage.outcomes.get("rejected").unwrap_or(&0) as f64;
    let ended = stage.finished as f64;
    // 30 % of about 1400 ended cases: the standard deviation is 1.2 points; allow 3 of them.
    assert!(
        (rejected / ended - 0.3).abs() < 0.04,
        "{rejected} of {ended}"
    );
    // One in ten answers never comes; those cases stay open at the horizon.
    let answered = stage.started as f64 * 0.7;
    let open = stage.open as f64;
    assert!(
        (open / answered - 0.1).abs() < 0.03,
        "{open} open of {answered}"
    );
    let reminder = &report.deadlines[0];
    assert_eq!(reminder.deadline, "reminder");
    assert!(reminder.cases > 0 && reminder.cases <= reminder.fired);
}

#[test]
fn the_report_does_not_depend_on_the_number_of_threads() {
    let p = profile("../workflows/kommun_000/lifecycle.profile.yml");
    let in_pool = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool");
        pool.install(|| serde_json::to_string(&run(&p, 400, 5)).expect("json"))
    };
    let one = in_pool(1);
    assert_eq!(one, in_pool(2));
    assert_eq!(one, in_pool(3));
    // Another seed gives another report.
    assert_ne!(one, serde_json::to_string(&run(&p, 400, 6)).expect("json"));
}

#[test]
fn the_lifecycle_runs_every_stage() {
    let p = profile("../workflows/kommun_000/lifecycle.profile.yml");
    let report = simulate(
        &p,
        &Options {
            cases: 300,
            seed: 2,
            horizon: chrono::NaiveDate::from_ymd_opt(2029, 1, 1),
        },
        &|_| {},
    );
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    assert!(
        report.stages.iter().all(|s| s.started > 0),
        "{:?}",
        report.stages
    );
    let lifecycle = report.lifecycle.expect("three stages");
    assert!(lifecycle.finished > 0);
}

#[test]
fn a_case_wide_event_ends_the_cases_it_reaches_and_withdraws_their_tasks() {
    let p = profile("tests/fixtures/profiles/interrupted/interrupted.profile.yml");
    let report = run(&p, 2000, 3);
    let stage = &report.stages[0];
    assert_eq!(stage.finished, 2000, "{stage:?}");
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    // Half of the decisions are withdrawn, 2 working days into a 4-day installation.
    let withdrawn = *stage.outcomes.get("withdrawn").unwrap_or(&0) as f64;
    assert!(
        (withdrawn / 2000.0 - 0.5).abs() < 0.035,
        "{:?}",
        stage.outcomes
    );
    assert_eq!(
        stage.outcomes.get("done").copied().unwrap_or(0) + withdrawn as u64,
        2000,
        "the move (after 10 working days) comes to no case: {:?}",
        stage.outcomes
    );
    // The withdrawn installations' tasks are closed, not left open for ever.
    let team = team_workload(&report);
    assert_eq!(team.opened.iter().sum::<u32>(), 2000);
    assert_eq!(team.open_at_week_end.last(), Some(&0));
}

#[test]
fn a_case_wide_event_that_goes_to_a_step_carries_the_case_on() {
    let p = profile("tests/fixtures/profiles/interrupted/moved.profile.yml");
    let report = run(&p, 500, 4);
    let stage = &report.stages[0];
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    assert_eq!(
        stage.outcomes.get("moved"),
        Some(&500),
        "{:?}",
        stage.outcomes
    );
    // Each case opened the installation (withdrawn by the move) and the address update.
    let team = team_workload(&report);
    assert_eq!(team.opened.iter().sum::<u32>(), 1000);
    assert_eq!(team.open_at_week_end.last(), Some(&0));
}

fn team_workload(report: &Report) -> &rutin::simulate::Workload {
    let team = report.workload.iter().find(|w| w.role == "team");
    team.expect("the team has a workload row")
}
