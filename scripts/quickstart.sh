#!/usr/bin/env bash
# One command from a fresh Debian machine to a first picture of the news: installs the
# dependencies, builds, ingests the bundled sample corpus into an SQLite file, and prints
# the stories and the timeline of the busiest one.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$(nproc)"
db=sample.db
rm -f "$db" "$db-wal" "$db-shm" "$db-stories.lock"
build/storyline ingest --db "$db" data/sample/articles.jsonl
build/storyline stories --db "$db"
busiest=$(build/storyline stories --db "$db" --json |
  python3 -c 'import json,sys; s=json.load(sys.stdin)["stories"]; print(max(s, key=lambda x: len(x["articles"]))["id"] if s else "")')
if [ -n "$busiest" ]; then
  build/storyline timeline --db "$db" --story "$busiest"
fi
