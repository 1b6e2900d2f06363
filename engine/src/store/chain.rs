//! The journal's hash chain: each stored entry carries the SHA-256 of the
//! previous entry's hash and its own JSON text, starting from a hash of the
//! case id. Changing any byte of an entry (a timestamp, an actor), removing
//! or reordering entries, or moving an entry to another case breaks the
//! chain from there on, and the store reports the case as damaged.
//!
//! The chain detects damage and edits made without recomputing it (a disk
//! fault, a hand edit with a database tool); it holds no secret, so it is
//! not a signature against someone who recomputes it on purpose.

use super::bundle::sha256_hex;
use crate::run::{CaseId, JournalEntry};

/// The hash the chain of `case` starts from.
pub fn start(case: &CaseId) -> String {
    sha256_hex(format!("rutin journal\0{case}").as_bytes())
}

/// The hash of an entry stored as `json` after an entry hashed `previous`.
pub fn link(previous: &str, json: &str) -> String {
    let mut bytes = Vec::with_capacity(previous.len() + 1 + json.len());
    bytes.extend_from_slice(previous.as_bytes());
    bytes.push(b'\n');
    bytes.extend_from_slice(json.as_bytes());
    sha256_hex(&bytes)
}

/// The JSON text an entry is stored as.
pub fn entry_json(entry: &JournalEntry) -> String {
    // A journal entry holds only strings, numbers, maps and JSON values: it
    // always serializes.
    serde_json::to_string(entry).unwrap_or_default()
}

/// Reads one stored entry back and checks it: its hash follows from
/// `previous`, it parses, and it carries the sequence number it is stored
/// under. Returns the entry, or what is wrong with it in plain words.
pub fn verify(previous: &str, seq: u64, json: &str, hash: &str) -> Result<JournalEntry, String> {
    if link(previous, json) != hash {
        return Err(
            "its content does not match its hash (it was changed, or an entry before it was)"
                .into(),
        );
    }
    let entry: JournalEntry =
        serde_json::from_str(json).map_err(|e| format!("it cannot be read: {e}"))?;
    if entry.seq != seq {
        return Err(format!(
            "it is stored as entry {seq} but says it is entry {}",
            entry.seq
        ));
    }
    Ok(entry)
}

/// The hashes of a journal continuing a chain at `previous`, with each
/// entry's JSON.
pub fn extend(previous: &str, entries: &[JournalEntry]) -> Vec<(String, String)> {
    let mut prev = previous.to_owned();
    entries
        .iter()
        .map(|entry| {
            let json = entry_json(entry);
            let hash = link(&prev, &json);
            prev = hash.clone();
            (json, hash)
        })
        .collect()
}
