use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::Lang;

/// One catalogue file: its area and its text in each language.
#[derive(Debug, Clone, Copy)]
pub struct CatalogueFile {
    /// The area, also the file's name without `.ftl` (`diagnostics`, `timeline`...).
    pub area: &'static str,
    /// The Swedish text (`engine/i18n/sv/<area>.ftl`).
    pub sv: &'static str,
    /// The English text (`engine/i18n/en/<area>.ftl`).
    pub en: &'static str,
}

impl CatalogueFile {
    /// The file's text in a language.
    pub fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Sv => self.sv,
            Lang::En => self.en,
        }
    }
}

macro_rules! catalogue {
    ($($area:literal),* $(,)?) => {
        &[$(CatalogueFile {
            area: $area,
            sv: include_str!(concat!("../../i18n/sv/", $area, ".ftl")),
            en: include_str!(concat!("../../i18n/en/", $area, ".ftl")),
        }),*]
    };
}

/// Every catalogue file, one per area. Add an area here and as
/// `engine/i18n/{sv,en}/<area>.ftl`.
const FILES: &[CatalogueFile] = catalogue![
    "common",
    "diagnostics",
    "book",
    "timeline",
    "test",
    "run",
    "simulate",
    "case",
    "tick",
    "diff",
    "check",
    "store",
    "failure",
    "cli",
    "scenario",
    "details",
    "until",
    "chart",
    "runner"
];

/// Every catalogue file compiled into the crate (for tests and tools).
pub fn catalogue_files() -> &'static [CatalogueFile] {
    FILES
}

/// A value passed to a message: a text or a number (numbers choose plural forms).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg<'a> {
    /// A text, shown as it is.
    Text(Cow<'a, str>),
    /// A number, shown in digits; `{ $n -> [one] ... *[other] ... }` selects on it.
    Number(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(text))
    }
}

impl From<String> for Arg<'_> {
    fn from(text: String) -> Self {
        Arg::Text(Cow::Owned(text))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(text))
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_arg!(i32, i64, u32, u64, usize, f64);

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| Lang::ALL.map(build));
    match lang {
        Lang::Sv => &bundles[0],
        Lang::En => &bundles[1],
    }
}

/// A language's bundle of every file. Syntax errors and duplicate ids are
/// caught by `engine/tests/i18n.rs`; here the parts that parsed are kept.
fn build(lang: Lang) -> Bundle {
    let mut bundle = FluentBundle::new_concurrent(vec![lang.langid()]);
    // Terminal and file output: no Unicode isolation marks around values.
    bundle.set_use_isolating(false);
    for file in FILES {
        let resource = FluentResource::try_new(file.text(lang).to_string())
            .unwrap_or_else(|(partial, _errors)| partial);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// Whether a language's catalogue has a message.
pub fn has_message(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// The message `id` in `lang`, with its values filled in.
///
/// A message missing in `lang` falls back to English, and one missing in
/// both is shown as its id, so a person always reads something; the
/// catalogue test makes both cases a test failure.
pub fn text(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    format(lang, id, args)
        .or_else(|| format(Lang::En, id, args))
        .unwrap_or_else(|| id.to_string())
}

fn format(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> Option<String> {
    let bundle = bundle(lang);
    let pattern = bundle.get_message(id)?.value()?;
    let mut values = FluentArgs::with_capacity(args.len());
    for (name, arg) in args {
        match arg {
            Arg::Text(text) => values.set(*name, FluentValue::from(text.as_ref())),
            Arg::Number(n) => values.set(*name, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, Some(&values), &mut errors)
            .into_owned(),
    )
}
