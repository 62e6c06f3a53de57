// Hide the console window on Windows release builds; no effect on Linux.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // WebKitGTK's GPU compositing costs the idle room ~100 MiB (its GL compositor; llvmpipe
    // where there is no GPU) and draws nothing this UI needs: no 3D, no video, only
    // text, bars and a signature canvas. Without it the room measures below a bare Tauri
    // window (docs/performance.md), and it also avoids the blank windows some GPU drivers give
    // WebKitGTK. Set before any thread starts. WebKit reads only whether the variable is
    // present, so `YISHI_GPU_COMPOSITING=1` is the way to get its default back.
    #[cfg(target_os = "linux")]
    if std::env::var_os("YISHI_GPU_COMPOSITING").is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
    yishi_app::run();
}
