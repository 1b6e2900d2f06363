# Details of diagnostics: the phrases the loader and the analyzer build where
# a problem is found (places, kinds of values, reasons), worded here so that
# a Swedish diagnostic reads Swedish throughout. The problem messages in
# `diagnostics.ftl` take them as values (`$context`, `$expected`, `$place`...).
# Ids and keys of the file stay in backticks, untranslated.

# The words of a third party (the YAML parser, minijinja), as they are.
verbatim = { $detail }
# A text not yet in this catalogue, in English (the simulation profile).
untranslated = { $text }
# A text as it is (a number as written).
plain = { $text }
# A text of the file, in backticks.
quoted = `{ $text }`

## What a value must be (`wrong-type`'s `$expected`).
expect-key-value-mapping = a mapping of `key: value` lines
expect-id-mapping = a mapping of `id: ...` lines
expect-name = a name
expect-boolean = `true` or `false`
expect-whole-number = a whole number
expect-text = a text
expect-texts = a list of texts
expect-list = a list (lines starting with `- `)

## What a value is (`wrong-type`'s `$found`).
found-nothing = nothing (an empty value)
found-boolean = true/false
found-whole-number = a whole number
found-decimal-number = a decimal number
found-text = a text
found-list = a list
found-mapping = a mapping (key: value lines)

## Items named in words where a key would stand (`wrong-type`'s `$key`).
item-key = `a key`
item-id = `an id`
item-file = `the file`
item-role = `a role`
item-group = `a group`
item-field = `a field`
item-step = `a step`
item-route = `a route`
item-recipient = `a recipient`
item-deadline = `a deadline`
item-schedule = `a schedule`
item-case-event = `a case event`
item-value = `a value`
item-group-id = `a group id`
item-clause-text = `a clause text`
item-set-value = `a value of `set``
expect-group-mapping = a mapping of `value: group` lines

## Places in the file (`$context`, `$place`, `$what`).
in-routine-file = the routine file
in-organisation-file = the organisation file
in-case-deadlines = the case deadlines
in-role = the role `{ $id }`
in-group = the group `{ $id }`
in-field = the field `{ $id }`
in-step = the step `{ $id }`
in-schedule = the schedule `{ $id }`
in-case-event = the case event `{ $id }`
in-route-of = a route of { $place }
in-recipient-of = a recipient of { $place }
in-person-of = a person of { $place }
in-message-of = the message of { $place }
in-a-deadline-of = a deadline of { $place }
in-deadline-of = the deadline `{ $id }` of { $place }
in-repeat-of = `repeat` of { $place }
in-task-of = the task of { $place }

## YAML.
yaml-empty-file = the file is empty

## Lists joined by "and": `$head` is the list so far.
list-and = { $head } and { $last }
in-routine = the routine
in-a-recipient = a recipient
in-kind-step = the { $kind } step `{ $id }`
in-message-step = the message step `{ $id }`

## What a value is not valid for (`bad-value`'s `$what`).
what-step-kind = step kind
what-field-type = field type

## Wordings for people (`bad-wording`).
wording-empty = `{ $key }` of { $place } is empty
wording-empty-fix = write it in words, or remove `{ $key }:`
title-without-when = `title` of { $place } words its condition, but it has no `when:`
title-without-when-fix = add the `when:` condition it words, or remove `title:`

## Steps and routes (`bad-step`).
next-and-routes = the step `{ $id }` has both `next` and `routes`
next-and-routes-fix = keep one: `next` for a single way on, `routes` for conditions
otherwise-not-last = an `otherwise` route must be the last route
otherwise-not-last-fix = move it to the end; the routes after it could never be taken
route-incomplete = a route of the step `{ $id }` is incomplete
route-incomplete-fix = write a route as `- when: <condition>` with `to: <step>`, or as `- otherwise: <step>`
decision-with-next = the decision step `{ $id }` has `next` instead of `routes`
decision-with-next-fix = use `routes:` with conditions, or make it another kind of step
# `$kind` is the step's kind as written (`task`, `event`...); `$kinds` come joined by "and".
key-not-of-kind = the step `{ $id }` is { $kind ->
    [event] an
    [end] an
   *[other] a
} { $kind } step; `{ $key }` does not belong to it
key-not-of-kind-fix = `{ $key }` belongs to { $kinds } steps; remove it or change `kind`
parallel-one-branch = the parallel step `{ $id }` has fewer than two branches
parallel-one-branch-fix = list at least two steps under `branches`, or use `next`

## Field types (`FieldType::describe`).
type-text = text
type-integer = integer
type-boolean = boolean (true or false)
type-date = date (YYYY-MM-DD)
type-period = period ({"{"}from: YYYY-MM-DD, to: YYYY-MM-DD{"}"})
type-enum = one of: { $values }
type-personnummer = personnummer (YYYYMMDD-NNNN)
type-list = list of { $items }

## Why a value does not fit its field's type (`check_value`).
value-not-a-date = expected a date (YYYY-MM-DD), got { $got }
value-bad-date = `{ $text }` is not a date (YYYY-MM-DD)
value-period-key = a period has only `from` and `to`, not `{ $key }`
value-period-needs = a period needs `{ $key }`
value-period-backwards = the period ends ({ $to }) before it starts ({ $from })
value-not-one-of = `{ $value }` is not one of: { $values }
value-item = item { $number }: { $fault }
value-expected = expected { $expected }, got { $got }
value-nothing = nothing
value-number = the number { $number }
value-text = the text `{ $text }`
value-list = a list
value-mapping = a mapping

## Why a text is not a personnummer (no digit of it is quoted).
pnr-digits = a personnummer has 10 or 12 digits (YYMMDD-NNNN or YYYYMMDD-NNNN), this has { $count }
pnr-characters = a personnummer is written with digits and one `-` or `+` only
pnr-separator = the `-` or `+` stands before the last four digits
pnr-month = its month does not exist (01–12)
pnr-day = its day does not exist in its month (a samordningsnummer adds 60 to the day)
pnr-check-digit = its check digit (the last) does not match the other digits
pnr-needs-century = write all 12 digits (YYYYMMDD-NNNN): the century of a 10-digit number depends on the day it is given
pnr-future = its date of birth lies after { $on }, the day it is given
pnr-plus-too-young = the `+` marks a person of 100 years or more on { $on }, which this number's birth date does not give

## Why a text is not a duration.
duration-empty = the duration is empty; write a number and one of: days, weeks, months, years, working days (for example `3 days`)
duration-no-unit = `{ $amount }` has no unit; write a number and one of: days, weeks, months, years, working days (for example `{ $amount } days`)
duration-bad-amount = `{ $text }` is not a whole number; a duration starts with a whole number such as 3, followed by one of: days, weeks, months, years, working days
duration-unknown-unit = `{ $input }` has an unknown unit `{ $unit }`; write a number and one of: days, weeks, months, years, working days
duration-unknown-unit-like = `{ $input }` has an unknown unit `{ $unit }`; write a number and one of: days, weeks, months, years, working days; did you mean `{ $suggestion }`?
duration-too-large = `{ $amount }` is too large; a duration can be at most { $max } days, weeks, months, years or working days

## Why a text is not a time of day.
time-not-hours-minutes = `{ $text }` is not hours and minutes with a colon
time-no-such-hour = `{ $text }` has no such hour; the hour is 00 to 23
time-no-such-minute = `{ $text }` has no such minute; the minutes are 00 to 59

## Fields and their rules (`bad-step`, `bad-field-rule`).
in-enum-field = the enumeration field `{ $id }`
in-list-field = the list field `{ $id }`
expect-date = a date (YYYY-MM-DD)
key-not-of-type = `{ $key }` only belongs to fields of type { $kind }
key-not-of-type-fix = remove `{ $key }`, or make `{ $id }` a { $kind }
# `$kinds` come joined by "and"; `$type` is a field type (`type-*`).
rule-not-for-type = `{ $key }` only applies to { $kinds } fields; `{ $id }` is { $type }
rule-not-for-type-fix = remove `{ $key }`, or give `{ $id }` a type it applies to
rule-bad-pattern = the `pattern` of `{ $id }` is not a valid regular expression: { $reason }
rule-bad-pattern-fix = write a regular expression in the syntax of the Rust `regex` crate, such as `[0-9]{"{"}5{"}"}` (it must match the whole value)
rule-negative-length = `{ $key }` of `{ $id }` is { $value }, below zero
rule-negative-length-fix = write a number of characters, 0 or more
rule-bad-bound = `{ $key }` of `{ $id }` must be { $expected }, like the field's values
rule-bad-bound-fix = write { $expected }
rule-crossed = `{ $low_key }: { $low }` is above `{ $high_key }: { $high }` on `{ $id }`: no value could pass
rule-crossed-fix = make `{ $low_key }` at most `{ $high_key }`
rule-broken-by-example = the example of `{ $id }` breaks its own rule `{ $rule }`: it must be { $expected }
rule-broken-by-example-fix = give an example that keeps the field's rules

## What a value must be to keep a field's rule (`Broken::phrase`).
rule-pattern = text matching `{ $pattern }` as a whole
rule-min-length = at least { $length } characters long
rule-max-length = at most { $length } characters long
rule-min = at least { $bound }
rule-min-date = on or after { $bound }
rule-max = at most { $bound }
rule-max-date = on or before { $bound }

## A field's `groups:` map (`bad-group-map`, `value-without-group`).
used-groups-of = `groups` of `{ $id }`
groups-not-enum = `groups` maps enumeration values to groups, but `{ $id }` is of type { $type }
groups-not-enum-fix = remove `groups`, or make `{ $id }` an enum
# `$values` come joined: `a`, `b`.
groups-not-a-value = `groups` of `{ $id }` maps `{ $value }`, which is not a value of `{ $id }` (its values are { $values })
groups-not-a-value-like = write `{ $suggestion }`, or add `{ $value }` to the `values` of `{ $id }`
groups-not-a-value-fix = map only the values of `{ $id }`, or add `{ $value }` to them
groups-value-is-group = `groups` of `{ $id }` maps `{ $value }` to `{ $group }`, but `{ $value }` is itself a group id
groups-value-is-group-fix = map `{ $value }` to itself, or rename the value or the group
groups-disagree = `groups` of `{ $id }` maps `{ $value }` to `{ $group }`, but `groups` of `{ $other }` maps it to `{ $other_group }`
groups-disagree-fix = let each value stand for one group: map it to the same group in both fields, or rename one of the values

## `set:` (`bad-assignment`).
set-wrong-type = `set` of { $place } gives the field `{ $id }` the value of `{ $expr }`, which does not fit: { $reason }
set-wrong-type-fix = `{ $id }` is of type { $type }; give it an expression of that type
set-wrong-type-division-fix = `{ $id }` is of type { $type }; give it an expression of that type (`/` gives a decimal number; write `//` for whole-number division)
set-wider = `set` of { $place } gives `{ $id }` a value computed from `{ $hidden }`, which some who may see `{ $id }` may not see
set-wider-fix = give `{ $id }` a `visible_to` no wider than that of `{ $hidden }`, or compute it from other fields

## Case-wide events (`bad-case-event`).
case-event-named-as-step-event = { $place } has the name of the event the step `{ $step }` waits for
case-event-named-as-step-event-fix = give the case event a name of its own; a delivered event must mean one thing
case-event-goto-and-outcome = { $place } has both `goto` and `outcome`
case-event-no-goto-or-outcome = { $place } says neither where the case goes nor how it ends
case-event-then-fix = give it `goto: <step>` to go on at a step, or `outcome: <text>` to end the case

## Deadlines.
in-case = the case
expect-date-field = a field of type date
expect-count = a whole number from 0 up
repeat-every-zero = `repeat: every { $every }` would never move on
io-no-template-folder = the template folder does not exist

## Who sends a message (`template-unavailable`'s `$sender`).
sender-step = a message step
sender-step-deadline = a deadline of a step
sender-case-deadline = a deadline of the case
sender-schedule = a schedule's report

## Recipients (`bad-recipient`, `bad-step`, `group-of-unknowable`).
type-unknown = unknown
person-not-text = the person's `{ $id }` is a field of type { $type }; a name or a mail address is text
person-not-text-fix = give `{ $id }` `type: text`, or name a text field
person-may-be-unset = the person's `{ $id }` may be unset when the message is sent, and then it cannot go to them
person-may-be-unset-fix = make `{ $id }` required, or give the recipient `when: "{ $id } is not none"`
recipient-not-one = a recipient must name exactly one of `role`, `group`, `group_of`, `person`
recipient-not-one-fix = write `- role: <role>`, `- group: <group>`, `- group_of: <expression>` or `- person: {"{"}name: <field>, address: <field>, sees_as: <role>{"}"}`
group-of-gives-no-id = it gives `{ $value }`, which is no group id
group-of-no-text = it gives no text, and a group id is a text
group-of-field-type = `{ $id }` is a field of type { $type }, and a group id is a text

## Parallel steps and jumps (`bad-step`, `bad-case-event`).
join-shared = the parallel steps `{ $id }` and `{ $other }` both name `{ $join }` as their join
join-shared-fix = give each parallel step a join of its own
join-not-a-join = the parallel step `{ $id }` names `{ $join }` as its join, but `{ $join }` is a { $kind } step
join-not-a-join-fix = make `{ $join }` a `kind: join` step
branch-loops-back = the branch starting at `{ $branch }` leads back to its parallel step `{ $id }` before reaching the join `{ $join }`; the branches would run twice
branch-loops-back-fix = let the branch reach `{ $join }` first, and loop after the join
case-event-into-branch = a case event goes to `{ $target }`, inside the branches of the parallel step `{ $id }`
case-event-into-branch-fix = let case events go to a step outside every parallel step's branches (the join would wait for branches that are gone)
goto-across-branches = the deadline `{ $id }` of { $place } jumps to `{ $target }`, into or out of the branches of the parallel step `{ $parallel }`
goto-across-branches-fix = jump to a step on the same side of the parallel step and its join

## Why minijinja cannot read an expression or a template: its own words
## (`$detail`), by the kind of error (`$kind`: syntax, filter, test,
## function, arguments, other).
# English shows minijinja's words alone, whatever the kind.
jinja-error = { $kind ->
   *[other] {""}
}{ $detail }
jinja-syntax-error = syntax error

## What an expression gives (`wrong-argument-type`'s `$got`); `$what` is
## the text it is about.
kind-text-field = `{ $what }` is a text field
kind-number-field = `{ $what }` is a number field
kind-boolean-field = `{ $what }` is a yes/no field
kind-date-field = `{ $what }` is a date field
kind-period-field = `{ $what }` is a period field
kind-enum-field = `{ $what }` is an enumeration field
kind-personnummer-field = `{ $what }` is a personnummer field
kind-list-field = `{ $what }` is a list field
kind-date = `{ $what }` is a date
kind-text = `{ $what }` is a text
kind-number = `{ $what }` is a number
kind-boolean = `{ $what }` is yes or no
kind-none = `none` is no value
kind-filter-text = the `{ $what }` filter gives a text
kind-filter-number = the `{ $what }` filter gives a number
kind-comparison = a comparison gives yes or no
kind-not = `not ...` gives yes or no
kind-concat = `~` gives a text
kind-list = a list
kind-call-date = `{ $what }(...)` gives a date
kind-call-number = `{ $what }(...)` gives a number
kind-call-boolean = `{ $what }(...)` gives yes or no
kind-call-text = `{ $what }(...)` gives a text

## What a function or filter needs (`wrong-argument-type`'s `$expected`, `$place`).
need-date = a date
need-period = a period
need-duration = a duration text such as '1 month'
# `$kind` is `role` or `group`.
need-id = a { $kind } id
need-as-argument = { $need } as its { $ordinal } argument
ordinal-first = first
ordinal-second = second
ordinal-third = third
ordinal-next = next
place-filter-in = the `{ $id }` filter in `{ $expr }`
place-function-in = `{ $id }` in `{ $expr }`
the-filter = the `{ $id }` filter
place-wait-until = `until` of wait step `{ $id }`
date-literal-compared-as-text = compared with a date it is compared as text, so the answer is wrong
date-literal-fails = `{ $id }` fails on it

## Where a value is written that may pass an unset field (`unguarded-optional-value`'s `$place`).
place-route-condition = the condition of route { $route } of the step `{ $id }`
place-recipient-condition = a recipient condition of { $place }
place-until = the `until` of the wait step `{ $id }`
place-set = the `set:` of { $place }
in-case-deadline = the case deadline `{ $id }`
reader-person = the person `{ $id }` (who sees as `{ $role }`)
