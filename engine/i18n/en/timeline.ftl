# The timeline of a case (`rutin simulate`, `case history`, `case start`...).
# Indentation and the leading symbol of each line are added by the code.

timeline-case-started = ● case { $case } started
timeline-data = data: { $values }
timeline-step-kind = { $kind ->
   *[other] { $kind }
}
timeline-step-entered = ▶ { $step } [{ $kind }]
timeline-wait-started = ⏸ { $step } waits until { $until }
timeline-branches-started = ⇉ { $branches } branches run in parallel until `{ $join }`
timeline-join-arrived = ⇶ { $arrived } of { $expected } branches have reached { $join }
timeline-routine-changed = ⇄ moved from routine version { $from } to { $to }
timeline-task-opened = ☐ task { $task } for { $role }: { $title }
timeline-task-escalation = { " " }(escalation by deadline `{ $deadline }`)
timeline-documents = documents: { $documents }
timeline-task-completed = ☑ task { $task } done by { $by }
timeline-recorded = recorded: { $values }
timeline-task-withdrawn = ☒ task { $task } withdrawn
timeline-event-received = ⚑ event `{ $event }` received
timeline-values = values: { $values }
timeline-fields-set = ✎ set: { $values }
timeline-deadline-armed = ⏲ deadline `{ $deadline }` armed, due { $due }
timeline-deadline-not-armed = ⏲ deadline `{ $deadline }` not armed: `{ $field }` is not set
timeline-deadline-fired = ⏰ deadline `{ $deadline }` expired
timeline-deadline-failed = ⚠ deadline `{ $deadline }` expired but could not be carried out: { $error }
timeline-deadline-message-failed = ⚠ deadline `{ $deadline }` expired but its message `{ $template }` could not be sent (the rest was carried out): { $error }
timeline-wait-failed = ⚠ { $step } could not go on when its date came: { $error }
timeline-deadline-skipped = ⏲ deadline `{ $deadline }` expired, but its condition does not hold: nothing done
timeline-deadline-cancelled = ⏲ deadline `{ $deadline }` cancelled
timeline-message = ✉ message `{ $template }`
timeline-from = from: { $who }
timeline-to = to: { $who }
timeline-cc = cc: { $who }
timeline-recipients-withheld = [withheld: recipients chosen by fields this role may not see]
timeline-subject = subject: { $subject }
timeline-case-ended = ■ case ended: { $outcome }
timeline-case-event = ⚡ case event `{ $event }` ({ $title }) interrupts the case
timeline-case-ended-by-event = ■ case ended by event `{ $event }`: { $outcome }

# Who did something.
timeline-by-event = event `{ $event }`
timeline-by-clock = the clock
timeline-by-system = the system

# A failure of the case (a deadline or wait that could not be carried out), after two spaces.
timeline-failure = FAILED { $what } ({ $at }): { $lost }: { $error }
