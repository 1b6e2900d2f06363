//! The `rutin` command: check, simulate and test care routines.
//!
//! Exit codes are fixed: 0 when everything is fine, 1 when problems were
//! found (an invalid routine, a failing scenario), 2 for usage or I/O errors.

mod commands;
mod db;
mod discover;
mod help;
mod input;
mod mail;
mod output;
mod timeline;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

/// Exit code: everything fine.
pub(crate) const OK: u8 = 0;
/// Exit code: problems found (invalid routine, failed scenario).
pub(crate) const PROBLEMS: u8 = 1;
/// Exit code: usage or I/O error.
pub(crate) const USAGE: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "rutin",
    version,
    about = "Check, simulate and test care routines written in YAML",
    long_about = "Rutin makes a municipality's written care routines executable.\n\
                  Routines are YAML files under workflows/, message texts are templates under templates/.",
    after_help = "Examples:\n  rutin check\n  rutin check workflows/kommun_000/installation.yaml --format json"
)]
struct Cli {
    /// The language of what Rutin prints: `sv` (svenska) or `en` (English).
    /// Without it, the locale decides (`LC_ALL`, `LC_MESSAGES`, `LANG`): Swedish for `sv_*`, else English.
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<rutin::i18n::Lang>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check routines and templates and report every problem at once.
    #[command(
        after_help = "Examples:\n  rutin check\n  rutin check workflows/kommun_000\n  rutin check workflows/kommun_000/installation.yaml --format json\n\nExit status: 0 valid, 1 problems found, 2 usage or I/O error."
    )]
    Check(commands::check::Args),
    /// Draw a routine as a picture: DOT, Mermaid or SVG.
    #[command(
        long_about = "Draw a routine as a picture: DOT (Graphviz), Mermaid or SVG.\n\n\
                      Steps are nodes labelled with their title and id, shaped and coloured by kind; \
                      tasks are grouped by role. Solid edges are routes, labelled with their condition \
                      (`annars` for the default). Dashed edges are deadlines and escalations, labelled \
                      with their id and duration: to the step a deadline jumps to, or to a note saying \
                      which message it sends or which task it opens. Case deadlines leave from the start node.",
        after_help = "Examples:\n  rutin graph workflows/kommun_000/installation.yaml > installation.dot\n  dot -Tpng installation.dot -o installation.png       (with Graphviz installed)\n  rutin graph workflows/kommun_000/installation.yaml --format svg --output installation.svg\n  rutin graph workflows/kommun_000/installation.yaml --format mermaid\n\nExit status: 0 drawn, 1 the routine has errors (shown as by `rutin check`), 2 usage or I/O error."
    )]
    Graph(commands::graph::Args),
    /// What changed between two versions of a routine, and which running cases it concerns.
    #[command(
        long_about = "What changed between two versions of a routine, in the process owner's terms: steps \
                      added, removed or moved (now after other steps), who does a task, who gets a message, \
                      deadlines, fields and who may see them, and each changed template as a line diff. \
                      With --db, the running cases of the routine and whether each could move to the new \
                      version (as `rutin case migrate --dry-run`; nothing is changed).",
        after_help = "Examples:\n  rutin diff old/extension.yaml workflows/kommun_000/extension.yaml\n  rutin diff old/extension.yaml workflows/kommun_000/extension.yaml --format json\n  rutin diff old/extension.yaml workflows/kommun_000/extension.yaml --db rutin.db\n\nExit status: 0 compared, 1 a routine has errors or a case could not be judged, 2 usage or I/O error."
    )]
    Diff(commands::diff::Args),
    /// Write the routine book: the routine as a document to publish (HTML or Markdown).
    #[command(
        long_about = "Write the routine book: the routine as the document a municipality publishes, in Swedish.\n\n\
                      The header (who decided, when, what it replaces), roles and responsibilities, the procedure \
                      phase by phase as numbered steps, every deadline and message in words, the local choices, \
                      the clause trace and the diagram. HTML is one self-contained page that prints on A4.",
        after_help = "Examples:\n  rutin book workflows/kommun_000/installation.yaml --output installation.html\n  rutin book workflows/kommun_000/installation.yaml --format md --output installation.md\n  rutin book workflows --output books\n\nExit status: 0 written, 1 a routine has errors (shown as by `rutin check`), 2 usage or I/O error."
    )]
    Book(commands::book::Args),
    /// Print the JSON Schema of routine files, for editor completion and checking.
    #[command(
        long_about = "Print the JSON Schema (draft-07) of routine files, or with --organisation of organisation files.\n\n\
                      With VS Code's YAML extension, the first line\n  \
                      # yaml-language-server: $schema=../../schema/routine.schema.json\n\
                      in a routine file turns on completion and checking of its keys.",
        after_help = "Examples:\n  rutin schema\n  rutin schema --output schema/routine.schema.json\n  rutin schema --organisation --output schema/organisation.schema.json\n\nExit status: 0 written, 2 usage or I/O error."
    )]
    Schema(commands::schema::Args),
    /// Run one case from start to finish on a virtual clock and print its timeline.
    #[command(
        long_about = "Run one case from start to finish on a virtual clock and print a readable timeline: \
                      date, step, role, what happened, each deadline armed or fired, each message in full \
                      with its recipients.\n\n\
                      Without --scenario the case follows the routine by itself: it starts with the example \
                      values of the fields no task records; open tasks are done one at a time, a working day \
                      apart, recording example values (dates recorded are the simulated day); an awaited \
                      event arrives a working day later; otherwise the clock moves to the next deadline.\n\n\
                      With --scenario the routine is the scenario's `routine:` (ROUTINE may be left out; \
                      when given, it must be that file). With --interactive each open task asks how many days \
                      pass (0 to 365) and the values to record; a refused value asks again.",
        after_help = "Examples:\n  rutin simulate workflows/kommun_000/installation.yaml\n  rutin simulate workflows/kommun_003/not_executed.yaml --start 2026-06-01\n  rutin simulate workflows/kommun_000/installation.yaml --as night_patrol\n  rutin simulate --scenario tests/scenarios/kommun_000/installation_happy.yaml\n  rutin simulate workflows/kommun_000/installation.yaml --interactive\n  rutin simulate workflows/kommun_000/installation.yaml --format json > journal.json\n\nExit status: 0 simulated, 1 the routine has errors or the case was refused, 2 usage or I/O error \
(also: ROUTINE is not the scenario's routine, input ended before an interactive case finished)."
    )]
    Simulate(commands::simulate::Args),
    /// Run scenario files and report which pass.
    #[command(
        long_about = "Run scenario files (docs/SCENARIOS.md): scripted cases with expectations. \
                      One line per scenario; a failure shows expected against actual; the last line is \
                      `N passed, N failed`. Before a scenario runs, every step, deadline, template, role \
                      and error code it names is checked against its routine; an unknown one fails it.",
        after_help = "Examples:\n  rutin test\n  rutin test tests/scenarios/kommun_003\n  rutin test tests/scenarios/kommun_000/installation_happy.yaml\n\nExit status: 0 all passed, 1 a scenario failed, 2 usage or I/O error \
(a scenario file that cannot be read or is not a scenario, or whose routine file is missing: shown as FAIL too)."
    )]
    Test(commands::test::Args),
    /// Operate real cases in the database: start, complete, deliver, advance, show, history...
    #[command(
        long_about = "Operate real cases in the database: an SQLite file (--db FILE, default `rutin.db` in the \
                      current folder; created when missing) or RUTIN_DATABASE_URL=postgres://... . Each command \
                      that changes a case is one transaction: it loads the case, runs one command on the routine \
                      version the case is pinned to (stored in the database when the case started: editing \
                      workflows/ never stops a running case) and commits only if nobody changed the case \
                      meanwhile. A refused command, or one that lost to another at the same moment, changes \
                      nothing. Messages go to the outbox; `rutin tick` or `rutin run` deliver them.",
        after_help = "Examples:\n  rutin case start workflows/kommun_000/installation.yaml --id K-2026-017 \\\n    --data '{decision_date: 2026-06-19, client_name: Anna Andersson,\n             client_address: Storgatan 1, home_care_group: norra}'\n  rutin case tasks --as alarm_team\n  rutin case complete K-2026-017 check_order --as alarm_team --by Lisa --values 'order_ok: true'\n  rutin case deliver K-2026-017 order_corrected --values '{\"correction_note\": \"Rättad\"}'\n  rutin case show K-2026-017 --as night_patrol\n  rutin case history K-2026-017\n  rutin case list\n  rutin case verify\n  rutin case report workflows/kommun_003/not_executed.yaml monthly_not_executed\n\nExit status: 0 done, 1 refused (wrong role, missing field, unknown case, someone else changed the case meanwhile...), \
2 usage error (an unknown role...), a damaged case or a database that cannot be used."
    )]
    Case(commands::case::Args),
    /// Run the language server (for editors) over standard input and output.
    #[command(
        long_about = "Run the language server over standard input and output, for editors: the diagnostics of \
                      `rutin check` as you type (unsaved buffers included), hover on ids and durations, go to \
                      definition, find references, completion of step, role, field, group and template ids, \
                      quick fixes for \"did you mean\", and rename. It serves routine files, organisation files \
                      and templates; README.md shows the set-up for VS Code, Neovim and Helix.",
        after_help = "Examples:\n  rutin lsp\n\nExit status: 0 when the editor said exit, 2 when the connection broke."
    )]
    Lsp(commands::lsp::Args),
    /// Fire what is due (deadlines, schedules), then deliver the outbox; once.
    #[command(
        long_about = "Fire every deadline due by --now (default now) and run every schedule whose `every:` came \
                      round, in time order, then deliver the outbox items due: as .eml files into a folder \
                      (--deliver-to-folder) or by SMTP (--smtp). After downtime it catches up without firing \
                      anything twice. Prints what it did.",
        after_help = "Examples:\n  rutin tick\n  rutin tick --now 2026-07-20 --deliver-to-folder utkorg\n  rutin tick --smtp smtp://localhost:25 --from 'Rutin <rutin@kommun.se>' --address alarm_team=larm@kommun.se\n\nExit status: 0 done, 1 some case or schedule could not be done (the rest was), 2 usage error or a database that cannot be used."
    )]
    Tick(commands::tick::Args),
    /// `tick` continuously on the wall clock, until SIGTERM or Ctrl-C.
    #[command(
        long_about = "Run continuously: tick, then sleep until the next deadline, schedule or retry is due (or \
                      --poll, whichever is first), and again. For a municipality that keeps one process \
                      running. SIGTERM or Ctrl-C stop it cleanly: the tick under way finishes first.",
        after_help = "Examples:\n  rutin run --db /var/lib/rutin/rutin.db --smtp smtp://localhost:25 --from rutin@kommun.se --address-book adresser.yaml\n  rutin run --deliver-to-folder utkorg --poll 30s\n\nExit status: 0 stopped by a signal, 2 usage error or a database that cannot be used."
    )]
    Run(commands::run::Args),
    /// The outbox: messages pending, sent or failed, with attempts, next try and why.
    #[command(
        after_help = "Examples:\n  rutin outbox\n  rutin outbox --status failed\n  rutin outbox --deliver --deliver-to-folder utkorg\n\nExit status: 0 listed, 2 usage error or a database that cannot be used."
    )]
    Outbox(commands::outbox::Args),
}

/// Quietly stops when the reader of our output goes away (`rutin ... | head`):
/// `println!` panics on a closed pipe, and that is no error of the user's.
fn exit_quietly_on_closed_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or_default();
        if message.contains("Broken pipe") {
            std::process::exit(i32::from(OK));
        }
        default(info);
    }));
}

/// The language asked for on the command line (`--lang sv`, `--lang=sv`),
/// read before clap so that `--help` is in it too.
fn requested_lang(args: &[std::ffi::OsString]) -> Option<rutin::i18n::Lang> {
    let args: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
    let value = args.iter().enumerate().find_map(|(i, arg)| match *arg {
        "--lang" => args.get(i + 1).copied(),
        _ => arg.strip_prefix("--lang="),
    })?;
    value.parse().ok()
}

/// The arguments parsed by the command tree in `lang`.
fn parse(args: Vec<std::ffi::OsString>, lang: rutin::i18n::Lang) -> Result<Cli, clap::Error> {
    let matches = help::localized(Cli::command(), lang).try_get_matches_from(args)?;
    Cli::from_arg_matches(&matches)
}

fn main() -> ExitCode {
    exit_quietly_on_closed_pipe();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = requested_lang(&args).unwrap_or_else(rutin::i18n::Lang::from_env);
    let cli = match parse(args, lang) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { USAGE } else { OK };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    output::set_lang(cli.lang.unwrap_or(lang));
    let code = match cli.command {
        Command::Check(args) => commands::check::run(&args),
        Command::Graph(args) => commands::graph::run(&args),
        Command::Diff(args) => match commands::diff::run(&args) {
            Ok(code) => code,
            Err(failure) => {
                eprintln!(
                    "{}",
                    output::text("error-line", &[("message", failure.message.into())])
                );
                failure.code
            }
        },
        Command::Book(args) => commands::book::run(&args),
        Command::Schema(args) => commands::schema::run(&args),
        Command::Simulate(args) => commands::simulate::run(&args),
        Command::Test(args) => commands::test::run(&args),
        Command::Case(args) => commands::case::run(&args),
        Command::Lsp(args) => commands::lsp::run(&args),
        Command::Tick(args) => commands::tick::run(&args),
        Command::Run(args) => commands::run::run(&args),
        Command::Outbox(args) => commands::outbox::run(&args),
    };
    ExitCode::from(code)
}
