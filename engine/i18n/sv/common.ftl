# Texter som alla delar använder, och exemplet i modulens dokumentation.

i18n-example = { $count ->
    [one] { $count } öppen uppgift
   *[other] { $count } öppna uppgifter
}

# A failure a command reports on one line, before it stops.
error-line = fel: { $message }

# What the command line could not do with a file or a stream (`reason` is the
# operating system's or a library's own words).
out-does-not-exist = { $path } finns inte
out-cannot-read = kan inte läsa { $path }: { $reason }
out-cannot-write = kan inte skriva { $path }: { $reason }
out-cannot-create = kan inte skapa { $path }: { $reason }
out-cannot-write-stdout = kan inte skriva till standard ut: { $reason }
out-cannot-write-schema = kan inte skriva schemat som JSON: { $reason }
out-cannot-listen = kan inte lyssna efter SIGTERM och Ctrl-C: { $reason }
out-lsp-connection-broke = förbindelsen med editorn bröts: { $reason }
out-cannot-read-address-book = kan inte läsa adressboken { $path }: { $reason }
out-bad-address-book = adressboken { $path } är inte en lista med rader `id: adress`: { $reason }
out-bad-address = --address { $entry }: skriv ID=ADRESS, till exempel alarm_team=larm@kommun.se
out-book-folder = { $path } är en mapp; ange --output MAPP för dess rutinböcker
out-book-errors = kan inte skriva rutinboken för { $path }: { $count ->
    [one] { $count } fel
   *[other] { $count } fel
}
out-graph-folder = { $path } är en mapp: ange `--output MAPP` för dess bilder
out-graph-errors = kan inte rita { $path }: { $count ->
    [one] { $count } fel
   *[other] { $count } fel
}
out-graph-too-large = { $reason } (`--max-steps N`, `--format dot`)
out-graph-steps = rutinen `{ $routine }` har { $steps } steg, fler än de { $limit } som en SVG ritas för (större än så går den inte att läsa); rita den med en högre gräns eller som DOT
