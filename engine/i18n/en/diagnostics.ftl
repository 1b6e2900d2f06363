# Diagnostics: what is wrong with a routine, an organisation file, a template
# or a simulation profile, and how to fix it. A problem's message has its code
# as id (`rutin::unknown-key` → `unknown-key`), its help line `<code>-help`.
# `$kind` is the kind of thing a name refers to: role, group, sender, step,
# field, template, clause, variable, filter, test, deadline, schedule, event.
# Lists (`$expected`, `$allowed`, `$values`...) come joined: `a`, `b`.

# The label under the place a problem is found.
diagnostic-here = here
# The labels of a second place (where a duplicate was first written).
diagnostic-first-here = first here
diagnostic-first-declared-here = first declared here
# The word before the help line (miette writes `help:`).
diagnostic-help = help
# The help line of every problem whose name has a close known one.
did-you-mean = did you mean `{ $suggestion }`?

io = cannot read { $path }: { $reason }
io-help = check that the path exists and that you may read it

too-large = the file is { $bytes } bytes; a routine file may be at most { $limit } bytes
too-large-help = split the routine into several files

not-utf8 = the file is not UTF-8 text (invalid byte at offset { $offset })
not-utf8-help = save the file as UTF-8 in your editor

yaml = YAML syntax error: { $message }
yaml-help = check the indentation and the `key: value` form on this line

tab = a tab is used to indent this line; YAML indents with spaces only
tab-help = replace the tab with spaces (set your editor to indent with spaces)

not-a-routine = this is an organisation file (roles and groups), not a routine
not-a-routine-help = name a routine file; the organisation file is checked with the routines that use it

multiple-documents = the file holds more than one YAML document; a routine is one document
multiple-documents-help = remove the `---` line and what follows it, or move that routine to a file of its own

yaml-limit = the YAML is too large or too deeply nested to be a routine ({ $message })
yaml-limit-help = remove the anchors and aliases (`&name`, `*name`) or the deep nesting; a routine needs neither

unknown-key = unknown key `{ $key }` in { $context }
unknown-key-help = allowed here: { $expected }

duplicate-key = the key `{ $key }` appears twice
duplicate-key-help = remove one of them, or merge their contents

duplicate-id = the { $kind ->
    [role] role
    [group] group
    [sender] role or group
    [step] step
    [field] field
    [template] template
    [clause] clause
    [variable] variable
    [filter] filter
    [test] test
    [deadline] deadline
    [schedule] schedule
   *[event] event
} `{ $id }` is declared twice
duplicate-id-help = give each one its own id

missing-key = { $context } has no `{ $key }`
missing-key-help = add `{ $key }:`

empty = { $what } is empty
empty-help = write its keys under it, indented (see docs/FORMAT.md), or remove it

wrong-type = { $key } must be { $expected }, but it is { $found }
wrong-type-help = see docs/FORMAT.md for the form of this key

bad-value = `{ $value }` is not a valid { $what }
bad-value-help = write one of: { $allowed }

bad-id = `{ $id }` is not a valid id
bad-id-help = use letters, digits and `_` only, starting with a letter (`call_client`, `A7`)

unknown-reference = unknown { $kind ->
    [role] role
    [group] group
    [sender] role or group
    [step] step
    [field] field
    [template] template
    [clause] clause
    [variable] variable
    [filter] filter
    [test] test
    [deadline] deadline
    [schedule] schedule
   *[event] event
} `{ $name }`
unknown-reference-help = { $kind ->
    [template] create the template file, or check the `templates` folder setting
    [clause] add the clause under `clauses:`, or fix the id
    [role] declare the role, or fix the spelling
    [group] declare the group, or fix the spelling
    [sender] declare the role or group, or fix the spelling
    [step] declare the step, or fix the spelling
    [field] declare the field, or fix the spelling
    [variable] declare the variable, or fix the spelling
    [filter] declare the filter, or fix the spelling
    [test] declare the test, or fix the spelling
    [deadline] declare the deadline, or fix the spelling
    [schedule] declare the schedule, or fix the spelling
   *[event] declare the event, or fix the spelling
}

bad-duration = { $message }
bad-duration-help = write a number and a unit: `3 days`, `2 weeks`, `1 month`, `10 working days`

bad-date = `{ $text }` is not a date
bad-date-help = write dates as YYYY-MM-DD, for example 2026-06-19

bad-example = the example of `{ $field }` does not fit its type ({ $expected }): { $reason }
bad-example-help = give an example of the field's type

wrong-argument-type = { $place } needs { $expected }, but { $got }
wrong-argument-type-help = give it a value of that type: a date field, `today`, `date_add(...)` or a date written `'YYYY-MM-DD'`

bad-date-literal = `{ $literal }` in `{ $expr }` is not a date (YYYY-MM-DD); { $why }
bad-date-literal-help = write the date as `'YYYY-MM-DD'`, with a real month and day (e.g. `'2026-06-19'`)

# `$kind` is `role` or `group`.
not-ids = `{ $function }({ $field })` fails for { $values }: not { $kind } ids of the routine
not-ids-help = make every value of `{ $field }` a { $kind } id, or declare the missing { $kind }s

unguarded-optional = template `{ $template }` passes `{ $field }` to { $to }, but `{ $field }` may be unset when the message is sent, and { $to } fails on an unset field
unguarded-optional-help = wrap it in `{ "{%" } if { $field } { "%}" }…{ "{%" } endif { "%}" }`, make `{ $field }` required, or have a task record it

chain-too-long = from step `{ $step }`, up to { $length } steps run at one moment without waiting; the runtime refuses more than { $limit } ("the routine loops without waiting")
chain-too-long-help = put a task, event or wait step in the chain, or shorten it

repeat-forever = deadline `{ $deadline }` repeats every { $every } with no `times`: while it stays armed the case's journal grows by { $entries } entries per repeat, about { $per_year } a year, for as long as the case runs
repeat-forever-help = give the repeat `times:` (how often it repeats at most)

expression-syntax = the expression `{ $expr }` cannot be read: { $message }
expression-syntax-help = conditions are Jinja expressions, e.g. `area_group == 'intake'` or `not installed`

template-syntax = the template `{ $template }` cannot be read: { $message }
template-syntax-help = check the `{ "{{ }}" }` and `{ "{% %}" }` tags of the template

template-unknown-variable = the template `{ $template }` uses `{ $name }`, which is not a field of this routine
template-unknown-variable-help = declare the field under `fields:`, or fix the spelling

template-include = the template `{ $template }` includes another template; a message is one file
template-include-help = write the whole text in this template; remove `include`, `extends` and `import`

template-dynamic-include = the template `{ $template }` includes a template named by `{ $expr }`, which is only known when the message is sent; it cannot be checked
template-dynamic-include-help = write the whole text in this template; a message is one file

template-dynamic-read = the template `{ $template }` reads `{ $expr }`, a field of a case chosen only when the message is sent; who may see it cannot be checked
template-dynamic-read-help = name the field where it is read: `c.field`, `c['field']` or `c|attr('field')`

template-unavailable = the template `{ $template }` uses `{ $name }`, which { $sender } does not provide
template-unavailable-help = such a message has: { $available }; use another template for this message

report-field-outside-loop = the report template `{ $template }` reads `{ $field }` outside a loop over `cases`
report-field-outside-loop-help = read it per case: `{ "{% for c in cases %}{{ c." }{ $field }{ " }}{% endfor %}" }`

group-of-unknowable = `group_of: { $expr }` cannot be checked: { $reason }
group-of-unknowable-help = name the groups: an enumeration field whose values are group ids, or texts such as `'night_team' if night else 'day_team'`

report-recipient-reads-case = a report goes to fixed recipients, but this one depends on the case field `{ $field }`
report-recipient-reads-case-help = send the report to roles or groups, without `when:` or `group_of:` on case data

visibility-leak = the message with template `{ $template }` shows `{ $field }`, which { $recipient } may not see
visibility-leak-help = only { $visible_to } may see it: send this template to them only, or use another template

collector-cannot-see = { $place } has role `{ $role }` record `{ $field }`, which that role may not see
collector-cannot-see-help = add `{ $role }` to `visible_to` of `{ $field }`, or give the task to a role that may see it

unreachable = the step `{ $step }` can never be reached from the start step `{ $start }`
unreachable-help = lead to it with `next:` or a route from another step, or remove it

no-way-to-end = from the step `{ $step }` no `end` step can be reached; a case there would never finish
no-way-to-end-help = give it (or a step after it) a `next:` or route that leads to an `end` step

# `$steps` come joined: `a` → `b` → `a`.
automatic-cycle = the steps { $steps } form a loop in which nothing waits for a person, an event or a date; a case would go round forever
automatic-cycle-help = put a task, an event or a wait step in the loop, or break it

join-unreachable = the branch starting at `{ $branch }` of the parallel step `{ $parallel }` never reaches its join `{ $join }`
join-unreachable-help = make every branch lead to `{ $join }`

orphan-join = the join step `{ $step }` belongs to no parallel step
orphan-join-help = name it as `join:` of a parallel step, or use another kind

no-default-route = the step `{ $step }` has no `otherwise` route; when no condition holds, the case stops with an error
no-default-route-help = add `- otherwise: <step>` as the last route

unused = the { $kind ->
    [role] role
    [group] group
    [sender] role or group
    [step] step
    [field] field
    [template] template
    [clause] clause
    [variable] variable
    [filter] filter
    [test] test
    [deadline] deadline
    [schedule] schedule
   *[event] event
} `{ $id }` is never used
# Swedish chooses "den" or "det" by `$kind`.
unused-help = { $kind ->
   *[other] use it, or remove it
}

# The problems below are worded where they are found (`$message`, `$fix`).
bad-step = { $message }
bad-step-help = { $fix }

bad-recipient = { $message }
bad-recipient-help = { $fix }

bad-assignment = { $message }
bad-assignment-help = { $fix }

bad-case-event = { $message }
bad-case-event-help = { $fix }

bad-field-rule = { $message }
bad-field-rule-help = { $fix }

bad-wording = { $message }
bad-wording-help = { $fix }

may-not-arm = the deadline `{ $deadline }` counts from `{ $field }`, which a case may start without; then the deadline is never armed
may-not-arm-help = make `{ $field }` `required: true`, or count from the case start

task-withdrawn-at-once = the deadline `{ $deadline }` opens a task and moves the case on with `goto`; the task is withdrawn as soon as it opens, because it belongs to the step the case leaves
task-withdrawn-at-once-help = use two deadlines, or put the task as a step where `goto` leads

may-be-unset = `{ $expr }` compares `{ $field }`, which may be unset; an unset field counts as smaller than any value
may-be-unset-help = write `{ $field } is not none and ...`, or make `{ $field }` required, or have a task record it
not-a-value = `{ $expr }` compares `{ $field }` with `{ $value }`, which is not one of its values, so the comparison always comes out the same
not-a-value-help = `{ $field }` takes { $values }; write one of them exactly as it is declared (capitals count), or add `{ $value }` to the field's `values:`

empty-deadline = the deadline `{ $id }` does nothing when it expires
empty-deadline-help = give it a `message:`, a `task:` or a `goto:`

probability-sum = the probabilities of { $what } add up to { $sum }, not 1
probability-sum-help = make them add up to 1: 0.9 and 0.1, or 0.25 four times

negative-duration = `{ $text }` is less than no time; a duration is 0 or more
negative-duration-help = write 0 or more (`fixed: 2`, `uniform: [1, 5]`)

bad-profile = { $message }
bad-profile-help = { $fix }

value-without-group = { $used } turns `{ $field }` into a group, but its value `{ $value }` stands for no group (the groups are { $groups })
value-without-group-help = map each value of `{ $field }` to its group on the field (`groups: {"{"}{ $value }: <group>, ...{"}"}`), or declare a group `{ $value }`

bad-group-map = { $message }
bad-group-map-help = { $fix }

bad-time-of-day = { $message }
bad-time-of-day-help = write hours and minutes on the 24-hour clock with a colon, from `00:00` to `23:59`: `08:00`, `16:30`

unguarded-optional-value = { $place } passes `{ $field }` to { $to }, but `{ $field }` may be unset when it runs, and { $to } fails on an unset field: every case that gets there stops
unguarded-optional-value-help = set `{ $field }` on every way before this (make it required, record it or `set:` it), or write `({ $field } or <value>)` in its place, such as `({ $field } or 0)` for a number

sender-without-from = template `{ $template }` reads from `sender` without testing it, but { $message } has no `from:`, so `sender` is none there and the message fails for every case
sender-without-from-help = add `from:` to that message, or guard with `{ "{%" } if sender { "%}" }`

recipient-choice-leak = this recipient is chosen by `{ $field }`, which { $recipient } may not see, and every recipient of the message sees who it went to (the mail's To: and Cc:, the template's `recipients`)
recipient-choice-leak-help = only { $visible_to } may see `{ $field }`: send this message only to them, or choose its recipients by a field every recipient may see
