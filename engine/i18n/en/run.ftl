# Refusals: why a command on a case was refused (the case is unchanged).
# Each text equals the refusal's English `Display`; a unit test keeps them so.

run-did-you-mean = ; did you mean `{ $suggestion }`?
run-wrong-routine = the case runs routine `{ $case_routine }` version { $case_version }, not `{ $routine }` version { $version }
run-case-ended = the case has already ended ({ $outcome })
run-time-went-backwards = time cannot go backwards: { $at } is before { $latest }, the time of the case's latest entry
run-unknown-step = there is no step `{ $step }` in the routine{ $hint }
run-step-not-active = step `{ $step }` has no open task
run-no-such-task = there is no open task { $task }
run-escalation-not-open = there is no open task of deadline `{ $deadline }`: the deadline has not fired yet, or its task was already completed or withdrawn
run-wrong-role = task { $task } ({ $step }) is for role `{ $expected }`, not `{ $got }`
run-values-not-a-map = values must be a map of field ids to values, got { $got }
run-missing-field = { $by } requires `{ $field }`
run-unknown-field = there is no field `{ $field }` in the routine{ $hint }
run-field-not-accepted = { $by } does not record `{ $field }`
run-wrong-type = `{ $field }` must be { $expected }, got { $got }
run-not-in-enum = `{ $value }` is not a value of `{ $field }`; use one of: { $allowed }
run-rule-broken = `{ $field }` must be { $expected } (its rule `{ $rule }`), got { $got }
run-bad-personnummer = `{ $field }` must be a personnummer: { $reason }; got { $got }
run-unknown-event = there is no event `{ $event }` in the routine{ $hint }
run-event-not-awaited = the case is not waiting for event `{ $event }`
run-no-route = no route out of step `{ $step }` applies
run-cycle-limit = more than { $limit } steps ran at one moment; the routine loops without waiting
run-join-busy = parallel step `{ $parallel }` cannot split: its join `{ $join }` still waits for { $waiting } of { $expected } branches of an earlier split; going on would run the steps after the join twice
run-join-overrun = a token reached join `{ $join }` after all { $expected } branches had arrived; going on would run the steps after the join twice
run-timer-limit = more than { $limit } deadlines fired in one command
run-expr = { $place }: { $error }
run-unknown-group = `group_of: { $expr }` gave `{ $value }`, which is not a group of the routine
run-person-unset = message `{ $template }` goes to a person whose `{ $field }` is not set
run-date-out-of-range = { $what }: the date is out of range
run-unknown-schedule = there is no schedule `{ $schedule }` in the routine
run-journal = journal entry { $seq } is inconsistent: { $message }
run-internal = the routine is inconsistent: { $message }
run-render-hidden-field = template `{ $template }` reads `{ $field }`, which recipient `{ $recipient }` may not see
run-render-failed = template `{ $template }` failed: { $message }
run-render-missing-template = there is no template `{ $template }`

# A refusal worded for a role that may not see the value it would quote.
run-hidden-value = [a value this role may not see]
# A message that could not be rendered: its failure as it is.
run-render = { $error }
run-expr-hidden = `{ $expr }` failed on { $hidden }
run-unknown-group-hidden = `group_of: { $expr }` gave { $hidden }, which is not a group of the routine
run-render-failed-hidden = template `{ $template }` failed on { $hidden }
run-not-in-enum-hidden = { $hidden } is not a value of `{ $field }`; use one of: { $allowed }

# A refused command, as the CLI shows it.
run-refused = refused ({ $code }): { $why }
run-refused-unchanged = refused ({ $code }): { $why }
    the case is unchanged
