#!/usr/bin/env bash
# Cross-builds Yishi for arm64 Linux on Debian 12 (UOS and Kylin desks on Phytium/Kunpeng) and
# writes dist/linux/yishi_<version>_arm64.deb: the app and the `yishi` tool, like the amd64
# package. Then runs the core's tests for aarch64 under qemu-user (scripts/test-arm64.sh) and
# starts the packaged `yishi` under qemu to export and verify a document.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/setup.sh
sysroot="$(bash scripts/setup-arm64.sh | tail -n 1)"
. scripts/arm64-env.sh
triple=aarch64-unknown-linux-gnu

bash scripts/ui-build.sh
cargo build --locked --release --target "$triple" -p yishi -p yishi-app --bins
deb="$(bash scripts/package-deb.sh "$triple" | tail -n 1)"

echo "build-linux-arm64: checking $deb"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dpkg-deb -x "$deb" "$work/pkg"
for exe in yishi yishi-app; do
  file "$work/pkg/usr/bin/$exe" | grep -q 'ARM aarch64' || { echo "build-linux-arm64: $exe is not an arm64 program" >&2; exit 1; }
done
data="$work/数据 目录"
"$work/pkg/usr/bin/yishi" --data-dir "$data" demo > /dev/null
"$work/pkg/usr/bin/yishi" --data-dir "$data" export minutes held -o "$work/纪要.pdf"
"$work/pkg/usr/bin/yishi" --data-dir "$data" verify "$work/纪要.pdf"

bash scripts/test-arm64.sh
ls -l "$deb"
