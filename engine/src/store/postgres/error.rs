//! What can go wrong talking to PostgreSQL, in plain words.
//!
//! Connection problems are sorted into the ones a person can act on (the
//! server is not reachable, the password is wrong, the database does not
//! exist); none of the messages ever shows the password.

use postgres::config::Host;
use postgres::error::SqlState;
use postgres::Config;

/// A PostgreSQL store could not be opened or used.
#[derive(Debug, thiserror::Error)]
pub enum PgError {
    /// The URL does not parse.
    #[error("the PostgreSQL URL is not valid: {reason} (expected postgres://user:password@host:port/database)")]
    InvalidUrl {
        /// What the parser said.
        reason: String,
    },
    /// No server answered at the address.
    #[error("cannot reach the PostgreSQL server at {target}: {reason}; is it running and listening there?")]
    Unreachable {
        /// Host, port and database (no password).
        target: String,
        /// What the connection attempt said.
        reason: String,
    },
    /// The server refused the user name or password.
    #[error("the PostgreSQL server at {target} refused the login of user `{user}`: {reason}; check the user name and password in the URL")]
    AuthFailed {
        /// Host, port and database (no password).
        target: String,
        /// The user name tried.
        user: String,
        /// What the server said.
        reason: String,
    },
    /// The server has no database of that name.
    #[error("the PostgreSQL server at {target} has no database `{database}`; create it (createdb {database}) or fix the URL")]
    NoDatabase {
        /// Host, port and database (no password).
        target: String,
        /// The database name tried.
        database: String,
    },
    /// No schema named on `search_path` exists, so there is nowhere to keep cases.
    #[error("no schema on the search path `{search_path}` exists; create one (CREATE SCHEMA ...) or set search_path in the URL's options")]
    NoSchema {
        /// The connection's `search_path`.
        search_path: String,
    },
    /// The schema belongs to something else; nothing was written.
    #[error("schema `{schema}` is not a Rutin store: it has {found}; nothing was written. Use an empty database or schema")]
    Foreign {
        /// The schema looked at.
        schema: String,
        /// What was found there.
        found: String,
    },
    /// The schema was written by a newer Rutin; nothing was written.
    #[error("schema `{schema}` has Rutin schema version {found}, newer than the {supported} this build knows; nothing was written. Upgrade Rutin")]
    NewerSchema {
        /// The schema looked at.
        schema: String,
        /// Its schema version.
        found: i32,
        /// The newest version this build knows.
        supported: i32,
    },
    /// Any other error from the server or the connection.
    #[error("PostgreSQL: {0}")]
    Database(#[from] postgres::Error),
}

/// Parses a URL or key-value connection string into a configuration.
pub(crate) fn parse_url(url: &str) -> Result<Config, PgError> {
    url.parse::<Config>().map_err(|error| PgError::InvalidUrl {
        reason: error.to_string(),
    })
}

/// Sorts a failed connection attempt into what a person can act on.
pub(crate) fn connect_error(config: &Config, error: postgres::Error) -> PgError {
    let target = target(config);
    match error.code() {
        Some(code)
            if *code == SqlState::INVALID_PASSWORD
                || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION =>
        {
            PgError::AuthFailed {
                target,
                user: config.get_user().unwrap_or("").to_string(),
                reason: reason(&error),
            }
        }
        Some(code) if *code == SqlState::INVALID_CATALOG_NAME => PgError::NoDatabase {
            target,
            database: config.get_dbname().unwrap_or("").to_string(),
        },
        Some(_) => PgError::Database(error),
        None if error.to_string().contains("authentication") => PgError::AuthFailed {
            target,
            user: config.get_user().unwrap_or("").to_string(),
            reason: reason(&error),
        },
        None => PgError::Unreachable {
            target,
            reason: reason(&error),
        },
    }
}

/// The error with its causes, as one line.
fn reason(error: &postgres::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

/// `host:port/database` for messages, never with the password.
pub(crate) fn target(config: &Config) -> String {
    let hosts: Vec<String> = config
        .get_hosts()
        .iter()
        .map(|host| match host {
            Host::Tcp(name) => name.clone(),
            #[cfg(unix)]
            Host::Unix(path) => path.display().to_string(),
        })
        .collect();
    let port = config.get_ports().first().copied().unwrap_or(5432);
    let database = config.get_dbname().or(config.get_user()).unwrap_or("");
    format!("{}:{port}/{database}", hosts.join(","))
}
