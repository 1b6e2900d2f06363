use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::diagnostic::Phrase;
use crate::i18n::Lang;

/// A typed piece of case data, such as the decision date or the key number.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Field {
    /// Identifier used in expressions and templates (`decision_date`).
    pub id: String,
    /// Display name for people (`Beslutsdatum`), when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The type values must have.
    pub ty: FieldType,
    /// Whether the case must be started with this field set.
    pub required: bool,
    /// What the field means, for people.
    pub description: Option<String>,
    /// An example value (used by `rutin simulate` when no scenario gives one).
    pub example: Option<serde_json::Value>,
    /// Which roles may see the value.
    pub visibility: Visibility,
    /// What a value must be beyond its type (pattern, bounds, length).
    #[serde(skip_serializing_if = "super::Rules::is_empty")]
    pub rules: super::Rules,
    /// A local choice: what the municipality decided where the source document is silent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub local_choice: Option<String>,
    /// For an enumeration whose values are not group ids: the group each
    /// value stands for in `group_of` and `group_name` (value → group id).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub groups: BTreeMap<String, String>,
}

/// The group `value` stands for: itself when `is_group`, else the group an
/// enumeration's `groups:` maps it to (else itself, which is no group).
pub(crate) fn group_for<'a>(
    is_group: impl Fn(&str) -> bool,
    fields: &'a [Field],
    value: &'a str,
) -> &'a str {
    if is_group(value) {
        return value;
    }
    fields
        .iter()
        .find_map(|f| f.groups.get(value))
        .map_or(value, String::as_str)
}

/// The type of a [`Field`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum FieldType {
    /// Free text.
    Text,
    /// A whole number.
    Integer,
    /// Yes or no.
    Boolean,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// A period `{from: YYYY-MM-DD, to: YYYY-MM-DD}` (both days included).
    Period,
    /// One of a listed set of texts.
    Enum {
        /// The allowed values, in the order the routine lists them.
        values: Vec<String>,
    },
    /// A Swedish personal identity number (or coordination number),
    /// stored as `YYYYMMDD-NNNN`; hidden from every role unless the field's
    /// `visible_to` names some.
    Personnummer,
    /// A list of values of one type.
    List {
        /// The type of each item.
        items: Box<FieldType>,
    },
}

impl FieldType {
    /// A short name for messages: "date", "list of text", "one of: a, b".
    pub fn describe(&self) -> String {
        self.phrase().words(Lang::En)
    }

    /// The short name as a phrase of `engine/i18n/*/details.ftl`.
    pub fn phrase(&self) -> Phrase {
        match self {
            FieldType::Text => Phrase::new("type-text"),
            FieldType::Integer => Phrase::new("type-integer"),
            FieldType::Boolean => Phrase::new("type-boolean"),
            FieldType::Date => Phrase::new("type-date"),
            FieldType::Period => Phrase::new("type-period"),
            FieldType::Enum { values } => {
                Phrase::new("type-enum").with("values", values.join(", "))
            }
            FieldType::Personnummer => Phrase::new("type-personnummer"),
            FieldType::List { items } => Phrase::new("type-list").with("items", items.phrase()),
        }
    }

    /// [`FieldType::describe`] in `lang` (`engine/i18n/<lang>/failure.ftl`).
    pub fn describe_in(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::text;
        match self {
            FieldType::Text => text(lang, "field-type-text", &[]),
            FieldType::Integer => text(lang, "field-type-integer", &[]),
            FieldType::Boolean => text(lang, "field-type-boolean", &[]),
            FieldType::Date => text(lang, "field-type-date", &[]),
            FieldType::Period => text(lang, "field-type-period", &[]),
            FieldType::Enum { values } => text(
                lang,
                "field-type-enum",
                &[("values", values.join(", ").into())],
            ),
            FieldType::Personnummer => text(lang, "field-type-personnummer", &[]),
            FieldType::List { items } => text(
                lang,
                "field-type-list",
                &[("items", items.describe_in(lang).into())],
            ),
        }
    }
}

/// Which roles may see a field's value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Every role (and every group) may see it.
    Everyone,
    /// Only the listed roles (and groups that see as one of them).
    Roles(BTreeSet<String>),
}

impl Visibility {
    /// Whether a reader who sees as `role` may see the value. `None` is a reader
    /// without a role (a group that declares none): it sees only public fields.
    pub fn allows(&self, role: Option<&str>) -> bool {
        match (self, role) {
            (Visibility::Everyone, _) => true,
            (Visibility::Roles(roles), Some(role)) => roles.contains(role),
            (Visibility::Roles(_), None) => false,
        }
    }
}

/// Checks that a JSON value has the field type; the error says why not, in plain words.
pub fn check_value(ty: &FieldType, value: &serde_json::Value) -> Result<(), String> {
    value_fault(ty, value).map_err(|fault| fault.words(Lang::En))
}

/// [`check_value`] with the reason as a phrase, to be worded in any language.
pub fn value_fault(ty: &FieldType, value: &serde_json::Value) -> Result<(), Phrase> {
    use serde_json::Value as J;
    let date = |v: &J| -> Result<chrono::NaiveDate, Phrase> {
        let text = v
            .as_str()
            .ok_or_else(|| Phrase::new("value-not-a-date").with("got", describe(v)))?;
        chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|_| Phrase::new("value-bad-date").with("text", text))
    };
    let needs = |key: &str| Phrase::new("value-period-needs").with("key", key);
    match (ty, value) {
        (FieldType::Text, J::String(_)) => Ok(()),
        (FieldType::Integer, J::Number(n)) if n.is_i64() => Ok(()),
        (FieldType::Boolean, J::Bool(_)) => Ok(()),
        (FieldType::Date, v) => date(v).map(|_| ()),
        (FieldType::Period, J::Object(map)) => {
            let unknown: Vec<&String> = map.keys().filter(|k| *k != "from" && *k != "to").collect();
            if let Some(k) = unknown.first() {
                return Err(Phrase::new("value-period-key").with("key", *k));
            }
            let from = date(map.get("from").ok_or_else(|| needs("from"))?)?;
            let to = date(map.get("to").ok_or_else(|| needs("to"))?)?;
            if to < from {
                return Err(Phrase::new("value-period-backwards")
                    .with("from", from.to_string())
                    .with("to", to.to_string()));
            }
            Ok(())
        }
        (FieldType::Enum { values }, J::String(s)) => {
            if values.contains(s) {
                Ok(())
            } else {
                Err(Phrase::new("value-not-one-of")
                    .with("value", s)
                    .with("values", values.join(", ")))
            }
        }
        (FieldType::Personnummer, J::String(s)) => super::personnummer::normalize(s, None)
            .map(|_| ())
            .map_err(|e| e.phrase()),
        (FieldType::List { items }, J::Array(list)) => {
            for (i, item) in list.iter().enumerate() {
                value_fault(items, item).map_err(|e| {
                    Phrase::new("value-item")
                        .with("number", i + 1)
                        .with("fault", e)
                })?;
            }
            Ok(())
        }
        (ty, v) => Err(Phrase::new("value-expected")
            .with("expected", ty.phrase())
            .with("got", describe(v))),
    }
}

fn describe(v: &serde_json::Value) -> Phrase {
    match v {
        serde_json::Value::Null => Phrase::new("value-nothing"),
        serde_json::Value::Bool(b) => Phrase::quoted(b.to_string()),
        serde_json::Value::Number(n) => Phrase::new("value-number").with("number", n.to_string()),
        serde_json::Value::String(s) => Phrase::new("value-text").with("text", s),
        serde_json::Value::Array(_) => Phrase::new("value-list"),
        serde_json::Value::Object(_) => Phrase::new("value-mapping"),
    }
}
