# `rutin test`: en rad per scenario och en summering sist.

test-ok = ok    { $title }
test-fail = FEL   { $title }
test-summary = { $passed } lyckades, { $failed } misslyckades
test-no-files = inga scenariofiler (*.yaml) hittades på de angivna platserna
test-cannot-read = kan inte läsa { $path }: { $error }
test-does-not-exist = { $path } finns inte

# Det som inte stämde i ett scenario (`rutin test`, `rutin simulate --scenario`).
test-routine-errors = rutinen { $path } har fel:
test-could-not-start = ärendet kunde inte startas: { $error }
test-action = åtgärd { $number } ({ $action })
test-expected-error-succeeded = { $action }: felet `{ $expected }` väntades, men det gick igenom
test-expected-other-error = { $action }: felet `{ $expected }` väntades, men det blev `{ $code }`: { $error }
test-refused = { $action }: nekades ({ $code }): { $error }
test-script = { $action }: { $error }
test-after = efter { $action }: { $failure }
test-journaled-failure = { $what } misslyckades { $at }: { $lost }: { $error }
test-nothing = inget
test-outcome = utfall: `{ $expected }` väntades, men det blev `{ $actual }`
test-expected-reached = steget `{ $step }` skulle ha nåtts; nådda: { $reached }
test-expected-not-reached = steget `{ $step }` skulle inte nås, men det nåddes
test-open-tasks = öppna uppgifter: { $expected } väntades, men det blev { $actual }
test-expected-fired = tidsfristen `{ $deadline }` skulle ha gått ut; gick ut: { $fired }
test-expected-not-fired = tidsfristen `{ $deadline }` skulle inte gå ut, men den gjorde det
test-expected-no-message = inget meddelande `{ $template }` skulle skickas, men ett skickades
test-expected-message = ett meddelande `{ $template }` väntades; skickade: { $sent }
test-recipients = { $label }: { $expected } väntades, men det blev { $actual }
test-from = från: { $expected } väntades, men det blev { $actual }
test-nobody = ingen
test-text-lacks = texten innehåller inte { $wanted }:
test-text-has = texten innehåller { $unwanted }, vilket den inte får
test-message-count = meddelandet `{ $template }`: { $expected } matchande väntades, men det blev { $matching }{ $problem }
test-message-mismatch = meddelandet `{ $template }` stämmer inte: { $problems }
test-script-two-verbs = en åtgärd gör en sak: `complete`, `deliver`, `wait`, `until` eller `schedule`
test-script-no-role = `complete` behöver `role`
test-script-past-calendar = `{ $wait }` går förbi kalenderns slut
