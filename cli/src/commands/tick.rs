//! `rutin tick`: everything due by a time, once. Fires the deadlines due,
//! runs the schedules due (both by the library's runner, in time order),
//! then delivers the outbox items due; prints what it did.

use chrono::NaiveDateTime;
use rutin::deliver::{deliver_due, Delivered, Deliverer, Outcome};
use rutin::runner::{Runner, TickSummary};
use rutin::store::OutboxStatus;

use crate::db::{Db, DbArgs, Failure};
use crate::input::{minute, time};
use crate::mail::{Mail, MailArgs};
use crate::output::{eprintln, print, println};
use crate::{timeline, OK, PROBLEMS};

/// Arguments of `rutin tick`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    pub(crate) db: DbArgs,
    /// Fire what is due up to this time (YYYY-MM-DD or YYYY-MM-DD HH:MM; default now).
    #[arg(long)]
    pub(crate) now: Option<String>,
    #[command(flatten)]
    pub(crate) mail: MailArgs,
}

pub(crate) fn run(args: &Args) -> u8 {
    let result = (|| {
        let mut db = args.db.open()?;
        let mail = args.mail.load().map_err(Failure::usage)?;
        let now = time(&args.now)?;
        once(&mut db, &mut Runner::new(), &mail, now, true)
    })();
    match result {
        Ok(done) if done.failures == 0 => OK,
        Ok(_) => PROBLEMS,
        Err(f) => {
            eprintln!(
                "{}",
                crate::output::text("error-line", &[("message", (&f.message).into())])
            );
            f.code
        }
    }
}

/// What one tick did, counted.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Done {
    pub(crate) moved: usize,
    pub(crate) schedules: usize,
    pub(crate) failures: usize,
    pub(crate) sent: usize,
    pub(crate) retrying: usize,
    pub(crate) failed: usize,
}

impl Done {
    pub(crate) fn is_empty(&self) -> bool {
        self.moved + self.schedules + self.failures + self.sent + self.retrying + self.failed == 0
    }
}

/// One tick at `now`. Not `verbose` (the `run` loop): nothing is printed
/// when nothing happened.
pub(crate) fn once(
    db: &mut Db,
    runner: &mut Runner,
    mail: &Mail,
    now: NaiveDateTime,
    verbose: bool,
) -> Result<Done, Failure> {
    let summary = runner.tick(db.as_mut(), now)?;
    let mut done = Done {
        moved: summary.advanced.len(),
        schedules: summary.schedules.len(),
        failures: summary.failures.len(),
        ..Done::default()
    };
    print_summary(db, runner, &summary);
    let waiting = deliver(db, mail, now, &mut done)?;
    if verbose || !done.is_empty() {
        println!(
            "tick at {}: {} case(s) moved, {} schedule run(s), {} message(s) sent, {} to retry, {} failed for good{}",
            minute(now),
            done.moved,
            done.schedules,
            done.sent,
            done.retrying,
            done.failed,
            if done.failures > 0 {
                format!(", {} could not be done", done.failures)
            } else {
                String::new()
            }
        );
    }
    if let Some(waiting) = waiting.filter(|n| verbose && *n > 0) {
        println!(
            "{waiting} message(s) wait in the outbox: give --deliver-to-folder DIR or --smtp URL to send them"
        );
    }
    Ok(done)
}

fn print_summary(db: &mut Db, runner: &mut Runner, summary: &TickSummary) {
    for ran in &summary.schedules {
        let slot = &ran.slot;
        println!(
            "schedule `{}` of {} version {} for {}: {} case(s) selected{}",
            slot.schedule,
            slot.routine,
            slot.version,
            minute(slot.next_due),
            ran.selected.len(),
            if ran.reported {
                ", report in the outbox"
            } else {
                ""
            }
        );
    }
    for (id, effects) in &summary.advanced {
        println!("case {id}:");
        match runner.load(db.as_mut(), id) {
            Ok((_, loaded)) => print!("{}", timeline::effects(&loaded.routine, effects, None)),
            Err(e) => println!(
                "  ({} entries; the case cannot be shown: {e})",
                effects.entries.len()
            ),
        }
    }
    for failure in &summary.failures {
        eprintln!("error: {}: {}", failure.what, failure.error);
    }
}

/// Delivers what is due; without a transport returns how many items wait.
fn deliver(
    db: &mut Db,
    mail: &Mail,
    now: NaiveDateTime,
    done: &mut Done,
) -> Result<Option<usize>, Failure> {
    let Some(transport) = &mail.transport else {
        let pending = db.outbox(Some(OutboxStatus::Pending))?;
        return Ok(Some(pending.len()));
    };
    let deliverer = Deliverer {
        transport: transport.as_ref(),
        config: &mail.config,
        policy: &mail.policy,
    };
    loop {
        let batch = deliver_due(db.as_mut(), deliverer, now, 100)?;
        if batch.is_empty() {
            return Ok(None);
        }
        for item in &batch {
            print_delivered(item, done);
        }
    }
}

fn print_delivered(item: &Delivered, done: &mut Done) {
    let subject = item.subject.as_deref().unwrap_or("(no subject)");
    match &item.outcome {
        Outcome::Sent {
            to, unaddressed, ..
        } => {
            done.sent += 1;
            println!("✉ sent {}: {subject} → {}", item.key, to.join(", "));
            for u in unaddressed {
                println!("  not sent to {u}");
            }
        }
        Outcome::Retry { at, reason, .. } => {
            done.retrying += 1;
            println!(
                "✉ not sent {}: {reason}; next try {}",
                item.key,
                minute(*at)
            );
        }
        Outcome::Failed { reason, .. } => {
            done.failed += 1;
            println!("✉ FAILED {}: {subject}: {reason}", item.key);
            if reason.contains("has no mail address") || reason.contains("not a mail address") {
                println!(
                    "  hint: give roles and groups mail addresses with --address ID=ADDRESS or --address-book FILE"
                );
            }
        }
    }
}

/// Delivers the outbox items due by `now` (no deadlines fired), printing each.
pub(crate) fn deliver_only(db: &mut Db, mail: &Mail, now: NaiveDateTime) -> Result<(), Failure> {
    let mut done = Done::default();
    deliver(db, mail, now, &mut done)?;
    println!(
        "delivery at {}: {} message(s) sent, {} to retry, {} failed for good",
        minute(now),
        done.sent,
        done.retrying,
        done.failed
    );
    Ok(())
}
