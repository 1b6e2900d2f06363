//! The main loop: messages in, answers and diagnostics out. Changes are
//! debounced: the routines are re-analyzed when the editor has been quiet
//! for [`DEBOUNCE`], or at once when a request needs the current text.

use std::collections::{BTreeMap, BTreeSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument,
    Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, GotoDefinition, HoverRequest, PrepareRenameRequest, References,
    Rename, Request as _,
};
use lsp_types::{PublishDiagnosticsParams, TextDocumentPositionParams};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::documents::Documents;
use crate::project::Project;
use crate::{actions, complete, convert, diagnostics, navigate};

/// How long the editor must be quiet after a change before the routines
/// are checked again.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// Everything the server knows.
#[derive(Debug, Default)]
pub(crate) struct State {
    pub(crate) docs: Documents,
    pub(crate) project: Project,
    /// The diagnostics last sent, by file.
    pub(crate) published: BTreeMap<PathBuf, Vec<lsp_types::Diagnostic>>,
    /// Files changed since the last analysis.
    changed: BTreeSet<PathBuf>,
    /// When the pending changes are to be analyzed.
    due: Option<Instant>,
    /// The language of the diagnostics: the client's `locale`, else English.
    lang: rutin::i18n::Lang,
}

/// A position in an open (or on-disk) file, as the analyzer sees it.
#[derive(Debug)]
pub(crate) struct Cursor {
    pub(crate) path: PathBuf,
    pub(crate) text: String,
    pub(crate) offset: usize,
}

/// Serves one client on `connection` until it says `exit` (after
/// `shutdown`) or goes away.
pub fn serve(connection: &Connection) -> Result<(), lsp_server::ProtocolError> {
    let (id, params) = connection.initialize_start()?;
    let root = root_of(&params);
    let lang = lang_of(&params);
    let result = serde_json::json!({
        "capabilities": crate::capabilities(),
        "serverInfo": { "name": "rutin", "version": env!("CARGO_PKG_VERSION") },
    });
    connection.initialize_finish(id, result)?;
    let mut state = State {
        project: Project::new(root),
        lang,
        ..State::default()
    };
    loop {
        let message = match state.due {
            Some(due) => {
                let wait = due.saturating_duration_since(Instant::now());
                match connection.receiver.recv_timeout(wait) {
                    Ok(m) => m,
                    Err(crossbeam_timeout) if crossbeam_timeout.is_timeout() => {
                        state.analyze(connection);
                        continue;
                    }
                    Err(_) => return Ok(()),
                }
            }
            None => match connection.receiver.recv() {
                Ok(m) => m,
                Err(_) => return Ok(()),
            },
        };
        match message {
            Message::Request(request) => {
                if connection.handle_shutdown(&request)? {
                    return Ok(());
                }
                state.analyze(connection);
                let response = guarded(&request, || state.answer(&request));
                send(connection, response.into());
            }
            Message::Notification(n) => {
                if n.method == "exit" {
                    return Ok(());
                }
                let now = n.method == DidOpenTextDocument::METHOD
                    || n.method == DidCloseTextDocument::METHOD
                    || n.method == DidSaveTextDocument::METHOD;
                if state.note(n) {
                    state.due = Some(if now {
                        Instant::now()
                    } else {
                        Instant::now() + DEBOUNCE
                    });
                }
            }
            Message::Response(_) => {}
        }
    }
}

/// The client's `locale` (`sv`, `sv-SE`, `en-US`...) as a language Rutin
/// speaks; English when it sends none or one Rutin does not speak.
fn lang_of(params: &Value) -> rutin::i18n::Lang {
    params
        .get("locale")
        .and_then(Value::as_str)
        .and_then(|locale| locale.parse().ok())
        .unwrap_or_default()
}

fn root_of(params: &Value) -> Option<PathBuf> {
    let params: lsp_types::InitializeParams = serde_json::from_value(params.clone()).ok()?;
    let folder = params.workspace_folders.and_then(|f| f.into_iter().next());
    #[allow(deprecated)] // Older clients only send `rootUri`.
    let uri = folder.map(|f| f.uri).or(params.root_uri)?;
    convert::path_of(&uri)
}

/// Runs a request handler; a panic (a bug, never a user's text) becomes an
/// error answer instead of a dead server.
fn guarded(
    request: &Request,
    answer: impl FnOnce() -> Result<Value, (ErrorCode, String)>,
) -> Response {
    let id = request.id.clone();
    match catch_unwind(AssertUnwindSafe(answer)) {
        Ok(Ok(value)) => Response::new_ok(id, value),
        Ok(Err((code, message))) => Response::new_err(id, code as i32, message),
        Err(_) => Response::new_err(
            id,
            ErrorCode::InternalError as i32,
            format!("rutin failed while answering {}", request.method),
        ),
    }
}

fn send(connection: &Connection, message: Message) {
    // A closed channel means the client is gone; the loop ends on the next receive.
    let _ = connection.sender.send(message);
}

fn params<P: DeserializeOwned>(value: &Value) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(value.clone())
        .map_err(|e| (ErrorCode::InvalidParams, format!("invalid parameters: {e}")))
}

fn to_value(result: impl serde::Serialize) -> Result<Value, (ErrorCode, String)> {
    serde_json::to_value(result).map_err(|e| (ErrorCode::InternalError, e.to_string()))
}

impl State {
    /// Takes a notification in; returns whether the routines must be
    /// analyzed again.
    fn note(&mut self, n: Notification) -> bool {
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Ok(p) = params::<lsp_types::DidOpenTextDocumentParams>(&n.params) else {
                    return false;
                };
                let Some(path) = convert::path_of(&p.text_document.uri) else {
                    return false;
                };
                self.docs
                    .open(path.clone(), p.text_document.text, p.text_document.version);
                self.changed.insert(path);
            }
            DidChangeTextDocument::METHOD => {
                let Ok(p) = params::<lsp_types::DidChangeTextDocumentParams>(&n.params) else {
                    return false;
                };
                let Some(path) = convert::path_of(&p.text_document.uri) else {
                    return false;
                };
                self.docs
                    .change(&path, p.text_document.version, p.content_changes);
                self.changed.insert(path);
            }
            DidCloseTextDocument::METHOD => {
                let Ok(p) = params::<lsp_types::DidCloseTextDocumentParams>(&n.params) else {
                    return false;
                };
                let Some(path) = convert::path_of(&p.text_document.uri) else {
                    return false;
                };
                self.docs.close(&path);
                self.changed.insert(path);
            }
            DidSaveTextDocument::METHOD => {}
            _ => return false,
        }
        true
    }

    /// Analyzes what changed and sends the diagnostics that differ from
    /// those last sent.
    fn analyze(&mut self, connection: &Connection) {
        let Some(_) = self.due.take() else {
            return;
        };
        let changed = std::mem::take(&mut self.changed);
        let refreshed = catch_unwind(AssertUnwindSafe(|| {
            self.project.refresh(&self.docs, &changed);
            self.project.forget_missing(&self.docs);
        }));
        if refreshed.is_err() {
            // A bug in the analyzer: keep serving, with what was known before.
            self.project = Project::new(None);
        }
        let fresh = diagnostics::by_file(self.project.shown(&self.docs), self.lang);
        // An open file just changed always gets its list (empty too: the
        // editor then knows it was checked); others when theirs changed.
        let touched: Vec<PathBuf> = changed
            .iter()
            .filter(|p| self.docs.get(p).is_some())
            .cloned()
            .collect();
        let files: BTreeSet<PathBuf> = fresh
            .keys()
            .chain(self.published.keys())
            .chain(&touched)
            .cloned()
            .collect();
        for path in files {
            let now = fresh.get(&path).cloned().unwrap_or_default();
            let unchanged = self
                .published
                .get(&path)
                .map_or(now.is_empty(), |p| *p == now);
            if unchanged && !touched.contains(&path) {
                continue;
            }
            let Some(uri) = convert::uri_of(&path) else {
                continue;
            };
            let version = self.docs.get(&path).map(|d| d.version);
            let params = PublishDiagnosticsParams::new(uri, now.clone(), version);
            send(
                connection,
                Notification::new(PublishDiagnostics::METHOD.to_owned(), params).into(),
            );
            if now.is_empty() {
                self.published.remove(&path);
            } else {
                self.published.insert(path, now);
            }
        }
    }

    fn cursor(&self, at: &TextDocumentPositionParams) -> Result<Cursor, (ErrorCode, String)> {
        let path = convert::path_of(&at.text_document.uri)
            .ok_or_else(|| (ErrorCode::InvalidParams, "not a file: URI".to_owned()))?;
        let text = self.docs.text(&path).unwrap_or_default();
        let offset = convert::offset(&text, at.position);
        Ok(Cursor { path, text, offset })
    }

    fn answer(&mut self, request: &Request) -> Result<Value, (ErrorCode, String)> {
        let p = &request.params;
        match request.method.as_str() {
            HoverRequest::METHOD => {
                let p: lsp_types::HoverParams = params(p)?;
                to_value(navigate::hover(
                    self,
                    &self.cursor(&p.text_document_position_params)?,
                ))
            }
            GotoDefinition::METHOD => {
                let p: lsp_types::GotoDefinitionParams = params(p)?;
                to_value(navigate::definition(
                    self,
                    &self.cursor(&p.text_document_position_params)?,
                ))
            }
            References::METHOD => {
                let p: lsp_types::ReferenceParams = params(p)?;
                let at = self.cursor(&p.text_document_position)?;
                to_value(navigate::references(
                    self,
                    &at,
                    p.context.include_declaration,
                ))
            }
            Completion::METHOD => {
                let p: lsp_types::CompletionParams = params(p)?;
                to_value(complete::completion(
                    self,
                    &self.cursor(&p.text_document_position)?,
                ))
            }
            CodeActionRequest::METHOD => {
                let p: lsp_types::CodeActionParams = params(p)?;
                to_value(actions::code_actions(self, &p.text_document.uri, p.range))
            }
            PrepareRenameRequest::METHOD => {
                let p: TextDocumentPositionParams = params(p)?;
                to_value(navigate::prepare_rename(self, &self.cursor(&p)?))
            }
            Rename::METHOD => {
                let p: lsp_types::RenameParams = params(p)?;
                let at = self.cursor(&p.text_document_position)?;
                // Routines sharing the file's organisation file are renamed too.
                let found = self.project.search(&at.path);
                self.project.analyze_all(found, &self.docs);
                navigate::rename(self, &at, &p.new_name)
                    .map_err(|message| (ErrorCode::RequestFailed, message))
                    .and_then(to_value)
            }
            other => Err((
                ErrorCode::MethodNotFound,
                format!("rutin does not answer {other}"),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rutin::i18n::Lang;

    #[test]
    fn the_clients_locale_chooses_the_language() {
        let lang = |params: Value| lang_of(&params);
        assert_eq!(lang(serde_json::json!({"locale": "sv"})), Lang::Sv);
        assert_eq!(lang(serde_json::json!({"locale": "sv-SE"})), Lang::Sv);
        assert_eq!(lang(serde_json::json!({"locale": "en-US"})), Lang::En);
        assert_eq!(lang(serde_json::json!({"locale": "de"})), Lang::En);
        assert_eq!(lang(serde_json::json!({})), Lang::En);
    }
}
