//! A small map keyed by counted numbers (tokens, tasks, armings), kept as
//! a vector sorted by key.
//!
//! A case holds a handful of each at a time, numbered in the order they
//! came, so new keys go at the end and a lookup is a short binary search.
//! Unlike a `BTreeMap` it allocates nothing while it goes from empty to one
//! entry and back (opening and completing a task), and an open case keeps
//! only room for the most entries it has had at once. Iteration is in key order, as before.

use serde::{Serialize, Serializer};

/// Values by a small, ordered key, in key order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct IdMap<K, V>(Vec<(K, V)>);

impl<K, V> Default for IdMap<K, V> {
    fn default() -> Self {
        IdMap(Vec::new())
    }
}

impl<K: Ord + Copy, V> IdMap<K, V> {
    fn find(&self, key: &K) -> Result<usize, usize> {
        match self.0.last() {
            Some((last, _)) if last < key => Err(self.0.len()),
            _ => self.0.binary_search_by(|(k, _)| k.cmp(key)),
        }
    }

    /// Sets `key` to `value`.
    pub(crate) fn insert(&mut self, key: K, value: V) {
        match self.find(&key) {
            Ok(i) => {
                if let Some(slot) = self.0.get_mut(i) {
                    slot.1 = value;
                }
            }
            Err(i) => {
                // Room for one more only: a case holds a handful at most.
                self.0.reserve_exact(1);
                self.0.insert(i, (key, value));
            }
        }
    }

    /// Takes `key` out, if it is there.
    pub(crate) fn remove(&mut self, key: &K) -> Option<V> {
        self.find(key).ok().map(|i| self.0.remove(i).1)
    }

    /// The value of `key`.
    pub(crate) fn get(&self, key: &K) -> Option<&V> {
        let i = self.find(key).ok()?;
        self.0.get(i).map(|(_, v)| v)
    }

    /// The value of `key`, to change.
    pub(crate) fn get_mut(&mut self, key: &K) -> Option<&mut V> {
        let i = self.find(key).ok()?;
        self.0.get_mut(i).map(|(_, v)| v)
    }

    /// The entries in key order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// The values in key order.
    pub(crate) fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, v)| v)
    }

    /// Empties the map, giving its room back.
    pub(crate) fn clear(&mut self) {
        self.0 = Vec::new();
    }
}

impl<K: Serialize, V: Serialize> Serialize for IdMap<K, V> {
    /// As the `BTreeMap` it replaces: a map in key order.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;

    use super::IdMap;

    proptest! {
        /// Any sequence of inserts and removes leaves the same entries, in
        /// the same order, as a `BTreeMap` given the same sequence.
        #[test]
        fn behaves_as_a_btree_map(ops in prop::collection::vec((any::<bool>(), 0u32..12, any::<u8>()), 0..60)) {
            let mut ours = IdMap::default();
            let mut theirs = BTreeMap::new();
            for (insert, key, value) in ops {
                if insert {
                    ours.insert(key, value);
                    theirs.insert(key, value);
                } else {
                    prop_assert_eq!(ours.remove(&key), theirs.remove(&key));
                }
                prop_assert_eq!(ours.get(&key), theirs.get(&key));
            }
            let a: Vec<_> = ours.iter().collect();
            let b: Vec<_> = theirs.iter().collect();
            prop_assert_eq!(a, b);
            prop_assert_eq!(
                serde_json::to_string(&ours).ok(),
                serde_json::to_string(&theirs).ok()
            );
        }
    }
}
