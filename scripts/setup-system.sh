#!/usr/bin/env bash
# Installs the Debian 12 packages Yishi builds, tests and runs with. Idempotent:
# packages already present are skipped, so a warm machine pays only the dpkg query.
set -euo pipefail

pkgs=(
  # Tauri 2 on Linux (WebKitGTK 4.1) and the .deb bundler
  libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev pkg-config
  # the app icon is drawn as SVG and rendered with rsvg-convert
  librsvg2-bin
  # CJK glyphs for the UI under a bare X server (WebKit falls back to these)
  fonts-noto-cjk
  # end-to-end tests: a display and the WebDriver for WebKitGTK
  xvfb webkit2gtk-driver imagemagick xdotool
  # fallback faces of the PDF exports for name characters the shipped font lacks
  # (CJK Extension B: 𠮷 …): HanaMinA.ttf, HanaMinB.ttf, 54 MB, read only when needed
  fonts-hanazono
  # checking exported PDFs with independent tools
  poppler-utils qpdf
  # Node.js for the web UI build (the machine's own is used when present)
)

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-system: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -o DPkg::Lock::Timeout=900
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -o DPkg::Lock::Timeout=900 "${missing[@]}"
fi
