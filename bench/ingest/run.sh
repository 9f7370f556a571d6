#!/usr/bin/env bash
# Ingest throughput benchmark: how fast `storyline ingest` turns a JSON Lines corpus into
# a SQLite store, against the speed of merely reading the same file (`cat > /dev/null`).
#
# Usage: bench/ingest/run.sh [--binary PATH] [--corpus FILE] [--articles N] [--seed S]
#                            [--runs R] [--threads "1 2"] [--workdir DIR]
# Without --corpus it generates one with bench/generate_corpus.py (N articles, default
# 50000). Each configuration runs R times (default 3) into a fresh store; the median wall
# and CPU (user + system) times are reported, with peak resident memory, all from
# /usr/bin/time -v (Debian package `time`). Needs: bash, python3, /usr/bin/time.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
binary="$repo/build/storyline"
corpus=""
articles=50000
seed=7
runs=3
threads="1 2"
workdir=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    --binary) binary=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    --articles) articles=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --workdir) workdir=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done

if [[ ! -x /usr/bin/time ]]; then
  echo "run.sh: /usr/bin/time not found; install the Debian package 'time'" >&2
  exit 2
fi
if [[ ! -x "$binary" ]]; then
  echo "run.sh: no storyline binary at '$binary' (build target storyline or pass --binary)" >&2
  exit 2
fi
if ! "$binary" ingest --help >/dev/null 2>&1; then
  echo "run.sh: '$binary' has no ingest subcommand" >&2
  exit 2
fi

if [[ -z "$workdir" ]]; then
  workdir=$(mktemp -d "${TMPDIR:-/tmp}/storyline-ingest-bench.XXXXXX")
  trap 'rm -rf "$workdir"' EXIT
fi
mkdir -p "$workdir"

if [[ -z "$corpus" ]]; then
  corpus="$workdir/corpus.jsonl"
  echo "generating $articles articles (seed $seed) into $corpus" >&2
  python3 "$repo/bench/generate_corpus.py" --articles "$articles" --seed "$seed" --out "$corpus"
fi
records=$(wc -l <"$corpus")
bytes=$(stat -c %s "$corpus")
megabytes=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')

# Runs "$@" once under /usr/bin/time; prints "WALL_SECONDS PEAK_KIB". Wall time comes from
# a nanosecond clock (time -v rounds to centiseconds, too coarse for cat).
measure() {
  local usage="$workdir/usage.txt" log="$workdir/command.log" start end
  start=$(date +%s%N)
  if ! /usr/bin/time -v -o "$usage" "$@" >"$log" 2>&1; then
    echo "run.sh: command failed: $*" >&2
    tail -n 5 "$log" >&2
    exit 1
  fi
  end=$(date +%s%N)
  local peak cpu
  peak=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$usage")
  cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ { sum += $2 } END { print sum }' "$usage")
  echo "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f", (e - s) / 1e9 }') $peak $cpu"
}

# From "WALL PEAK CPU" lines: the median wall time, the largest peak and the median CPU
# time (user + system; on a busy machine it moves less than wall time does).
summarize() {
  printf '%s\n' "$@" | awk '
    function median(v, n,   i, j, t) {
      for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] > v[j]; j--) {
        t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
      return (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    }
    { wall[NR] = $1; cpu[NR] = $3; if ($2 > peak) peak = $2 }
    END { printf "%.4f %d %.2f\n", median(wall, NR), peak, median(cpu, NR) }'
}

cat "$corpus" >/dev/null  # warm the page cache so every configuration reads from memory

results=()
summaries=()
samples=()
for ((run = 0; run < runs; run++)); do
  samples+=("$(measure sh -c 'exec cat "$1" >/dev/null' sh "$corpus")")
done
results+=("cat $(summarize "${samples[@]}")")

for t in $threads; do
  samples=()
  for ((run = 0; run < runs; run++)); do
    db="$workdir/store-t$t.db"
    rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
    samples+=("$(measure "$binary" ingest --db "$db" --threads "$t" "$corpus")")
  done
  summaries+=("ingest --threads $t said: $(tail -n 1 "$workdir/command.log")")
  results+=("ingest-t$t $(summarize "${samples[@]}")")
done

echo "corpus: $corpus ($records records, $megabytes MB); median of $runs runs; $(nproc) cores"
printf '%-10s %9s %11s %8s %11s %8s %14s %9s\n' \
  config wall_s articles/s MB/s x_cat_time cpu_s articles/cpu_s peak_MiB
baseline=$(awk '{ print $2 }' <<<"${results[0]}")
for line in "${results[@]}"; do
  read -r name wall peak cpu <<<"$line"
  awk -v n="$name" -v w="$wall" -v p="$peak" -v u="$cpu" -v r="$records" -v b="$bytes" \
    -v c="$baseline" 'BEGIN { printf "%-10s %9.3f %11.0f %8.1f %11.1f %8.2f %14.0f %9.1f\n",
      n, w, r / w, b / 1e6 / w, w / c, u, (u > 0 ? r / u : 0), p / 1024 }'
done
printf '%s\n' "${summaries[@]}"
