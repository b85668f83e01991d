#!/usr/bin/env bash
# Installs what is missing, builds, and runs the game: with a display, the
# client hosting a local game of the default scenario (you play the United
# States, bots the other teams; extra arguments go to gb-client, try
# ./play.sh --help). Without a display, a narrated networked bot demo
# (extra arguments go to `gb demo`).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh build -DGB_TESTS=OFF
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec build/bin/gb-client --host-local "$@"
fi
echo "play: no display found; running the networked demo in the terminal instead"
exec build/bin/gb demo --delay "${GB_DEMO_DELAY:-300}" "$@"
