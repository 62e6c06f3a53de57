#!/usr/bin/env bash
# Regenerates the app icons in icons/ from the drawn mark icons/yishi.svg.
# Needs rsvg-convert (librsvg2-bin, from setup-system.sh) and the tauri CLI in ui/.
# Keeps the desktop sizes only (Linux .deb, Windows .ico, macOS .icns).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
rsvg-convert -w 1024 -h 1024 "$root/icons/yishi.svg" -o "$tmp/yishi-1024.png"
(cd "$root/ui" && npx --no-install tauri icon "$tmp/yishi-1024.png" -o "$tmp/out" >/dev/null)
for f in 32x32.png 64x64.png 128x128.png 128x128@2x.png icon.png icon.ico icon.icns; do
  cp "$tmp/out/$f" "$root/icons/$f"
done
echo "icons regenerated in $root/icons"
