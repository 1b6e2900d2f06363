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
mod lanes;
mod mermaid;
pub(crate) mod picture;

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

/// The most steps an SVG is drawn for by default. A step box is about 45 mm
/// wide at a readable size, so 500 steps already fill an A0 poster; beyond
/// that the picture is no longer something a person can read (draw it with
/// a larger [`Options::max_steps`], or use DOT and Graphviz).
pub const MAX_STEPS: usize = 500;

/// How to draw a routine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// DOT only: group each role's tasks in a cluster (off for renderers
    /// without cluster support).
    pub clusters: bool,
    /// SVG only: refuse routines with more steps than this.
    pub max_steps: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            clusters: true,
            max_steps: MAX_STEPS,
        }
    }
}

/// Why a routine could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DrawError {
    /// The routine has more steps than an SVG is drawn for.
    #[error(
        "routine `{routine}` has {steps} steps, more than the {limit} an SVG is drawn for \
         (beyond that it is too large to read); draw it with a higher limit or as DOT"
    )]
    TooLarge {
        /// The routine's id.
        routine: String,
        /// Its number of steps.
        steps: usize,
        /// The limit it is over.
        limit: usize,
    },
}

/// The routine as a Graphviz DOT digraph, ending with a line break.
pub fn dot(routine: &Routine, options: &Options) -> String {
    dot::render(&picture::picture(routine), options.clusters)
}

/// The routine as a Mermaid flowchart, ending with a line break.
pub fn mermaid(routine: &Routine, _options: &Options) -> String {
    mermaid::render(&picture::picture(routine))
}

/// The routine as a standalone swimlane SVG document, ending with a line
/// break: one lane per role, each task in its role's lane, automatic steps
/// and messages in the lane of the role that leads to them (or the
/// routine's own lane), route labels on their edges, deadlines dashed.
///
/// # Errors
///
/// [`DrawError::TooLarge`] when the routine has more than
/// [`Options::max_steps`] steps.
pub fn svg(routine: &Routine, options: &Options) -> Result<String, DrawError> {
    if routine.steps.len() > options.max_steps {
        return Err(DrawError::TooLarge {
            routine: routine.meta.id.clone(),
            steps: routine.steps.len(),
            limit: options.max_steps,
        });
    }
    Ok(lanes::render(routine, &picture::picture(routine)))
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
