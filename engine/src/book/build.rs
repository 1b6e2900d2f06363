//! From the validated routine to the book: numbering, the header, and the
//! readers every section shares (field labels, conditions, recipients).

use super::doc::{text as line, Book, Header, Inline, Line};
use super::order::{order, Order};
use super::text;
use crate::i18n::Lang;
use crate::model::{Expr, MessageFrom, MessageSpec, Recipient, RecipientTarget, Routine, StepKind};

/// Where a message is sent from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum MessageKey {
    Step(String),
    Deadline(usize),
    Schedule(usize),
}

/// The routine with the book's numbers.
pub(crate) struct Ctx<'r> {
    pub(crate) routine: &'r Routine,
    pub(crate) order: Order,
    /// Messages in number order: where from, the message, when it is sent.
    pub(crate) messages: Vec<(MessageKey, &'r MessageSpec, String)>,
}

/// Builds the routine book of a validated routine in Swedish, with `diagram`
/// (an SVG document) embedded when given.
pub fn build(routine: &Routine, diagram: Option<String>) -> Book {
    build_in(routine, diagram, Lang::Sv)
}

/// [`build`] in a language: the book's fixed texts, its deadlines in words
/// and its dates; it is written ([`Book::markdown`], [`Book::html`]) in it too.
pub fn build_in(routine: &Routine, diagram: Option<String>, lang: Lang) -> Book {
    text::in_lang(lang, || build_here(routine, diagram, lang))
}

fn build_here(routine: &Routine, diagram: Option<String>, lang: Lang) -> Book {
    let order = order(routine);
    let messages = messages(routine, &order);
    let cx = Ctx {
        routine,
        order,
        messages,
    };
    Book {
        header: header(routine),
        introduction: routine.meta.description.clone(),
        roles: super::roles::roles(&cx),
        groups: super::roles::groups(&cx),
        phases: super::steps::phases(&cx),
        deadlines: super::steps::deadlines(&cx),
        events: super::events::events(&cx),
        messages: super::messages::messages(&cx),
        schedules: super::messages::schedules(&cx),
        local_choices: super::trace::local_choices(&cx),
        clauses: super::trace::clauses(&cx),
        diagram,
        lang,
    }
}

fn header(routine: &Routine) -> Header {
    let m = &routine.meta;
    let mut facts = Vec::new();
    let mut add = |label: String, value: Option<String>| {
        if let Some(v) = value {
            facts.push((label, v));
        }
    };
    add(text::l(text::DECIDED_BY), m.decided_by.clone());
    add(text::l(text::DECIDED), m.decided.map(text::date));
    add(text::l(text::UPDATED), m.updated.map(text::date));
    add(text::l(text::REPLACES), m.replaces.clone());
    add(text::l(text::OWNER), m.owner.clone());
    add(text::l(text::VERSION), Some(m.version.clone()));
    Header {
        title: m.title.clone(),
        organisation: m.organisation.clone(),
        facts,
    }
}

/// Messages numbered in the order the book shows their senders.
fn messages<'r>(routine: &'r Routine, order: &Order) -> Vec<(MessageKey, &'r MessageSpec, String)> {
    let mut out = Vec::new();
    let mut steps: Vec<_> = routine.steps.iter().collect();
    steps.sort_by_key(|s| order.step(&s.id));
    for s in steps {
        if let StepKind::Message(m) = &s.kind {
            let sent = text::sent_in_step(order.step(&s.id), &s.title);
            out.push((MessageKey::Step(s.id.clone()), m, sent));
        }
        for (i, d) in s.deadlines.iter().enumerate() {
            if let Some(m) = &d.message {
                let n = order.deadline(Some(&s.id), i);
                out.push((MessageKey::Deadline(n), m, text::sent_by_deadline(n)));
            }
        }
    }
    for (i, d) in routine.deadlines.iter().enumerate() {
        if let Some(m) = &d.message {
            let n = order.deadline(None, i);
            out.push((MessageKey::Deadline(n), m, text::sent_by_deadline(n)));
        }
    }
    for (i, s) in routine.schedules.iter().enumerate() {
        let sent = text::sent_by_schedule(&s.title, &s.every, s.at);
        out.push((MessageKey::Schedule(i), &s.message, sent));
    }
    out
}

impl Ctx<'_> {
    /// The field's display name: its `name`, else its description, else its id.
    pub(crate) fn label(&self, field: &str) -> String {
        let Some(f) = self.routine.field(field) else {
            return field.to_owned();
        };
        f.name
            .clone()
            .or_else(|| {
                f.description
                    .as_ref()
                    .map(|d| d.trim().trim_end_matches('.').to_owned())
            })
            .unwrap_or_else(|| field.to_owned())
    }

    /// «Label».
    pub(crate) fn placeholder(&self, field: &str) -> String {
        format!("«{}»", self.label(field))
    }

    pub(crate) fn role_name(&self, id: &str) -> String {
        self.routine
            .roles
            .get(id)
            .map_or_else(|| id.to_owned(), |r| r.name.clone())
    }

    pub(crate) fn group_name(&self, id: &str) -> String {
        self.routine
            .groups
            .get(id)
            .map_or_else(|| id.to_owned(), |g| g.name.clone())
    }

    /// "steg 4, Ring brukaren".
    pub(crate) fn step_place(&self, id: &str) -> String {
        let title = self.routine.step(id).map_or(id, |s| s.title.as_str());
        format!("{}, {title}", text::step_ref(self.order.step(id)))
    }

    /// A condition in words: its title, else the expression as written.
    pub(crate) fn condition(&self, title: &Option<String>, when: &Option<Expr>) -> Option<Line> {
        match (title, when) {
            (Some(t), _) => Some(line(t.clone())),
            (None, Some(e)) => Some(vec![
                Inline::Text(format!("{} ", text::raw_condition())),
                Inline::Code(e.source().to_owned()),
            ]),
            (None, None) => None,
        }
    }

    /// The number of the message sent from `key`.
    pub(crate) fn message_number(&self, key: &MessageKey) -> usize {
        self.messages
            .iter()
            .position(|(k, _, _)| k == key)
            .map_or(0, |p| p + 1)
    }

    /// Who a recipient is, with its condition.
    pub(crate) fn recipient(&self, r: &Recipient) -> Line {
        let who = match &r.target {
            RecipientTarget::Role(id) => self.role_name(id),
            RecipientTarget::Group(id) => self.group_name(id),
            RecipientTarget::GroupOf { expr, .. } => {
                let source = expr.source().trim();
                if let Some(field) = self.routine.field(source) {
                    let mapped: Vec<String> = field
                        .groups
                        .iter()
                        .map(|(value, g)| format!("{value}: {}", self.group_name(g)))
                        .collect();
                    text::group_of(&self.placeholder(source), &mapped)
                } else {
                    text::group_of(&format!("«{}»", text::l(text::COMPUTED)), &[])
                }
            }
            RecipientTarget::Person(p) => {
                format!(
                    "{} ({})",
                    self.placeholder(&p.name),
                    self.role_name(&p.sees_as)
                )
            }
        };
        let mut out = line(who);
        if let Some(c) = self.condition(&r.title, &r.when) {
            out.push(Inline::Text(" (".into()));
            out.extend(c);
            out.push(Inline::Text(")".into()));
        }
        out
    }

    /// The display name of who a message is sent on behalf of (`from:`).
    pub(crate) fn sender(&self, m: &MessageSpec) -> Option<String> {
        m.from.as_ref().map(|f| match f {
            MessageFrom::Role(id) => self.role_name(id),
            MessageFrom::Group(id) => self.group_name(id),
        })
    }

    /// "Larmgruppen skickar meddelande M2 till …", or without a sender
    /// "Meddelande M2 skickas till …".
    pub(crate) fn sends(&self, number: usize, m: &MessageSpec) -> String {
        let to = self.recipients_text(m);
        match self.sender(m) {
            Some(from) => text::sends_from(number, &from, &to),
            None => text::sends(number, &to),
        }
    }

    /// The recipients of a message as one text ("Larmgruppen och Nattpatrullen").
    pub(crate) fn recipients_text(&self, m: &MessageSpec) -> String {
        let names: Vec<String> = m.recipients().map(|r| plain(&self.recipient(r))).collect();
        text::and_list(&names)
    }
}

/// A line as plain text (expressions in backticks).
pub(crate) fn plain(l: &Line) -> String {
    l.iter()
        .map(|i| match i {
            Inline::Text(t) => t.clone(),
            Inline::Code(c) => format!("`{c}`"),
        })
        .collect()
}
