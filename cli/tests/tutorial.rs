//! The worked example (`docs/TUTORIAL.md`) and the checked examples of
//! `docs/FORMAT.md` run as written, so neither can go stale.
//!
//! Conventions in the Markdown (a code block's info string is the text after
//! its opening three backticks):
//!
//! - ```` ```LANG file=PATH ````: the block is the whole content of the file
//!   PATH (relative to a fresh folder the document runs in); a later block for
//!   the same PATH replaces it, as a reader editing the file would.
//! - ```` ```console ````: each line `$ rutin ARGS` is a command, run in that
//!   folder as `rutin --lang en ARGS`; the lines after it, up to the next `$ `
//!   line, are what it prints (standard output and error together, as a
//!   terminal shows them; trailing spaces ignored). Every command must exit 0,
//!   except that `exit=N` in the info string is the exit code of the block's
//!   last command. With `output-below`, the last command shows no lines here:
//!   its output is the next block whose info string holds `output` (so a
//!   Mermaid diagram can be drawn by the page that shows it).
//! - ```` ```LANG part-of=PATH ````: an excerpt; its lines must stand, one
//!   after another and indented alike, in the file PATH as the document
//!   leaves it (its last `file=PATH` block).
//!
//! Blocks with none of these marks are prose and not run.
//!
//! When Rutin's output changes on purpose, `RUTIN_UPDATE_DOCS=1 cargo test
//! -p rutin-cli --test tutorial` writes the real output into the documents
//! (exit codes and files are never changed); read the diff before committing. In FORMAT.md every
//! folder holding a `file=` routine is checked with
//! `rutin check --deny-warnings` and must be clean: an excerpt is thus always
//! a piece of a routine that checks.

mod support;

use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
use std::ops::Range;
use std::path::Path;

use support::{root, rutin_process};

/// A fenced code block of a Markdown document.
struct Block {
    /// 1-based line of the opening fence.
    line: usize,
    /// The words of the info string (the language first).
    info: Vec<String>,
    /// The lines between the fences.
    body: Vec<String>,
}

impl Block {
    fn attr(&self, key: &str) -> Option<&str> {
        self.info
            .iter()
            .find_map(|w| w.strip_prefix(key)?.strip_prefix('='))
    }

    fn has(&self, word: &str) -> bool {
        self.info.iter().skip(1).any(|w| w == word)
    }
}

fn blocks(doc: &str) -> Vec<Block> {
    let text = fs::read_to_string(root().join(doc)).expect("the document is readable");
    let mut out = Vec::new();
    let mut lines = text.lines().enumerate();
    while let Some((n, line)) = lines.next() {
        let Some(info) = line.strip_prefix("```") else {
            continue;
        };
        let body = lines
            .by_ref()
            .map(|(_, l)| l)
            .take_while(|l| l.trim_end() != "```")
            .map(str::to_string)
            .collect();
        out.push(Block {
            line: n + 1,
            info: info.split_whitespace().map(str::to_string).collect(),
            body,
        });
    }
    out
}

/// Splits a command line into words; `'...'` and `"..."` quote.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word: Option<String> = None;
    let mut quote = None;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.get_or_insert_with(String::new).push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                word.get_or_insert_with(String::new);
            }
            (None, c) if c.is_whitespace() => out.extend(word.take()),
            (None, c) => word.get_or_insert_with(String::new).push(c),
        }
    }
    out.extend(word);
    out
}

/// Runs `rutin --lang en ARGS` in `dir`: exit code and output (standard
/// output and error through one pipe), with `dir` written as `.`.
fn run(dir: &Path, line: &str) -> (i32, String) {
    let args = words(line);
    assert_eq!(
        args[0], "rutin",
        "a command of the document is not rutin: {line}"
    );
    let (mut reader, writer) = std::io::pipe().expect("a pipe");
    let mut child = {
        let mut cmd = rutin_process();
        cmd.arg("--lang")
            .arg("en")
            .args(&args[1..])
            .current_dir(dir)
            .env_remove("LANG")
            .env_remove("COLUMNS")
            .env_remove("RUTIN_DATABASE_URL")
            .stdout(writer.try_clone().expect("a pipe"))
            .stderr(writer);
        cmd.spawn().expect("rutin starts")
    };
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).expect("rutin's output");
    let code = child.wait().expect("rutin ends").code().unwrap_or(-1);
    let dir = dir.to_string_lossy();
    let text = String::from_utf8_lossy(&bytes)
        .replace(&format!("{dir}/"), "")
        .replace(dir.as_ref(), ".");
    (code, normal(text.lines()))
}

/// Lines without trailing spaces, without trailing empty lines.
fn normal<'a>(lines: impl Iterator<Item = &'a str>) -> String {
    let lines: Vec<&str> = lines.map(str::trim_end).collect();
    lines.join("\n").trim_end_matches('\n').to_string()
}

fn write(dir: &Path, block: &Block, path: &str) {
    let file = dir.join(path);
    fs::create_dir_all(file.parent().expect("a file in a folder")).expect("a folder");
    fs::write(&file, block.body.join("\n") + "\n").expect("the file is written");
}

/// One command with what the document says it prints and how it exits.
struct Expected {
    doc_line: usize,
    command: String,
    output: String,
    exit: i32,
    /// The document's lines (0-based) that show the output.
    shown: Range<usize>,
}

/// Output to write into the document instead of what it shows (only with
/// `RUTIN_UPDATE_DOCS=1`).
type Fixes = Vec<(Range<usize>, String)>;

fn compare(dir: &Path, doc: &str, want: Expected, fixes: &mut Fixes) {
    let (code, got) = run(dir, &want.command);
    let updating = std::env::var_os("RUTIN_UPDATE_DOCS").is_some_and(|v| v == "1");
    if code == want.exit && got != want.output && updating {
        fixes.push((want.shown, got));
        return;
    }
    assert!(
        code == want.exit && got == want.output,
        "{doc}:{}: `{}` exited {code} (the document says {}) and printed\n\
         ----- real output -----\n{got}\n----- the document shows -----\n{}\n\
         (RUTIN_UPDATE_DOCS=1 writes the real output into the document)\n",
        want.doc_line,
        want.command,
        want.exit,
        want.output
    );
}

/// Writes the real output into the document where it differed.
fn apply(doc: &str, mut fixes: Fixes) {
    if fixes.is_empty() {
        return;
    }
    let path = root().join(doc);
    let text = fs::read_to_string(&path).expect("the document is readable");
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    fixes.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
    for (range, got) in fixes {
        let new = got.lines().map(str::to_string).filter(|_| !got.is_empty());
        lines.splice(range, new);
    }
    fs::write(&path, lines.join("\n") + "\n").expect("the document is written");
}

/// The commands of a console block, each with its output lines.
fn commands(block: &Block) -> Vec<Expected> {
    let exit = block.attr("exit").map_or(0, |e| e.parse().expect("exit=N"));
    // The body's line n is the document's line `block.line + n` (0-based).
    let mut out: Vec<(usize, String, Vec<&str>)> = Vec::new();
    for (n, line) in block.body.iter().enumerate() {
        match line.strip_prefix("$ ") {
            Some(command) => out.push((block.line + n, command.to_string(), Vec::new())),
            None => out
                .last_mut()
                .expect("a console block starts with a `$ ` command")
                .2
                .push(line),
        }
    }
    let last = out.len().saturating_sub(1);
    out.into_iter()
        .enumerate()
        .map(|(i, (at, command, lines))| Expected {
            doc_line: at + 1,
            command,
            shown: at + 1..at + 1 + lines.len(),
            output: normal(lines.into_iter()),
            exit: if i == last { exit } else { 0 },
        })
        .collect()
}

/// Runs a document's files and commands in order in a fresh folder; returns
/// the folder and how many commands ran.
fn play(doc: &str) -> (tempfile::TempDir, usize) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut ran = 0;
    let mut below: Option<Expected> = None;
    let mut fixes = Fixes::new();
    for block in blocks(doc) {
        if let Some(path) = block.attr("file") {
            write(dir.path(), &block, path);
        } else if block.info.first().is_some_and(|l| l == "console") {
            assert!(
                below.is_none(),
                "{doc}:{}: output block missing",
                block.line
            );
            let mut list = commands(&block);
            if block.has("output-below") {
                below = list.pop();
            }
            ran += list.len() + usize::from(below.is_some());
            for want in list {
                compare(dir.path(), doc, want, &mut fixes);
            }
        } else if block.has("output") {
            let mut want = below.take().unwrap_or_else(|| {
                panic!("{doc}:{}: an output block without a command", block.line)
            });
            want.output = normal(block.body.iter().map(String::as_str));
            want.shown = block.line..block.line + block.body.len();
            compare(dir.path(), doc, want, &mut fixes);
        }
    }
    assert!(
        below.is_none(),
        "{doc}: the last command's output block is missing"
    );
    apply(doc, fixes);
    (dir, ran)
}

#[test]
fn the_tutorial_runs_as_written() {
    let doc = "docs/TUTORIAL.md";
    let (dir, ran) = play(doc);
    assert!(ran >= 10, "the tutorial shows {ran} commands");
    excerpts(doc, dir.path());
}

/// The lines of `part` stand in `file`, consecutively, each indented by the
/// same amount more (blank lines match blank lines).
fn excerpt_of(part: &[String], file: &str) -> bool {
    let indent = |l: &str| l.len() - l.trim_start().len();
    let lines: Vec<&str> = file.lines().map(str::trim_end).collect();
    let part: Vec<&str> = part.iter().map(|l| l.trim_end()).collect();
    let Some(first) = part.first() else {
        return false;
    };
    (0..lines.len()).any(|start| {
        let Some(extra) = indent(lines[start]).checked_sub(indent(first)) else {
            return false;
        };
        let pad = " ".repeat(extra);
        part.len() <= lines.len() - start
            && part
                .iter()
                .zip(&lines[start..])
                .all(|(p, l)| p.is_empty() && l.is_empty() || *l == format!("{pad}{p}"))
    })
}

/// Checks every `part-of=PATH` block against the file as the document
/// leaves it; returns how many there are.
fn excerpts(doc: &str, dir: &Path) -> usize {
    let mut count = 0;
    for block in blocks(doc) {
        let Some(path) = block.attr("part-of") else {
            continue;
        };
        let file = fs::read_to_string(dir.join(path))
            .unwrap_or_else(|_| panic!("{doc}:{}: part-of={path}: no such file block", block.line));
        assert!(
            excerpt_of(&block.body, &file),
            "{doc}:{}: these lines do not stand in {path} as written:\n{}",
            block.line,
            block.body.join("\n")
        );
        count += 1;
    }
    count
}

#[test]
fn format_examples_check_clean_and_excerpts_are_from_them() {
    let doc = "docs/FORMAT.md";
    let (dir, _) = play(doc);
    let all = blocks(doc);
    let mut folders = BTreeSet::new();
    for block in &all {
        if let Some(path) = block.attr("file") {
            let is_routine = path.ends_with(".yaml") && !path.ends_with("organisation.yaml");
            if is_routine && path.starts_with("workflows/") {
                folders.insert(Path::new(path).parent().expect("a folder").to_path_buf());
            }
        }
    }
    assert!(!folders.is_empty(), "{doc} has no checked example");
    for folder in &folders {
        let line = format!("rutin check --deny-warnings {}", folder.display());
        let (code, out) = run(dir.path(), &line);
        assert_eq!(
            code,
            0,
            "{doc}: the example {} does not check clean:\n{out}",
            folder.display()
        );
    }
    assert!(excerpts(doc, dir.path()) > 0, "{doc} has no excerpt");
}
