#!/usr/bin/env bash
# Builds the app once (the UI, then a debug binary that serves the built UI from inside the
# binary, as a release does) and runs the end-to-end suite through it under Xvfb.
# Screenshots land in artifacts/e2e/. Extra arguments go to `node --test` (e.g. a test file).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"

# scripts/test.sh has already set up and built the UI.
if [ -z "${YISHI_E2E_SKIP_SETUP:-}" ]; then
  bash "$root/scripts/setup.sh"
  echo "e2e: building the UI"
  (cd "$root/ui" && npm run --silent build)
fi

echo "e2e: building the app (debug, embedded UI)"
target="${CARGO_TARGET_DIR:-$root/target}"
# From scripts/test.sh the binaries are already there: `cargo test --workspace` built both
# for their own tests, with the test build's feature set (building again here would
# resolve features differently and recompile half the dependencies).
if [ -z "${YISHI_E2E_SKIP_SETUP:-}" ]; then
  (cd "$root" && cargo build -p yishi-app)
  (cd "$root" && cargo build -p yishi --bin yishi)
fi
export YISHI_APP_BIN="$target/debug/yishi-app"
# The core's own tool, to check the record the app wrote.
export YISHI_CLI_BIN="$target/debug/yishi"

rm -rf "$root/artifacts/e2e"
mkdir -p "$root/artifacts/e2e"
echo "e2e: running the suite"
cd "$root/tests/e2e"
if [ $# -gt 0 ]; then
  node --test --test-concurrency=1 --test-reporter=spec "$@"
else
  node --test --test-concurrency=1 --test-reporter=spec ./*.test.mjs
fi
