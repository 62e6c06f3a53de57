//! The app's windows, by label. Every window is opened create-or-focus through this enum, so a
//! label is spelled in one place (capabilities/*.json name the same labels).

use tauri::{AppHandle, Manager, Monitor, WebviewUrl, WebviewWindow, WebviewWindowBuilder};

/// Where, inside the data directory, the web views keep their storage.
pub const WEBVIEW_DIR: &str = "webview";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppWindow {
    /// The chair's meeting room: every control lives here.
    Chair,
    /// The room's view on the projector: read-only, large type, listens to events only.
    Projector,
}

impl AppWindow {
    pub const ALL: [AppWindow; 2] = [AppWindow::Chair, AppWindow::Projector];

    pub fn label(self) -> &'static str {
        match self {
            AppWindow::Chair => "chair",
            AppWindow::Projector => "projector",
        }
    }

    fn page(self) -> &'static str {
        match self {
            AppWindow::Chair => "index.html",
            AppWindow::Projector => "projector.html",
        }
    }

    fn title(self) -> &'static str {
        match self {
            AppWindow::Chair => "议事 Yishi",
            AppWindow::Projector => "议事 Yishi — 投影",
        }
    }

    /// Shows the window if it exists (and focuses it), or creates it.
    pub fn open(self, app: &AppHandle) -> tauri::Result<WebviewWindow> {
        self.open_with(app, None)
    }

    /// Like `open`; a window created now runs `init_script` before its page's own scripts
    /// (how the listen-only projector gets its first state without calling a command).
    pub fn open_with(self, app: &AppHandle, init_script: Option<&str>) -> tauri::Result<WebviewWindow> {
        if let Some(window) = app.get_webview_window(self.label()) {
            window.unminimize()?;
            window.show()?;
            window.set_focus()?;
            return Ok(window);
        }
        let mut builder =
            WebviewWindowBuilder::new(app, self.label(), WebviewUrl::App(self.page().into()))
                .title(self.title());
        // The web views' storage (the chosen language) belongs to the data directory: another
        // data directory is another instance, with its own preferences. Both windows share it.
        if let Some(state) = app.try_state::<crate::AppState>() {
            builder = builder.data_directory(state.data_dir.join(WEBVIEW_DIR));
        }
        if let Some(script) = init_script {
            builder = builder.initialization_script(script);
        }
        match self {
            AppWindow::Chair => builder
                .inner_size(1366.0, 768.0)
                .min_inner_size(1024.0, 640.0)
                .build(),
            AppWindow::Projector => {
                let window = builder.inner_size(1280.0, 720.0).build()?;
                if let Some(monitor) = second_monitor(app)? {
                    // A second screen is there: fill it. Position first, then fullscreen, so
                    // the window manager puts the fullscreen window on that monitor.
                    window.set_position(*monitor.position())?;
                    window.set_fullscreen(true)?;
                }
                Ok(window)
            }
        }
    }
}

/// The monitor that is not the one the chair's window is on, if there is one.
fn second_monitor(app: &AppHandle) -> tauri::Result<Option<Monitor>> {
    let monitors = app.available_monitors()?;
    if monitors.len() < 2 {
        return Ok(None);
    }
    let chair_monitor = match app.get_webview_window(AppWindow::Chair.label()) {
        Some(w) => w.current_monitor()?,
        None => app.primary_monitor()?,
    };
    let chair_pos = chair_monitor.as_ref().map(|m| *m.position());
    Ok(monitors
        .into_iter()
        .find(|m| Some(*m.position()) != chair_pos))
}
