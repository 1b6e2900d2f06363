//! `rutin run`: `tick` continuously on the wall clock. Sleeps until the
//! store's next wakeup (a deadline, a schedule, a retry) or the poll
//! interval, whichever comes first; stops cleanly on SIGTERM or Ctrl-C
//! (the tick under way stops after the case or message it is on, its
//! transactions finished).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

use chrono::NaiveDateTime;
use rutin::runner::Runner;
use rutin::store::StoreError;

use super::tick;
use crate::db::{Db, DbArgs, Failure};
use crate::mail::{Mail, MailArgs};
use crate::output::{eprintln, println};
use crate::OK;

/// Arguments of `rutin run`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    pub(crate) db: DbArgs,
    /// Look at the database at least this often (like 30s, 5m): other processes may
    /// have started cases or added work meanwhile.
    #[arg(long, default_value = "60s", value_name = "WAIT")]
    pub(crate) poll: String,
    #[command(flatten)]
    pub(crate) mail: MailArgs,
}

pub(crate) fn run(args: &Args) -> u8 {
    match serve(args) {
        Ok(()) => OK,
        Err(f) => {
            eprintln!(
                "{}",
                crate::output::text("error-line", &[("message", (&f.message).into())])
            );
            f.code
        }
    }
}

fn serve(args: &Args) -> Result<(), Failure> {
    let poll = parse_wait(&args.poll).map_err(Failure::usage)?;
    let mut db = args.db.open()?;
    let mail = args.mail.load().map_err(Failure::usage)?;
    let (stop, stopped) = mpsc::channel();
    let stopping = Arc::new(AtomicBool::new(false));
    let flag = stopping.clone();
    ctrlc::set_handler(move || {
        flag.store(true, Ordering::SeqCst);
        let _ = stop.send(());
    })
    .map_err(|e| {
        let reason = e.to_string();
        Failure::usage(crate::output::text(
            "out-cannot-listen",
            &[("reason", reason.into())],
        ))
    })?;
    let delivery = mail
        .transport
        .as_ref()
        .map_or_else(|| "no delivery".to_string(), |t| t.describe());
    println!(
        "rutin run: running ({delivery}, looking at least every {}s); stop with Ctrl-C or SIGTERM",
        poll.as_secs()
    );
    let mut runner = Runner::new();
    let asked = || stopping.load(Ordering::SeqCst);
    loop {
        let now = wall_clock();
        let next = step(&mut db, &mut runner, &mail, now, &asked)?;
        if asked() {
            break;
        }
        let wait = next
            .and_then(|at| (at - wall_clock()).to_std().ok())
            .map_or(poll, |until| until.min(poll))
            .max(Duration::from_millis(200));
        match stopped.recv_timeout(wait) {
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Ok(()) | Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    println!("rutin run: stopped");
    Ok(())
}

/// One tick and the next wakeup. A passing trouble (a busy database) is
/// reported and the loop goes on; a database that cannot be used stops it.
fn step(
    db: &mut Db,
    runner: &mut Runner,
    mail: &Mail,
    now: NaiveDateTime,
    stop: &dyn Fn() -> bool,
) -> Result<Option<NaiveDateTime>, Failure> {
    if let Err(f) = tick::once(db, runner, mail, now, false, stop) {
        eprintln!(
            "{}",
            crate::output::text("error-line", &[("message", (&f.message).into())])
        );
    }
    match db.next_wakeup() {
        Ok(next) => Ok(next),
        Err(e @ (StoreError::NotARutinDatabase { .. } | StoreError::NewerSchema { .. })) => {
            Err(e.into())
        }
        Err(e) => {
            eprintln!(
                "{}",
                crate::output::text("error-line", &[("message", e.to_string().into())])
            );
            Ok(None)
        }
    }
}

/// Now on the wall clock (local time), to the second.
fn wall_clock() -> NaiveDateTime {
    let now = chrono::Local::now().naive_local();
    now.with_nanosecond(0).unwrap_or(now)
}

use chrono::Timelike as _;

/// A wait written like `30s`, `5m`, `1h`.
fn parse_wait(text: &str) -> Result<Duration, String> {
    let bad = || format!("--poll {text}: write a number and s, m or h, like 30s");
    let t = text.trim();
    let (number, unit) = t.split_at(t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len()));
    let n: u64 = number.parse().map_err(|_| bad())?;
    let seconds = match unit {
        "s" | "" => n,
        "m" => n * 60,
        "h" => n * 3600,
        _ => return Err(bad()),
    };
    if seconds == 0 {
        return Err(bad());
    }
    Ok(Duration::from_secs(seconds))
}
