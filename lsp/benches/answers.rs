//! How fast `rutin lsp` answers on the shipped routines (the server loop in
//! process over an in-memory connection, exactly as over stdio): the
//! diagnostics after a change (a `didChange` then a request, which makes the
//! server analyze at once instead of after the debounce), hover and
//! completion on the analyzed text. Target: under 50 ms each.

use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion};
use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{json, Value};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// A client talking to a server thread.
struct Session {
    client: Connection,
    next: i32,
}

impl Session {
    fn start() -> Session {
        let (server, client) = Connection::memory();
        std::thread::spawn(move || rutin_lsp::serve(&server));
        let mut session = Session { client, next: 0 };
        let root = uri(&repo().canonicalize().expect("the repository"));
        session.request(
            "initialize",
            json!({"processId": null, "rootUri": root, "capabilities": {}}),
        );
        session.notify("initialized", json!({}));
        session
    }

    fn notify(&self, method: &str, params: Value) {
        let n = Notification::new(method.to_owned(), params);
        self.client
            .sender
            .send(n.into())
            .expect("the server listens");
    }

    /// Sends a request and waits for its answer (diagnostics before it are dropped).
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = RequestId::from(self.next);
        let r = Request::new(id.clone(), method.to_owned(), params);
        self.client
            .sender
            .send(r.into())
            .expect("the server listens");
        loop {
            match self.client.receiver.recv().expect("the server answers") {
                Message::Response(r) if r.id == id => return r.result.unwrap_or(Value::Null),
                _ => continue,
            }
        }
    }
}

fn position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    json!({"line": line, "character": before[start..].encode_utf16().count()})
}

fn bench(c: &mut Criterion) {
    let path = repo()
        .canonicalize()
        .expect("the repository")
        .join("workflows/kommun_000/installation.yaml");
    let text = std::fs::read_to_string(&path).expect("the shipped routine");
    let doc = uri(&path);
    let mut s = Session::start();
    s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": doc, "languageId": "yaml", "version": 1, "text": text}}),
    );
    let next = text.find("    next: check_order").expect("a next") + "    next: ".len();
    let role = text.find("role: alarm_team").expect("a role") + "role: ".len() + 2;
    let at = |offset| json!({"textDocument": {"uri": doc}, "position": position(&text, offset)});

    let mut version = 1;
    c.bench_function("lsp: diagnostics after a change (installation)", |b| {
        b.iter(|| {
            version += 1;
            let edited = if version % 2 == 0 {
                text.replacen("next: check_order", "next: chek_order", 1)
            } else {
                text.clone()
            };
            s.notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": doc, "version": version}, "contentChanges": [{"text": edited}]}),
            );
            s.request("textDocument/codeAction", json!({"textDocument": {"uri": doc},
                "range": {"start": position(&text, 0), "end": position(&text, 0)},
                "context": {"diagnostics": []}}))
        })
    });
    version += 1;
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": doc, "version": version}, "contentChanges": [{"text": text}]}),
    );
    c.bench_function("lsp: hover on a role (installation)", |b| {
        b.iter(|| s.request("textDocument/hover", at(role)))
    });
    c.bench_function("lsp: completion after next: (installation)", |b| {
        b.iter(|| s.request("textDocument/completion", at(next)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
