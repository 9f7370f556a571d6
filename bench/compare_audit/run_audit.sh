#!/usr/bin/env bash
# Ingests ECB+ and GVC (bench/compare_audit/make_inputs.py gives each article an outlet),
# then collects every contradiction and number disagreement `storyline compare` prints
# for stories with at least two outlets, and the story labels.
#
# usage: bench/compare_audit/run_audit.sh BUILD_DIR OUT_DIR   (from the repository root)
set -euo pipefail
build=$1
out=$2
here=$(dirname "$0")
shared=$(cd "$here/../../../shared" && pwd)
mkdir -p "$out"
python3 "$here/make_inputs.py" "$shared/data" "$out"
for corpus in ecbplus:topic gvc:incident_id; do
  name=${corpus%%:*}
  rm -f "$out/$name.db" "$out/$name.db-"*
  "$build/storyline" ingest --db "$out/$name.db" --threads 1 "$out/$name.jsonl" > /dev/null
  "$build/storyline" stories --db "$out/$name.db" --json > "$out/$name.stories.json"
  python3 "$here/collect.py" "$build" "$out/$name.db" "$shared/data/$name/$name.jsonl" \
    "${corpus##*:}" "$out/$name.findings.tsv"
done
