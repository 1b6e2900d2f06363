//! What the language has built in, found once per process in the shared
//! environment ([`crate::expr::shared_environment`]): its global names
//! (functions such as `range` and the language's own), and whether it knows
//! a filter or a test of a name (found by trying it, as minijinja would
//! when a message is sent, then kept).

use std::collections::{BTreeSet, HashMap};
use std::sync::{OnceLock, RwLock};

use minijinja::{Environment, ErrorKind};

/// The shared environment's built-in names.
#[derive(Debug)]
pub(crate) struct Builtins {
    env: &'static Environment<'static>,
    globals: BTreeSet<&'static str>,
    filters: RwLock<HashMap<String, bool>>,
    tests: RwLock<HashMap<String, bool>>,
}

/// The process's [`Builtins`].
pub(crate) fn builtins() -> &'static Builtins {
    static BUILTINS: OnceLock<Builtins> = OnceLock::new();
    BUILTINS.get_or_init(|| {
        let env = crate::expr::shared_environment();
        Builtins {
            env,
            globals: env.globals().map(|(name, _)| name).collect(),
            filters: RwLock::default(),
            tests: RwLock::default(),
        }
    })
}

impl Builtins {
    /// Whether `name` is a global of the environment (`range`, `date_add`...).
    pub(crate) fn is_global(&self, name: &str) -> bool {
        self.globals.contains(name)
    }

    /// Whether the environment has the filter `name`.
    pub(crate) fn has_filter(&self, name: &str) -> bool {
        self.knows(&self.filters, name, "{{ none | ", ErrorKind::UnknownFilter)
    }

    /// Whether the environment has the test `name`.
    pub(crate) fn has_test(&self, name: &str) -> bool {
        self.knows(&self.tests, name, "{{ none is ", ErrorKind::UnknownTest)
    }

    /// Whether rendering `{{ none | name }}` (or `is`) fails for another
    /// reason than `unknown`: found the first time, then remembered.
    fn knows(
        &self,
        memo: &RwLock<HashMap<String, bool>>,
        name: &str,
        prefix: &str,
        unknown: ErrorKind,
    ) -> bool {
        if let Some(known) = memo.read().ok().and_then(|m| m.get(name).copied()) {
            return known;
        }
        let known = match self.env.render_str(&format!("{prefix}{name} }}}}"), ()) {
            Err(e) => e.kind() != unknown,
            Ok(_) => true,
        };
        if let Ok(mut m) = memo.write() {
            m.insert(name.to_owned(), known);
        }
        known
    }
}
