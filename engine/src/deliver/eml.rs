//! One journal message as an RFC 5322 mail, built with lettre.
//!
//! `From` is the configured sender's address; when the routine names who
//! the message is sent on behalf of (`from:`), that role's or group's name is
//! the display name (`From: Larmgruppen <rutin@kommun.se>`: the mail still
//! leaves from the configured address, so SPF and DMARC hold), and
//! `Reply-To` is its own mail address when it has one, so answers reach the
//! team and not the engine. `To` and `Cc` are the addressees that have a
//! mail address, `Subject` the rendered subject (RFC 2047 encoded when it
//! is not ASCII), `Date` the time the message was journaled, `Message-ID`
//! derived from its outbox key, and the body `text/plain; charset=utf-8`,
//! quoted-printable. The same message and key always give the same bytes.

use std::time::SystemTime;

use chrono::NaiveDateTime;
use lettre::address::Envelope;
use lettre::message::header::{ContentTransferEncoding, ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MessageBuilder, SinglePart};

use super::address::{mailbox, mailboxes, Unaddressed};
use super::config::MailConfig;
use super::error::ComposeError;
use super::key::MessageKey;
use crate::run::Message;

/// A message made into mail, ready for a transport.
#[derive(Debug, Clone)]
pub struct Mail {
    pub(crate) key: MessageKey,
    pub(crate) message_id: String,
    pub(crate) bytes: Vec<u8>,
    pub(crate) envelope: Envelope,
    pub(crate) unaddressed: Vec<Unaddressed>,
}

impl Mail {
    /// The outbox key it was made from.
    pub fn key(&self) -> &MessageKey {
        &self.key
    }

    /// The Message-ID, with angle brackets.
    pub fn message_id(&self) -> &str {
        &self.message_id
    }

    /// The file name for this mail in a folder: the Message-ID without its
    /// brackets, then `.eml`.
    pub fn file_name(&self) -> String {
        format!("{}.eml", self.message_id.trim_matches(['<', '>']))
    }

    /// The mail as sent: headers and body, CRLF line ends.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The mail addresses it goes to.
    pub fn recipients(&self) -> Vec<String> {
        self.envelope.to().iter().map(ToString::to_string).collect()
    }

    /// The addressees it cannot go to (no mail address).
    pub fn unaddressed(&self) -> &[Unaddressed] {
        &self.unaddressed
    }
}

/// Makes mail of the message journaled at `at` under `key`.
pub fn compose(
    key: &MessageKey,
    at: NaiveDateTime,
    message: &Message,
    config: &MailConfig,
) -> Result<Mail, ComposeError> {
    let mut unaddressed = Vec::new();
    let to = mailboxes(config, &message.to, &mut unaddressed);
    let cc = mailboxes(config, &message.cc, &mut unaddressed);
    if to.is_empty() && cc.is_empty() {
        return Err(ComposeError::NoRecipient(unaddressed));
    }
    let message_id = key.message_id(config.domain());
    let (about, what) = key.header();
    let (from, reply_to) = sender(config, message);
    let mut builder = lettre::Message::builder()
        .from(from)
        .date(SystemTime::from(config.zone.instant(at)))
        .message_id(Some(message_id.clone()))
        .raw_header(text_header(about, &what));
    if let Some(reply_to) = reply_to {
        builder = builder.reply_to(reply_to);
    }
    if let Some(subject) = &message.subject {
        builder = builder.subject(one_line(subject));
    }
    builder = to.into_iter().fold(builder, MessageBuilder::to);
    builder = cc.into_iter().fold(builder, MessageBuilder::cc);
    if !unaddressed.is_empty() {
        let list: Vec<String> = unaddressed.iter().map(ToString::to_string).collect();
        builder = builder.raw_header(text_header("X-Rutin-Unaddressed", &list.join("; ")));
    }
    let body = SinglePart::builder()
        .header(ContentType::TEXT_PLAIN)
        .header(ContentTransferEncoding::QuotedPrintable)
        .body(message.body.clone());
    let mail = builder
        .singlepart(body)
        .map_err(|e| ComposeError::Build(e.to_string()))?;
    Ok(Mail {
        key: key.clone(),
        message_id,
        bytes: mail.formatted(),
        envelope: mail.envelope().clone(),
        unaddressed,
    })
}

/// `From` (the configured address, under the sender's name when the
/// message names one) and `Reply-To` (the sender's own mail address).
fn sender(config: &MailConfig, message: &Message) -> (Mailbox, Option<Mailbox>) {
    match &message.from {
        None => (config.sender.clone(), None),
        Some(on_behalf) => {
            let name = one_line(&on_behalf.name);
            let from = Mailbox::new(Some(name), config.sender.email.clone());
            (from, mailbox(config, on_behalf).ok())
        }
    }
}

/// A header of free text (encoded by lettre when it is not ASCII).
fn text_header(name: &'static str, value: &str) -> HeaderValue {
    HeaderValue::new(HeaderName::new_from_ascii_str(name), one_line(value))
}

/// Line breaks and other control characters become spaces.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}
