//! Errors as they cross IPC: `{ code, rule, message_zh, message_en }`. The UI branches on
//! `code` and shows the message of the current locale; `rule` is the guideline rule id
//! (e.g. "R-QUORUM") when a rule refused the intent. Refusals keep the core's code and text.

use serde::Serialize;
use ts_rs::TS;
use yishi::{ApplyError, StoreError};

#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
pub struct IpcError {
    pub code: String,
    pub rule: Option<String>,
    pub message_zh: String,
    pub message_en: String,
}

impl IpcError {
    fn new(code: &str, zh: String, en: String) -> Self {
        IpcError { code: code.into(), rule: None, message_zh: zh, message_en: en }
    }

    pub fn internal(detail: impl std::fmt::Display) -> Self {
        let detail = detail.to_string();
        IpcError::new("internal", format!("内部错误：{detail}"), format!("Internal error: {detail}"))
    }

    /// An error the shell words itself, in both languages.
    pub fn text(code: &str, zh: impl Into<String>, en: impl Into<String>) -> Self {
        IpcError::new(code, zh.into(), en.into())
    }

    pub fn bad_request(detail: impl std::fmt::Display) -> Self {
        let detail = detail.to_string();
        IpcError::new("bad_request", format!("请求无效：{detail}"), format!("Invalid request: {detail}"))
    }
}

impl From<tauri::Error> for IpcError {
    fn from(e: tauri::Error) -> Self {
        IpcError::internal(e)
    }
}

impl From<StoreError> for IpcError {
    fn from(e: StoreError) -> Self {
        let code = match &e {
            StoreError::InUse(_) => "store_in_use",
            StoreError::ChainBroken(_) => "chain_broken",
            StoreError::ListBroken(_) => "list_broken",
            StoreError::UnknownMeeting(_) => "unknown_meeting",
            StoreError::Sled(_) | StoreError::Encode(_) => "store_error",
            StoreError::Damaged(_) => "store_damaged",
        };
        // The core's store messages carry both languages in one line ("english / 中文").
        let text = e.to_string();
        IpcError::new(code, text.clone(), text)
    }
}

/// A refusal of the core, as the UI shows it: code, rule id, both languages.
impl From<yishi::Refusal> for IpcError {
    fn from(r: yishi::Refusal) -> Self {
        let report = r.report();
        IpcError {
            code: report.code,
            rule: report.rule.map(|r| r.id().to_string()),
            message_zh: report.message_zh,
            message_en: report.message_en,
        }
    }
}

impl From<ApplyError> for IpcError {
    fn from(e: ApplyError) -> Self {
        match e {
            ApplyError::Refused(r) => r.into(),
            ApplyError::Store(s) => s.into(),
        }
    }
}
