# `rutin test`: a line per scenario and a closing count.

test-ok = ok    { $title }
test-fail = FAIL  { $title }
test-summary = { $passed } passed, { $failed } failed
test-no-files = no scenario files (*.yaml) found in the given paths
test-cannot-read = cannot read { $path }: { $error }
test-does-not-exist = { $path } does not exist

# What did not hold in a scenario (`rutin test`, `rutin simulate --scenario`).
test-routine-errors = the routine { $path } has errors:
test-could-not-start = the case could not start: { $error }
test-action = action { $number } ({ $action })
test-expected-error-succeeded = { $action }: expected error `{ $expected }`, but it succeeded
test-expected-other-error = { $action }: expected error `{ $expected }`, got `{ $code }`: { $error }
test-refused = { $action }: refused ({ $code }): { $error }
test-script = { $action }: { $error }
test-after = after { $action }: { $failure }
test-journaled-failure = { $what } failed at { $at }: { $lost }: { $error }
test-nothing = nothing
test-outcome = outcome: expected `{ $expected }`, got `{ $actual }`
test-expected-reached = expected step `{ $step }` to be reached; reached: { $reached }
test-expected-not-reached = expected step `{ $step }` not to be reached, but it was
test-open-tasks = open tasks: expected { $expected }, got { $actual }
test-expected-fired = expected deadline `{ $deadline }` to fire; fired: { $fired }
test-expected-not-fired = expected deadline `{ $deadline }` not to fire, but it did
test-expected-no-message = expected no message `{ $template }`, but one was sent
test-expected-message = expected a message `{ $template }`; sent: { $sent }
test-recipients = { $label }: expected { $expected }, got { $actual }
test-from = from: expected { $expected }, got { $actual }
test-nobody = nobody
test-text-lacks = text does not contain { $wanted }:
test-text-has = text contains { $unwanted }, which it must not
test-message-count = message `{ $template }`: expected { $expected } matching, got { $matching }{ $problem }
test-message-mismatch = message `{ $template }` does not match: { $problems }
test-script-two-verbs = an action does one thing: `complete`, `deliver`, `wait`, `until` or `schedule`
test-script-no-role = `complete` needs `role`
test-script-past-calendar = `{ $wait }` goes past the calendar
