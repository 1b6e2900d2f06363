# `rutin check`: the closing line, and `--coverage`.

check-routines = { $count ->
    [one] { $count } routine
   *[other] { $count } routines
}
check-profiles = { $count ->
    [one] { $count } simulation profile
   *[other] { $count } simulation profiles
}
check-templates = { $count ->
    [one] { $count } template
   *[other] { $count } templates
}
check-errors = { $count ->
    [one] { $count } error
   *[other] { $count } errors
}
check-warnings = { $count ->
    [one] { $count } warning
   *[other] { $count } warnings
}
check-and = { $first } and { $second }
check-all-valid = checked { $checked }: all valid
check-found = checked { $checked }: { $errors }, { $warnings }
check-no-workflows = no `workflows` folder here; name the routines to check: rutin check PATH...
check-no-files = no routine (*.yaml) or template (*.j2) files found in the given paths
coverage-not-covered = NOT COVERED
coverage-summary = { $clauses } clauses, { $covered } covered, { $uncovered } not covered
