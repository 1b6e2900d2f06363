//! `rutin simulate --until`: a routine that goes round again every year
//! (`fixtures/annual/routine.yaml`) stops at the date, shows each round
//! and where the case stands; a date before the start is a usage error.

mod support;

use support::rutin;

const ANNUAL: &str = "cli/tests/fixtures/annual/routine.yaml";

fn simulate(args: &[&str]) -> std::process::Output {
    let mut cmd = rutin();
    cmd.args(["simulate", ANNUAL, "--start", "2026-01-15"])
        .args(args);
    cmd.output().expect("rutin runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The round headings of a timeline.
fn rounds(out: &str) -> Vec<&str> {
    out.lines().filter(|l| l.starts_with("── round ")).collect()
}

#[test]
fn the_clock_stops_at_the_date_after_each_round() {
    let output = simulate(&["--until", "2029-06-30"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let out = text(&output.stdout);
    // Checked 2026-01-16, then a year after each check (on the next
    // working day): 2027-01-18, 2028-01-19, 2029-01-22.
    assert_eq!(
        rounds(&out),
        [
            "── round 1 from 2026-01-15 08:00: starts at Kontrollera larmet (check)",
            "── round 2 from 2027-01-16 00:00: back at Kontrollera larmet (check)",
            "── round 3 from 2028-01-18 00:00: back at Kontrollera larmet (check)",
            "── round 4 from 2029-01-19 00:00: back at Kontrollera larmet (check)",
        ],
        "{out}"
    );
    assert!(out.contains("the case is still open"), "{out}");
    assert!(
        out.contains("the virtual clock stopped at 2029-06-30 23:59 (--until), in round 4"),
        "{out}"
    );
    assert!(
        out.contains("  at: Vänta till nästa år (next_year)"),
        "{out}"
    );
    assert!(
        out.contains("  next: the wait at Vänta till nästa år (next_year) ends 2030-01-22 00:00"),
        "{out}"
    );
    // Nothing after the date happened.
    assert!(!out.contains("2029-07"), "{out}");
    assert!(!out.contains("2030-01-22 00:00  "), "{out}");
    assert!(!out.contains("--max-actions"), "{out}");
}

#[test]
fn the_journal_counts_the_rounds_it_shows() {
    let output = simulate(&["--until", "2029-06-30", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let journal: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("the journal is JSON");
    let counts: Vec<i64> = journal
        .as_array()
        .expect("a list of entries")
        .iter()
        .filter(|e| e["type"] == "fields_set")
        .filter_map(|e| e["values"]["rounds"].as_i64())
        .collect();
    assert_eq!(counts, [1, 2, 3, 4]);
}

#[test]
fn a_time_stops_the_clock_at_that_minute() {
    // The second round begins at midnight on 16 January 2027.
    let before = text(&simulate(&["--until", "2027-01-15 23:59"]).stdout);
    assert!(rounds(&before).is_empty(), "{before}");
    assert!(
        before
            .contains("  next: the wait at Vänta till nästa år (next_year) ends 2027-01-16 00:00"),
        "{before}"
    );
    let at = text(&simulate(&["--until", "2027-01-16 00:00"]).stdout);
    assert_eq!(rounds(&at).len(), 2, "{at}");
    assert!(
        at.contains("  open task 2: Kontrollera larmet [team], open since 2027-01-16 00:00"),
        "{at}"
    );
    assert!(
        at.contains("  deadline late (step check) armed, due 2027-02-13 00:00"),
        "{at}"
    );
    assert!(
        at.contains("  next: task 2: Kontrollera larmet is done 2027-01-18 00:00"),
        "{at}"
    );
}

#[test]
fn a_date_before_the_start_is_a_usage_error() {
    let output = simulate(&["--until", "2026-01-14"]);
    assert_eq!(output.status.code(), Some(2));
    let err = text(&output.stderr);
    assert!(
        err.contains("--until: 2026-01-14 23:59 lies before the case starts (2026-01-15 08:00)"),
        "{err}"
    );
    assert!(output.stdout.is_empty());
    let output = simulate(&["--until", "next year"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("`next year` is not a date"));
}

#[test]
fn without_until_the_loop_runs_to_its_action_limit() {
    let output = simulate(&["--max-actions", "9"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let out = text(&output.stdout);
    assert!(
        out.contains("stopped after 9 actions (--max-actions)"),
        "{out}"
    );
    assert!(rounds(&out).is_empty(), "{out}");
}

#[test]
fn round_names_the_step_whose_returns_begin_a_round() {
    let output = simulate(&["--until", "2029-06-30", "--round", "next_year"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let out = text(&output.stdout);
    let found = rounds(&out);
    assert_eq!(found.len(), 4, "{out}");
    assert_eq!(
        found[1],
        "── round 2 from 2027-01-18 00:00: back at Vänta till nästa år (next_year)"
    );
    let output = simulate(&["--until", "2029-06-30", "--round", "nope"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("--round: `nope` is not a step of this routine"),
        "{}",
        text(&output.stderr)
    );
    // Rounds are a view of the stopped clock: --round needs --until.
    assert_eq!(simulate(&["--round", "check"]).status.code(), Some(2));
}
