//! The message catalogues are complete: every file parses, every message has
//! both a Swedish and an English text taking the same values, and every
//! message id the code names exists.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_bundle::FluentResource;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use rutin::i18n::{catalogue_files, has_message, text, Lang};

/// Message id → the names of the values it uses.
type Messages = BTreeMap<String, BTreeSet<String>>;

fn messages(area: &str, lang: Lang, text: &str) -> Messages {
    let resource = match FluentResource::try_new(text.to_string()) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("engine/i18n/{lang}/{area}.ftl does not parse: {errors:?}"),
    };
    let mut found = Messages::new();
    for entry in resource.entries() {
        if let Entry::Message(message) = entry {
            let mut vars = BTreeSet::new();
            if let Some(value) = &message.value {
                pattern_vars(value, &mut vars);
            }
            for attribute in &message.attributes {
                pattern_vars(&attribute.value, &mut vars);
            }
            let id = message.id.name.to_string();
            assert!(
                found.insert(id.clone(), vars).is_none(),
                "engine/i18n/{lang}/{area}.ftl defines `{id}` twice"
            );
        }
    }
    found
}

fn pattern_vars(pattern: &Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for variant in variants {
                pattern_vars(&variant.value, vars);
            }
        }
        Expression::Inline(inline) => inline_vars(inline, vars),
    }
}

fn inline_vars(inline: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for positional in &arguments.positional {
                inline_vars(positional, vars);
            }
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

#[test]
fn every_message_is_in_both_languages_with_the_same_values() {
    let mut all = BTreeMap::new();
    for file in catalogue_files() {
        let sv = messages(file.area, Lang::Sv, file.sv);
        let en = messages(file.area, Lang::En, file.en);
        for (id, vars) in &en {
            let other = sv.get(id).unwrap_or_else(|| {
                panic!(
                    "`{id}` is in en/{}.ftl but not in sv/{}.ftl",
                    file.area, file.area
                )
            });
            assert_eq!(
                vars, other,
                "`{id}` takes other values in sv/ than in en/{}.ftl",
                file.area
            );
        }
        for id in sv.keys() {
            assert!(
                en.contains_key(id),
                "`{id}` is in sv/{}.ftl but not in en/{}.ftl",
                file.area,
                file.area
            );
        }
        for id in en.into_keys() {
            if let Some(first) = all.insert(id.clone(), file.area) {
                panic!(
                    "`{id}` is defined in both {first}.ftl and {}.ftl",
                    file.area
                );
            }
        }
    }
    assert!(!all.is_empty());
}

/// Every id `pattern`'s first group captures in the Rust files under
/// `dirs` (relative to the workspace root), with the file that names it.
fn ids_named(pattern: &str, dirs: &[&str]) -> Vec<(std::path::PathBuf, String)> {
    let call = regex::Regex::new(pattern).expect("the pattern is valid");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut found = Vec::new();
    for dir in dirs {
        for file in rust_files(&root.join(dir)) {
            let source = std::fs::read_to_string(&file).expect("a source file is readable");
            let ids = call.captures_iter(&source).map(|c| c[1].to_string());
            found.extend(ids.map(|id| (file.clone(), id)));
        }
    }
    found
}

/// Every `text(lang, "id", ...)` (library) and `text("id", ...)` (CLI) call in the workspace's source names a message that exists.
#[test]
fn every_message_the_code_names_exists() {
    let named = ids_named(
        r#"\btext\(\s*(?:[A-Za-z_:.()]+\s*,\s*)?"([a-z][a-z0-9-]*)""#,
        &["engine/src", "cli/src", "lsp/src"],
    );
    for (file, id) in &named {
        for lang in Lang::ALL {
            assert!(
                has_message(lang, id),
                "{} names `{id}`, missing in {lang}",
                file.display()
            );
        }
    }
    assert!(
        !named.is_empty(),
        "no `text(lang, \"id\", ...)` call found: is the pattern still right?"
    );
}

/// Every phrase id the code names (`Phrase::new("id")`, `Phrase::named("id", ..)`,
/// `Phrase::within("id", ..)`, an item `Named::Item("id")`) exists in both languages.
#[test]
fn every_phrase_the_code_names_exists() {
    let named = ids_named(
        r#"(?:Phrase::(?:new|named|within)|Named::Item)\(\s*"([a-z][a-z0-9-]*)""#,
        &["engine/src"],
    );
    for (file, id) in &named {
        for lang in Lang::ALL {
            assert!(
                has_message(lang, id),
                "{} names the phrase `{id}`, missing in {lang}/details.ftl",
                file.display()
            );
        }
    }
    assert!(
        named.len() > 150,
        "only {} phrase ids found: is the pattern still right?",
        named.len()
    );
}

fn rust_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return files;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// The diagnostics whose English text is a single value and nothing else
/// (`bad-step = { $message }`, `bad-step-help = { $fix }`): they are worded
/// where they are found, in the language asked for.
fn worded_where_found() -> BTreeSet<String> {
    let file = catalogue_files()
        .iter()
        .find(|f| f.area == "diagnostics")
        .expect("the diagnostics catalogue is listed");
    let resource = FluentResource::try_new(file.en.to_string()).expect("it parses");
    let lone_value = |pattern: &Pattern<&str>| {
        matches!(
            pattern.elements.as_slice(),
            [PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::VariableReference { .. })
            }]
        )
    };
    resource
        .entries()
        .filter_map(|entry| match entry {
            Entry::Message(m) if m.value.as_ref().is_some_and(lone_value) => {
                Some(m.id.name.to_string())
            }
            _ => None,
        })
        .collect()
}

/// Every problem code `Problem::code` gives (read from its source, so a
/// variant added on another branch is found too): the message ids the
/// diagnostics take are computed from the code, which the regex above cannot see.
fn problem_codes() -> Vec<String> {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/diagnostic/problem.rs");
    let source = std::fs::read_to_string(source).expect("problem.rs is readable");
    let code = regex::Regex::new(r#"=> "rutin::([a-z0-9-]+)""#).expect("the pattern is valid");
    code.captures_iter(&source)
        .map(|c| c[1].to_string())
        .collect()
}

#[test]
fn every_problem_has_a_message_and_a_help_in_both_languages() {
    let codes = problem_codes();
    assert!(codes.len() > 50, "only {} problem codes found", codes.len());
    let mut missing = Vec::new();
    for code in &codes {
        for id in [code.clone(), format!("{code}-help")] {
            for lang in Lang::ALL {
                if !has_message(lang, &id) {
                    missing.push(format!("`{id}` in engine/i18n/{lang}/diagnostics.ftl"));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "problems without texts (add the message and its `-help` line in both languages):\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_problem_is_worded_in_swedish() {
    let worded_where_found = worded_where_found();
    assert!(worded_where_found.contains("bad-step-help"));
    for code in problem_codes() {
        for id in [code.clone(), format!("{code}-help")] {
            let same = worded_where_found.contains(&id);
            let sv = text(Lang::Sv, &id, &[]);
            let en = text(Lang::En, &id, &[]);
            if same {
                assert_eq!(
                    sv, en,
                    "`{id}` is worded where it is found, in both languages"
                );
            } else {
                assert_ne!(sv, en, "`{id}` reads the same in Swedish as in English");
            }
        }
    }
}

/// The routine book names its texts by id in `engine/src/book/text.rs`
/// (labels as constants, the rest in small functions): each exists.
#[test]
fn every_book_text_exists() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/book/text.rs");
    let source = std::fs::read_to_string(source).expect("text.rs is readable");
    let id = regex::Regex::new(r#""(book-[a-z0-9-]+)""#).expect("the pattern is valid");
    let ids: Vec<String> = id
        .captures_iter(&source)
        .map(|c| c[1].to_string())
        .collect();
    assert!(ids.len() > 80, "only {} book texts found", ids.len());
    for id in ids {
        for lang in Lang::ALL {
            assert!(
                has_message(lang, &id),
                "text.rs names `{id}`, missing in {lang}/book.ftl"
            );
        }
    }
}
