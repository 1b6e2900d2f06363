//! Fixture folders run through the analyzer: every `valid/*/routine.yaml`
//! must check clean, every `invalid/err_*.yaml` must fail, and the rendered
//! diagnostics of each are golden (insta snapshots).

use std::path::Path;

use rutin::diagnostic::{render, render_in};
use rutin::i18n::Lang;

fn relative(path: &Path) -> std::path::PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

#[test]
fn valid_fixtures_have_no_problems() {
    insta::glob!("fixtures/valid/*/routine.yaml", |path| {
        let checked = rutin::check_routine(&relative(path));
        let rendered: Vec<String> = checked
            .diagnostics
            .iter()
            .map(|d| render(d, false))
            .collect();
        assert!(checked.diagnostics.is_empty(), "{}", rendered.join("\n"));
        assert!(checked.routine.is_some());
    });
}

#[test]
fn invalid_fixtures_render_their_diagnostics() {
    insta::glob!("fixtures/invalid/err_*.yaml", |path| {
        let checked = rutin::check_routine(&relative(path));
        assert!(
            checked.has_errors(),
            "{} should have errors",
            path.display()
        );
        assert!(checked.routine.is_none());
        let rendered: Vec<String> = checked
            .diagnostics
            .iter()
            .map(|d| render(d, false))
            .collect();
        insta::assert_snapshot!(rendered.join("\n"));
    });
}

/// A representative set of the invalid fixtures, rendered in Swedish (the
/// English goldens above stay as they were).
#[test]
fn invalid_fixtures_render_in_swedish() {
    // Every invalid fixture: its texts are worded in Swedish throughout.
    let pattern = "fixtures/invalid/err_*.yaml";
    insta::glob!(pattern, |path| {
        let checked = rutin::check_routine(&relative(path));
        let rendered: Vec<String> = checked
            .diagnostics
            .iter()
            .map(|d| render_in(d, false, Lang::Sv))
            .collect();
        insta::assert_snapshot!(rendered.join("\n"));
    });
}

/// Frame words of English that no Swedish diagnostic may contain outside
/// backticked ids and keys and quoted words of a third party (”...”).
const ENGLISH_FRAME_WORDS: &[&str] = &[
    "the ", " of the ", "step `", "must ", "expected", "should", " is ", " has ", " not ", " and ",
    " or ", "which", " field", " gives ", " a ", " an ",
];

/// What a Swedish diagnostic says outside backticks and third-party quotes.
fn frame_words(text: &str) -> String {
    let mut out = String::new();
    let (mut code, mut quote) = (false, false);
    for c in text.chars() {
        match c {
            '`' if !quote => code = !code,
            '”' if !code => quote = !quote,
            _ if !code && !quote => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn swedish_diagnostics_have_no_english_frame() {
    let mut found = Vec::new();
    insta::glob!("fixtures/invalid/err_*.yaml", |path| {
        let checked = rutin::check_routine(&relative(path));
        for d in &checked.diagnostics {
            for text in [d.problem.message(Lang::Sv), d.problem.help_in(Lang::Sv)] {
                let frame = format!(" {} ", frame_words(&text));
                if let Some(word) = ENGLISH_FRAME_WORDS.iter().find(|w| frame.contains(*w)) {
                    found.push(format!("{}: {word:?} in {text}", path.display()));
                }
            }
        }
    });
    assert!(
        found.is_empty(),
        "English in Swedish diagnostics:\n{}",
        found.join("\n")
    );
}

mod never_panics {
    use proptest::prelude::*;
    use std::path::Path;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Arbitrary text never panics the loader or analyzer.
        #[test]
        fn random_text(text in "\\PC{0,400}") {
            let _ = rutin::check_text(Path::new("random.yaml"), &text);
        }

        /// YAML-looking text built from routine keys never panics either.
        #[test]
        fn random_yaml(lines in proptest::collection::vec(
            (0usize..4, prop::sample::select(vec![
                "routine:", "id: x", "version: 1", "title: T", "start: a", "steps:", "a:",
                "kind: task", "kind: end", "kind: parallel", "branches: [a, b]", "join: a",
                "role: r", "roles:", "r: {name: R}", "next: a", "routes:", "- when: x",
                "  to: a", "- otherwise: a", "fields:", "x: {type: boolean}", "outcome: done",
                "deadlines:", "- id: d", "  after: 1 month", "template: t", "to: [{role: r}]",
                "&a [*a]", "{", "]", "- ", ": :", "\t",
            ])), 0..40)) {
            let text: String = lines
                .iter()
                .map(|(indent, line)| format!("{}{}\n", "  ".repeat(*indent), line))
                .collect();
            let _ = rutin::check_text(Path::new("random.yaml"), &text);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(100))]
        /// Random bytes (invalid UTF-8 included) give an error, never a panic.
        #[test]
        fn random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let dir = std::env::temp_dir().join(format!("rutin-proptest-{}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            let path = dir.join("bytes.yaml");
            std::fs::write(&path, &bytes).unwrap();
            let _ = rutin::check_routine(&path);
        }
    }
}

#[test]
fn a_huge_file_is_refused_with_a_clear_error() {
    let dir = std::env::temp_dir().join(format!("rutin-huge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("huge.yaml");
    let line = "# padding padding padding padding padding padding padding padding\n";
    std::fs::write(&path, line.repeat(10 * 1024 * 1024 / line.len())).unwrap();
    let checked = rutin::check_routine(&path);
    assert_eq!(checked.diagnostics.len(), 1);
    assert_eq!(checked.diagnostics[0].problem.code(), "rutin::too-large");
    let rendered =
        render(&checked.diagnostics[0], false).replace(&dir.display().to_string(), "<tmp>");
    insta::assert_snapshot!(rendered);
}

#[test]
fn an_unreadable_path_is_an_io_error() {
    let checked = rutin::check_routine(Path::new("tests/fixtures/no/such/routine.yaml"));
    assert!(checked.routine.is_none());
    let rendered: Vec<String> = checked
        .diagnostics
        .iter()
        .map(|d| render(d, false))
        .collect();
    insta::assert_snapshot!(rendered.join("\n"));
}
