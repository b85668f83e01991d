#!/usr/bin/env bash
# One way to play a game: for 20 seeds of every shipped scenario, the bot game
# played over the network (a real gb-server, four bot clients over ENet),
# played offline, and simulated ends in the same final state.
# usage: one_game.sh GB [SEEDS]   (SEEDS: the argument, else $GB_ONE_GAME_SEEDS, else 20)
set -u
gb=$1
seeds=${2:-${GB_ONE_GAME_SEEDS:-20}}
here=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "FAIL: $*"; exit 1; }
last_hash() { tail -n 1 | sed -n 's/^final state hash: \([0-9a-f]\{16\}\)$/\1/p'; }
err=$(mktemp)
trap 'rm -f "$err"' EXIT
checked=0
for file in "$here"/scenarios/*.toml; do
  scenario=$(basename "$file" .toml)
  for seed in $(seq 1 "$seeds"); do
    net=$("$gb" demo --scenario "$scenario" --seed "$seed" 2>"$err" | last_hash)
    off=$("$gb" demo --offline --scenario "$scenario" --seed "$seed" | last_hash)
    sim=$("$gb" simulate --games 1 --scenario "$scenario" --seed "$seed" | last_hash)
    [ -n "$net" ] || fail "$scenario seed $seed: gb demo printed no final state hash last: $(tail -n 5 "$err")"
    [ -n "$off" ] || fail "$scenario seed $seed: gb demo --offline printed no final state hash last"
    [ -n "$sim" ] || fail "$scenario seed $seed: gb simulate --games 1 printed no final state hash last"
    [ "$net" = "$off" ] || fail "$scenario seed $seed: networked $net, offline $off"
    [ "$sim" = "$off" ] || fail "$scenario seed $seed: simulated $sim, offline $off"
    checked=$((checked + 1))
  done
done
[ "$checked" -ge $((seeds * 3)) ] || fail "only $checked games compared"
echo "ok: $checked games end in the same state over the network, offline and simulated"
