#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test:
#   1. build-check/: everything with clang under ASan/UBSan, with the tests and
#      the libFuzzer targets. Every test runs there, then short fuzz runs.
#      (GCC's ASan build took several times clang's to compile: about 140 s
#      against 42 s of CPU for core/scenario_loader.cpp alone.)
#   2. the programs as shipped, with GCC: build/ as ./play.sh builds them, or,
#      with GB_PACKAGE_TEST=1 (CI sets it), the .deb (build-deb/) tested in a
#      clean Debian root (scripts/test-package.sh).
# GB_WINDOWS_TEST=1 also cross-builds for Windows and tests it under Wine.
set -euo pipefail
cd "$(dirname "$0")"
jobs=$(nproc 2>/dev/null || echo 2)
start=$SECONDS
step() { echo "== $* ($((SECONDS - start)) s so far)"; }

step "build with ASan/UBSan, the tests and the fuzz targets (build-check/, clang)"
scripts/setup.sh --tests build-check -DCMAKE_CXX_COMPILER=clang++ -DGB_SANITIZE=ON -DGB_FUZZ=ON -DGB_TESTS=ON

step "tests under ASan/UBSan (build-check/)"
# The client tests open real windows: the run gets a virtual X display. The
# networked-versus-offline comparison plays 4 seeds per scenario here.
GB_ONE_GAME_SEEDS=4 ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp \
  xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" ctest --test-dir build-check --output-on-failure -j"$jobs"

step "fuzz smoke runs (build-check/, libFuzzer)"
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
mkdir -p "$corpus/messages" "$corpus/scenario" "$corpus/journal" "$corpus/handshake"
cp scenarios/rules/standard.toml scenarios/cards/*.toml "$corpus/scenario/"
# Hostile seeds: quotes of every TOML string form before deep nesting, long dotted keys.
cp tests/fuzz/corpus/scenario/* "$corpus/scenario/"
# Inputs the fuzzers once found faults with: they stay in the corpus.
cp tests/fuzz/corpus/messages/* "$corpus/messages/"
cp tests/fixtures/*.journal "$corpus/journal/"
fuzz() { build-check/bin/"$1" -max_total_time="$2" -rss_limit_mb=1024 "$corpus/$3" 2>&1 | tail -n 2; }
fuzz fuzz_messages 20 messages
fuzz fuzz_handshake 10 handshake
fuzz fuzz_scenario 10 scenario
fuzz fuzz_journal 15 journal

# The programs as shipped, with GCC: as the .deb builds them (build-deb/, with
# Debian's flags) when the package is tested, else as ./play.sh does (build/).
if [ "${GB_PACKAGE_TEST:-0}" = 1 ]; then
  # Slow and needs root: the .deb built and installed in a clean Debian 12 root.
  step "the Debian package, built (build-deb/) and tested in a clean root (GB_PACKAGE_TEST=1)"
  scripts/package.sh deb dist
  scripts/test-package.sh "$(ls -t dist/grand-bargain_*_amd64.deb | head -1)"
else
  step "build (build/)"
  scripts/setup.sh build -DGB_TESTS=OFF
  echo "== the package test is skipped (GB_PACKAGE_TEST=1 runs it: scripts/test-package.sh, as root)"
fi
if [ "${GB_WINDOWS_TEST:-0}" = 1 ] && [ -x scripts/test-windows.sh ]; then
  step "the Windows build under Wine (scripts/test-windows.sh)"
  scripts/test-windows.sh
fi

step "all tests passed"
