# A runner command that did not happen (`RunnerError::message_in`), and the
# words the store and the runner put into their errors, as shapes to word
# them again (see `run/failure_text.rs`).

runner-run = case `{ $case }`: { $error }
runner-schedule = schedule `{ $schedule }`: { $error }
runner-routine = the routine { $routine } (version { $bundle }) has errors ({ $count } found); fix them and check it with `rutin check`

# What a tick could not do.
runner-what-slot = schedule `{ $schedule }` of { $routine } version { $version } due { $due }

# What the store names.
store-what-case = case `{ $case }`
store-what-a-case = a case `{ $case }`
store-what-routine-version = routine version { $hash }
store-what-pending-message = pending outbox message `{ $id }`
store-what-schedule-run = a run of schedule `{ $schedule }` of { $routine } version { $version } for { $due }
store-place-database = the database { $path }

# Why the store refused, in its own words.
store-reason-read-only = the file, or its folder, is read-only
store-reason-full = the disk is full, or the database reached its size limit
store-reason-not-a-database = SQLite cannot read it as a database
store-reason-not-sqlite = it is not an SQLite database: it starts with `{ $start }`
store-reason-other-program = it is an SQLite database of another program
store-reason-opened-read-only = it was opened read-only and must first be set up or migrated
store-reason-bundle-missing = its routine version { $bundle } is not stored (store it first)
store-reason-entry-missing = it is missing (the next stored entry is { $seq })
store-reason-time-unreadable = the time `{ $time }` cannot be read
