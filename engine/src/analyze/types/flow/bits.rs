//! Sets of fields as bits. The flow copies, meets and compares a set at
//! every step it passes, so each set is one block of bits over the
//! routine's names (numbered in name order) instead of a tree of strings.

use std::collections::BTreeMap;

use fixedbitset::FixedBitSet;

/// Every name the flow may put in a set, numbered in name order.
#[derive(Debug, Default)]
pub(super) struct Names<'a> {
    names: Vec<&'a str>,
    index: BTreeMap<&'a str, usize>,
}

/// A set of the names of one [`Names`].
#[derive(Debug, Clone, Default)]
pub(in crate::analyze::types) struct Fields(FixedBitSet);

/// Two sets are equal when they have the same names, whatever their sizes.
impl PartialEq for Fields {
    fn eq(&self, other: &Fields) -> bool {
        self.is_subset(other) && other.is_subset(self)
    }
}

impl<'a> Names<'a> {
    /// Numbers `names` (each once, in name order).
    pub(super) fn new(names: impl IntoIterator<Item = &'a str>) -> Names<'a> {
        let index: BTreeMap<&str, usize> = names.into_iter().map(|n| (n, 0)).collect();
        let names: Vec<&str> = index.keys().copied().collect();
        let index = names.iter().enumerate().map(|(i, n)| (*n, i)).collect();
        Names { names, index }
    }

    /// The number of `name`, when it is one of these.
    pub(super) fn index(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
    }

    /// The set of none of them.
    pub(super) fn empty(&self) -> Fields {
        Fields(FixedBitSet::with_capacity(self.names.len()))
    }

    /// The set of `names` (a name not numbered here is left out).
    pub(super) fn set_of<'n>(&self, names: impl IntoIterator<Item = &'n str>) -> Fields {
        let mut set = self.empty();
        self.add(&mut set, names);
        set
    }

    /// Puts `names` into `set` (a name not numbered here is left out).
    pub(super) fn add<'n>(&self, set: &mut Fields, names: impl IntoIterator<Item = &'n str>) {
        for i in names.into_iter().filter_map(|n| self.index(n)) {
            set.insert(i);
        }
    }

    /// The names in `set`, in name order.
    pub(super) fn names(&self, set: &Fields) -> Vec<&'a str> {
        set.0
            .ones()
            .filter_map(|i| self.names.get(i).copied())
            .collect()
    }
}

impl Fields {
    /// Whether the name numbered `i` is in the set.
    pub(super) fn contains(&self, i: usize) -> bool {
        self.0.contains(i)
    }

    /// Puts the name numbered `i` in (a number beyond the set's names grows it).
    pub(super) fn insert(&mut self, i: usize) {
        self.0.grow_and_insert(i);
    }

    /// Takes the name numbered `i` out.
    pub(super) fn remove(&mut self, i: usize) {
        if i < self.0.len() {
            self.0.set(i, false);
        }
    }

    /// The numbers in the set, in order.
    pub(super) fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.ones()
    }

    /// Keeps only what `other` has too.
    pub(super) fn meet(&mut self, other: &Fields) {
        self.0.intersect_with(&other.0);
    }

    /// Adds what `other` has.
    pub(super) fn join(&mut self, other: &Fields) {
        self.0.union_with(&other.0);
    }

    /// Takes out what `other` has.
    pub(super) fn remove_all(&mut self, other: &Fields) {
        self.0.difference_with(&other.0);
    }

    /// The set less what `other` has.
    pub(super) fn minus(&self, other: &Fields) -> Fields {
        let mut out = self.clone();
        out.remove_all(other);
        out
    }

    /// Whether `other` has everything this set has.
    pub(super) fn is_subset(&self, other: &Fields) -> bool {
        self.0.is_subset(&other.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_keep_names_in_name_order_and_leave_unknown_names_out() {
        let names = Names::new(["b", "a", "c", "a"]);
        let mut set = names.set_of(["c", "a", "z"]);
        assert_eq!(names.names(&set), ["a", "c"]);
        set.meet(&names.set_of(["a", "b"]));
        assert_eq!(names.names(&set), ["a"]);
        set.join(&names.set_of(["b", "c"]));
        assert_eq!(names.names(&set.minus(&names.set_of(["b"]))), ["a", "c"]);
        assert!(names.set_of(["b"]).is_subset(&set));
        assert!(!set.is_subset(&names.set_of(["b"])));
        assert_eq!(names.index("z"), None);
    }
}
