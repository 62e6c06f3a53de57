//! The desktop shell of Yishi. It adapts the meeting core (`yishi`) to windows and IPC and
//! decides no rule itself: commands are a few lines that call the core.
//!
//! Map: `windows` (labels, create-or-focus), `commands` (IPC handlers),
//! `events` (the one typed emitter to every window), `ipc` (errors as the UI sees them).

pub mod commands;
pub mod events;
pub mod ipc;
pub mod windows;

use std::path::PathBuf;

use tauri::Manager;
use windows::AppWindow;

/// Environment variable that points the app at another data directory (tests, demos).
/// A separate data directory is a separate instance: single-instance is not enforced for it.
pub const DATA_DIR_ENV: &str = "YISHI_DATA_DIR";

/// State shared by all commands.
pub struct AppState {
    pub data_dir: PathBuf,
}

pub fn run() {
    let custom_data_dir = std::env::var_os(DATA_DIR_ENV).map(PathBuf::from);

    let mut builder = tauri::Builder::default();
    if custom_data_dir.is_none() {
        // Registered first so a second launch hands over before anything else starts.
        builder = builder.plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
            let _ = AppWindow::Chair.open(app);
        }));
    }
    builder
        .plugin(
            tauri_plugin_log::Builder::new()
                .level(log::LevelFilter::Info)
                .build(),
        )
        .plugin(
            tauri_plugin_window_state::Builder::default()
                // The projector is placed on the second screen each time, not restored.
                .with_denylist(&[AppWindow::Projector.label()])
                .build(),
        )
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(move |app| {
            let data_dir = match custom_data_dir {
                Some(dir) => dir,
                None => app.path().app_data_dir()?,
            };
            std::fs::create_dir_all(&data_dir)?;
            log::info!("data directory: {}", data_dir.display());
            app.manage(AppState { data_dir });
            AppWindow::Chair.open(app.handle())?;
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::open_projector,
        ])
        .run(tauri::generate_context!())
        .expect("error while running the Yishi app");
}
