//! Exports of a meeting's record: signed minutes (会议记录), notice-board poster (公示), meeting
//! notice (会议通知) as PDF, and the online text. Every PDF is deterministic (the same record
//! gives the same bytes) and carries the record's fingerprint and a signed verification string.
//!
//! Map: `font` (shipped CJK font, glyph checks) → `linebreak` (CJK line breaking) → `layout`
//! (a small page layout engine) → `pdf` (turns laid-out pages into printpdf ops and bytes);
//! `seal` (installation key, verification string, QR).

pub mod error;
pub mod font;
pub mod layout;
pub mod linebreak;
pub mod pdf;
pub mod seal;

pub use error::{ExportError, Result};
