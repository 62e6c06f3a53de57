#!/usr/bin/env bash
# What cross-building Yishi for arm64 Linux (UOS, Kylin on Phytium/Kunpeng) on Debian 12 needs,
# idempotently: the aarch64 cross compiler, Rust's standard library for the target, qemu-user to
# run arm64 programs, and an arm64 sysroot holding WebKitGTK 4.1 and its -dev packages.
#
# Why a sysroot and not multiarch: `apt-get install libwebkit2gtk-4.1-dev:arm64` cannot be
# installed beside the amd64 packages on Debian 12: its -dev chain pulls in
# gobject-introspection:arm64, which needs python3:arm64, and python3 is not co-installable
# across architectures in bookworm (apt: "gobject-introspection:arm64 Depends: python3:arm64 (<
# 3.12) … Conflicts"). mmdebstrap's `extract` variant unpacks the same Debian arm64 packages
# into a folder instead (no maintainer scripts, no emulation), which is all a linker and
# pkg-config need.
#
# Prints the sysroot's path last.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
sysroot="${YISHI_ARM64_SYSROOT:-$target/arm64-sysroot}"
pkgs=(gcc-aarch64-linux-gnu qemu-user-static mmdebstrap)
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
missing=()
for p in "${pkgs[@]}"; do installed "$p" || missing+=("$p"); done
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-arm64: installing ${missing[*]}" >&2
  $SUDO apt-get update -o DPkg::Lock::Timeout=900 >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -o DPkg::Lock::Timeout=900 --no-install-recommends "${missing[@]}" >&2
fi
export PATH="$HOME/.cargo/bin:$PATH"
rustup target list --installed | grep -qx aarch64-unknown-linux-gnu || rustup target add aarch64-unknown-linux-gnu >&2

# The sysroot: what the app links against (RECIPE's Tauri packages) and the C library.
sys_pkgs="libwebkit2gtk-4.1-dev,libxdo-dev,libssl-dev,libayatana-appindicator3-dev,librsvg2-dev,libc6-dev"
stamp="$sysroot/.yishi-packages"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$sys_pkgs" ]; then
  echo "setup-arm64: unpacking the arm64 sysroot into $sysroot (~1.3 GB, about a minute)" >&2
  rm -rf "$sysroot"
  mkdir -p "$(dirname "$sysroot")"
  # The machine's own Debian sources (its mirror), for arm64.
  mirrors=()
  while read -r uri suite; do mirrors+=("deb $uri $suite main"); done < <(
    awk '/^URIs:/ {u=$2} /^Suites:/ {for (i=2;i<=NF;i++) print u, $i}' /etc/apt/sources.list.d/debian.sources 2>/dev/null)
  [ ${#mirrors[@]} -gt 0 ] || mirrors=("deb http://deb.debian.org/debian bookworm main")
  $SUDO mmdebstrap --quiet --variant=extract --architectures=arm64 --include="$sys_pkgs" \
    bookworm "$sysroot" "${mirrors[@]}" >&2
  # Absolute symlinks (libz.so -> /lib/aarch64-linux-gnu/libz.so.1 …) would point into the
  # host's amd64 libraries: make them point inside the sysroot.
  find "$sysroot" -type l -lname '/*' -print0 | while IFS= read -r -d '' link; do
    ln -sfn "$(realpath -m --relative-to="$(dirname "$link")" "$sysroot$(readlink "$link")")" "$link"
  done
  echo "$sys_pkgs" > "$stamp"
fi

# Tests of the arm64 build start the arm64 `yishi` as a child: the kernel hands arm64 programs
# to qemu (binfmt_misc), which finds their libraries in the sysroot through QEMU_LD_PREFIX.
binfmt=/proc/sys/fs/binfmt_misc
if [ ! -e "$binfmt/qemu-aarch64" ]; then
  [ -e "$binfmt/register" ] || $SUDO mount -t binfmt_misc binfmt_misc "$binfmt"
  $SUDO sh -c "cat /usr/lib/binfmt.d/qemu-aarch64.conf > $binfmt/register"
fi
echo "$sysroot"
