#!/usr/bin/env bash
# Cross-builds gb.exe, gb-server.exe and gb-client.exe for 64-bit Windows with
# Debian's mingw-w64, from a clean checkout: installs the toolchain
# (scripts/setup.sh --windows), builds the libraries from Debian's sources
# (scripts/windows/deps.sh, cached in build-win64/deps), the programs into
# build-win64/, then build-win64/grand-bargain-VERSION-win64.zip with the
# programs (statically linked: no DLLs to ship), assets/, scenarios/ and a README.
# usage: scripts/build-windows.sh          (GB_JOBS=N for parallel jobs, default 2)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
jobs=${GB_JOBS:-2}
out=$root/build-win64
version=$(sed -n 's/^project(grand_bargain VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
name=grand-bargain-$version-win64
host=x86_64-w64-mingw32

scripts/setup.sh --windows
scripts/windows/deps.sh "$out/deps"

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
export CCACHE_BASEDIR=$root
echo "== build-windows: the programs (build-win64/)"
cmake -S . -B "$out" -DCMAKE_TOOLCHAIN_FILE="$root/cmake/mingw-w64-x86_64.cmake" -DGB_WIN64_PREFIX="$out/deps/prefix" \
  -DCMAKE_BUILD_TYPE=Release -DGB_TESTS=OFF "${launcher[@]}" >"$out/configure.log" 2>&1 ||
  { tail -n 30 "$out/configure.log"; exit 1; }
cmake --build "$out" -j"$jobs" --target gb gb-server gb-client

echo "== build-windows: $name.zip"
stage=$out/stage/$name
rm -rf "$out/stage" && mkdir -p "$stage"
for exe in gb gb-server gb-client; do
  $host-strip -o "$stage/$exe.exe" "$out/bin/$exe.exe"
  # Only Windows' own DLLs may be imported: everything else is linked in.
  extra=$($host-objdump -p "$stage/$exe.exe" | sed -n 's/^\s*DLL Name: //p' | tr 'A-Z' 'a-z' |
          grep -vxE 'kernel32.dll|user32.dll|gdi32.dll|advapi32.dll|msvcrt.dll|ws2_32.dll|winmm.dll|opengl32.dll|iphlpapi.dll|shell32.dll|ole32.dll|bcrypt.dll|api-ms-win-.*' || true)
  [ -z "$extra" ] || { echo "build-windows: $exe.exe needs DLLs that the zip does not ship: $extra"; exit 1; }
done
cp -r assets scenarios "$stage/"
mkdir -p "$stage/assets/fonts" "$stage/licenses"
cp /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf "$stage/assets/fonts/"
cp /usr/share/doc/fonts-dejavu-core/copyright "$stage/licenses/DejaVu.txt"
for lib in libsodium freetype libsfml imgui; do
  cp "$out/deps/src/$lib"/*/debian/copyright "$stage/licenses/$lib.txt" 2>/dev/null || true
done
# ENet: the enet source package's copyright file, or that of the love package whose copy was built
# (it names ENet's files: "src/libraries/enet/libenet/*, 2002-2016 Lee Salzman, MIT").
enet_copyright=$(ls "$out"/deps/src/enet/*/debian/copyright "$out"/deps/src/love/*/debian/copyright 2>/dev/null | head -n 1 || true)
[ -n "$enet_copyright" ] && cp "$enet_copyright" "$stage/licenses/enet.txt"
# Notepad wants CRLF line ends.
sed -e "s/@VERSION@/$version/g" -e 's/$/\r/' scripts/windows/README.txt >"$stage/README.txt"
rm -f "$out/$name.zip"
(cd "$out/stage" && zip -q -r -9 "$out/$name.zip" "$name")
size=$(stat -c %s "$out/$name.zip")
echo "build-windows: $out/$name.zip ($((size / 1024)) KiB)"
