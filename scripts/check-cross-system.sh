#!/usr/bin/env bash
# The same record on Linux and on Windows: every accepted example of docs/intents.md (a whole
# meeting, sealed, amended, carried out) is applied by the Linux `yishi` and by the Windows
# `yishi.exe` under Wine, each into a data folder whose path has Chinese characters and spaces.
# The chain heads must be the same, and with the same installation key every export (minutes,
# poster on A3, notice, text) must be the same bytes; each build verifies the other's PDF.
#   check-cross-system.sh LINUX_YISHI WINDOWS_YISHI_EXE
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
linux="$1"
windows="$2"
. "$root/scripts/wine-env.sh"
export YISHI_FALLBACK_FONT_DIR=/usr/share/fonts/truetype/hanazono

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
script="$tmp/intents.jsonl"
# The accepted examples, in order (```json blocks; the ```json refused=… ones are left out).
awk '/^```json$/ {on=1; next} /^```/ {on=0; next} on && NF' "$root/docs/intents.md" > "$script"
# and a meeting whose title has 𠮷 (CJK Extension B), drawn with the fallback faces
rare=2b2b0000-0000-4000-8000-000000000001
printf '%s\n' '{"meeting":"'$rare'","at":"2026-11-10T09:00:00+08:00","intent":{"type":"create_meeting","level":"community","form":"deliberation_council","online":false,"title":"𠮷祥里加装电梯议事会","place":"社区党群服务中心","scheduled_at":"2026-11-19T19:30:00+08:00","chair":"p1","recorder":"p1","participants":[{"id":"p1","name":"李卫东","group":"residents","two_committees":true,"role":"member"}],"agenda":[{"id":"a1","title":"加装电梯"}]}}' >> "$script"
win_path() { printf 'Z:%s' "${1//\//\\}"; }
seed="ed25519-seed:$(printf '2a%.0s' $(seq 32))"
meeting=11111111-1111-4111-8111-111111111111

for sys in linux windows; do
  data="$tmp/会议 数据 $sys"
  mkdir -p "$data"
  printf '%s\n' "$seed" > "$data/installation-ed25519.key"
  chmod 600 "$data/installation-ed25519.key"
  if [ "$sys" = linux ]; then
    run() { "$linux" --data-dir "$data" "$@"; }
    out() { printf '%s' "$tmp/$1"; }
  else
    run() { "$WINE" "$windows" --data-dir "$(win_path "$data")" "$@"; }
    out() { win_path "$tmp/$1"; }
  fi
  run apply --quiet "$( [ $sys = linux ] && echo "$script" || win_path "$script")" > /dev/null
  run verify | tr -d '\r' > "$tmp/verify.$sys"
  run export minutes "$meeting" -o "$(out "纪要 $sys.pdf")" > /dev/null
  run export poster "$meeting" --paper a3 -o "$(out "公示 $sys.pdf")" > /dev/null
  run export notice "$meeting" -o "$(out "通知 $sys.pdf")" > /dev/null
  run export text "$meeting" -o "$(out "公示 $sys.md")" > /dev/null
  run export notice "$rare" -o "$(out "生僻字通知 $sys.pdf")" > /dev/null
done

fail=0
grep -q "$meeting" "$tmp/verify.linux" || { echo "cross-system: the Linux build did not record $meeting" >&2; fail=1; }
if ! diff -u "$tmp/verify.linux" "$tmp/verify.windows"; then
  echo "cross-system: chain heads differ between Linux and Windows" >&2; fail=1
fi
for doc in "纪要" "公示" "通知" "生僻字通知"; do
  if ! cmp "$tmp/$doc linux.pdf" "$tmp/$doc windows.pdf"; then
    echo "cross-system: $doc differs between Linux and Windows" >&2; fail=1
  fi
done
cmp "$tmp/公示 linux.md" "$tmp/公示 windows.md" || { echo "cross-system: the text export differs" >&2; fail=1; }
# Each build verifies the PDF the other made, against its own record.
"$linux" --data-dir "$tmp/会议 数据 linux" verify "$tmp/纪要 windows.pdf" > /dev/null || fail=1
"$WINE" "$windows" --data-dir "$(win_path "$tmp/会议 数据 windows")" verify "$(win_path "$tmp/纪要 linux.pdf")" > /dev/null || fail=1
[ $fail -eq 0 ] || exit 1
heads=$(grep -c '' "$tmp/verify.linux")
bytes=$(stat -c %s "$tmp/纪要 linux.pdf")
pdffonts "$tmp/生僻字通知 linux.pdf" | grep -q HanaMin || { echo "cross-system: 𠮷 was not drawn with the fallback face" >&2; exit 1; }
echo "cross-system: $heads chain heads equal; minutes ($bytes bytes), A3 poster, notice, text and a notice with 𠮷 byte-identical; each build verifies the other's minutes"
