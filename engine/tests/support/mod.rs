//! Helpers shared by integration tests.
pub mod smtp_sink;
