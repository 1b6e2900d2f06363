# Texts shared by every area, and the example in the module's documentation.

i18n-example = { $count ->
    [one] { $count } open task
   *[other] { $count } open tasks
}

# A failure a command reports on one line, before it stops.
error-line = error: { $message }
