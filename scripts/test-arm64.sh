#!/usr/bin/env bash
# The core's tests (all but the layout suites: scripts/emulated-tests.sh), built for
# aarch64-unknown-linux-gnu and run under qemu-user
# over the arm64 sysroot (scripts/setup-arm64.sh).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
sysroot="$(bash scripts/setup-arm64.sh | tail -n 1)"
. scripts/arm64-env.sh
echo "== arm64: the core's tests, built for aarch64-unknown-linux-gnu, run under qemu-user"
# The 1,000-flip corruption test runs natively in the test command; here 40 flips show the
# same containment on this system's file calls without an emulator's ten-fold cost.
YISHI_CORRUPTION_RUNS="${YISHI_CORRUPTION_RUNS:-40}" cargo test --locked --target aarch64-unknown-linux-gnu $(bash scripts/emulated-tests.sh)
