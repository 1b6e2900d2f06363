//! What can go wrong in delivery, as data.

use std::fmt;

use super::address::Unaddressed;

/// A delivery setting that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// The sender is not a mail address.
    #[error("the sender `{sender}` is not a mail address ({reason}); give one like `Rutin <rutin@kommun.se>`")]
    BadSender {
        /// What was given.
        sender: String,
        /// Why it does not parse.
        reason: String,
    },
    /// The Message-ID domain is not a domain name.
    #[error("`{0}` cannot be the Message-ID domain: use letters, digits, `-` and dots, like `rutin.kommun.se`")]
    BadDomain(String),
    /// An address given for a role or group is not a mail address.
    #[error("the address `{address}` given for `{id}` is not a mail address")]
    BadAddress {
        /// The role or group.
        id: String,
        /// What was given.
        address: String,
    },
    /// The SMTP server's URL cannot be used.
    #[error("the SMTP server `{url}` cannot be used: {reason} (use smtp://host:port, smtp://host?tls=required for STARTTLS or smtps://host for TLS)")]
    BadSmtpUrl {
        /// The URL, without its password.
        url: String,
        /// Why.
        reason: String,
    },
    /// The outbox folder cannot be used.
    #[error("the outbox folder {folder} cannot be used: {reason}")]
    BadFolder {
        /// The folder.
        folder: String,
        /// Why.
        reason: String,
    },
}

/// Why a message could not be made into mail; retrying does not help.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ComposeError {
    /// No recipient has a mail address.
    #[error("no recipient has a mail address: {}", list(.0))]
    NoRecipient(Vec<Unaddressed>),
    /// The mail could not be built.
    #[error("the mail could not be built: {0}")]
    Build(String),
}

fn list(items: &[Unaddressed]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Whether a failed send is worth trying again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// Perhaps later (a busy server, a 4xx reply, a full disk).
    Transient,
    /// Never (a 5xx reply, a message that cannot be built).
    Permanent,
}

/// Why a transport did not take a mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendError {
    /// Whether to try again.
    pub failure: Failure,
    /// What happened, in plain words.
    pub reason: String,
}

impl SendError {
    /// A failure worth trying again.
    pub fn transient(reason: impl Into<String>) -> Self {
        SendError {
            failure: Failure::Transient,
            reason: reason.into(),
        }
    }

    /// A failure that trying again will not mend.
    pub fn permanent(reason: impl Into<String>) -> Self {
        SendError {
            failure: Failure::Permanent,
            reason: reason.into(),
        }
    }
}

impl fmt::Display for SendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for SendError {}
