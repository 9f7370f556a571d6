#!/usr/bin/env bash
# Speed of storyline's pipelines beside compromise and wink-nlp, on one thread, over the
# same ~250k words of news (make_corpus.py), in the same run; prints one table.
#
# usage: bench/pipeline_compare/run.sh [BUILD_DIR] [PASSES]
#   BUILD_DIR  a CMake build directory of this repository (default: build); configured
#              with -DSTORYLINE_BENCH=ON when it has no CMakeCache.txt yet
#   PASSES     timed passes per tool, the fastest reported (default 3)
# Environment: STORYLINE_SHARED_DIR (default: ../shared beside the repository), JOBS
# (build parallelism, default 2).
#
# Installs compromise and wink-nlp (versions pinned in package.json and
# package-lock.json) into bench/pipeline_compare/node_modules with npm. Writes the text
# and the raw results under BUILD_DIR/pipeline_compare/.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=$(realpath -m "${1:-$repo/build}")
passes=${2:-3}
shared=${STORYLINE_SHARED_DIR:-$repo/../shared}
work=$build/pipeline_compare

(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)

if [[ ! -f $build/CMakeCache.txt ]]; then
  cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTORYLINE_BENCH=ON
fi
cmake --build "$build" -j"${JOBS:-2}" --target pipeline_compare

mkdir -p "$work"
corpus=$work/corpus.jsonl
results=$work/results.jsonl
python3 "$here/make_corpus.py" "$shared" "$repo" "$corpus"

: >"$results"
for pipeline in ner parse analyze; do
  "$build/bench/pipeline_compare/pipeline_compare" "$pipeline" "$corpus" --passes "$passes" \
    --models "$repo/models" | tee -a "$results"
done
for tool in compromise wink; do
  node --single-threaded "$here/compare.js" "$tool" "$corpus" "$passes" | tee -a "$results"
done
"$build/bench/pipeline_compare/pipeline_compare" stages "$corpus" --models "$repo/models" \
  | tee -a "$results"

echo
python3 "$here/print_table.py" "$results"
