//! Output conventions shared by the commands: colour only on a terminal
//! (and never with NO_COLOR), text or JSON.

use std::io::IsTerminal;
use std::sync::OnceLock;

use rutin::i18n::Lang;

static LANG: OnceLock<Lang> = OnceLock::new();

/// Chooses the language of everything this process prints (once, from `--lang` or the locale).
pub(crate) fn set_lang(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The language of what this process prints: English until [`set_lang`] is called.
pub(crate) fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// A message of the catalogues in the chosen language, with its values.
pub(crate) fn text(id: &str, args: &[(&str, rutin::i18n::Arg<'_>)]) -> String {
    rutin::i18n::text(lang(), id, args)
}

/// A failure on one line (`error: …`) in the chosen language.
pub(crate) fn error_line(message: &str) -> String {
    text("error-line", &[("message", message.into())])
}

/// What the command line could not do with `path`: `id` is one of the
/// `out-*` messages of `common.ftl`, `reason` the system's own words.
pub(crate) fn io_text(id: &str, path: &std::path::Path, reason: &dyn std::fmt::Display) -> String {
    text(
        id,
        &[
            ("path", path.display().to_string().into()),
            ("reason", reason.to_string().into()),
        ],
    )
}

/// How a command prints what it found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub(crate) enum Format {
    /// For people.
    #[default]
    Text,
    /// For editors, CI and scripts.
    Json,
}

/// Whether stderr should get colour.
pub(crate) fn stderr_color() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal()
}

/// Text from a case or a routine made safe for a terminal: control
/// characters (C0 except newline and tab, DEL, C1) are written as `\x1b` or
/// `\u{9b}`, so that a value cannot move the cursor, clear the screen or
/// hide what follows. Every path that prints case data goes through here.
pub(crate) fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    let control = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.chars().any(control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match u32::from(c) {
            _ if !control(c) => out.push(c),
            code @ 0..=0x7f => out.push_str(&format!("\\x{code:02x}")),
            code => out.push_str(&format!("\\u{{{code:x}}}")),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// `print!` through [`escape`]: command modules import it in place of the
/// standard one (`use crate::output::{print, println, eprintln};`), so that
/// nothing they write can carry a raw control character.
macro_rules! print {
    ($($arg:tt)*) => {
        ::std::print!("{}", $crate::output::escape(&::std::format!($($arg)*)))
    };
}

/// `println!` through [`escape`] (see [`print`]).
macro_rules! println {
    () => { ::std::println!() };
    ($($arg:tt)*) => {
        ::std::println!("{}", $crate::output::escape(&::std::format!($($arg)*)))
    };
}

/// `eprintln!` through [`escape`] (see [`print`]).
macro_rules! eprintln {
    ($($arg:tt)*) => {
        ::std::eprintln!("{}", $crate::output::escape(&::std::format!($($arg)*)))
    };
}

pub(crate) use {eprintln, print, println};

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn control_characters_are_written_out() {
        assert_eq!(escape("Anna\u{1b}[2J"), "Anna\\x1b[2J");
        assert_eq!(escape("a\rb\u{7f}\u{9b}c"), "a\\x0db\\x7f\\u{9b}c");
        assert_eq!(escape("rad 1\n\tindrag"), "rad 1\n\tindrag");
        assert_eq!(escape("Åsa Öberg – 3 juni"), "Åsa Öberg – 3 juni");
    }
}
