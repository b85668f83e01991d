#!/usr/bin/env bash
# Installs what is missing, builds, and runs the game. Until the networked
# server and the client exist, the game is a narrated bot demo of the default
# scenario. Extra arguments go to `gb demo` (try ./play.sh --help).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh build
exec build/bin/gb demo --delay "${GB_DEMO_DELAY:-300}" "$@"
