# Sourced by the scripts that run Yishi's Windows build under Debian's Wine 8: a Wine prefix of
# the project's own (under target/, or $WINEPREFIX), made once, with the test fixture of
# tests/wine/ (ProcessPrng, which Rust's std needs and Wine 8 lacks) in its system32, where every
# exe finds it. Sets WINE to the wine64 binary (it is not on PATH in Debian).
root="${root:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
WINE=/usr/lib/wine/wine64
export WINEPREFIX="${WINEPREFIX:-${CARGO_TARGET_DIR:-$root/target}/wine-prefix}"
export WINEDEBUG="${WINEDEBUG:--all}"
# No Mono or Gecko prompts while the prefix is made (offline; a console program needs neither).
export WINEDLLOVERRIDES="${WINEDLLOVERRIDES:-mscoree=;mshtml=}"
_shim_src="$root/tests/wine/bcryptprimitives.c"
_shim="$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll"
if [ ! -f "$WINEPREFIX/system.reg" ]; then
  mkdir -p "$WINEPREFIX"
  "$WINE" wineboot --init >/dev/null 2>&1 || true
  /usr/lib/wine/wineserver -w
fi
if [ ! -f "$_shim" ] || [ "$_shim_src" -nt "$_shim" ]; then
  _tmp="$(mktemp -d)"
  x86_64-w64-mingw32-gcc -shared -O2 -o "$_tmp/bcryptprimitives.dll" "$_shim_src" \
    "$root/tests/wine/bcryptprimitives.def" -ladvapi32
  cp "$_tmp/bcryptprimitives.dll" "$_shim"
  rm -rf "$_tmp"
fi
