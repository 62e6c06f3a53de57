//! The core's folders are layers, and each only uses the ones below it:
//!
//!   base (ids, font) < meeting (meeting/, rules/) < i18n < community < store < search < export < bundle < tools (demo, png)
//!
//! read from every `crate::…` path in `src/` (tests apart). One edge still goes up, named below
//! with why; any other is a failure, so no new import cycle between folders can creep in. And the
//! library needs no argument parser: clap is the `yishi` tool's alone.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const LAYERS: [&str; 9] = ["base", "meeting", "i18n", "community", "store", "search", "export", "bundle", "tools"];

/// Where a name after `crate::` lives (the flat paths are re-exports of the folders' modules).
fn layer_of(name: &str) -> Option<&'static str> {
    Some(match name {
        "ids" | "font" => "base",
        "meeting" | "decide" | "event" | "intent" | "refusal" | "state" | "minutes" | "rules" | "agenda" | "speak"
        | "vote" | "roll" | "sign" | "observe" | "implement" | "setup" | "people" | "quorum" | "publish" => "meeting",
        "i18n" => "i18n",
        "community" | "roster" | "topic" | "compliance" => "community",
        "store" => "store",
        "search" => "search",
        "export" => "export",
        "bundle" => "bundle",
        "demo" | "png" => "tools",
        _ => return None,
    })
}

/// Known upward edges, each with its reason. The meeting's refusals, warnings and minutes draft
/// still render their own text through the catalog; one catalog keyed by `{code, args}` removes it.
const KNOWN: [(&str, &str); 1] = [("meeting", "i18n")];

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The names a file reaches through `crate::` (`crate::vote::X`, `crate::{ids, state::Y}`).
fn crate_names(src: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = src;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for part in group[..end].split(',') {
                let name: String = part.trim().chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                out.insert(name);
            }
        } else {
            out.insert(rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect());
        }
    }
    out
}

#[test]
fn each_folder_uses_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut edges: BTreeMap<(&str, &str), Vec<String>> = BTreeMap::new();
    for path in &all {
        let rel = path.strip_prefix(&src).unwrap();
        let top = rel.components().next().unwrap().as_os_str().to_string_lossy().trim_end_matches(".rs").to_string();
        // The tool (main.rs, cli/) and lib.rs's re-exports are above everything.
        let Some(from) = layer_of(&top) else { continue };
        let text = std::fs::read_to_string(path).unwrap();
        // Unit tests may reach anything.
        let code = text.split("#[cfg(test)]\nmod tests").next().unwrap();
        for name in crate_names(code) {
            if let Some(to) = layer_of(&name) {
                if to != from {
                    edges.entry((from, to)).or_default().push(format!("{} (crate::{name})", rel.display()));
                }
            }
        }
    }
    let rank = |l: &str| LAYERS.iter().position(|x| *x == l).unwrap();
    let up: Vec<String> = edges
        .iter()
        .filter(|((a, b), _)| rank(b) > rank(a) && !KNOWN.contains(&(*a, *b)))
        .map(|((a, b), files)| format!("{a} → {b}: {}", files.join(", ")))
        .collect();
    assert!(up.is_empty(), "a folder uses one above it (an import cycle between layers):\n{}", up.join("\n"));
    // The check sees the edges it should: the store writes meetings, exports read the store.
    assert!(edges.contains_key(&("store", "meeting")) && edges.contains_key(&("export", "store")), "{edges:?}");
    // The search index reads the store and nothing reads it: it is derived.
    assert!(edges.contains_key(&("search", "store")), "{edges:?}");
    assert!(!edges.keys().any(|(_, to)| *to == "search"), "a layer uses the search index: {edges:?}");
}

/// Asks cargo itself, so it runs where cargo does: on the build machine (the Windows and arm64
/// runs of this suite under Wine and qemu cannot start the host's cargo).
#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
#[test]
fn the_library_builds_without_the_tools_argument_parser() {
    let out = std::process::Command::new(env!("CARGO"))
        .args(["tree", "--offline", "-p", "yishi", "--no-default-features", "-e", "normal", "--prefix", "none"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let tree = String::from_utf8_lossy(&out.stdout);
    assert!(tree.lines().any(|l| l.starts_with("sled ")), "the tree lists the library's dependencies: {tree}");
    assert!(!tree.lines().any(|l| l.starts_with("clap")), "{tree}");
}
