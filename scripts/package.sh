#!/usr/bin/env bash
# Builds the packages into dist/ (or OUT_DIR):
#   scripts/package.sh deb [OUT_DIR]   grand-bargain_VERSION_amd64.deb, built in build-deb/
#                                      with Debian's hardening flags, checked by lintian
#   scripts/package.sh windows [OUT_DIR]
#                                      grand-bargain-VERSION-win64.zip, cross-built with
#                                      mingw-w64 in build-win64/ (scripts/build-windows.sh)
# Installs what is missing first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
what=${1:-}
out=$(mkdir -p "${2:-dist}" && cd "${2:-dist}" && pwd)

case "$what" in
  deb)
    # Debian's build flags (-O2 -g, the stack protector, _FORTIFY_SOURCE, relro,
    # the build path mapped away), as a Debian package is built with.
    cxxflags="$(dpkg-buildflags --get CXXFLAGS) $(dpkg-buildflags --get CPPFLAGS)"
    ldflags=$(dpkg-buildflags --get LDFLAGS)
    launcher=()
    if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
    scripts/setup.sh build-deb "${launcher[@]}" -DGB_TESTS=OFF -DCMAKE_INSTALL_PREFIX=/usr \
      -DGB_SYSTEMD_UNIT_DIR=/lib/systemd/system -DGB_DEFAULTS_DIR=/etc/default \
      "-DCMAKE_CXX_FLAGS=$cxxflags" "-DCMAKE_EXE_LINKER_FLAGS=$ldflags" \
      "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g0 -DNDEBUG"  # stripped programs, no -dbgsym package: no debug info (a third less compile time)
    rm -f build-deb/grand-bargain_*.deb
    (cd build-deb && cpack -G DEB >cpack.log) || { cat build-deb/cpack.log; exit 1; }
    deb=$(ls build-deb/grand-bargain_*_amd64.deb)
    mv "$deb" "$out/"
    deb=$out/$(basename "$deb")
    echo "package: $deb ($(du -k "$deb" | cut -f1) KiB)"
    if command -v lintian >/dev/null; then
      lintian --info "$deb" || { echo "lintian reports errors"; exit 1; }
    else
      echo "lintian not installed (scripts/setup.sh --tests installs it): the package is not checked"
    fi
    ;;
  windows)
    scripts/build-windows.sh
    zip=$(ls -t build-win64/grand-bargain-*-win64.zip | head -n 1)
    cp "$zip" "$out/"
    echo "package: $out/$(basename "$zip") ($(du -k "$zip" | cut -f1) KiB)"
    ;;
  *)
    echo "usage: scripts/package.sh deb|windows [OUT_DIR]" >&2
    exit 2
    ;;
esac
