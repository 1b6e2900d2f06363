//! Delivery: journal messages become mail and leave the building.
//!
//! The runtime records every message it sends in the case's journal; a
//! store copies it into its outbox in the same transaction. This module
//! takes it from there: [`compose`] turns a message into an RFC 5322 mail
//! (sender, recipients from the organisation file and the configuration, a
//! Message-ID stable across retries), a [`Transport`] sends it (a
//! [`FolderTransport`] of `.eml` files or an [`SmtpTransport`]), and a
//! [`RetryPolicy`] decides what a failure means: try again later, or give
//! up. [`attempt`] does one delivery attempt from start to end. Time is
//! passed in; nothing here reads the clock.

mod address;
mod config;
mod eml;
mod error;
mod folder;
mod key;
mod outbox;
mod retry;
mod smtp;
#[cfg(test)]
mod tests;

use chrono::NaiveDateTime;

pub use address::Unaddressed;
pub use config::{MailConfig, Zone, DEFAULT_DOMAIN};
pub use eml::{compose, Mail};
pub use error::{ComposeError, ConfigError, Failure, SendError};
pub use folder::FolderTransport;
pub use key::MessageKey;
pub use outbox::{deliver_due, key_of, Delivered, Deliverer, LEASE};
pub use retry::{Attempt, Outcome, RetryPolicy};
pub use smtp::SmtpTransport;

use crate::run::Message;

/// Something that takes mail: a folder, an SMTP server, …
pub trait Transport {
    /// Sends one mail. Sending the same mail twice must be harmless (a
    /// retry after a crash does that): it carries the same Message-ID.
    fn send(&self, mail: &Mail) -> Result<(), SendError>;

    /// What it is, for people: `folder outbox/`, `SMTP smtp://localhost:25`.
    fn describe(&self) -> String;
}

/// One delivery attempt of an outbox item: the `attempts`-th (counting
/// this one), made at `now`. A message that cannot be made into mail (no
/// recipient has a mail address) fails for good at once.
pub fn attempt(
    transport: &dyn Transport,
    config: &MailConfig,
    policy: &RetryPolicy,
    item: Item<'_>,
    attempts: u32,
    now: NaiveDateTime,
) -> Outcome {
    let result = match compose(item.key, item.journaled, item.message, config) {
        Ok(mail) => match transport.send(&mail) {
            Ok(()) => Attempt::Sent {
                to: mail.recipients(),
                unaddressed: mail.unaddressed,
            },
            Err(e) => Attempt::Failed {
                failure: e.failure,
                reason: e.reason,
            },
        },
        Err(e) => Attempt::Failed {
            failure: Failure::Permanent,
            reason: e.to_string(),
        },
    };
    policy.outcome(attempts, now, result)
}

/// One outbox item to deliver.
#[derive(Debug, Clone, Copy)]
pub struct Item<'a> {
    /// Its key.
    pub key: &'a MessageKey,
    /// When the message was journaled (the mail's `Date`).
    pub journaled: NaiveDateTime,
    /// The message.
    pub message: &'a Message,
}
