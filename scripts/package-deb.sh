#!/usr/bin/env bash
# Packages the release binaries of one Linux target, already built with
#   cargo build --release --target TRIPLE -p yishi -p yishi-app --bins
# as dist/linux/yishi_<version>_<arch>.deb: Tauri's deb bundler lays out the app (desktop entry,
# icons, dependencies from tauri.conf.json) and puts the `yishi` tool in /usr/bin beside it
# (packaging/tauri.linux.json); the package is then compressed again with xz -9, whose 64 MiB
# window stores the font built into both programs once (the bundler's gzip stores it twice).
#   package-deb.sh TRIPLE
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
triple="$1"
target="${CARGO_TARGET_DIR:-$root/target}"
release="$target/$triple/release"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -n 1)
arch=$(case "$triple" in x86_64-*) echo amd64 ;; aarch64-*) echo arm64 ;; *) echo "package-deb: unknown target $triple" >&2; exit 1 ;; esac)

mkdir -p "$target/sidecar"
cp "$release/yishi" "$target/sidecar/yishi-$triple"
rm -rf "$release/bundle/deb"
(cd "$root/ui" && TAURI_APP_PATH="$root/src-tauri" npx --no-install tauri bundle --ci \
  --bundles deb --target "$triple" --config "$root/packaging/tauri.linux.json")
built=$(ls "$release"/bundle/deb/*.deb)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dpkg-deb -R "$built" "$work/pkg"
[ -x "$work/pkg/usr/bin/yishi" ] || { echo "package-deb: /usr/bin/yishi missing from $built" >&2; exit 1; }
# the exports draw rare name characters with the fonts-hanazono faces, read at run time from
# /usr/share/fonts/truetype/hanazono: the package must pull them in (tauri.conf.json)
grep -q '^Depends:.*fonts-hanazono' "$work/pkg/DEBIAN/control" || { echo "package-deb: no dependency on fonts-hanazono" >&2; exit 1; }
grep -q "^Architecture: $arch\$" "$work/pkg/DEBIAN/control" || { echo "package-deb: not an $arch package" >&2; exit 1; }
# The C library the programs were linked against sets the oldest system they run on; the
# bundler states no version, so an older system would install a package that cannot start.
objdump=$(case "$arch" in arm64) echo aarch64-linux-gnu-objdump ;; *) echo objdump ;; esac)
glibc=$("$objdump" -T "$work/pkg/usr/bin/yishi-app" "$work/pkg/usr/bin/yishi" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -n 1)
sed -i "s/^Depends: /Depends: libc6 (>= $glibc), /" "$work/pkg/DEBIAN/control"
size_kb=$(du -sk --exclude=DEBIAN "$work/pkg" | cut -f1)
sed -i "s/^Installed-Size:.*/Installed-Size: $size_kb/" "$work/pkg/DEBIAN/control"
mkdir -p "$root/dist/linux"
out="$root/dist/linux/yishi_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz -z9 -b "$work/pkg" "$out" >/dev/null
echo "$out"
