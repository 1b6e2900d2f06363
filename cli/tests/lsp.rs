//! `rutin lsp` driven over stdio with JSON-RPC, on the shipped routines:
//! diagnostics from unsaved buffers (with UTF-16 ranges), hover,
//! definition, references, completion, quick fixes, rename, shutdown.

mod lsp_client;

use std::path::PathBuf;

use lsp_client::{apply, offset, repo, uri, Client};
use serde_json::{json, Value};

fn installation() -> (PathBuf, String) {
    let path = repo().join("workflows/kommun_000/installation.yaml");
    let text = std::fs::read_to_string(&path).expect("the shipped routine");
    (path, text)
}

fn at(text: &str, needle: &str) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("`{needle}` is in the text"))
}

fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect()
}

#[test]
fn diagnostics_follow_the_unsaved_buffer_and_carry_the_quick_fix() {
    let (path, text) = installation();
    let mut client = Client::start(&repo());
    client.open(&path, &text);
    assert_eq!(
        client.diagnostics(&uri(&path)),
        Vec::<Value>::new(),
        "the shipped routine is clean"
    );

    // Type a wrong step id (unsaved): the diagnostic comes from the buffer.
    let start = at(&text, "    next: check_order") + "    next: ".len();
    client.edit(
        &path,
        2,
        &text,
        start,
        start + "check_order".len(),
        "chek_order",
    );
    let edited = text.replacen("    next: check_order", "    next: chek_order", 1);
    let diagnostics = client.diagnostics(&uri(&path));
    let d = diagnostics
        .iter()
        .find(|d| d["code"] == "rutin::unknown-reference")
        .unwrap_or_else(|| panic!("{diagnostics:?}"));
    assert_eq!(d["severity"], 1);
    assert_eq!(d["source"], "rutin");
    assert_eq!(offset(&edited, &d["range"]["start"]), start);
    assert_eq!(
        offset(&edited, &d["range"]["end"]),
        start + "chek_order".len()
    );
    assert!(
        d["message"]
            .as_str()
            .unwrap_or_default()
            .contains("unknown step `chek_order`\nhelp: did you mean `check_order`?"),
        "{d}"
    );
    assert_eq!(
        d["data"],
        json!({"replace": "chek_order", "with": "check_order"})
    );

    // The quick fix puts the suggestion in its place.
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&path)}, "range": d["range"], "context": {"diagnostics": [d]}}),
    );
    let action = &actions["result"][0];
    assert_eq!(action["kind"], "quickfix");
    assert_eq!(action["title"], "Replace `chek_order` with `check_order`");
    let edits = action["edit"]["changes"][uri(&path)]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let fixed = apply(&edited, &edits);
    assert_eq!(fixed, text);
    client.change(&path, 3, &fixed);
    assert_eq!(client.diagnostics(&uri(&path)), Vec::<Value>::new());
    assert!(client.shutdown().success());
}

#[test]
fn a_template_edit_rechecks_the_routine_with_utf16_columns() {
    let (path, text) = installation();
    let template = repo().join("templates/kommun_000/installed.j2");
    let t = std::fs::read_to_string(&template).expect("the shipped template");
    let mut client = Client::start(&repo());
    client.open(&path, &text);
    client.diagnostics(&uri(&path));
    client.open(&template, &t);
    // A misspelt field in a line with `ä` before it, in the unsaved template.
    let field = at(&t, "{{ client_name }}") + 3;
    let broken = format!(
        "{}client_nam{}",
        &t[..field],
        &t[field + "client_name".len()..]
    );
    client.change(&template, 2, &broken);
    let diagnostics = loop {
        let d = client.diagnostics(&uri(&template));
        if !d.is_empty() {
            break d;
        }
    };
    let d = diagnostics
        .iter()
        .find(|d| d["code"] == "rutin::template-unknown-variable")
        .unwrap_or_else(|| panic!("{diagnostics:?}"));
    let start = &d["range"]["start"];
    let line_start = broken[..field].rfind('\n').map_or(0, |i| i + 1);
    let utf16 = broken[line_start..field].encode_utf16().count();
    assert_eq!(start["character"], utf16, "columns are UTF-16 units");
    assert_ne!(
        utf16,
        field - line_start,
        "the line has a letter of two bytes before the field"
    );
    assert_eq!(d["data"]["with"], "client_name");
    assert!(client.shutdown().success());
}

#[test]
fn an_organisation_edit_rechecks_the_open_routines_using_it() {
    let (path, text) = installation();
    let org = repo().join("workflows/kommun_000/organisation.yaml");
    let o = std::fs::read_to_string(&org).expect("the organisation file");
    let mut client = Client::start(&repo());
    client.open(&path, &text);
    client.diagnostics(&uri(&path));
    client.open(&org, &o);
    client.change(&org, 2, &o.replacen("  alarm_team:", "  alarm_teams:", 1));
    let diagnostics = client.diagnostics(&uri(&path));
    assert!(
        codes(&diagnostics).contains(&"rutin::unknown-reference"),
        "{diagnostics:?}"
    );
    assert!(
        diagnostics
            .iter()
            .any(|d| d["data"]["with"] == "alarm_teams"),
        "{diagnostics:?}"
    );
    assert!(client.shutdown().success());
}

#[test]
fn hover_shows_definitions_visibility_and_durations() {
    let (path, text) = installation();
    let mut client = Client::start(&repo());
    client.open(&path, &text);
    let hover = |client: &mut Client, offset: usize| {
        let answer = client.at("textDocument/hover", &path, &text, offset, json!({}));
        answer["result"]["contents"]["value"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    let role = hover(
        &mut client,
        at(&text, "role: alarm_team") + "role: ".len() + 2,
    );
    assert!(role.starts_with("**role** `alarm_team`"), "{role}");
    assert!(role.contains("*name:* Larmgruppen"), "{role}");
    // Who may see a field (the shipped routines show every field to all;
    // the analyzer's fixture hides one).
    let fixture = repo().join("engine/tests/fixtures/valid/everything/routine.yaml");
    let f = std::fs::read_to_string(&fixture).expect("the fixture");
    client.open(&fixture, &f);
    let answer = client.at(
        "textDocument/hover",
        &fixture,
        &f,
        at(&f, "key_number:") + 3,
        json!({}),
    );
    let field = answer["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(field.contains("*type:* text"), "{field}");
    assert!(
        field.contains("*visible to:* only Larmgruppen (`alarm_team`)"),
        "{field}"
    );
    let step = hover(&mut client, at(&text, "next: check_order") + "next: ".len());
    assert!(
        step.contains("*title:* Ta emot och kontrollera beställningen"),
        "{step}"
    );
    let duration = hover(
        &mut client,
        at(&text, "after: 5 working days") + "after: ".len(),
    );
    assert!(duration.contains("5 arbetsdagar"), "{duration}");
    assert!(duration.contains("working days"), "{duration}");
    let deadline_line = &text[..at(&text, "after: 5 working days")];
    let id_at = deadline_line.rfind("id: ").unwrap_or_default() + "id: ".len();
    let deadline = hover(&mut client, id_at);
    assert!(deadline.starts_with("**deadline**"), "{deadline}");
    assert!(deadline.contains("5 arbetsdagar"), "{deadline}");
    assert!(client.shutdown().success());
}

#[test]
fn definition_and_references_cross_files() {
    let (path, text) = installation();
    let org = repo().join("workflows/kommun_000/organisation.yaml");
    let template = repo().join("templates/kommun_000/installed.j2");
    let t = std::fs::read_to_string(&template).expect("template");
    let mut client = Client::start(&repo());
    client.open(&path, &text);

    let def = client.at(
        "textDocument/definition",
        &path,
        &text,
        at(&text, "next: check_order") + 7,
        json!({}),
    );
    assert_eq!(def["result"]["uri"], uri(&path));
    assert_eq!(
        offset(&text, &def["result"]["range"]["start"]),
        at(&text, "  check_order:") + 2
    );

    let def = client.at(
        "textDocument/definition",
        &path,
        &text,
        at(&text, "role: alarm_team") + 7,
        json!({}),
    );
    assert_eq!(def["result"]["uri"], uri(&org));

    // From a template to the routine's field, and back.
    client.open(&template, &t);
    let in_template = at(&t, "{{ client_name") + 4;
    let def = client.at(
        "textDocument/definition",
        &template,
        &t,
        in_template,
        json!({}),
    );
    assert_eq!(def["result"]["uri"], uri(&path));
    assert_eq!(
        offset(&text, &def["result"]["range"]["start"]),
        at(&text, "  client_name:") + 2
    );
    let refs = client.at(
        "textDocument/references",
        &path,
        &text,
        at(&text, "  client_name:") + 2,
        json!({"context": {"includeDeclaration": true}}),
    );
    let refs = refs["result"].as_array().cloned().unwrap_or_default();
    assert!(refs.iter().any(|r| r["uri"] == uri(&template)), "{refs:?}");
    assert!(refs.iter().any(|r| r["uri"] == uri(&path)), "{refs:?}");
    // The step references: every `next`, `to`, `goto` naming it, and `start`.
    let refs = client.at(
        "textDocument/references",
        &path,
        &text,
        at(&text, "  check_order:") + 2,
        json!({"context": {"includeDeclaration": false}}),
    );
    let n = refs["result"].as_array().map_or(0, Vec::len);
    let written = text.matches("check_order").count();
    assert_eq!(n, written - 1, "{refs}");
    assert!(client.shutdown().success());
}

#[test]
fn completion_offers_ids_with_display_names() {
    let (path, text) = installation();
    let template = repo().join("templates/kommun_000/installed.j2");
    let t = std::fs::read_to_string(&template).expect("template");
    let mut client = Client::start(&repo());
    client.open(&path, &text);
    // A half-typed `next:` (the file still parses).
    let start = at(&text, "    next: check_order") + "    next: ".len();
    let typed = text.replacen("    next: check_order", "    next: ch", 1);
    client.change(&path, 2, &typed);
    let items = client.at(
        "textDocument/completion",
        &path,
        &typed,
        start + 2,
        json!({}),
    );
    let items = items["result"].as_array().cloned().unwrap_or_default();
    let item = items
        .iter()
        .find(|i| i["label"] == "check_order")
        .unwrap_or_else(|| panic!("{items:?}"));
    assert_eq!(item["detail"], "Ta emot och kontrollera beställningen");
    assert_eq!(offset(&typed, &item["textEdit"]["range"]["start"]), start);

    let role_at = at(&text, "    role: alarm_team") + "    role: ".len();
    let items = client.at("textDocument/completion", &path, &typed, role_at, json!({}));
    let items = items["result"].as_array().cloned().unwrap_or_default();
    assert!(
        items
            .iter()
            .any(|i| i["label"] == "assessor" && i["detail"] == "Biståndshandläggare"),
        "{items:?}"
    );

    // Inside `{{ }}` in a template: the routine's fields.
    client.open(&template, &t);
    let inside = at(&t, "{{ client_name") + 3;
    let items = client.at("textDocument/completion", &template, &t, inside, json!({}));
    let labels: Vec<&str> = items["result"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| i["label"].as_str())
        .collect();
    assert!(
        labels.contains(&"client_address") && labels.contains(&"install_date"),
        "{labels:?}"
    );
    assert!(client.shutdown().success());
}

#[test]
fn rename_changes_every_place_and_the_result_checks_clean() {
    let (path, text) = installation();
    let template = repo().join("templates/kommun_000/installed.j2");
    let mut client = Client::start(&repo());
    client.open(&path, &text);
    client.diagnostics(&uri(&path));
    let step = at(&text, "  check_order:") + 2;
    let prepared = client.at("textDocument/prepareRename", &path, &text, step, json!({}));
    assert_eq!(offset(&text, &prepared["result"]["start"]), step);
    let answer = client.at(
        "textDocument/rename",
        &path,
        &text,
        step,
        json!({"newName": "verify_order"}),
    );
    let edits = answer["result"]["changes"][uri(&path)]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(edits.len(), text.matches("check_order").count());
    let renamed = apply(&text, &edits);
    assert!(!renamed.contains("check_order"));
    client.change(&path, 2, &renamed);
    assert_eq!(
        client.diagnostics(&uri(&path)),
        Vec::<Value>::new(),
        "the renamed routine checks clean"
    );

    // A field renamed in the routine is renamed in the templates it sends.
    let field = at(&renamed, "  install_date:") + 2;
    let answer = client.at(
        "textDocument/rename",
        &path,
        &renamed,
        field,
        json!({"newName": "installed_on"}),
    );
    assert!(
        answer["result"]["changes"][uri(&template)]
            .as_array()
            .is_some_and(|e| !e.is_empty()),
        "{answer}"
    );

    // A taken or invalid name is refused with a reason.
    let answer = client.at(
        "textDocument/rename",
        &path,
        &renamed,
        field,
        json!({"newName": "client_name"}),
    );
    assert!(
        answer["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("already exists"),
        "{answer}"
    );
    let answer = client.at(
        "textDocument/rename",
        &path,
        &renamed,
        field,
        json!({"newName": "2nd"}),
    );
    assert!(
        answer["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("not a valid id"),
        "{answer}"
    );
    assert!(client.shutdown().success());
}

#[test]
fn the_transcript_of_a_diagnostic_and_a_completion() {
    // The exchange pasted in the closing note: printed with --nocapture.
    let (path, text) = installation();
    let mut client = Client::start(&repo());
    let short = "routine:\n  id: demo\n  title: Demo\norganisation: organisation.yaml\nstart: a\nsteps:\n  a:\n    kind: task\n    title: Ring brukaren\n    role: alarm_tem\n    next: b\n  b:\n    kind: end\n";
    let demo = path.with_file_name("demo.yaml");
    client.open(&demo, short);
    let diagnostics = client.diagnostics(&uri(&demo));
    assert!(
        codes(&diagnostics).contains(&"rutin::unknown-reference"),
        "{diagnostics:?}"
    );
    let items = client.at(
        "textDocument/completion",
        &demo,
        short,
        at(short, "next: b") + 6,
        json!({}),
    );
    assert!(
        items["result"]
            .as_array()
            .is_some_and(|i| i.iter().any(|i| i["label"] == "b")),
        "{items}"
    );
    let transcript = client.transcript_text();
    assert!(client.shutdown().success());
    println!("{transcript}");
    drop(text);
}
