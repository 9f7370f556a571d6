#!/usr/bin/env bash
# Builds the whole test suite with AddressSanitizer and UndefinedBehaviorSanitizer into
# build-sanitize (clang; scripts/configure-sanitized.sh, shared with the fuzz targets) and
# runs it: memory errors, leaks and undefined behaviour anywhere the tests reach fail the run.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
build=${BUILD_DIR:-build-sanitize}
scripts/configure-sanitized.sh "$build"
cmake --build "$build" -j"$jobs"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest --test-dir "$build" --output-on-failure -j"$jobs" --timeout 1800
