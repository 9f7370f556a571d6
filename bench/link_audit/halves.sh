#!/usr/bin/env bash
# The two halves the link audit reads: `dev` (odd ECB+ topics, odd GVC incidents, the
# article-extraction pages whose id starts with an even hex digit) and `chk` (the rest),
# each analyzed in one run so that the corpus linker links across its articles; then 50
# pairs of each to judge (link_audit.py pairs, seed 1).
#
# usage: bench/link_audit/halves.sh BUILD_DIR OUT_DIR   (from the repository root)
set -euo pipefail
build=$1
out=$2
shared=$(cd "$(dirname "$0")/../../../shared" && pwd)
mkdir -p "$out"
python3 - "$shared" "$out" <<'PY'
import json, sys
shared, out = sys.argv[1], sys.argv[2]
halves = {"dev": open(f"{out}/dev-corpora.jsonl", "w"), "chk": open(f"{out}/chk-corpora.jsonl", "w")}
for path, key in (("ecbplus/ecbplus.jsonl", "topic"), ("gvc/gvc.jsonl", "incident_id")):
    for line in open(f"{shared}/data/{path}", encoding="utf-8"):
        record = json.loads(line)
        article = {"id": record["doc_id"], "text": record["text"]}
        if record.get("dct"):
            article["published"] = record["dct"][:10]
        half = "dev" if int(record[key]) % 2 else "chk"
        halves[half].write(json.dumps(article) + "\n")
PY
for half in dev chk; do
  mkdir -p "$out/$half-pages"
  for page in "$shared"/data/article-extraction/html/*.html.gz; do
    first=$(basename "$page" | cut -c1)
    case $half-$first in
      dev-[02468ace]|chk-[13579bdf]) ln -sf "$page" "$out/$half-pages/" ;;
    esac
  done
  "$build/storyline" extract "$out/$half-corpora.jsonl" "$out/$half-pages" > "$out/$half.jsonl"
  "$build/storyline" analyze --threads 2 "$out/$half.jsonl" > "$out/$half-analysis.jsonl"
  python3 "$(dirname "$0")/link_audit.py" pairs "$out/$half.jsonl" "$out/$half-analysis.jsonl" \
    --sample 50 --seed 1 --tsv "$out/$half-pairs.tsv" > "$out/$half-pairs.txt"
  head -1 "$out/$half-pairs.txt"
done
