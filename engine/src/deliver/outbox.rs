//! Delivering a store's due outbox: claim what is due, attempt each item,
//! record each outcome. An item is recorded right after its attempt, so a
//! process killed in the middle leaves the others pending (their lease runs
//! out and another pass takes them; a mail sent but not yet recorded goes
//! out again with the same Message-ID).

use chrono::{Duration, NaiveDateTime};

use super::key::MessageKey;
use super::retry::{Outcome, RetryPolicy};
use super::{attempt, Item, MailConfig, Transport};
use crate::store::{CaseStore, Delivery, OutboxItem, OutboxSource, StoreError};

/// How long a claimed item is held by one pass before another may take it.
pub const LEASE: Duration = Duration::minutes(10);

/// Where and how outbox items are delivered.
#[derive(Clone, Copy)]
pub struct Deliverer<'a> {
    /// The transport.
    pub transport: &'a dyn Transport,
    /// Sender, domain, zone, addresses.
    pub config: &'a MailConfig,
    /// When to retry.
    pub policy: &'a RetryPolicy,
}

impl std::fmt::Debug for Deliverer<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Deliverer")
            .field("transport", &self.transport.describe())
            .field("config", self.config)
            .field("policy", self.policy)
            .finish()
    }
}

/// One item delivered (or not) by a pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivered {
    /// The item's key.
    pub key: MessageKey,
    /// Its subject, for people.
    pub subject: Option<String>,
    /// What became of it.
    pub outcome: Outcome,
}

/// The key of a stored outbox item.
pub fn key_of(source: &OutboxSource) -> MessageKey {
    match source {
        OutboxSource::Case { case, seq } => MessageKey::case(case.clone(), *seq, 0),
        OutboxSource::Schedule {
            routine,
            version,
            schedule,
            due,
        } => MessageKey::schedule(routine, version, schedule, *due),
    }
}

/// Delivers up to `limit` outbox items due at `now`, oldest first.
pub fn deliver_due(
    store: &mut dyn CaseStore,
    deliverer: Deliverer<'_>,
    now: NaiveDateTime,
    limit: usize,
) -> Result<Vec<Delivered>, StoreError> {
    let items = store.claim_outbox(now, limit, now + LEASE)?;
    let mut done = Vec::with_capacity(items.len());
    for item in items {
        let delivered = deliver_one(deliverer, &item, now);
        store.record_delivery(&item.id, &delivery(&delivered.outcome, now))?;
        done.push(delivered);
    }
    Ok(done)
}

fn deliver_one(deliverer: Deliverer<'_>, item: &OutboxItem, now: NaiveDateTime) -> Delivered {
    let key = key_of(&item.source);
    let outcome = attempt(
        deliverer.transport,
        deliverer.config,
        deliverer.policy,
        Item {
            key: &key,
            journaled: item.created,
            message: &item.message,
        },
        item.attempts + 1,
        now,
    );
    Delivered {
        key,
        subject: item.message.subject.clone(),
        outcome,
    }
}

/// The store's record of an attempt's outcome.
fn delivery(outcome: &Outcome, now: NaiveDateTime) -> Delivery {
    match outcome {
        Outcome::Sent { at, .. } => Delivery::Sent { at: *at },
        Outcome::Retry { at, reason, .. } => Delivery::Failed {
            at: now,
            error: reason.clone(),
            retry_at: Some(*at),
        },
        Outcome::Failed { reason, .. } => Delivery::Failed {
            at: now,
            error: reason.clone(),
            retry_at: None,
        },
    }
}
