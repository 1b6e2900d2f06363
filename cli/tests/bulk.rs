//! `rutin simulate --profile`: the bulk simulation end to end through the
//! real binary: JSON and table output, the SVG chart, the same report with
//! one thread or two, profile errors, a routine that is not the profile's.

mod support;

use support::rutin;

const PROFILE: &str = "workflows/kommun_003/not_executed.profile.yml";

fn bulk(threads: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "simulate",
        "workflows/kommun_003/not_executed.yaml",
        "--profile",
        PROFILE,
    ];
    args.extend_from_slice(&["--cases", "120", "--seed", "4", "--weeks", "30"]);
    args.extend_from_slice(extra);
    rutin()
        .env("RAYON_NUM_THREADS", threads)
        .args(args)
        .output()
        .expect("rutin runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn json_is_the_same_with_one_thread_or_two() {
    let one = bulk("1", &["--format", "json"]);
    assert_eq!(one.status.code(), Some(0), "{}", text(&one.stderr));
    let two = bulk("2", &["--format", "json"]);
    assert_eq!(one.stdout, two.stdout);
    let report: serde_json::Value = serde_json::from_slice(&one.stdout).expect("JSON");
    assert_eq!(report["cases"], 120);
    assert_eq!(report["weeks"].as_array().map(Vec::len), Some(30));
    let stage = &report["stages"][0];
    assert_eq!(stage["routine"], "not_executed");
    let started = stage["started"].as_u64().unwrap_or(0);
    let accounted = ["finished", "open", "failed"]
        .iter()
        .map(|k| stage[k].as_u64().unwrap_or(0))
        .sum::<u64>();
    assert!(started > 0 && started == accounted, "{stage}");
    assert!(report["deadlines"]
        .as_array()
        .is_some_and(|d| !d.is_empty()));
}

#[test]
fn the_table_and_the_chart() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let svg = dir.path().join("chart.svg");
    let out = bulk("2", &["--svg", svg.to_str().unwrap_or_default()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let table = text(&out.stdout);
    for heading in [
        "lead time p50 / p90 / p99",
        "Deadlines breached",
        "Tasks per role and week",
        "Messages per recipient",
        "not_executed/await_installation/one_month",
    ] {
        assert!(table.contains(heading), "{heading} missing:\n{table}");
    }
    let chart = std::fs::read_to_string(&svg).expect("the chart is written");
    assert!(chart.starts_with("<svg") && chart.trim_end().ends_with("</svg>"));
    assert!(chart.contains("Tasks open at the end of each week"));
}

#[test]
fn a_profile_with_errors_is_refused_with_located_problems() {
    let out = rutin()
        .args([
            "simulate",
            "--profile",
            "engine/tests/fixtures/profiles/small/err_ids.profile.yml",
        ])
        .output()
        .expect("rutin runs");
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("unknown role `tema`") && err.contains("did you mean `team`?"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn a_routine_that_is_not_the_profiles_is_a_usage_error() {
    let out = rutin()
        .args([
            "simulate",
            "workflows/kommun_000/installation.yaml",
            "--profile",
            PROFILE,
        ])
        .output()
        .expect("rutin runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("starts with"));
    let missing = rutin()
        .args(["simulate", "--profile", "no/such.profile.yml"])
        .output()
        .expect("rutin runs");
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn check_checks_profiles() {
    let out = rutin()
        .args(["check", "engine/tests/fixtures/profiles/small"])
        .output()
        .expect("rutin runs");
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("simulation profiles"), "{err}");
    assert!(err.contains("add up to 0.9, not 1"), "{err}");
}
