//! The routine book: the routine as the document a municipality publishes
//! (header, roles and responsibilities, the procedure step by step, every
//! deadline and message in words, the local choices, the clause trace and
//! the diagram), built from the validated [`Routine`](crate::model::Routine)
//! so that the published routine and the running one cannot disagree.
//!
//! [`build`] makes the document model once; [`Book::markdown`] and
//! [`Book::html`] write it, in Swedish or English ([`build_in`]); the fixed
//! texts are in the `book` message catalogue, named in `text.rs`.

mod build;
mod doc;
mod events;
mod html;
mod markdown;
mod messages;
mod order;
mod roles;
mod steps;
mod template;
mod text;
mod trace;

pub use build::{build, build_in};
pub use doc::Book;

impl Book {
    /// The book as Markdown. `diagram` is the path of the diagram's SVG file
    /// relative to the Markdown file, linked as an image when given.
    pub fn markdown(&self, diagram: Option<&str>) -> String {
        text::in_lang(self.lang, || markdown::render(self, diagram))
    }

    /// The book as one self-contained HTML page (inline CSS and SVG, no
    /// scripts), with print CSS for A4.
    pub fn html(&self) -> String {
        text::in_lang(self.lang, || html::render(self))
    }

    /// The diagram (an SVG document), when the book has one.
    pub fn diagram(&self) -> Option<&str> {
        self.diagram.as_deref()
    }
}
