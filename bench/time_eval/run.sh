#!/bin/sh
# Time value scores of a build: MEANTIME per company (score-times.py accuracy and
# TempEval-3 value F1), GUM news and WikiWars (value F1).
# usage: bench/time_eval/run.sh BUILD_DIR OUT_DIR
set -e
build=$1
out=$2
here=$(dirname "$0")
shared=$(cd "$here/../../../shared" && pwd)
tools=$shared/tools
mkdir -p "$out"
python3 "$here/make_sets.py" "$shared/data" "$out/sets"
for set in meantime_airbus meantime_apple meantime_gm gum_news; do
  "$build/storyline" analyze "$out/sets/$set.jsonl" > "$out/$set.p.jsonl"
  scored=$out/$set.p.jsonl
  case $set in meantime_*)
    printf '%s ' "$set"
    python3 "$tools/score-times.py" "$shared/data/meantime" "$out/$set.p.jsonl" "$out/sets/$set.jsonl"
    scored=$out/$set.region.p.jsonl
    python3 -c '
import json, sys
region = json.load(open(sys.argv[1]))
for line in open(sys.argv[2]):
    r = json.loads(line)
    r["times"] = [t for t in r.get("times", []) if t["start"] < region[r["id"]]]
    print(json.dumps(r))' "$out/sets/$set.region.json" "$out/$set.p.jsonl" > "$scored" ;;
  esac
  printf '%s ' "$set"
  python3 "$tools/score-timex.py" "$out/sets/$set.gold.jsonl" "$scored" "$out/sets/$set.jsonl"
done
"$build/storyline" analyze "$shared/data/wikiwars/wikiwars.jsonl" > "$out/wikiwars.p.jsonl"
printf 'wikiwars '
python3 "$tools/score-timex.py" "$shared/data/wikiwars/timex.jsonl" "$out/wikiwars.p.jsonl" \
  "$shared/data/wikiwars/wikiwars.jsonl"
