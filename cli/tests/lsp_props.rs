//! Property test of `rutin lsp` as a real process: random edits of the
//! shipped routines, organisation files and templates (truncations, inserted
//! characters, keys and indentation, deleted ranges), sent as `didChange`
//! and interleaved with hover, completion, definition, references, code
//! action and prepare-rename requests at random positions, past the end too.
//! Every answer is a well-formed JSON-RPC response to its own request, every
//! notification a well-formed `publishDiagnostics`, the server neither
//! panics (stderr), hangs (a timeout per message) nor dies, and it shuts
//! down and exits cleanly at the end.

mod lsp_client;
mod support;

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use lsp_client::{position, repo, uri, Client};
use proptest::prelude::*;
use serde_json::{json, Value};

use support::rutin_process;

/// A message later than this is a hung server (no timing is asserted).
const TIMEOUT: Duration = Duration::from_secs(10);

/// Pieces typed into the file: keys, indentation, YAML and Jinja syntax,
/// letters of two bytes and of two UTF-16 units.
const PIECES: &[&str] = &[
    "next: ",
    "kind: ",
    "role: ",
    "when: ",
    "to: ",
    "routes:\n",
    "steps:\n",
    "  ",
    "    ",
    "\n",
    "\n  ",
    "- ",
    ": ",
    ":",
    "{{ ",
    " }}",
    "{%",
    "[",
    "]",
    "{",
    "}",
    "'",
    "\"",
    "&a ",
    "*a",
    "#",
    "\t",
    "ä",
    "😀",
    "é",
    "check_order",
    "alarm_team",
    "x",
    "0",
    "~",
];

/// The shipped files edited: routines, organisation files, templates.
fn files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in ["workflows", "templates"] {
        for municipality in std::fs::read_dir(repo().join(dir))
            .into_iter()
            .flatten()
            .flatten()
        {
            for file in std::fs::read_dir(municipality.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                files.push(file.path());
            }
        }
    }
    files.sort();
    files
}

#[derive(Debug, Clone)]
enum Op {
    /// Cut the text at this fraction of its length (a full change).
    Truncate(f64),
    /// Insert a piece (or a random character) at this fraction (a ranged change).
    Insert(f64, String),
    /// Delete this many bytes from this fraction on (a ranged change).
    Delete(f64, usize),
    /// A request at this fraction of the text; past the end when the flag is set.
    Request(usize, f64, bool),
}

fn op() -> impl Strategy<Value = Op> {
    let piece = prop_oneof![
        prop::sample::select(PIECES).prop_map(str::to_owned),
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop_oneof![
        1 => (0.0..1.0f64).prop_map(Op::Truncate),
        4 => ((0.0..1.0f64), piece).prop_map(|(at, p)| Op::Insert(at, p)),
        3 => ((0.0..1.0f64), 0..200usize).prop_map(|(at, n)| Op::Delete(at, n)),
        6 => (0..METHODS.len(), 0.0..1.0f64, prop::bool::weighted(0.15))
            .prop_map(|(m, at, past)| Op::Request(m, at, past)),
    ]
}

const METHODS: &[&str] = &[
    "textDocument/hover",
    "textDocument/completion",
    "textDocument/definition",
    "textDocument/references",
    "textDocument/codeAction",
    "textDocument/prepareRename",
];

/// The char boundary at or before `fraction` of `text`.
fn boundary(text: &str, fraction: f64) -> usize {
    let mut at = ((text.len() as f64) * fraction) as usize;
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at.min(text.len())
}

/// One open document and the text the server should have for it.
struct Doc {
    path: PathBuf,
    text: String,
    version: i32,
}

impl Doc {
    fn apply(&mut self, client: &mut Client, op: &Op) {
        match op {
            Op::Truncate(at) => {
                self.text.truncate(boundary(&self.text, *at));
                self.version += 1;
                client.change(&self.path, self.version, &self.text);
            }
            Op::Insert(at, piece) => {
                let piece = piece.replace('\r', "");
                let at = boundary(&self.text, *at);
                self.version += 1;
                client.edit(&self.path, self.version, &self.text, at, at, &piece);
                self.text.insert_str(at, &piece);
            }
            Op::Delete(at, n) => {
                let start = boundary(&self.text, *at);
                let mut end = (start + n).min(self.text.len());
                while !self.text.is_char_boundary(end) {
                    end -= 1;
                }
                self.version += 1;
                client.edit(&self.path, self.version, &self.text, start, end, "");
                self.text.replace_range(start..end, "");
            }
            Op::Request(method, at, past) => self.request(client, METHODS[*method], *at, *past),
        }
    }

    fn request(&self, client: &mut Client, method: &str, at: f64, past: bool) {
        let mut place = position(&self.text, boundary(&self.text, at));
        if past {
            let lines = self.text.lines().count() as u64;
            place = json!({"line": lines + (at * 5.0) as u64, "character": 10_000});
        }
        let document = json!({"uri": uri(&self.path)});
        let params = match method {
            "textDocument/codeAction" => json!({
                "textDocument": document,
                "range": {"start": place, "end": place},
                "context": {"diagnostics": []},
            }),
            "textDocument/references" => json!({
                "textDocument": document, "position": place,
                "context": {"includeDeclaration": at < 0.5},
            }),
            _ => json!({"textDocument": document, "position": place}),
        };
        let answer = client.request(method, params);
        well_formed_response(method, &answer);
    }
}

fn well_formed_response(method: &str, answer: &Value) {
    assert_eq!(answer["jsonrpc"], "2.0", "{method}: {answer}");
    let object = answer.as_object().expect("a response is an object");
    let has_result = object.contains_key("result");
    let has_error = object.contains_key("error");
    assert!(
        has_result != has_error,
        "{method}: result or error: {answer}"
    );
    if has_error {
        let error = &answer["error"];
        assert!(error["code"].is_i64(), "{method}: {answer}");
        assert!(error["message"].is_string(), "{method}: {answer}");
        assert_ne!(error["code"], -32603, "{method} failed inside: {answer}");
        return;
    }
    let result = &answer["result"];
    let shape_ok = match method {
        "textDocument/hover" => result.is_null() || result["contents"].is_object(),
        "textDocument/references" | "textDocument/codeAction" => {
            result.is_null() || result.is_array()
        }
        "textDocument/completion" => {
            result.is_null() || result.is_array() || result["items"].is_array()
        }
        _ => result.is_null() || result.is_object() || result.is_array(),
    };
    assert!(shape_ok, "{method}: {answer}");
}

fn well_formed_notification(message: &Value) {
    assert_eq!(message["jsonrpc"], "2.0", "{message}");
    assert!(message.get("id").is_none(), "a stray response: {message}");
    assert_eq!(
        message["method"], "textDocument/publishDiagnostics",
        "{message}"
    );
    let params = &message["params"];
    assert!(params["uri"]
        .as_str()
        .is_some_and(|u| u.starts_with("file://")));
    for d in params["diagnostics"].as_array().expect("a list") {
        for end in ["start", "end"] {
            assert!(d["range"][end]["line"].is_u64(), "{d}");
            assert!(d["range"][end]["character"].is_u64(), "{d}");
        }
        assert!(d["message"].is_string(), "{d}");
    }
}

/// Runs `ops` on `file` against a fresh server; returns its stderr.
fn session(file: &Path, ops: &[Op]) -> String {
    let log = tempfile::NamedTempFile::new().expect("a temporary file");
    let mut command = rutin_process();
    command
        .arg("lsp")
        .stderr(Stdio::from(log.reopen().expect("reopen the log")));
    let (mut client, init) = Client::spawn(command, &repo(), Value::Null);
    assert!(init["result"]["capabilities"].is_object(), "{init}");
    client.timeout = TIMEOUT;
    let text = std::fs::read_to_string(file).expect("a shipped file");
    let mut doc = Doc {
        path: file.to_path_buf(),
        text,
        version: 1,
    };
    client.open(&doc.path, &doc.text);
    for op in ops {
        doc.apply(&mut client, op);
    }
    // One last request makes the server analyze the last text, then all
    // that it sent is checked.
    doc.request(&mut client, "textDocument/hover", 0.5, false);
    for message in client.take_pending() {
        well_formed_notification(&message);
    }
    let status = client.shutdown();
    assert!(status.success(), "the server exits cleanly: {status:?}");
    std::fs::read_to_string(log.path()).unwrap_or_default()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn random_edits_and_requests_get_well_formed_answers(
        file in prop::sample::select(files()),
        ops in prop::collection::vec(op(), 1..14),
    ) {
        let stderr = session(&file, &ops);
        prop_assert!(!stderr.contains("panicked"), "{}: {stderr}", file.display());
    }
}
