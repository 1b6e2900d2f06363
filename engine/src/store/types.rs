//! The records a [`super::CaseStore`] keeps and hands back.

use std::fmt;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::bundle::BundleHash;
use crate::run::{CaseId, JournalEntry, Message};

/// What the store indexes about a case, rewritten by every commit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseIndex {
    /// The routine's id.
    pub routine: String,
    /// The routine's version.
    pub version: String,
    /// The routine bundle the case is pinned to.
    pub bundle: BundleHash,
    /// Whether the case is still open.
    pub open: bool,
    /// The next time something is due for the case (`None`: nothing armed).
    pub next_due: Option<NaiveDateTime>,
}

/// A case as stored: its index and its journal.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredCase {
    /// The case's id.
    pub id: CaseId,
    /// What the store indexes about it.
    pub index: CaseIndex,
    /// The whole journal, in order.
    pub journal: Vec<JournalEntry>,
}

impl StoredCase {
    /// The last sequence number (what a commit must expect).
    pub fn last_seq(&self) -> u64 {
        self.journal.last().map_or(0, |e| e.seq)
    }
}

/// One line of a case listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseSummary {
    /// The case's id.
    pub id: CaseId,
    /// Its index.
    pub index: CaseIndex,
    /// Its last sequence number.
    pub last_seq: u64,
}

/// Which cases to list; the default lists every case.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseFilter {
    /// Only cases of this routine id.
    pub routine: Option<String>,
    /// Only cases of this routine version.
    pub version: Option<String>,
    /// Only open cases.
    pub open_only: bool,
}

/// One command's changes to one case, committed all or nothing.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseCommit {
    /// The case.
    pub case: CaseId,
    /// The last sequence number the command read (0: a new case).
    pub expected_seq: u64,
    /// The new journal entries, numbered on from `expected_seq + 1`.
    pub entries: Vec<JournalEntry>,
    /// The case's index after the command.
    pub index: CaseIndex,
    /// Messages the command produced, to be delivered.
    pub outbox: Vec<NewOutboxItem>,
}

/// The stable id of an outbox item, also its message's Message-ID part:
/// `case/<case>/<seq>` for a case's message, `schedule/<routine>/<version>/<schedule>/<due>`
/// for a report.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OutboxId(pub String);

impl OutboxId {
    /// The id of the message journaled as entry `seq` of `case`.
    pub fn for_case(case: &CaseId, seq: u64) -> Self {
        OutboxId(format!("case/{case}/{seq}"))
    }

    /// The id of a schedule's report for one due time.
    pub fn for_schedule(slot: &ScheduleSlot, due: NaiveDateTime) -> Self {
        OutboxId(format!(
            "schedule/{}/{}/{}/{}",
            slot.routine,
            slot.version,
            slot.schedule,
            due.format("%Y-%m-%dT%H:%M:%S")
        ))
    }
}

impl fmt::Display for OutboxId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What produced an outbox item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum OutboxSource {
    /// A case's journal entry (a `message_sent`).
    Case {
        /// The case.
        case: CaseId,
        /// The journal entry.
        seq: u64,
    },
    /// A schedule's report.
    Schedule {
        /// The routine's id.
        routine: String,
        /// The routine's version.
        version: String,
        /// The schedule's id.
        schedule: String,
        /// The due time it ran for.
        due: NaiveDateTime,
    },
}

/// A message to be delivered, as a command hands it to the store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewOutboxItem {
    /// Its stable id.
    pub id: OutboxId,
    /// What produced it.
    pub source: OutboxSource,
    /// When it was produced (the first attempt is due then).
    pub created: NaiveDateTime,
    /// The message.
    pub message: Message,
}

/// Where an outbox item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutboxStatus {
    /// Not delivered yet (perhaps tried and to be tried again).
    Pending,
    /// Delivered.
    Sent,
    /// Given up after failed attempts.
    Failed,
}

impl OutboxStatus {
    /// The status as stored and shown: `pending`, `sent`, `failed`.
    pub fn as_str(self) -> &'static str {
        match self {
            OutboxStatus::Pending => "pending",
            OutboxStatus::Sent => "sent",
            OutboxStatus::Failed => "failed",
        }
    }

    /// The status from its stored name.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "pending" => Some(OutboxStatus::Pending),
            "sent" => Some(OutboxStatus::Sent),
            "failed" => Some(OutboxStatus::Failed),
            _ => None,
        }
    }
}

/// An outbox item with its delivery state.
#[derive(Debug, Clone, PartialEq)]
pub struct OutboxItem {
    /// Its stable id.
    pub id: OutboxId,
    /// What produced it.
    pub source: OutboxSource,
    /// When it was produced.
    pub created: NaiveDateTime,
    /// The message.
    pub message: Message,
    /// Where it stands.
    pub status: OutboxStatus,
    /// Delivery attempts so far.
    pub attempts: u32,
    /// When it is (next) due to be tried; `None` once sent or given up.
    pub next_attempt: Option<NaiveDateTime>,
    /// Why the last attempt failed.
    pub last_error: Option<String>,
    /// When it was delivered.
    pub sent_at: Option<NaiveDateTime>,
}

/// The outcome of one delivery attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// Delivered at this time.
    Sent {
        /// When.
        at: NaiveDateTime,
    },
    /// Not delivered.
    Failed {
        /// When it was tried.
        at: NaiveDateTime,
        /// Why it failed, in plain words.
        error: String,
        /// When to try again; `None`: give up (the item becomes failed).
        retry_at: Option<NaiveDateTime>,
    },
}

/// A schedule of one routine version and when it is next due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleSlot {
    /// The routine's id.
    pub routine: String,
    /// The routine's version.
    pub version: String,
    /// The schedule's id.
    pub schedule: String,
    /// The bundle the schedule is read from.
    pub bundle: BundleHash,
    /// When it next runs.
    pub next_due: NaiveDateTime,
}

/// One run of a schedule, committed all or nothing.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduleRunCommit {
    /// The slot as it was read (its `next_due` is the due time this run is for).
    pub slot: ScheduleSlot,
    /// When the slot is due next.
    pub next_due: NaiveDateTime,
    /// The cases the report listed.
    pub selected: Vec<CaseId>,
    /// The report, when there is one to send.
    pub outbox: Vec<NewOutboxItem>,
}

impl NewOutboxItem {
    /// The outbox items for the messages among a command's new journal
    /// entries: one per `message_sent` entry, due when it was sent.
    pub fn from_entries(case: &CaseId, entries: &[JournalEntry]) -> Vec<NewOutboxItem> {
        entries
            .iter()
            .filter_map(|entry| match &entry.record {
                crate::run::Record::MessageSent(message) => Some(NewOutboxItem {
                    id: OutboxId::for_case(case, entry.seq),
                    source: OutboxSource::Case {
                        case: case.clone(),
                        seq: entry.seq,
                    },
                    created: entry.at,
                    message: (**message).clone(),
                }),
                _ => None,
            })
            .collect()
    }
}

impl CaseIndex {
    /// The index of a case pinned to `bundle`, as it stands.
    pub fn of(case: &crate::run::Case, bundle: BundleHash) -> Self {
        CaseIndex {
            routine: case.routine_id().to_owned(),
            version: case.routine_version().to_owned(),
            bundle,
            open: !case.is_ended(),
            next_due: if case.is_ended() {
                None
            } else {
                case.next_due()
            },
        }
    }
}
