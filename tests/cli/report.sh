#!/usr/bin/env bash
# gb report: after-action reports and comparisons from game journals.
# usage: tests/cli/report.sh GB_BINARY [REPORT_FIXTURE_BINARY]
# The fixture (gb_report_fixture, built beside gb) writes journals with chat,
# White Cell notes and a draft report, which demo games do not have.
set -u
export PYTHONDONTWRITEBYTECODE=1  # keep the source tree clean
gb=$1
fixture=${2:-$(dirname "$gb")/gb_report_fixture}
root=$(cd "$(dirname "$0")/../.." && pwd)
tools=$root/tests/report
tmp=$(mktemp -d /tmp/gb-report-test-XXXXXX)
demo_dirs=()
cleanup() {
  rm -rf "$tmp"
  for d in "${demo_dirs[@]}"; do rm -rf "$d"; done
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
journal_of() { sed -n 's/^journal: \([^ ]*\) .*/\1/p' "$1" | tail -1; }
played_turns() { "$gb" replay "$1" --verify | sed -n 's/^state: *turn \([0-9]*\) of.*/\1/p'; }
# Expects a command to exit with the given status and print a message containing the text.
expect_exit() {
  local want=$1 text=$2; shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  [ "$got" -eq "$want" ] || fail "'$*' exited $got, expected $want: $(cat "$tmp/err")"
  grep -qF -- "$text" "$tmp/err" || fail "'$*' did not say '$text': $(cat "$tmp/err")"
}

[ -x "$fixture" ] || fail "no report fixture at $fixture (build the gb_report_fixture target)"

# ---- journals: three networked demo games at once, and the fixture's two.
"$gb" demo --seed 5 >"$tmp/demo1.txt" 2>&1 &
p1=$!
"$gb" demo --seed 6 >"$tmp/demo2.txt" 2>&1 &
p2=$!
"$gb" demo --scenario new-administration-2009 --seed 3 >"$tmp/demo3.txt" 2>&1 &
p3=$!
wait $p1 || fail "demo --seed 5 failed: $(tail -3 "$tmp/demo1.txt")"
wait $p2 || fail "demo --seed 6 failed: $(tail -3 "$tmp/demo2.txt")"
wait $p3 || fail "2009 demo failed: $(tail -3 "$tmp/demo3.txt")"
j1=$(journal_of "$tmp/demo1.txt")
j2=$(journal_of "$tmp/demo2.txt")
j3=$(journal_of "$tmp/demo3.txt")
for j in "$j1" "$j2" "$j3"; do
  [ -f "$j" ] || fail "demo printed no journal path"
  demo_dirs+=("$(dirname "$j")")
done
"$fixture" "$tmp" >/dev/null || fail "the fixture could not write its journals"
rich=$tmp/rich.journal
draft=$tmp/draft.journal

# ---- 1. a single game's report: valid, self-contained, complete
turns=$(played_turns "$j1")
[ -n "$turns" ] || fail "cannot tell how many turns $j1 played"
"$gb" report "$j1" -o "$tmp/r.html" || fail "report exited non-zero"
python3 "$tools/check_html.py" "$tmp/r.html" --turns "$turns" || fail "report HTML"

# ---- 2. Markdown says what the HTML says (format from the extension, and --format md to stdout)
"$gb" report "$j1" -o "$tmp/r.md" || fail "Markdown report exited non-zero"
head -1 "$tmp/r.md" | grep -q "^# After-action report" || fail "r.md is not Markdown"
"$gb" report "$j1" --format md -o - >"$tmp/r-stdout.md" || fail "--format md -o - exited non-zero"
cmp -s "$tmp/r.md" "$tmp/r-stdout.md" || fail "-o - differs from the file"
python3 "$tools/compare_md_html.py" "$tmp/r.html" "$tmp/r.md" || fail "Markdown and HTML differ"
# The thesis section, placed against gb study of the journal's scenario (500 games by default).
grep -qF '<h2>The thesis: this game against gb study</h2>' "$tmp/r.html" || fail "the HTML has no thesis section"
grep -q '^## The thesis: this game against gb study$' "$tmp/r.md" || fail "the Markdown has no thesis section"
for f in r.html r.md; do
  grep -qF 'Placed against gb study of this scenario: 500 games with heuristic bots' "$tmp/$f" ||
    fail "$f does not say what it is placed against"
  grep -qE 'This game reached (a framework in turn [0-9]+|no framework); [0-9.]+% of simulated games do' "$tmp/$f" ||
    fail "$f does not place the framework among simulated games"
  grep -qE 'Its channel was cut off [0-9]+ times?; simulated games average' "$tmp/$f" ||
    fail "$f does not place the cut-offs"
done
"$gb" report "$j1" --format md --study-games 0 -o "$tmp/r0.md" || fail "--study-games 0"
grep -qF 'Not placed against simulated games' "$tmp/r0.md" || fail "--study-games 0 does not say so"
grep -q 'of simulated games do' "$tmp/r0.md" && fail "--study-games 0 still places the game"
"$gb" report "$j1" --format md --study-games 60 --seed 4 --threads 1 -o "$tmp/r60a.md" || fail "--study-games 60"
"$gb" report "$j1" --format md --study-games 60 --seed 4 --threads 2 -o "$tmp/r60b.md" || fail "--threads 2"
cmp -s "$tmp/r60a.md" "$tmp/r60b.md" || fail "the thesis section depends on the thread count"
grep -qF 'Placed against gb study of this scenario: 60 games with heuristic bots in every seat, seed 4' "$tmp/r60a.md" ||
  fail "--study-games and --seed are not what the section says"
"$gb" report "$rich" --include-chat -o "$tmp/rich.html" || fail "rich report"
"$gb" report "$rich" --include-chat -o "$tmp/rich.md" || fail "rich Markdown report"
python3 "$tools/compare_md_html.py" "$tmp/rich.html" "$tmp/rich.md" || fail "rich Markdown and HTML differ"

# ---- 3. perspectives show only what the seat could see
printf '60\tANNOTATION-LABEL\tANNOTATION-NOTE a turning point\n' >"$rich.annotations"
# The fixture's game may end before its last turn (war): count what it played.
rich_turns=$("$gb" replay "$rich" --verify | sed -n 's/^state: *turn \([0-9]*\) of.*/\1/p')
[ -n "$rich_turns" ] || fail "gb replay --verify names no turn for the rich fixture"
for p in control public us iran israel gulf; do
  "$gb" report "$rich" --as "$p" --include-chat -o "$tmp/rich-$p.html" || fail "report --as $p"
  python3 "$tools/check_html.py" "$tmp/rich-$p.html" --turns "$rich_turns" >/dev/null || fail "report --as $p is not valid"
done
has() { grep -qF -- "$2" "$tmp/rich-$1.html"; }
for marker in US-TEAM-ONLY IRAN-TEAM-ONLY US-IRAN-BILATERAL ISRAEL-TO-ALL WHITE-CELL-BROADCAST BOOKMARK-LABEL \
  BOOKMARK-NOTE SETTING-REASON AMENDMENT-REASON ANNOTATION-LABEL ANNOTATION-NOTE WHITE-CELL-CARD; do
  has control "$marker" || fail "the White Cell's report lacks $marker"
done
has control 'Seed</dt><dd>7<' || fail "the White Cell's report lacks the seed"
for p in public us iran israel gulf; do
  for marker in BOOKMARK-LABEL BOOKMARK-NOTE ANNOTATION-LABEL ANNOTATION-NOTE '<span class="tag">inject</span>'; do
    has "$p" "$marker" && fail "the $p report shows the White Cell's $marker"
  done
  has "$p" 'Seed</dt><dd>7<' && fail "the $p report shows the seed"
  for marker in ISRAEL-TO-ALL WHITE-CELL-BROADCAST SETTING-REASON AMENDMENT-REASON WHITE-CELL-CARD; do
    has "$p" "$marker" || fail "the $p report lacks the public $marker"
  done
done
for p in public israel gulf; do
  for marker in US-TEAM-ONLY IRAN-TEAM-ONLY US-IRAN-BILATERAL; do
    has "$p" "$marker" && fail "the $p report shows private chat $marker"
  done
done
has iran US-TEAM-ONLY && fail "Iran's report shows the US team's chat"
has iran IRAN-TEAM-ONLY || fail "Iran's report lacks its own team chat"
has iran US-IRAN-BILATERAL || fail "Iran's report lacks its bilateral chat"
has us IRAN-TEAM-ONLY && fail "the US report shows Iran's team chat"
# Chat only on request.
"$gb" report "$rich" -o "$tmp/rich-nochat.html" || fail "report without chat"
grep -q 'class="chat"' "$tmp/rich-nochat.html" && fail "chat sections without --include-chat"
grep -qE 'US-TEAM-ONLY|ISRAEL-TO-ALL|WHITE-CELL-BROADCAST' "$tmp/rich-nochat.html" && fail "chat text without --include-chat"
[ "$(grep -c '<section class="chat"' "$tmp/rich-control.html")" -eq "$rich_turns" ] || fail "not one chat section per turn"
# An unreleased draft report: the White Cell sees it, nobody else does.
"$gb" report "$draft" -o "$tmp/draft-control.html" || fail "draft report"
python3 "$tools/check_html.py" "$tmp/draft-control.html" --turns 2 --results-in-turn 2 || fail "draft, control"
grep -q "Draft report" "$tmp/draft-control.html" || fail "the draft is not marked as one"
grep -q AMENDMENT-REASON "$tmp/draft-control.html" || fail "the draft's amendment is missing for the White Cell"
for p in public us iran; do
  "$gb" report "$draft" --as "$p" -o "$tmp/draft-$p.html" || fail "draft report --as $p"
  python3 "$tools/check_html.py" "$tmp/draft-$p.html" --turns 2 --results-in-turn 1 --no-results-in-turn 2 ||
    fail "the $p report shows the unreleased draft"
  grep -qE "AMENDMENT-REASON|Draft report|Teaching note" "$tmp/draft-$p.html" &&
    fail "the $p report shows the draft's amendment or teaching notes of an unfinished game"
  grep -qF "report was still a draft, unseen by this seat" "$tmp/draft-$p.html" ||
    fail "the $p report's thesis section does not stop before the unreleased draft"
done

# ---- 4. what a browser draws: headless Chromium, then the PNG decoded and checked
chromium=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chromium" ] || fail "chromium is missing: scripts/setup.sh installs it (apt-get install chromium)"
timeout 90 "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$tmp/chromium" \
  --window-size=1200,2400 --screenshot="$tmp/shot.png" "file://$tmp/r.html" >"$tmp/chromium.log" 2>&1 ||
  fail "chromium could not take the screenshot: $(tail -3 "$tmp/chromium.log")"
python3 "$tools/check_png.py" "$tmp/shot.png" || fail "the screenshot"

# ---- 5. several games compared, against simulated games
"$gb" report --compare "$j1" "$j2" --simulate 200 --threads 2 -o "$tmp/cmp.html" 2>"$tmp/cmp.err" ||
  fail "--compare exited non-zero: $(cat "$tmp/cmp.err")"
python3 "$tools/check_html.py" "$tmp/cmp.html" --compare 2 --sim || fail "comparison HTML"
for j in "$j1" "$j2"; do grep -qF "$j" "$tmp/cmp.html" || fail "the comparison does not name $j"; done
"$gb" report --compare "$j1" "$j2" --simulate 200 --threads 1 -o "$tmp/cmp1.html" 2>/dev/null || fail "--threads 1"
cmp -s "$tmp/cmp.html" "$tmp/cmp1.html" || fail "the comparison depends on the thread count"
"$gb" report --compare "$j1" "$j2" -o "$tmp/cmp-nosim.html" || fail "--compare without --simulate"
python3 "$tools/check_html.py" "$tmp/cmp-nosim.html" --compare 2 || fail "comparison without simulation"
"$gb" report --compare "$j1" "$j2" --simulate 50 -o "$tmp/cmp.md" 2>/dev/null || fail "Markdown comparison"
grep -q "^## Outcomes side by side" "$tmp/cmp.md" || fail "the Markdown comparison has no outcomes"
expect_exit 1 "$j3" "$gb" report --compare "$j1" "$j3" -o "$tmp/x.html"
expect_exit 1 "scenario" "$gb" report --compare "$j1" "$j3" -o "$tmp/x.html"
expect_exit 1 "$tmp/no-such.journal" "$gb" report --compare "$j1" "$tmp/no-such.journal" -o "$tmp/x.html"

# ---- 6. bad usage and bad input
expect_exit 2 "name a journal" "$gb" report -o "$tmp/x.html"
expect_exit 2 "unknown option '--bogus'" "$gb" report "$j1" --bogus -o "$tmp/x.html"
expect_exit 2 "-o FILE" "$gb" report "$j1"
expect_exit 2 "unknown perspective 'mossad'" "$gb" report "$j1" --as mossad -o "$tmp/x.html"
expect_exit 2 "--format" "$gb" report "$j1" --format pdf -o "$tmp/x.html"
expect_exit 2 "--compare" "$gb" report "$j1" --simulate 10 -o "$tmp/x.html"
expect_exit 2 "--compare" "$gb" report "$j1" "$j2" -o "$tmp/x.html"
expect_exit 2 "--simulate" "$gb" report --compare "$j1" --simulate lots -o "$tmp/x.html"
expect_exit 2 "--study-games" "$gb" report "$j1" --study-games many -o "$tmp/x.html"
expect_exit 2 "--study-games" "$gb" report --compare "$j1" "$j2" --study-games 10 -o "$tmp/x.html"
expect_exit 1 "$tmp/missing.journal: cannot open" "$gb" report "$tmp/missing.journal" -o "$tmp/x.html"
printf 'not a journal at all, just words\n' >"$tmp/junk.journal"
expect_exit 1 "not a Grand Bargain journal" "$gb" report "$tmp/junk.journal" -o "$tmp/x.html"
expect_exit 1 "cannot write" "$gb" report "$j1" -o "$tmp/no-such-dir/r.html"
"$gb" report --help | grep -q "usage: gb report" || fail "--help"
echo "ok"
