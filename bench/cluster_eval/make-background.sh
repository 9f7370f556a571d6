#!/bin/sh
# Builds models/story-background.tsv: document frequencies of the story clusterer's
# features over general text that is not evaluated on (GUM, MEANTIME, and the
# article-extraction benchmark's article bodies, all in ../shared/data), so that online
# IDF starts from ordinary news language. usage: make-background.sh BUILD_DIR
set -eu
build=${1:?usage: make-background.sh BUILD_DIR}
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=$root/../shared
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$shared/tools/make-inputs.py" gum "$shared/data/gum" "$tmp/gum.jsonl"
python3 "$shared/tools/make-inputs.py" meantime "$shared/data/meantime" "$tmp/meantime.jsonl"
python3 - "$shared/data/article-extraction/ground-truth.json" "$tmp/pages.jsonl" <<'PY'
import json, sys
pages = json.load(open(sys.argv[1], encoding="utf-8"))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for key in sorted(pages):
        out.write(json.dumps({"id": key, "text": pages[key]["articleBody"]}) + "\n")
PY
cat "$tmp/gum.jsonl" "$tmp/meantime.jsonl" "$tmp/pages.jsonl" > "$tmp/background.jsonl"
"$build/bench/cluster_eval/cluster_eval" "$tmp/background.jsonl" \
  --write-counts "$root/models/story-background.tsv"
