#!/usr/bin/env bash
# Installs the Debian packages the project needs (only those missing), then
# configures and builds into the given build folder.
# usage: scripts/setup.sh [--tests] [BUILD_DIR] [extra cmake args...]
#        scripts/setup.sh --windows
#   --tests    also install what only the tests need: Xvfb (client tests), Chromium
#              (report screenshots), clang and its runtime (libFuzzer smoke runs), and
#              the packaging checks: lintian, appstreamcli, desktop-file-validate,
#              systemd-analyze, debootstrap (the clean-root .deb test), rsvg-convert (icons)
#   --windows  install only what the Windows cross-build and its Wine tests need
#              (mingw-w64 with posix threads, wine64, zip, Xvfb), add deb-src
#              entries for the archives apt already uses (so scripts/build-windows.sh
#              can `apt-get source` the libraries), and build nothing
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi

# One list for everything this project builds with; see the README's table.
PACKAGES=(build-essential cmake pkg-config libtoml11-dev libcereal-dev libenet-dev libsodium-dev catch2 python3
          libsfml-dev libimgui-dev libstb-dev libgl-dev libx11-dev libgl1-mesa-dri fonts-dejavu-core)
windows=0
if [ "${1:-}" = "--windows" ]; then
  windows=1
  PACKAGES=(cmake make pkg-config dpkg-dev autoconf automake libtool g++-mingw-w64-x86-64-posix wine64 zip unzip xvfb xauth
            libtoml11-dev libcereal-dev fonts-dejavu-core python3)
  shift
elif [ "${1:-}" = "--tests" ] || [ "${1:-}" = "--with-fuzz" ]; then
  PACKAGES+=(xvfb xauth chromium clang libclang-rt-dev
            lintian appstream desktop-file-utils systemd debootstrap librsvg2-bin dpkg-dev file)
  shift
fi

update=0
if [ "$windows" = 1 ]; then
  # deb-src twins of the deb822 stanzas in sources.list.d, written once.
  src_list=/etc/apt/sources.list.d/grand-bargain-src.sources
  if [ ! -e "$src_list" ]; then
    tmp=$(mktemp)
    for f in /etc/apt/sources.list.d/*.sources; do
      [ -e "$f" ] || continue
      awk 'BEGIN { RS = ""; ORS = "\n\n" }
           /(^|\n)Types:[ \t]*deb[ \t]*(\n|$)/ { sub(/Types:[ \t]*deb/, "Types: deb-src"); print }' "$f" >>"$tmp"
    done
    if [ -f /etc/apt/sources.list ]; then  # one-line format
      grep -E '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' >>"$tmp.list" || true
      [ -s "$tmp.list" ] && "${SUDO[@]}" install -m 644 "$tmp.list" /etc/apt/sources.list.d/grand-bargain-src.list
      rm -f "$tmp.list"
    fi
    echo "setup: adding deb-src entries in $src_list"
    "${SUDO[@]}" install -m 644 "$tmp" "$src_list"
    rm -f "$tmp"
    update=1
  fi
fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
export DEBIAN_FRONTEND=noninteractive
if [ ${#missing[@]} -gt 0 ] || [ "$update" = 1 ]; then
  "${SUDO[@]}" apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}"
fi
[ "$windows" = 1 ] && exit 0

build_dir=${1:-build}
shift || true
jobs=$(nproc 2>/dev/null || echo 2)
# -g1 (line tables and function names: enough for backtraces and the sanitizers'
# reports) compiles about 40% faster than full -g on the heaviest files.
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" "$@" >/dev/null
cmake --build "$build_dir" -j"$jobs"
