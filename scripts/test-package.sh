#!/usr/bin/env bash
# The clean-root package test (needs root): makes a fresh Debian 12 root with
# debootstrap (minbase, from this machine's mirror), installs the .deb into it
# with apt-get, and from the installed paths only: gb validate on every shipped
# scenario, gb simulate, gb-server with four gb bot clients playing a game to
# the end (its journal verified), and gb-client --screenshot under Xvfb (Xvfb
# installed in the root for this step only), the picture checked as the client
# tests check theirs. Also runs lintian on the package (no errors allowed).
# usage: scripts/test-package.sh [PACKAGE.deb]   (default: the newest in dist/,
#        built by scripts/package.sh deb when there is none)
# The downloaded packages of the root are cached in /var/cache/grand-bargain.
set -euo pipefail
cd "$(dirname "$0")/.."
root_dir=$PWD
[ "$(id -u)" -eq 0 ] || { echo "scripts/test-package.sh needs root (debootstrap, chroot)" >&2; exit 2; }
for tool in debootstrap chroot; do
  command -v "$tool" >/dev/null || scripts/setup.sh --tests build >/dev/null
done

deb=${1:-}
if [ -z "$deb" ]; then
  deb=$(ls -t dist/grand-bargain_*_amd64.deb 2>/dev/null | head -1 || true)
  [ -n "$deb" ] || { scripts/package.sh deb; deb=$(ls -t dist/grand-bargain_*_amd64.deb | head -1); }
fi
deb=$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")
echo "== package: $deb"

# The picture checker (a test program) and this checkout's gb, for comparison,
# run here, outside the root: from a build with the tests ($GB_TEST_BUILD,
# else build-check/ as ./test.sh makes it, else build/, configured if need be).
test_build=${GB_TEST_BUILD:-}
if [ -z "$test_build" ]; then
  for d in build-check build; do
    if grep -qs '^GB_TESTS:BOOL=ON' "$d/CMakeCache.txt"; then test_build=$d; break; fi
  done
fi
if [ -z "$test_build" ]; then
  test_build=build
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGB_TESTS=ON >/dev/null
fi
cmake --build "$test_build" -j2 --target gb_check_screenshot gb >/dev/null
export ASAN_OPTIONS=detect_leaks=0  # when that build is a sanitizer build: these are checkers

started=$(date +%s)
# ---- lintian: no errors
if command -v lintian >/dev/null; then
  echo "== lintian"
  lintian --info "$deb" || { echo "FAIL: lintian reports errors"; exit 1; }
fi

# ---- a clean Debian 12 root
# The mirror of this machine's apt sources (one-line or deb822 format).
mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.sources 2>/dev/null |
         sed -n 's/^deb \(\[[^]]*\] \)\?\(http[^ ]*\/debian\/\?\) .*/\2/p; s/^URIs: \(http[^ ]*\/debian\/\?\)$/\1/p' |
         head -1 || true)
mirror=${mirror:-http://deb.debian.org/debian}
security=${mirror%/debian*}/debian-security
cache=/var/cache/grand-bargain
tarball=$cache/bookworm-minbase.tgz
mkdir -p "$cache"
work=$(mktemp -d /var/tmp/gb-package-test-XXXXXX)
target=$work/root
mounted=()
cleanup() {
  local m
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[$i]}" 2>/dev/null || true; done
  # Only once nothing is mounted inside it.
  if ! grep -q " $work" /proc/mounts; then rm -rf "$work"; fi
}
trap cleanup EXIT

if [ ! -s "$tarball" ]; then
  echo "== caching the root's packages in $tarball (mirror $mirror)"
  debootstrap --variant=minbase --make-tarball="$tarball.part" bookworm "$work/tarball-root" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    { tail -20 "$work/debootstrap.log"; exit 1; }
  mv "$tarball.part" "$tarball"
  rm -rf "$work/tarball-root"
fi
echo "== debootstrap bookworm (minbase) into $target"
debootstrap --variant=minbase --unpack-tarball="$tarball" bookworm "$target" "$mirror" >"$work/debootstrap.log" 2>&1 ||
  { tail -20 "$work/debootstrap.log"; exit 1; }

mount_in() {  # mount_in TYPE SOURCE DIR [OPTIONS]
  mount ${4:+-o "$4"} -t "$1" "$2" "$target/$3"
  mounted+=("$target/$3")
}
mount_in proc proc proc
mount_in sysfs sys sys
mount --bind /dev "$target/dev" && mounted+=("$target/dev")
mount_in devpts devpts dev/pts newinstance,ptmxmode=0666
mount_in tmpfs tmpfs tmp mode=1777
cp /etc/resolv.conf "$target/etc/resolv.conf"
cat >"$target/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security bookworm-security main
EOF
in_root() { chroot "$target" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }

echo "== apt-get install ./$(basename "$deb")"
cp "$deb" "$target/root/"
in_root apt-get update -qq >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; exit 1; }
in_root sh -c "cd /root && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ./$(basename "$deb")" >>"$work/apt.log" 2>&1 ||
  { tail -30 "$work/apt.log"; exit 1; }
for f in /usr/bin/gb /usr/bin/gb-server /usr/bin/gb-client /usr/share/grand-bargain/scenarios/after-911.toml \
         /lib/systemd/system/gb-server.service /etc/default/grand-bargain-server; do
  [ -e "$target$f" ] || { echo "FAIL: $f is not installed"; exit 1; }
done
[ ! -e "$target/usr/bin/Xvfb" ] || { echo "FAIL: the root had Xvfb before the client step"; exit 1; }

# ---- the programs, from the installed paths only (run in the root, from /)
cp "$root_dir/scripts/package-test-in-root.sh" "$target/root/"
echo "== in the root: validate, simulate, a networked game"
in_root sh -c "cd / && bash /root/package-test-in-root.sh games" || { echo "FAIL: in the root"; exit 1; }
# The packaged gb simulates the same bytes as this checkout's build.
"$test_build/bin/gb" simulate --scenario after-911 --games 50 --seed 7 2>/dev/null | cmp -s - "$target/tmp/simulate.out" ||
  { echo "FAIL: the packaged gb simulate differs from $test_build/bin/gb's"; exit 1; }
echo "ok   the packaged gb simulate prints the same bytes as $test_build/bin/gb"

echo "== in the root: gb-client --screenshot under Xvfb (installing xvfb for this step)"
in_root sh -c "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb xauth" >>"$work/apt.log" 2>&1 ||
  { tail -30 "$work/apt.log"; exit 1; }
in_root sh -c "cd / && bash /root/package-test-in-root.sh client" || { echo "FAIL: the client in the root"; exit 1; }
"$root_dir/$test_build/bin/gb_check_screenshot" "$target/tmp/client/control.png" "$target/tmp/client/client.out" \
  "$(ls "$target"/tmp/client/data/*.journal)" "$target/usr/share/grand-bargain/assets/map/region.map" ||
  { echo "FAIL: the client's picture"; exit 1; }
mkdir -p "$root_dir/dist"
cp "$target/tmp/client/control.png" "$root_dir/dist/package-test-screenshot.png"

echo "== the package test passed in $(( $(date +%s) - started )) s (screenshot: dist/package-test-screenshot.png)"
