//! The JSON Schema in the real yaml-language-server (npm, pinned in
//! `tests/yaml-ls/`), driven over stdio like `rutin lsp`, on a shipped
//! routine with its own modeline: unknown keys, unknown kinds and keys of
//! another kind are flagged, and key completion in a step offers only its
//! kind's keys.
//!
//! Needs `npm ci` in `tests/yaml-ls/` (`.ci/run` does it). Without it the
//! tests print a notice and pass without running; with `CI=true` they fail,
//! so CI can never skip them silently.

mod lsp_client;

use std::path::{Path, PathBuf};
use std::process::Command;

use lsp_client::{offset, repo, uri, Client};
use serde_json::{json, Value};

/// The server's entry point, or `None` (with a notice) when not installed outside CI.
fn server() -> Option<PathBuf> {
    let bin =
        repo().join("tests/yaml-ls/node_modules/yaml-language-server/bin/yaml-language-server");
    let node = Command::new("node").arg("--version").output();
    if bin.is_file() && node.is_ok_and(|o| o.status.success()) {
        return Some(bin);
    }
    let why =
        "yaml-language-server is not installed (run `npm ci` in tests/yaml-ls; Node is needed)";
    if std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") {
        panic!("CI is set but {why}: the schema tests must run in CI (.ci/run installs it)");
    }
    eprintln!("note: {why}; yaml-language-server test skipped");
    None
}

/// yaml-language-server with validation, completion and hover on, and no
/// schema store (only the file's modeline names a schema).
fn start(bin: &Path) -> Client {
    let mut command = Command::new("node");
    command.arg(bin).arg("--stdio");
    let settings = json!({"yaml": {
        "validate": true,
        "completion": true,
        "hover": true,
        "schemaStore": {"enable": false},
    }});
    let (client, init) = Client::spawn(command, &repo(), settings);
    assert!(
        init["result"]["capabilities"]["completionProvider"].is_object(),
        "{init}"
    );
    client
}

fn installation() -> String {
    let text = std::fs::read_to_string(repo().join("workflows/kommun_000/installation.yaml"))
        .expect("the shipped routine");
    assert!(
        text.starts_with("# yaml-language-server: $schema=../../schema/routine.schema.json\n"),
        "the shipped modeline"
    );
    text
}

/// A document beside the shipped routine (so its modeline finds the
/// committed schema), named for one test.
fn beside(name: &str) -> PathBuf {
    repo().join(format!("workflows/kommun_000/{name}.yaml"))
}

fn at(text: &str, needle: &str) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("`{needle}` is in the text"))
}

/// The first task of the shipped routine with `extra` written after its `role:` line.
fn with_in_first_task(text: &str, extra: &str) -> (String, usize) {
    let line = "    role: alarm_team\n";
    let end = at(text, line) + line.len();
    (format!("{}{extra}{}", &text[..end], &text[end..]), end)
}

/// Opens `text` as `path` and returns the diagnostics published for it.
fn diagnostics(client: &mut Client, path: &Path, text: &str) -> Vec<Value> {
    client.open(path, text);
    client.diagnostics(&uri(path))
}

/// The diagnostic whose message contains `needle`, starting at byte `start`.
fn flagged<'d>(diagnostics: &'d [Value], text: &str, needle: &str, start: usize) -> &'d Value {
    diagnostics
        .iter()
        .find(|d| {
            d["message"].as_str().unwrap_or_default().contains(needle)
                && offset(text, &d["range"]["start"]) == start
        })
        .unwrap_or_else(|| panic!("no `{needle}` at byte {start}: {diagnostics:#?}"))
}

#[test]
fn the_shipped_routine_is_clean_and_mistakes_are_flagged() {
    let Some(bin) = server() else { return };
    let mut client = start(&bin);
    let text = installation();
    assert_eq!(
        diagnostics(&mut client, &beside("yls_clean"), &text),
        Vec::<Value>::new(),
        "the shipped routine validates in yaml-language-server"
    );

    let (unknown, key) = with_in_first_task(&text, "    rol: alarm_team\n");
    let found = diagnostics(&mut client, &beside("yls_unknown_key"), &unknown);
    let d = flagged(&found, &unknown, "Property rol is not allowed", key + 4);
    assert_eq!(d["severity"], 1, "{d}");

    let kind = at(&text, "    kind: task\n") + "    kind: ".len();
    let tsak = format!("{}tsak{}", &text[..kind], &text[kind + "task".len()..]);
    let found = diagnostics(&mut client, &beside("yls_tsak"), &tsak);
    let d = flagged(&found, &tsak, "Value is not accepted", kind);
    assert!(
        d["message"]
            .as_str()
            .unwrap_or_default()
            .contains("\"task\""),
        "the allowed kinds are listed: {d}"
    );

    for (name, extra) in [
        ("branches", "    branches: [wait_order_correction]\n"),
        ("until", "    until: \"{{ today }}\"\n"),
        ("join", "    join: declined\n"),
    ] {
        let (other, key) = with_in_first_task(&text, extra);
        let found = diagnostics(&mut client, &beside(&format!("yls_{name}")), &other);
        flagged(
            &found,
            &other,
            &format!("Property {name} is not allowed"),
            key + 4,
        );
    }
    assert!(client.shutdown().success());
}

/// The labels completed at the start of a new blank key line after `line`.
fn keys_offered(client: &mut Client, name: &str, text: &str, line: &str) -> Vec<String> {
    let end = at(text, line) + line.len();
    let typed = format!("{}    \n{}", &text[..end], &text[end..]);
    let path = beside(name);
    client.open(&path, &typed);
    let answer = client.at("textDocument/completion", &path, &typed, end + 4, json!({}));
    let items = answer["result"]["items"]
        .as_array()
        .or(answer["result"].as_array())
        .cloned()
        .unwrap_or_default();
    items
        .iter()
        .filter_map(|i| i["label"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn key_completion_offers_only_the_keys_of_the_steps_kind() {
    let Some(bin) = server() else { return };
    let mut client = start(&bin);
    let text = installation();

    let task = keys_offered(
        &mut client,
        "yls_task_keys",
        &text,
        "    role: alarm_team\n",
    );
    for key in ["documents", "optional", "deadlines"] {
        assert!(task.iter().any(|k| k == key), "task: no {key} in {task:?}");
    }
    for key in ["branches", "until", "join", "template", "outcome", "event"] {
        assert!(!task.iter().any(|k| k == key), "task: {key} in {task:?}");
    }

    let message = keys_offered(
        &mut client,
        "yls_message_keys",
        &text,
        "    template: order_incorrect\n",
    );
    assert!(message.iter().any(|k| k == "cc"), "message: {message:?}");
    for key in ["role", "branches", "collects"] {
        assert!(
            !message.iter().any(|k| k == key),
            "message: {key} in {message:?}"
        );
    }
    assert!(client.shutdown().success());
}
