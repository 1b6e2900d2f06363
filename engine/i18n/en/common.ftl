# Texts shared by every area, and the example in the module's documentation.

i18n-example = { $count ->
    [one] { $count } open task
   *[other] { $count } open tasks
}

# A failure a command reports on one line, before it stops.
error-line = error: { $message }

# What the command line could not do with a file or a stream (`reason` is the
# operating system's or a library's own words).
out-does-not-exist = { $path } does not exist
out-cannot-read = cannot read { $path }: { $reason }
out-cannot-write = cannot write { $path }: { $reason }
out-cannot-create = cannot create { $path }: { $reason }
out-cannot-write-stdout = cannot write to standard output: { $reason }
out-cannot-write-schema = cannot write the schema as JSON: { $reason }
out-cannot-listen = cannot listen for SIGTERM and Ctrl-C: { $reason }
out-lsp-connection-broke = the editor connection broke: { $reason }
out-cannot-read-address-book = cannot read the address book { $path }: { $reason }
out-bad-address-book = the address book { $path } is not a list of `id: address` lines: { $reason }
out-bad-address = --address { $entry }: write ID=ADDRESS, like alarm_team=larm@kommun.se
out-book-folder = { $path } is a folder; give --output FOLDER for its books
out-book-errors = cannot write the book of { $path }: { $count ->
    [one] { $count } error
   *[other] { $count } errors
}
out-graph-folder = { $path } is a folder: give `--output FOLDER` for its pictures
out-graph-errors = cannot draw { $path }: { $count ->
    [one] { $count } error
   *[other] { $count } errors
}
out-graph-too-large = { $reason } (`--max-steps N`, `--format dot`)
out-graph-steps = routine `{ $routine }` has { $steps } steps, more than the { $limit } an SVG is drawn for (beyond that it is too large to read); draw it with a higher limit or as DOT
