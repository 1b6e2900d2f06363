//! The PostgreSQL store on a real server (`RUTIN_TEST_DATABASE_URL`; see
//! `.ci/postgres.sh`). Each test works in a fresh schema of its own.

mod contract;
mod db;
mod race;
mod runners;
mod schema;
mod tick;
