#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: first the normal
# build in build/, then the tests again under ASan/UBSan in build-asan/.
set -euo pipefail
cd "$(dirname "$0")"
jobs=$(nproc 2>/dev/null || echo 2)

echo "== build (build/)"
scripts/setup.sh build
echo "== tests (build/)"
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== build with ASan/UBSan (build-asan/)"
scripts/setup.sh build-asan -DGB_SANITIZE=ON
echo "== tests under ASan/UBSan (build-asan/)"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"

echo "== all tests passed"
