//! Which outbox item a mail is, and its stable Message-ID.
//!
//! A case's message is identified by where it was journaled: the case, the
//! journal entry's sequence number and its index within that entry; a
//! schedule's report by the routine version, the schedule and the due time
//! it ran for. The Message-ID is derived from that key alone, so a retried
//! delivery (or one repeated after a crash) carries the same id and a mail
//! system can drop the copy.

use std::fmt::{self, Write as _};

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::run::CaseId;

/// The key of one outbox item.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MessageKey {
    /// A message in a case's journal.
    Case {
        /// The case.
        case: CaseId,
        /// The journal entry's sequence number.
        seq: u64,
        /// The message's index within that entry (0 for the first).
        index: u32,
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

impl MessageKey {
    /// The key of a case's message.
    pub fn case(case: impl Into<CaseId>, seq: u64, index: u32) -> Self {
        MessageKey::Case {
            case: case.into(),
            seq,
            index,
        }
    }

    /// The key of a schedule's report.
    pub fn schedule(routine: &str, version: &str, schedule: &str, due: NaiveDateTime) -> Self {
        MessageKey::Schedule {
            routine: routine.to_string(),
            version: version.to_string(),
            schedule: schedule.to_string(),
            due,
        }
    }

    /// The Message-ID, angle brackets included: `<K-2026-017.14.0@rutin.invalid>`.
    pub fn message_id(&self, domain: &str) -> String {
        format!("<{}@{domain}>", self.local_part())
    }

    /// The part before the `@`: the key's parts joined by dots, each with
    /// every character other than ASCII letters, digits, `-` and `_`
    /// written as `=XX` per UTF-8 byte, so different keys never give the
    /// same id. A case's message: `K-2026-017.14.0`; a report:
    /// `schedule.not_executed.1=2E0.monthly.20260301T0000`.
    pub fn local_part(&self) -> String {
        let parts = match self {
            MessageKey::Case { case, seq, index } => {
                vec![case.0.clone(), seq.to_string(), index.to_string()]
            }
            MessageKey::Schedule {
                routine,
                version,
                schedule,
                due,
            } => vec![
                "schedule".to_string(),
                routine.clone(),
                version.clone(),
                schedule.clone(),
                due.format("%Y%m%dT%H%M").to_string(),
            ],
        };
        let escaped: Vec<String> = parts.iter().map(|p| escape(p)).collect();
        escaped.join(".")
    }

    /// The header naming what the mail is about: `X-Rutin-Case` or `X-Rutin-Schedule`.
    pub(crate) fn header(&self) -> (&'static str, String) {
        match self {
            MessageKey::Case { case, .. } => ("X-Rutin-Case", case.0.clone()),
            MessageKey::Schedule {
                routine, schedule, ..
            } => ("X-Rutin-Schedule", format!("{routine}/{schedule}")),
        }
    }
}

fn escape(part: &str) -> String {
    let mut out = String::new();
    for byte in part.bytes() {
        if byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_' {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "={byte:02X}");
        }
    }
    out
}

impl fmt::Display for MessageKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MessageKey::Case { case, seq, index } => write!(f, "case {case} #{seq}.{index}"),
            MessageKey::Schedule {
                routine,
                schedule,
                due,
                ..
            } => write!(
                f,
                "schedule {routine}/{schedule} of {}",
                due.format("%Y-%m-%d %H:%M")
            ),
        }
    }
}

/// Whether a domain can stand after the `@` of a Message-ID: labels of ASCII
/// letters, digits and `-`, separated by single dots.
pub(crate) fn valid_domain(domain: &str) -> bool {
    !domain.is_empty()
        && domain.split('.').all(|label| {
            !label.is_empty()
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_case_ids_stay_readable() {
        let key = MessageKey::case("K-2026-017", 14, 0);
        assert_eq!(
            key.message_id("rutin.invalid"),
            "<K-2026-017.14.0@rutin.invalid>"
        );
    }

    #[test]
    fn other_characters_are_escaped_so_ids_never_collide() {
        let dotted = MessageKey::case("a.1", 2, 0).local_part();
        let plain = MessageKey::case("a", 1, 0).local_part();
        assert_eq!(dotted, "a=2E1.2.0");
        assert_ne!(dotted, plain);
        assert_eq!(
            MessageKey::case("Åsa 1", 1, 0).local_part(),
            "=C3=85sa=201.1.0"
        );
        assert_eq!(MessageKey::case("x=41", 1, 0).local_part(), "x=3D41.1.0");
    }

    #[test]
    fn reports_have_their_own_ids() {
        let due = chrono::NaiveDate::from_ymd_opt(2026, 3, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .unwrap_or_default();
        let key = MessageKey::schedule("not_executed", "1.0", "monthly", due);
        assert_eq!(
            key.local_part(),
            "schedule.not_executed.1=2E0.monthly.20260301T0000"
        );
        assert_ne!(
            key.local_part(),
            MessageKey::case("schedule", 1, 0).local_part()
        );
    }

    #[test]
    fn domains_are_checked() {
        assert!(valid_domain("rutin.invalid"));
        assert!(valid_domain("kommun-a.se"));
        assert!(!valid_domain(""));
        assert!(!valid_domain("a..b"));
        assert!(!valid_domain("a b"));
        assert!(!valid_domain("a>b"));
    }
}
