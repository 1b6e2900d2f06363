//! Bulk simulation: many cases of a routine, or of a lifecycle of routines
//! (installation, then extension, then termination), on the virtual clock,
//! to forecast workload and deadline breaches.
//!
//! A *profile* (`*.profile.yaml` beside the routines; docs/SIMULATION.md)
//! says how often cases arrive, how long tasks take and events wait (as
//! distributions), how often each route is taken and which values fields
//! take. [`check_profile`] reads it through the same loading and
//! diagnostics as routines; [`simulate`] runs N cases on it, deterministic
//! for a seed whatever the number of threads, and returns a [`Report`].
//!
//! ```text
//! let checked = check_profile(Path::new("workflows/kommun_000/lifecycle.profile.yaml"));
//! let report = simulate(&checked.profile.unwrap(), &Options { cases: 1000, seed: 1, horizon: None }, &|_| {});
//! ```
//!
//! - `decode/`: the profile file → [`Profile`], checked against its routines;
//! - `distribution`: drawn delays; `values`: the values cases start with and record;
//! - `driver`: one case through the engine's public commands;
//! - `run`: arrivals, rayon over chunks of cases; `keys`/`tally`: counting;
//! - `report`: the counts as a [`Report`];
//! - `follow`: one case following its routine by itself ([`follow()`], what
//!   `rutin simulate` does without a scenario), up to a time if given;
//!   `rounds`: the rounds of a case that goes round its routine again.

mod decode;
mod distribution;
mod driver;
mod follow;
mod keys;
mod profile;
mod report;
mod rounds;
mod run;
mod tally;
mod values;

pub use decode::{check_profile, is_profile_file, CheckedProfile};
pub use profile::Profile;
pub use report::{
    DeadlineReport, Failure, LifecycleReport, Messages, Percentiles, Report, StageReport, Workload,
};
pub use run::{simulate, Options};

pub use follow::{follow, next_action, take, value_for, Limits, Next, Stop};
pub use rounds::{rounds, Round};

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_follow;
