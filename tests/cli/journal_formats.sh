#!/usr/bin/env bash
# Journal formats: a format-2 journal recorded by the version-1 code replays
# and verifies (its scenario found in scenarios/archive/), and a format-3
# journal replays with its own copy of the rules after the files are gone;
# so does a fork of either.
# usage: tests/cli/journal_formats.sh GB_BINARY
set -u
gb=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
fixture=$root/tests/fixtures/format2-after-911.journal
# The state hash after the fixture's last action, as the version-1 code recorded it.
final_hash=8606f4647413024f
tmp=$(mktemp -d /tmp/gb-journal-formats-XXXXXX)
demo_dir=
cleanup() {
  rm -rf "$tmp"
  [ -n "$demo_dir" ] && rm -rf "$demo_dir"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
expect() { grep -qF -- "$2" "$1" || fail "$3: no '$2' in: $(cat "$1")"; }

# ---- 1. the version-1 journal (format 2) verifies and reaches its recorded final state
"$gb" replay "$fixture" --verify >"$tmp/v1.out" 2>&1 || fail "gb replay --verify of the format-2 fixture: $(cat "$tmp/v1.out")"
expect "$tmp/v1.out" "(format 2, fork origin)" "format-2 fixture"
expect "$tmp/v1.out" "hash:     $final_hash after the last action" "format-2 fixture"
expect "$tmp/v1.out" "verified: every checksum, sequence number and state hash" "format-2 fixture"
# ...from anywhere, as a copy outside the source tree.
cp "$fixture" "$tmp/copy.journal"
(cd / && "$gb" replay "$tmp/copy.journal" --verify) >"$tmp/copy.out" 2>&1 || fail "the fixture's copy: $(cat "$tmp/copy.out")"
expect "$tmp/copy.out" "hash:     $final_hash" "the fixture's copy"

# ---- 2. a new game's journal (format 3 and later; now format 7, deadlines) carries its rules
"$gb" demo --seed 3 >"$tmp/demo.out" 2>&1 || fail "demo: $(tail -3 "$tmp/demo.out")"
journal=$(sed -n 's/^journal: \([^ ]*\) .*/\1/p' "$tmp/demo.out" | tail -1)
[ -f "$journal" ] || fail "demo printed no journal"
demo_dir=$(dirname "$journal")
"$gb" replay "$journal" --verify >"$tmp/v3.out" 2>&1 || fail "the demo's journal: $(cat "$tmp/v3.out")"
expect "$tmp/v3.out" "(format 7, deadlines)" "the demo's journal"
expect "$tmp/v3.out" "rules:    from the journal's own copy" "the demo's journal"

# ...and replays when the files it was created with are gone: a game of an
# edited copy of the scenario, created on a gb-server that offers it (a
# client names a scenario by id only).
mkdir -p "$tmp/set" "$tmp/data"
cp -r "$root/scenarios/after-911.toml" "$root/scenarios/rules" "$root/scenarios/cards" "$tmp/set/"
echo "# a local edit, found nowhere else" >>"$tmp/set/after-911.toml"
server=$(dirname "$gb")/gb-server
GB_SCENARIO_DIR="$tmp/set" "$server" --port 0 --data "$tmp/data" >/dev/null 2>"$tmp/server.log" &
server_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$tmp/server.log" && break; sleep 0.1; done
port=$(sed -n 's/.*listening on [0-9.]*:\([0-9]*\)[#,].*/\1/p' "$tmp/server.log")
[ -n "$port" ] || { kill "$server_pid"; fail "gb-server did not start: $(cat "$tmp/server.log")"; }
"$gb" lobby create --server "127.0.0.1:$port" --scenario after-911 --seed 3 \
  --admin-token-file "$tmp/data/admin.token" >"$tmp/create.out" 2>&1
created=$?
kill "$server_pid"
wait "$server_pid"
[ "$created" -eq 0 ] || fail "lobby create: $(cat "$tmp/create.out")"
rm -rf "$tmp/set"
edited=$tmp/data/game-1.journal
"$gb" replay "$edited" --verify >"$tmp/edited.out" 2>&1 || fail "format-3 journal without its files: $(cat "$tmp/edited.out")"
expect "$tmp/edited.out" "rules:    from the journal's own copy" "format-3 journal without its files"

# ---- 3. forks copy their parent's rules: the version-1 game's, a new game's, the edited copy's
for parent in "$fixture" "$journal" "$edited"; do
  rm -rf "$tmp/forks"
  "$gb" fork "$parent" --at 1 --data "$tmp/forks" >"$tmp/fork.out" 2>&1 || fail "fork of $parent: $(cat "$tmp/fork.out")"
  "$gb" replay "$tmp/forks/game-1.journal" --verify >"$tmp/fork-v.out" 2>&1 ||
    fail "the fork of $parent: $(cat "$tmp/fork-v.out")"
  expect "$tmp/fork-v.out" "(format 7, deadlines)" "the fork of $parent"
  expect "$tmp/fork-v.out" "rules:    from the journal's own copy" "the fork of $parent"
  expect "$tmp/fork-v.out" "pacing:   without a White Cell, each phase lasts at least 5.0 s" "the fork of $parent"
done
# The fork's pacing is its own: --min-phase, else the default.
rm -rf "$tmp/forks"
"$gb" fork "$journal" --at 1 --data "$tmp/forks" --min-phase 2.5 >"$tmp/fork.out" 2>&1 || fail "fork --min-phase: $(cat "$tmp/fork.out")"
"$gb" replay "$tmp/forks/game-1.journal" --verify >"$tmp/fork-v.out" 2>&1 || fail "fork --min-phase: $(cat "$tmp/fork-v.out")"
expect "$tmp/fork-v.out" "pacing:   without a White Cell, each phase lasts at least 2.5 s" "fork --min-phase 2.5"
if "$gb" fork "$journal" --at 1 --data "$tmp/forks" --min-phase soon >"$tmp/fork.out" 2>&1; then fail "fork --min-phase soon was taken"; fi
expect "$tmp/fork.out" "--min-phase must be seconds from 0 to 3600" "fork --min-phase soon"
echo "ok"
