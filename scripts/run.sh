#!/usr/bin/env bash
# Starts Yishi on a fresh Debian 12 machine: installs what is missing, builds the
# UI and a release binary (once; later runs reuse them), then opens the app.
# With no meetings yet, the home screen offers the demo community.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh
(cd ui && npm run --silent build)
cargo build --release --locked -p yishi-app -p yishi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run: no display found; starting a virtual one (Xvfb :77) — screenshots: DISPLAY=:77 import -window root shot.png"
  Xvfb :77 -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
  export DISPLAY=:77
  sleep 1
fi
exec "${CARGO_TARGET_DIR:-$root/target}/release/yishi-app" "$@"
