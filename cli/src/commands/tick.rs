//! `rutin tick`: everything due by a time, once. Fires the deadlines due,
//! runs the schedules due (both by the library's runner, in time order),
//! then delivers the outbox items due; prints what it did.

use chrono::NaiveDateTime;
use rutin::deliver::{deliver_due, Delivered, Deliverer, Outcome};
use rutin::run::journaled_error_in;
use rutin::runner::{Runner, TickSummary};
use rutin::store::OutboxStatus;

use crate::db::{Db, DbArgs, Failure};
use crate::input::{minute, time};
use crate::mail::{Mail, MailArgs};
use crate::output::{eprintln, lang, print, println, text};
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
        once(&mut db, &mut Runner::new(), &mail, now, true, &|| false)
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
/// when nothing happened. `stop` is asked between cases and between
/// delivery batches: once it says yes, the tick ends there.
pub(crate) fn once(
    db: &mut Db,
    runner: &mut Runner,
    mail: &Mail,
    now: NaiveDateTime,
    verbose: bool,
    stop: &dyn Fn() -> bool,
) -> Result<Done, Failure> {
    let summary = runner.tick_until(db.as_mut(), now, stop)?;
    let mut done = Done {
        moved: summary.advanced.len(),
        schedules: summary.schedules.len(),
        failures: summary.failures.len(),
        ..Done::default()
    };
    print_summary(db, runner, &summary);
    let waiting = deliver(db, mail, now, &mut done, stop)?;
    if verbose || !done.is_empty() {
        let undone = if done.failures > 0 {
            text(
                "tick-undone",
                &[("count", done.failures.to_string().into())],
            )
        } else {
            String::new()
        };
        let counts = [
            ("at", minute(now).into()),
            ("moved", done.moved.to_string().into()),
            ("schedules", done.schedules.to_string().into()),
            ("sent", done.sent.to_string().into()),
            ("retrying", done.retrying.to_string().into()),
            ("failed", done.failed.to_string().into()),
            ("undone", undone.into()),
        ];
        println!("{}", text("tick-summary", &counts));
    }
    if let Some(waiting) = waiting.filter(|n| verbose && *n > 0) {
        let count = [("count", waiting.to_string().into())];
        println!("{}", text("tick-waiting", &count));
    }
    Ok(done)
}

fn print_summary(db: &mut Db, runner: &mut Runner, summary: &TickSummary) {
    for ran in &summary.schedules {
        let slot = &ran.slot;
        let reported = if ran.reported {
            text("tick-reported", &[])
        } else {
            String::new()
        };
        let line = [
            ("schedule", slot.schedule.to_string().into()),
            ("routine", slot.routine.to_string().into()),
            ("version", slot.version.to_string().into()),
            ("due", minute(slot.next_due).into()),
            ("count", ran.selected.len().to_string().into()),
            ("reported", reported.into()),
        ];
        println!("{}", text("tick-schedule", &line));
    }
    for (id, effects) in &summary.advanced {
        println!("{}", text("case-colon", &[("id", id.0.as_str().into())]));
        match runner.load(db.as_mut(), id) {
            Ok((_, loaded)) => print!("{}", timeline::effects(&loaded.routine, effects, None)),
            Err(e) => {
                let why = [
                    ("count", effects.entries.len().to_string().into()),
                    ("error", e.message_in(lang()).into()),
                ];
                println!("  {}", text("tick-cannot-show", &why));
            }
        }
    }
    for failure in &summary.failures {
        let message = text(
            "tick-failure",
            &[
                ("what", journaled_error_in(&failure.what, lang()).into()),
                ("error", failure.error.message_in(lang()).into()),
            ],
        );
        eprintln!("{}", text("error-line", &[("message", message.into())]));
    }
}

/// Delivers what is due; without a transport returns how many items wait.
fn deliver(
    db: &mut Db,
    mail: &Mail,
    now: NaiveDateTime,
    done: &mut Done,
    stop: &dyn Fn() -> bool,
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
        if stop() {
            return Ok(None);
        }
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
    let subject = item
        .subject
        .clone()
        .unwrap_or_else(|| text("tick-no-subject", &[]));
    match &item.outcome {
        Outcome::Sent {
            to, unaddressed, ..
        } => {
            done.sent += 1;
            let sent = [
                ("key", item.key.to_string().into()),
                ("subject", (&subject).into()),
                ("to", to.join(", ").into()),
            ];
            println!("{}", text("tick-sent", &sent));
            for u in unaddressed {
                let who = [("who", u.to_string().into())];
                println!("  {}", text("tick-not-sent-to", &who));
            }
        }
        Outcome::Retry { at, reason, .. } => {
            done.retrying += 1;
            let retry = [
                ("key", item.key.to_string().into()),
                ("reason", reason.to_string().into()),
                ("at", minute(*at).into()),
            ];
            println!("{}", text("tick-retry", &retry));
        }
        Outcome::Failed { reason, .. } => {
            done.failed += 1;
            let failed = [
                ("key", item.key.to_string().into()),
                ("subject", (&subject).into()),
                ("reason", reason.to_string().into()),
            ];
            println!("{}", text("tick-failed", &failed));
            if reason.contains("has no mail address") || reason.contains("not a mail address") {
                println!("  {}", text("tick-address-hint", &[]));
            }
        }
    }
}

/// Delivers the outbox items due by `now` (no deadlines fired), printing each.
pub(crate) fn deliver_only(db: &mut Db, mail: &Mail, now: NaiveDateTime) -> Result<(), Failure> {
    let mut done = Done::default();
    deliver(db, mail, now, &mut done, &|| false)?;
    let counts = [
        ("at", minute(now).into()),
        ("sent", done.sent.to_string().into()),
        ("retrying", done.retrying.to_string().into()),
        ("failed", done.failed.to_string().into()),
    ];
    println!("{}", text("tick-delivery", &counts));
    Ok(())
}
