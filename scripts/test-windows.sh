#!/usr/bin/env bash
# The Windows build's tests, on Debian: the core's `cargo test` (all but the layout suites:
# scripts/emulated-tests.sh) for x86_64-pc-windows-gnu,
# run under Wine (.cargo/config.toml's runner), then the cross-system check (same record, same
# fingerprints, same PDF bytes as the Linux build). Called by scripts/test.sh after the Linux
# tests, whose debug `yishi` it compares with.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/setup-windows.sh
target="${CARGO_TARGET_DIR:-$root/target}"

echo "== Windows: the core's tests, built for x86_64-pc-windows-gnu, run under Wine"
# The 1,000-flip corruption test runs natively in the test command; here 100 flips show the
# same containment on this system's file calls without an emulator's ten-fold cost.
YISHI_CORRUPTION_RUNS="${YISHI_CORRUPTION_RUNS:-100}" cargo test --locked --target x86_64-pc-windows-gnu $(bash scripts/emulated-tests.sh)

echo "== Windows and Linux: one record, the same chain heads and export bytes"
[ -x "$target/debug/yishi" ] || cargo build --locked --bin yishi
bash scripts/check-cross-system.sh "$target/debug/yishi" "$target/x86_64-pc-windows-gnu/debug/yishi.exe"
