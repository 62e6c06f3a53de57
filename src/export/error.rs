//! Errors of the export module: one enum, variants named after what went wrong.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("无法为文件签名：{reason} / cannot sign the document: {reason}")]
    Signature { reason: String },
    /// A character no font can draw: neither the shipped font nor, when they could be read,
    /// the fallback faces. Printing a blank or a box instead would put a wrong name on a signed
    /// record, so the export stops and says which character and where. `fallback_missing` lists
    /// the fallback font files that could not be read (then the message says how to install
    /// them).
    #[error(
        "字体中没有字符“{ch}”（U+{code:04X}），位于：{place}{zh} / no font has a glyph for '{ch}' (U+{code:04X}) in {place}{en}",
        code = *ch as u32,
        zh = fallback_hint_zh(fallback_missing),
        en = fallback_hint_en(fallback_missing)
    )]
    MissingGlyph { ch: char, place: String, fallback_missing: Vec<PathBuf> },

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

fn files(paths: &[PathBuf]) -> String {
    paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
}

fn fallback_hint_zh(missing: &[PathBuf]) -> String {
    if missing.is_empty() {
        return String::new();
    }
    let install = if cfg!(target_os = "linux") {
        format!("请安装 {pkg}（sudo apt install {pkg}）", pkg = crate::font::FALLBACK_PACKAGE)
    } else {
        "请重新安装议事（安装包和便携版自带 fonts 文件夹）".to_string()
    };
    format!(
        "。备用字体文件缺失（{}）：{install}，或将环境变量 {env} 设为含 HanaMinA.ttf 和 HanaMinB.ttf 的目录",
        files(missing),
        env = crate::font::FALLBACK_DIR_ENV
    )
}

fn fallback_hint_en(missing: &[PathBuf]) -> String {
    if missing.is_empty() {
        return String::new();
    }
    let install = if cfg!(target_os = "linux") {
        format!("install {pkg} (sudo apt install {pkg})", pkg = crate::font::FALLBACK_PACKAGE)
    } else {
        "reinstall Yishi (its installer and portable zip carry a fonts folder)".to_string()
    };
    format!(
        "; the fallback font files are missing ({}): {install} or set {env} to a directory holding HanaMinA.ttf and HanaMinB.ttf",
        files(missing),
        env = crate::font::FALLBACK_DIR_ENV
    )
}

pub type Result<T, E = ExportError> = std::result::Result<T, E>;
