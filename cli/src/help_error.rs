//! clap's usage errors in the chosen language (`engine/i18n/<lang>/cli.ftl`,
//! `cli-error-*`): the same parts as clap's own rendering (what was wrong,
//! the values or commands there are, a suggestion, the usage line, where to
//! read more), worded from the error's context. English, and a kind of
//! error this does not know, are left to clap.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use rutin::i18n::{text, Arg, Lang, UnknownLang};

/// The error as it is shown in `lang`, or `None` for clap to show it.
pub(crate) fn error_in(error: &clap::Error, lang: Lang) -> Option<String> {
    if lang == Lang::En {
        return None;
    }
    let what = what(error, lang)?;
    let mut out = text(lang, "error-line", &[("message", what.into())]);
    out.push_str(&suggestions(error, lang));
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let line = usage.strip_prefix("Usage:").unwrap_or(&usage).trim();
        let heading = text(lang, "cli-heading-usage", &[]);
        out.push_str(&format!("\n\n{heading} {line}"));
    }
    let more = text(lang, "cli-error-more", &[("flag", "--help".into())]);
    Some(format!("{out}\n\n{more}\n"))
}

/// A context value as one text.
fn value(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(text) => Some(text.clone()),
        ContextValue::Strings(texts) => Some(texts.join(", ")),
        other => Some(other.to_string()),
    }
}

/// A list of values quoted as clap quotes them: `'a', 'b'`.
fn quoted(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::Strings(texts) => Some(
            texts
                .iter()
                .map(|t| format!("'{t}'"))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::String(text) => Some(format!("'{text}'")),
        _ => None,
    }
}

fn say(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> Option<String> {
    Some(text(lang, id, args))
}

/// What was wrong, in `lang`; `None` for a kind this does not word.
fn what(error: &clap::Error, lang: Lang) -> Option<String> {
    let arg = || value(error, ContextKind::InvalidArg);
    let given = || value(error, ContextKind::InvalidValue);
    let listed = |kind, note: &str| {
        value(error, kind).map_or_else(String::new, |values| {
            format!("\n  {}", text(lang, note, &[("values", values.into())]))
        })
    };
    match error.kind() {
        ErrorKind::UnknownArgument => say(
            lang,
            "cli-error-unknown-argument",
            &[("arg", arg()?.into())],
        ),
        ErrorKind::InvalidSubcommand => {
            let command = value(error, ContextKind::InvalidSubcommand)?;
            say(
                lang,
                "cli-error-invalid-subcommand",
                &[("command", command.into())],
            )
        }
        ErrorKind::InvalidValue => {
            let (arg, given) = (arg()?, given()?);
            let what = match given.is_empty() {
                true => text(lang, "cli-error-value-required", &[("arg", arg.into())]),
                false => text(
                    lang,
                    "cli-error-invalid-value",
                    &[("value", given.into()), ("arg", arg.into())],
                ),
            };
            Some(what + &listed(ContextKind::ValidValue, "cli-note-values"))
        }
        ErrorKind::ValueValidation => {
            let (arg, given) = (arg()?, given()?);
            let what = text(
                lang,
                "cli-error-invalid-value",
                &[("value", given.into()), ("arg", arg.into())],
            );
            Some(match std::error::Error::source(error) {
                Some(source) => format!("{what}: {}", source_in(source, lang)),
                None => what,
            })
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = match error.get(ContextKind::InvalidArg)? {
                ContextValue::Strings(args) => args.join("\n  "),
                _ => return None,
            };
            Some(format!(
                "{}\n  {missing}",
                text(lang, "cli-error-missing-arguments", &[])
            ))
        }
        ErrorKind::MissingSubcommand => {
            let command = value(error, ContextKind::InvalidSubcommand)?;
            let what = text(
                lang,
                "cli-error-missing-subcommand",
                &[("command", command.into())],
            );
            Some(what + &listed(ContextKind::ValidSubcommand, "cli-note-subcommands"))
        }
        ErrorKind::ArgumentConflict => {
            let arg = arg()?;
            match value(error, ContextKind::PriorArg) {
                Some(prior) if prior == arg => {
                    say(lang, "cli-error-repeated", &[("arg", arg.into())])
                }
                Some(prior) => say(
                    lang,
                    "cli-error-conflict",
                    &[("arg", arg.into()), ("other", prior.into())],
                ),
                None => None,
            }
        }
        ErrorKind::TooManyValues => say(
            lang,
            "cli-error-too-many",
            &[("value", given()?.into()), ("arg", arg()?.into())],
        ),
        _ => None,
    }
}

/// Why a value was refused: the language Rutin does not speak in `lang`,
/// anything else as its parser says it.
fn source_in(source: &(dyn std::error::Error + 'static), lang: Lang) -> String {
    match source.downcast_ref::<UnknownLang>() {
        Some(UnknownLang(given)) => text(lang, "cli-error-unknown-lang", &[("lang", given.into())]),
        None => source.to_string(),
    }
}

/// `tips: ...` lines for the subcommands, arguments or values clap suggests.
fn suggestions(error: &clap::Error, lang: Lang) -> String {
    let kinds = [
        (
            ContextKind::SuggestedSubcommand,
            "cli-error-similar-subcommands",
        ),
        (ContextKind::SuggestedArg, "cli-error-similar-arguments"),
        (ContextKind::SuggestedValue, "cli-error-similar-values"),
    ];
    let mut out = String::new();
    for (kind, id) in kinds {
        if let Some(values) = quoted(error, kind) {
            out.push_str(&format!(
                "\n\n  {}",
                text(lang, id, &[("values", values.into())])
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    fn error(args: &[&str]) -> clap::Error {
        let cmd = crate::help::localized(crate::Cli::command(), Lang::Sv);
        cmd.try_get_matches_from(args).expect_err("a usage error")
    }

    #[test]
    fn usage_errors_are_worded_in_swedish() {
        let cases: [(&[&str], &str); 5] = [
            (&["rutin", "chek"], "okänt underkommando 'chek'"),
            (&["rutin", "check", "--bogus"], "oväntat argument '--bogus'"),
            (
                &["rutin", "check", "--format", "xml"],
                "ogiltigt värde 'xml' för '--format <FORMAT>'",
            ),
            (
                &["rutin", "--lang", "fi", "check"],
                "`fi` är inget språk som Rutin talar",
            ),
            (
                &["rutin", "--lang", "sv"],
                "'rutin' behöver ett underkommando",
            ),
        ];
        for (args, words) in cases {
            let shown = error_in(&error(args), Lang::Sv).expect("worded in Swedish");
            assert!(shown.starts_with("fel: "), "{shown}");
            assert!(shown.contains(words), "{words}: {shown}");
            assert!(
                shown.contains("Mer information får du med '--help'."),
                "{shown}"
            );
            for english in ["error:", "Usage:", "For more information", "tip:"] {
                assert!(!shown.contains(english), "{english}: {shown}");
            }
        }
    }

    #[test]
    fn english_is_left_to_clap() {
        assert_eq!(error_in(&error(&["rutin", "chek"]), Lang::En), None);
    }
}
