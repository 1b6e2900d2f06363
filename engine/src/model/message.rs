use serde::Serialize;

use super::Expr;

/// A message to send: a subject, a body template, and who receives it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MessageSpec {
    /// Name of the body template (a file under the routine's template folder).
    pub template: String,
    /// The subject line, itself a small template (`Larm installerat {{ install_date | date }}`).
    pub subject: Option<String>,
    /// Main recipients.
    pub to: Vec<Recipient>,
    /// Copies ("for kännedom").
    pub cc: Vec<Recipient>,
    /// A local choice: what the municipality decided where the source document is silent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub local_choice: Option<String>,
}

impl MessageSpec {
    /// Every recipient, main ones first.
    pub fn recipients(&self) -> impl Iterator<Item = &Recipient> {
        self.to.iter().chain(self.cc.iter())
    }
}

/// One recipient entry, possibly conditional.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recipient {
    /// Who.
    pub target: RecipientTarget,
    /// Only when this expression is true (E2: intake-team clients get the group only).
    pub when: Option<Expr>,
    /// The condition `when` in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// Who a [`Recipient`] is.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RecipientTarget {
    /// Everyone holding a role.
    Role(String),
    /// A declared group.
    Group(String),
    /// A group chosen by case data: the expression yields a group id
    /// (the client's area group). `candidates` are the groups it may yield,
    /// known to the analyzer when the expression is a plain enumeration field
    /// whose values are group ids; visibility is checked against all of them.
    GroupOf {
        /// The expression.
        expr: Expr,
        /// Groups the expression may yield, when known.
        candidates: Vec<String>,
    },
}

/// A message body template, loaded and syntax-checked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Template {
    /// The name steps use to refer to it.
    pub name: String,
    /// The file it was read from.
    pub path: std::path::PathBuf,
    /// The template text (minijinja syntax).
    pub source: String,
    /// Case fields the template reads (from minijinja's undeclared-variable analysis).
    pub fields_used: Vec<String>,
}
