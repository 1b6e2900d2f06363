//! The shared store contract, on PostgreSQL: every rule the SQLite store
//! keeps, each test in fresh schemas of its own.

use rutin::store::contract::StoreFactory;
use rutin::store::PostgresStore;

use crate::db::TestSchema;

/// Fresh stores, one schema each, dropped with the factory.
pub struct Schemas {
    made: Vec<TestSchema>,
}

impl Schemas {
    /// A factory, or `None` when there is no test server (outside CI).
    pub fn new() -> Option<Schemas> {
        crate::db::server_url()?;
        Some(Schemas { made: Vec::new() })
    }
}

fn connect(url: &str) -> PostgresStore {
    PostgresStore::connect(url).unwrap_or_else(|e| panic!("opening the test store: {e}"))
}

impl StoreFactory for Schemas {
    type Store = PostgresStore;
    fn fresh(&mut self) -> PostgresStore {
        let schema = TestSchema::new().expect("the test server is set");
        let store = connect(&schema.url());
        self.made.push(schema);
        store
    }
    fn another(&mut self, store: &PostgresStore) -> PostgresStore {
        let schema = self
            .made
            .iter()
            .find(|s| s.name == store.schema())
            .expect("the store was made by this factory");
        connect(&schema.url())
    }
}

rutin::store_contract_tests!(match Schemas::new() {
    Some(schemas) => schemas,
    None => return,
});
