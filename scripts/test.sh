#!/usr/bin/env bash
# Builds storyline and runs the whole test suite (the README's test command; CI runs it).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs" --timeout 900
# Reliability: the suite again under ASan and UBSan (one clang build, shared with the
# fuzz targets), then every fuzz target briefly.
scripts/test-asan.sh
scripts/fuzz-smoke.sh
