#!/usr/bin/env bash
# Package sizes and the Windows build's speed, written to docs/performance.md ("Packages").
# Needs the packages built first: scripts/build-windows.sh, scripts/build-deb.sh and
# scripts/build-linux-arm64.sh (a missing one is reported as not built). Measures:
# - each package's size, and what is in it (programs, fallback faces);
# - `yishi list` on a 1,000-meeting store: the native Linux build and the Windows build under
#   Wine, in the same run (hyperfine), beside Wine starting the same exe for `--version` only;
# - with --profile-steps: the `yishi` tool (x86-64 Linux) built with each release-profile step
#   (strip only, + fat LTO, + one codegen unit, + no unwinding), each in its own target dir,
#   and what storing the built-in font compressed would save and cost.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
target="${CARGO_TARGET_DIR:-$root/target}"
command -v hyperfine >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=900 hyperfine >/dev/null
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
report="$tmp/report.md"
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1000000 }'; }
size() { [ -f "$1" ] && mib "$(stat -c %s "$1")" || echo "not built"; }

{
  echo "## Packages"
  echo
  echo "\`bash scripts/bench-packages.sh\` on $(date -u +%Y-%m-%d), version $version, commit $(git rev-parse --short HEAD)."
  echo "Sizes in MB (10^6 bytes). Goals: Windows installer ≤ 15 MB, each .deb ≤ 12 MB."
  echo
  echo "| package | size | holds |"
  echo "|---|---|---|"
  win="dist/windows"
  stage="$win/stage"
  fonts_b=0
  if [ -d "$stage" ]; then
    fonts_b=$(cat "$stage"/fonts/*.ttf | wc -c)
    fonts_xz=$(cat "$stage"/fonts/*.ttf | xz -9 -T1 | wc -c)
    echo "| Windows installer \`Yishi_${version}_x64-setup.exe\` | $(size "$win/Yishi_${version}_x64-setup.exe") | yishi-app.exe $(size "$stage/yishi-app.exe"), yishi.exe $(size "$stage/yishi.exe"), WebView2Loader.dll, fallback faces $(mib "$fonts_b") ($(mib "$fonts_xz") compressed) |"
    echo "| Windows portable \`Yishi_${version}_x64-portable.zip\` | $(size "$win/Yishi_${version}_x64-portable.zip") | the same files, each deflated on its own |"
  fi
  for arch in amd64 arm64; do
    deb="dist/linux/yishi_${version}_${arch}.deb"
    if [ -f "$deb" ]; then
      dpkg-deb -x "$deb" "$tmp/$arch"
      echo "| Linux \`yishi_${version}_${arch}.deb\` | $(size "$deb") | yishi-app $(size "$tmp/$arch/usr/bin/yishi-app"), yishi $(size "$tmp/$arch/usr/bin/yishi"); fallback faces from the fonts-hanazono dependency |"
    else
      echo "| Linux \`yishi_${version}_${arch}.deb\` | not built | |"
    fi
  done
  echo
  if [ -d "$stage" ]; then
    nofonts="$tmp/nofonts"
    cp -r "$stage" "$nofonts" && rm -f "$nofonts"/fonts/*.ttf && touch "$nofonts/fonts/none.ttf"
    makensis -V1 -INPUTCHARSET UTF8 -DVERSION="$version" -DSTAGE="$nofonts" -DSIZE_KB=1 -DOUTFILE="$tmp/nofonts.exe" packaging/windows/yishi.nsi
    echo "Without the fallback faces the installer would be $(size "$tmp/nofonts.exe"). They are the same files as Debian's"
    echo "fonts-hanazono so that an export with a rare character (CJK Extension B: 𠮷 …) is the same bytes"
    echo "on Windows and Linux and verifies on either; no subset of them can be made ahead of time,"
    echo "since any name may need any of their glyphs."
    echo
  fi

  # yishi list, native against Wine
  linux_cli="$target/x86_64-unknown-linux-gnu/release/yishi"
  win_cli="$stage/yishi.exe"
  if [ -x "$linux_cli" ] && [ -f "$win_cli" ]; then
    root="$root" . scripts/wine-env.sh
    python3 - "$tmp/meetings.jsonl" <<'PY'
import json, sys, uuid
out = open(sys.argv[1], "w")
for i in range(1000):
    m = str(uuid.UUID(int=0x5a1e0000_0000_4000_8000_000000000000 + i))
    day = 1 + i % 28
    out.write(json.dumps({"meeting": m, "at": f"2026-10-{day:02d}T09:00:00+08:00", "intent": {
        "type": "create_meeting", "level": "community", "form": "deliberation_council", "online": False,
        "title": f"幸福社区第{i + 1}次居民议事会", "place": "社区党群服务中心",
        "scheduled_at": f"2026-11-{day:02d}T19:30:00+08:00", "chair": "p1", "recorder": "r1",
        "participants": [{"id": "p1", "name": "李卫东", "group": "residents", "two_committees": True, "role": "member"},
                         {"id": "p2", "name": "王秀英", "group": "residents", "role": "member"},
                         {"id": "r1", "name": "谢雨婷", "group": "supporters", "role": "attendee"}],
        "agenda": [{"id": "a1", "title": "加装电梯"}, {"id": "a2", "title": "停车管理"}]}}, ensure_ascii=False) + "\n")
PY
    "$linux_cli" --data-dir "$tmp/linux" apply --quiet "$tmp/meetings.jsonl" > /dev/null
    # Windows takes forward slashes too; hyperfine's command parsing would eat backslashes.
    "$WINE" "$win_cli" --data-dir "Z:$tmp/windows" apply --quiet "Z:$tmp/meetings.jsonl" > /dev/null
    [ "$("$linux_cli" --data-dir "$tmp/linux" list | wc -l)" -eq 1000 ] || { echo "bench-packages: the Linux store does not list 1,000 meetings" >&2; exit 1; }
    [ "$("$WINE" "$win_cli" --data-dir "Z:$tmp/windows" list | wc -l)" -eq 1000 ] || { echo "bench-packages: the Windows store does not list 1,000 meetings" >&2; exit 1; }
    hyperfine -N --warmup 3 --runs 40 --export-json "$tmp/list.json" \
      -n linux "$linux_cli --data-dir $tmp/linux list" \
      -n wine "$WINE $win_cli --data-dir Z:$tmp/windows list" \
      -n wine-start "$WINE $win_cli --version" > "$tmp/hyperfine.txt"
    python3 - "$tmp/list.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
ms = lambda k, f: f"{r[k][f] * 1000:.0f}"
print("### `yishi list` on a 1,000-meeting store (hyperfine, 40 runs, ms)")
print()
print("| build | median | mean ± σ | min | max |")
print("|---|---|---|---|---|")
label = {"linux": "Linux x86-64, native", "wine": "Windows x64 under Wine 8", "wine-start": "Windows x64 under Wine 8: `yishi.exe --version` only (Wine's start)"}
for k in ["linux", "wine", "wine-start"]:
    x = r[k]
    print(f"| {label[k]} | {ms(k, 'median')} | {x['mean'] * 1000:.0f} ± {x['stddev'] * 1000:.0f} | {ms(k, 'min')} | {ms(k, 'max')} |")
print()
left = (r["wine"]["median"] - r["wine-start"]["median"]) * 1000
native = r["linux"]["median"] * 1000
print(f"Wine takes {ms('wine-start', 'median')} ms to start the exe at all (`--version`); opening the store and listing 1,000 meetings")
print(f"then takes about {left:.0f} ms more, against {native:.0f} ms for the whole native run ({left / native:.0f} ×): the store's file")
print("and thread work goes through Wine's emulation of Windows on Linux. Real Windows runs it directly; these")
print("figures bound it from above, and a chair's screen opens the store once, not per list.")
print()
PY
  else
    echo "\`yishi list\` native against Wine: not measured (build both packages first)."
    echo
  fi

  # The steps take four builds (~20 min): measured with --profile-steps, kept under target/ and
  # repeated in later runs' report.
  steps="$target/bench-profile-steps.md"
  if [ "${1:-}" = "--profile-steps" ]; then
  {
    echo "### Release profile, step by step (the \`yishi\` tool, x86-64 Linux, stripped)"
    echo
    echo "| profile | size | build (2 cores) |"
    echo "|---|---|---|"
    step() { # NAME ENV...
      local name="$1"; shift
      local dir="$target/profile-steps/$name"
      local t0 t1
      t0=$(date +%s)
      env "$@" CARGO_TARGET_DIR="$dir" cargo build --locked --release --bin yishi -q
      t1=$(date +%s)
      echo "| $name | $(size "$dir/release/yishi") | $(( (t1 - t0) / 60 )) min $(( (t1 - t0) % 60 )) s |"
    }
    step "strip only" CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_PANIC=unwind
    step "+ fat LTO" CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_PANIC=unwind
    step "+ one codegen unit" CARGO_PROFILE_RELEASE_PANIC=unwind
    step "+ no unwinding (shipped)"
    rm -rf "$target/profile-steps"
    echo
    font=assets/fonts/NotoSansSC-Regular.otf
    gz=$(gzip -9c "$font" | wc -c); xzs=$(xz -9 -T1 -c "$font" | wc -c)
    gzip -9c "$font" > "$tmp/f.gz"; xz -9 -T1 -c "$font" > "$tmp/f.xz"
    TIMEFORMAT=%R
    tg=$( { time gzip -dc "$tmp/f.gz" > /dev/null; } 2>&1 )
    tx=$( { time xz -dc "$tmp/f.xz" > /dev/null; } 2>&1 )
    echo "The built-in font ($(size "$font")) stored compressed: deflate $(mib "$gz") (${tg} s to inflate), xz $(mib "$xzs") (${tx} s)."
    echo "Not taken: every package already compresses it (xz -9 in the .deb, solid LZMA in the installer,"
    echo "both with a window that stores the copy in the app and the copy in \`yishi\` once), so compressing it"
    echo "inside the programs would shrink no package, only the installed files, and every first export of a"
    echo "process would pay the inflate."
    echo
  } > "$steps"
  fi
  [ -f "$steps" ] && cat "$steps"
} > "$report"

python3 - "$report" <<'PY'
import re, sys
new = open(sys.argv[1]).read().rstrip() + "\n"
path = "docs/performance.md"
doc = open(path).read()
start, end = "<!-- packages-bench:start -->", "<!-- packages-bench:end -->"
block = f"{start}\n{new}{end}"
if start in doc:
    doc = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: block, doc, flags=re.S)
else:
    doc = doc.rstrip() + "\n\n" + block + "\n"
open(path, "w").write(doc)
PY
cat "$report"
