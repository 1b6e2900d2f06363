//! PostgreSQL errors as [`StoreError`]s, in plain words.
//!
//! Connection problems are sorted into the ones a person can act on (the
//! server is not reachable, the login is refused, the database does not
//! exist). No message ever shows the password: places are named by
//! [`target`], which leaves it out.

use postgres::config::Host;
use postgres::error::SqlState;
use postgres::Config;

use crate::store::StoreError;

/// How long a command waits for a row another process holds (`lock_timeout`).
pub(crate) const LOCK_TIMEOUT_MS: u64 = 5_000;

/// Parses a URL or key-value connection string.
pub(crate) fn parse_url(url: &str) -> Result<Config, StoreError> {
    let invalid = |why: String| StoreError::Io {
        path: "the PostgreSQL URL".into(),
        message: format!(
            "it is not valid ({why}); expected postgres://user:password@host:port/database"
        ),
    };
    let config = url
        .parse::<Config>()
        .map_err(|error| invalid(error.to_string()))?;
    if config.get_hosts().is_empty() {
        return Err(invalid("it names no host".into()));
    }
    if config.get_user().is_none_or(str::is_empty) {
        return Err(invalid("it names no user".into()));
    }
    Ok(config)
}

/// `postgres://user@host:port/database`, the way messages name a store (no password).
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
    let user = config.get_user().unwrap_or("");
    let database = config.get_dbname().unwrap_or(user);
    format!("postgres://{user}@{}:{port}/{database}", hosts.join(","))
}

/// Sorts a failed connection attempt into what a person can act on.
pub(crate) fn connect_error(config: &Config, error: postgres::Error) -> StoreError {
    let path = target(config);
    let user = config.get_user().unwrap_or("");
    let refused_login = |reason: String| {
        StoreError::Io {
        path: path.clone(),
        message: format!(
            "the server refused the login of user `{user}` ({reason}); check the user name and password in the URL"
        ),
    }
    };
    match error.code() {
        Some(code)
            if *code == SqlState::INVALID_PASSWORD
                || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION =>
        {
            refused_login(server_text(&error))
        }
        Some(code) if *code == SqlState::INVALID_CATALOG_NAME => {
            let database = config.get_dbname().unwrap_or(user);
            StoreError::Io {
                path: path.clone(),
                message: format!(
                    "the server has no database `{database}`; create it (createdb {database}) or fix the URL"
                ),
            }
        }
        Some(_) => map(&path, error),
        None if io_cause(&error).is_some() => StoreError::Io {
            path: path.clone(),
            message: format!(
                "cannot reach the server ({}); is it running and listening there?",
                causes(&error)
            ),
        },
        None if is_about_login(&error) => refused_login(causes(&error)),
        None => StoreError::Io {
            path: path.clone(),
            message: format!("cannot connect ({})", causes(&error)),
        },
    }
}

/// Any other error from the server or the connection, for the store at `path`.
pub(crate) fn map(path: &str, error: postgres::Error) -> StoreError {
    let path = path.to_owned();
    let Some(code) = error.code() else {
        return lost(path, &error);
    };
    let code = code.clone();
    if code == SqlState::LOCK_NOT_AVAILABLE {
        StoreError::Busy {
            path,
            waited_ms: LOCK_TIMEOUT_MS,
        }
    } else if code == SqlState::DISK_FULL || code == SqlState::OUT_OF_MEMORY {
        StoreError::Unwritable {
            path,
            reason: format!("the server is out of space ({})", server_text(&error)),
        }
    } else if code == SqlState::READ_ONLY_SQL_TRANSACTION
        || code == SqlState::INSUFFICIENT_PRIVILEGE
    {
        StoreError::Unwritable {
            path,
            reason: format!(
                "the server does not let this user write ({})",
                server_text(&error)
            ),
        }
    } else if code == SqlState::ADMIN_SHUTDOWN || code == SqlState::CRASH_SHUTDOWN {
        lost(path, &error)
    } else {
        StoreError::Backend {
            message: format!("{path}: {}", server_text(&error)),
        }
    }
}

/// The connection broke: a command under way may or may not have been committed.
fn lost(path: String, error: &postgres::Error) -> StoreError {
    StoreError::Io {
        path,
        message: format!(
            "the connection to the server was lost ({}); a command under way may or may not have been saved, look at the case before trying again",
            causes(error)
        ),
    }
}

/// What the server said (message, then detail), or the error's own text.
fn server_text(error: &postgres::Error) -> String {
    match error.as_db_error() {
        Some(db) => match db.detail() {
            Some(detail) => format!("{}: {detail}", db.message()),
            None => db.message().to_owned(),
        },
        None => causes(error),
    }
}

/// The error with its causes, as one line.
fn causes(error: &postgres::Error) -> String {
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

/// Whether a connection failure without a server code was about the login.
fn is_about_login(error: &postgres::Error) -> bool {
    let text = causes(error).to_lowercase();
    text.contains("password") || text.contains("authentication")
}

/// The I/O error under a connection failure, if that is what it was.
fn io_cause(error: &postgres::Error) -> Option<&std::io::Error> {
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            return Some(io);
        }
        source = cause.source();
    }
    None
}
