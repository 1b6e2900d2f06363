//! Addressees chosen by case data, as a role may see them.
//!
//! Who a message went to can tell a value: a `group_of: choice` recipient
//! names the group `choice` picked, a recipient with `when: "choice == 'b'"`
//! is there only when `choice` is `b`. A role that may not see every field a
//! recipient's `group_of:` and `when:` read does not see the addressees that
//! recipient could have added: they are replaced by one addressee named
//! [`WITHHELD_RECIPIENTS`], and a message whose subject or text names a
//! withheld addressee (the `recipients` template global) is left out.

use super::journal::{Addressee, AddresseeKind, Message};
use super::visibility::{fields_read, may_see};
use crate::model::{MessageSpec, Recipient, RecipientTarget, Routine};

/// The name a view gives addressees chosen by fields the role may not see.
pub const WITHHELD_RECIPIENTS: &str =
    "[withheld: recipients chosen by fields this role may not see]";

/// What a role may see of a message's addressees.
pub(crate) enum Shown {
    /// Everything (nothing was chosen by a hidden field).
    All,
    /// The message with the addressees it may not see withheld.
    Some(Box<Message>),
    /// Nothing: its text names an addressee it may not see.
    Nothing,
}

/// `message` as `role` may see its addressees.
pub(crate) fn addressees_for(routine: &Routine, role: &str, message: &Message) -> Shown {
    let spec = spec_of(routine, message);
    let open = |a: &Addressee, list: fn(&MessageSpec) -> &[Recipient]| match spec {
        Some(spec) => list(spec)
            .iter()
            .any(|r| may_add(r, a) && sees_choice(routine, role, r)),
        None => routine
            .fields
            .iter()
            .all(|f| may_see(routine, Some(role), &f.id)),
    };
    let (to, hidden_to) = split(&message.to, |a| open(a, |s| &s.to));
    let (cc, hidden_cc) = split(&message.cc, |a| open(a, |s| &s.cc));
    let hidden: Vec<&Addressee> = hidden_to.into_iter().chain(hidden_cc).collect();
    if hidden.is_empty() {
        return Shown::All;
    }
    let named = |a: &&Addressee| {
        a.name.is_empty()
            || message.body.contains(&a.name)
            || message
                .subject
                .as_ref()
                .is_some_and(|s| s.contains(&a.name))
    };
    if hidden.iter().any(named) {
        return Shown::Nothing;
    }
    let mut shown = message.clone();
    shown.to = with_placeholder(to, message.to.len());
    shown.cc = with_placeholder(cc, message.cc.len());
    Shown::Some(Box::new(shown))
}

/// The addressees `open` keeps, and those it does not.
fn split(
    list: &[Addressee],
    open: impl Fn(&Addressee) -> bool,
) -> (Vec<Addressee>, Vec<&Addressee>) {
    let (kept, hidden): (Vec<&Addressee>, Vec<&Addressee>) = list.iter().partition(|a| open(a));
    (kept.into_iter().cloned().collect(), hidden)
}

/// `kept`, followed by the placeholder when some of the `len` were left out.
fn with_placeholder(mut kept: Vec<Addressee>, len: usize) -> Vec<Addressee> {
    if kept.len() < len {
        kept.push(Addressee {
            kind: AddresseeKind::Group,
            id: String::new(),
            name: WITHHELD_RECIPIENTS.to_string(),
            address: None,
            sees_as: None,
        });
    }
    kept
}

/// The message the routine says a journaled message was sent by.
fn spec_of<'r>(routine: &'r Routine, message: &Message) -> Option<&'r MessageSpec> {
    let deadlines = match &message.step {
        Some(step) => &routine.step(step)?.deadlines,
        None => &routine.deadlines,
    };
    match (&message.deadline, &message.step) {
        (Some(deadline), _) => deadlines
            .iter()
            .find(|d| &d.id == deadline)?
            .message
            .as_ref(),
        (None, Some(step)) => match &routine.step(step)?.kind {
            crate::model::StepKind::Message(m) => Some(m),
            _ => None,
        },
        (None, None) => None,
    }
}

/// Whether `recipient` may have added `addressee`.
fn may_add(recipient: &Recipient, addressee: &Addressee) -> bool {
    match (&recipient.target, addressee.kind) {
        (RecipientTarget::Role(r), AddresseeKind::Role) => *r == addressee.id,
        (RecipientTarget::Group(g), AddresseeKind::Group) => *g == addressee.id,
        (RecipientTarget::GroupOf { .. }, AddresseeKind::Group) => true,
        (RecipientTarget::Person(p), AddresseeKind::Person) => p.address == addressee.id,
        _ => false,
    }
}

/// The fields that choose whether and whom `recipient` adds (`None`: an
/// expression that does not compile, which may read anything).
pub(crate) fn choosing_fields<'r>(
    routine: &'r Routine,
    recipient: &Recipient,
) -> Option<Vec<&'r str>> {
    let mut fields = Vec::new();
    if let RecipientTarget::GroupOf { expr, .. } = &recipient.target {
        fields.extend(fields_read(routine, expr)?);
    }
    if let Some(when) = &recipient.when {
        fields.extend(fields_read(routine, when)?);
    }
    Some(fields)
}

/// Whether `role` may see every field that chooses `recipient`'s addressees.
fn sees_choice(routine: &Routine, role: &str, recipient: &Recipient) -> bool {
    choosing_fields(routine, recipient)
        .is_some_and(|fields| fields.iter().all(|f| may_see(routine, Some(role), f)))
}
