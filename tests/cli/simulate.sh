#!/usr/bin/env bash
# gb simulate: the same bytes for the same arguments whatever --threads is, different outcomes with another seed.
set -u
gb=$1
fail() { echo "FAIL: $*"; exit 1; }
a=$("$gb" simulate --scenario scenarios/after-911.toml --games 300 --seed 7 --threads 1 2>/dev/null) || fail "run a"
b=$("$gb" simulate --scenario scenarios/after-911.toml --games 300 --seed 7 --threads 2 2>/dev/null) || fail "run b"
[ "$a" = "$b" ] || fail "thread count changed the output"
c=$("$gb" simulate --scenario scenarios/after-911.toml --games 300 --seed 8 2>/dev/null) || fail "run c"
[ "$a" != "$c" ] || fail "another seed gave the same output"
echo "$a" | grep -q "rapprochement" || fail "no outcome line"
for t in "United States" "Iran" "Israel" "Gulf States"; do echo "$a" | grep -q "$t" || fail "no line for $t"; done
j=$("$gb" simulate --scenario after-911 --games 50 --seed 1 --json) || fail "json"
echo "$j" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert set(d["teams"])=={"us","iran","israel","gulf"}' || fail "bad json"
"$gb" simulate --games 0 2>/dev/null && fail "accepted --games 0"
"$gb" simulate --bots clever 2>/dev/null && fail "accepted --bots clever"
"$gb" simulate --scenario /no/such.toml --games 1 2>/dev/null && fail "accepted a missing scenario"
err=$("$gb" simulate --scenario after-911 --games 400 --seed 3 2>&1 >/dev/null)
echo "$err" | grep -q "400/400" || fail "no progress on stderr"
echo "ok"
