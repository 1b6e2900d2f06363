//! From a message's addressees (roles, groups, persons) to mailboxes.
//!
//! A group's address comes from the organisation file; the delivery
//! configuration may give (or replace) the address of any role or group.
//! An addressee without a usable mail address is not dropped silently: it
//! is listed, with the reason, on the mail and in the delivery's result.

use std::fmt;

use lettre::message::Mailbox;
use lettre::Address;
use serde::{Deserialize, Serialize};

use super::config::MailConfig;
use crate::run::{Addressee, AddresseeKind};

/// A recipient that no mail could be sent to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unaddressed {
    /// A role or a group.
    pub kind: AddresseeKind,
    /// Its id.
    pub id: String,
    /// Its display name.
    pub name: String,
    /// The organisation file's address when it is not a mail address
    /// (`None`: it has none).
    pub address: Option<String>,
}

impl fmt::Display for Unaddressed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.kind {
            AddresseeKind::Role => "role",
            AddresseeKind::Group => "group",
            AddresseeKind::Person => "person",
        };
        write!(f, "{kind} `{}` ({})", self.id, self.name)?;
        match &self.address {
            None => write!(f, " has no mail address"),
            Some(a) => write!(f, " has the address `{a}`, which is not a mail address"),
        }
    }
}

/// The mailbox of one addressee. A person's address is the value of their
/// address field; the configuration's addresses are for roles and groups.
pub(crate) fn mailbox(config: &MailConfig, to: &Addressee) -> Result<Mailbox, Unaddressed> {
    let configured = match to.kind {
        AddresseeKind::Person => None,
        AddresseeKind::Role | AddresseeKind::Group => config.addresses.get(&to.id),
    };
    let address = configured.or(to.address.as_ref());
    let parsed = address.and_then(|a| a.trim().parse::<Address>().ok());
    match parsed {
        Some(address) => Ok(Mailbox::new(Some(to.name.clone()), address)),
        None => Err(Unaddressed {
            kind: to.kind,
            id: to.id.clone(),
            name: to.name.clone(),
            address: address.cloned(),
        }),
    }
}

/// The mailboxes of a list of addressees, and those without one.
pub(crate) fn mailboxes(
    config: &MailConfig,
    list: &[Addressee],
    missing: &mut Vec<Unaddressed>,
) -> Vec<Mailbox> {
    let mut found = Vec::new();
    for to in list {
        match mailbox(config, to) {
            Ok(m) => found.push(m),
            Err(u) => {
                if !missing.contains(&u) {
                    missing.push(u);
                }
            }
        }
    }
    found
}
