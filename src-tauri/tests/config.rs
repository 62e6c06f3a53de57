//! Security configuration guard: fails if the CSP is loosened, a capability grants file-system
//! or shell access (or the dialog/opener plugins, which only the shell uses), the projector
//! window gets any command, or the app's command manifest drifts from the handlers. Reads the
//! files as they are committed; builds nothing.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

include!("../src/command_names.rs");

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn config() -> Value {
    read_json(&crate_dir().join("../tauri.conf.json"))
}

/// The CSP as directive -> sources (the config allows a string or an object).
fn csp_directives(csp: &Value) -> Vec<(String, Vec<String>)> {
    match csp {
        Value::String(s) => s
            .split(';')
            .filter_map(|d| {
                let mut parts = d.split_whitespace();
                let name = parts.next()?.to_string();
                Some((name, parts.map(str::to_string).collect()))
            })
            .collect(),
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| {
                let sources = match v {
                    Value::String(s) => s.split_whitespace().map(str::to_string).collect(),
                    Value::Array(a) => a.iter().filter_map(|x| x.as_str()).map(str::to_string).collect(),
                    other => panic!("CSP directive {k}: unexpected {other}"),
                };
                (k.clone(), sources)
            })
            .collect(),
        other => panic!("CSP must be set, found {other}"),
    }
}

fn sources<'a>(directives: &'a [(String, Vec<String>)], name: &str) -> Option<&'a Vec<String>> {
    directives.iter().find(|(n, _)| n == name).map(|(_, s)| s)
}

fn check_csp(csp: &Value, which: &str) {
    let d = csp_directives(csp);
    assert_eq!(
        sources(&d, "script-src").map(|s| s.as_slice()),
        Some(&["'self'".to_string()][..]),
        "{which}: script-src must be exactly 'self'"
    );
    assert_eq!(
        sources(&d, "default-src").map(|s| s.as_slice()),
        Some(&["'self'".to_string()][..]),
        "{which}: default-src must be exactly 'self'"
    );
    assert_eq!(
        sources(&d, "object-src").map(|s| s.as_slice()),
        Some(&["'none'".to_string()][..]),
        "{which}: object-src must be 'none'"
    );
    let loose = [
        "'unsafe-inline'",
        "'unsafe-eval'",
        "'unsafe-hashes'",
        "'wasm-unsafe-eval'",
        "*",
        "http:",
        "https:",
        "ws:",
        "wss:",
    ];
    for (name, srcs) in &d {
        for s in srcs {
            assert!(!loose.contains(&s.as_str()), "{which}: {name} allows {s}");
            assert!(
                !s.starts_with("http") || s.starts_with("http://ipc.localhost"),
                "{which}: {name} allows a remote origin {s}"
            );
        }
    }
}

#[test]
fn csp_is_strict() {
    let cfg = config();
    let security = &cfg["app"]["security"];
    check_csp(&security["csp"], "csp");
    if !security["devCsp"].is_null() {
        check_csp(&security["devCsp"], "devCsp");
    }
    assert!(
        security["dangerousDisableAssetCspModification"].is_null()
            || security["dangerousDisableAssetCspModification"] == Value::Bool(false),
        "Tauri's CSP hashing/nonces must stay on"
    );
    assert_eq!(security["freezePrototype"], Value::Bool(true), "freezePrototype must stay on");
    assert!(cfg["app"]["withGlobalTauri"] != Value::Bool(true), "no window.__TAURI__ global");
    assert!(security["assetProtocol"]["enable"] != Value::Bool(true), "no asset protocol");
}

struct Capability {
    file: String,
    windows: Vec<String>,
    permissions: Vec<String>,
    raw: Value,
}

fn capabilities() -> Vec<Capability> {
    let dir = crate_dir().join("capabilities");
    let mut caps = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("capabilities dir") {
        let path = entry.unwrap().path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        assert!(ext == "json", "{}: only JSON capabilities are checked; add TOML support here first", path.display());
        let raw = read_json(&path);
        let windows = raw["windows"]
            .as_array()
            .map(|a| a.iter().map(|w| w.as_str().unwrap().to_string()).collect())
            .unwrap_or_default();
        let permissions = raw["permissions"]
            .as_array()
            .expect("permissions")
            .iter()
            .map(|p| match p {
                Value::String(s) => s.clone(),
                Value::Object(o) => o["identifier"].as_str().expect("identifier").to_string(),
                other => panic!("{}: permission {other}", path.display()),
            })
            .collect();
        caps.push(Capability { file: path.display().to_string(), windows, permissions, raw });
    }
    // Capabilities inlined in the config would escape the checks below.
    assert!(
        config()["app"]["security"]["capabilities"].is_null(),
        "define capabilities in src-tauri/capabilities/, not inline in tauri.conf.json"
    );
    assert!(!caps.is_empty());
    caps
}

#[test]
fn no_capability_grants_fs_or_shell_or_remote_access() {
    for cap in capabilities() {
        for p in &cap.permissions {
            // dialog: the shell shows the open/save dialogs itself and reads or writes the file;
            // a path chosen in the webview never comes back in.
            for banned in ["fs:", "shell:", "http:", "process:", "opener:", "dialog:"] {
                assert!(!p.starts_with(banned), "{}: grants {p}", cap.file);
            }
        }
        assert!(cap.raw["remote"].is_null(), "{}: remote URLs must not get IPC", cap.file);
        assert!(cap.raw["webviews"].is_null(), "{}: scope capabilities by window label", cap.file);
        for w in &cap.windows {
            assert!(
                w == "chair" || w == "projector",
                "{}: unknown or glob window label {w:?}",
                cap.file
            );
        }
    }
}

#[test]
fn projector_only_listens() {
    let allowed: BTreeSet<&str> = ["core:event:allow-listen", "core:event:allow-unlisten"].into();
    let mut seen = false;
    for cap in capabilities() {
        if cap.windows.iter().any(|w| w == "projector") {
            seen = true;
            for p in &cap.permissions {
                assert!(allowed.contains(p.as_str()), "{}: projector gets {p}", cap.file);
            }
        }
    }
    assert!(seen, "the projector needs a capability to listen");
}

#[test]
fn command_manifest_matches_handlers_and_capabilities() {
    let lib = std::fs::read_to_string(crate_dir().join("src/lib.rs")).unwrap();
    let start = lib.find("generate_handler![").expect("generate_handler! in lib.rs");
    let end = start + lib[start..].find(']').unwrap();
    let handlers: BTreeSet<String> = lib[start + "generate_handler![".len()..end]
        .split(',')
        .map(|s| s.trim().rsplit("::").next().unwrap().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let manifest: BTreeSet<String> = COMMANDS.iter().map(|s| s.to_string()).collect();
    assert_eq!(handlers, manifest, "src/command_names.rs must list exactly the handlers");

    // Every app command is granted to the chair, and only there.
    for cap in capabilities() {
        let granted: BTreeSet<String> = cap
            .permissions
            .iter()
            .filter(|p| !p.contains(':'))
            .cloned()
            .collect();
        for p in &granted {
            assert!(p.starts_with("allow-"), "{}: app permission {p} must be an allow-<command>", cap.file);
        }
        if cap.windows == ["chair"] {
            let expected: BTreeSet<String> =
                COMMANDS.iter().map(|c| format!("allow-{}", c.replace('_', "-"))).collect();
            assert_eq!(granted, expected, "{}: the chair gets every app command", cap.file);
        } else {
            assert!(granted.is_empty(), "{}: only the chair calls app commands", cap.file);
        }
    }
}
