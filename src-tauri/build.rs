// The app's own commands get an `allow-<command>` permission each. With this manifest defined,
// a window can call an app command only when one of its capabilities grants it
// (capabilities/*.json); without it every window could call every app command.
include!("src/command_names.rs");

fn main() {
    println!("cargo:rerun-if-changed=src/command_names.rs");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
