#!/usr/bin/env bash
# Desktop app benchmarks (issue 3): start-up to a usable meeting room and memory across a
# simulated 3-hour meeting, each beside a bare Tauri window measured in the same run. Builds
# the UI, the release app, the `yishi` tool and the bare window (benches/app/bare, built
# outside the workspace with the repo's Cargo.lock), then runs benches/app/bench.mjs, which
# rewrites the app-bench section of docs/performance.md.
# YISHI_BENCH_RUNS (default 5) starts of each; YISHI_BENCH_TURNS (default 234) speaking turns
# per agenda item (234 gives ~2,000 intents).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
target="${CARGO_TARGET_DIR:-$root/target}"
export CARGO_TARGET_DIR="$target"

bash "$root/scripts/setup.sh"
echo "bench-app: building the UI and the release app"
(cd "$root/ui" && npm run --silent build)
(cd "$root" && cargo build --release -p yishi-app -p yishi --bin yishi-app --bin yishi)

echo "bench-app: building the bare Tauri window"
bare="$target/bench-bare-src"
rm -rf "$bare"
mkdir -p "$bare/icons"
cp -r "$root/benches/app/bare/." "$bare/"
cp "$root/Cargo.lock" "$bare/Cargo.lock"
cp "$root/icons/icon.png" "$bare/icons/icon.png"
(cd "$bare" && { cargo build --release --offline 2>/dev/null || cargo build --release; })

export YISHI_BENCH_APP="$target/release/yishi-app"
export YISHI_BENCH_BARE="$target/release/yishi-bench-bare"
export YISHI_CLI_BIN="$target/release/yishi"
mkdir -p "$root/artifacts/e2e"
echo "bench-app: measuring"
node "$root/benches/app/bench.mjs"
