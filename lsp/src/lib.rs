//! The language server of Rutin: the analyzer inside the editor.
//!
//! `rutin lsp` runs [`run_stdio`]. It serves routine files, organisation
//! files and templates: the diagnostics `rutin check` gives (as the user
//! types, from the unsaved buffers), hover, go to definition, find
//! references, completion of ids, quick fixes for "did you mean" and
//! rename. The knowledge comes from the engine ([`rutin::ide`] and
//! [`rutin::check_routine_with`]); this crate only speaks the protocol
//! (`lsp-server`, `lsp-types`), so the engine stays free of it.

mod actions;
mod complete;
mod convert;
mod diagnostics;
mod documents;
mod navigate;
mod project;
mod server;

pub use server::{serve, DEBOUNCE};

use lsp_server::Connection;
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions,
    HoverProviderCapability, OneOf, RenameOptions, ServerCapabilities, TextDocumentSyncCapability,
    TextDocumentSyncKind,
};

/// Serves one editor over standard input and output until it exits; an
/// error is a broken conversation (malformed JSON-RPC, a closed pipe).
pub fn run_stdio() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let (connection, io_threads) = Connection::stdio();
    serve(&connection)?;
    drop(connection);
    io_threads.join()?;
    Ok(())
}

/// What the server offers: incremental sync, hover, definition,
/// references, completion (after `:`, `[`, `,`, `{` and space), quick
/// fixes and rename with prepare.
pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(
            TextDocumentSyncKind::INCREMENTAL,
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some([":", " ", "[", ",", "{", "-"].map(String::from).to_vec()),
            ..CompletionOptions::default()
        }),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        ..ServerCapabilities::default()
    }
}
