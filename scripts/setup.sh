#!/usr/bin/env bash
# Installs the Debian packages the project needs (only those missing), then
# configures and builds into the given build folder.
# usage: scripts/setup.sh [--tests] [BUILD_DIR] [extra cmake args...]
#   --tests  also install what only the tests need: Xvfb (client tests), Chromium
#            (report screenshots), clang and its runtime (libFuzzer smoke runs), and
#            the packaging checks: lintian, appstreamcli, desktop-file-validate,
#            systemd-analyze, debootstrap (the clean-root .deb test), rsvg-convert (icons)
set -euo pipefail
cd "$(dirname "$0")/.."

# One list for everything this project builds with; see the README's table.
PACKAGES=(build-essential cmake pkg-config libtoml11-dev libcereal-dev libenet-dev libsodium-dev catch2 python3
          libsfml-dev libimgui-dev libstb-dev libgl-dev libx11-dev libgl1-mesa-dri fonts-dejavu-core)
if [ "${1:-}" = "--tests" ] || [ "${1:-}" = "--with-fuzz" ]; then
  PACKAGES+=(xvfb xauth chromium clang libclang-rt-dev
            lintian appstream desktop-file-utils systemd debootstrap librsvg2-bin dpkg-dev file)
  shift
fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

build_dir=${1:-build}
shift || true
jobs=$(nproc 2>/dev/null || echo 2)
# -g1 (line tables and function names: enough for backtraces and the sanitizers'
# reports) compiles about 40% faster than full -g on the heaviest files.
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" "$@" >/dev/null
cmake --build "$build_dir" -j"$jobs"
