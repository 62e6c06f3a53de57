#!/usr/bin/env bash
# Builds the web UI into ui/dist unless it is already newer than every source of it. The app's
# build embeds ui/dist and reruns when its files change, so rebuilding an unchanged UI would
# make every package build link the app again (minutes with LTO).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
stamp="$root/ui/dist/index.html"
if [ -f "$stamp" ] && [ -z "$(find "$root/ui/src" "$root/ui"/*.html "$root/ui"/*.json "$root/ui"/*.ts "$root/ui"/*.js \
      -newer "$stamp" -print -quit 2>/dev/null)" ]; then
  exit 0
fi
(cd "$root/ui" && npm run --silent build)
