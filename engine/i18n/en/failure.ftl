# Failures of a case: a deadline or wait the clock could not carry out,
# worded when shown. The journal keeps why in English; the shapes below
# (with run.ftl's refusals) let it be worded again in another language.

failure-deadline-of-step = deadline `{ $deadline }` of step `{ $step }`
failure-case-deadline = case deadline `{ $deadline }`
failure-wait-step = wait step `{ $step }`
failure-lost-everything = nothing it had to do was done
failure-lost-message = its message `{ $template }` was not sent (the rest was carried out)
failure-lost-wait = the case does not go on from it
# Equals `run::visibility::WITHHELD`.
failure-withheld = [withheld: the explanation may show fields this role may not see]

# A failed deadline whose next repeat could not be armed either.
failure-no-repeat = { $error }; it will not repeat: { $reason }

# Where an expression failed at run time.
failure-place-until = `until` of step `{ $step }`
failure-place-route = route { $number } of step `{ $step }`
failure-place-when = `when` of deadline `{ $deadline }`
failure-place-recipients = recipient condition of message `{ $template }`
failure-place-group-of = `group_of` of message `{ $template }`
failure-place-select = `select` of schedule `{ $schedule }` for case { $case }
failure-place-set = `set: { $field }` of { $place }
failure-place-step = step `{ $step }`
failure-place-case = the case
failure-place-deadline = deadline `{ $deadline }`
failure-place-repeat = repeat of deadline `{ $deadline }`

# Why an expression failed at run time (the engine's `ExprError`).
failure-expr-eval = `{ $expr }` could not be evaluated: { $message }
failure-expr-undefined = `{ $expr }` is undefined (an unknown variable or attribute)
failure-expr-not-a-date = `{ $expr }` gave { $got }, not a date (YYYY-MM-DD)
failure-expr-not-text = `{ $expr }` gave { $got }, not a text
failure-expr-cannot-hold = gave a value `{ $field }` cannot hold: { $reason }

# Why a value does not fit its field (`model::check_value`), as it may be quoted.
failure-value-not-one-of = `{ $value }` is not one of: { $allowed }
failure-value-expected-date = expected a date (YYYY-MM-DD), got { $got }
failure-value-not-a-date = `{ $value }` is not a date (YYYY-MM-DD)
failure-value-period-only = a period has only `from` and `to`, not `{ $key }`
failure-value-period-backwards = the period ends ({ $to }) before it starts ({ $from })
failure-value-item = item { $number }: { $error }
failure-value-expected = expected { $expected }, got { $got }
failure-value-text = the text `{ $text }`
failure-value-number = the number { $number }
failure-value-nothing = nothing
failure-value-list = a list
failure-value-mapping = a mapping

# A field's type in words (`FieldType::describe`), for refusals and `rutin diff`.
field-type-text = text
field-type-integer = integer
field-type-boolean = boolean (true or false)
field-type-date = date (YYYY-MM-DD)
field-type-period = period ({"{"}from: YYYY-MM-DD, to: YYYY-MM-DD{"}"})
field-type-enum = one of: { $values }
field-type-personnummer = personnummer (YYYYMMDD-NNNN)
field-type-list = list of { $items }
