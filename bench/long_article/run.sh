#!/usr/bin/env bash
# Whether `analyze` costs in proportion to an article's length (issue 13): words/s and
# peak RSS of ArticleAnalyzer::Analyze on one thread for articles of 1k, 10k, 100k and
# 200k words of real news, for each of the two sources of make_long_articles.py; then
# the whole `storyline analyze` command on one 30 MB record.
#
# usage: bench/long_article/run.sh [BUILD_DIR] [PASSES]
#   BUILD_DIR  a CMake build directory of this repository (default: build)
#   PASSES     timed passes per size, the fastest reported (default 3)
# Environment: STORYLINE_SHARED_DIR (default: ../shared beside the repository), JOBS
# (build parallelism, default 2), BIG_WORDS (words of the big record, default 5,000,000:
# about 30 MB).
#
# Each size runs in its own process, so its peak RSS is its own. The big record goes
# through the command as a user would run it, with --max-record-mb 64 (the default
# limit; raise it for bigger records) and --threads 1, timed by /usr/bin/time.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=$(realpath -m "${1:-$repo/build}")
passes=${2:-3}
shared=${STORYLINE_SHARED_DIR:-$repo/../shared}
work=$build/long_article

cmake --build "$build" -j"${JOBS:-2}" --target long_article_bench storyline
mkdir -p "$work"
for source in extraction ecbplus; do
  python3 "$here/make_long_articles.py" "$shared" "$work/$source.jsonl" --source "$source"
  for record in 0 1 2 3; do
    "$build/bench/long_article/long_article_bench" "$work/$source.jsonl" --record "$record" \
      --passes "$passes" --models "$repo/models"
  done
done

python3 "$here/make_long_articles.py" "$shared" "$work/big.jsonl" --source extraction \
  --words "${BIG_WORDS:-5000000}"
echo "storyline analyze, one record of $(stat -c %s "$work/big.jsonl") bytes:"
/usr/bin/time -f "wall %e s, user %U s, system %S s, peak RSS %M KiB" \
  "$build/storyline" analyze --threads 1 --max-record-mb 64 --models "$repo/models" \
  "$work/big.jsonl" >"$work/big.analysis.jsonl"
