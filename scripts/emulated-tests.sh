#!/usr/bin/env bash
# The core's test targets to run under emulation (Wine, qemu-user): every one but the layout
# suites of the poster and the printed labels. Those are the same code and fonts on every system,
# take minutes under emulation, and what could differ between systems — the bytes of an export —
# is checked by the suites that stay (export_pdf, export_sign: byte-identical output) and, for
# Windows, by check-cross-system.sh. Prints cargo arguments: --lib --bins --test NAME…
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
printf -- '--lib --bins'
for f in "$root"/tests/*.rs; do
  name="$(basename "$f" .rs)"
  case "$name" in
    export_poster|export_labels) ;;
    *) printf -- ' --test %s' "$name" ;;
  esac
done
echo
