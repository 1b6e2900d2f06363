//! `--help` in the chosen language.
//!
//! The English texts are the doc comments and `#[command(...)]` attributes
//! clap reads; `engine/i18n/{sv,en}/cli.ftl` holds every one of them keyed
//! by its place in the command tree (`cli-rutin-case-start`,
//! `cli-rutin-check--paths`; [`texts`] lists the keys), English equal to the
//! built-in text (a test keeps them so). For another language the tree is
//! walked and every text replaced, with clap's own words too: the headings
//! (through a help template), the help and version flags, the `help`
//! command, `[default: …]`, `[env: …]` and the possible values.

use clap::builder::{PossibleValue, StyledStr};
use clap::{Arg, Command};
use rutin::i18n::{has_message, text, Lang};

/// Which text of a command or argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// A command's `about` or an argument's `help`.
    Short,
    /// `long_about` / `long_help`.
    Long,
    /// A command's `after_help` (examples, exit status).
    After,
}

impl Part {
    fn suffix(self) -> &'static str {
        match self {
            Part::Short => "",
            Part::Long => "-long",
            Part::After => "-after",
        }
    }
}

/// The catalogue key of a command's text (`path`: `rutin-case-start`).
pub(crate) fn command_key(path: &str, part: Part) -> String {
    format!("cli-{path}{}", part.suffix())
}

/// The catalogue key of an argument's text: global arguments (`--lang`,
/// `--db`) and clap's own flags share one text wherever they appear.
pub(crate) fn arg_key(path: &str, arg: &Arg, part: Part) -> String {
    let id = arg.get_id().as_str();
    match id {
        "help" if arg.get_long_help().is_some() => format!("cli-flag-help-more{}", part.suffix()),
        "help" | "version" => format!("cli-flag-{id}{}", part.suffix()),
        _ if arg.is_global_set() => format!("cli-global--{id}{}", part.suffix()),
        _ => format!("cli-{path}--{id}{}", part.suffix()),
    }
}

/// The command `cmd` (its tree built) with every text in `lang`; in English
/// it is left as it is.
pub(crate) fn localized(mut cmd: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    cmd.build();
    let name = cmd.get_name().to_string();
    walk(cmd, &name, lang)
}

fn walk(cmd: Command, path: &str, lang: Lang) -> Command {
    let mut cmd = command_texts(cmd, path, lang).mut_args(|arg| arg_texts(arg, path, lang));
    let template = template(&cmd, lang);
    let usage = usage(&mut cmd, lang);
    let cmd = cmd.help_template(template).override_usage(usage);
    let cmd = match cmd.find_subcommand("help").is_some() {
        true => cmd.mut_subcommand("help", |help| help_command(help, lang)),
        false => cmd,
    };
    cmd.mut_subcommands(|sub| match sub.get_name() {
        "help" => sub,
        name => {
            let path = format!("{path}-{name}");
            walk(sub, &path, lang)
        }
    })
}

/// A catalogue text, if the catalogue has it.
fn catalogued(lang: Lang, key: &str) -> Option<String> {
    has_message(lang, key).then(|| text(lang, key, &[]))
}

fn command_texts(mut cmd: Command, path: &str, lang: Lang) -> Command {
    if let Some(about) = catalogued(lang, &command_key(path, Part::Short)) {
        cmd = cmd.about(about);
    }
    if let Some(long) = catalogued(lang, &command_key(path, Part::Long)) {
        cmd = cmd.long_about(long);
    }
    if let Some(after) = catalogued(lang, &command_key(path, Part::After)) {
        cmd = cmd.after_help(after);
    }
    cmd
}

fn arg_texts(arg: Arg, path: &str, lang: Lang) -> Arg {
    let short = catalogued(lang, &arg_key(path, &arg, Part::Short));
    let long = catalogued(lang, &arg_key(path, &arg, Part::Long));
    let values = value_list(path, &arg, lang);
    let notes = notes(&arg, lang, values.is_none());
    let long_notes = match notes.is_empty() {
        true => String::new(),
        false => format!("\n\n{}", notes.join("\n")),
    };
    let long = match (&long, &values) {
        (Some(long), _) => Some(long.clone()),
        (None, Some(_)) => short.clone(),
        (None, None) => None,
    }
    .map(|help| format!("{help}{long_notes}{}", values.unwrap_or_default()));
    let short = short.map(|help| {
        [help]
            .into_iter()
            .chain(notes)
            .collect::<Vec<_>>()
            .join(" ")
    });
    let mut arg = arg
        .hide_default_value(true)
        .hide_possible_values(true)
        .hide_env(true);
    if let Some(short) = short {
        arg = arg.help(short);
    }
    if let Some(long) = long {
        arg = arg.long_help(long);
    }
    arg
}

/// `[standard: …]`, `[möjliga värden: …]` (unless `with_values` is false),
/// `[miljövariabel: …]`: what clap adds to an argument's help, in `lang`.
fn notes(arg: &Arg, lang: Lang, with_values: bool) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(env) = arg.get_env().filter(|_| !arg.is_hide_env_set()) {
        let name = env.to_string_lossy().into_owned();
        notes.push(text(lang, "cli-note-env", &[("name", name.into())]));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let takes_values = arg.get_action().takes_values();
    if takes_values && !defaults.is_empty() && !arg.is_hide_default_value_set() {
        let value = defaults.join(" ");
        notes.push(text(lang, "cli-note-default", &[("value", value.into())]));
    }
    let values = shown_values(arg);
    if with_values && !values.is_empty() && !arg.is_hide_possible_values_set() {
        let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
        let list = names.join(", ");
        notes.push(text(lang, "cli-note-values", &[("values", list.into())]));
    }
    notes
}

fn shown_values(arg: &Arg) -> Vec<PossibleValue> {
    if !arg.get_action().takes_values() {
        return Vec::new();
    }
    arg.get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect()
}

/// The possible values with their help, for the long help (as clap lists
/// them when a value has help), or nothing.
fn value_list(path: &str, arg: &Arg, lang: Lang) -> Option<String> {
    let values = shown_values(arg);
    if arg.is_hide_possible_values_set() || !values.iter().any(|v| v.get_help().is_some()) {
        return None;
    }
    let mut list = format!("\n\n{}", text(lang, "cli-heading-values", &[]));
    for value in &values {
        let help = value.get_help().map(|h| {
            catalogued(lang, &value_key(path, arg, value)).unwrap_or_else(|| h.to_string())
        });
        match help {
            Some(help) => list += &format!("\n  - {}: {help}", value.get_name()),
            None => list += &format!("\n  - {}", value.get_name()),
        }
    }
    Some(list)
}

/// The catalogue key of a possible value's help (`cli-rutin-check--format--json`).
pub(crate) fn value_key(path: &str, arg: &Arg, value: &PossibleValue) -> String {
    format!("cli-{path}--{}--{}", arg.get_id(), value.get_name())
}

/// The help template: clap's default with the headings in `lang`.
fn template(cmd: &Command, lang: Lang) -> StyledStr {
    let header = cmd.get_styles().get_header();
    let heading = |id: &str| format!("{header}{}{header:#}", text(lang, id, &[]));
    let mut sections = Vec::new();
    if cmd.has_subcommands() {
        sections.push(format!(
            "{}\n{{subcommands}}",
            heading("cli-heading-commands")
        ));
    }
    let shown = |a: &&Arg| !a.is_hide_set();
    if cmd.get_positionals().any(|a| shown(&a)) {
        sections.push(format!(
            "{}\n{{positionals}}",
            heading("cli-heading-arguments")
        ));
    }
    if cmd.get_arguments().any(|a| !a.is_positional() && shown(&a)) {
        sections.push(format!("{}\n{{options}}", heading("cli-heading-options")));
    }
    let usage = cmd.get_styles().get_usage();
    let usage_heading = format!("{usage}{}{usage:#}", text(lang, "cli-heading-usage", &[]));
    let body = match sections.is_empty() {
        true => String::new(),
        false => format!("\n\n{}", sections.join("\n\n")),
    };
    StyledStr::from(format!(
        "{{before-help}}{{about-with-newline}}\n{usage_heading} {{usage}}{body}{{after-help}}"
    ))
}

/// The usage line clap makes, its placeholders in `lang`.
fn usage(cmd: &mut Command, lang: Lang) -> String {
    let rendered = cmd.render_usage().to_string();
    let line = rendered
        .strip_prefix("Usage: ")
        .unwrap_or(&rendered)
        .to_string();
    line.replace("[OPTIONS]", &text(lang, "cli-usage-options", &[]))
        .replace("<COMMAND>", &text(lang, "cli-usage-command", &[]))
}

/// clap's `help` command, in `lang`.
fn help_command(help: Command, lang: Lang) -> Command {
    let template = template(&help, lang);
    help.about(text(lang, "cli-help-command", &[]))
        .help_template(template)
        .mut_args(|arg| match arg.get_id().as_str() {
            "subcommand" => arg.help(text(lang, "cli-help-command--subcommand", &[])),
            _ => arg,
        })
}

/// Every text of the tree in English, with its key: commands, arguments and
/// possible values, as clap has them.
#[cfg(test)]
pub(crate) fn texts(cmd: &mut Command) -> Vec<(String, String)> {
    cmd.build();
    let mut out = Vec::new();
    collect(cmd, cmd.get_name(), &mut out);
    out
}

#[cfg(test)]
fn collect(cmd: &Command, path: &str, out: &mut Vec<(String, String)>) {
    let parts = [
        (Part::Short, cmd.get_about()),
        (Part::Long, cmd.get_long_about()),
        (Part::After, cmd.get_after_help()),
    ];
    for (part, text) in parts {
        if let Some(text) = text {
            out.push((command_key(path, part), text.to_string()));
        }
    }
    for arg in cmd.get_arguments() {
        let parts = [
            (Part::Short, arg.get_help()),
            (Part::Long, arg.get_long_help()),
        ];
        for (part, text) in parts {
            if let Some(text) = text {
                out.push((arg_key(path, arg, part), text.to_string()));
            }
        }
        for value in shown_values(arg) {
            if let Some(help) = value.get_help() {
                out.push((value_key(path, arg, &value), help.to_string()));
            }
        }
    }
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        collect(sub, &format!("{path}-{}", sub.get_name()), out);
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn every_text_of_the_command_tree_is_in_both_languages_english_as_clap_has_it() {
        let all = texts(&mut crate::Cli::command());
        assert!(all.len() > 100, "{} texts", all.len());
        for (key, english) in all {
            for lang in Lang::ALL {
                assert!(
                    has_message(lang, &key),
                    "`{key}` is missing in {lang}/cli.ftl"
                );
            }
            assert_eq!(text(Lang::En, &key, &[]), english, "en/cli.ftl `{key}`");
            assert_ne!(
                text(Lang::Sv, &key, &[]),
                english,
                "sv/cli.ftl `{key}` is English"
            );
        }
    }

    #[test]
    fn in_swedish_every_command_and_argument_has_its_swedish_text() {
        let mut swedish = localized(crate::Cli::command(), Lang::Sv);
        let check = swedish.find_subcommand_mut("check").expect("rutin check");
        let about = check.get_about().map(ToString::to_string);
        assert_eq!(about, Some(text(Lang::Sv, "cli-rutin-check", &[])));
        let help = check.render_long_help().to_string();
        assert!(
            help.starts_with(&text(Lang::Sv, "cli-rutin-check", &[])),
            "{help}"
        );
        assert!(
            help.contains("Flaggor:") && help.contains("[standard: text]"),
            "{help}"
        );
        assert!(
            !help.contains("Options:") && !help.contains("Print help"),
            "{help}"
        );
    }

    #[test]
    fn english_is_left_as_clap_has_it() {
        let mut english = localized(crate::Cli::command(), Lang::En);
        let mut plain = crate::Cli::command();
        assert_eq!(
            english.render_long_help().to_string(),
            plain.render_long_help().to_string()
        );
    }
}
