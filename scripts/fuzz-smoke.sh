#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang and runs each one briefly over its seed
# corpus: the CI smoke test for the input handlers. Fails on any crash, hang, leak or
# broken invariant, leaving the input under $BUILD_DIR/fuzz-artifacts/<target>/; copy it
# to fuzz/regressions/<target>/ once fixed, so tests/reliability/fuzz_regressions_test
# replays it.
#
#   FUZZ_SECONDS=20   seconds per target
#   FUZZ_TARGETS="jsonl html"   a subset (default: every target)
#   BUILD_DIR=build-sanitize   (the build scripts/test-asan.sh shares)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-20}
build=${BUILD_DIR:-build-sanitize}
jobs=$(nproc)
scripts/configure-sanitized.sh "$build"
targets=${FUZZ_TARGETS:-$(ls fuzz/corpus)}
cmake --build "$build" -j"$jobs" --target $(for t in $targets; do echo "${t}_fuzzer"; done)

failed=()
for target in $targets; do
  work="$build/fuzz-corpus/$target"       # new inputs found here; the seeds stay untouched
  artifacts="$build/fuzz-artifacts/$target/"
  mkdir -p "$work" "$artifacts"
  log="$build/fuzz-$target.log"
  if "$build/fuzz/${target}_fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts" \
      "$work" "fuzz/corpus/$target" >"$log" 2>&1; then
    echo "fuzz-smoke: $target ok: $(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}') runs"
  else
    echo "fuzz-smoke: $target FAILED (log: $log, inputs: $artifacts)" >&2
    tail -30 "$log" >&2
    failed+=("$target")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz-smoke: failures in ${failed[*]}" >&2
  exit 1
fi
