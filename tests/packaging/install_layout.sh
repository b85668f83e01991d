#!/usr/bin/env bash
# The install layout: `cmake --install BUILD --prefix P` into a temporary
# prefix gives the programs, their data, the desktop entry, icons, AppStream
# metadata (valid), man pages (covering every option of --help) and docs; the
# installed programs find the prefix's data from any folder with the source
# tree out of reach; a copy laid out like the Windows zip (data beside the
# executable) finds its own; a lone copy says where it looked; a user's own
# scenario is offered by gb and gb-server.
# usage: tests/packaging/install_layout.sh BUILD_DIR
set -u
build=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d /tmp/gb-install-XXXXXX)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
expect() { grep -qF -- "$2" "$1" || fail "$3: no '$2' in: $(cat "$1")"; }
refuse() { ! grep -qF -- "$2" "$1" || fail "$3: '$2' in: $(cat "$1")"; }

P=$tmp/prefix
cmake --install "$build" --prefix "$P" >"$tmp/install.log" 2>&1 || fail "cmake --install: $(tail -5 "$tmp/install.log")"

# ---- 1. the layout
for f in bin/gb bin/gb-server bin/gb-client \
         share/grand-bargain/assets/map/region.map \
         share/grand-bargain/scenarios/after-911.toml \
         share/grand-bargain/scenarios/rules/standard.toml \
         share/applications/grand-bargain.desktop \
         share/icons/hicolor/scalable/apps/grand-bargain.svg \
         share/man/man1/gb.1.gz share/man/man1/gb-server.1.gz share/man/man6/gb-client.6.gz \
         share/doc/grand-bargain/README.md share/doc/grand-bargain/copyright share/doc/grand-bargain/changelog.gz \
         share/doc/grand-bargain/docs/instructor-guide.md \
         lib/systemd/system/gb-server.service etc/default/grand-bargain-server; do
  [ -e "$P/$f" ] || fail "missing $f in the prefix"
done
for size in 16 22 24 32 48 64 128 256; do
  png=$P/share/icons/hicolor/${size}x${size}/apps/grand-bargain.png
  [ -f "$png" ] || fail "missing the ${size}px icon"
  file "$png" | grep -q "$size x $size" || fail "the ${size}px icon is $(file -b "$png")"
done
for bin in gb gb-server gb-client; do [ -x "$P/bin/$bin" ] || fail "$bin is not executable"; done
ls "$P"/share/metainfo/*.metainfo.xml >/dev/null 2>&1 || fail "no metainfo"
# Nothing of the build machine's paths in the programs.
for bin in gb gb-server gb-client; do
  ! grep -qF "$root/scenarios" "$P/bin/$bin" || fail "$bin holds the source tree's path"
done

# ---- 2. the metadata validates
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$P"/share/metainfo/*.metainfo.xml >"$tmp/as.out" 2>&1 ||
    fail "appstreamcli validate: $(cat "$tmp/as.out")"
else
  echo "appstreamcli not installed: metainfo not validated (scripts/setup.sh --tests installs appstream)"
fi
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$P/share/applications/grand-bargain.desktop" >"$tmp/dfv.out" 2>&1 ||
    fail "desktop-file-validate: $(cat "$tmp/dfv.out")"
  ! grep -q "error" "$tmp/dfv.out" || fail "desktop-file-validate: $(cat "$tmp/dfv.out")"
else
  echo "desktop-file-validate not installed: the desktop entry not validated"
fi

# ---- 3. the man pages name every option of --help
man_text() { zcat "$1" | sed 's/\\-/-/g; s/\\f[BIRP]//g'; }
options_of() { grep -o -- '--[a-z][a-z-]*' | sort -u; }
check_man() {  # check_man PAGE HELP_OUTPUT_FILE
  man_text "$1" >"$tmp/man.txt"
  for opt in $(options_of <"$2"); do
    grep -qF -- "$opt" "$tmp/man.txt" || fail "$(basename "$1") does not document $opt"
  done
}
env -i HOME="$tmp/home" "$P/bin/gb-server" --help >"$tmp/help-server"
check_man "$P/share/man/man1/gb-server.1.gz" "$tmp/help-server"
env -i HOME="$tmp/home" "$P/bin/gb-client" --help >"$tmp/help-client"
check_man "$P/share/man/man6/gb-client.6.gz" "$tmp/help-client"
: >"$tmp/help-gb"
for c in validate simulate study demo replay fork report lobby bot load actions; do
  env -i HOME="$tmp/home" "$P/bin/gb" "$c" --help >>"$tmp/help-gb" 2>&1
done
sed -i '/^rules that --rule may set/,$d' "$tmp/help-gb"  # gb study's rule names are not options
check_man "$P/share/man/man1/gb.1.gz" "$tmp/help-gb"
if command -v man >/dev/null; then
  for page in man1/gb.1.gz man1/gb-server.1.gz man6/gb-client.6.gz; do
    LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$P/share/man/$page" >/dev/null 2>"$tmp/man.err"
    [ ! -s "$tmp/man.err" ] || fail "man warns on $page: $(cat "$tmp/man.err")"
  done
fi

# ---- 4. the installed programs use the prefix's data, from anywhere
clean_env=(env -i HOME="$tmp/home" PATH=/usr/bin:/bin XDG_DATA_DIRS="$tmp/no-xdg")
(cd / && "${clean_env[@]}" "$P/bin/gb" --help) >"$tmp/where.out" 2>&1
expect "$tmp/where.out" "$P/share/grand-bargain  (installed, beside the executable's folder)" "gb --help"
refuse "$tmp/where.out" "source tree above" "gb --help from the prefix"
(cd / && "${clean_env[@]}" "$P/bin/gb" validate "$P"/share/grand-bargain/scenarios/*.toml) >"$tmp/validate.out" 2>&1 ||
  fail "installed gb validate: $(cat "$tmp/validate.out")"
(cd / && "${clean_env[@]}" "$P/bin/gb" simulate --scenario new-administration-2009 --games 3 --seed 5) \
  >"$tmp/sim.out" 2>"$tmp/sim.err" || fail "installed gb simulate by name: $(cat "$tmp/sim.out" "$tmp/sim.err")"
"$build/bin/gb" simulate --scenario new-administration-2009 --games 3 --seed 5 >"$tmp/sim-build.out" 2>/dev/null
cmp -s "$tmp/sim.out" "$tmp/sim-build.out" || fail "installed and built gb simulate differ: $(cat "$tmp/sim.out")"

# ---- 5. laid out like the Windows zip: the data beside the executable
Z=$tmp/zip
mkdir -p "$Z"
cp "$P/bin/gb" "$Z/"
cp -r "$P/share/grand-bargain/assets" "$P/share/grand-bargain/scenarios" "$Z/"
(cd / && "${clean_env[@]}" "$Z/gb" simulate --scenario after-911 --games 2 --seed 1) >"$tmp/zip.out" 2>&1 ||
  fail "gb beside its data: $(cat "$tmp/zip.out")"

# ---- 6. a lone copy fails and says where it looked; GB_DATA_DIR rescues it
A=$tmp/alone
mkdir -p "$A"
cp "$P/bin/gb" "$A/"
(cd / && "${clean_env[@]}" "$A/gb" simulate --scenario after-911 --games 1) >"$tmp/alone.out" 2>&1 &&
  fail "a lone gb found a scenario: $(cat "$tmp/alone.out")"
expect "$tmp/alone.out" "folders searched for data: $tmp/share/grand-bargain (not there)" "a lone gb"
expect "$tmp/alone.out" "$tmp/home/.local/share/grand-bargain (not there)" "a lone gb"
(cd / && "${clean_env[@]}" GB_DATA_DIR="$P/share/grand-bargain" "$A/gb" simulate --scenario after-911 --games 1) \
  >"$tmp/alone2.out" 2>&1 || fail "GB_DATA_DIR: $(cat "$tmp/alone2.out")"

# ---- 7. a user's own scenario: offered by gb and by gb-server
mine=$tmp/home/.local/share/grand-bargain/scenarios
mkdir -p "$mine"
sed 's/^id = "after-911"/id = "my-seminar"/' "$P/share/grand-bargain/scenarios/after-911.toml" >"$mine/my-seminar.toml"
(cd / && "${clean_env[@]}" "$P/bin/gb" simulate --scenario my-seminar --games 1) >"$tmp/mine.out" 2>&1 ||
  fail "gb simulate of the user's scenario: $(cat "$tmp/mine.out")"
(cd / && "${clean_env[@]}" "$P/bin/gb-server" --port 0 --data "$tmp/data") >/dev/null 2>"$tmp/server.log" &
server_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$tmp/server.log" && break; sleep 0.1; done
port=$(sed -n 's/.*listening on [0-9.]*:\([0-9]*\)[#,].*/\1/p' "$tmp/server.log")
[ -n "$port" ] || fail "gb-server did not start: $(cat "$tmp/server.log")"
"${clean_env[@]}" "$P/bin/gb" lobby create --server "127.0.0.1:$port" --scenario my-seminar \
  --admin-token-file "$tmp/data/admin.token" >"$tmp/create.out" 2>&1 || fail "lobby create my-seminar: $(cat "$tmp/create.out")"
expect "$tmp/create.out" "control-code:" "lobby create my-seminar"
echo "ok"
