//! Shared names: the ids and titles a journal repeats in entry after entry
//! (steps, roles, deadlines, fields, task titles, actors), held once and
//! shared by reference count instead of copied into every entry.
//!
//! A [`Name`] is one pointer (`arcstr::ArcStr`: the length sits beside the
//! text in the shared block, not in every copy), reads like a `&str` (it
//! derefs to one and compares with strings) and serializes as one, so the journal's JSON is the same bytes
//! as with `String`. [`Names`] hands out the routine's own names, so that
//! entering a step or opening a task copies no text at all.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

use arcstr::ArcStr;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Routine;

/// An immutable, cheaply cloned string (an id, a title, a person's name).
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Name(ArcStr);

impl Name {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Name {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Name {
    fn from(s: &str) -> Self {
        Name(ArcStr::from(s))
    }
}

impl From<&String> for Name {
    fn from(s: &String) -> Self {
        Name(ArcStr::from(s.as_str()))
    }
}

impl From<String> for Name {
    fn from(s: String) -> Self {
        Name(ArcStr::from(s))
    }
}

impl From<Name> for String {
    fn from(n: Name) -> Self {
        n.0.to_string()
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        self.0.as_str() == other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Name {
    fn eq(&self, other: &String) -> bool {
        &*self.0 == other.as_str()
    }
}

impl PartialEq<Name> for str {
    fn eq(&self, other: &Name) -> bool {
        self == &*other.0
    }
}

impl PartialEq<Name> for &str {
    fn eq(&self, other: &Name) -> bool {
        *self == &*other.0
    }
}

impl PartialEq<Name> for String {
    fn eq(&self, other: &Name) -> bool {
        self.as_str() == &*other.0
    }
}

impl Serialize for Name {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(NameVisitor)
    }
}

struct NameVisitor;

impl serde::de::Visitor<'_> for NameVisitor {
    type Value = Name;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Name, E> {
        Ok(Name::from(v))
    }
    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Name, E> {
        Ok(Name::from(v))
    }
}

/// A routine's names, each held once: [`Names::get`] gives the shared one.
#[derive(Debug, Default)]
pub(crate) struct Names(FxHashMap<Box<str>, Name>);

impl Names {
    /// Every id and title of `routine` a journal entry may name.
    pub(crate) fn of(routine: &Routine) -> Names {
        let mut names = Names::default();
        names.add(&routine.meta.id);
        names.add(&routine.meta.version);
        for role in routine.roles.keys() {
            names.add(role);
        }
        for field in &routine.fields {
            names.add(&field.id);
        }
        for step in &routine.steps {
            names.add(&step.id);
            names.add(&step.title);
            step.deadlines.iter().for_each(|d| names.add_deadline(d));
            if let super::StepKind::End { outcome } = &step.kind {
                names.add(outcome);
            }
        }
        routine.deadlines.iter().for_each(|d| names.add_deadline(d));
        for event in &routine.events {
            names.add(&event.id);
            if let super::Interrupt::End(outcome) = &event.then {
                names.add(outcome);
            }
        }
        names
    }

    fn add_deadline(&mut self, deadline: &super::Deadline) {
        self.add(&deadline.id);
        if let Some(task) = &deadline.task {
            self.add(&task.role);
            self.add(&task.title);
        }
    }

    fn add(&mut self, s: &str) {
        if !self.0.contains_key(s) {
            self.0.insert(s.into(), Name::from(s));
        }
    }

    /// The routine's own `s`, shared; a new one when the routine has none.
    pub(crate) fn get(&self, s: &str) -> Name {
        self.0.get(s).cloned().unwrap_or_else(|| Name::from(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_one_pointer() {
        assert_eq!(std::mem::size_of::<Name>(), std::mem::size_of::<usize>());
        assert_eq!(
            std::mem::size_of::<Option<Name>>(),
            std::mem::size_of::<usize>()
        );
    }

    #[test]
    fn a_name_is_the_same_json_as_its_string() {
        let name = Name::from("check_order");
        let json = serde_json::to_string(&name).unwrap_or_default();
        assert_eq!(
            json,
            serde_json::to_string("check_order").unwrap_or_default()
        );
        let back: Result<Name, _> = serde_json::from_str(&json);
        assert_eq!(back.ok(), Some(name));
        let escaped: Result<Name, _> = serde_json::from_str(r#""a\"b""#);
        assert_eq!(escaped.ok().as_deref(), Some("a\"b"));
    }

    #[test]
    fn the_routine_s_names_are_shared_and_others_are_made() {
        let mut names = Names::default();
        names.add("alarm_team");
        let (a, b) = (names.get("alarm_team"), names.get("alarm_team"));
        assert!(ArcStr::ptr_eq(&a.0, &b.0));
        let other = names.get("nobody");
        assert_eq!(other, "nobody");
        assert!(!ArcStr::ptr_eq(&other.0, &names.get("nobody").0));
    }
}
