//! Opening a store: a fresh schema is created, a foreign or newer one is
//! refused untouched, and connection problems say what to fix.

use rutin::store::{PostgresStore, StoreError};

use crate::db::TestSchema;

/// The tables in the test schema, sorted.
fn tables(schema: &TestSchema) -> Vec<String> {
    schema
        .admin()
        .query(
            "SELECT tablename::text FROM pg_tables WHERE schemaname = $1 ORDER BY 1",
            &[&schema.name],
        )
        .expect("list tables")
        .iter()
        .map(|row| row.get(0))
        .collect()
}

#[test]
fn an_empty_schema_gets_the_rutin_tables_and_version() {
    let Some(schema) = TestSchema::new() else {
        return;
    };
    PostgresStore::connect(&schema.url()).expect("open a fresh store");
    assert!(tables(&schema).contains(&"rutin_meta".to_string()));
    let row = schema
        .admin()
        .query_one("SELECT application, schema_version FROM rutin_meta", &[])
        .expect("read meta");
    assert_eq!(row.get::<_, String>(0), "rutin");
    assert_eq!(row.get::<_, i32>(1), 2);
}

#[test]
fn reopening_a_store_changes_nothing() {
    let Some(schema) = TestSchema::new() else {
        return;
    };
    PostgresStore::connect(&schema.url()).expect("open a fresh store");
    let before = tables(&schema);
    PostgresStore::connect(&schema.url()).expect("reopen the store");
    assert_eq!(tables(&schema), before);
}

#[test]
fn runners_opening_a_fresh_schema_together_all_succeed() {
    let Some(schema) = TestSchema::new() else {
        return;
    };
    let url = schema.url();
    let results: Vec<_> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|_| scope.spawn(|| PostgresStore::connect(&url).map(|_| ())))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("no panic"))
            .collect()
    });
    for result in results {
        result.expect("every runner opens the store");
    }
}

#[test]
fn a_schema_with_other_tables_is_refused_and_left_alone() {
    let Some(schema) = TestSchema::new() else {
        return;
    };
    schema
        .admin()
        .batch_execute("CREATE TABLE patients (id int); INSERT INTO patients VALUES (7)")
        .expect("a foreign table");
    let error = PostgresStore::connect(&schema.url()).expect_err("a foreign schema is refused");
    assert!(
        matches!(error, StoreError::NotARutinDatabase { .. }),
        "{error}"
    );
    let text = error.to_string();
    assert!(
        text.contains("patients") && text.contains("left as it is"),
        "{text}"
    );
    assert_eq!(tables(&schema), ["patients"]);
}

#[test]
fn a_foreign_rutin_meta_table_is_refused() {
    let Some(schema) = TestSchema::new() else {
        return;
    };
    schema
        .admin()
        .batch_execute("CREATE TABLE rutin_meta (note text); INSERT INTO rutin_meta VALUES ('x')")
        .expect("a look-alike meta table");
    let error = PostgresStore::connect(&schema.url()).expect_err("refused");
    assert!(
        matches!(error, StoreError::NotARutinDatabase { .. }),
        "{error}"
    );
    assert_eq!(tables(&schema), ["rutin_meta"]);
}

#[test]
fn another_application_in_the_meta_table_is_refused() {
    let Some(schema) = TestSchema::new() else {
        return;
    };
    PostgresStore::connect(&schema.url()).expect("open a fresh store");
    schema
        .admin()
        .execute("UPDATE rutin_meta SET application = 'other'", &[])
        .expect("edit");
    let error = PostgresStore::connect(&schema.url()).expect_err("refused");
    assert!(
        matches!(error, StoreError::NotARutinDatabase { .. }),
        "{error}"
    );
}

#[test]
fn a_newer_schema_is_refused_and_left_alone() {
    let Some(schema) = TestSchema::new() else {
        return;
    };
    PostgresStore::connect(&schema.url()).expect("open a fresh store");
    schema
        .admin()
        .execute("UPDATE rutin_meta SET schema_version = 99", &[])
        .expect("edit");
    let before = tables(&schema);
    let error = PostgresStore::connect(&schema.url()).expect_err("a newer schema is refused");
    assert!(
        matches!(
            error,
            StoreError::NewerSchema {
                found: 99,
                supported: 2,
                ..
            }
        ),
        "{error}"
    );
    assert!(error.to_string().contains("Use a newer Rutin"), "{error}");
    assert_eq!(tables(&schema), before);
}

#[test]
fn a_wrong_password_is_an_authentication_error_without_the_password() {
    let Some(schema) = TestSchema::new() else {
        return;
    };
    let url = schema.url_with(|config| {
        config.password("not-the-password-4711");
    });
    let error = PostgresStore::connect(&url).expect_err("a wrong password is refused");
    assert!(matches!(error, StoreError::Io { .. }), "{error:?}");
    let text = error.to_string();
    assert!(!text.contains("4711"), "{text}");
    assert!(text.contains("check the user name and password"), "{text}");
}

#[test]
fn a_server_that_is_not_there_is_unreachable() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port();
    let url = format!("postgres://rutin:secret@127.0.0.1:{port}/rutin");
    let error = PostgresStore::connect(&url).expect_err("nobody listens there");
    let text = error.to_string();
    assert!(text.contains(&format!("127.0.0.1:{port}")), "{text}");
    assert!(text.contains("cannot reach the server"), "{text}");
    assert!(!text.contains("secret"), "{text}");
}

#[test]
fn a_missing_database_is_named() {
    let Some(schema) = TestSchema::new() else {
        return;
    };
    let url = schema.url_with(|config| {
        config.dbname("no_such_rutin_db");
    });
    let error = PostgresStore::connect(&url).expect_err("no such database");
    assert!(
        error.to_string().contains("createdb no_such_rutin_db"),
        "{error}"
    );
}

#[test]
fn a_search_path_without_an_existing_schema_is_refused() {
    let Some(schema) = TestSchema::new() else {
        return;
    };
    let error =
        PostgresStore::connect(&schema.url_in("no_such_schema_here")).expect_err("no schema");
    assert!(
        error.to_string().contains("no schema on the search path"),
        "{error}"
    );
}

#[test]
fn a_bad_url_says_what_is_expected() {
    let error = PostgresStore::connect("postgres://host:notaport/db").expect_err("bad URL");
    assert!(error
        .to_string()
        .contains("postgres://user:password@host:port/database"));
}

/// A schema of version 1, where a time past year 9999 was written
/// `+10000-...` (sorting before 2026), is migrated on open: its keys are
/// rewritten to sort as time, so the far case is no longer due.
#[test]
fn a_version_1_schema_gets_time_keys_that_sort() {
    use rutin::run::CaseId;
    use rutin::store::contract::{in_year, started};
    use rutin::store::CaseStore;
    let Some(schema) = TestSchema::new() else {
        return;
    };
    let mut store = PostgresStore::connect(&schema.url()).expect("open a fresh store");
    let mut now = None;
    for id in ["K-1", "K-far"] {
        let (_, _, commit) = started(&mut store, id, 2);
        store.commit(&commit).expect("commit");
        now = commit.index.next_due;
    }
    drop(store);
    schema
        .admin()
        .batch_execute(
            "UPDATE cases SET next_due = '+10000-01-08T00:00:00' WHERE id = 'K-far';
             UPDATE rutin_meta SET schema_version = 1;",
        )
        .expect("make it version 1");
    let mut store = PostgresStore::connect(&schema.url()).expect("migrate on open");
    let now = now.expect("the fixture case has a deadline");
    let due = store.claim_due(now, 10, now).expect("claim");
    let ids: Vec<&str> = due.iter().map(|(id, _)| id.0.as_str()).collect();
    assert_eq!(ids, vec!["K-1"]);
    let far = store.load(&CaseId::from("K-far")).expect("load");
    assert_eq!(far.index.next_due, Some(in_year(10000)));
    let row = schema
        .admin()
        .query_one(
            "SELECT next_due, (SELECT schema_version FROM rutin_meta) FROM cases WHERE id = 'K-far'",
            &[],
        )
        .expect("read");
    assert_eq!(row.get::<_, String>(0), "~510000-01-08T00:00:00");
    assert_eq!(row.get::<_, i32>(1), 2);
}
