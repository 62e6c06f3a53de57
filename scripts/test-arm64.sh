#!/usr/bin/env bash
# The core's whole `cargo test`, built for aarch64-unknown-linux-gnu and run under qemu-user
# over the arm64 sysroot (scripts/setup-arm64.sh).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
sysroot="$(bash scripts/setup-arm64.sh | tail -n 1)"
. scripts/arm64-env.sh
echo "== arm64: the core's tests, built for aarch64-unknown-linux-gnu, run under qemu-user"
cargo test --locked --target aarch64-unknown-linux-gnu
