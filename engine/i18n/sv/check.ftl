# `rutin check`: raden sist, och `--coverage`.

check-routines = { $count ->
    [one] { $count } rutin
   *[other] { $count } rutiner
}
check-profiles = { $count ->
    [one] { $count } simuleringsprofil
   *[other] { $count } simuleringsprofiler
}
check-templates = { $count ->
    [one] { $count } mall
   *[other] { $count } mallar
}
check-errors = { $count ->
    [one] { $count } fel
   *[other] { $count } fel
}
check-warnings = { $count ->
    [one] { $count } varning
   *[other] { $count } varningar
}
check-and = { $first } och { $second }
check-all-valid = kontrollerade { $checked }: allt giltigt
check-found = kontrollerade { $checked }: { $errors }, { $warnings }
check-no-workflows = ingen mapp `workflows` här; ange rutinerna som ska kontrolleras: rutin check SÖKVÄG...
check-no-files = inga rutiner (*.yaml) eller mallar (*.j2) hittades på de angivna platserna
coverage-not-covered = INTE TÄCKT
coverage-summary = { $clauses } punkter, { $covered } täckta, { $uncovered } inte täckta
