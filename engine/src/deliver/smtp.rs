//! The SMTP transport, with lettre (rustls for TLS: no system OpenSSL).
//!
//! The server is given as a URL: `smtp://host:port` (no encryption, for a
//! relay on the same machine), `smtp://host?tls=required` (STARTTLS),
//! `smtps://host` (TLS from the start); `user:password@` before the host
//! logs in. A 4xx reply or a lost connection is worth trying again; a 5xx
//! reply is not.

use std::time::Duration;

use lettre::Transport as _;

use super::eml::Mail;
use super::error::{ConfigError, SendError};
use super::Transport;

/// Sends mail to an SMTP server.
#[derive(Debug, Clone)]
pub struct SmtpTransport {
    inner: lettre::SmtpTransport,
    shown: String,
}

impl SmtpTransport {
    /// A transport to the server at `url`, with a timeout of 30 seconds
    /// for each step of the conversation.
    pub fn from_url(url: &str) -> Result<Self, ConfigError> {
        let shown = without_password(url);
        let builder =
            lettre::SmtpTransport::from_url(url).map_err(|e| ConfigError::BadSmtpUrl {
                url: shown.clone(),
                reason: e.to_string(),
            })?;
        Ok(SmtpTransport {
            inner: builder.timeout(Some(Duration::from_secs(30))).build(),
            shown,
        })
    }
}

impl Transport for SmtpTransport {
    fn send(&self, mail: &Mail) -> Result<(), SendError> {
        match self.inner.send_raw(&mail.envelope, mail.bytes()) {
            Ok(_) => Ok(()),
            Err(e) => {
                let reason = format!("{}: {e}", self.shown);
                if e.is_permanent() {
                    Err(SendError::permanent(reason))
                } else {
                    Err(SendError::transient(reason))
                }
            }
        }
    }

    fn describe(&self) -> String {
        format!("SMTP {}", self.shown)
    }
}

/// The URL with any password replaced by `***`, for messages.
fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (authority, path) = rest.split_at(rest.find(['/', '?']).unwrap_or(rest.len()));
    match authority.rsplit_once('@') {
        Some((user, host)) => {
            let user = user.split(':').next().unwrap_or("");
            format!("{scheme}://{user}:***@{host}{path}")
        }
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            without_password("smtps://rutin:hemligt@mail.kommun.se:465?x=1"),
            "smtps://rutin:***@mail.kommun.se:465?x=1"
        );
        assert_eq!(
            without_password("smtp://localhost:25"),
            "smtp://localhost:25"
        );
    }

    #[test]
    fn bad_urls_are_refused_plainly() {
        let err = SmtpTransport::from_url("imap://rutin:hemligt@x").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("imap://rutin:***@x"), "{text}");
        assert!(!text.contains("hemligt"), "{text}");
    }
}
