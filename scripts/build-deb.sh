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
deb=$(ls -t "${CARGO_TARGET_DIR:-$root/target}"/release/bundle/deb/*.deb | head -n 1)
# the exports draw rare name characters with the fonts-hanazono faces, read at run time from
# /usr/share/fonts/truetype/hanazono: the package must pull them in (tauri.conf.json
# bundle.linux.deb.depends)
dpkg-deb -f "$deb" Depends | grep -q 'fonts-hanazono' || { echo "build-deb: $deb does not depend on fonts-hanazono" >&2; exit 1; }
echo "$deb"
