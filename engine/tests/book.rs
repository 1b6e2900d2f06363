//! The routine book of every shipped routine: golden Markdown (insta), and
//! an HTML page that is self-contained (no scripts, nothing fetched, the
//! diagram inline) and names every step, deadline and message.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

fn shipped() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../workflows");
    let mut out = Vec::new();
    for dir in std::fs::read_dir(&root).unwrap() {
        for file in std::fs::read_dir(dir.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_some_and(|e| e == "yaml")
                && path.file_stem().is_some_and(|s| s != "organisation")
            {
                out.push(path);
            }
        }
    }
    out.sort();
    assert!(out.len() >= 5, "{out:?}");
    out
}

fn routine(path: &Path) -> rutin::model::Routine {
    rutin::check_routine(path)
        .routine
        .unwrap_or_else(|| panic!("{} is valid", path.display()))
}

fn name(path: &Path) -> String {
    let municipality = path.parent().and_then(|p| p.file_name()).unwrap();
    let stem = path.file_stem().unwrap();
    format!(
        "{}_{}",
        municipality.to_string_lossy(),
        stem.to_string_lossy()
    )
}

#[test]
fn shipped_books_in_markdown_are_golden() {
    for path in shipped() {
        let book = rutin::book::build(&routine(&path), None);
        let svg = format!("{}.svg", path.file_stem().unwrap().to_string_lossy());
        insta::assert_snapshot!(name(&path), book.markdown(Some(&svg)));
    }
}

/// Two shipped routines' books in English (the Swedish ones above are the
/// default and stay as they were).
#[test]
fn books_in_english_are_golden() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../workflows");
    for routine_file in [
        "kommun_000/installation.yaml",
        "kommun_003/not_executed.yaml",
    ] {
        let path = root.join(routine_file);
        let book = rutin::book::build_in(&routine(&path), None, rutin::i18n::Lang::En);
        let markdown = book.markdown(None);
        assert!(
            markdown.contains("## Roles and responsibilities"),
            "{markdown}"
        );
        insta::assert_snapshot!(format!("{}_en", name(&path)), markdown);
    }
}

#[test]
fn html_books_are_self_contained_and_complete() {
    for path in shipped() {
        let routine = routine(&path);
        let svg = rutin::draw::svg(&routine, &rutin::draw::Options::default()).unwrap();
        let html = rutin::book::build(&routine, Some(svg)).html();
        assert!(html.starts_with("<!DOCTYPE html>"), "{}", path.display());
        for forbidden in ["<script", "<link", "src=\"http", "href=\"http", "@import"] {
            assert!(!html.contains(forbidden), "{}: {forbidden}", path.display());
        }
        assert!(
            html.contains("<svg"),
            "{}: the diagram is inline",
            path.display()
        );
        assert!(html.contains("@page { size: A4"), "{}", path.display());
        for step in &routine.steps {
            let title = step.title.replace('&', "&amp;").replace('"', "&quot;");
            assert!(html.contains(&title), "{}: {}", path.display(), step.title);
        }
        let deadlines = routine.deadlines.len()
            + routine
                .steps
                .iter()
                .map(|s| s.deadlines.len())
                .sum::<usize>();
        assert_eq!(html.matches("class=\"deadline\"").count(), deadlines);
        for clause in &routine.clauses {
            assert!(html.contains(&format!("<td>{}</td>", clause.id)));
        }
    }
}

#[test]
fn the_wording_fixture_shows_titles_and_every_local_choice() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/wording/routine.yaml");
    let md = rutin::book::build(&routine(&path), None).markdown(None);
    for words in [
        "Dokumentet är beslutat av | Verksamhetschef",
        "Allt stämmer: gå till steg 2",
        "Något saknas: gå till steg 3",
        "Teamet (när ärendet är brådskande)",
        "Bara om ärendet inte är brådskande.",
        "2 arbetsdagar efter att steget började",
        "Teamet är ett exempel",
        "Rutinen säger inte hur det bedöms",
        "Rutinen nämner ingen kontroll. Här görs den ändå.",
        "Då avslutas ärendet direkt.",
        "Rutinen anger ingen tid.",
        "Påminnelsen går bara till teamet.",
        "Listan är kommunens eget tillägg.",
    ] {
        assert!(md.contains(words), "missing {words:?} in\n{md}");
    }
}

#[test]
fn a_time_of_day_and_years_read_in_words() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/time_of_day/routine.yaml");
    let md = rutin::book::build(&routine(&path), None).markdown(None);
    for words in [
        "ett år efter installed\\_date, kl. 08:00",
        "2 år efter installed\\_date, kl. 16:30",
        "2 arbetsdagar efter att steget började, kl. 08:00, sedan varje vecka, högst 2 gånger",
    ] {
        assert!(md.contains(words), "missing {words:?} in\n{md}");
    }
}

/// Case-wide events have a section of their own: the one that ends the
/// case is found nowhere else in the book.
#[test]
fn case_wide_events_say_what_becomes_of_the_case() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/case_events/routine.yaml");
    let r = routine(&path);
    let sv = rutin::book::build(&r, None);
    let md = sv.markdown(None);
    insta::assert_snapshot!(
        "case_events_events_sv",
        section(&md, "## Händelser i hela ärendet")
    );
    let en = rutin::book::build_in(&r, None, rutin::i18n::Lang::En).markdown(None);
    insta::assert_snapshot!(
        "case_events_events_en",
        section(&en, "## Events at any point")
    );
    let html = sv.html();
    for words in [
        "<h2>Händelser i hela ärendet</h2>",
        "<h4>Beslutet återkallat</h4>",
        "ärendet avslutas (utfall: withdrawn)",
        "ärendet fortsätter i steg",
    ] {
        assert!(html.contains(words), "missing {words:?} in the HTML book");
    }
}

/// The Markdown section that starts at `heading`, up to the next `## `.
fn section<'a>(md: &'a str, heading: &str) -> &'a str {
    let start = md
        .find(heading)
        .unwrap_or_else(|| panic!("no {heading:?} in\n{md}"));
    let rest = &md[start + heading.len()..];
    let end = rest
        .find("\n## ")
        .map_or(md.len(), |i| start + heading.len() + i);
    &md[start..end]
}
