//! One module per subcommand.

pub(crate) mod book;
pub(crate) mod bulk;
mod bulk_svg;
mod bulk_table;
pub(crate) mod case;
pub(crate) mod case_admin;
pub(crate) mod case_read;
pub(crate) mod check;
pub(crate) mod coverage;
pub(crate) mod diff;
pub(crate) mod graph;
pub(crate) mod lsp;
pub(crate) mod outbox;
pub(crate) mod run;
pub(crate) mod schema;
pub(crate) mod simulate;
pub(crate) mod simulate_until;
pub(crate) mod test;
pub(crate) mod tick;
