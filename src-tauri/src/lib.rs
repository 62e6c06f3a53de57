//! The desktop shell of Yishi. It adapts the meeting core (`yishi`) to windows and IPC and
//! decides no rule itself: commands are a few lines that call the core.
//!
//! Map: `windows` (labels, create-or-focus), `commands` (IPC handlers), `commands_home`
//! (home screen: setup options, roster and CSV import, exports), `dto` (intents as
//! the UI sends them), `views` (meetings as the UI sees them), `projector` (the room's
//! small view of a meeting), `events` (the one typed emitter), `ipc` (errors as the UI sees
//! them), `backup` (数据安全: the backup folder, automatic backups, restore, the doctor),
//! `profile` (社区信息), `papers` (the PDF signature's certificate, trust, 核验文件),
//! `archive` (街道汇总: bundles for the street office, importing them, its overview),
//! `search` (搜索: the archive's full-text search, its index kept in the app's state),
//! `bindings` (TypeScript).

pub mod archive;
pub mod backup;
pub mod bindings;
pub mod commands;
pub mod commands_home;
pub mod compliance;
pub mod dto;
pub mod events;
pub mod ipc;
pub mod papers;
pub mod profile;
pub mod projector;
pub mod search;
pub mod topics;
pub mod views;
#[cfg(windows)]
pub mod webview2;
pub mod windows;

use std::path::PathBuf;

use tauri::Manager;
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};
use windows::AppWindow;

/// Environment variable that points the app (and the `yishi` tool) at another data
/// directory. A separate data directory is a separate instance: single-instance is not
/// enforced for it (the store's file lock still keeps two processes off one directory).
pub const DATA_DIR_ENV: &str = "YISHI_DATA_DIR";

/// State shared by all commands: the one store of the data directory.
pub struct AppState {
    pub data_dir: PathBuf,
    pub store: yishi::Store,
}

pub fn run() {
    #[cfg(windows)]
    if !webview2::check() {
        return;
    }
    let custom_data_dir = std::env::var_os(DATA_DIR_ENV).is_some();

    let mut builder = tauri::Builder::default();
    if !custom_data_dir {
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
        .setup(|app| {
            // The same directory the `yishi` tool uses, so both read one record.
            let data_dir = yishi::default_data_dir();
            std::fs::create_dir_all(&data_dir)?;
            log::info!("data directory: {}", data_dir.display());
            let store = match yishi::Store::open(&data_dir) {
                Ok(store) => store,
                Err(e) => {
                    log::error!("cannot open the record: {e}");
                    app.dialog()
                        .message(e.to_string())
                        .kind(MessageDialogKind::Error)
                        .title("议事 Yishi")
                        .blocking_show();
                    return Err(e.into());
                }
            };
            for b in store.breaks() {
                log::error!("record chain broken: {b}");
            }
            app.manage(AppState { data_dir, store });
            app.manage(backup::Care::default());
            app.manage(search::Search::default());
            app.manage(papers::Pending::default());
            AppWindow::Chair.open(app.handle())?;
            // What the store's own check finds, then the daily backup.
            backup::start(app.handle());
            // The search index, opened (the first time, built) off the window's start.
            search::start(app.handle());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::open_projector,
            commands::list_meetings,
            commands::get_meeting,
            commands::apply_intent,
            commands::demo,
            commands_home::setup_options,
            commands_home::list_roster,
            commands_home::save_person,
            commands_home::remove_person,
            commands_home::import_roster,
            commands_home::export_document,
            compliance::compliance,
            topics::list_topics,
            topics::agenda_topics,
            topics::propose_topic,
            topics::decide_topic,
            topics::withdraw_topic,
            topics::escalate_item,
            search::search_archive,
            backup::backup_status,
            backup::choose_backup_folder,
            backup::backup_now,
            backup::restore_backup,
            backup::store_health,
            backup::examine_store,
            backup::repair_store,
            profile::get_profile,
            profile::save_profile,
            profile::suggest_issuer,
            papers::papers_status,
            papers::export_certificate,
            papers::pick_certificate,
            papers::trust_certificate,
            papers::verify_document,
            archive::export_bundle,
            archive::import_bundle,
            archive::street_overview,
        ])
        // The process ends without dropping the store: its read model is written out when the
        // chair's window closes and when the app exits, so the next start finds it level with the
        // journals instead of catching up.
        .on_window_event(|window, event| {
            if window.label() == AppWindow::Chair.label() && matches!(event, tauri::WindowEvent::CloseRequested { .. }) {
                flush_store(window.app_handle(), "the chair's window closes");
            }
        })
        .build(tauri::generate_context!())
        .expect("error while building the Yishi app")
        .run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                flush_store(app, "exit");
            }
        });
}

/// Writes the store's read model (sled) out now; the journals hold everything already.
fn flush_store(app: &tauri::AppHandle, when: &str) {
    if let Some(state) = app.try_state::<AppState>() {
        match state.store.log_tree().flush() {
            Ok(_) => log::info!("{when}: the store's read model is written out"),
            Err(e) => log::warn!("{when}: could not write the store's read model out: {e}"),
        }
    }
}
