//! Texts for people, in Swedish and English.
//!
//! Every fixed text a person reads (diagnostics and their help lines, the
//! timeline, test output, reports, the book's frame) lives in a Project Fluent
//! catalogue, one file per area, under `engine/i18n/<lang>/<area>.ftl`, compiled
//! into the crate ([`catalogue`](self) lists the files). The code names a
//! message by its id and passes its values; the words, their order and their
//! plural forms belong to the catalogue, where a translator can change them
//! without touching Rust.
//!
//! Library functions that produce words take a [`Lang`]; the CLI picks it from
//! `--lang` or the locale ([`Lang::from_env`]). English is the fallback: a
//! message missing in Swedish is shown in English, and `engine/tests/i18n.rs`
//! fails when any message lacks a translation or the two disagree on the
//! values they take.
//!
//! ```
//! use rutin::i18n::{text, Lang};
//!
//! let en = text(Lang::En, "i18n-example", &[("count", 2.into())]);
//! let sv = text(Lang::Sv, "i18n-example", &[("count", 2.into())]);
//! assert_eq!(en, "2 open tasks");
//! assert_eq!(sv, "2 öppna uppgifter");
//! ```

mod catalogue;
mod lang;

pub use catalogue::{catalogue_files, has_message, text, Arg, CatalogueFile};
pub use lang::{Lang, UnknownLang};
