# Ett ärendes tidslinje (`rutin simulate`, `case history`, `case start`...).
# Indrag och symbolen först på raden lägger koden till.

timeline-case-started = ● ärende { $case } startat
timeline-data = data: { $values }
timeline-step-kind = { $kind ->
    [task] uppgift
    [decision] beslut
    [message] meddelande
    [event] händelse
    [wait] väntan
    [parallel] parallellt
    [join] sammanstrålning
    [end] slut
    [step] steg
   *[other] { $kind }
}
timeline-step-entered = ▶ { $step } [{ $kind }]
timeline-wait-started = ⏸ { $step } väntar till { $until }
timeline-branches-started = ⇉ { $branches } grenar löper parallellt fram till `{ $join }`
timeline-join-arrived = ⇶ { $arrived } av { $expected } grenar har nått { $join }
timeline-routine-changed = ⇄ flyttat från rutinens version { $from } till { $to }
timeline-task-opened = ☐ uppgift { $task } för { $role }: { $title }
timeline-task-escalation = { " " }(eskalering vid tidsfristen `{ $deadline }`)
timeline-documents = dokument: { $documents }
timeline-task-completed = ☑ uppgift { $task } utförd av { $by }
timeline-recorded = registrerat: { $values }
timeline-task-withdrawn = ☒ uppgift { $task } återkallad
timeline-event-received = ⚑ händelsen `{ $event }` har kommit
timeline-values = värden: { $values }
timeline-fields-set = ✎ satt: { $values }
timeline-deadline-armed = ⏲ tidsfristen `{ $deadline }` startad, går ut { $due }
timeline-deadline-not-armed = ⏲ tidsfristen `{ $deadline }` startades inte: `{ $field }` har inget värde
timeline-deadline-fired = ⏰ tidsfristen `{ $deadline }` har gått ut
timeline-deadline-failed = ⚠ tidsfristen `{ $deadline }` gick ut men kunde inte genomföras: { $error }
timeline-deadline-message-failed = ⚠ tidsfristen `{ $deadline }` gick ut men dess meddelande `{ $template }` kunde inte skickas (resten genomfördes): { $error }
timeline-wait-failed = ⚠ { $step } kunde inte gå vidare när dagen kom: { $error }
timeline-deadline-skipped = ⏲ tidsfristen `{ $deadline }` gick ut, men villkoret gäller inte: inget gjordes
timeline-deadline-cancelled = ⏲ tidsfristen `{ $deadline }` avbruten
timeline-message = ✉ meddelande `{ $template }`
timeline-from = från: { $who }
timeline-to = till: { $who }
timeline-cc = kopia: { $who }
timeline-recipients-withheld = [undanhållet: mottagare som valts av fält som rollen inte får se]
timeline-subject = ämne: { $subject }
timeline-case-ended = ■ ärendet avslutat: { $outcome }
timeline-case-event = ⚡ ärendehändelsen `{ $event }` ({ $title }) avbryter ärendet
timeline-case-ended-by-event = ■ ärendet avslutat av händelsen `{ $event }`: { $outcome }

# Vem som gjorde något.
timeline-by-event = händelsen `{ $event }`
timeline-by-clock = klockan
timeline-by-system = systemet

# Ett fel i ärendet (en tidsfrist eller väntan som inte kunde genomföras), efter två blanksteg.
timeline-failure = MISSLYCKADES { $what } ({ $at }): { $lost }: { $error }
