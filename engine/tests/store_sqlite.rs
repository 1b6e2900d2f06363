//! The SQLite store: the shared contract suite, then what only a file can
//! show (foreign and damaged files, tampering, a full disk, racing threads).

use std::path::{Path, PathBuf};

use rutin::store::contract::StoreFactory;
use rutin::store::sqlite::{SqliteOptions, SqliteStore};

/// Fresh stores in files of one temporary folder.
struct Files {
    dir: tempfile::TempDir,
    made: u32,
}

impl Files {
    fn new() -> Self {
        Files {
            dir: tempfile::tempdir().expect("a temporary folder"),
            made: 0,
        }
    }
}

fn open(path: &Path) -> SqliteStore {
    SqliteStore::open(path, &SqliteOptions::default())
        .unwrap_or_else(|e| panic!("opening {}: {e}", path.display()))
}

impl StoreFactory for Files {
    type Store = SqliteStore;
    fn fresh(&mut self) -> SqliteStore {
        self.made += 1;
        let path: PathBuf = self.dir.path().join(format!("store-{}.db", self.made));
        open(&path)
    }
    fn another(&mut self, store: &SqliteStore) -> SqliteStore {
        open(Path::new(store.path()))
    }
}

rutin::store_contract_tests!(Files::new());
