#!/usr/bin/env bash
# Runs every test of Yishi on a fresh Debian 12 machine, installing what is
# missing first (idempotent). `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-system.sh

echo "== core: rules, store, crash, properties, CLI (cargo test)"
cargo test --locked 2>&1
