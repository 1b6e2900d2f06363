//! `rutin outbox`: the messages of the database's outbox, pending, sent or
//! failed, with attempts, the next try and why the last one failed; with
//! `--deliver`, first delivers what is due (without firing deadlines).

use rutin::deliver::{compose, key_of};
use rutin::store::{OutboxItem, OutboxStatus};

use super::case_read::delivery_text;
use crate::db::{DbArgs, Failure};
use crate::input::{minute, time};
use crate::mail::{Mail, MailArgs};
use crate::output::{eprintln, println, text, Format};
use crate::OK;

/// Which items to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Status {
    /// Not delivered yet (perhaps tried, to be tried again).
    Pending,
    /// Delivered.
    Sent,
    /// Given up.
    Failed,
}

/// Arguments of `rutin outbox`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    pub(crate) db: DbArgs,
    /// Only items of this status.
    #[arg(long, value_enum)]
    pub(crate) status: Option<Status>,
    /// Text or JSON.
    #[arg(long, value_enum, default_value_t)]
    pub(crate) format: Format,
    /// First deliver the items due (by `--now`, default now).
    #[arg(long)]
    pub(crate) deliver: bool,
    /// The time for `--deliver`.
    #[arg(long, requires = "deliver")]
    pub(crate) now: Option<String>,
    #[command(flatten)]
    pub(crate) mail: MailArgs,
}

pub(crate) fn run(args: &Args) -> u8 {
    match show(args) {
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

fn show(args: &Args) -> Result<(), Failure> {
    let mut db = args.db.open()?;
    let mail = args.mail.load().map_err(Failure::usage)?;
    if args.deliver {
        if mail.transport.is_none() {
            return Err(Failure::usage(text("outbox-deliver-nowhere", &[])));
        }
        let now = time(&args.now)?;
        super::tick::deliver_only(&mut db, &mail, now)?;
    }
    let status = args.status.map(|s| match s {
        Status::Pending => OutboxStatus::Pending,
        Status::Sent => OutboxStatus::Sent,
        Status::Failed => OutboxStatus::Failed,
    });
    let items = db.outbox(status)?;
    match args.format {
        Format::Json => {
            let rows: Vec<serde_json::Value> = items.iter().map(|i| row(i, &mail)).collect();
            println!(
                "{}",
                serde_json::to_string_pretty(&rows).unwrap_or_default()
            );
        }
        Format::Text => {
            for item in &items {
                print_item(item, &mail);
            }
            let count = [("count", items.len().to_string().into())];
            println!("{}", text("outbox-count", &count));
        }
    }
    Ok(())
}

/// Who a message goes to, by name, and those it cannot reach with the
/// addresses configured now.
fn recipients(item: &OutboxItem, mail: &Mail) -> (Vec<String>, Vec<String>) {
    let names = item.message.recipients().map(|a| a.name.clone()).collect();
    let key = key_of(&item.source);
    let unaddressed = match compose(&key, item.created, &item.message, &mail.config) {
        Ok(m) => m.unaddressed().iter().map(ToString::to_string).collect(),
        Err(e) => vec![e.to_string()],
    };
    (names, unaddressed)
}

fn print_item(item: &OutboxItem, mail: &Mail) {
    let key = key_of(&item.source);
    let (names, unaddressed) = recipients(item, mail);
    println!(
        "{}  {}  {}",
        minute(item.created),
        key,
        item.message
            .subject
            .clone()
            .unwrap_or_else(|| text("tick-no-subject", &[]))
    );
    println!(
        "    {}",
        text("outbox-to", &[("who", names.join(", ").into())])
    );
    println!("    {}", delivery_text(item));
    if item.status != OutboxStatus::Sent {
        for u in unaddressed {
            println!("    {}", text("outbox-cannot-mail", &[("who", u.into())]));
        }
    }
}

fn row(item: &OutboxItem, mail: &Mail) -> serde_json::Value {
    let key = key_of(&item.source);
    let (names, unaddressed) = recipients(item, mail);
    serde_json::json!({
        "id": item.id.0,
        "message_id": key.message_id(mail.config.domain()),
        "created": minute(item.created),
        "subject": item.message.subject,
        "to": names,
        "status": item.status.as_str(),
        "attempts": item.attempts,
        "next_attempt": item.next_attempt.map(minute),
        "last_error": item.last_error,
        "sent_at": item.sent_at.map(minute),
        "unaddressed": unaddressed,
    })
}
