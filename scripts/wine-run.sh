#!/usr/bin/env bash
# cargo's runner for x86_64-pc-windows-gnu (.cargo/config.toml): runs a Windows test or program
# under Debian's Wine 8, in the project's Wine prefix (scripts/wine-env.sh).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/wine-env.sh"
# The exports' fallback faces: Debian's fonts-hanazono, seen as Z:\usr\share\... under Wine.
export YISHI_FALLBACK_FONT_DIR="${YISHI_FALLBACK_FONT_DIR:-/usr/share/fonts/truetype/hanazono}"
exec "$WINE" "$@"
