//! Which outbox item a mail is, and its stable Message-ID.
//!
//! A message is identified by where it was journaled: the case, the journal
//! entry's sequence number and its index within that entry. The Message-ID is
//! derived from that key alone, so a retried delivery (or a delivery repeated
//! after a crash) carries the same id and a mail system can drop the copy.

use std::fmt::{self, Write as _};

use serde::{Deserialize, Serialize};

use crate::run::CaseId;

/// The key of one outbox item: case, journal sequence number, index.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct MessageKey {
    /// The case whose journal holds the message (for a schedule's report:
    /// the key its store gives the run).
    pub case: CaseId,
    /// The journal entry's sequence number.
    pub seq: u64,
    /// The message's index within that entry (0 for the first).
    pub index: u32,
}

impl MessageKey {
    /// A key from its parts.
    pub fn new(case: impl Into<CaseId>, seq: u64, index: u32) -> Self {
        MessageKey {
            case: case.into(),
            seq,
            index,
        }
    }

    /// The Message-ID, angle brackets included: `<K-2026-017.14.0@rutin.invalid>`.
    pub fn message_id(&self, domain: &str) -> String {
        format!("<{}@{domain}>", self.local_part())
    }

    /// The part before the `@`: the case id with every character other than
    /// ASCII letters, digits, `-` and `_` written as `=XX` per UTF-8 byte (so
    /// different case ids never give the same id), then `.seq.index`.
    pub fn local_part(&self) -> String {
        let mut out = String::new();
        for byte in self.case.0.bytes() {
            if byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_' {
                out.push(char::from(byte));
            } else {
                let _ = write!(out, "={byte:02X}");
            }
        }
        let _ = write!(out, ".{}.{}", self.seq, self.index);
        out
    }
}

impl fmt::Display for MessageKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} #{}.{}", self.case, self.seq, self.index)
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
        let key = MessageKey::new("K-2026-017", 14, 0);
        assert_eq!(
            key.message_id("rutin.invalid"),
            "<K-2026-017.14.0@rutin.invalid>"
        );
    }

    #[test]
    fn other_characters_are_escaped_so_ids_never_collide() {
        let dotted = MessageKey::new("a.1", 2, 0).local_part();
        let plain = MessageKey::new("a", 1, 0).local_part();
        assert_eq!(dotted, "a=2E1.2.0");
        assert_ne!(dotted, plain);
        assert_eq!(
            MessageKey::new("Åsa 1", 1, 0).local_part(),
            "=C3=85sa=201.1.0"
        );
        assert_eq!(MessageKey::new("x=41", 1, 0).local_part(), "x=3D41.1.0");
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
