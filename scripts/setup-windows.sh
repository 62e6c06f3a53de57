#!/usr/bin/env bash
# What building and testing the Windows build on Debian 12 needs, installed idempotently: the
# MinGW-w64 cross compiler (linker and resource compiler of the x86_64-pc-windows-gnu target),
# Debian's NSIS for the installer, Wine 8 to run the Windows build's tests, zip for the portable
# package, and Rust's standard library for the target.
set -euo pipefail
pkgs=(gcc-mingw-w64-x86-64 nsis wine64 zip)
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
missing=()
for p in "${pkgs[@]}"; do installed "$p" || missing+=("$p"); done
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-windows: installing ${missing[*]}"
  $SUDO apt-get update -o DPkg::Lock::Timeout=900
  # Without recommendations: wine64's would bring a desktop's worth of fonts and libraries.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -o DPkg::Lock::Timeout=900 --no-install-recommends "${missing[@]}"
fi
export PATH="$HOME/.cargo/bin:$PATH"
rustup target list --installed | grep -qx x86_64-pc-windows-gnu || rustup target add x86_64-pc-windows-gnu
