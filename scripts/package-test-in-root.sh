#!/usr/bin/env bash
# Run by scripts/test-package.sh inside the clean root where the .deb is
# installed: the programs from their installed paths only, from /, with no
# GB_* variable and no source tree. Writes its outputs under /tmp.
# usage: package-test-in-root.sh games|client
set -eu
fail() { echo "FAIL: $*"; exit 1; }
expect() { grep -qF -- "$2" "$1" || fail "$3: no '$2' in: $(cat "$1")"; }
share=/usr/share/grand-bargain
for p in gb gb-server gb-client; do [ "$(command -v $p)" = "/usr/bin/$p" ] || fail "$p is not /usr/bin/$p"; done
env | grep -q '^GB_' && fail "a GB_ variable is set"

case "$1" in
  games)
    # Every shipped scenario, rules and card file validates.
    n=0
    for f in $share/scenarios/*.toml $share/scenarios/rules/*.toml $share/scenarios/cards/*.toml; do
      gb validate "$f" >/tmp/validate.out 2>&1 || fail "gb validate $f: $(cat /tmp/validate.out)"
      n=$((n + 1))
    done
    [ "$n" -ge 5 ] || fail "only $n files validated"
    echo "ok   gb validate: $n shipped files"
    # The scenario found by name in the installed data, printed for comparison outside.
    gb simulate --scenario after-911 --games 50 --seed 7 >/tmp/simulate.out 2>/tmp/simulate.err ||
      fail "gb simulate: $(cat /tmp/simulate.out /tmp/simulate.err)"
    echo "ok   gb simulate --scenario after-911 --games 50 --seed 7"
    gb --help >/tmp/help.out
    expect /tmp/help.out "/usr/share/grand-bargain  (installed, beside the executable's folder)" "gb --help"

    # gb-server and four gb bot clients play a game to the end.
    rm -rf /tmp/server && mkdir -p /tmp/server
    gb-server --port 0 --data /tmp/server >/dev/null 2>/tmp/server.log &
    server=$!
    trap 'kill $server 2>/dev/null || true' EXIT
    for _ in $(seq 100); do grep -q "listening on" /tmp/server.log && break; sleep 0.1; done
    port=$(sed -n 's/.*listening on [0-9.]*:\([0-9]*\)[#,].*/\1/p' /tmp/server.log)
    [ -n "$port" ] || fail "gb-server did not start: $(cat /tmp/server.log)"
    gb lobby create --server "127.0.0.1:$port" --scenario after-911 --seed 3 --name "Package test" --min-phase 0 \
      --data /tmp/server >/tmp/create.out 2>&1 || fail "gb lobby create: $(cat /tmp/create.out)"
    bots=""
    for team in us iran israel gulf; do
      code=$(sed -n "s/^$team-code: //p" /tmp/create.out)
      [ -n "$code" ] || fail "no $team-code in: $(cat /tmp/create.out)"
      timeout 300 gb bot --server "127.0.0.1:$port" --code "$code" --team "$team" >/tmp/bot-$team.out 2>&1 &
      bots="$bots $!"
    done
    for b in $bots; do wait "$b" || fail "a bot did not finish the game: $(tail -n 3 /tmp/bot-*.out)"; done
    kill "$server"
    wait "$server" || true
    trap - EXIT
    journal=$(ls /tmp/server/*.journal | head -1)
    gb replay "$journal" --verify >/tmp/verify.out 2>&1 || fail "gb replay --verify: $(cat /tmp/verify.out)"
    expect /tmp/verify.out "game over" "the journal of the bots' game"
    expect /tmp/verify.out "verified: every checksum" "the journal of the bots' game"
    echo "ok   gb-server and four gb bot clients played a game to the end; its journal verifies"
    ;;
  client)
    rm -rf /tmp/client && mkdir -p /tmp/client
    cd /tmp/client
    xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" \
      gb-client --host-local --seat control --bots none --port 0 --data /tmp/client/data --seed 3 \
      --screenshot /tmp/client/control.png --frames 10 --size 1920x1080 >/tmp/client/client.out 2>&1 ||
      fail "gb-client --screenshot: $(cat /tmp/client/client.out)"
    [ -s /tmp/client/control.png ] || fail "no screenshot"
    echo "ok   gb-client --host-local --screenshot under Xvfb"
    # The installed client's start to first frame (docs/PERFORMANCE.md), three runs.
    for run in 1 2 3; do
      rm -rf /tmp/client/bench
      xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" \
        gb-client --host-local --seat us --port 0 --data /tmp/client/bench --seed 5 --size 1280x720 \
        --benchmark-frames 200 >/tmp/client/bench.out 2>&1 || fail "gb-client --benchmark-frames: $(cat /tmp/client/bench.out)"
      echo "     run $run: $(grep 'start to first frame' /tmp/client/bench.out)"
    done
    ;;
  *) fail "usage: package-test-in-root.sh games|client" ;;
esac
