//! The expression and template language: one minijinja environment for the
//! whole crate.
//!
//! Routines put conditions (`when`, `routes`, `select`, `until`, `group_of`)
//! and message texts in Jinja syntax. The analyzer compiles them to report
//! mistakes; the runtime evaluates them. Both must see *the same* language —
//! the same functions, filters and undefined-variable rules — or a routine
//! that passes `rutin check` could fail while running. That is why the
//! environment is built in exactly one place, [`environment`] /
//! [`environment_for`], and why the names of the builtins are listed in
//! [`FUNCTIONS`], [`FILTERS`], [`GLOBALS`] and [`TEMPLATE_GLOBALS`]: the
//! analyzer uses them to tell a field name from a builtin.
//!
//! Settings, and why:
//! - Strict undefined behaviour ([`minijinja::UndefinedBehavior::Strict`]):
//!   an undefined variable is an error, never empty text. A message that silently
//!   drops the install date is worse than one that is not sent.
//! - No auto-escaping: messages are plain text (mail, case-system notes).
//! - A recursion limit, `range` capped at [`MAX_RANGE`] items, and [`FUEL`]
//!   bounding the total work, so that no template can run away.
//! - Dates are `YYYY-MM-DD` texts and periods are maps `{from, to}`, exactly
//!   as case data stores them, so comparisons (`decision_date <= today`) work
//!   on text and no conversion layer is needed. Functions given anything else
//!   return a minijinja error; none of them panics.

mod eval;
mod functions;

pub(crate) use eval::{error_text, eval_compiled, to_date, to_text};
pub use eval::{eval, eval_bool, eval_date, eval_text, ExprError};
pub use functions::{format_date, parse_date, swedish_date, swedish_period};

use std::collections::BTreeMap;
use std::sync::OnceLock;

use minijinja::{AutoEscape, Environment, UndefinedBehavior};

use crate::model::compiled::Compiled;
use crate::model::Routine;

/// Functions the expression and template language adds to Jinja's own.
pub const FUNCTIONS: &[&str] = &[
    "date_add",
    "date_sub",
    "days_between",
    "months_between",
    "periods_gap",
    "periods_overlap",
    "is_working_day",
    "group_name",
    "role_name",
];

/// Filters the language adds to Jinja's own.
pub const FILTERS: &[&str] = &["date", "period"];

/// Variables every expression sees besides the case's fields.
pub const GLOBALS: &[&str] = &["today", "case"];

/// Variables a message template may see besides the fields.
/// `deadline` is only set when a deadline sends the message, `cases` only
/// in a schedule's report.
pub const TEMPLATE_GLOBALS: &[&str] = &[
    "routine",
    "case",
    "step",
    "deadline",
    "recipients",
    "sender",
    "today",
    "cases",
];

/// How deep templates may recurse (macros, includes, nested blocks).
pub const RECURSION_LIMIT: usize = 64;

/// The most items `range()` may produce in a template or expression.
pub const MAX_RANGE: usize = 1000;

/// How many instructions one evaluation or rendering may run: far more than
/// any message needs, few enough that no template can hang a command.
pub const FUEL: u64 = 200_000;

/// Display names that `role_name` and `group_name` look up.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names {
    /// Role id → display name.
    pub roles: BTreeMap<String, String>,
    /// Group id → display name.
    pub groups: BTreeMap<String, String>,
}

impl Names {
    /// The role and group names of a routine.
    pub fn of(routine: &Routine) -> Names {
        // An enumeration value mapped to a group (`groups:`) is named as its group.
        let mapped = routine.fields.iter().flat_map(|f| &f.groups);
        let mapped: Vec<(String, String)> = mapped
            .filter(|(value, _)| !routine.groups.contains_key(*value))
            .filter_map(|(value, g)| Some((value.clone(), routine.groups.get(g)?.name.clone())))
            .collect();
        let mut names = Names {
            roles: routine
                .roles
                .iter()
                .map(|(id, r)| (id.clone(), r.name.clone()))
                .collect(),
            groups: routine
                .groups
                .iter()
                .map(|(id, g)| (id.clone(), g.name.clone()))
                .collect(),
        };
        names.groups.extend(mapped);
        names
    }
}

/// The environment without role or group names (`role_name` and
/// `group_name` then fail for every id). Enough to compile and check
/// expressions and templates.
pub fn environment() -> Environment<'static> {
    environment_with(Names::default())
}

/// [`environment`], built once per process: the analyzer parses, compiles
/// and tries every routine's expressions and templates in it, and nothing
/// in it depends on a routine.
pub(crate) fn shared_environment() -> &'static Environment<'static> {
    static SHARED: OnceLock<Environment<'static>> = OnceLock::new();
    SHARED.get_or_init(environment)
}

/// The environment for running a routine: `role_name` and `group_name` know
/// its roles and groups.
pub fn environment_for(routine: &Routine) -> Environment<'static> {
    environment_with(Names::of(routine))
}

/// The environment a routine's cases run with: [`environment_for`] the
/// routine, built once and kept with it.
/// Its message templates are compiled into it once, each under
/// [`template_key`] of its name, and the messages' subjects under
/// [`subject_key`] of their text.
pub(crate) fn routine_environment(routine: &Routine) -> &Environment<'static> {
    routine_compiled(routine).env()
}

/// The routine compiled for running: [`routine_environment`] and the
/// expressions compiled in it ([`eval_compiled`]).
pub(crate) fn routine_compiled(routine: &Routine) -> &Compiled {
    routine.env.get_or_init(|| {
        let mut env = environment_for(routine);
        for (name, template) in &routine.templates {
            // A template that does not compile is compiled again (and its
            // error reported) where it is used.
            let _ = env.add_template_owned(template_key(name), template.source.clone());
        }
        for subject in routine.messages().filter_map(|m| m.subject.as_ref()) {
            let _ = env.add_template_owned(subject_key(subject), subject.clone());
        }
        Compiled::with_env(env, crate::model::Names::of(routine))
    })
}

/// The name a routine's template is compiled under in
/// [`routine_environment`]: one no include or import can name.
pub(crate) fn template_key(name: &str) -> String {
    format!("\u{1}{name}")
}

/// The name a message's subject (its text) is compiled under in
/// [`routine_environment`]: one no include, import or template can name.
pub(crate) fn subject_key(subject: &str) -> String {
    format!("\u{2}{subject}")
}

/// The environment with the given display names.
pub fn environment_with(names: Names) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_recursion_limit(RECURSION_LIMIT);
    env.set_auto_escape_callback(|_| AutoEscape::None);
    env.set_fuel(Some(FUEL));
    functions::register(&mut env, names);
    env
}

#[cfg(test)]
mod tests;
