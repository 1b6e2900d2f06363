//! Schedules compared: the recurring lists a routine sends across its
//! cases (when they run, which cases they list, to whom, with which
//! template), by their id.

use super::compare::{by_id, none, recipients, Named};
use super::{Area, Change};
use crate::i18n::{text, Lang};
use crate::model::{Routine, Schedule};

/// A schedule in words, aspect by aspect.
fn aspects(routine: &Routine, s: &Schedule, lang: Lang) -> [(&'static str, String); 6] {
    let every = text(
        lang,
        "diff-value-every",
        &[("duration", s.every.swedish().into())],
    );
    let at =
        s.at.map_or_else(|| none(lang), |t| t.format("%H:%M").to_string());
    [
        ("title", s.title.clone()),
        ("runs", every),
        ("at", at),
        ("lists", s.select.source().to_owned()),
        ("recipients", recipients(routine, Some(&s.message), lang)),
        ("template", s.message.template.clone()),
    ]
}

/// A new or removed schedule in one line: when it runs and to whom.
fn words(routine: &Routine, s: &Schedule, lang: Lang) -> String {
    let [_, (_, every), (_, at), _, (_, to), (_, template)] = aspects(routine, s, lang);
    let when = match s.at {
        Some(_) => format!("{every} {at}"),
        None => every,
    };
    let message = text(
        lang,
        "diff-value-message",
        &[("template", template.into()), ("recipients", to.into())],
    );
    format!("{when}; {message}")
}

impl Named for Schedule {
    fn id(&self) -> &str {
        &self.id
    }
    fn title(&self) -> &str {
        &self.title
    }
}

pub(super) fn schedules(old: &Routine, new: &Routine, lang: Lang, out: &mut Vec<Change>) {
    by_id(
        Area::Schedule,
        ((old, &old.schedules), (new, &new.schedules)),
        |r, s| words(r, s, lang),
        |r, s| aspects(r, s, lang),
        out,
    );
}
