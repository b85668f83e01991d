#!/usr/bin/env bash
# Text from players reaches the terminal cleaned: a game named with escape
# sequences, a bell, invalid UTF-8 and a newline shows in `gb lobby list` and
# `gb replay` and the server's log as one line with none of them; `gb
# validate` prints a hostile file's text the same way.
# usage: tests/cli/hostile_text.sh GB_BINARY [GB_SERVER_BINARY]
set -u
gb=$1
server=${2:-$(dirname "$gb")/gb-server}
fail() { echo "FAIL: $*"; exit 1; }
tmp=$(mktemp -d /tmp/gb-hostile-text-XXXXXX)
spid=
cleanup() {
  [ -n "$spid" ] && kill "$spid" 2>/dev/null && wait "$spid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
# No ESC, no BEL, no CR, no other C0 but newline and tab, no DEL, no C1, only valid UTF-8.
clean_output() {
  python3 - "$1" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
try:
    text = data.decode("utf-8")
except UnicodeDecodeError as e:
    sys.exit(f"invalid UTF-8: {e}")
bad = re.search(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]", text)
if bad:
    sys.exit(f"control character {bad.group()!r} at {bad.start()}")
PY
}

name=$'evil\e]0;owned\a\e[2J\e[31m\xff\xc0 red\nforged: line\r\x7f'
mkdir -p "$tmp/data"
"$server" --port 0 --data "$tmp/data" >"$tmp/server.out" 2>"$tmp/server.err" &
spid=$!
for _ in $(seq 100); do
  port=$(sed -n 's/^port: \([0-9]*\).*/\1/p' "$tmp/server.out")
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || fail "gb-server printed no port: $(cat "$tmp/server.err")"
"$gb" lobby create --server "127.0.0.1:$port" --scenario after-911 --name "$name" --data "$tmp/data" >"$tmp/create.out" ||
  fail "lobby create"
"$gb" lobby list --server "127.0.0.1:$port" >"$tmp/list.out" || fail "lobby list"
clean_output "$tmp/list.out" || fail "gb lobby list prints raw control characters"
grep -q '^forged' "$tmp/list.out" && fail "a newline in a game's name starts a line of its own in gb lobby list"
grep -qF 'evil' "$tmp/list.out" || fail "the game's name is missing from gb lobby list: $(cat "$tmp/list.out")"

cat "$tmp/server.out" "$tmp/server.err" >"$tmp/server.log"
clean_output "$tmp/server.log" || fail "the server log carries raw control characters"
grep -q '^forged' "$tmp/server.log" && fail "a newline in a game's name forges a line of the server log"
grep -qF 'evil' "$tmp/server.log" || fail "the game's name is missing from the server log: $(cat "$tmp/server.log")"

journal=$(ls "$tmp"/data/*.journal 2>/dev/null | head -1)
[ -n "$journal" ] || fail "the server wrote no journal"
"$gb" replay "$journal" --verify >"$tmp/replay.out" 2>&1
clean_output "$tmp/replay.out" || fail "gb replay prints raw control characters"
grep -q '^forged' "$tmp/replay.out" && fail "a newline in a game's name starts a line of its own in gb replay"
grep -qF 'evil' "$tmp/replay.out" || fail "the game's name is missing from gb replay: $(cat "$tmp/replay.out")"

printf 'x = "\e]0;owned\a\e[2J \xff\n' >"$tmp/bad.toml"
"$gb" validate "$tmp/bad.toml" >"$tmp/validate.out" 2>&1
clean_output "$tmp/validate.out" || fail "gb validate prints a file's raw control characters"
echo "ok"
