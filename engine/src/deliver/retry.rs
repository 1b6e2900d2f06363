//! When a failed delivery is tried again, and when it is given up.
//!
//! After the n-th failed attempt the next one waits the n-th delay of the
//! policy (by default 1 minute, 5 minutes, 30 minutes, 2 hours); when the
//! delays are used up the message has failed for good. A failure that
//! trying again cannot mend (a 5xx reply, a message without any mail
//! address) fails for good at once. Time is passed in.

use chrono::{Duration, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::address::Unaddressed;
use super::error::Failure;

/// The waits between attempts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    delays: Vec<Duration>,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            delays: vec![
                Duration::minutes(1),
                Duration::minutes(5),
                Duration::minutes(30),
                Duration::hours(2),
            ],
        }
    }
}

impl RetryPolicy {
    /// A policy with these waits (none: a single attempt).
    pub fn new(delays: Vec<Duration>) -> Self {
        RetryPolicy { delays }
    }

    /// Parses waits written like `1m,5m,30m,2h` (units `s`, `m`, `h`, `d`).
    pub fn parse(text: &str) -> Result<Self, String> {
        let delays = text
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(parse_delay)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(RetryPolicy { delays })
    }

    /// How many attempts are made at most.
    pub fn max_attempts(&self) -> u32 {
        u32::try_from(self.delays.len()).unwrap_or(u32::MAX - 1) + 1
    }

    /// When to try again after `attempts` attempts have failed, the last at
    /// `now`; `None`: give up.
    pub fn next_try(&self, attempts: u32, now: NaiveDateTime) -> Option<NaiveDateTime> {
        let index = usize::try_from(attempts.checked_sub(1)?).ok()?;
        self.delays.get(index).map(|d| now + *d)
    }

    /// What follows from one attempt, the `attempts`-th, made at `now`.
    pub fn outcome(&self, attempts: u32, now: NaiveDateTime, result: Attempt) -> Outcome {
        match result {
            Attempt::Sent { to, unaddressed } => Outcome::Sent {
                attempts,
                at: now,
                to,
                unaddressed,
            },
            Attempt::Failed { failure, reason } => match failure {
                Failure::Transient => match self.next_try(attempts, now) {
                    Some(at) => Outcome::Retry {
                        attempts,
                        at,
                        reason,
                    },
                    None => Outcome::Failed {
                        attempts,
                        reason: format!("{reason} (gave up after {attempts} attempts)"),
                    },
                },
                Failure::Permanent => Outcome::Failed { attempts, reason },
            },
        }
    }
}

fn parse_delay(text: &str) -> Result<Duration, String> {
    let bad = || format!("`{text}` is not a wait: write a number and s, m, h or d, like `5m`");
    let unit = text.chars().last().ok_or_else(bad)?;
    let number: i64 = text[..text.len() - unit.len_utf8()]
        .parse()
        .map_err(|_| bad())?;
    if number <= 0 {
        return Err(bad());
    }
    match unit {
        's' => Ok(Duration::seconds(number)),
        'm' => Ok(Duration::minutes(number)),
        'h' => Ok(Duration::hours(number)),
        'd' => Ok(Duration::days(number)),
        _ => Err(bad()),
    }
}

/// What one attempt did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attempt {
    /// The transport took the mail.
    Sent {
        /// The mail addresses it went to.
        to: Vec<String>,
        /// Addressees it could not go to.
        unaddressed: Vec<Unaddressed>,
    },
    /// It did not.
    Failed {
        /// Whether it may work later.
        failure: Failure,
        /// Why not.
        reason: String,
    },
}

/// Where an outbox item stands after an attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Outcome {
    /// Delivered.
    Sent {
        /// Attempts made, this one included.
        attempts: u32,
        /// When.
        at: NaiveDateTime,
        /// The mail addresses it went to.
        to: Vec<String>,
        /// Addressees it could not go to.
        unaddressed: Vec<Unaddressed>,
    },
    /// Not yet; try again at `at`.
    Retry {
        /// Attempts made.
        attempts: u32,
        /// When to try again.
        at: NaiveDateTime,
        /// Why the last attempt failed.
        reason: String,
    },
    /// Failed for good.
    Failed {
        /// Attempts made.
        attempts: u32,
        /// Why.
        reason: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 3, 2)
            .and_then(|d| d.and_hms_opt(h, m, 0))
            .unwrap_or_default()
    }

    fn failed() -> Attempt {
        Attempt::Failed {
            failure: Failure::Transient,
            reason: "busy".into(),
        }
    }

    #[test]
    fn default_waits_grow_then_give_up() {
        let policy = RetryPolicy::default();
        assert_eq!(policy.max_attempts(), 5);
        let waits: Vec<_> = (1..=5).map(|n| policy.next_try(n, t(8, 0))).collect();
        assert_eq!(
            waits,
            vec![
                Some(t(8, 1)),
                Some(t(8, 5)),
                Some(t(8, 30)),
                Some(t(10, 0)),
                None
            ]
        );
        let last = policy.outcome(5, t(8, 0), failed());
        assert_eq!(
            last,
            Outcome::Failed {
                attempts: 5,
                reason: "busy (gave up after 5 attempts)".into()
            }
        );
    }

    #[test]
    fn permanent_failures_are_not_retried() {
        let policy = RetryPolicy::default();
        let outcome = policy.outcome(
            1,
            t(8, 0),
            Attempt::Failed {
                failure: Failure::Permanent,
                reason: "550 no such user".into(),
            },
        );
        assert!(matches!(outcome, Outcome::Failed { attempts: 1, .. }));
    }

    #[test]
    fn waits_parse_and_bad_ones_are_refused() {
        let policy = RetryPolicy::parse("30s, 2m,1h,1d").unwrap_or_default();
        assert_eq!(
            policy.next_try(4, t(0, 0)),
            Some(t(0, 0) + Duration::days(1))
        );
        assert_eq!(RetryPolicy::parse("").map(|p| p.max_attempts()), Ok(1));
        for bad in ["5", "m", "-1m", "0h", "5x", "å"] {
            assert!(RetryPolicy::parse(bad).is_err(), "{bad}");
        }
    }
}
