//! Errors as they cross IPC: `{ code, rule, message_zh, message_en }`. The UI branches on
//! `code` and shows the message of the current locale; `rule` is the guideline rule id
//! (e.g. "R-QUORUM") when a core rule refused the intent.

use serde::Serialize;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct IpcError {
    pub code: String,
    pub rule: Option<String>,
    pub message_zh: String,
    pub message_en: String,
}

impl IpcError {
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        let detail = detail.to_string();
        IpcError {
            code: "internal".into(),
            rule: None,
            message_zh: format!("内部错误：{detail}"),
            message_en: format!("Internal error: {detail}"),
        }
    }
}

impl From<tauri::Error> for IpcError {
    fn from(e: tauri::Error) -> Self {
        IpcError::internal(e)
    }
}
