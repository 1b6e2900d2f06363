//! The PostgreSQL schema: migrations versioned in code, and the meta row
//! that marks a schema as Rutin's.
//!
//! Everything lives in the connection's current schema (the first existing
//! one on its `search_path`), so one database can hold several Rutin stores
//! side by side (`?options=-csearch_path%3Dname` in the URL). Opening a store
//! takes a transaction-scoped advisory lock, so runners started together
//! migrate once. A schema that holds tables but no Rutin meta row is refused
//! and never written to; so is one whose schema version is newer than this
//! build knows.

use postgres::{Client, Transaction};

use super::error;
use crate::store::StoreError;

/// What the meta row's `application` column holds in a Rutin schema.
pub(crate) const APPLICATION: &str = "rutin";

/// The migrations, in order: migration `n` (1-based) brings version `n - 1` to `n`.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_time_keys.sql"),
];

/// The schema version this build writes.
pub(crate) fn current_version() -> i32 {
    i32::try_from(MIGRATIONS.len()).unwrap_or(i32::MAX)
}

/// Brings the current schema up to [`current_version`], creating it when
/// empty; refuses a foreign or newer schema without writing anything.
/// `target` names the database in messages. Returns the schema's name.
pub(crate) fn prepare(client: &mut Client, target: &str) -> Result<String, StoreError> {
    let err = |e| error::map(target, e);
    let mut tx = client.transaction().map_err(err)?;
    let schema = current_schema(&mut tx, target)?;
    let place = format!("{target} (schema `{schema}`)");
    tx.execute(
        "SELECT pg_advisory_xact_lock(hashtext('rutin schema ' || $1))",
        &[&schema],
    )
    .map_err(err)?;
    let found = match read_version(&mut tx, &schema, &place)? {
        Some(version) => version,
        None => {
            refuse_foreign_tables(&mut tx, &schema, &place)?;
            0
        }
    };
    let current = current_version();
    if found > current {
        return Err(StoreError::NewerSchema {
            path: place,
            found: u32::try_from(found).unwrap_or(0),
            supported: u32::try_from(current).unwrap_or(0),
        });
    }
    if found < current {
        migrate(&mut tx, found).map_err(err)?;
        tx.commit().map_err(err)?;
    }
    Ok(schema)
}

/// The schema tables go into, or an error when `search_path` names none that exists.
fn current_schema(tx: &mut Transaction<'_>, target: &str) -> Result<String, StoreError> {
    let row = tx
        .query_one(
            "SELECT current_schema()::text, current_setting('search_path')",
            &[],
        )
        .map_err(|e| error::map(target, e))?;
    let schema: Option<String> = row.get(0);
    schema.ok_or_else(|| StoreError::Io {
        path: target.to_owned(),
        message: format!(
            "no schema on the search path `{}` exists; create one (CREATE SCHEMA ...) or set search_path in the URL's options",
            row.get::<_, String>(1)
        ),
    })
}

/// The Rutin schema version recorded in `schema`, or `None` when there is no meta table.
fn read_version(
    tx: &mut Transaction<'_>,
    schema: &str,
    place: &str,
) -> Result<Option<i32>, StoreError> {
    let exists = tx
        .query_opt(
            "SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = $1 AND tablename = 'rutin_meta'",
            &[&schema],
        )
        .map_err(|e| error::map(place, e))?;
    if exists.is_none() {
        return Ok(None);
    }
    let foreign = || StoreError::NotARutinDatabase {
        path: place.to_owned(),
        reason: "it has a table `rutin_meta` that Rutin did not write".to_owned(),
    };
    let rows = tx
        .query(
            "SELECT application::text, schema_version::integer FROM rutin_meta",
            &[],
        )
        .map_err(|_| foreign())?;
    match rows.as_slice() {
        [row] if row.get::<_, Option<String>>(0).as_deref() == Some(APPLICATION) => {
            Ok(Some(row.get::<_, Option<i32>>(1).ok_or_else(foreign)?))
        }
        _ => Err(foreign()),
    }
}

/// Refuses a schema without Rutin's meta table that already holds relations.
fn refuse_foreign_tables(
    tx: &mut Transaction<'_>,
    schema: &str,
    place: &str,
) -> Result<(), StoreError> {
    let rows = tx
        .query(
            "SELECT c.relname::text FROM pg_catalog.pg_class c \
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
         WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') \
         ORDER BY c.relname LIMIT 4",
            &[&schema],
        )
        .map_err(|e| error::map(place, e))?;
    if rows.is_empty() {
        return Ok(());
    }
    let mut names: Vec<String> = rows.iter().take(3).map(|row| row.get(0)).collect();
    if rows.len() > 3 {
        names.push("...".to_string());
    }
    Err(StoreError::NotARutinDatabase {
        path: place.to_owned(),
        reason: format!(
            "it holds other tables ({}) and no Rutin meta table",
            names.join(", ")
        ),
    })
}

/// Applies every migration after `from` and records the new version.
fn migrate(tx: &mut Transaction<'_>, from: i32) -> Result<(), postgres::Error> {
    let start = usize::try_from(from).unwrap_or(0);
    for sql in &MIGRATIONS[start..] {
        tx.batch_execute(sql)?;
    }
    if from < 2 {
        rewrite_time_keys(tx)?;
    }
    let version = current_version();
    if from == 0 {
        tx.execute(
            "INSERT INTO rutin_meta (application, schema_version) VALUES ($1, $2)",
            &[&APPLICATION, &version],
        )?;
    } else {
        tx.execute("UPDATE rutin_meta SET schema_version = $1", &[&version])?;
    }
    Ok(())
}

/// Rewrites the times schema version 1 wrote with a signed year (before 0
/// or after 9999) as keys that sort as time ([`crate::store::time_key`]).
fn rewrite_time_keys(tx: &mut Transaction<'_>) -> Result<(), postgres::Error> {
    for (table, column) in crate::store::time_key::TIME_COLUMNS {
        let rows = tx.query(
            &format!(
                "SELECT DISTINCT {column}::text FROM {table} \
                 WHERE {column} LIKE '+%' OR {column} LIKE '-%'"
            ),
            &[],
        )?;
        for row in rows {
            let text: String = row.get(0);
            if let Some(new) = crate::store::time_key::rewritten(&text) {
                tx.execute(
                    &format!("UPDATE {table} SET {column} = $1 WHERE {column} = $2"),
                    &[&new, &text],
                )?;
            }
        }
    }
    Ok(())
}
