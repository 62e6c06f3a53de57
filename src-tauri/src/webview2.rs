//! Windows draws the meeting window with Microsoft's WebView2 runtime, part of Windows 11 and of
//! Windows 10 kept up to date. The installer does not carry it (its offline installer is ten
//! times the size of Yishi) but warns when it is missing; this is the same check at start, so
//! a chair on an offline laptop without it is told what to do instead of seeing nothing open.

use ::windows::core::{PCWSTR, PWSTR};
use ::windows::Win32::UI::WindowsAndMessaging::{MessageBoxW, MB_ICONWARNING, MB_OK};
use webview2_com::Microsoft::Web::WebView2::Win32::GetAvailableCoreWebView2BrowserVersionString;

const TITLE: &str = "议事 Yishi";
const MISSING: &str = "这台电脑还没有 Microsoft Edge WebView2 运行时，议事的会议窗口需要它才能打开。\n\n\
请联网运行一次 Windows 更新，或请信息化人员安装 WebView2 离线安装包（Evergreen Standalone Installer）。\n\
在此之前，命令行工具 yishi（核对、导出、列表）照常可用，会议记录都在。\n\n\
This computer does not have the Microsoft Edge WebView2 runtime, which Yishi's meeting window needs.\n\n\
Run Windows Update once while online, or ask IT to install the WebView2 offline installer \
(Evergreen Standalone Installer). Until then the yishi command-line tool (verify, export, list) \
works, and every record is kept.";

/// The installed runtime's version, if there is one.
pub fn runtime_version() -> Option<String> {
    let mut version = PWSTR::null();
    // SAFETY: a null folder asks for the installed Evergreen runtime; on success `version` is a
    // CoTaskMem string that take_pwstr frees.
    let found = unsafe { GetAvailableCoreWebView2BrowserVersionString(PCWSTR::null(), &mut version) }.is_ok();
    if version.is_null() {
        return None;
    }
    let text = webview2_com::take_pwstr(version);
    (found && !text.is_empty()).then_some(text)
}

/// True when the meeting window can open; otherwise says why in a message box, and false.
pub fn check() -> bool {
    if let Some(v) = runtime_version() {
        log::info!("WebView2 runtime {v}");
        return true;
    }
    let wide = |s: &str| s.encode_utf16().chain(std::iter::once(0)).collect::<Vec<u16>>();
    let (text, title) = (wide(MISSING), wide(TITLE));
    // SAFETY: both strings are NUL-terminated UTF-16 that outlive the call.
    unsafe { MessageBoxW(None, PCWSTR(text.as_ptr()), PCWSTR(title.as_ptr()), MB_OK | MB_ICONWARNING) };
    false
}
