# `--help`: every command's and argument's text, keyed by its place in the
# command tree (`cli-rutin-case-start`, `cli-rutin-check--paths`, a possible
# value `cli-rutin-check--format--json`; `-long` and `-after` for long help and
# examples). English equals the doc comments clap reads (a test keeps it so).

# clap's own words.
cli-heading-usage = Usage:
cli-heading-commands = Commands:
cli-heading-arguments = Arguments:
cli-heading-options = Options:
cli-heading-values = Possible values:
cli-usage-options = {"["}OPTIONS]
cli-usage-command = <COMMAND>
cli-note-default = {"["}default: { $value }]
cli-note-values = {"["}possible values: { $values }]
cli-note-env = {"["}env: { $name }=]
cli-help-command = Print this message or the help of the given subcommand(s)
cli-help-command--subcommand = Print help for the subcommand(s)

# Commands and arguments.
cli-rutin = Check, simulate and test care routines written in YAML
cli-rutin-long =
    Rutin makes a municipality's written care routines executable.
    Routines are YAML files under workflows/, message texts are templates under templates/.
cli-rutin-after =
    Examples:
      rutin check
      rutin check workflows/kommun_000/installation.yaml --format json
cli-global--lang = The language of what Rutin prints: `sv` (svenska) or `en` (English). Without it, the locale decides (`LC_ALL`, `LC_MESSAGES`, `LANG`): Swedish for `sv_*`, else English
cli-flag-help-more = Print help (see more with '--help')
cli-flag-help-more-long = Print help (see a summary with '-h')
cli-flag-version = Print version
cli-rutin-check = Check routines and templates and report every problem at once
cli-rutin-check-after =
    Examples:
      rutin check
      rutin check workflows/kommun_000
      rutin check workflows/kommun_000/installation.yaml --format json

    Exit status: 0 valid, 1 problems found, 2 usage or I/O error.
cli-rutin-check--paths = Routine files, template files or folders to check (folders are searched for *.yaml and *.j2) [default: workflows templates]
cli-rutin-check--format = Output format
cli-rutin-check--format--text = For people
cli-rutin-check--format--json = For editors, CI and scripts
cli-rutin-check--deny_warnings = Treat warnings as problems (exit 1 when there are any)
cli-rutin-check--coverage = Also list each clause of the source documents and what cites it; exit 1 when a clause is cited by nothing
cli-rutin-graph = Draw a routine as a picture: DOT, Mermaid or SVG
cli-rutin-graph-long =
    Draw a routine as a picture: DOT (Graphviz), Mermaid or SVG.

    Steps are nodes labelled with their title and id, shaped and coloured by kind; tasks are grouped by role. Solid edges are routes, labelled with their condition (`annars` for the default). Dashed edges are deadlines and escalations, labelled with their id and duration: to the step a deadline jumps to, or to a note saying which message it sends or which task it opens. Case deadlines leave from the start node.
cli-rutin-graph-after =
    Examples:
      rutin graph workflows/kommun_000/installation.yaml > installation.dot
      dot -Tpng installation.dot -o installation.png       (with Graphviz installed)
      rutin graph workflows/kommun_000/installation.yaml --format svg --output installation.svg
      rutin graph workflows/kommun_000/installation.yaml --format mermaid

    Exit status: 0 drawn, 1 the routine has errors (shown as by `rutin check`), 2 usage or I/O error.
cli-rutin-graph--routine = The routine file to draw, or a folder: every routine in it is drawn to `--output FOLDER`, one file per routine at the same relative path
cli-rutin-graph--format = Output format
cli-rutin-graph--format--dot = Graphviz DOT (render with `dot -Tsvg`), tasks grouped by role
cli-rutin-graph--format--mermaid = A Mermaid flowchart (for Markdown on GitHub, GitLab, wikis)
cli-rutin-graph--format--svg = An SVG image, laid out by Rutin itself (no Graphviz needed)
cli-rutin-graph--output = Write to this file (a folder when drawing a folder) instead of standard output
cli-rutin-graph--max_steps = SVG only: draw routines with up to this many steps (larger pictures are refused as unreadable)
cli-rutin-diff = What changed between two versions of a routine, and which running cases it concerns
cli-rutin-diff-long = What changed between two versions of a routine, in the process owner's terms: steps added, removed or moved (now after other steps), who does a task, who gets a message, deadlines, fields and who may see them, and each changed template as a line diff. With --db, the running cases of the routine and whether each could move to the new version (as `rutin case migrate --dry-run`; nothing is changed).
cli-rutin-diff-after =
    Examples:
      rutin diff old/extension.yaml workflows/kommun_000/extension.yaml
      rutin diff old/extension.yaml workflows/kommun_000/extension.yaml --format json
      rutin diff old/extension.yaml workflows/kommun_000/extension.yaml --db rutin.db

    Exit status: 0 compared, 1 a routine has errors or a case could not be judged, 2 usage or I/O error.
cli-rutin-diff--old = The old version's routine file
cli-rutin-diff--new = The new version's routine file
cli-rutin-diff--format = Output format
cli-rutin-diff--format--text = One line per change, then template diffs
cli-rutin-diff--format--json = JSON, for tools
cli-rutin-diff--db = Also list the running cases in this database that the change concerns, and whether each could move to the new version
cli-rutin-book = Write the routine book: the routine as a document to publish (HTML or Markdown)
cli-rutin-book-long =
    Write the routine book: the routine as the document a municipality publishes, in Swedish.

    The header (who decided, when, what it replaces), roles and responsibilities, the procedure phase by phase as numbered steps, every deadline and message in words, the local choices, the clause trace and the diagram. HTML is one self-contained page that prints on A4.
cli-rutin-book-after =
    Examples:
      rutin book workflows/kommun_000/installation.yaml --output installation.html
      rutin book workflows/kommun_000/installation.yaml --format md --output installation.md
      rutin book workflows --output books

    Exit status: 0 written, 1 a routine has errors (shown as by `rutin check`), 2 usage or I/O error.
cli-rutin-book--path = A routine file, or a folder: a book for every routine in it
cli-rutin-book--format = Output format
cli-rutin-book--format--html = One self-contained HTML page (inline CSS and SVG), printable on A4
cli-rutin-book--format--md = Markdown for any forge; with --output, the diagram is written beside it as SVG
cli-rutin-book--output = Write to this file (for a folder: into this folder, one book per routine)
cli-rutin-schema = Print the JSON Schema of routine files, for editor completion and checking
cli-rutin-schema-long =
    Print the JSON Schema (draft-07) of routine files, or with --organisation of organisation files.

    With VS Code's YAML extension, the first line
      # yaml-language-server: $schema=../../schema/routine.schema.json
    in a routine file turns on completion and checking of its keys.
cli-rutin-schema-after =
    Examples:
      rutin schema
      rutin schema --output schema/routine.schema.json
      rutin schema --organisation --output schema/organisation.schema.json

    Exit status: 0 written, 2 usage or I/O error.
cli-rutin-schema--organisation = The schema of organisation files instead of routine files
cli-rutin-schema--output = Write to this file instead of standard output
cli-rutin-simulate = Run one case from start to finish on a virtual clock and print its timeline
cli-rutin-simulate-long =
    Run one case from start to finish on a virtual clock and print a readable timeline: date, step, role, what happened, each deadline armed or fired, each message in full with its recipients.

    Without --scenario the case follows the routine by itself: it starts with the example values of the fields no task records; open tasks are done one at a time, a working day apart, recording example values (dates recorded are the simulated day); an awaited event arrives a working day later; otherwise the clock moves to the next deadline.

    With --scenario the routine is the scenario's `routine:` (ROUTINE may be left out; when given, it must be that file). With --interactive each open task asks how many days pass (0 to 365) and the values to record; a refused value asks again.
cli-rutin-simulate-after =
    Examples:
      rutin simulate workflows/kommun_000/installation.yaml
      rutin simulate workflows/kommun_003/not_executed.yaml --start 2026-06-01
      rutin simulate workflows/kommun_000/installation.yaml --as night_patrol
      rutin simulate --scenario tests/scenarios/kommun_000/installation_happy.yaml
      rutin simulate workflows/kommun_000/installation.yaml --interactive
      rutin simulate workflows/kommun_000/installation.yaml --format json > journal.json

    Exit status: 0 simulated, 1 the routine has errors or the case was refused, 2 usage or I/O error (also: ROUTINE is not the scenario's routine, input ended before an interactive case finished).
cli-rutin-simulate--routine = The routine file to simulate (with --scenario: optional, the scenario's `routine:`)
cli-rutin-simulate--start = The date (YYYY-MM-DD) or time (YYYY-MM-DD HH:MM) the case starts (default: 08:00 on the earliest date in the example start data, such as the decision date, so the examples make sense; today when the start data holds no date; a scenario gives its own `start:`)
cli-rutin-simulate--scenario = Run a scripted case instead of following the routine by itself
cli-rutin-simulate--interactive = Ask at each open task which values to give and how many days pass
cli-rutin-simulate--as_role = Show only what this role may see
cli-rutin-simulate--format = Output format: a timeline, or the case's journal as JSON
cli-rutin-simulate--format--text = For people
cli-rutin-simulate--format--json = For editors, CI and scripts
cli-rutin-simulate--until = Stop the virtual clock at this date (the end of the day) or time (YYYY-MM-DD HH:MM) and show where the case stands, round by round when the routine repeats
cli-rutin-simulate--round = With --until: the step whose every return begins a round (default: the step nearest the start that the case enters again)
cli-rutin-simulate--max_actions = Stop after this many actions (guards against a routine that loops on its example values)
cli-rutin-simulate--profile = Simulate many cases on this profile (`*.profile.yaml`, docs/SIMULATION.md) and print a report instead of one case's timeline
cli-rutin-simulate--cases = With --profile: how many cases arrive (lifecycles, when the profile chains routines)
cli-rutin-simulate--seed = With --profile: the seed of every random draw (same seed, same report)
cli-rutin-simulate--horizon = With --profile: the day (YYYY-MM-DD) the simulation stops [default: 26 weeks after the last arrival]
cli-rutin-simulate--weeks = With --profile: stop after this many weeks from the profile's start
cli-rutin-simulate--per_week = With --profile: cases arriving per week instead of the profile's `arrivals`
cli-rutin-simulate--svg = With --profile: also draw the weekly workload and breaches as an SVG file
cli-rutin-test = Run scenario files and report which pass
cli-rutin-test-long = Run scenario files (docs/SCENARIOS.md): scripted cases with expectations. One line per scenario; a failure shows expected against actual; the last line is `N passed, N failed`. Before a scenario runs, every step, deadline, template, role and error code it names is checked against its routine; an unknown one fails it.
cli-rutin-test-after =
    Examples:
      rutin test
      rutin test tests/scenarios/kommun_003
      rutin test tests/scenarios/kommun_000/installation_happy.yaml

    Exit status: 0 all passed, 1 a scenario failed, 2 usage or I/O error (a scenario file that cannot be read or is not a scenario, or whose routine file is missing: shown as FAIL too).
cli-rutin-test--paths = Scenario files or folders (searched for *.yaml)
cli-rutin-test--format = Output format: a line per scenario, or JSON
cli-rutin-test--format--text = For people
cli-rutin-test--format--json = For editors, CI and scripts
cli-rutin-case = Operate real cases in the database: start, complete, deliver, advance, show, history...
cli-rutin-case-long = Operate real cases in the database: an SQLite file (--db FILE, default `rutin.db` in the current folder; created when missing) or RUTIN_DATABASE_URL=postgres://... . Each command that changes a case is one transaction: it loads the case, runs one command on the routine version the case is pinned to (stored in the database when the case started: editing workflows/ never stops a running case) and commits only if nobody changed the case meanwhile. A refused command, or one that lost to another at the same moment, changes nothing. Messages go to the outbox; `rutin tick` or `rutin run` deliver them.
cli-rutin-case-after =
    Examples:
      rutin case start workflows/kommun_000/installation.yaml --id K-2026-017 \
        --data '{"{"}decision_date: 2026-06-19, client_name: Anna Andersson,
                 client_address: Storgatan 1, home_care_group: norra{"}"}'
      rutin case tasks --as alarm_team
      rutin case complete K-2026-017 check_order --as alarm_team --by Lisa --values 'order_ok: true'
      rutin case deliver K-2026-017 order_corrected --values '{"{"}"correction_note": "Rättad"{"}"}'
      rutin case show K-2026-017 --as night_patrol
      rutin case history K-2026-017
      rutin case list
      rutin case verify
      rutin case report workflows/kommun_003/not_executed.yaml monthly_not_executed

    Exit status: 0 done, 1 refused (wrong role, missing field, unknown case, someone else changed the case meanwhile...), 2 usage error (an unknown role...), a damaged case or a database that cannot be used.
cli-global--db = The database file (SQLite, created when missing; default `rutin.db` here). RUTIN_DATABASE_URL=postgres://... names a PostgreSQL database instead
cli-rutin-case-start = Start a case on a routine (the case is pinned to this version of the routine, its organisation file and templates)
cli-rutin-case-start--routine = The routine file
cli-rutin-case-start--id = The case id (letters, digits, `-`, `_`)
cli-rutin-case-start--data = Initial data, as JSON or YAML (`decision_date: 2026-06-19`), or `@file`
cli-rutin-case-start--at = When (YYYY-MM-DD or YYYY-MM-DD HH:MM; default now)
cli-rutin-case-start--role = Show what happened as this role may see it
cli-flag-help = Print help
cli-rutin-case-complete = Complete an open task: by its step, or by the deadline that opened it
cli-rutin-case-complete--id = The case id
cli-rutin-case-complete--task = The task's step (or deadline) id
cli-rutin-case-complete--role = The role doing it
cli-rutin-case-complete--by = Who does it
cli-rutin-case-complete--values = The values recorded, as JSON or YAML, or `@file`
cli-rutin-case-complete--at = When (default now)
cli-rutin-case-deliver = Deliver an external event (a correction, an answer, a notice)
cli-rutin-case-deliver--id = The case id
cli-rutin-case-deliver--event = The event's name
cli-rutin-case-deliver--values = The values it carries, as JSON or YAML, or `@file`
cli-rutin-case-deliver--at = When (default now)
cli-rutin-case-deliver--role = Show what happened as this role may see it
cli-rutin-case-advance = Let time pass: fire every deadline due up to `--to` (default now), for the named cases or all open ones (`rutin tick` does this from the due index, with schedules)
cli-rutin-case-advance--ids = Case ids (default: every open case)
cli-rutin-case-advance--to = Up to when
cli-rutin-case-show = Show a case: its state and timeline, as a role may see it
cli-rutin-case-show--id = The case id
cli-rutin-case-show--role = Show only what this role may see
cli-rutin-case-show--format = Text or JSON
cli-rutin-case-show--format--text = For people
cli-rutin-case-show--format--json = For editors, CI and scripts
cli-rutin-case-history = A case's journal as a timeline, with what became of each message it sent
cli-rutin-case-history--id = The case id
cli-rutin-case-history--role = Show only what this role may see
cli-rutin-case-history--format = Text or JSON
cli-rutin-case-history--format--text = For people
cli-rutin-case-history--format--json = For editors, CI and scripts
cli-rutin-case-list = List the cases in the database
cli-rutin-case-list--format = Text or JSON
cli-rutin-case-list--format--text = For people
cli-rutin-case-list--format--json = For editors, CI and scripts
cli-rutin-case-list--role = Show failures as this role may read them (default: as anyone, explanations withheld)
cli-rutin-case-tasks = Open tasks across cases, for one role or all
cli-rutin-case-tasks--role = Only this role's tasks
cli-rutin-case-report = Run a cross-case schedule (a report) over the stored cases of a routine now and print it (nothing is sent; `rutin tick` runs schedules when they are due and sends them); first lets time pass for those cases up to `--at`, so the report sees them as they are then
cli-rutin-case-report--routine = The routine file
cli-rutin-case-report--schedule = The schedule's id
cli-rutin-case-report--at = When (default now); the routine's open cases are first advanced to it
cli-rutin-case-report--role = Print it as this role may read it: each listed case shows only the fields the role may see too (a report reading a field the role may not see is refused)
cli-rutin-case-report--format = Text or JSON
cli-rutin-case-report--format--text = For people
cli-rutin-case-report--format--json = For editors, CI and scripts
cli-rutin-case-verify = Check every stored case: its journal's hash chain, that it replays on its pinned routine, and that the stored index (open, next due) is what the replay gives
cli-rutin-case-import = Import the cases of an old `.rutin/` folder of JSON case files, with a report (each is pinned to its routine file as it is now, when that still fits)
cli-rutin-case-import--folder = The old store folder (`.rutin`, or its `cases` folder)
cli-rutin-case-import--at = When the import happens (default now)
cli-rutin-case-migrate = Move running cases to another version of their routine (journaled); with `--dry-run` only list which could move and why the others cannot
cli-rutin-case-migrate--to = The routine file of the new version
cli-rutin-case-migrate--dry_run = Only list which cases could move and why the others cannot
cli-rutin-case-migrate--at = When the cases move (default now)
cli-rutin-case-bulk = Starts COUNT cases and completes a task of each, one transaction per command, printing each command once it is committed (for crash and load tests)
cli-rutin-case-bulk--routine = The routine file
cli-rutin-case-bulk--prefix = Case ids are PREFIX-0, PREFIX-1, …
cli-rutin-case-bulk--count = How many cases
cli-rutin-case-bulk--data = Initial data of each case
cli-rutin-case-bulk--step = The task completed in each case (its step id)
cli-rutin-case-bulk--role = The role completing it
cli-rutin-case-bulk--at = When
cli-rutin-lsp = Run the language server (for editors) over standard input and output
cli-rutin-lsp-long = Run the language server over standard input and output, for editors: the diagnostics of `rutin check` as you type (unsaved buffers included), hover on ids and durations, go to definition, find references, completion of step, role, field, group and template ids, quick fixes for "did you mean", and rename. It serves routine files, organisation files and templates; README.md shows the set-up for VS Code, Neovim and Helix.
cli-rutin-lsp-after =
    Examples:
      rutin lsp

    Exit status: 0 when the editor said exit, 2 when the connection broke.
cli-rutin-lsp--stdio = Accepted for clients that always pass it (the server only speaks stdio)
cli-rutin-tick = Fire what is due (deadlines, schedules), then deliver the outbox; once
cli-rutin-tick-long = Fire every deadline due by --now (default now) and run every schedule whose `every:` came round, in time order, then deliver the outbox items due: as .eml files into a folder (--deliver-to-folder) or by SMTP (--smtp). After downtime it catches up without firing anything twice. Prints what it did.
cli-rutin-tick-after =
    Examples:
      rutin tick
      rutin tick --now 2026-07-20 --deliver-to-folder utkorg
      rutin tick --smtp smtp://localhost:25 --from 'Rutin <rutin@kommun.se>' --address alarm_team=larm@kommun.se

    Exit status: 0 done, 1 some case or schedule could not be done (the rest was), 2 usage error or a database that cannot be used.
cli-rutin-tick--now = Fire what is due up to this time (YYYY-MM-DD or YYYY-MM-DD HH:MM; default now)
cli-rutin-tick--deliver_to_folder = Deliver messages as .eml files (one per message, named by Message-ID) into this folder
cli-rutin-tick--smtp = Deliver messages by SMTP: smtp://host:port (no encryption), smtp://host?tls=required (STARTTLS), smtps://user:password@host (TLS)
cli-rutin-tick--from = The sender of every mail
cli-rutin-tick--message_id_domain = The domain of Message-IDs (`<case.seq.0@DOMAIN>`)
cli-rutin-tick--addresses = The mail address of a role or group, as ID=ADDRESS (repeat it; it replaces the organisation file's address)
cli-rutin-tick--address_book = A YAML file of `id: address` lines for roles and groups
cli-rutin-tick--retry = The waits between delivery attempts; after the last, a message has failed for good
cli-rutin-run = `tick` continuously on the wall clock, until SIGTERM or Ctrl-C
cli-rutin-run-long = Run continuously: tick, then sleep until the next deadline, schedule or retry is due (or --poll, whichever is first), and again. For a municipality that keeps one process running. SIGTERM or Ctrl-C stop it cleanly: the tick under way finishes first.
cli-rutin-run-after =
    Examples:
      rutin run --db /var/lib/rutin/rutin.db --smtp smtp://localhost:25 --from rutin@kommun.se --address-book adresser.yaml
      rutin run --deliver-to-folder utkorg --poll 30s

    Exit status: 0 stopped by a signal, 2 usage error or a database that cannot be used.
cli-rutin-run--poll = Look at the database at least this often (like 30s, 5m): other processes may have started cases or added work meanwhile
cli-rutin-run--deliver_to_folder = Deliver messages as .eml files (one per message, named by Message-ID) into this folder
cli-rutin-run--smtp = Deliver messages by SMTP: smtp://host:port (no encryption), smtp://host?tls=required (STARTTLS), smtps://user:password@host (TLS)
cli-rutin-run--from = The sender of every mail
cli-rutin-run--message_id_domain = The domain of Message-IDs (`<case.seq.0@DOMAIN>`)
cli-rutin-run--addresses = The mail address of a role or group, as ID=ADDRESS (repeat it; it replaces the organisation file's address)
cli-rutin-run--address_book = A YAML file of `id: address` lines for roles and groups
cli-rutin-run--retry = The waits between delivery attempts; after the last, a message has failed for good
cli-rutin-outbox = The outbox: messages pending, sent or failed, with attempts, next try and why
cli-rutin-outbox-after =
    Examples:
      rutin outbox
      rutin outbox --status failed
      rutin outbox --deliver --deliver-to-folder utkorg

    Exit status: 0 listed, 2 usage error or a database that cannot be used.
cli-rutin-outbox--status = Only items of this status
cli-rutin-outbox--status--pending = Not delivered yet (perhaps tried, to be tried again)
cli-rutin-outbox--status--sent = Delivered
cli-rutin-outbox--status--failed = Given up
cli-rutin-outbox--format = Text or JSON
cli-rutin-outbox--format--text = For people
cli-rutin-outbox--format--json = For editors, CI and scripts
cli-rutin-outbox--deliver = First deliver the items due (by `--now`, default now)
cli-rutin-outbox--now = The time for `--deliver`
cli-rutin-outbox--deliver_to_folder = Deliver messages as .eml files (one per message, named by Message-ID) into this folder
cli-rutin-outbox--smtp = Deliver messages by SMTP: smtp://host:port (no encryption), smtp://host?tls=required (STARTTLS), smtps://user:password@host (TLS)
cli-rutin-outbox--from = The sender of every mail
cli-rutin-outbox--message_id_domain = The domain of Message-IDs (`<case.seq.0@DOMAIN>`)
cli-rutin-outbox--addresses = The mail address of a role or group, as ID=ADDRESS (repeat it; it replaces the organisation file's address)
cli-rutin-outbox--address_book = A YAML file of `id: address` lines for roles and groups
cli-rutin-outbox--retry = The waits between delivery attempts; after the last, a message has failed for good

# clap's usage errors, worded for languages other than English (in English
# clap's own texts are shown; these are their equivalents).
cli-error-unknown-argument = unexpected argument '{ $arg }' found
cli-error-invalid-subcommand = unrecognized subcommand '{ $command }'
cli-error-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-error-value-required = a value is required for '{ $arg }' but none was supplied
cli-error-missing-arguments = the following required arguments were not provided:
cli-error-missing-subcommand = '{ $command }' requires a subcommand but one was not provided
cli-error-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
cli-error-repeated = the argument '{ $arg }' cannot be used multiple times
cli-error-too-many = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
cli-error-unknown-lang = `{ $lang }` is not a language Rutin speaks: use `sv` (svenska) or `en` (English)
cli-error-similar-subcommands = tip: similar subcommands: { $values }
cli-error-similar-arguments = tip: similar arguments: { $values }
cli-error-similar-values = tip: similar values: { $values }
cli-error-more = For more information, try '{ $flag }'.
cli-note-subcommands = {"["}subcommands: { $values }]
