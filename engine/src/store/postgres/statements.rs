//! Prepared statements, prepared once per connection.
//!
//! The `postgres` crate prepares an unnamed statement for every query given
//! as text, which costs a round trip each time; a store keeps the ones it
//! prepared, keyed by their SQL.

use std::collections::HashMap;

use postgres::{GenericClient, Statement};

/// The statements a connection has prepared.
#[derive(Default)]
pub(crate) struct Statements(HashMap<&'static str, Statement>);

impl Statements {
    /// The statement for `sql`, prepared on first use (on `client`, which may
    /// be a transaction of the same connection).
    pub(crate) fn get(
        &mut self,
        client: &mut impl GenericClient,
        sql: &'static str,
    ) -> Result<Statement, postgres::Error> {
        if let Some(statement) = self.0.get(sql) {
            return Ok(statement.clone());
        }
        let statement = client.prepare(sql)?;
        self.0.insert(sql, statement.clone());
        Ok(statement)
    }
}
