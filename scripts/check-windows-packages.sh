#!/usr/bin/env bash
# Checks the Windows packages under Wine, as a user would use them, in a Wine prefix made for
# the check (its "laptop" has nothing else installed):
# - the installer, run silently, installs per user: the files, Start-menu and desktop shortcuts,
#   the uninstaller and its entry, and its folder on the user's PATH;
# - the installed yishi.exe keeps its record in %APPDATA%\org.yishi.app, exports the minutes and
#   a notice whose title has a CJK Extension B character (drawn with the fonts folder the
#   package carries: no YISHI_FALLBACK_FONT_DIR here) and verifies them;
# - the portable zip, unzipped into a folder with Chinese characters and spaces, does the same;
# - the uninstaller removes the program and its PATH entry and keeps the record.
#   check-windows-packages.sh SETUP.exe PORTABLE.zip
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
setup="$1"
zip="$2"
work="$(mktemp -d)"
export WINEPREFIX="$work/prefix"
trap '/usr/lib/wine/wineserver -k 2>/dev/null || true; rm -rf "$work"' EXIT
. "$root/scripts/wine-env.sh"
unset YISHI_FALLBACK_FONT_DIR YISHI_DATA_DIR
fail() { echo "check-windows-packages: $*" >&2; exit 1; }
win_path() { printf 'Z:%s' "${1//\//\\}"; }
user="$WINEPREFIX/drive_c/users/$(id -un)"
# The notice with 𠮷 each copy exported, kept to be looked at.
out_dir="$root/artifacts/windows"
mkdir -p "$out_dir"
inst="$user/AppData/Local/Programs/Yishi"
inst_win="C:\\users\\$(id -un)\\AppData\\Local\\Programs\\Yishi"

echo "check-windows-packages: installing $(basename "$setup") silently"
"$WINE" "$setup" /S
/usr/lib/wine/wineserver -w
for f in yishi-app.exe yishi.exe WebView2Loader.dll uninstall.exe fonts/HanaMinA.ttf fonts/HanaMinB.ttf \
  licences/NotoSansSC-OFL.txt licences/Hanazono-copyright.txt licences/Yishi-LICENSE.txt; do
  [ -f "$inst/$f" ] || fail "the installer did not install $f"
done
ls "$user/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/"*.lnk > /dev/null || fail "no Start-menu shortcut"
"$WINE" reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\org.yishi.app' /v UninstallString > /dev/null \
  || fail "no uninstall entry"
"$WINE" reg query 'HKCU\Environment' /v Path | tr -d '\r' | grep -qiF "$inst_win" || fail "the install folder is not on PATH"

# A notice whose title has 𠮷 (U+20BB7, CJK Extension B): the main font lacks it, so it is drawn
# with the fonts folder beside yishi.exe.
rare='{"meeting":"2b2b0000-0000-4000-8000-000000000001","at":"2026-11-10T09:00:00+08:00","intent":{"type":"create_meeting","level":"community","form":"deliberation_council","online":false,"title":"𠮷祥里加装电梯议事会","place":"社区党群服务中心","scheduled_at":"2026-11-19T19:30:00+08:00","chair":"p1","recorder":"p1","participants":[{"id":"p1","name":"李卫东","group":"residents","two_committees":true,"role":"member"}],"agenda":[{"id":"a1","title":"加装电梯"}]}}'
printf '%s\n' "$rare" > "$work/rare.jsonl"

use() { # EXE DATA_ARGS... : a demo record, the minutes and the rare notice, each verified
  local exe="$1"; shift
  "$WINE" "$exe" "$@" demo > /dev/null
  "$WINE" "$exe" "$@" export minutes held -o "$(win_path "$work/纪要 1.pdf")" > /dev/null
  "$WINE" "$exe" "$@" apply --quiet "$(win_path "$work/rare.jsonl")" > /dev/null
  "$WINE" "$exe" "$@" verify "$(win_path "$work/纪要 1.pdf")" > /dev/null || fail "$exe: the minutes do not verify"
  "$WINE" "$exe" "$@" export notice 2b2b0000 -o "$(win_path "$work/通知 1.pdf")" > /dev/null || fail "$exe: the notice with 𠮷 was not exported"
  "$WINE" "$exe" "$@" verify "$(win_path "$work/通知 1.pdf")" > /dev/null || fail "$exe: the notice does not verify"
  pdffonts "$work/通知 1.pdf" | grep -q HanaMin || fail "$exe: 𠮷 was not drawn with the shipped fallback face"
  cp "$work/通知 1.pdf" "$out_dir/notice-rare-character.pdf"
  "$WINE" "$exe" "$@" verify | tr -d '\r' | grep -c '^完好 intact'
}

echo "check-windows-packages: the installed yishi.exe, record in %APPDATA%"
meetings=$(use "$inst_win\\yishi.exe")
[ -f "$user/AppData/Roaming/org.yishi.app/db" ] || [ -d "$user/AppData/Roaming/org.yishi.app" ] || fail "the record is not in %APPDATA%\\org.yishi.app"
echo "check-windows-packages: installed: $meetings meetings intact, minutes and rare-character notice exported and verified"

echo "check-windows-packages: the portable zip, unzipped into a folder named with Chinese and spaces"
mkdir -p "$work/U 盘/议事"
(cd "$work/U 盘/议事" && unzip -q "$zip")
portable=$(ls -d "$work/U 盘/议事"/*/yishi.exe)
meetings=$(use "$(win_path "$portable")" --data-dir "$(win_path "$work/便携 数据")")
echo "check-windows-packages: portable: $meetings meetings intact, minutes and rare-character notice exported and verified"

# The app on a laptop without WebView2 (Wine has none offline): a message box says what to do,
# instead of nothing opening; closing it ends the app.
echo "check-windows-packages: the installed app without WebView2"
display=:$(( 90 + RANDOM % 90 ))
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp > /dev/null 2>&1 &
xvfb=$!
trap '/usr/lib/wine/wineserver -k 2>/dev/null || true; kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1
# Wine's dialog font has no Chinese, a Chinese Windows's has: let Wine draw it with Noto Sans CJK.
for face in Tahoma "MS Shell Dlg" "MS Shell Dlg 2"; do
  "$WINE" reg add 'HKCU\Software\Wine\Fonts\Replacements' /v "$face" /d 'Noto Sans CJK SC' /f > /dev/null
done
DISPLAY="$display" "$WINE" "$inst_win\\yishi-app.exe" > "$work/app.log" 2>&1 &
app=$!
box=""
for _ in $(seq 150); do
  box=$(DISPLAY="$display" xdotool search --name '^议事 Yishi$' 2>/dev/null | head -n 1) && [ -n "$box" ] && break
  kill -0 $app 2>/dev/null || break
  sleep 0.2
done
[ -n "$box" ] || { cat "$work/app.log" >&2; fail "the app showed no message about WebView2"; }
sleep 1
DISPLAY="$display" import -window root "$out_dir/no-webview2.png"
# OK, as the chair would press it (again if the first key came before the box took focus)
for _ in $(seq 10); do
  DISPLAY="$display" xdotool windowfocus "$box" key --window "$box" Return 2>/dev/null || true
  for _ in $(seq 10); do kill -0 $app 2>/dev/null || break; sleep 0.2; done
  kill -0 $app 2>/dev/null || break
done
kill -0 $app 2>/dev/null && fail "the app did not end after its message was closed"
wait $app || fail "the app ended with an error after its message"
kill $xvfb 2>/dev/null || true
echo "check-windows-packages: without WebView2 the app says so (artifacts/windows/no-webview2.png) and ends when told"

echo "check-windows-packages: uninstalling silently"
"$WINE" "$inst_win\\uninstall.exe" /S "_?=$inst_win"
/usr/lib/wine/wineserver -w
[ ! -e "$inst/yishi-app.exe" ] && [ ! -e "$inst/yishi.exe" ] && [ ! -d "$inst/fonts" ] || fail "the uninstaller left the program"
"$WINE" reg query 'HKCU\Environment' /v Path 2>/dev/null | tr -d '\r' | grep -qiF "$inst_win" && fail "the install folder is still on PATH"
[ -d "$user/AppData/Roaming/org.yishi.app" ] || fail "the uninstaller removed the record"
echo "check-windows-packages: uninstalled; the record in %APPDATA%\\org.yishi.app is kept"
