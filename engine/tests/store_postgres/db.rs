//! A fresh schema per test on the server named by `RUTIN_TEST_DATABASE_URL`.
//!
//! Outside CI, without the variable, the tests print a notice and pass
//! without running; with `CI=true` a missing URL fails them, so CI can never
//! skip PostgreSQL silently. `.ci/postgres.sh` starts a throw-away server.

use std::sync::atomic::{AtomicUsize, Ordering};

use postgres::config::Host;
use postgres::{Client, Config, NoTls};

/// The variable naming the test server.
pub const URL_VARIABLE: &str = "RUTIN_TEST_DATABASE_URL";

/// The test server's URL; `None` (with a notice) when unset outside CI.
pub fn server_url() -> Option<String> {
    match std::env::var(URL_VARIABLE) {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ if std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") => panic!(
            "CI is set but {URL_VARIABLE} is not: the PostgreSQL tests must run in CI \
             (.ci/run starts a server with .ci/postgres.sh)"
        ),
        _ => {
            eprintln!(
                "note: {URL_VARIABLE} is not set; PostgreSQL test skipped (see .ci/postgres.sh)"
            );
            None
        }
    }
}

/// A schema of its own for one test, dropped at the end.
pub struct TestSchema {
    config: Config,
    /// The schema's name.
    pub name: String,
}

impl TestSchema {
    /// Creates a fresh empty schema, or `None` when there is no test server.
    pub fn new() -> Option<Self> {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let config: Config = server_url()?.parse().expect("the test URL parses");
        let name = format!(
            "rutin_test_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        let schema = Self { config, name };
        schema
            .admin()
            .batch_execute(&format!(
                "DROP SCHEMA IF EXISTS {0} CASCADE; CREATE SCHEMA {0}",
                schema.name
            ))
            .expect("create the test schema");
        Some(schema)
    }

    /// A connection string whose tables go into this schema.
    pub fn url(&self) -> String {
        connection_string(&self.config, |_| {}, Some(&self.name))
    }

    /// A connection string to the same server with `search_path` set to `path`.
    pub fn url_in(&self, path: &str) -> String {
        connection_string(&self.config, |_| {}, Some(path))
    }

    /// A connection string to the same server changed by `change`.
    pub fn url_with(&self, change: impl FnOnce(&mut Config)) -> String {
        connection_string(&self.config, change, Some(&self.name))
    }

    /// A plain connection with this schema first on the search path.
    pub fn admin(&self) -> Client {
        let mut client = self
            .config
            .connect(NoTls)
            .expect("connect to the test server");
        client
            .batch_execute(&format!("SET search_path TO {}", self.name))
            .expect("set search_path");
        client
    }
}

impl Drop for TestSchema {
    fn drop(&mut self) {
        if let Ok(mut client) = self.config.connect(NoTls) {
            let _ = client.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name));
        }
    }
}

/// A key-value connection string for `config` after `change`, with `schema` first on the path.
fn connection_string(
    config: &Config,
    change: impl FnOnce(&mut Config),
    schema: Option<&str>,
) -> String {
    let mut config = config.clone();
    change(&mut config);
    let mut parts = Vec::new();
    let hosts: Vec<String> = config
        .get_hosts()
        .iter()
        .map(|host| match host {
            Host::Tcp(name) => name.clone(),
            Host::Unix(path) => path.display().to_string(),
        })
        .collect();
    parts.push(format!("host={}", quote(&hosts.join(","))));
    if let Some(port) = config.get_ports().first() {
        parts.push(format!("port={port}"));
    }
    if let Some(user) = config.get_user() {
        parts.push(format!("user={}", quote(user)));
    }
    if let Some(password) = config.get_password() {
        parts.push(format!(
            "password={}",
            quote(&String::from_utf8_lossy(password))
        ));
    }
    if let Some(database) = config.get_dbname() {
        parts.push(format!("dbname={}", quote(database)));
    }
    if let Some(schema) = schema {
        // Tests do not outlive a server crash: commits need not wait for the disk.
        parts.push(format!(
            "options={}",
            quote(&format!(
                "-c search_path={schema} -c synchronous_commit=off"
            ))
        ));
    }
    parts.join(" ")
}

fn quote(value: &str) -> String {
    format!("'{}'", value.replace('\\', "\\\\").replace('\'', "\\'"))
}
