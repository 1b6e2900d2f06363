//! Every fixed text of the routine book, in Swedish, in one place (so that
//! they can move to a message catalogue later). Texts built from routine
//! data are small functions here too, so no Swedish lies anywhere else.

use crate::calendar::{Duration, Unit};
use chrono::NaiveTime;

/// Section headings and labels.
pub(crate) const ROUTINE: &str = "Rutin";
pub(crate) const DECIDED_BY: &str = "Dokumentet är beslutat av";
pub(crate) const DECIDED: &str = "Dokumentet beslutades den";
pub(crate) const UPDATED: &str = "Dokumentet uppdateras";
pub(crate) const REPLACES: &str = "Dokumentet ersätter";
pub(crate) const OWNER: &str = "Dokumentansvarig är";
pub(crate) const VERSION: &str = "Version";
pub(crate) const INTRODUCTION: &str = "Inledning";
pub(crate) const ROLES: &str = "Roller och ansvar";
pub(crate) const GROUPS_OF_ROLE: &str = "Grupper";
pub(crate) const GROUPS: &str = "Mottagargrupper";
pub(crate) const ADDRESS: &str = "Adress";
pub(crate) const PROCEDURE: &str = "Utförande";
pub(crate) const DIAGRAM: &str = "Flödesschema";
pub(crate) const DEADLINES: &str = "Frister";
pub(crate) const MESSAGES: &str = "Meddelanden";
pub(crate) const SCHEDULES: &str = "Återkommande listor";
pub(crate) const LOCAL_CHOICES: &str = "Lokala val";
pub(crate) const LOCAL_CHOICES_INTRO: &str =
    "Här har kommunen bestämt sådant som källdokumentet inte säger.";
pub(crate) const TRACE: &str = "Spårbarhet mot källdokumentet";
pub(crate) const TRACE_INTRO: &str = "Varje punkt i källdokumentet och var i rutinen den utförs.";
pub(crate) const NOT_DONE: &str = "utförs inte i rutinen";
pub(crate) const GENERATED: &str =
    "Dokumentet är framställt ur den körbara rutinen med Rutin; ändra rutinfilen, inte dokumentet.";
pub(crate) const MAIN_PHASE: &str = "Förlopp";
pub(crate) const AFTER_JOIN: &str = "Därefter";
pub(crate) const TABLE_CLAUSE: &str = "Punkt";
pub(crate) const TABLE_TEXT: &str = "Källdokumentets text";
pub(crate) const TABLE_WHERE: &str = "Utförs i";
pub(crate) const RESPONSIBLE: &str = "Ansvarig";
pub(crate) const RECORDS: &str = "Registrerar";
pub(crate) const MAY_RECORD: &str = "Kan registrera";
pub(crate) const DOCUMENTS: &str = "Dokument som lämnas över";
pub(crate) const SETS: &str = "Rutin sätter";
pub(crate) const WAYS: &str = "Vägar vidare";
pub(crate) const OTHERWISE: &str = "Annars";
pub(crate) const SOURCE: &str = "Källa";
pub(crate) const TO: &str = "Till";
pub(crate) const CC: &str = "Kopia till";
pub(crate) const SENT: &str = "Skickas";
pub(crate) const LEFT_OUT: &str = "Utelämnas";
pub(crate) const TEMPLATE_LEGEND: &str =
    "«…» står för uppgifter ur ärendet; text inom [ ] visas bara i vissa fall, med alternativen åtskilda av ǀ.";
pub(crate) const WHEN_PASSED: &str = "När fristen går ut";
pub(crate) const DEADLINE_ON: &str = "Gäller";
pub(crate) const WHOLE_CASE: &str = "hela ärendet";
pub(crate) const NO_DEADLINES: &str = "Rutinen har inga frister.";
pub(crate) const NO_MESSAGES: &str = "Rutinen skickar inga meddelanden.";
pub(crate) const NO_LOCAL_CHOICES: &str = "Rutinen har inga lokala val.";
pub(crate) const SELECTS: &str = "Urval";
pub(crate) const EVERY: &str = "Hur ofta";
pub(crate) const COMPUTED: &str = "beräknad uppgift";
pub(crate) const RECIPIENTS: &str = "mottagarna";
pub(crate) const TODAY: &str = "dagens datum";
pub(crate) const CASE_ID: &str = "ärendenummer";
pub(crate) const STEP_TITLE: &str = "stegets namn";
pub(crate) const ROUTINE_TITLE: &str = "rutinens namn";
pub(crate) const DEADLINE_AFTER: &str = "fristens längd";

/// A local choice on a route: "steg 2, Ring brukaren – vägen ”Brukaren avböjer”".
pub(crate) fn route_place(step: &str, way: &str) -> String {
    format!("{step} – vägen ”{way}”")
}

/// "Steg 4".
pub(crate) fn step_ref(number: usize) -> String {
    format!("steg {number}")
}

/// The kind of work a step is, in a sentence.
pub(crate) fn kind_sentence(kind: &str, who: Option<&str>) -> String {
    match (kind, who) {
        ("event", Some(who)) => format!("Väntar på besked från {who}."),
        ("event", None) => "Väntar på besked utifrån.".into(),
        ("decision", _) => "Rutin väljer väg efter villkoren nedan.".into(),
        ("message", _) => "Rutin skickar ett meddelande.".into(),
        ("parallel", _) => "Arbetet delas upp; delarna görs samtidigt.".into(),
        ("join", _) => "Väntar tills alla delar är klara.".into(),
        ("end", _) => "Ärendet avslutas.".into(),
        _ => String::new(),
    }
}

/// "Ärendet avslutas med utfallet executed."
pub(crate) fn outcome(outcome: &str) -> String {
    format!("Utfall: {outcome}.")
}

/// "Väntar till «Slutdatum»."
pub(crate) fn wait_until(what: &str) -> String {
    format!("Väntar till {what}.")
}

/// "Delarna görs samtidigt; ärendet går vidare i steg 12 när alla är klara."
pub(crate) fn parallel_note(join: usize) -> String {
    format!("Delarna görs samtidigt; ärendet går vidare i steg {join} när alla är klara.")
}

/// Heading of a parallel phase.
pub(crate) fn parallel_phase(title: &str) -> String {
    format!("Samtidigt: {title}")
}

/// Heading of a side path reached by a route from a step.
pub(crate) fn side_phase(reason: &str, from: usize) -> String {
    format!("{reason} (från steg {from})")
}

/// Reason of a side path without a route title.
pub(crate) fn other_way(from_title: &str) -> String {
    format!("Annan väg efter ”{from_title}”")
}

/// Reason of a side path reached when a deadline passes.
pub(crate) fn deadline_way(number: usize) -> String {
    format!("När frist F{number} går ut")
}

/// Reason of a side path reached by a case-wide event.
pub(crate) fn event_way(title: &str) -> String {
    format!("Vid händelsen ”{title}”")
}

/// "Gå till steg 4, Ring brukaren."
pub(crate) fn go_to(number: usize, title: &str) -> String {
    format!("gå till steg {number}, {title}")
}

/// "Nästa: steg 4, Ring brukaren."
pub(crate) fn next(number: usize, title: &str) -> String {
    format!("Därefter: steg {number}, {title}.")
}

/// A condition shown as an expression (no `title:` given).
pub(crate) fn raw_condition() -> &'static str {
    "om villkoret"
}

/// Where a message is sent from, in words.
pub(crate) fn sent_in_step(number: usize, title: &str) -> String {
    format!("i steg {number}, {title}")
}

/// A deadline's message: when it goes.
pub(crate) fn sent_by_deadline(number: usize) -> String {
    format!("när frist F{number} går ut")
}

/// A schedule's report: when it goes.
pub(crate) fn sent_by_schedule(title: &str, every: &Duration, at: Option<NaiveTime>) -> String {
    format!("{}, listan ”{title}”", schedule_every(every, at))
}

/// How often a schedule runs: "varje månad", "varje månad, kl. 08:00".
pub(crate) fn schedule_every(every: &Duration, at: Option<NaiveTime>) -> String {
    let mut text = every_words(every);
    if let Some(at) = at {
        text.push_str(&clock(at));
    }
    text
}

/// ", kl. 08:00".
fn clock(at: NaiveTime) -> String {
    format!(", kl. {}", at.format("%H:%M"))
}

/// "Frist F3".
pub(crate) fn deadline_ref(number: usize) -> String {
    format!("frist F{number}")
}

/// "Meddelande M2".
pub(crate) fn message_ref(number: usize) -> String {
    format!("meddelande M{number}")
}

/// "Lista: Larm som ska hämtas".
pub(crate) fn schedule_ref(title: &str) -> String {
    format!("listan ”{title}”")
}

/// "Hemtjänstgrupp enligt «Hemtjänstgrupp»".
pub(crate) fn group_of(label: &str, mapped: &[String]) -> String {
    match mapped {
        [] => format!("den grupp som {label} anger"),
        _ => format!("den grupp som {label} anger ({})", mapped.join(", ")),
    }
}

/// A group's members see what a role sees.
pub(crate) fn sees_as(role: &str) -> String {
    format!("Ser det som {role} ser.")
}

/// A field left out of a message for some recipients.
pub(crate) fn left_out(field: &str, who: &str) -> String {
    format!("{field} (får inte ses av {who})")
}

/// What a role does, one line per duty.
pub(crate) fn duty_task(number: usize, title: &str) -> String {
    format!("{title} (steg {number}).")
}

/// A role that sends an event the routine waits for.
pub(crate) fn duty_event(number: usize, title: &str) -> String {
    format!("Lämnar besked: {title} (steg {number}).")
}

/// A role that gets a deadline's task.
pub(crate) fn duty_escalation(number: usize, title: &str) -> String {
    format!("{title} (när frist F{number} går ut).")
}

/// A role that receives messages.
pub(crate) fn duty_receives(list: &str) -> String {
    format!("Får meddelanden: {list}.")
}

/// A deadline's actions in words.
pub(crate) fn sends(number: usize, to: &str) -> String {
    format!("Meddelande M{number} skickas till {to}.")
}

/// A deadline that opens a task.
pub(crate) fn opens_task(role: &str, title: &str) -> String {
    format!("{role} får uppgiften ”{title}”.")
}

/// A deadline that moves the case.
pub(crate) fn moves_to(number: usize, title: &str) -> String {
    format!("Ärendet går till steg {number}, {title}.")
}

/// A deadline that sets fields.
pub(crate) fn deadline_sets(list: &str) -> String {
    format!("Rutin sätter {list}.")
}

/// A deadline only fires when its condition holds.
pub(crate) fn only_if(condition: &str) -> String {
    format!("Bara {condition}.")
}

/// "en", "ett", "2": a number of units as it reads in Swedish ("ett år").
fn amount(n: u32, u: Unit) -> String {
    match (n, u) {
        (1, Unit::Years) => "ett".into(),
        (1, _) => "en".into(),
        _ => n.to_string(),
    }
}

fn unit(u: Unit, plural: bool) -> &'static str {
    match (u, plural) {
        (Unit::Days, false) => "dag",
        (Unit::Days, true) => "dagar",
        (Unit::Weeks, false) => "vecka",
        (Unit::Weeks, true) => "veckor",
        (Unit::Months, false) => "månad",
        (Unit::Months, true) => "månader",
        (Unit::WorkingDays, false) => "arbetsdag",
        (Unit::WorkingDays, true) => "arbetsdagar",
        (Unit::Years, _) => "år",
    }
}

/// "en månad", "5 arbetsdagar".
pub(crate) fn duration(d: &Duration) -> String {
    format!(
        "{} {}",
        amount(d.amount, d.unit),
        unit(d.unit, d.amount != 1)
    )
}

/// "varje vecka", "med 2 arbetsdagars mellanrum".
pub(crate) fn every_words(d: &Duration) -> String {
    if d.amount == 1 {
        return format!("varje {}", unit(d.unit, false));
    }
    format!("med {} {}s mellanrum", d.amount, unit(d.unit, true))
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
        (None, false) => "att steget började".into(),
        (None, true) => "att ärendet startade".into(),
    };
    let mut text = format!("{} efter {from}", duration(after));
    if let Some(at) = start.at {
        text.push_str(&clock(at));
    }
    if let Some((every, times)) = repeat {
        text.push_str(&format!(", sedan {}", every_words(every)));
        text.push_str(&match times {
            Some(1) => ", högst en gång".into(),
            Some(n) => format!(", högst {n} gånger"),
            None => " så länge steget pågår".into(),
        });
    }
    text
}

/// "8 mars 2026": the same long form templates get from the `date` filter.
pub(crate) fn date(d: chrono::NaiveDate) -> String {
    crate::expr::swedish_date(d)
}

/// A list in running text: "a, b och c".
pub(crate) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} och {last}", init.join(", ")),
    }
}

/// Who a message is sent on behalf of (`from:`).
pub(crate) const FROM: &str = "Från";

/// A template's `sender` where the message names none.
pub(crate) const SENDER: &str = "avsändare";

/// A message step or deadline that sends on someone's behalf.
pub(crate) fn sends_from(number: usize, from: &str, to: &str) -> String {
    format!("{from} skickar meddelande M{number} till {to}.")
}

/// A role on whose behalf messages are sent.
pub(crate) fn duty_sends(list: &str) -> String {
    format!("Skickar meddelanden: {list}.")
}

/// A role whose members get messages as a person named in the case.
pub(crate) fn duty_receives_as(person: &str, list: &str) -> String {
    format!("Får meddelanden som {person}: {list}.")
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
    fn lists_and_dates() {
        let items: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        assert_eq!(and_list(&items), "a, b och c");
        assert_eq!(and_list(&items[..1]), "a");
        let day = chrono::NaiveDate::from_ymd_opt(2021, 1, 28).unwrap();
        assert_eq!(date(day), "28 januari 2021");
    }
}
