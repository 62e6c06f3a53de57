//! The generated TypeScript types are committed and must match the Rust types; the intent
//! mirror (src/dto.rs) must read every documented intent exactly as the core does.

use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[test]
fn typescript_bindings_are_fresh() {
    let path = root().join(yishi_app::bindings::PATH);
    let generated = yishi_app::bindings::typescript();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is stale: run `UPDATE_BINDINGS=1 cargo test -p yishi-app --test bindings`",
        path.display()
    );
}

/// Two Rust types of one name (a meeting's notice, the store's notice) would be two TypeScript
/// declarations of one name, and the UI would silently get the first.
#[test]
fn no_two_generated_types_share_a_name() {
    let generated = yishi_app::bindings::typescript();
    let mut seen = std::collections::BTreeSet::new();
    for line in generated.lines() {
        if let Some(rest) = line.strip_prefix("export type ") {
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            assert!(seen.insert(name.clone()), "two declarations of {name} in the bindings");
        }
    }
}

/// Every JSON line of every ```json block in docs/intents.md.
fn documented_commands() -> Vec<serde_json::Value> {
    let doc = std::fs::read_to_string(root().join("docs/intents.md")).expect("docs/intents.md");
    let mut out = Vec::new();
    let mut in_block = false;
    for line in doc.lines() {
        if line.starts_with("```json") {
            in_block = true;
        } else if line.starts_with("```") {
            in_block = false;
        } else if in_block && !line.trim().is_empty() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{line}: {e}"));
            // Lines without a meeting are the roster's and the pool's intents: not mirrored.
            if v.get("meeting").is_some() {
                out.push(v);
            }
        }
    }
    out
}

#[test]
fn intent_mirror_reads_every_documented_intent_like_the_core() {
    let commands = documented_commands();
    assert!(commands.len() > 20, "found {} documented intents", commands.len());
    let mut kinds = std::collections::BTreeSet::new();
    for cmd in commands {
        let json = cmd["intent"].clone();
        let core: yishi::Intent = serde_json::from_value(json.clone()).expect("core reads its own docs");
        let dto: yishi_app::dto::Intent =
            serde_json::from_value(json.clone()).unwrap_or_else(|e| panic!("mirror cannot read {json}: {e}"));
        let via_mirror = dto.into_core().unwrap_or_else(|e| panic!("mirror → core failed for {json}: {e}"));
        assert_eq!(via_mirror, core, "mirror changes {json}");
        kinds.insert(core.kind());
    }
    // The docs walk through every intent; if the core adds one, the docs and this mirror follow.
    assert!(kinds.len() >= 28, "documented intent kinds: {kinds:?}");
}
