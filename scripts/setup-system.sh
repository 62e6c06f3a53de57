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
  # reading the QR code of an exported PDF back, as a resident's phone would
  zbar-tools
  # watching the store sync before it acknowledges (tests/durable.rs)
  strace
  # the power-cut test's FUSE file system (tools/lazyfs): fusermount3 mounts it without root
  fuse3
  # Node.js for the web UI build (the machine's own is used when present)
)
# Installed without their recommendations (a window manager's would bring a Qt settings app).
bare=(
  # end-to-end tests with a second monitor: Xorg's dummy driver gives one RandR output per
  # monitor (Xvfb has one whatever its screens), openbox makes windows fullscreen there,
  # xrandr places the monitors and xprop tells when the window manager is up
  xserver-xorg-core xserver-xorg-video-dummy openbox x11-xserver-utils x11-utils
)

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
missing=()
for p in "${pkgs[@]}"; do installed "$p" || missing+=("$p"); done
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
missing_bare=()
for p in "${bare[@]}"; do installed "$p" || missing_bare+=("$p"); done

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
apt_install() {
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -o DPkg::Lock::Timeout=900 "$@"
}
if [ ${#missing[@]} -gt 0 ] || [ ${#missing_bare[@]} -gt 0 ]; then
  echo "setup-system: installing ${missing[*]} ${missing_bare[*]}"
  $SUDO apt-get update -o DPkg::Lock::Timeout=900
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
  [ ${#missing_bare[@]} -eq 0 ] || apt_install --no-install-recommends "${missing_bare[@]}"
fi
