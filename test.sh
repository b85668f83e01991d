#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: first the normal
# build in build/, then the tests again under ASan/UBSan in build-asan/; with
# GB_PACKAGE_TEST=1 (CI sets it) also the .deb in a clean Debian 12 root.
set -euo pipefail
cd "$(dirname "$0")"
jobs=$(nproc 2>/dev/null || echo 2)

echo "== build (build/)"
scripts/setup.sh --tests build
# The client tests open real windows: every ctest run gets a virtual X display.
xvfb=(xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp")
echo "== tests (build/)"
"${xvfb[@]}" ctest --test-dir build --output-on-failure -j"$jobs"

echo "== build with ASan/UBSan (build-asan/)"
scripts/setup.sh build-asan -DGB_SANITIZE=ON
echo "== tests under ASan/UBSan (build-asan/)"
# The networked-versus-offline comparison plays 20 seeds per scenario in the
# normal build; under the sanitizers 4 seeds per scenario are enough.
GB_ONE_GAME_SEEDS=4 ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp \
  "${xvfb[@]}" ctest --test-dir build-asan --output-on-failure -j"$jobs"

if command -v clang++ >/dev/null 2>&1; then
  echo "== fuzz smoke runs (build-fuzz/, clang libFuzzer)"
  cmake -S . -B build-fuzz -DGB_FUZZ=ON -DGB_TESTS=OFF -DCMAKE_CXX_COMPILER=clang++ >/dev/null
  cmake --build build-fuzz -j"$jobs" --target fuzz_messages fuzz_scenario fuzz_journal fuzz_handshake
  corpus=$(mktemp -d)
  trap 'rm -rf "$corpus"' EXIT
  mkdir -p "$corpus/messages" "$corpus/scenario" "$corpus/journal" "$corpus/handshake"
  cp scenarios/rules/standard.toml scenarios/cards/*.toml "$corpus/scenario/"
  # Hostile seeds: quotes of every TOML string form before deep nesting, long dotted keys.
  cp tests/fuzz/corpus/scenario/* "$corpus/scenario/"
  build-fuzz/bin/fuzz_messages -max_total_time=30 -rss_limit_mb=1024 "$corpus/messages" 2>&1 | tail -n 2
  build-fuzz/bin/fuzz_handshake -max_total_time=10 -rss_limit_mb=1024 "$corpus/handshake" 2>&1 | tail -n 2
  build-fuzz/bin/fuzz_scenario -max_total_time=10 -rss_limit_mb=1024 "$corpus/scenario" 2>&1 | tail -n 2
  cp tests/fixtures/*.journal "$corpus/journal/"
  build-fuzz/bin/fuzz_journal -max_total_time=20 -rss_limit_mb=1024 "$corpus/journal" 2>&1 | tail -n 2
else
  echo "== clang not found: fuzz smoke runs skipped"
fi

if [ "${GB_PACKAGE_TEST:-0}" = 1 ]; then
  # Slow and needs root: the .deb built and installed in a clean Debian 12 root.
  echo "== the Debian package in a clean root (GB_PACKAGE_TEST=1)"
  scripts/package.sh deb dist
  scripts/test-package.sh "$(ls -t dist/grand-bargain_*_amd64.deb | head -1)"
else
  echo "== the package test is skipped (GB_PACKAGE_TEST=1 runs it: scripts/test-package.sh, as root)"
fi

echo "== all tests passed"
