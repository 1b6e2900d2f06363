use std::fmt;
use std::str::FromStr;

/// A language Rutin speaks.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Swedish (`sv`).
    Sv,
    /// English (`en`), the fallback.
    #[default]
    En,
}

/// The environment variables that choose a language, in POSIX order of precedence.
const LOCALE_VARS: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

impl Lang {
    /// Every language, in the order catalogues are listed.
    pub const ALL: [Lang; 2] = [Lang::Sv, Lang::En];

    /// The language's short code: `sv` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// The language of the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`):
    /// Swedish for a `sv` locale (`sv_SE.UTF-8`), English for anything else.
    pub fn from_env() -> Lang {
        Lang::from_vars(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] over any source of variables (for tests and embedders).
    /// The first variable that is set and not empty decides, as POSIX says.
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
        LOCALE_VARS
            .iter()
            .filter_map(|name| var(name))
            .find(|value| !value.is_empty())
            .and_then(|value| value.parse().ok())
            .unwrap_or_default()
    }

    /// The language tag used for plural rules.
    pub(crate) fn langid(self) -> unic_langid::LanguageIdentifier {
        match self {
            Lang::Sv => unic_langid::langid!("sv-SE"),
            Lang::En => unic_langid::langid!("en-GB"),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language name Rutin does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a language Rutin speaks: use `sv` (svenska) or `en` (English)")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;

    /// Reads `sv`, `en`, or a locale such as `sv_SE.UTF-8`, `sv-SE` or `en_US`.
    fn from_str(text: &str) -> Result<Lang, UnknownLang> {
        let language = text
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match language.as_str() {
            "sv" | "svenska" | "swedish" => Ok(Lang::Sv),
            "en" | "english" => Ok(Lang::En),
            _ => Err(UnknownLang(text.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.to_string())
        }
    }

    #[test]
    fn locales_are_read() {
        assert_eq!("sv_SE.UTF-8".parse(), Ok(Lang::Sv));
        assert_eq!("sv-SE".parse(), Ok(Lang::Sv));
        assert_eq!("en_US.UTF-8".parse(), Ok(Lang::En));
        assert_eq!("EN".parse(), Ok(Lang::En));
        assert!("de_DE".parse::<Lang>().is_err());
        assert!("C".parse::<Lang>().is_err());
    }

    #[test]
    fn the_first_set_variable_decides_in_posix_order() {
        assert_eq!(Lang::from_vars(env(&[("LANG", "sv_SE.UTF-8")])), Lang::Sv);
        assert_eq!(
            Lang::from_vars(env(&[("LANG", "sv_SE.UTF-8"), ("LC_ALL", "en_GB.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_vars(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "sv_SE"),
                ("LANG", "en_US")
            ])),
            Lang::Sv
        );
        assert_eq!(Lang::from_vars(env(&[("LANG", "C.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_vars(env(&[])), Lang::En);
    }

    #[test]
    fn an_unknown_language_says_which_ones_there_are() {
        let error = "fi".parse::<Lang>().unwrap_err().to_string();
        assert!(error.contains("`sv`") && error.contains("`en`"), "{error}");
    }
}
