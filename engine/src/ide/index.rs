//! Every id of a routine with where it is defined and everywhere it is
//! used: the table behind hover, go to definition, find references,
//! completion and rename.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::source::Span;

/// What kind of thing an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SymbolKind {
    /// A role (routine or organisation file).
    Role,
    /// A recipient group.
    Group,
    /// A case field.
    Field,
    /// A step.
    Step,
    /// A deadline (of a step or of the case).
    Deadline,
    /// A message template (a file of the template folder).
    Template,
    /// A clause of the source document.
    Clause,
    /// A cross-case schedule.
    Schedule,
}

impl SymbolKind {
    /// The word for it in hover texts.
    pub fn word(self) -> &'static str {
        match self {
            SymbolKind::Role => "role",
            SymbolKind::Group => "group",
            SymbolKind::Field => "field",
            SymbolKind::Step => "step",
            SymbolKind::Deadline => "deadline",
            SymbolKind::Template => "template",
            SymbolKind::Clause => "clause",
            SymbolKind::Schedule => "schedule",
        }
    }
}

/// A span in a file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Place {
    /// The file (normalized, as the analyzer shows it).
    pub path: PathBuf,
    /// The bytes of the id.
    pub span: Span,
}

impl Place {
    /// Whether byte `offset` of `path` is on this place (its end included,
    /// so a cursor just after an id is on it).
    pub fn contains(&self, path: &Path, offset: usize) -> bool {
        self.path == path && self.span.offset <= offset && offset <= self.span.end()
    }
}

/// One declared (or referred to) id.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Symbol {
    /// The id as written.
    pub id: String,
    /// Where it is declared (`None` when only referred to: a typo, or an
    /// organisation file that could not be read).
    pub definition: Option<Place>,
    /// Every place that refers to it.
    pub references: Vec<Place>,
    /// What is shown on hover: `(label, text)` lines in order
    /// (`("name", "Larmgruppen")`, `("visible to", "...")`).
    pub details: Vec<(String, String)>,
    /// Its display name (a role's or group's `name`, a step's `title`).
    pub display: Option<String>,
}

/// A duration written in the routine, with its meaning in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DurationUse {
    /// Where it is written.
    pub place: Place,
    /// "5 arbetsdagar (working days: weekends and Swedish public holidays are skipped)".
    pub meaning: String,
}

/// The ids of one routine and its organisation file and templates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Index {
    /// By kind and id (deadlines by their owner and id: `call_client/reminder`).
    pub symbols: BTreeMap<(SymbolKind, String), Symbol>,
    /// Every duration written.
    pub durations: Vec<DurationUse>,
    /// The routine file.
    pub routine: PathBuf,
    /// The organisation file, when the routine names one.
    pub organisation: Option<PathBuf>,
    /// The template folder, when there is one.
    pub template_dir: Option<PathBuf>,
}

/// The symbol under a cursor and the place of it the cursor is on.
#[derive(Debug, Clone, Copy)]
pub struct Hit<'a> {
    /// Its kind.
    pub kind: SymbolKind,
    /// The symbol.
    pub symbol: &'a Symbol,
    /// The definition or reference the cursor is on.
    pub place: &'a Place,
}

impl Index {
    /// The symbol whose definition or reference is at byte `offset` of `path`.
    pub fn at(&self, path: &Path, offset: usize) -> Option<Hit<'_>> {
        self.symbols.iter().find_map(|((kind, _), symbol)| {
            symbol
                .definition
                .iter()
                .chain(&symbol.references)
                .find(|p| p.contains(path, offset))
                .map(|place| Hit {
                    kind: *kind,
                    symbol,
                    place,
                })
        })
    }

    /// The duration written at byte `offset` of `path`.
    pub fn duration_at(&self, path: &Path, offset: usize) -> Option<&DurationUse> {
        self.durations
            .iter()
            .find(|d| d.place.contains(path, offset))
    }

    /// The declared symbols of a kind, in id order.
    pub fn declared(&self, kind: SymbolKind) -> impl Iterator<Item = &Symbol> {
        self.symbols
            .iter()
            .filter(move |((k, _), s)| *k == kind && s.definition.is_some())
            .map(|(_, s)| s)
    }

    /// Every file the index points into.
    pub fn files(&self) -> Vec<&Path> {
        let mut out: Vec<&Path> = self
            .symbols
            .values()
            .flat_map(|s| s.definition.iter().chain(&s.references))
            .map(|p| p.path.as_path())
            .collect();
        out.push(&self.routine);
        out.sort();
        out.dedup();
        out
    }

    pub(crate) fn symbol(&mut self, kind: SymbolKind, key: &str) -> &mut Symbol {
        self.symbols
            .entry((kind, key.to_owned()))
            .or_insert_with(|| Symbol {
                id: key.rsplit('/').next().unwrap_or(key).to_owned(),
                ..Symbol::default()
            })
    }

    pub(crate) fn define(&mut self, kind: SymbolKind, key: &str, place: Place) -> &mut Symbol {
        let symbol = self.symbol(kind, key);
        // The first declaration wins, as in the analyzer (a duplicate is an error there).
        if symbol.definition.is_none() {
            symbol.definition = Some(place);
        }
        symbol
    }

    pub(crate) fn refer(&mut self, kind: SymbolKind, id: &str, place: Place) {
        let refs = &mut self.symbol(kind, id).references;
        if !refs.contains(&place) {
            refs.push(place);
        }
    }
}

impl Symbol {
    pub(crate) fn detail(&mut self, label: &str, text: impl Into<String>) {
        let text = text.into();
        if !text.trim().is_empty() {
            self.details.push((label.to_owned(), text));
        }
    }
}
