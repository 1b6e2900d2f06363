# `rutin simulate`: the frame around the timeline.

simulate-heading = { $title } ({ $id }, version { $version })
simulate-as-seen-by = as seen by { $name } ({ $role })
simulate-outcome = outcome: { $outcome }
simulate-still-open = the case is still open
simulate-report-sent = report sent by a schedule:
simulate-expectations-not-met = scenario expectations not met:
simulate-could-not-start = the case could not start: { $error }
simulate-stopped = the simulation stopped: { $error }
simulate-max-actions = stopped after { $max } actions (--max-actions)
simulate-waits-nothing-due = the case waits, but nothing is due: no open task, event or deadline
simulate-waits = the case waits, but nothing is due
simulate-no-routine = give the routine file to simulate, or --scenario FILE
simulate-cannot-read = cannot read { $path }: { $error }
simulate-other-routine = the scenario { $scenario } runs on { $named } (its `routine:`), not on { $routine }; give the scenario alone, or its routine
simulate-unknown-role = `{ $role }` is not a role of this routine; roles: { $roles }
simulate-bad-start = --start: { $error }

# `rutin simulate --interactive`.
simulate-ask-days = Days until it is done [1]:{ " " }
simulate-bad-days = `{ $answer }` is not a whole number of days from 0 to 365; try again
simulate-input-ended = input ended before the case finished
simulate-open-task = Open task { $task }: { $title } [{ $role }]
simulate-again = (again, done { $at })
simulate-refused = refused: { $error } (the case is unchanged; try again)

# `rutin simulate --profile`: the bulk simulation's tables.
bulk-heading = { $cases } cases, seed { $seed }, from { $start } to the horizon { $horizon } ({ $weeks } weeks)
bulk-failure = error in { $cases } cases of { $routine }: { $message }
bulk-col-routine = routine
bulk-col-started = started
bulk-col-finished = finished
bulk-col-open = open
bulk-col-failed = failed
bulk-col-lead-time = lead time p50 / p90 / p99 (days)
bulk-lifecycle = whole lifecycle
bulk-outcomes = outcomes of { $routine }: { $outcomes }
bulk-deadlines = Deadlines breached (expired and acted)
bulk-col-deadline = deadline (routine/step/id)
bulk-col-cases = cases
bulk-col-times = times
bulk-col-first-week = first week
bulk-col-peak-week = peak week
bulk-col-week = week
bulk-tasks = Tasks per role and week (opened / open at the week's end)
bulk-peak = peak { $role } ({ $name }): { $open } open at the end of the week of { $week }; at most { $opened } opened in a week
bulk-breaches = Deadlines breached per week
bulk-messages = Messages per recipient (role, group or person) and week
bulk-kind = { $kind ->
   *[other] { $kind }
}
bulk-message-total = { $id } ({ $kind }, { $name }): { $total } messages
