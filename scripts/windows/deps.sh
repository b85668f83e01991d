#!/usr/bin/env bash
# Cross-builds the libraries the Windows programs link, from Debian's source
# packages (`apt-get source`, deb-src added by scripts/setup.sh --windows), as
# static libraries into build-win64/deps/prefix. Each library is built once: a
# stamp file per library makes reruns quick; delete build-win64/deps to start over.
# usage: scripts/windows/deps.sh [DEPS_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mkdir -p "${1:-$root/build-win64/deps}" && cd "${1:-$root/build-win64/deps}" && pwd)
jobs=${GB_JOBS:-2}
host=x86_64-w64-mingw32
prefix=$out/prefix
toolchain=$root/cmake/mingw-w64-x86_64.cmake
mkdir -p "$out/src" "$out/build" "$out/stamps" "$prefix/include" "$prefix/lib"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cc="$host-gcc-posix"; cxx="$host-g++-posix"; ar="$host-gcc-ar-posix"
command -v ccache >/dev/null && { cc="ccache $cc"; cxx="ccache $cxx"; }

# Unpacks Debian's source package $1 (with Debian's patches applied) under src/$1
# and prints the folder it made.
source_of() {
  local d=$out/src/$1
  if [ ! -e "$d/.done" ]; then
    rm -rf "$d" && mkdir -p "$d"
    (cd "$d" && apt-get source -qq "$1" >"$d.log" 2>&1) || { echo "deps: apt-get source $1 failed:" >&2; tail -n 3 "$d.log" >&2; return 1; }
    touch "$d/.done"
  fi
  find "$d" -mindepth 1 -maxdepth 1 -type d | head -n 1
}
stamp() { [ -e "$out/stamps/$1" ]; }
done_with() { touch "$out/stamps/$1"; echo "deps: $1 built"; }
cmake_dep() {  # cmake_dep NAME SOURCE_DIR [cmake args...]
  local name=$1 src=$2; shift 2
  cmake -S "$src" -B "$out/build/$name" -G "Unix Makefiles" -DCMAKE_TOOLCHAIN_FILE="$toolchain" \
    -DGB_WIN64_PREFIX="$prefix" -DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_PREFIX_PATH="$prefix" \
    -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF "${launcher[@]}" "$@" >"$out/build/$name.log" 2>&1 \
    || { tail -n 20 "$out/build/$name.log" >&2; return 1; }
  cmake --build "$out/build/$name" -j"$jobs" >>"$out/build/$name.log" 2>&1 || { tail -n 20 "$out/build/$name.log" >&2; return 1; }
  cmake --install "$out/build/$name" >>"$out/build/$name.log" 2>&1
}

# Header-only libraries: the host's copies, through links in a folder of their own
# (never the whole /usr/include, whose glibc headers would shadow mingw's).
ln -sfn /usr/include/cereal "$prefix/include/cereal"
ln -sfn /usr/include/toml "$prefix/include/toml"
ln -sfn /usr/include/toml.hpp "$prefix/include/toml.hpp"

if ! stamp libsodium; then
  src=$(source_of libsodium)
  # Debian's source has no generated configure script (its build runs autoreconf).
  [ -x "$src/configure" ] || (cd "$src" && autoreconf -fi >"$out/build/libsodium-autoreconf.log" 2>&1)
  rm -rf "$out/build/libsodium" && mkdir -p "$out/build/libsodium"
  (cd "$out/build/libsodium" && "$src/configure" --host=$host --prefix="$prefix" --disable-shared --enable-static \
     --disable-dependency-tracking CC="$cc" CFLAGS="-O2" >configure.log 2>&1 && make -j"$jobs" >make.log 2>&1 \
     && make install >install.log 2>&1) || { tail -n 20 "$out/build/libsodium"/*.log >&2; exit 1; }
  done_with libsodium
fi

if ! stamp freetype; then
  # PNG glyphs, bzip2, Brotli and HarfBuzz are for fonts the game does not use; gzip uses FreeType's own copy of zlib.
  cmake_dep freetype "$(source_of freetype)" -DFT_DISABLE_PNG=ON -DFT_DISABLE_BZIP2=ON -DFT_DISABLE_BROTLI=ON \
    -DFT_DISABLE_HARFBUZZ=ON -DFT_DISABLE_ZLIB=OFF -DCMAKE_DISABLE_FIND_PACKAGE_ZLIB=ON
  done_with freetype
fi

if ! stamp sfml; then
  # graphics, window and system; audio would need OpenAL, FLAC and Vorbis cross-built too.
  cmake_dep sfml "$(source_of libsfml)" -DSFML_USE_SYSTEM_DEPS=ON -DSFML_BUILD_AUDIO=OFF -DSFML_BUILD_NETWORK=OFF \
    -DSFML_BUILD_EXAMPLES=OFF -DSFML_BUILD_DOC=OFF -DSFML_GENERATE_PDB=OFF
  # Its config names Windows' GL library as MSVC spells it; mingw's is libopengl32.a.
  sed -i 's/"OpenGL32"/"opengl32"/' "$prefix/lib/cmake/SFML/SFMLConfigDependencies.cmake"
  done_with sfml
fi

if ! stamp enet; then
  # Debian's enet source package; where the archive in use does not serve its
  # files, the copy of ENet 1.3 that Debian's love source package carries.
  if src=$(source_of enet 2>/dev/null); then
    enet=$src
  else
    echo "deps: the enet source package is not served here; using the ENet 1.3 inside the love source package"
    enet=$(source_of love)/src/libraries/enet/libenet
  fi
  b=$out/build/enet && rm -rf "$b" && mkdir -p "$b"
  for f in callbacks compress host list packet peer protocol win32; do
    $cc -O2 -w -DHAS_SOCKLEN_T=1 -I"$enet/include" -c "$enet/$f.c" -o "$b/$f.o"
  done
  rm -f "$prefix/lib/libenet.a" && $ar rcs "$prefix/lib/libenet.a" "$b"/*.o
  rm -rf "$prefix/include/enet" && cp -r "$enet/include/enet" "$prefix/include/enet"
  done_with enet
fi

if ! stamp imgui; then
  # Dear ImGui with its own stb copies and the OpenGL 2 backend the client draws through.
  src=$(source_of imgui)
  b=$out/build/imgui && rm -rf "$b" && mkdir -p "$b"
  for f in imgui imgui_draw imgui_tables imgui_widgets imgui_demo backends/imgui_impl_opengl2; do
    $cxx -O2 -w -std=c++17 -I"$src" -c "$src/$f.cpp" -o "$b/$(basename "$f").o"
  done
  rm -f "$prefix/lib/libimgui.a" && $ar rcs "$prefix/lib/libimgui.a" "$b"/*.o
  mkdir -p "$prefix/include/imgui/backends"
  cp "$src"/*.h "$prefix/include/imgui/"
  cp "$src"/backends/imgui_impl_opengl2.h "$prefix/include/imgui/backends/"
  done_with imgui
fi
echo "deps: all in $prefix"
