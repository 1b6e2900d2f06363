//! A shipped routine run for real: many `rutin case` invocations, `tick`s
//! at chosen times delivering into a folder of .eml files, then `rutin run`
//! on the wall clock delivering by SMTP to a sink on 127.0.0.1 while
//! another process completes tasks, stopped with SIGTERM.

#[path = "../../engine/tests/support/smtp_sink.rs"]
mod smtp_sink;
mod support;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use smtp_sink::SmtpSink;

use support::rutin_process;

const ROUTINE: &str = "workflows/kommun_000/installation.yaml";
const DATA: &str = "{decision_date: 2026-06-19, client_name: Anna Andersson, \
                    client_address: 'Storgatan 1, 147 30 Tumba', home_care_group: norra}";
const BOOK: &str = "alarm_team: larm@kommun.example\nassessor: bistand@kommun.example\n\
                    coordinator_day: koordinator.dag@kommun.example\n\
                    coordinator_night: koordinator.natt@kommun.example\n\
                    fee_admin: avgift@kommun.example\nnight_patrol: natt@kommun.example\n\
                    norra: hemtjanst.norra@kommun.example\n";

fn rutin(db: &Path, args: &[&str]) -> Command {
    let mut cmd = rutin_process();
    cmd.env_remove("RUTIN_DATABASE_URL")
        .args(args)
        .arg("--db")
        .arg(db);
    cmd
}

fn ok(db: &Path, args: &[&str]) -> String {
    let (code, out, err) = support::parts(rutin(db, args).output().expect("rutin runs"));
    assert_eq!(code, 0, "{args:?}: {out}{err}");
    out
}

fn complete(db: &Path, id: &str, task: &str, role: &str, values: &str, at: &str) -> String {
    ok(
        db,
        &[
            "case", "complete", id, task, "--as", role, "--values", values, "--at", at,
        ],
    )
}

/// K-1 through installation up to the `installed` message; K-2's order is wrong.
fn work_the_cases(db: &Path) {
    for id in ["K-1", "K-2"] {
        ok(
            db,
            &[
                "case",
                "start",
                ROUTINE,
                "--id",
                id,
                "--data",
                DATA,
                "--at",
                "2026-06-19 08:00",
            ],
        );
    }
    let team = "alarm_team";
    complete(
        db,
        "K-1",
        "check_order",
        team,
        "order_ok: true",
        "2026-06-22 08:00",
    );
    complete(
        db,
        "K-1",
        "call_client",
        team,
        "client_accepts: true",
        "2026-06-23 08:00",
    );
    complete(
        db,
        "K-1",
        "agree_installation",
        team,
        "{keys_needed: 2, planned_install_date: 2026-06-24}",
        "2026-06-24 08:00",
    );
    complete(
        db,
        "K-1",
        "install_alarm",
        team,
        "{install_date: 2026-06-25, keys_signed_out: 2, lock_mount_date: 2026-06-25}",
        "2026-06-25 08:00",
    );
    complete(
        db,
        "K-1",
        "sign_agreement",
        team,
        "agreement_signed: true",
        "2026-06-26 08:00",
    );
    complete(db, "K-1", "register_keys", team, "{}", "2026-06-29 08:00");
    let out = complete(
        db,
        "K-1",
        "transfer_order",
        team,
        "performer_changed_date: 2026-06-30",
        "2026-06-30 08:00",
    );
    assert!(out.contains("✉ message `installed`"), "{out}");
    complete(
        db,
        "K-2",
        "check_order",
        team,
        "order_ok: false",
        "2026-06-22 08:00",
    );
    // The message goes to the assessor: the alarm team's output does not show it.
    let out = complete(
        db,
        "K-2",
        "describe_order_error",
        team,
        "order_error: Personnumret saknas",
        "2026-06-22 09:00",
    );
    assert!(out.contains("(send_back_order) [message]"), "{out}");
}

fn emls(folder: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(folder)
        .expect("the outbox folder")
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read_to_string(e.path()).unwrap_or_default(),
            )
        })
        .collect();
    files.sort();
    files
}

/// Ticks at chosen times deliver into a folder; a second tick fires nothing twice.
fn tick_into_folder(db: &Path, folder: &Path, book: &Path) -> usize {
    let folder_arg = folder.display().to_string();
    let book_arg = book.display().to_string();
    let tick = |now: &str| {
        ok(
            db,
            &[
                "tick",
                "--now",
                now,
                "--deliver-to-folder",
                &folder_arg,
                "--address-book",
                &book_arg,
            ],
        )
    };
    let out = tick("2026-07-01 08:00");
    assert!(
        out.contains("deadline `correction_reminder` expired"),
        "{out}"
    );
    assert!(out.contains("✉ sent case K-1 #"), "{out}");
    let files = emls(folder);
    assert_eq!(
        files.len(),
        3,
        "installed, order_incorrect, one reminder: {files:?}"
    );
    for (name, text) in &files {
        assert!(name.ends_with("@rutin.invalid.eml"), "{name}");
        let id = format!("Message-ID: <{}>", name.trim_end_matches(".eml"));
        assert!(text.contains(&id), "{text}");
        assert!(
            text.contains("Content-Type: text/plain; charset=utf-8"),
            "{text}"
        );
        // Each of the three goes on the alarm team's behalf (`from:`): its
        // name before the engine's address, its own address for replies.
        assert!(
            text.contains("From: Larmgruppen <rutin@rutin.invalid>"),
            "{text}"
        );
        assert!(
            text.contains("Reply-To: Larmgruppen <larm@kommun.example>"),
            "{text}"
        );
    }
    let installed = files
        .iter()
        .find(|(_, t)| t.contains("Hemtjanst") || t.contains("hemtjanst.norra@"));
    assert!(
        installed.is_some(),
        "the group's address from the address book: {files:?}"
    );
    let again = tick("2026-07-01 08:00");
    assert!(
        again.contains("0 case(s) moved") && again.contains("0 message(s) sent"),
        "{again}"
    );
    assert_eq!(emls(folder).len(), 3, "nothing delivered twice");
    files.len()
}

fn spawn_run(
    db: &Path,
    sink: &SmtpSink,
    book: &Path,
) -> (Child, std::io::Lines<BufReader<std::process::ChildStdout>>) {
    let mut child = rutin(
        db,
        &[
            "run",
            "--poll",
            "1s",
            "--smtp",
            &sink.url(),
            "--address-book",
            &book.display().to_string(),
        ],
    )
    .stdout(Stdio::piped())
    .stderr(Stdio::inherit())
    .spawn()
    .expect("rutin run starts");
    let mut lines = BufReader::new(child.stdout.take().expect("a pipe")).lines();
    let first = lines.next().and_then(Result::ok).unwrap_or_default();
    assert!(first.contains("rutin run: running"), "{first}");
    (child, lines)
}

/// Waits (at most a minute: a stuck runner fails the test) until `done` holds.
fn eventually(what: &str, done: impl Fn() -> bool) {
    let give_up = Instant::now() + Duration::from_secs(60);
    while !done() {
        assert!(Instant::now() < give_up, "never happened: {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn terminate(child: &Child) {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
}

#[test]
fn a_shipped_routine_runs_for_real() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let db = dir.path().join("rutin.db");
    let folder = dir.path().join("utkorg");
    let book = dir.path().join("adresser.yaml");
    std::fs::write(&book, BOOK).expect("the address book");
    work_the_cases(&db);
    let pending = ok(&db, &["outbox", "--status", "pending"]);
    assert!(pending.contains("2 message(s)"), "{pending}");
    let in_folder = tick_into_folder(&db, &folder, &book);

    // Now the wall clock: the runner catches up K-2's later reminders and
    // sends them by SMTP, and delivers what K-1's coordinators cause meanwhile.
    let sink = SmtpSink::start();
    let (child, lines) = spawn_run(&db, &sink, &book);
    eventually("the catch-up reminders reach the sink", || {
        !sink.received().is_empty()
    });
    complete(
        &db,
        "K-1",
        "execute_day",
        "coordinator_day",
        "{}",
        "2026-07-01 09:00",
    );
    complete(
        &db,
        "K-1",
        "execute_night",
        "coordinator_night",
        "{}",
        "2026-07-02 09:00",
    );
    eventually("the outbox is empty", || {
        ok(&db, &["outbox", "--status", "pending"]).contains("0 message(s)")
    });
    terminate(&child);
    let output: Vec<String> = lines.map_while(Result::ok).collect();
    let status = { child }.wait().expect("run ends");
    assert!(status.success(), "{output:?}");
    assert_eq!(
        output.last().map(String::as_str),
        Some("rutin run: stopped"),
        "{output:?}"
    );

    let received = sink.received();
    for mail in &received {
        assert!(mail.data.contains("Message-ID: <K-2."), "{}", mail.data);
        assert_eq!(mail.to, vec!["bistand@kommun.example"]);
    }
    let sent = ok(&db, &["outbox", "--status", "sent"]);
    let total = in_folder + received.len();
    assert!(sent.contains(&format!("{total} message(s)")), "{sent}");
    let shown = ok(&db, &["case", "show", "K-1"]);
    assert!(shown.contains("case ended: executed"), "{shown}");
    let history = ok(&db, &["case", "history", "K-2"]);
    assert!(
        history.contains("delivery:") && history.contains(": sent "),
        "{history}"
    );
    assert!(ok(&db, &["case", "verify"]).contains("2 case(s)"));
}

#[test]
fn run_stops_cleanly_on_ctrl_c() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let db = dir.path().join("rutin.db");
    let mut child = rutin(&db, &["run", "--poll", "1h"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("rutin run starts");
    let mut lines = BufReader::new(child.stdout.take().expect("a pipe")).lines();
    let first = lines.next().and_then(Result::ok).unwrap_or_default();
    assert!(first.contains("no delivery"), "{first}");
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert!(child.wait().expect("run ends").success(), "{rest:?}");
    assert_eq!(rest, vec!["rutin run: stopped"]);
}
