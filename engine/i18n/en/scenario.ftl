# Problems of a scenario file (`rutin test`, `rutin simulate --scenario`),
# after `file:line:col: `.

scenario-place-action = action { $number }: { $key }
scenario-did-you-mean = ; did you mean `{ $suggestion }`?
scenario-known = {" "}(known: { $known })
scenario-decode = { $message }
scenario-unknown-key = unknown field `{ $key }`, expected one of { $known }
scenario-missing-key = missing field `{ $key }`
scenario-wrong-type = invalid type: { $found }, expected { $expected }
scenario-not-a = this must be { $wanted }
scenario-duplicate-key = duplicate field `{ $key }`
scenario-routine-missing = the routine file { $path } does not exist (`routine:` is relative to the scenario file)
scenario-bad-time = { $place }: `{ $text }` is not a date (YYYY-MM-DD) or a time (YYYY-MM-DD HH:MM)
scenario-duration-empty = { $place }: the duration is empty; write a number and one of: days, weeks, months, years, working days (for example `3 days`)
scenario-duration-no-unit = { $place }: `{ $amount }` has no unit; write a number and one of: days, weeks, months, years, working days (for example `{ $amount } days`)
scenario-duration-bad-amount = { $place }: `{ $text }` is not a whole number; a duration starts with a whole number such as 3, followed by one of: days, weeks, months, years, working days
scenario-duration-unknown-unit = { $place }: `{ $text }` has an unknown unit `{ $unit }`; write a number and one of: days, weeks, months, years, working days
scenario-duration-too-large = { $place }: `{ $amount }` is too large; a duration can be at most 1000 days, weeks, months, years or working days
scenario-unknown = { $place }: `{ $name }` is not { $wanted }

# What a name should have been.
scenario-wanted-step = a step of the routine
scenario-wanted-step-or-deadline = a step or a deadline of the routine
scenario-wanted-deadline = a deadline of the routine
scenario-wanted-template = a template the routine uses
scenario-wanted-role = a role of the routine
scenario-wanted-recipient = a role, group or person of the routine
scenario-wanted-error-code = an error code (see docs/SCENARIOS.md)

# Kinds of values, in `invalid type: … expected …`.
scenario-kind-text = a text
scenario-kind-number = a whole number
scenario-kind-decimal = a decimal number
scenario-kind-bool = true/false
scenario-kind-list = a list
scenario-kind-map = a mapping (key: value lines)
scenario-kind-nothing = nothing (an empty value)
