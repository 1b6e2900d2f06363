# `rutin case show`, `history`, `list`, `tasks`, `verify`.

case-heading = ärende { $id }: { $title } (rutin { $routine } version { $version }), { $status }
case-open = öppet
case-ended = avslutat: { $outcome }
case-open-task = öppen uppgift { $task }: { $title } [{ $role }]
case-next-due = nästa på tur: { $due }
case-delivery = leverans:
case-delivery-entry = händelse { $seq }: { $delivery }
case-attempts = { $count ->
    [one] { $count } försök
   *[other] { $count } försök
}
case-sent = skickat { $at } ({ $attempts })
case-pending-retry = väntar, nästa försök { $next } ({ $attempts } hittills; senast: { $why })
case-pending = väntar, inte försökt än
case-failed = MISSLYCKADES efter { $attempts }: { $why }
case-no-reason = ingen orsak sparad
case-damaged-cases = { $count } ärende(n) kan inte läsas: { $ids }; de lämnades som de var
case-damaged-row = SKADAT
case-row-tasks = { $count } öppna uppgift(er), senast { $latest }{ $due }
case-row-due = , på tur { $due }
case-count = { $count } ärende(n)
case-cannot-read = ärende { $id } kan inte läsas: { $error }
case-task-since = sedan { $at }
case-task-count = { $count } öppna uppgift(er)
case-problem = ärende { $id }: { $error }
case-bad-index = ärende { $id }: dess sparade index ({ $stored }) är inte det som journalen ger ({ $replayed })
case-verified = { $count } ärende(n): varje journal är hel och spelas upp till sitt sparade läge
case-not-verified = { $problems } av { $count } ärende(n) stämmer inte:
warning-line = varning: { $message }

# `rutin case start`, `complete`, `advance`...
case-no-routine-file = rutinfilen { $path } finns inte
case-routine-has-errors = rutinfilen { $path } har fel; kör `rutin check { $path }`
case-did-you-mean = menade du `{ $suggestion }`?{ " " }
case-not-a-role = `{ $role }` är ingen roll i { $what }; { $hint }roller: { $roles }
case-bad-id = `{ $id }` kan inte vara ett ärende-id: använd bokstäver, siffror, `-` och `_` (högst 64)
case-start-refused = nekades ({ $code }): { $why }
    inget ärende startades
case-nothing-ended = inget att göra, det är avslutat ({ $outcome })
case-nothing-latest = inget att göra, dess senaste händelse är { $latest }
case-nothing-due = inget var på tur fram till { $to }
case-colon = ärende { $id }:
case-this-routine = den här rutinen
case-any-routine = någon rutin för de sparade ärendena

# `rutin case import` och `case migrate`: en etikett (högst 9 bokstäver) före varje ärende.
case-not-a-folder = { $path } är ingen mapp med ärendefiler (den gamla lagringen var `.rutin`)
case-label-imported = inläst
case-label-present = finns
case-already-in-db = { $id } (finns redan i databasen)
case-label-skipped = UTELÄMNAT
case-import-summary = { $imported } inlästa, { $present } fanns redan, { $skipped } utelämnade; mappen ändrades inte
case-import-skipped = { $count } ärendefil(er) lästes inte in (se ovan)
case-target = rutin { $routine } version { $version }
case-label-can-move = flyttbart
case-label-moved = flyttat
case-label-cannot = kan inte
case-label-failed = FEL
case-label-already = redan
case-runs-on-this = { $id } (följer redan den här versionen)
case-migrate-summary = till { $target }: { $done } ärende(n) { $moved ->
    [yes] flyttade
   *[other] kan flyttas
}, { $blocked } kan inte, { $already } redan där{ $unread }
case-migrate-unread = , { $count } kunde inte läsas
case-migrate-failed = { $count } ärende(n) kunde inte bedömas (se ovan)

# Värden och tider som anges på kommandoraden.
input-cannot-read = kan inte läsa { $path }: { $error }
input-the-values = värdena
input-not-json = { $source } är inte JSON eller YAML: { $error }
input-not-a-mapping = { $source } ska vara fält: värde, som `{"{"}"order_ok": true{"}"}`
input-not-a-time = `{ $text }` är inget datum (ÅÅÅÅ-MM-DD) eller någon tidpunkt (ÅÅÅÅ-MM-DD TT:MM)
input-bad-database-url = RUTIN_DATABASE_URL ska vara postgres://användare@värd/databas eller sqlite:FIL, inte `{ $url }`
