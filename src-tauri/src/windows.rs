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
    let chair_monitor = match app.get_webview_window(AppWindow::Chair.label()) {
        Some(w) => w.current_monitor()?,
        None => app.primary_monitor()?,
    };
    let rects: Vec<Rect> = monitors.iter().map(rect).collect();
    let pick = projector_monitor(&rects, chair_monitor.as_ref().map(rect));
    log::info!("projector: monitors {rects:?}, chair on {:?}, chosen {pick:?}", chair_monitor.as_ref().map(rect));
    Ok(pick.map(|i| monitors[i].clone()))
}

/// A monitor's place on the desktop: position and size, in physical pixels.
type Rect = (i32, i32, u32, u32);

fn rect(m: &Monitor) -> Rect {
    (m.position().x, m.position().y, m.size().width, m.size().height)
}

/// Which monitor the projector fills: one that is not the chair's. Monitors are told apart by
/// their whole rectangle, not the position alone (mirrored or oddly configured heads can share
/// an origin). With one monitor, or none that differs from the chair's, `None`: the projector
/// opens as a normal window beside the chair's. If the chair's monitor is unknown, the second
/// one listed (the first is the primary on X11 and Windows).
fn projector_monitor(monitors: &[Rect], chair: Option<Rect>) -> Option<usize> {
    if monitors.len() < 2 {
        return None;
    }
    match chair {
        Some(chair) => monitors.iter().position(|m| *m != chair),
        None => Some(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAPTOP: Rect = (0, 0, 1366, 768);
    const PROJECTOR: Rect = (1366, 0, 1920, 1080);

    #[test]
    fn one_monitor_gives_a_normal_window() {
        assert_eq!(projector_monitor(&[LAPTOP], Some(LAPTOP)), None);
        assert_eq!(projector_monitor(&[], None), None);
    }

    #[test]
    fn the_projector_goes_to_the_monitor_the_chair_is_not_on() {
        assert_eq!(projector_monitor(&[LAPTOP, PROJECTOR], Some(LAPTOP)), Some(1));
        // The chair moved their window to the big screen: the projector takes the laptop's.
        assert_eq!(projector_monitor(&[LAPTOP, PROJECTOR], Some(PROJECTOR)), Some(0));
        // Projector on the left of the laptop, listed first.
        let left = (-1920, 0, 1920, 1080);
        assert_eq!(projector_monitor(&[left, LAPTOP], Some(LAPTOP)), Some(0));
    }

    #[test]
    fn heads_sharing_an_origin_are_told_apart_by_size() {
        let small_at_origin = (0, 0, 1280, 720);
        assert_eq!(projector_monitor(&[LAPTOP, small_at_origin], Some(LAPTOP)), Some(1));
    }

    #[test]
    fn mirrored_displays_count_as_one() {
        assert_eq!(projector_monitor(&[LAPTOP, LAPTOP], Some(LAPTOP)), None);
    }

    #[test]
    fn unknown_chair_monitor_takes_the_second_listed() {
        assert_eq!(projector_monitor(&[LAPTOP, PROJECTOR], None), Some(1));
    }
}
