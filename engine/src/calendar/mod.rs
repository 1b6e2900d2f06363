//! Calendar arithmetic for deadlines in Swedish municipal care routines.
//!
//! Deadlines in care routines are rarely "a number of 24-hour periods". They are
//! written the way people and statutes speak about time:
//!
//! * **Calendar months** — "review a decision that is older than three months".
//!   A month is not 30 days: one month after 31 January is the last day of
//!   February, so months are added on the calendar and clamped to the end of
//!   a shorter month.
//! * **Working days** — "register the report within two working days". Staff
//!   do not work on weekends or Swedish public holidays, and the eves
//!   midsommarafton, julafton and nyårsafton are treated as non-working in
//!   practice (the same days that *lag (1930:173) om beräkning av lagstadgad
//!   tid* treats like holidays). Counting plain days would make a deadline
//!   fall on Good Friday or on Christmas Eve.
//!
//! [`Duration`] parses such durations from routine text (in English or
//! Swedish) and adds or subtracts them from dates; [`holidays`] knows the
//! Swedish holiday calendar.

pub mod duration;
pub mod holidays;
pub mod time_of_day;

pub use duration::{Duration, DurationError, Unit};
pub use time_of_day::{due_at, parse_time_of_day, TimeOfDayError};
