// Hello world: one window showing a static page, nothing else.
fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("error while running the bare window");
}
