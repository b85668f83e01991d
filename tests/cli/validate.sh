#!/usr/bin/env bash
# gb validate: exit 0 on the shipped files, exit 1 with file:line: field: lines on broken ones.
set -u
gb=$1
fail() { echo "FAIL: $*"; exit 1; }
"$gb" validate scenarios/*.toml scenarios/cards/*.toml scenarios/rules/*.toml >/dev/null || fail "shipped files do not validate"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/rules" "$tmp/cards"
cp scenarios/rules/standard.toml "$tmp/rules/"
sed 's/^leak_target = 13/leak_target = 77/' scenarios/rules/standard.toml > "$tmp/rules/standard.toml"
cp scenarios/cards/*.toml "$tmp/cards/"
sed -e 's/^deck_cards = \[/deck_cards = ["no-such-card", /' -e 's/^id = "after-911"/idd = "after-911"/' \
  scenarios/after-911.toml > "$tmp/broken.toml"
out=$("$gb" validate "$tmp/broken.toml"); rc=$?
[ $rc -eq 1 ] || fail "broken file gave exit $rc"
echo "$out" | grep -q "broken.toml:[0-9]*: scenario.idd: unknown field" || fail "no unknown-field line: $out"
echo "$out" | grep -q "broken.toml:[0-9]*: scenario.id: missing field" || fail "no missing-field line: $out"
echo "$out" | grep -q "deck_cards: unknown card 'no-such-card'" || fail "no unknown-card line: $out"
echo "$out" | grep -q "standard.toml:[0-9]*: rules.leak_target: 77 is out of range" || fail "no range line: $out"
printf 'this is = = not toml\n' > "$tmp/garbage.toml"
out=$("$gb" validate "$tmp/garbage.toml"); rc=$?
[ $rc -eq 1 ] || fail "garbage gave exit $rc"
echo "$out" | grep -q "garbage.toml:1: syntax:" || fail "no syntax line: $out"
head -c 3000 /dev/urandom > "$tmp/random.toml"
"$gb" validate "$tmp/random.toml" >/dev/null; rc=$?
[ $rc -eq 1 ] || fail "random bytes gave exit $rc (a crash?)"
"$gb" validate /no/such/file.toml >/dev/null; [ $? -eq 1 ] || fail "missing file"
"$gb" validate --help | grep -q usage || fail "no --help"
echo "ok"
