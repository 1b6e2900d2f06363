//! A routine as a picture: Graphviz DOT, a Mermaid flowchart, or an SVG
//! image laid out by Rutin itself.
//!
//! Steps become nodes (labelled with title and id, shaped by kind), tasks are
//! grouped by role, routes are solid edges labelled with their condition
//! (`annars` for the default), parallel steps have an edge to each branch,
//! and deadlines are dashed edges labelled with their duration. The output
//! is deterministic: the same routine gives the same bytes.
//!
//! ```
//! let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
//!     .join("tests/fixtures/valid/everything/routine.yaml");
//! let routine = rutin::check_routine(&path).routine.expect("the fixture is valid");
//! let options = rutin::draw::Options::default();
//! let dot = rutin::draw::dot(&routine, &options);
//! assert!(dot.starts_with("digraph \"everything\" {"));
//! let svg = rutin::draw::svg(&routine, &options).expect("the fixture is drawn");
//! assert!(svg.trim_end().ends_with("</svg>"));
//! ```

mod dot;
mod mermaid;
mod picture;
mod svg;

use crate::model::Routine;

/// A picture format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Graphviz DOT (render with `dot -Tsvg`).
    #[default]
    Dot,
    /// A Mermaid flowchart (for Markdown on forges and wikis).
    Mermaid,
    /// An SVG image, laid out in-process.
    Svg,
}

/// How to draw a routine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// DOT only: group each role's tasks in a cluster (off for renderers
    /// without cluster support).
    pub clusters: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { clusters: true }
    }
}

/// Why a routine could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DrawError {
    /// The SVG layout could not place the routine.
    #[error("the SVG layout failed ({0})")]
    Layout(String),
}

/// The routine as a Graphviz DOT digraph, ending with a line break.
pub fn dot(routine: &Routine, options: &Options) -> String {
    dot::render(&picture::picture(routine), options.clusters)
}

/// The routine as a Mermaid flowchart, ending with a line break.
pub fn mermaid(routine: &Routine, _options: &Options) -> String {
    mermaid::render(&picture::picture(routine))
}

/// The routine as a standalone SVG document, ending with a line break.
///
/// # Errors
///
/// [`DrawError`] when the routine cannot be laid out.
pub fn svg(routine: &Routine, _options: &Options) -> Result<String, DrawError> {
    svg::render(&picture::picture(routine))
        .map(|svg| svg + "\n")
        .map_err(DrawError::Layout)
}

/// The routine in `format`.
///
/// # Errors
///
/// [`DrawError`] when the routine cannot be drawn in that format.
pub fn draw(routine: &Routine, format: Format, options: &Options) -> Result<String, DrawError> {
    match format {
        Format::Dot => Ok(dot(routine, options)),
        Format::Mermaid => Ok(mermaid(routine, options)),
        Format::Svg => svg(routine, options),
    }
}
