# The store's refusals, in plain words. Each text equals the error's English `Display`.

store-not-found = there is no { $what } in the store
store-exists = { $what } exists already in the store
store-new-entry = entry { $seq } is new
store-new-entries = entries { $first } to { $last } are new
store-conflict = someone else changed case { $case } meanwhile ({ $new }); nothing was saved, look at the case and try again
store-bad-commit = the change to case `{ $case }` was refused: { $reason }; nothing was saved
store-not-rutin = { $path } is not a Rutin database ({ $reason }); it was left as it is. Give another file or database, or a new (empty) one to start with
store-newer-schema = { $path } has database schema { $found }, but this Rutin knows schemas up to { $supported }; it was left as it is. Use a newer Rutin
store-damaged = { $place } is damaged: { $reason }; it was left as it is (restore it from a backup, or look at it with `rutin case history`)
store-busy = { $path } is busy: another process kept it locked for more than { $waited } ms; nothing was saved, try again
store-unwritable = { $path } cannot be written ({ $reason }); nothing was saved and nothing stored was lost
store-io = { $path }: { $message }
store-backend = the database refused: { $message }; nothing was saved
