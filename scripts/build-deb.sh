#!/usr/bin/env bash
# Builds the x86-64 Debian package dist/linux/yishi_<version>_amd64.deb: the UI, both programs
# (the app with the UI embedded, and the `yishi` tool) in one release build, then the package
# (scripts/package-deb.sh). Works offline once crates and npm packages are installed.
# Prints the path of the .deb.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
bash "$root/scripts/setup.sh" >&2
triple=x86_64-unknown-linux-gnu
bash "$root/scripts/ui-build.sh" >&2
(cd "$root" && cargo build --locked --release --target "$triple" -p yishi -p yishi-app --bins) >&2
bash "$root/scripts/package-deb.sh" "$triple"
