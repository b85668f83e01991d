#!/usr/bin/env bash
# gb study: one JSON object with the documented keys, the same bytes whatever --threads is,
# rule overrides reported, the same outcomes as gb simulate, clear errors for bad flags.
set -u
gb=$1
fail() { echo "FAIL: $*"; exit 1; }
a=$("$gb" study --scenario after-911 --games 60 --seed 5 --threads 1 --json 2>/dev/null) || fail "run a"
b=$("$gb" study --scenario after-911 --games 60 --seed 5 --threads 2 --json 2>/dev/null) || fail "run b"
[ "$a" = "$b" ] || fail "thread count changed the output"
echo "$a" | python3 -c '
import json, sys
d = json.load(sys.stdin)
for k in ["scenario", "seed", "games", "rules", "framework_share", "framework_turns", "outcomes", "wins",
          "claims", "channels", "cards_drawn", "orders", "offers"]:
    assert k in d, "missing " + k
assert d["games"] == 60 and d["seed"] == 5 and d["scenario"] == "after-911" and d["rules"] == {}
assert set(d["outcomes"]) >= {"war", "breakout", "rapprochement", "last_turn"}
assert set(d["wins"]) == {"us", "iran", "israel", "gulf"} and abs(sum(d["wins"].values()) - 1) < 1e-3
assert set(d["claims"]) == {"a", "b", "c"}
for c in d["claims"].values():
    assert set(c) >= {"effect", "low", "high", "direction"} and c["direction"] in "+-"
    assert (c["effect"] is None) == (c["low"] is None) == (c["high"] is None)
    if c["effect"] is not None:
        assert c["low"] <= c["effect"] <= c["high"], c
    else:
        assert c["note"]
assert d["claims"]["c"]["direction"] == "-"
s = d["framework_share"]
assert s["low"] <= s["value"] <= s["high"]
assert set(d["channels"]["ended"]) == {"cutoff", "framework", "game_end"}
assert sum(d["channels"]["ended"].values()) == d["channels"]["episodes"]
assert sum(d["cards_drawn"].values()) > 0
assert d["checks"]["untracked"] == 0
' || fail "bad json"
# The outcomes are those of gb simulate for the same games.
sim=$("$gb" simulate --scenario after-911 --games 60 --seed 5 --json 2>/dev/null) || fail "simulate"
python3 -c '
import json, sys
a, s = json.loads(sys.argv[1]), json.loads(sys.argv[2])
for k in ["war", "breakout", "rapprochement"]:
    assert abs(a["outcomes"][k] - s[k]) < 1e-4, k
for t in ["us", "iran", "israel", "gulf"]:
    assert abs(a["wins"][t] - s["teams"][t]["win_share"]) < 1e-4, t
' "$a" "$sim" || fail "study and simulate disagree"
# A rule override is applied and reported; fragility off leaves no spoiler cut-offs.
o=$("$gb" study --scenario after-911 --games 60 --seed 5 --rule fragility=off --rule leak_target=12 --json 2>/dev/null) ||
    fail "override"
echo "$o" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["rules"] == {"fragility": False, "leak_target": 12}, d["rules"]
assert set(d["channels"]["cutoff_reasons"]) <= {"channel closed"}, d["channels"]["cutoff_reasons"]
' || fail "override not applied"
t=$("$gb" study --scenario new-administration-2009 --games 30 --seed 2 2>/dev/null) || fail "table"
echo "$t" | grep -q "claims" || fail "no claims in the table"
echo "$t" | grep -q "channel episodes" || fail "no episodes in the table"
"$gb" study --help | grep -q "fragility" || fail "help does not list the rules"
err=$("$gb" study --games 10 --rule fragilty=off 2>&1 >/dev/null) && fail "accepted an unknown rule"
echo "$err" | grep -q "unknown rule 'fragilty'" || fail "unknown rule not named: $err"
err=$("$gb" study --games 10 --rule leak_target=99 2>&1 >/dev/null) && fail "accepted a bad value"
echo "$err" | grep -q "out of range" || fail "bad value not explained: $err"
"$gb" study --games 10 --rule leak_target 2>/dev/null && fail "accepted --rule without ="
"$gb" study --games 0 2>/dev/null && fail "accepted --games 0"
"$gb" study --bots clever 2>/dev/null && fail "accepted --bots clever"
"$gb" study --games 10 --frobnicate 2>/dev/null && fail "accepted an unknown flag"
"$gb" study --scenario /no/such.toml --games 1 2>/dev/null && fail "accepted a missing scenario"
err=$("$gb" study --scenario after-911 --games 200 --seed 3 2>&1 >/dev/null)
echo "$err" | grep -q "200/200" || fail "no progress on stderr"
echo "ok"
