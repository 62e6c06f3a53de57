#!/usr/bin/env bash
# Builds Yishi for Windows on Debian 12 (target x86_64-pc-windows-gnu, MinGW-w64) and writes
#   dist/windows/Yishi_<version>_x64-setup.exe     per-user installer (makensis, packaging/windows)
#   dist/windows/Yishi_<version>_x64-portable.zip  for offices where installing is not allowed
# Both carry the app, yishi.exe, WebView2Loader.dll, the fallback faces (the same files as
# Debian's fonts-hanazono, so exports stay byte-identical with the Linux build) and the licences.
# Then it checks them under Wine: the installer installs silently, `yishi` runs from the
# installed folder and from the unzipped portable copy, and the uninstaller keeps the record.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/setup.sh
bash scripts/setup-windows.sh

triple=x86_64-pc-windows-gnu
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
target="${CARGO_TARGET_DIR:-$root/target}"
out="$root/dist/windows"
stage="$out/stage"
name="Yishi_${version}_x64"

echo "build-windows: the UI"
bash scripts/ui-build.sh
echo "build-windows: yishi-app.exe and yishi.exe (release, $triple)"
cargo build --locked --release --target "$triple" -p yishi -p yishi-app --bins
bin="$target/$triple/release"

rm -rf "$stage" && mkdir -p "$stage/fonts" "$stage/licences"
cp "$bin/yishi-app.exe" "$bin/yishi.exe" "$bin/WebView2Loader.dll" "$stage/"
cp icons/icon.ico "$stage/yishi.ico"
sed "s/{VERSION}/$version/g" packaging/windows/README.txt | sed 's/$/\r/' > "$stage/README.txt"
hana=/usr/share/fonts/truetype/hanazono
cp "$hana/HanaMinA.ttf" "$hana/HanaMinB.ttf" "$stage/fonts/"
cp LICENSE "$stage/licences/Yishi-LICENSE.txt"
cp assets/fonts/OFL.txt "$stage/licences/NotoSansSC-OFL.txt"
cp /usr/share/doc/fonts-hanazono/copyright "$stage/licences/Hanazono-copyright.txt"
cat > "$stage/licences/WebView2Loader.txt" <<'TXT'
WebView2Loader.dll is part of the Microsoft Edge WebView2 SDK, redistributed with applications
under the SDK's licence (https://www.nuget.org/packages/Microsoft.Web.WebView2/ "License").
TXT
for f in "$stage"/licences/*.txt; do sed -i 's/\r\?$/\r/' "$f"; done

echo "build-windows: installer"
size_kb=$(du -sk "$stage" | cut -f1)
makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$version" -DSTAGE="$stage" -DSIZE_KB="$size_kb" \
  -DOUTFILE="$out/${name}-setup.exe" packaging/windows/yishi.nsi

echo "build-windows: portable zip"
rm -rf "$out/$name" "$out/${name}-portable.zip"
cp -r "$stage" "$out/$name"
(cd "$out" && TZ=UTC find "$name" -exec touch -d '2026-01-01 00:00:00' {} + && \
  find "$name" | LC_ALL=C sort | zip -q -X -9 "${name}-portable.zip" -@)
rm -rf "$out/$name"

bash scripts/check-windows-packages.sh "$out/${name}-setup.exe" "$out/${name}-portable.zip"
ls -l "$out"/*.exe "$out"/*.zip
