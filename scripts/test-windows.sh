#!/usr/bin/env bash
# Tests the Windows build under Debian's wine64, against the Linux build:
#   1. gb.exe simulate prints exactly the bytes Linux gb simulate prints;
#   2. journals are portable: the Linux server's verifies under Wine, the Windows server's on Linux;
#   3. gb-server.exe hosts a game that four Linux gb bot clients play to the end, and its
#      journal verifies on both platforms;
#   4. gb-client.exe --host-local --screenshot under Xvfb (Mesa llvmpipe through Wine's
#      OpenGL) draws the board, checked as the client tests check theirs.
# Builds the zip first (scripts/build-windows.sh) and tests the programs unpacked from it.
# One PASS/FAIL line per step; exits 1 if any failed.
# usage: scripts/test-windows.sh [LINUX_BUILD_DIR]   (default build/; its gb, gb-server and
#        gb_check_screenshot are built, with GB_TESTS=ON). WINEPREFIX defaults to build-win64/wine.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
linux_build=$(cd "${1:-build}" 2>/dev/null && pwd || echo "$root/${1:-build}")
started=$(date +%s)

scripts/build-windows.sh || { echo "FAIL: the Windows build"; exit 1; }
version=$(sed -n 's/^project(grand_bargain VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
zip=$root/build-win64/grand-bargain-$version-win64.zip

echo "== test-windows: the Linux programs ($linux_build)"
# GB_TESTS=ON for gb_check_screenshot; it changes no flag of the programs themselves.
cmake -S . -B "$linux_build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGB_TESTS=ON >/dev/null || exit 1
cmake --build "$linux_build" -j"${GB_JOBS:-2}" --target gb gb-server gb_check_screenshot >/dev/null ||
  { echo "FAIL: the Linux build"; exit 1; }
gb=$linux_build/bin/gb

tmp=$(mktemp -d /tmp/gb-test-windows-XXXXXX)
pids=()
export WINEPREFIX=${WINEPREFIX:-$root/build-win64/wine}
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="  # no Mono or Gecko installer prompts
wine=$(command -v wine || command -v wine64 || echo /usr/lib/wine/wine64)
wineserver=$(command -v wineserver || echo /usr/lib/wine/wineserver)
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  "$wineserver" -k 2>/dev/null  # this prefix's Wine processes only
  rm -rf "$tmp"
}
trap cleanup EXIT
failed=0
passed=0
pass() { echo "PASS: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
show() { sed -e 's/^/    /' "$@" | tail -n 15; }

unzip -q "$zip" -d "$tmp" || { echo "FAIL: unzip $zip"; exit 1; }
win=$tmp/grand-bargain-$version-win64
if [ ! -d "$WINEPREFIX" ]; then
  echo "== test-windows: a new Wine prefix in $WINEPREFIX"
  "$wine" wineboot --init >/dev/null 2>&1
  "$wineserver" -w
fi
# A Windows program of the zip, run from its folder as a user would.
run_win() { (cd "$win" && "$wine" "$@"); }
# The port a server wrote in its log: "listening on ADDR:PORT#...".
port_in() { sed -n 's/.*listening on [0-9.]*:\([0-9]*\)[#,].*/\1/p' "$1" | head -n 1; }
# Replay --verify's output without its first line (the journal's path, which differs).
verified_summary() { grep -v '^journal:' "$1"; }

# ---- 1. the same simulation, byte for byte
args=(simulate --scenario after-911 --games 200 --seed 7)
"$gb" "${args[@]}" >"$tmp/sim-linux.txt" 2>"$tmp/sim-linux.err"
run_win gb.exe "${args[@]}" >"$tmp/sim-win.txt" 2>"$tmp/sim-win.err"
if [ -s "$tmp/sim-linux.txt" ] && cmp -s "$tmp/sim-linux.txt" "$tmp/sim-win.txt"; then
  pass "gb.exe ${args[*]}: the same $(wc -c <"$tmp/sim-win.txt") bytes as Linux"
else
  fail "gb.exe ${args[*]} differs from Linux:"
  diff "$tmp/sim-linux.txt" "$tmp/sim-win.txt" | head -n 10 | sed -e 's/^/    /'
  show "$tmp/sim-win.err"
fi

# ---- 2. journals are portable, both ways
# gb demo: a real gb-server in the process, four bots over ENet; it prints its journal's path.
demo_journal() { sed -n 's/^journal: \([^ ]*\) .*/\1/p' "$1" | tail -n 1; }
"$gb" demo --seed 3 >"$tmp/demo-linux.out" 2>&1
lj=$(demo_journal "$tmp/demo-linux.out")
if [ -f "$lj" ] && "$gb" replay "$lj" --verify >"$tmp/v-ll.out" 2>&1 &&
   run_win gb.exe replay "$lj" --verify >"$tmp/v-lw.out" 2>&1 &&
   [ "$(verified_summary "$tmp/v-ll.out")" = "$(verified_summary "$tmp/v-lw.out")" ]; then
  pass "the Linux server's journal verifies under Wine (same summary as on Linux)"
else
  fail "the Linux server's journal under Wine:"; show "$tmp/demo-linux.out" "$tmp/v-lw.out"
fi
run_win gb.exe demo --seed 4 >"$tmp/demo-win.out" 2>&1
wj=$(demo_journal "$tmp/demo-win.out")
case $wj in [A-Za-z]:*) wj=$("$wine" winepath -u "$wj" 2>/dev/null) ;; esac  # a Windows path: its Unix name
if [ -f "$wj" ] && run_win gb.exe replay "$wj" --verify >"$tmp/v-ww.out" 2>&1 &&
   "$gb" replay "$wj" --verify >"$tmp/v-wl.out" 2>&1 &&
   [ "$(verified_summary "$tmp/v-ww.out")" = "$(verified_summary "$tmp/v-wl.out")" ]; then
  pass "the Windows server's journal verifies on Linux (same summary as under Wine)"
else
  fail "the Windows server's journal on Linux:"; show "$tmp/demo-win.out" "$tmp/v-wl.out"
fi

# ---- 3. a mixed game: gb-server.exe, four Linux bots
mkdir -p "$tmp/wsrv"
(cd "$win" && exec "$wine" gb-server.exe --port 0 --data "$tmp/wsrv") >"$tmp/wsrv.out" 2>"$tmp/wsrv.log" &
server=$!
pids+=("$server")
for _ in $(seq 600); do [ -n "$(port_in "$tmp/wsrv.log")" ] && break; sleep 0.1; done
port=$(port_in "$tmp/wsrv.log")
mixed_ok=0
if [ -z "$port" ]; then
  fail "gb-server.exe did not start:"; show "$tmp/wsrv.log"
elif ! "$gb" lobby create --server "127.0.0.1:$port" --scenario after-911 --seed 5 --min-phase 0 \
       --admin-token-file "$tmp/wsrv/admin.token" >"$tmp/create.out" 2>&1; then
  fail "gb lobby create on gb-server.exe:"; show "$tmp/create.out"
else
  bots=()
  while read -r team code; do
    timeout 300 "$gb" bot --server "127.0.0.1:$port" --code "$code" --team "$team" >"$tmp/bot-$team.out" 2>&1 &
    bots+=("$!")
  done < <(sed -n 's/^\([a-z]*\)-code: \([A-Z0-9]*\)$/\1 \2/p' "$tmp/create.out" | grep -vE '^(observer|control) ')
  bots_ok=$(( ${#bots[@]} == 4 ))
  for b in "${bots[@]}"; do wait "$b" || bots_ok=0; done
  mj=$tmp/wsrv/game-1.journal
  if [ "$bots_ok" != 1 ]; then
    fail "four Linux bots on gb-server.exe (${#bots[@]} started):"; show "$tmp"/bot-*.out "$tmp/wsrv.log"
  elif "$gb" replay "$mj" --verify >"$tmp/v-ml.out" 2>&1 && run_win gb.exe replay "$mj" --verify >"$tmp/v-mw.out" 2>&1 &&
       [ "$(verified_summary "$tmp/v-ml.out")" = "$(verified_summary "$tmp/v-mw.out")" ] &&
       grep -q '^state: .* - game over$' "$tmp/v-ml.out"; then
    pass "gb-server.exe hosted four Linux bots to the end; its journal verifies on Linux and under Wine"
    mixed_ok=1
  else
    fail "the mixed game's journal:"; show "$tmp/v-ml.out" "$tmp/v-mw.out"
  fi
fi
kill "$server" 2>/dev/null
wait "$server" 2>/dev/null
# Wine's processes started without a display (the steps above) end before the
# client starts under Xvfb; a desktop left from them fails the client's GL context.
"$wineserver" -k 2>/dev/null
"$wineserver" -w 2>/dev/null

# ---- 4. the client draws the board
shot=$tmp/control.png
xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" "$wine" "$win/gb-client.exe" --host-local --seat control \
  --bots none --port 0 --data "$tmp/wcli" --seed 3 --screenshot "$shot" --frames 10 --size 1920x1080 \
  >"$tmp/client.out" 2>"$tmp/client.err"
if [ -f "$shot" ] && "$linux_build/bin/gb_check_screenshot" "$shot" "$tmp/client.out" "$tmp/wcli/game-1.journal" \
     "$win/assets/map/region.map" >"$tmp/check.out" 2>&1; then
  pass "gb-client.exe under Xvfb draws the opening board and its panels (checked as the client tests do)"
  [ -n "${GB_WINDOWS_SHOT:-}" ] && cp "$shot" "$GB_WINDOWS_SHOT"
else
  fail "gb-client.exe's screenshot:"; show "$tmp/client.err" "$tmp/check.out"
fi

# ---- 5. a user's own folders, named beyond ASCII; a client that opens no console window
odd="$tmp/Séminaire – 日本語"
mkdir -p "$odd"
cp -r "$win/scenarios" "$odd/"
args=(simulate --scenario "$odd/scenarios/after-911.toml" --games 20 --seed 7)
"$gb" "${args[@]}" >"$tmp/odd-linux.txt" 2>"$tmp/odd-linux.err"
run_win gb.exe "${args[@]}" >"$tmp/odd-win.txt" 2>"$tmp/odd-win.err"
mkdir -p "$odd/data"
(cd "$win" && exec "$wine" gb-server.exe --port 0 --data "$odd/data") >"$tmp/odd-srv.out" 2>"$tmp/odd-srv.log" &
server=$!
pids+=("$server")
for _ in $(seq 600); do [ -n "$(port_in "$tmp/odd-srv.log")" ] && break; sleep 0.1; done
port=$(port_in "$tmp/odd-srv.log")
[ -n "$port" ] && "$gb" lobby create --server "127.0.0.1:$port" --scenario after-911 --seed 5 \
  --admin-token-file "$odd/data/admin.token" >"$tmp/odd-create.out" 2>&1
kill "$server" 2>/dev/null
wait "$server" 2>/dev/null
if [ -s "$tmp/odd-linux.txt" ] && cmp -s "$tmp/odd-linux.txt" "$tmp/odd-win.txt" &&
   [ -f "$odd/data/game-1.journal" ] && run_win gb.exe replay "$odd/data/game-1.journal" --verify >"$tmp/odd-v.out" 2>&1; then
  pass "gb.exe and gb-server.exe read and write files in a folder named \"$(basename "$odd")\""
else
  fail "files in a folder named \"$(basename "$odd")\":"
  show "$tmp/odd-win.err" "$tmp/odd-srv.log" "$tmp/odd-create.out" "$tmp/odd-v.out" 2>/dev/null
fi
subsystem=$(x86_64-w64-mingw32-objdump -p "$win/gb-client.exe" | sed -n 's/^Subsystem\s*[0-9a-f]*\s*//p')
run_win gb-client.exe --help >"$tmp/client-help.out" 2>&1
if [ "$subsystem" = "(Windows GUI)" ] && grep -q '^usage: gb-client' "$tmp/client-help.out"; then
  pass "gb-client.exe is a GUI program (no console window) and still prints --help to a redirected output"
else
  fail "gb-client.exe: subsystem '$subsystem'; --help printed:"; show "$tmp/client-help.out"
fi

echo "test-windows: $passed passed, $failed failed ($(( $(date +%s) - started )) s)"
[ "$failed" -eq 0 ]
