//! Reading a journal entry from JSON in one pass.
//!
//! An entry is one JSON object: `seq`, `at`, `actor`, its record's `type`
//! and the record's fields. serde's derived reading of that shape (a
//! `flatten`ed, internally tagged enum) buffers every entry whole, then
//! buffers it again to find its `type`. This reads the keys as they come:
//! the entry's own three wherever they stand, and from the `type` on, the
//! record's fields straight into the record's variant (`RecordBody`: the same
//! variants, read as serde reads an enum whose variant is known). Keys
//! before the `type` other than the entry's own (never so in what Rutin
//! writes) are kept as JSON values until the variant is known.
//!
//! It accepts what the derived reading accepts and refuses what it refuses:
//! unknown keys are ignored, a duplicated key is refused, a missing one is
//! named, the `type` may be a variant's name or its index. The derived
//! reading is kept for the tests as `tests::Derived`, which compares both on
//! every golden journal and on generated, reordered and damaged ones.

use std::borrow::Cow;
use std::fmt;

use chrono::{NaiveDate, NaiveDateTime};
use serde::de::value::{BorrowedStrDeserializer, MapAccessDeserializer, StringDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;

use super::journal::{
    Actor, ArmedDeadline, ArmedId, CaseId, JournalEntry, Message, Name, Record, Task, TaskId,
    TokenId, Values,
};

/// `Record`'s variants, written once: read externally tagged here (`RecordBody`)
/// and internally tagged as derived for the tests (`Tagged`).
macro_rules! record_variants {
    ($($variants:tt)*) => {
        #[derive(Deserialize)]
        #[serde(remote = "Record", rename_all = "snake_case")]
        enum RecordBody { $($variants)* }

        #[cfg(test)]
        #[derive(Deserialize)]
        #[serde(remote = "Record", tag = "type", rename_all = "snake_case")]
        pub(super) enum Tagged { $($variants)* }
    };
}

record_variants! {
    CaseStarted { case: CaseId, routine: Name, version: Name, data: Values },
    StepEntered { token: TokenId, step: Name },
    WaitStarted { token: TokenId, step: Name, until: NaiveDate },
    BranchesStarted { parallel: Name, join: Name, branches: u32 },
    JoinArrived { token: TokenId, join: Name, arrived: u32, expected: u32 },
    JoinsReset,
    TokenEnded { token: TokenId, step: Name },
    TaskOpened(Task),
    TaskCompleted { task: TaskId, step: Option<Name>, values: Values },
    TaskWithdrawn { task: TaskId, step: Option<Name> },
    EventReceived { token: TokenId, step: Name, event: Name, values: Values },
    DeadlineArmed(ArmedDeadline),
    DeadlineNotArmed { deadline: Name, step: Option<Name>, field: Name },
    DeadlineFired { armed: ArmedId, deadline: Name, step: Option<Name> },
    DeadlineFailed { armed: ArmedId, deadline: Name, step: Option<Name>, error: String },
    DeadlineMessageFailed {
        armed: ArmedId,
        deadline: Name,
        step: Option<Name>,
        template: Name,
        error: String,
    },
    WaitFailed { token: TokenId, step: Name, error: String },
    DeadlineSkipped { armed: ArmedId, deadline: Name, step: Option<Name> },
    DeadlineCancelled { armed: ArmedId, deadline: Name, step: Option<Name> },
    MessageSent(Box<Message>),
    CaseEnded { step: Name, outcome: Name },
    CaseEventReceived { event: Name, values: Values },
    CaseEndedByEvent { event: Name, outcome: Name },
    RoutineChanged { from_version: String, version: String },
    FieldsSet { step: Option<Name>, deadline: Option<Name>, values: Values },
}

/// `Actor`'s variants, read externally tagged once its `kind` is known.
#[derive(Deserialize)]
#[serde(remote = "Actor", rename_all = "snake_case")]
enum ActorBody {
    System,
    Clock,
    Person { name: Name, role: Name },
    External { event: Name },
}

impl<'de> Deserialize<'de> for JournalEntry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(EntryVisitor)
    }
}

struct EntryVisitor;

impl<'de> Visitor<'de> for EntryVisitor {
    type Value = JournalEntry;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct JournalEntry")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<JournalEntry, A::Error> {
        let mut own = EntryOwn::default();
        let record = tagged(map, &mut own)?;
        own.entry(record)
    }
}

/// The keys of an object that are not its tagged enum's fields.
trait Own<'de> {
    /// The key whose value names the variant.
    const TAG: &'static str;
    /// Whether that value may also be the variant's index, as serde's
    /// derived reading allows for an enum read from its buffer (the record,
    /// behind `flatten`) but not straight from JSON (the actor).
    const INDEX: bool;

    /// Reads `key`'s value if it is one of the object's own keys (`true`).
    fn read<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error>;
}

/// An internally tagged enum, read as externally tagged from a [`Rest`].
trait Variants<'de>: Sized {
    /// Reads the enum from a deserializer giving its variant and fields.
    fn read<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error>;
}

impl<'de> Variants<'de> for Record {
    fn read<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        RecordBody::deserialize(d)
    }
}

impl<'de> Variants<'de> for Actor {
    fn read<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        ActorBody::deserialize(d)
    }
}

/// Reads an object holding an internally tagged enum in one pass: the
/// keys before the tag go to `own` or are kept, then the enum is read from
/// the tag's value and the rest of the object.
fn tagged<'de, A, O, T>(mut map: A, own: &mut O) -> Result<T, A::Error>
where
    A: MapAccess<'de>,
    O: Own<'de>,
    T: Variants<'de>,
{
    let mut early = Vec::new();
    while let Some(key) = map.next_key_seed(KeySeed)? {
        if key == O::TAG {
            return T::read(Rest {
                map: &mut map,
                own,
                early: early.into_iter(),
                value: None,
            });
        }
        if !own.read(&key, &mut map)? {
            early.push((key, map.next_value::<serde_json::Value>()?));
        }
    }
    Err(de::Error::missing_field(O::TAG))
}

/// A key as written: borrowed from the input when it has no escapes.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Cow<'de, str>, D::Error> {
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(key))
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(key.to_owned()))
    }

    fn visit_string<E: de::Error>(self, key: String) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(key))
    }
}

/// The entry's own fields, read wherever they stand.
#[derive(Default)]
struct EntryOwn {
    seq: Option<u64>,
    at: Option<NaiveDateTime>,
    actor: Option<Actor>,
}

impl<'de> Own<'de> for EntryOwn {
    const TAG: &'static str = "type";
    const INDEX: bool = true;

    fn read<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match key {
            "seq" => fill(&mut self.seq, "seq", map.next_value()?),
            "at" => fill(&mut self.at, "at", map.next_value_seed(Time)?),
            "actor" => fill(&mut self.actor, "actor", map.next_value_seed(ActorSeed)?),
            _ => Ok(false),
        }
    }
}

impl EntryOwn {
    /// The entry, once its object has ended.
    fn entry<E: de::Error>(self, record: Record) -> Result<JournalEntry, E> {
        Ok(JournalEntry {
            seq: self.seq.ok_or_else(|| E::missing_field("seq"))?,
            at: self.at.ok_or_else(|| E::missing_field("at"))?,
            actor: self.actor.ok_or_else(|| E::missing_field("actor"))?,
            record,
        })
    }
}

/// Puts a value into an empty slot; a second one is refused.
fn fill<T, E: de::Error>(slot: &mut Option<T>, name: &'static str, value: T) -> Result<bool, E> {
    if slot.is_some() {
        return Err(E::duplicate_field(name));
    }
    *slot = Some(value);
    Ok(true)
}

/// A time, read as chrono reads it (`json_time.rs`).
struct Time;

impl<'de> DeserializeSeed<'de> for Time {
    type Value = NaiveDateTime;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<NaiveDateTime, D::Error> {
        super::json_time::read_datetime(d)
    }
}

/// An actor: an object in one pass; any other form as `Actor` derives it.
struct ActorSeed;

impl<'de> DeserializeSeed<'de> for ActorSeed {
    type Value = Actor;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Actor, D::Error> {
        d.deserialize_any(ActorVisitor)
    }
}

struct ActorVisitor;

impl<'de> Visitor<'de> for ActorVisitor {
    type Value = Actor;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("internally tagged enum Actor")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Actor, A::Error> {
        tagged(map, &mut ActorOwn)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Actor, A::Error> {
        // serde's derived reading also takes `[kind, fields...]`.
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<serde_json::Value>()? {
            items.push(item);
        }
        Actor::deserialize(serde_json::Value::Array(items)).map_err(de::Error::custom)
    }
}

/// An actor has no keys of its own besides its `kind`.
struct ActorOwn;

impl<'de> Own<'de> for ActorOwn {
    const TAG: &'static str = "kind";
    const INDEX: bool = false;

    fn read<A: MapAccess<'de>>(&mut self, _key: &str, _map: &mut A) -> Result<bool, A::Error> {
        Ok(false)
    }
}

/// The rest of an object once its tag key is read: the enum whose variant
/// is that key's value and whose fields are the keys met before it (other
/// than the object's own) and those still to come.
struct Rest<'a, 'de, A, O> {
    map: &'a mut A,
    own: &'a mut O,
    early: std::vec::IntoIter<(Cow<'de, str>, serde_json::Value)>,
    /// The value of the early key just handed out.
    value: Option<serde_json::Value>,
}

impl<'de, A: MapAccess<'de>, O: Own<'de>> Deserializer<'de> for Rest<'_, 'de, A, O> {
    type Error = A::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_enum(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

impl<'de, A: MapAccess<'de>, O: Own<'de>> de::EnumAccess<'de> for Rest<'_, 'de, A, O> {
    type Error = A::Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), A::Error> {
        let variant = match self.map.next_value_seed(TagSeed { index: O::INDEX })? {
            Tag::Name(name) => key_into(seed, name)?,
            Tag::Index(index) => {
                seed.deserialize(de::IntoDeserializer::into_deserializer(index))?
            }
        };
        Ok((variant, self))
    }
}

impl<'de, A: MapAccess<'de>, O: Own<'de>> de::VariantAccess<'de> for Rest<'_, 'de, A, O> {
    type Error = A::Error;

    fn unit_variant(mut self) -> Result<(), A::Error> {
        while self.next_key::<IgnoredAny>()?.is_some() {
            self.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        seed.deserialize(MapAccessDeserializer::new(self))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_map(self)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        visitor.visit_map(self)
    }
}

impl<'de, A: MapAccess<'de>, O: Own<'de>> MapAccess<'de> for Rest<'_, 'de, A, O> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        if let Some((key, value)) = self.early.next() {
            self.value = Some(value);
            return key_into(seed, key).map(Some);
        }
        self.value = None;
        while let Some(key) = self.map.next_key_seed(KeySeed)? {
            if key == O::TAG {
                return Err(de::Error::duplicate_field(O::TAG));
            }
            if !self.own.read(&key, self.map)? {
                return key_into(seed, key).map(Some);
            }
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        match self.value.take() {
            Some(value) => seed.deserialize(value).map_err(de::Error::custom),
            None => self.map.next_value_seed(seed),
        }
    }
}

/// Hands a key to a field's seed, borrowed when it can be.
fn key_into<'de, K: DeserializeSeed<'de>, E: de::Error>(
    seed: K,
    key: Cow<'de, str>,
) -> Result<K::Value, E> {
    match key {
        Cow::Borrowed(key) => seed.deserialize(BorrowedStrDeserializer::new(key)),
        Cow::Owned(key) => seed.deserialize(StringDeserializer::new(key)),
    }
}

/// The value of a tag: a variant's name, or its index where serde allows one.
enum Tag<'de> {
    Name(Cow<'de, str>),
    Index(u64),
}

struct TagSeed {
    index: bool,
}

impl<'de> DeserializeSeed<'de> for TagSeed {
    type Value = Tag<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Tag<'de>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for TagSeed {
    type Value = Tag<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("variant identifier")
    }

    fn visit_u64<E: de::Error>(self, index: u64) -> Result<Tag<'de>, E> {
        if self.index {
            Ok(Tag::Index(index))
        } else {
            Err(E::invalid_type(de::Unexpected::Unsigned(index), &self))
        }
    }

    fn visit_borrowed_str<E: de::Error>(self, name: &'de str) -> Result<Tag<'de>, E> {
        Ok(Tag::Name(Cow::Borrowed(name)))
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Tag<'de>, E> {
        Ok(Tag::Name(Cow::Owned(name.to_owned())))
    }

    fn visit_string<E: de::Error>(self, name: String) -> Result<Tag<'de>, E> {
        Ok(Tag::Name(Cow::Owned(name)))
    }
}

#[cfg(test)]
#[path = "journal_de/tests.rs"]
mod tests;
