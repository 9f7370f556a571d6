#!/bin/sh
# Cross-document entity linking on MEANTIME (all 90 docs: airbus, apple, gm corpora in
# docs.tsv order), with and without the corpus linker.
# usage: bench/linking_eval/run.sh [STORYLINE_BINARY]   (run from the repository root)
set -e
bin=${1:-build/storyline}
shared=${STORYLINE_SHARED_DIR:-/work/shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$shared/tools/make-inputs.py" meantime "$shared/data/meantime" "$work/in.jsonl"
"$bin" analyze --threads 2 --article-local-ids "$work/in.jsonl" > "$work/local.jsonl"
"$bin" analyze --threads 2 "$work/in.jsonl" > "$work/corpus.jsonl"
echo "== within-article linking only (--article-local-ids)"
python3 bench/linking_eval/score_linking.py "$shared/data/meantime" "$work/local.jsonl"
echo "== with the corpus linker"
python3 bench/linking_eval/score_linking.py "$shared/data/meantime" "$work/corpus.jsonl"
