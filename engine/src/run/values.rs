//! Field values as a case holds them: each value once.
//!
//! A command's values ([`Values`]: the start data, a task's or an event's
//! values, a `set:`) are one small sorted slice keyed by the routine's
//! shared field names, behind a reference count. The journal entry that
//! records them holds that slice, and the case's current values
//! ([`Fields`]) point into it instead of copying each value again, so a
//! value is held once however many places read it. Both serialize as the
//! JSON object the `BTreeMap<String, serde_json::Value>` they replace
//! gave (keys in the same order), so journals read and write as before.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value as Json;

use crate::model::Name;

/// Field values by field id, as JSON (dates `YYYY-MM-DD`, periods
/// `{from, to}`), sorted by id; in JSON an object.
///
/// Cheap to clone (a reference count): the journal entry that recorded the
/// values and the case's [`Fields`] share them. Build one from any
/// iterator of (id, value) pairs (`collect()`), from a
/// `serde_json::Map` or from a `BTreeMap<String, serde_json::Value>`; an id
/// given twice keeps its last value, as a map would.
#[derive(Clone, Default, PartialEq)]
pub struct Values(Option<Arc<[(Name, Json)]>>);

impl Values {
    /// No values.
    pub fn new() -> Values {
        Values(None)
    }

    /// Values already sorted by id with no id twice.
    fn from_sorted(pairs: Vec<(Name, Json)>) -> Values {
        if pairs.is_empty() {
            Values(None)
        } else {
            Values(Some(Arc::from(pairs)))
        }
    }

    fn pairs(&self) -> &[(Name, Json)] {
        self.0.as_deref().unwrap_or(&[])
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.pairs()
            .binary_search_by(|(k, _)| k.as_str().cmp(id))
            .ok()
    }

    /// How many values.
    pub fn len(&self) -> usize {
        self.pairs().len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    /// The value of field `id`.
    pub fn get(&self, id: &str) -> Option<&Json> {
        self.position(id).map(|i| &self.pairs()[i].1)
    }

    /// Whether field `id` has a value here.
    pub fn contains_key(&self, id: &str) -> bool {
        self.position(id).is_some()
    }

    /// (id, value) in id order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&Name, &Json)> + '_ {
        self.pairs().iter().map(|(k, v)| (k, v))
    }

    /// The ids, in order.
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &Name> + '_ {
        self.pairs().iter().map(|(k, _)| k)
    }

    /// The values, in id order.
    pub fn values(&self) -> impl ExactSizeIterator<Item = &Json> + '_ {
        self.pairs().iter().map(|(_, v)| v)
    }

    /// A copy as an ordinary map.
    pub fn to_map(&self) -> BTreeMap<String, Json> {
        self.iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }
}

impl<K: Into<Name>> FromIterator<(K, Json)> for Values {
    fn from_iter<I: IntoIterator<Item = (K, Json)>>(iter: I) -> Values {
        let mut pairs: Vec<(Name, Json)> = iter.into_iter().map(|(k, v)| (k.into(), v)).collect();
        let sorted = pairs.windows(2).all(|w| w[0].0 < w[1].0);
        if !sorted {
            // Stable, so of an id given twice the last comes last.
            pairs.sort_by(|a, b| a.0.cmp(&b.0));
            let mut deduped: Vec<(Name, Json)> = Vec::with_capacity(pairs.len());
            for pair in pairs {
                match deduped.last_mut() {
                    Some(last) if last.0 == pair.0 => *last = pair,
                    _ => deduped.push(pair),
                }
            }
            pairs = deduped;
        }
        Values::from_sorted(pairs)
    }
}

impl From<serde_json::Map<String, Json>> for Values {
    fn from(map: serde_json::Map<String, Json>) -> Values {
        map.into_iter().collect()
    }
}

impl From<BTreeMap<String, Json>> for Values {
    fn from(map: BTreeMap<String, Json>) -> Values {
        map.into_iter().collect()
    }
}

impl<K: Into<Name>, const N: usize> From<[(K, Json); N]> for Values {
    fn from(pairs: [(K, Json); N]) -> Values {
        pairs.into_iter().collect()
    }
}

impl<'a> IntoIterator for &'a Values {
    type Item = (&'a Name, &'a Json);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (Name, Json)>,
        fn(&'a (Name, Json)) -> (&'a Name, &'a Json),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.pairs().iter().map(|(k, v)| (k, v))
    }
}

impl fmt::Debug for Values {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Serialize for Values {
    /// A JSON object, ids in order.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for Values {
    /// From a JSON object (an id given twice keeps its last value).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Values, D::Error> {
        deserializer.deserialize_map(ValuesVisitor)
    }
}

struct ValuesVisitor;

impl<'de> Visitor<'de> for ValuesVisitor {
    type Value = Values;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map of field values")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Values, A::Error> {
        let mut pairs: Vec<(Name, Json)> = Vec::with_capacity(map.size_hint().unwrap_or(0));
        while let Some(pair) = map.next_entry::<Name, Json>()? {
            pairs.push(pair);
        }
        Ok(pairs.into_iter().collect())
    }
}

/// One current value: the `index`-th of the values that set it.
#[derive(Clone)]
struct Slot {
    values: Arc<[(Name, Json)]>,
    index: u32,
}

impl Slot {
    /// Its (id, value); `index` is always one of `values` (a slot is only
    /// made from a position in them).
    fn pair(&self) -> &(Name, Json) {
        &self.values[self.index as usize]
    }

    fn id(&self) -> &str {
        &self.pair().0
    }
}

/// The current value of each field of a case, sorted by id; in JSON an
/// object. Each value is the one held by the journal entry that set it
/// (shared, not copied).
#[derive(Clone, Default)]
pub struct Fields(Vec<Slot>);

impl Fields {
    fn position(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|s| s.id().cmp(id))
    }

    /// How many fields have a value.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no field has a value.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The value of field `id`.
    pub fn get(&self, id: &str) -> Option<&Json> {
        let i = self.position(id).ok()?;
        Some(&self.0[i].pair().1)
    }

    /// Whether field `id` has a value.
    pub fn contains_key(&self, id: &str) -> bool {
        self.position(id).is_ok()
    }

    /// (id, value) in id order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&Name, &Json)> + '_ {
        self.0.iter().map(|s| {
            let (k, v) = s.pair();
            (k, v)
        })
    }

    /// The ids, in order.
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &Name> + '_ {
        self.iter().map(|(k, _)| k)
    }

    /// A copy as [`Values`].
    pub fn to_values(&self) -> Values {
        Values::from_sorted(self.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
    }

    /// Sets each field of `values` to its value there (shared with it);
    /// a `null` clears its field when `null_clears`.
    pub(crate) fn set(&mut self, values: &Values, null_clears: bool) {
        let Some(shared) = &values.0 else { return };
        let new = shared
            .iter()
            .filter(|(id, _)| self.position(id).is_err())
            .count();
        self.0.reserve_exact(new);
        for (index, (id, value)) in shared.iter().enumerate() {
            let slot = Slot {
                values: Arc::clone(shared),
                index: index as u32,
            };
            match (self.position(id), null_clears && value.is_null()) {
                (Ok(i), true) => {
                    self.0.remove(i);
                }
                (Err(_), true) => {}
                (Ok(i), false) => self.0[i] = slot,
                (Err(i), false) => self.0.insert(i, slot),
            }
        }
    }

    /// Only the fields `keep` admits.
    pub(crate) fn filtered(&self, keep: impl Fn(&str) -> bool) -> Fields {
        Fields(self.0.iter().filter(|s| keep(s.id())).cloned().collect())
    }
}

impl From<&Values> for Fields {
    fn from(values: &Values) -> Fields {
        let mut fields = Fields::default();
        fields.set(values, false);
        fields
    }
}

impl PartialEq for Fields {
    fn eq(&self, other: &Fields) -> bool {
        self.iter().eq(other.iter())
    }
}

impl fmt::Debug for Fields {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Serialize for Fields {
    /// A JSON object, ids in order.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for Fields {
    /// From a JSON object.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Fields, D::Error> {
        Values::deserialize(deserializer).map(|v| Fields::from(&v))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;
    use serde_json::{json, Value as Json};

    use super::{Fields, Values};

    /// A few ids (so that they repeat) and small values of several kinds.
    fn pairs() -> impl Strategy<Value = Vec<(String, Json)>> {
        let id = prop::sample::select(vec!["a", "b", "ab", "B", "ä", "date", ""]);
        let value = prop_oneof![
            Just(Json::Null),
            any::<bool>().prop_map(Json::from),
            any::<i64>().prop_map(Json::from),
            "[a-ö \"\\\\]{0,8}".prop_map(Json::from),
            Just(json!({"from": "2026-01-01", "to": "2026-02-01"})),
        ];
        prop::collection::vec((id.prop_map(str::to_string), value), 0..12)
    }

    proptest! {
        /// Values built from pairs hold what a `BTreeMap` built from them
        /// holds (an id given twice keeps its last value), in the same
        /// order, and read and write the same JSON.
        #[test]
        fn values_are_a_btree_map(given in pairs()) {
            let ours: Values = given.iter().cloned().collect();
            let theirs: BTreeMap<String, Json> = given.iter().cloned().collect();
            prop_assert_eq!(ours.len(), theirs.len());
            prop_assert_eq!(ours.is_empty(), theirs.is_empty());
            prop_assert_eq!(ours.to_map(), theirs.clone());
            for (id, _) in &given {
                prop_assert_eq!(ours.get(id), theirs.get(id));
            }
            let json = serde_json::to_string(&ours).ok();
            prop_assert_eq!(&json, &serde_json::to_string(&theirs).ok());
            let back: Option<Values> = json.and_then(|j| serde_json::from_str(&j).ok());
            prop_assert_eq!(back.as_ref(), Some(&ours));
        }

        /// A JSON object with an id twice reads as a `BTreeMap` reads it.
        #[test]
        fn duplicate_ids_read_as_a_map_reads_them(given in pairs()) {
            let body: Vec<String> = given
                .iter()
                .map(|(k, v)| format!("{}:{v}", Json::from(k.as_str())))
                .collect();
            let text = format!("{{{}}}", body.join(","));
            let ours: Option<Values> = serde_json::from_str(&text).ok();
            let theirs: Option<BTreeMap<String, Json>> = serde_json::from_str(&text).ok();
            prop_assert_eq!(ours.map(|v| v.to_map()), theirs);
        }

        /// Setting fields from values one after another (with or without
        /// `null` clearing) gives what inserting into a `BTreeMap` gives.
        #[test]
        fn fields_merge_as_a_btree_map(steps in prop::collection::vec((pairs(), any::<bool>()), 0..6)) {
            let mut ours = Fields::default();
            let mut theirs: BTreeMap<String, Json> = BTreeMap::new();
            for (given, null_clears) in steps {
                let values: Values = given.iter().cloned().collect();
                ours.set(&values, null_clears);
                for (k, v) in values.iter() {
                    if null_clears && v.is_null() {
                        theirs.remove(k.as_str());
                    } else {
                        theirs.insert(k.to_string(), v.clone());
                    }
                }
                prop_assert_eq!(ours.to_values().to_map(), theirs.clone());
                prop_assert_eq!(
                    serde_json::to_string(&ours).ok(),
                    serde_json::to_string(&theirs).ok()
                );
            }
            let kept = ours.filtered(|k| k != "a");
            prop_assert_eq!(kept.get("a"), None);
            prop_assert_eq!(kept.len(), theirs.len() - usize::from(theirs.contains_key("a")));
        }
    }

    #[test]
    fn a_field_s_value_is_shared_with_the_values_that_set_it() {
        let values = Values::from([("name", json!("Anna Andersson"))]);
        let mut fields = Fields::default();
        fields.set(&values, false);
        let (Some(a), Some(b)) = (values.get("name"), fields.get("name")) else {
            panic!("the value is missing");
        };
        assert!(std::ptr::eq(a, b));
        assert_eq!(Values::new(), Values::from(BTreeMap::new()));
        assert_eq!(
            serde_json::to_string(&Values::new()).ok().as_deref(),
            Some("{}")
        );
    }
}
