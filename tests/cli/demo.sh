#!/usr/bin/env bash
# gb demo: a whole game, narrated turn by turn.
set -u
gb=$1
fail() { echo "FAIL: $*"; exit 1; }
out=$("$gb" demo --seed 11) || fail "demo exited non-zero"
echo "$out" | grep -q "Turn 1 of 8" || fail "no first turn"
echo "$out" | grep -q "INJECT:" || fail "no inject"
echo "$out" | grep -q "Source: \"" || fail "no source quote"
echo "$out" | grep -q "ORDERS REVEALED" || fail "no adjudication"
echo "$out" | grep -q "GAME OVER" || fail "no ending"
echo "$out" | grep -q "WINNER" || fail "no winner"
"$gb" demo --scenario new-administration-2009 --seed 3 --bots random | grep -q "GAME OVER" || fail "2009 random demo"
echo "ok"
