//! A store's refusal in a language (`engine/i18n/<lang>/store.ftl`). The
//! English text equals the error's `Display`; a test below keeps them so.
//! What the store names (`case `K-1``, a path, the system's message) is
//! shown as the store words it.

use super::StoreError;
use crate::i18n::{text, Arg, Lang};

fn s(value: &str) -> Arg<'_> {
    Arg::from(value)
}

/// What the store wrote in English (`case `K-1``, a reason), worded in `lang`.
fn w<'a>(value: &str, lang: Lang) -> Arg<'a> {
    Arg::from(crate::run::journaled_error_in(value, lang))
}

fn n<'a>(value: u64) -> Arg<'a> {
    Arg::from(value.to_string())
}

impl StoreError {
    /// The error in `lang` (in English, the same as its `Display`).
    pub fn message_in(&self, lang: Lang) -> String {
        let (id, args): (&str, Vec<(&str, Arg<'_>)>) = match self {
            StoreError::NotFound { what } => ("store-not-found", vec![("what", w(what, lang))]),
            StoreError::Exists { what } => ("store-exists", vec![("what", w(what, lang))]),
            StoreError::Conflict {
                case,
                expected_seq,
                found_seq,
            } => {
                let new = if *found_seq > expected_seq + 1 {
                    let first = n(expected_seq + 1);
                    text(
                        lang,
                        "store-new-entries",
                        &[("first", first), ("last", n(*found_seq))],
                    )
                } else {
                    text(lang, "store-new-entry", &[("seq", n(*found_seq))])
                };
                (
                    "store-conflict",
                    vec![("case", s(&case.0)), ("new", new.into())],
                )
            }
            StoreError::BadCommit { case, reason } => (
                "store-bad-commit",
                vec![("case", s(&case.0)), ("reason", w(reason, lang))],
            ),
            StoreError::NotARutinDatabase { path, reason } => (
                "store-not-rutin",
                vec![("path", s(path)), ("reason", w(reason, lang))],
            ),
            StoreError::NewerSchema {
                path,
                found,
                supported,
            } => (
                "store-newer-schema",
                vec![
                    ("path", s(path)),
                    ("found", n(u64::from(*found))),
                    ("supported", n(u64::from(*supported))),
                ],
            ),
            StoreError::Damaged { place, reason } => (
                "store-damaged",
                vec![("place", w(place, lang)), ("reason", w(reason, lang))],
            ),
            StoreError::Busy { path, waited_ms } => (
                "store-busy",
                vec![("path", s(path)), ("waited", n(*waited_ms))],
            ),
            StoreError::Unwritable { path, reason } => (
                "store-unwritable",
                vec![("path", s(path)), ("reason", w(reason, lang))],
            ),
            StoreError::Io { path, message } => {
                ("store-io", vec![("path", s(path)), ("message", s(message))])
            }
            StoreError::Backend { message } => ("store-backend", vec![("message", s(message))]),
        };
        text(lang, id, &args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::CaseId;

    fn every_kind() -> Vec<StoreError> {
        let x = || String::from("x");
        vec![
            StoreError::NotFound { what: x() },
            StoreError::Exists { what: x() },
            StoreError::Conflict {
                case: CaseId::from("K-1"),
                expected_seq: 11,
                found_seq: 12,
            },
            StoreError::Conflict {
                case: CaseId::from("K-1"),
                expected_seq: 11,
                found_seq: 14,
            },
            StoreError::BadCommit {
                case: CaseId::from("K-1"),
                reason: x(),
            },
            StoreError::NotARutinDatabase {
                path: x(),
                reason: x(),
            },
            StoreError::NewerSchema {
                path: x(),
                found: 9,
                supported: 3,
            },
            StoreError::Damaged {
                place: x(),
                reason: x(),
            },
            StoreError::Busy {
                path: x(),
                waited_ms: 5000,
            },
            StoreError::Unwritable {
                path: x(),
                reason: x(),
            },
            StoreError::Io {
                path: x(),
                message: x(),
            },
            StoreError::Backend { message: x() },
        ]
    }

    #[test]
    fn english_is_the_display_and_swedish_another_text() {
        for e in every_kind() {
            assert_eq!(e.message_in(Lang::En), e.to_string(), "{e:?}");
            if !matches!(e, StoreError::Io { .. }) {
                assert_ne!(e.message_in(Lang::Sv), e.to_string(), "{e:?}");
            }
        }
        let conflict = every_kind().swap_remove(2).message_in(Lang::Sv);
        assert!(
            conflict.contains("K-1") && conflict.contains("12"),
            "{conflict}"
        );
    }
}
