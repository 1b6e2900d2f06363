//! How mail is addressed: the sender, the Message-ID domain, the time zone
//! of journal times, and mail addresses for roles and groups.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone, Utc};
use lettre::message::Mailbox;

use super::error::ConfigError;
use super::key::valid_domain;

/// The time zone in which journal times (which carry none) are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// A fixed offset from UTC.
    Fixed(FixedOffset),
    /// The zone of the machine (the `TZ` variable or the system setting).
    Local,
}

impl Zone {
    /// The instant a journal time means in this zone. A local time skipped
    /// by a change to summer time is read as the hour after it.
    pub fn instant(self, at: NaiveDateTime) -> DateTime<Utc> {
        match self {
            Zone::Fixed(offset) => in_zone(&offset, at),
            Zone::Local => in_zone(&chrono::Local, at),
        }
    }
}

fn in_zone<Z: TimeZone>(zone: &Z, at: NaiveDateTime) -> DateTime<Utc> {
    zone.from_local_datetime(&at)
        .earliest()
        .or_else(|| {
            zone.from_local_datetime(&(at + chrono::Duration::hours(1)))
                .earliest()
        })
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| at.and_utc())
}

/// How messages become mail.
#[derive(Debug, Clone)]
pub struct MailConfig {
    pub(crate) sender: Mailbox,
    pub(crate) domain: String,
    pub(crate) zone: Zone,
    pub(crate) addresses: BTreeMap<String, String>,
}

/// The Message-ID domain used unless another is configured.
pub const DEFAULT_DOMAIN: &str = "rutin.invalid";

impl MailConfig {
    /// Mail from `sender` (`rutin@kommun.se` or `Rutin <rutin@kommun.se>`),
    /// Message-IDs in [`DEFAULT_DOMAIN`], times read in the machine's zone,
    /// and only the addresses the organisation file gives.
    pub fn new(sender: &str) -> Result<Self, ConfigError> {
        let sender = sender
            .trim()
            .parse::<Mailbox>()
            .map_err(|e| ConfigError::BadSender {
                sender: sender.to_string(),
                reason: e.to_string(),
            })?;
        Ok(MailConfig {
            sender,
            domain: DEFAULT_DOMAIN.to_string(),
            zone: Zone::Local,
            addresses: BTreeMap::new(),
        })
    }

    /// Message-IDs end in `@domain` (letters, digits, `-` and dots).
    pub fn with_domain(mut self, domain: &str) -> Result<Self, ConfigError> {
        if !valid_domain(domain) {
            return Err(ConfigError::BadDomain(domain.to_string()));
        }
        self.domain = domain.to_string();
        Ok(self)
    }

    /// Journal times are read in this zone.
    pub fn with_zone(mut self, zone: Zone) -> Self {
        self.zone = zone;
        self
    }

    /// Mail for the role or group `id` goes to `address` (it takes the place
    /// of the organisation file's address, if any).
    pub fn with_address(mut self, id: &str, address: &str) -> Result<Self, ConfigError> {
        if address.trim().parse::<lettre::Address>().is_err() {
            return Err(ConfigError::BadAddress {
                id: id.to_string(),
                address: address.to_string(),
            });
        }
        self.addresses
            .insert(id.to_string(), address.trim().to_string());
        Ok(self)
    }

    /// The sender, as it appears in `From:`.
    pub fn sender(&self) -> String {
        self.sender.to_string()
    }

    /// The Message-ID domain.
    pub fn domain(&self) -> &str {
        &self.domain
    }
}
