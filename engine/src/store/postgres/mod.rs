//! The PostgreSQL case store, for a shared deployment where several engine
//! processes (runners, the CLI) serve the same cases.
//!
//! Every command is one transaction at READ COMMITTED: the journal append is
//! guarded by the primary key (case, seq) and by a row lock on the case, and
//! due work is claimed with `FOR UPDATE SKIP LOCKED`, so two runners never
//! fire the same deadline twice and a runner killed mid-way leaves nothing
//! half done.

mod error;
mod schema;

use postgres::{Client, NoTls};

pub use error::PgError;

/// A case store on a PostgreSQL database (one connection).
pub struct PostgresStore {
    client: Client,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresStore").finish_non_exhaustive()
    }
}

impl PostgresStore {
    /// Connects to `url` (`postgres://user:password@host:port/database`, or a
    /// key-value string), creating the Rutin schema in an empty schema and
    /// migrating an older one. A schema holding other tables, or written by
    /// a newer Rutin, is refused and left untouched.
    pub fn connect(url: &str) -> Result<Self, PgError> {
        let config = error::parse_url(url)?;
        let mut client = config
            .connect(NoTls)
            .map_err(|e| error::connect_error(&config, e))?;
        schema::prepare(&mut client)?;
        Ok(Self { client })
    }
}
