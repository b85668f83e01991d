#!/bin/sh
# Retakes the README's screenshots with the client's scripted input, under
# Xvfb: a team's seat (the United States, after its first report), the
# White Cell reviewing a draft report, and a student in the tutorial's
# negotiation step. Usage: tools/screenshots.sh [BUILD_DIR]
set -eu
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'primer_seen = 1\nmuted = 1\n' > "$work/client.conf"
scenario="$root/scenarios/archive/v1/after-911.toml"  # a known first card: the US choice

cat > "$work/team.script" <<SCRIPT
wait-seated
click Start playing
wait-phase inject 1
click Work through a quiet channel##opt0
wait-phase negotiation 1
click Ready
wait-phase orders 1
click Add##build_influence
wait-frames 10
click Commit orders
wait-toast report
click report
wait-frames 20
screenshot $root/docs/screenshot-team.png
quit
SCRIPT
xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" "$build/bin/gb-client" --host-local --seat us --port 0 \
    --data "$work/team" --seed 4 --scenario "$scenario" --settings "$work/client.conf" --script "$work/team.script" \
    --name Sam

cat > "$work/control.script" <<SCRIPT
wait-seated
click Start playing
click Draw the inject
wait-frames 20
click Advance phase
wait-phase adjudication 1
click report
wait-frames 20
screenshot $root/docs/screenshot-white-cell.png
quit
SCRIPT
xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" "$build/bin/gb-client" --host-local --seat control \
    --bots us,iran,israel,gulf --port 0 --data "$work/control" --seed 4 --scenario "$scenario" \
    --settings "$work/client.conf" --script "$work/control.script" --name "White Cell"
cat > "$work/tutorial.script" <<SCRIPT
wait-seated
click Start playing
wait-tutorial-step 3
click diplomacy
wait-frames 20
screenshot $root/docs/screenshot-tutorial.png
quit
SCRIPT
xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" "$build/bin/gb-client" --tutorial --port 0 --size 1280x720 \
    --data "$work/tutorial" --seed 4 --settings "$work/client.conf" --script "$work/tutorial.script" --name Sam
echo "wrote docs/screenshot-team.png, docs/screenshot-white-cell.png and docs/screenshot-tutorial.png"
