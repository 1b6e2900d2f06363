//! Delivery settings shared by `tick`, `run` and `outbox`: where mail goes
//! (a folder of `.eml` files or an SMTP server), from whom, to which
//! addresses, and how often a failed delivery is tried again.

use std::collections::BTreeMap;
use std::path::PathBuf;

use rutin::deliver::{FolderTransport, MailConfig, RetryPolicy, SmtpTransport, Transport};

use crate::output::io_text;

/// Delivery flags (each also from the environment).
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct MailArgs {
    /// Deliver messages as .eml files (one per message, named by Message-ID) into this folder.
    #[arg(long, env = "RUTIN_DELIVER_TO_FOLDER", value_name = "DIR")]
    pub(crate) deliver_to_folder: Option<PathBuf>,
    /// Deliver messages by SMTP: smtp://host:port (no encryption), smtp://host?tls=required
    /// (STARTTLS), smtps://user:password@host (TLS).
    #[arg(
        long,
        env = "RUTIN_SMTP_URL",
        value_name = "URL",
        conflicts_with = "deliver_to_folder"
    )]
    pub(crate) smtp: Option<String>,
    /// The sender of every mail.
    #[arg(
        long = "from",
        env = "RUTIN_MAIL_FROM",
        value_name = "ADDRESS",
        default_value = "Rutin <rutin@rutin.invalid>"
    )]
    pub(crate) from: String,
    /// The domain of Message-IDs (`<case.seq.0@DOMAIN>`).
    #[arg(
        long,
        env = "RUTIN_MESSAGE_ID_DOMAIN",
        value_name = "DOMAIN",
        default_value = rutin::deliver::DEFAULT_DOMAIN
    )]
    pub(crate) message_id_domain: String,
    /// The mail address of a role or group, as ID=ADDRESS (repeat it; it replaces the
    /// organisation file's address).
    #[arg(long = "address", value_name = "ID=ADDRESS")]
    pub(crate) addresses: Vec<String>,
    /// A YAML file of `id: address` lines for roles and groups.
    #[arg(long, env = "RUTIN_ADDRESS_BOOK", value_name = "FILE")]
    pub(crate) address_book: Option<PathBuf>,
    /// The waits between delivery attempts; after the last, a message has failed for good.
    #[arg(
        long,
        env = "RUTIN_RETRY",
        value_name = "WAITS",
        default_value = "1m,5m,30m,2h"
    )]
    pub(crate) retry: String,
}

/// Delivery as configured: `transport` is `None` when no folder or SMTP server was given.
pub(crate) struct Mail {
    pub(crate) transport: Option<Box<dyn Transport>>,
    pub(crate) config: MailConfig,
    pub(crate) policy: RetryPolicy,
}

impl MailArgs {
    /// The settings, or what is wrong with them.
    pub(crate) fn load(&self) -> Result<Mail, String> {
        let mut config = MailConfig::new(&self.from)
            .and_then(|c| c.with_domain(&self.message_id_domain))
            .map_err(|e| e.to_string())?;
        for (id, address) in self.address_list()? {
            config = config
                .with_address(&id, &address)
                .map_err(|e| e.to_string())?;
        }
        let policy = RetryPolicy::parse(&self.retry).map_err(|e| format!("--retry: {e}"))?;
        Ok(Mail {
            transport: self.transport()?,
            config,
            policy,
        })
    }

    fn transport(&self) -> Result<Option<Box<dyn Transport>>, String> {
        if let Some(folder) = &self.deliver_to_folder {
            let folder = FolderTransport::new(folder).map_err(|e| e.to_string())?;
            return Ok(Some(Box::new(folder)));
        }
        if let Some(url) = &self.smtp {
            let smtp = SmtpTransport::from_url(url).map_err(|e| e.to_string())?;
            return Ok(Some(Box::new(smtp)));
        }
        Ok(None)
    }

    /// The address book's entries, then those of `--address` (which win).
    fn address_list(&self) -> Result<BTreeMap<String, String>, String> {
        let mut list = BTreeMap::new();
        if let Some(path) = &self.address_book {
            let text = std::fs::read_to_string(path)
                .map_err(|e| io_text("out-cannot-read-address-book", path, &e))?;
            let book: BTreeMap<String, String> = serde_saphyr::from_str(&text)
                .map_err(|e| io_text("out-bad-address-book", path, &e))?;
            list.extend(book);
        }
        for entry in &self.addresses {
            let (id, address) = entry.split_once('=').ok_or_else(|| {
                crate::output::text("out-bad-address", &[("entry", entry.into())])
            })?;
            list.insert(id.trim().to_string(), address.trim().to_string());
        }
        Ok(list)
    }
}
