//! Errors of the export module: one enum, variants named after what went wrong.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A character the shipped font cannot draw. Printing a blank or a box instead would put a
    /// wrong name on a signed record, so the export stops and says which character and where.
    #[error("字体中没有字符“{ch}”（U+{code:04X}），位于：{place} / the font has no glyph for '{ch}' (U+{code:04X}) in {place}", code = *ch as u32)]
    MissingGlyph { ch: char, place: String },

    #[error("签名图像无法读取（{place}）：{reason} / signature image unreadable ({place}): {reason}")]
    BadImage { place: String, reason: String },

    #[error("二维码无法生成：{0} / QR code could not be made: {0}")]
    Qr(String),

    #[error("找不到会议 {0} / no meeting {0} in the store")]
    UnknownMeeting(String),

    #[error("会议记录尚未封存（未签名确认），只能导出带“草稿”水印的版本：加 --draft / the minutes are not sealed yet; only a watermarked draft can be exported (use --draft)")]
    NotSealed,

    #[error("无法写入 {path}：{source} / cannot write {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },

    #[error("无法读取 {path}：{source} / cannot read {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },

    #[error("安装密钥有误（{path}）：{reason} / installation key problem ({path}): {reason}")]
    Key { path: PathBuf, reason: String },

    #[error("存储出错：{0} / store error: {0}")]
    Store(String),
}

pub type Result<T, E = ExportError> = std::result::Result<T, E>;
