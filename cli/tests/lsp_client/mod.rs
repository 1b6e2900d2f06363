//! A minimal language client for tests: starts the real `rutin lsp`, speaks
//! JSON-RPC with `Content-Length` frames over its stdin/stdout, and keeps
//! every message exchanged (for printing a transcript).

#![allow(dead_code)] // Each test file uses a part of it.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use serde_json::{json, Value};

/// How long a test waits for a message before calling the server hung.
/// (Hang detection only: answers take milliseconds; no test measures time.)
const HANG: Duration = Duration::from_secs(60);

pub struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
    /// Notifications received and not yet asked for.
    pending: Vec<Value>,
    /// What `workspace/configuration` is answered with (by section).
    settings: Value,
    /// How long to wait for a message before calling the server hung.
    pub timeout: Duration,
    /// Every message, `-->` sent and `<--` received.
    pub transcript: Vec<(&'static str, Value)>,
}

/// The repository root (the shipped routines are under it).
pub fn repo() -> PathBuf {
    rutin::source::normalize(&Path::new(env!("CARGO_MANIFEST_DIR")).join(".."))
}

pub fn uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The UTF-16 position of byte `offset` of `text`.
pub fn position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    json!({"line": line, "character": before[start..].encode_utf16().count()})
}

/// The byte offset of a UTF-16 position of `text`.
pub fn offset(text: &str, position: &Value) -> usize {
    let line = position["line"].as_u64().unwrap_or_default() as usize;
    let character = position["character"].as_u64().unwrap_or_default() as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character || c == '\n' {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// `text` with the LSP `TextEdit`s of `edits` applied.
pub fn apply(text: &str, edits: &[Value]) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            let start = offset(text, &e["range"]["start"]);
            let end = offset(text, &e["range"]["end"]);
            (
                start,
                end,
                e["newText"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_owned();
    for (start, end, new) in spans {
        out.replace_range(start..end, &new);
    }
    out
}

fn read_frames(stdout: impl Read, sender: mpsc::Sender<Value>) {
    let mut reader = BufReader::new(stdout);
    loop {
        let mut length = None;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                length = n.parse::<usize>().ok();
            }
        }
        let mut body = vec![0; length.expect("every frame has a Content-Length")];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        let value: Value = serde_json::from_slice(&body).expect("every frame is JSON");
        if sender.send(value).is_err() {
            return;
        }
    }
}

impl Client {
    /// Starts `rutin lsp` and initializes it with `root` as the workspace folder.
    pub fn start(root: &Path) -> Client {
        let mut command = Command::new(env!("CARGO_BIN_EXE_rutin"));
        command
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C");
        command.arg("lsp");
        let (client, init) = Client::spawn(command, root, Value::Null);
        assert!(
            init["result"]["capabilities"]["hoverProvider"]
                .as_bool()
                .unwrap_or(false),
            "{init}"
        );
        client
    }

    /// Starts the language server `command` (speaking over stdio) and
    /// initializes it with `root` as the workspace folder; returns the client
    /// and the answer to `initialize`. With `settings` (not null) the client
    /// announces `workspace/configuration`, answers the server's requests
    /// for it from `settings`, and sends them once as a configuration change.
    pub fn spawn(mut command: Command, root: &Path, settings: Value) -> (Client, Value) {
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("the language server starts");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (sender, incoming) = mpsc::channel();
        std::thread::spawn(move || read_frames(stdout, sender));
        let mut client = Client {
            child,
            stdin,
            incoming,
            next_id: 0,
            pending: Vec::new(),
            settings: settings.clone(),
            timeout: HANG,
            transcript: Vec::new(),
        };
        let root_uri = uri(root);
        let capabilities = if settings.is_null() {
            json!({})
        } else {
            json!({"workspace": {"configuration": true}})
        };
        let init = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root_uri,
                "workspaceFolders": [{"uri": root_uri, "name": "rutin"}],
                "capabilities": capabilities,
            }),
        );
        client.notify("initialized", json!({}));
        if !settings.is_null() {
            client.notify(
                "workspace/didChangeConfiguration",
                json!({"settings": settings}),
            );
        }
        (client, init)
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
        self.transcript.push(("-->", message));
    }

    /// The next message from the server that is not a request to the client
    /// (those are answered here: `workspace/configuration` from the
    /// settings, any other with null).
    fn receive(&mut self) -> Value {
        loop {
            let message = self
                .incoming
                .recv_timeout(self.timeout)
                .expect("the server answers (it neither hung nor died)");
            self.transcript.push(("<--", message.clone()));
            let (Some(id), Some(method)) = (message.get("id"), message.get("method")) else {
                return message;
            };
            let result = if method == "workspace/configuration" {
                let items = message["params"]["items"].as_array().cloned();
                let section = |item: &Value| {
                    let path = item["section"].as_str().unwrap_or_default();
                    path.split('.')
                        .fold(&self.settings, |v, key| &v[key])
                        .clone()
                };
                Value::Array(items.unwrap_or_default().iter().map(section).collect())
            } else {
                Value::Null
            };
            self.send(json!({"jsonrpc": "2.0", "id": id.clone(), "result": result}));
        }
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns the whole response message; notifications
    /// arriving before it are kept for [`Client::diagnostics`].
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self.receive();
            if message.get("id") == Some(&json!(id)) && message.get("method").is_none() {
                return message;
            }
            self.pending.push(message);
        }
    }

    /// The next `publishDiagnostics` for `uri` (waiting for it if needed).
    pub fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let is_it = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        };
        if let Some(i) = self.pending.iter().position(is_it) {
            let m = self.pending.remove(i);
            return m["params"]["diagnostics"]
                .as_array()
                .cloned()
                .unwrap_or_default();
        }
        loop {
            let m = self.receive();
            if is_it(&m) {
                return m["params"]["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
            }
            self.pending.push(m);
        }
    }

    /// Notifications received so far and not yet taken.
    pub fn take_pending(&mut self) -> Vec<Value> {
        std::mem::take(&mut self.pending)
    }

    pub fn open(&mut self, path: &Path, text: &str) {
        let language = if path.extension().is_some_and(|e| e == "j2") {
            "jinja"
        } else {
            "yaml"
        };
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri(path), "languageId": language, "version": 1, "text": text}}),
        );
    }

    /// Replaces the whole text of an open document.
    pub fn change(&mut self, path: &Path, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri(path), "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    /// Replaces bytes `start..end` of `old` (the document's text) with `new`, as a ranged change.
    pub fn edit(
        &mut self,
        path: &Path,
        version: i32,
        old: &str,
        start: usize,
        end: usize,
        new: &str,
    ) {
        let range = json!({"start": position(old, start), "end": position(old, end)});
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri(path), "version": version}, "contentChanges": [{"range": range, "text": new}]}),
        );
    }

    /// A request at byte `offset` of `text` (the document's text).
    pub fn at(
        &mut self,
        method: &str,
        path: &Path,
        text: &str,
        offset: usize,
        extra: Value,
    ) -> Value {
        let mut params =
            json!({"textDocument": {"uri": uri(path)}, "position": position(text, offset)});
        if let (Some(p), Some(e)) = (params.as_object_mut(), extra.as_object()) {
            p.extend(e.clone());
        }
        self.request(method, params)
    }

    /// `shutdown` then `exit`; returns how the process ended.
    pub fn shutdown(mut self) -> ExitStatus {
        let answer = self.request("shutdown", Value::Null);
        assert_eq!(answer["result"], Value::Null, "{answer}");
        self.notify("exit", Value::Null);
        drop(self.stdin);
        self.child.wait().expect("the server exits")
    }

    /// The exchange as text, one message per line.
    pub fn transcript_text(&self) -> String {
        self.transcript
            .iter()
            .map(|(dir, m)| format!("{dir} {m}"))
            .collect::<Vec<_>>()
            .join("\n")
    }
}
