//! A meeting as an append-only, hash-chained log: an `intent` is checked by `decide` against the
//! `state` folded from the `event`s so far, and becomes events or a `refusal`. `summary` is what
//! the list and the year's record read of a meeting without folding it; `minutes` the draft
//! generated from the record; `flow` where the meeting is and what the chair does next.

pub mod decide;
pub mod event;
pub mod flow;
pub mod intent;
pub mod minutes;
pub mod refusal;
pub mod state;
pub mod summary;
