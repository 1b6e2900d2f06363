//! Every fixed text of the routine book, by its id in the `book` message
//! catalogue (`engine/i18n/<lang>/book.ftl`). Texts built from routine data
//! are small functions here too, so no words lie anywhere else.
//!
//! The book is built and written in one language at a time: [`in_lang`]
//! sets it for the duration of a build or a write (on this thread), and
//! every text here is read in it. Swedish when none is set.

use std::cell::Cell;

use crate::calendar::{Duration, Unit};
use crate::i18n::{text, Arg, Lang};

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::Sv) };
}

/// Runs `f` with the book's texts in `lang`, and restores the language
/// before (also when `f` panics).
pub(crate) fn in_lang<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    struct Restore(Lang);
    impl Drop for Restore {
        fn drop(&mut self) {
            LANG.with(|l| l.set(self.0));
        }
    }
    let _restore = Restore(LANG.with(|l| l.replace(lang)));
    f()
}

/// The language the book is being made in.
pub(crate) fn lang() -> Lang {
    LANG.with(Cell::get)
}

fn t(id: &str, args: &[(&str, Arg<'_>)]) -> String {
    text(lang(), id, args)
}

/// A fixed label or heading (one of the ids below) in the book's language.
pub(crate) fn l(id: &str) -> String {
    t(id, &[])
}
use chrono::NaiveTime;

/// Section headings and labels.
pub(crate) const ROUTINE: &str = "book-routine";
pub(crate) const DECIDED_BY: &str = "book-decided-by";
pub(crate) const DECIDED: &str = "book-decided";
pub(crate) const UPDATED: &str = "book-updated";
pub(crate) const REPLACES: &str = "book-replaces";
pub(crate) const OWNER: &str = "book-owner";
pub(crate) const VERSION: &str = "book-version";
pub(crate) const INTRODUCTION: &str = "book-introduction";
pub(crate) const ROLES: &str = "book-roles";
pub(crate) const GROUPS_OF_ROLE: &str = "book-groups-of-role";
pub(crate) const GROUPS: &str = "book-groups";
pub(crate) const ADDRESS: &str = "book-address";
pub(crate) const PROCEDURE: &str = "book-procedure";
pub(crate) const DIAGRAM: &str = "book-diagram";
pub(crate) const DEADLINES: &str = "book-deadlines";
pub(crate) const MESSAGES: &str = "book-messages";
pub(crate) const SCHEDULES: &str = "book-schedules";
pub(crate) const EVENTS: &str = "book-events";
pub(crate) const EVENTS_INTRO: &str = "book-events-intro";
pub(crate) const EVENT_FROM: &str = "book-event-from";
pub(crate) const EVENT_THEN: &str = "book-event-then";
pub(crate) const LOCAL_CHOICES: &str = "book-local-choices";
pub(crate) const LOCAL_CHOICES_INTRO: &str = "book-local-choices-intro";
pub(crate) const TRACE: &str = "book-trace";
pub(crate) const TRACE_INTRO: &str = "book-trace-intro";
pub(crate) const NOT_DONE: &str = "book-not-done";
pub(crate) const GENERATED: &str = "book-generated";
pub(crate) const MAIN_PHASE: &str = "book-main-phase";
pub(crate) const AFTER_JOIN: &str = "book-after-join";
pub(crate) const TABLE_CLAUSE: &str = "book-table-clause";
pub(crate) const TABLE_TEXT: &str = "book-table-text";
pub(crate) const TABLE_WHERE: &str = "book-table-where";
pub(crate) const RESPONSIBLE: &str = "book-responsible";
pub(crate) const RECORDS: &str = "book-records";
pub(crate) const MAY_RECORD: &str = "book-may-record";
pub(crate) const DOCUMENTS: &str = "book-documents";
pub(crate) const SETS: &str = "book-sets";
pub(crate) const WAYS: &str = "book-ways";
pub(crate) const OTHERWISE: &str = "book-otherwise";
pub(crate) const SOURCE: &str = "book-source";
pub(crate) const TO: &str = "book-to";
pub(crate) const CC: &str = "book-cc";
pub(crate) const SENT: &str = "book-sent";
pub(crate) const LEFT_OUT: &str = "book-left-out";
pub(crate) const TEMPLATE_LEGEND: &str = "book-template-legend";
pub(crate) const WHEN_PASSED: &str = "book-when-passed";
pub(crate) const DEADLINE_ON: &str = "book-deadline-on";
pub(crate) const WHOLE_CASE: &str = "book-whole-case";
pub(crate) const NO_DEADLINES: &str = "book-no-deadlines";
pub(crate) const NO_MESSAGES: &str = "book-no-messages";
pub(crate) const NO_LOCAL_CHOICES: &str = "book-no-local-choices";
pub(crate) const SELECTS: &str = "book-selects";
pub(crate) const EVERY: &str = "book-every";
pub(crate) const COMPUTED: &str = "book-computed";
pub(crate) const RECIPIENTS: &str = "book-recipients";
pub(crate) const TODAY: &str = "book-today";
pub(crate) const CASE_ID: &str = "book-case-id";
pub(crate) const STEP_TITLE: &str = "book-step-title";
pub(crate) const ROUTINE_TITLE: &str = "book-routine-title";
pub(crate) const DEADLINE_AFTER: &str = "book-deadline-after";

/// A local choice on a route: "steg 2, Ring brukaren – vägen ”Brukaren avböjer”".
pub(crate) fn route_place(step: &str, way: &str) -> String {
    t(
        "book-route-place",
        &[("step", step.into()), ("way", way.into())],
    )
}

/// "Steg 4".
pub(crate) fn step_ref(number: usize) -> String {
    t("book-step-ref", &[("number", number.into())])
}

/// "F4" (English "D4"): a deadline's number in headings.
pub(crate) fn deadline_label(number: usize) -> String {
    t("book-deadline-label", &[("number", number.into())])
}

/// The kind of work a step is, in a sentence.
pub(crate) fn kind_sentence(kind: &str, who: Option<&str>) -> String {
    match (kind, who) {
        ("event", Some(who)) => t("book-kind-event-from", &[("who", who.into())]),
        ("event", None) => l("book-kind-event"),
        ("decision", _) => l("book-kind-decision"),
        ("message", _) => l("book-kind-message"),
        ("parallel", _) => l("book-kind-parallel"),
        ("join", _) => l("book-kind-join"),
        ("end", _) => l("book-kind-end"),
        _ => String::new(),
    }
}

/// "Ärendet avslutas med utfallet executed."
pub(crate) fn outcome(outcome: &str) -> String {
    t("book-outcome", &[("outcome", outcome.into())])
}

/// "Väntar till «Slutdatum»."
pub(crate) fn wait_until(what: &str) -> String {
    t("book-wait-until", &[("what", what.into())])
}

/// "Delarna görs samtidigt; ärendet går vidare i steg 12 när alla är klara."
pub(crate) fn parallel_note(join: usize) -> String {
    t("book-parallel-note", &[("join", join.into())])
}

/// Heading of a parallel phase.
pub(crate) fn parallel_phase(title: &str) -> String {
    t("book-parallel-phase", &[("title", title.into())])
}

/// Heading of a side path reached by a route from a step.
pub(crate) fn side_phase(reason: &str, from: usize) -> String {
    t(
        "book-side-phase",
        &[("reason", reason.into()), ("from", from.into())],
    )
}

/// Reason of a side path without a route title.
pub(crate) fn other_way(from_title: &str) -> String {
    t("book-other-way", &[("title", from_title.into())])
}

/// Reason of a side path reached when a deadline passes.
pub(crate) fn deadline_way(number: usize) -> String {
    t("book-deadline-way", &[("number", number.into())])
}

/// What a case-wide event that goes on at a step does to the case.
pub(crate) fn event_goes_on(number: usize, title: &str) -> String {
    t(
        "book-event-goes-on",
        &[("number", number.into()), ("title", title.into())],
    )
}

/// What a case-wide event that ends the case does to it.
pub(crate) fn event_ends(outcome: &str) -> String {
    t("book-event-ends", &[("outcome", outcome.into())])
}

/// Reason of a side path reached by a case-wide event.
pub(crate) fn event_way(title: &str) -> String {
    t("book-event-way", &[("title", title.into())])
}

/// "Gå till steg 4, Ring brukaren."
pub(crate) fn go_to(number: usize, title: &str) -> String {
    t(
        "book-go-to",
        &[("number", number.into()), ("title", title.into())],
    )
}

/// "Nästa: steg 4, Ring brukaren."
pub(crate) fn next(number: usize, title: &str) -> String {
    t(
        "book-next",
        &[("number", number.into()), ("title", title.into())],
    )
}

/// A condition shown as an expression (no `title:` given).
pub(crate) fn raw_condition() -> String {
    l("book-raw-condition")
}

/// Where a message is sent from, in words.
pub(crate) fn sent_in_step(number: usize, title: &str) -> String {
    t(
        "book-sent-in-step",
        &[("number", number.into()), ("title", title.into())],
    )
}

/// A deadline's message: when it goes.
pub(crate) fn sent_by_deadline(number: usize) -> String {
    t("book-sent-by-deadline", &[("number", number.into())])
}

/// A schedule's report: when it goes.
pub(crate) fn sent_by_schedule(title: &str, every: &Duration, at: Option<NaiveTime>) -> String {
    let every = schedule_every(every, at);
    t(
        "book-sent-by-schedule",
        &[("every", every.into()), ("title", title.into())],
    )
}

/// How often a schedule runs: "varje månad", "varje månad, kl. 08:00".
pub(crate) fn schedule_every(every: &Duration, at: Option<NaiveTime>) -> String {
    let mut text = every_words(every);
    if let Some(at) = at {
        text.push_str(&clock(at));
    }
    text
}

/// ", kl. 08:00" (", at 08:00").
fn clock(at: NaiveTime) -> String {
    t(
        "book-clock",
        &[("time", at.format("%H:%M").to_string().into())],
    )
}

/// "Frist F3".
pub(crate) fn deadline_ref(number: usize) -> String {
    t("book-deadline-ref", &[("number", number.into())])
}

/// "Meddelande M2".
pub(crate) fn message_ref(number: usize) -> String {
    t("book-message-ref", &[("number", number.into())])
}

/// "Lista: Larm som ska hämtas".
pub(crate) fn schedule_ref(title: &str) -> String {
    t("book-schedule-ref", &[("title", title.into())])
}

/// "Hemtjänstgrupp enligt «Hemtjänstgrupp»".
pub(crate) fn group_of(label: &str, mapped: &[String]) -> String {
    match mapped {
        [] => t("book-group-of", &[("label", label.into())]),
        _ => t(
            "book-group-of-mapped",
            &[("label", label.into()), ("map", mapped.join(", ").into())],
        ),
    }
}

/// A group's members see what a role sees.
pub(crate) fn sees_as(role: &str) -> String {
    t("book-sees-as", &[("role", role.into())])
}

/// A field left out of a message for some recipients.
pub(crate) fn left_out(field: &str, who: &str) -> String {
    t(
        "book-left-out-for",
        &[("field", field.into()), ("who", who.into())],
    )
}

/// What a role does, one line per duty.
pub(crate) fn duty_task(number: usize, title: &str) -> String {
    t(
        "book-duty-task",
        &[("number", number.into()), ("title", title.into())],
    )
}

/// A role that sends an event the routine waits for.
pub(crate) fn duty_event(number: usize, title: &str) -> String {
    t(
        "book-duty-event",
        &[("number", number.into()), ("title", title.into())],
    )
}

/// A role that gets a deadline's task.
pub(crate) fn duty_escalation(number: usize, title: &str) -> String {
    t(
        "book-duty-escalation",
        &[("number", number.into()), ("title", title.into())],
    )
}

/// A role that receives messages.
pub(crate) fn duty_receives(list: &str) -> String {
    t("book-duty-receives", &[("list", list.into())])
}

/// A deadline's actions in words.
pub(crate) fn sends(number: usize, to: &str) -> String {
    t(
        "book-sends",
        &[("number", number.into()), ("to", to.into())],
    )
}

/// A deadline that opens a task.
pub(crate) fn opens_task(role: &str, title: &str) -> String {
    t(
        "book-opens-task",
        &[("role", role.into()), ("title", title.into())],
    )
}

/// A deadline that moves the case.
pub(crate) fn moves_to(number: usize, title: &str) -> String {
    t(
        "book-moves-to",
        &[("number", number.into()), ("title", title.into())],
    )
}

/// A deadline that sets fields.
pub(crate) fn deadline_sets(list: &str) -> String {
    t("book-deadline-sets", &[("list", list.into())])
}

/// A deadline only fires when its condition holds.
pub(crate) fn only_if(condition: &str) -> String {
    t("book-only-if", &[("condition", condition.into())])
}

/// A duration's unit as the catalogue's selector key.
fn unit(u: Unit) -> &'static str {
    match u {
        Unit::Days => "days",
        Unit::Weeks => "weeks",
        Unit::Months => "months",
        Unit::WorkingDays => "working_days",
        Unit::Years => "years",
    }
}

fn amount_and_unit(d: &Duration) -> [(&'static str, Arg<'static>); 2] {
    [("amount", d.amount.into()), ("unit", unit(d.unit).into())]
}

/// "en månad", "5 arbetsdagar".
pub(crate) fn duration(d: &Duration) -> String {
    t("book-duration", &amount_and_unit(d))
}

/// "varje vecka", "med 2 arbetsdagars mellanrum".
pub(crate) fn every_words(d: &Duration) -> String {
    t("book-every-interval", &amount_and_unit(d))
}

/// What a deadline counts from, for [`deadline_when`].
pub(crate) struct DeadlineStartWords<'a> {
    /// The date field's label, or `None` for the step's (case's) start.
    pub(crate) from: Option<&'a str>,
    /// A case deadline (counted from the case's start).
    pub(crate) case: bool,
    /// Its time of day (`kl. 08:00`).
    pub(crate) at: Option<NaiveTime>,
}

/// When a deadline passes: "5 arbetsdagar efter att steget började, kl.
/// 08:00, sedan varje vecka, högst 2 gånger".
pub(crate) fn deadline_when(
    after: &Duration,
    start: &DeadlineStartWords<'_>,
    repeat: Option<(&Duration, Option<u32>)>,
) -> String {
    let from = match (start.from, start.case) {
        (Some(field), _) => field.to_lowercase(),
        (None, false) => l("book-from-step-start"),
        (None, true) => l("book-from-case-start"),
    };
    let when = t(
        "book-deadline-counted",
        &[("duration", duration(after).into()), ("start", from.into())],
    );
    let mut when = when;
    if let Some(at) = start.at {
        when.push_str(&clock(at));
    }
    let Some((every, times)) = repeat else {
        return when;
    };
    let times = times.map_or(Arg::from("none"), Arg::from);
    t(
        "book-deadline-repeat",
        &[
            ("when", when.into()),
            ("every", every_words(every).into()),
            ("times", times),
        ],
    )
}

/// "8 mars 2026": the same long form templates get from the `date` filter;
/// in English "8 March 2026".
pub(crate) fn date(d: chrono::NaiveDate) -> String {
    match lang() {
        Lang::Sv => crate::expr::swedish_date(d),
        Lang::En => d.format("%-d %B %Y").to_string(),
    }
}

/// A list in running text: "a, b och c".
pub(crate) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => t(
            "book-and",
            &[("init", init.join(", ").into()), ("last", last.into())],
        ),
    }
}

/// Who a message is sent on behalf of (`from:`).
pub(crate) const FROM: &str = "book-from";

/// A template's `sender` where the message names none.
pub(crate) const SENDER: &str = "book-sender";

/// A message step or deadline that sends on someone's behalf.
pub(crate) fn sends_from(number: usize, from: &str, to: &str) -> String {
    t(
        "book-sends-from",
        &[
            ("number", number.into()),
            ("from", from.into()),
            ("to", to.into()),
        ],
    )
}

/// A role on whose behalf messages are sent.
pub(crate) fn duty_sends(list: &str) -> String {
    t("book-duty-sends", &[("list", list.into())])
}

/// A role whose members get messages as a person named in the case.
pub(crate) fn duty_receives_as(person: &str, list: &str) -> String {
    t(
        "book-duty-receives-as",
        &[("person", person.into()), ("list", list.into())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Duration {
        text.parse().unwrap()
    }

    fn start(from: Option<&str>, case: bool) -> DeadlineStartWords<'_> {
        DeadlineStartWords {
            from,
            case,
            at: None,
        }
    }

    #[test]
    fn deadlines_read_as_swedish() {
        assert_eq!(
            deadline_when(&d("1 month"), &start(Some("Beslutsdatum"), false), None),
            "en månad efter beslutsdatum"
        );
        assert_eq!(
            deadline_when(
                &d("5 working days"),
                &start(None, false),
                Some((&d("1 week"), Some(2)))
            ),
            "5 arbetsdagar efter att steget började, sedan varje vecka, högst 2 gånger"
        );
        assert_eq!(
            deadline_when(
                &d("2 working days"),
                &start(None, true),
                Some((&d("2 working days"), Some(1)))
            ),
            "2 arbetsdagar efter att ärendet startade, sedan med 2 arbetsdagars mellanrum, högst en gång"
        );
        assert_eq!(
            deadline_when(
                &d("1 year"),
                &start(Some("Beslutsdatum"), false),
                Some((&d("1 år"), None))
            ),
            "ett år efter beslutsdatum, sedan varje år så länge steget pågår"
        );
        assert_eq!(
            deadline_when(&d("2 år"), &start(None, false), Some((&d("3 years"), None))),
            "2 år efter att steget började, sedan med 3 års mellanrum så länge steget pågår"
        );
        let eight = chrono::NaiveTime::from_hms_opt(8, 0, 0);
        let at_eight = DeadlineStartWords {
            from: Some("Beslutsdatum"),
            case: false,
            at: eight,
        };
        assert_eq!(
            deadline_when(&d("1 month"), &at_eight, Some((&d("1 week"), Some(2)))),
            "en månad efter beslutsdatum, kl. 08:00, sedan varje vecka, högst 2 gånger"
        );
    }

    #[test]
    fn deadlines_read_as_english() {
        in_lang(Lang::En, || {
            assert_eq!(
                deadline_when(&d("1 month"), &start(Some("Decision date"), false), None),
                "one month after decision date"
            );
            assert_eq!(
                deadline_when(&d("5 working days"), &start(None, false), Some((&d("1 week"), None))),
                "5 working days after the step began, then every week for as long as the step lasts"
            );
            let items: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
            assert_eq!(and_list(&items), "a, b and c");
            let day = chrono::NaiveDate::from_ymd_opt(2021, 1, 28).unwrap();
            assert_eq!(date(day), "28 January 2021");
        });
        assert_eq!(lang(), Lang::Sv, "the language is restored");
    }

    #[test]
    fn lists_and_dates() {
        let items: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        assert_eq!(and_list(&items), "a, b och c");
        assert_eq!(and_list(&items[..1]), "a");
        let day = chrono::NaiveDate::from_ymd_opt(2021, 1, 28).unwrap();
        assert_eq!(date(day), "28 januari 2021");
    }
}
