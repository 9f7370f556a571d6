#!/usr/bin/env bash
# Story clusters of ECB+ and GVC through the real engine: `storyline ingest` (analyzer,
# store, clustering) then `stories --json`, scored with the shared scorer; ECB+ also by
# topic halves and GVC by incident halves (score_halves.py).
#
# usage: bench/cluster_eval/ingest_eval.sh BUILD_DIR [KEEP_DIR]   (from the repository root)
#   KEEP_DIR  keeps the stores and `stories --json` there (ecbplus.json, gvc.json), to
#             look into the clusters; by default they go with a temporary folder.
set -euo pipefail
build=$1
shared=$(cd "$(dirname "$0")/../../../shared" && pwd)
if [[ $# -ge 2 ]]; then
  work=$2
  mkdir -p "$work"
  rm -f "$work"/*.db*
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi

# Articles as users feed them: the corpus id, the text, the publication day when known.
python3 - "$shared" "$work" <<'PY'
import json, sys
shared, work = sys.argv[1], sys.argv[2]
for name, path in (("ecbplus", "ecbplus/ecbplus.jsonl"), ("gvc", "gvc/gvc.jsonl")):
    with open(f"{shared}/data/{path}", encoding="utf-8") as corpus, \
         open(f"{work}/{name}.jsonl", "w", encoding="utf-8") as out:
        for line in corpus:
            record = json.loads(line)
            article = {"id": record["doc_id"], "text": record["text"]}
            if record.get("dct"):
                article["published"] = record["dct"][:10]
            out.write(json.dumps(article) + "\n")
PY

for corpus in ecbplus:event_cluster gvc:incident_id; do
  name=${corpus%%:*}
  label=${corpus##*:}
  "$build/storyline" ingest --db "$work/$name.db" --threads 1 "$work/$name.jsonl" > /dev/null
  "$build/storyline" stories --db "$work/$name.db" --json > "$work/$name.json"
  python3 "$shared/tools/score-stories.py" "$shared/data/$name/$name.jsonl" "$label" \
    "$work/$name.json"
done
for name in ecbplus gvc; do
  python3 "$(dirname "$0")/score_halves.py" "$shared/data/$name/$name.jsonl" "$work/$name.json"
done
