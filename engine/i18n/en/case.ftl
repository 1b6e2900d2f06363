# `rutin case show`, `history`, `list`, `tasks`, `verify`.

case-heading = case { $id }: { $title } (routine { $routine } version { $version }), { $status }
case-open = open
case-ended = ended: { $outcome }
case-open-task = open task { $task }: { $title } [{ $role }]
case-next-due = next due: { $due }
case-delivery = delivery:
case-delivery-entry = entry { $seq }: { $delivery }
case-attempts = { $count ->
    [one] { $count } attempt
   *[other] { $count } attempts
}
case-sent = sent { $at } ({ $attempts })
case-pending-retry = pending, next try { $next } ({ $attempts } so far; last: { $why })
case-pending = pending, not tried yet
case-failed = FAILED after { $attempts }: { $why }
case-no-reason = no reason recorded
case-damaged-cases = { $count } case(s) cannot be read: { $ids }; they were left as they are
case-damaged-row = DAMAGED
case-row-tasks = { $count } open task(s), last { $latest }{ $due }
case-row-due = , due { $due }
case-count = { $count } case(s)
case-cannot-read = case { $id } cannot be read: { $error }
case-task-since = since { $at }
case-task-count = { $count } open task(s)
case-problem = case { $id }: { $error }
case-bad-index = case { $id }: its stored index ({ $stored }) is not what its journal gives ({ $replayed })
case-verified = { $count } case(s): every journal is intact and replays to its stored state
case-not-verified = { $problems } of { $count } case(s) do not verify:
warning-line = warning: { $message }

# `rutin case start`, `complete`, `advance`...
case-no-routine-file = the routine file { $path } does not exist
case-routine-has-errors = the routine file { $path } has errors; run `rutin check { $path }`
case-did-you-mean = did you mean `{ $suggestion }`?{ " " }
case-not-a-role = `{ $role }` is not a role of { $what }; { $hint }roles: { $roles }
case-bad-id = `{ $id }` cannot be a case id: use letters, digits, `-` and `_` (at most 64)
case-start-refused = refused ({ $code }): { $why }
    no case was started
case-nothing-ended = nothing to do, it has ended ({ $outcome })
case-nothing-latest = nothing to do, its latest entry is at { $latest }
case-nothing-due = nothing was due up to { $to }
case-colon = case { $id }:
case-this-routine = this routine
case-any-routine = any routine of the stored cases

# `rutin case import` and `case migrate`: a label (at most 9 letters) before each case.
case-not-a-folder = { $path } is not a folder of case files (the old store was `.rutin`)
case-label-imported = imported
case-label-present = present
case-already-in-db = { $id } (already in the database)
case-label-skipped = SKIPPED
case-import-summary = { $imported } imported, { $present } already present, { $skipped } skipped; the folder was not changed
case-import-skipped = { $count } case file(s) were not imported (see above)
case-target = routine { $routine } version { $version }
case-label-can-move = can move
case-label-moved = moved
case-label-cannot = cannot
case-label-failed = FAILED
case-label-already = already
case-runs-on-this = { $id } (runs on this version)
case-migrate-summary = to { $target }: { $done } case(s) { $moved ->
    [yes] moved
   *[other] could move
}, { $blocked } cannot, { $already } already on it{ $unread }
case-migrate-unread = , { $count } could not be read
case-migrate-failed = { $count } case(s) could not be judged (see above)

# Values and times given on the command line.
input-cannot-read = cannot read { $path }: { $error }
input-the-values = the values
input-not-json = { $source } are not JSON or YAML: { $error }
input-not-a-mapping = { $source } must be a mapping of field: value, like `{"{"}"order_ok": true{"}"}`
input-not-a-time = `{ $text }` is not a date (YYYY-MM-DD) or a time (YYYY-MM-DD HH:MM)
input-bad-database-url = RUTIN_DATABASE_URL must be postgres://user@host/database or sqlite:FILE, not `{ $url }`
