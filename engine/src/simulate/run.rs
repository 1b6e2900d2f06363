//! Many cases: arrivals drawn in order from the seed, then the cases in
//! chunks on rayon's threads, each with its own random numbers from (seed,
//! case number), the chunks' counts added up; so the result depends on the
//! seed alone, never on the number of threads.

use chrono::{Datelike, NaiveDate, NaiveDateTime, TimeDelta};
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

use super::distribution::unit_interval;
use super::driver::{Driver, End};
use super::keys::Keys;
use super::profile::Profile;
use super::report::Report;
use super::tally::Tally;
use super::values::start_data;
use crate::calendar::holidays::is_working_day;
use crate::run::MessageTexts;

/// Cases per chunk of work (one thread takes a chunk at a time).
const CHUNK: u64 = 512;

/// Working hours in which cases arrive: 08:00 to 16:00.
const DAY_START_MINUTES: i64 = 8 * 60;
const DAY_MINUTES: f64 = 8.0 * 60.0;

/// The stream of arrival times, kept apart from every case's own.
const ARRIVAL_STREAM: u64 = u64::MAX;

/// What to simulate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// How many cases arrive (lifecycles, when the profile chains routines).
    pub cases: u64,
    /// The seed every random draw derives from.
    pub seed: u64,
    /// The day the simulation stops (00:00); `None`: 26 weeks after the last arrival.
    pub horizon: Option<NaiveDate>,
}

/// The random numbers of one case: the seed's ChaCha8 stream numbered by the case.
pub(crate) fn case_rng(seed: u64, case: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(case);
    rng
}

/// The next working day at or after `date`.
fn working_day_from(mut date: NaiveDate) -> NaiveDate {
    while !is_working_day(date) {
        match date.succ_opt() {
            Some(next) => date = next,
            None => break,
        }
    }
    date
}

/// Arrival times: a Poisson stream of `per_day` cases per working day, in working hours.
pub(crate) fn arrivals(
    start: NaiveDate,
    per_day: f64,
    count: u64,
    seed: u64,
) -> Vec<NaiveDateTime> {
    let mut rng = case_rng(seed, ARRIVAL_STREAM);
    let per_minute = per_day / DAY_MINUTES;
    let mut day = working_day_from(start);
    let mut minute = 0.0;
    let mut out = Vec::with_capacity(usize::try_from(count).unwrap_or(0));
    for _ in 0..count {
        minute += -(1.0 - unit_interval(&mut rng)).ln() / per_minute;
        while minute >= DAY_MINUTES {
            minute -= DAY_MINUTES;
            day = working_day_from(day.succ_opt().unwrap_or(day));
        }
        let at = day.and_hms_opt(0, 0, 0).unwrap_or_default()
            + TimeDelta::minutes(DAY_START_MINUTES + minute as i64);
        out.push(at);
    }
    out
}

/// The Monday of the week `date` falls in.
fn monday_of(date: NaiveDate) -> NaiveDate {
    date - TimeDelta::days(i64::from(date.weekday().num_days_from_monday()))
}

/// Runs `options.cases` cases of the profile and reports on them.
/// `progress` is told how many more cases are done, from any thread.
/// Messages are counted, not rendered ([`MessageTexts::Skipped`]): the
/// report is the same as with their texts.
pub fn simulate(profile: &Profile, options: &Options, progress: &(dyn Fn(u64) + Sync)) -> Report {
    simulate_with(profile, options, MessageTexts::Skipped, progress)
}

/// [`simulate`], with messages rendered or not.
pub(crate) fn simulate_with(
    profile: &Profile,
    options: &Options,
    texts: MessageTexts,
    progress: &(dyn Fn(u64) + Sync),
) -> Report {
    let arrivals = arrivals(
        profile.start,
        profile.per_working_day,
        options.cases,
        options.seed,
    );
    let last = arrivals.last().map_or(profile.start, |a| a.date());
    let horizon = options
        .horizon
        .unwrap_or_else(|| last + TimeDelta::weeks(26));
    let week0 = monday_of(profile.start);
    let weeks = usize::try_from(((horizon - week0).num_days() + 6).div_euclid(7)).unwrap_or(0);
    let keys = Keys::of(profile);
    let end = horizon.and_hms_opt(0, 0, 0).unwrap_or_default();
    let chunks = options.cases.div_ceil(CHUNK);
    // Counts add up in any order and lead times are sorted before their
    // percentiles, so folding chunks as the threads take them gives the
    // same report as adding them in case order, without keeping every chunk.
    let total = (0..chunks)
        .into_par_iter()
        .fold(
            || Tally::new(&keys, week0, weeks),
            |mut tally, c| {
                let range = c * CHUNK..((c + 1) * CHUNK).min(options.cases);
                let done = range.end - range.start;
                for case in range {
                    let arrival = arrivals[usize::try_from(case).unwrap_or(0)];
                    let at = (arrival, end);
                    lifecycle(profile, &keys, options.seed, case, at, texts, &mut tally);
                }
                progress(done);
                tally
            },
        )
        .reduce(
            || Tally::new(&keys, week0, weeks),
            |mut a, b| {
                a.merge(b);
                a
            },
        );
    Report::build(profile, options, horizon, &keys, total)
}

/// One arriving case through the stages of the lifecycle.
fn lifecycle(
    profile: &Profile,
    keys: &Keys,
    seed: u64,
    case: u64,
    (arrival, horizon): (NaiveDateTime, NaiveDateTime),
    texts: MessageTexts,
    tally: &mut Tally,
) {
    let mut rng = case_rng(seed, case);
    let mut at = arrival;
    let mut previous: Option<(String, crate::run::Fields)> = None;
    for (index, stage) in profile.stages.iter().enumerate() {
        if let Some((outcome, _)) = &previous {
            if !stage.outcomes.is_empty() && !stage.outcomes.contains(outcome) {
                break;
            }
            if let Some(after) = &stage.after {
                at = after.after(at, &mut rng);
            }
        }
        if at >= horizon {
            return;
        }
        let data = start_data(stage, at.date(), previous.as_ref().map(|p| &p.1), &mut rng);
        let id = format!("SIM-{}-{}", case + 1, index + 1);
        match Driver::new(stage, index, keys, horizon, texts).run(id, data, at, &mut rng, tally) {
            End::Ended {
                at: ended,
                outcome,
                fields,
            } => {
                at = ended;
                previous = Some((outcome, fields));
            }
            End::Open | End::Failed => return,
        }
    }
    tally.lifecycles_done += 1;
    let minutes = (at - arrival).num_minutes().max(0);
    tally
        .lifecycle_minutes
        .push(u32::try_from(minutes).unwrap_or(u32::MAX));
}
