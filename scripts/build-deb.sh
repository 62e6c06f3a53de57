#!/usr/bin/env bash
# Builds the Debian package: the UI (beforeBuildCommand), a release binary with the UI
# embedded, then the .deb. Works offline once crates and npm packages are installed
# (AppImage bundling would download tools, so only the deb target is built).
# Prints the path of the .deb.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
bash "$root/scripts/setup.sh"
cd "$root/ui"
TAURI_APP_PATH="$root/src-tauri" npx --no-install tauri build --bundles deb
ls "${CARGO_TARGET_DIR:-$root/target}"/release/bundle/deb/*.deb
