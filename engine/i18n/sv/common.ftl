# Texter som alla delar använder, och exemplet i modulens dokumentation.

i18n-example = { $count ->
    [one] { $count } öppen uppgift
   *[other] { $count } öppna uppgifter
}

# A failure a command reports on one line, before it stops.
error-line = fel: { $message }
