#!/usr/bin/env bash
# Configures BUILD_DIR (argument 1) as the one clang build with AddressSanitizer,
# UndefinedBehaviorSanitizer and libFuzzer coverage that scripts/test-asan.sh (the test
# suite) and scripts/fuzz-smoke.sh (the fuzz targets) share, so CI compiles it once.
set -euo pipefail
cd "$(dirname "$0")/.."
build=$1
if ! command -v clang++ >/dev/null; then
  echo "configure-sanitized: clang++ not found (scripts/install-deps.sh installs it)" >&2
  exit 1
fi
# A directory configured earlier with another compiler keeps it in its cache: start over.
if [ -f "$build/CMakeCache.txt" ] && ! grep -q '^CMAKE_CXX_COMPILER:.*clang' "$build/CMakeCache.txt"; then
  rm -rf "$build"
fi
CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSTORYLINE_FUZZ=ON -DSTORYLINE_BENCH=OFF >/dev/null
