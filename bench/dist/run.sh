#!/usr/bin/env bash
# Distributed ingest benchmark: `storyline worker`s fed by NATS JetStream against a
# single-process `storyline ingest` of the same articles into the same PostgreSQL server.
#
# Usage: bench/dist/run.sh [--binary PATH] [--articles N] [--seed S] [--workdir DIR]
# Generates N articles (default 5000) with bench/generate_corpus.py, starts a PostgreSQL
# server (initdb into the work folder) and a NATS server (`nats-server -js`, its store in
# the work folder, fresh for each configuration), then times, each into a new database:
#   ingest-1t   storyline ingest --threads 1
#   ingest-2t   storyline ingest --threads 2
#   produce     storyline produce (publishing the corpus to ARTICLES)
#   workers-1   one worker --threads 1 --until-done (analyzes and applies)
#   workers-2   two workers --threads 1 --until-done (one applies)
#   applier     the applier alone: two --analyze-only workers fill ANALYSES first, then
#               one worker applies what is there (its own rate, which bounds the whole)
# and prints wall seconds, articles/s, CPU seconds and peak RSS (/usr/bin/time -v; for
# several processes the largest), then each store's size. Needs: bash, python3,
# /usr/bin/time, PostgreSQL server binaries (pg_config --bindir), nats-server.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
binary="$repo/build/storyline"
articles=5000
seed=7
workdir=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    --binary) binary=$2; shift 2 ;;
    --articles) articles=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --workdir) workdir=$2; shift 2 ;;
    -h|--help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done

[[ -x /usr/bin/time ]] || { echo "run.sh: install the Debian package 'time'" >&2; exit 2; }
command -v nats-server > /dev/null || { echo "run.sh: install nats-server" >&2; exit 2; }
pgbin=$(pg_config --bindir)
[[ -x "$pgbin/initdb" ]] || { echo "run.sh: install postgresql" >&2; exit 2; }

if [[ -z "$workdir" ]]; then workdir=$(mktemp -d /tmp/storyline-dist-bench-XXXXXX); fi
mkdir -p "$workdir"
corpus="$workdir/corpus.jsonl"
python3 "$repo/bench/generate_corpus.py" --articles "$articles" --seed "$seed" --out "$corpus"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# PostgreSQL as a production server has it (fsync on), run as `postgres` when root.
as_pg=""
if [[ $(id -u) == 0 ]]; then as_pg="runuser -u postgres --"; chown postgres "$workdir"; fi
pgport=$(free_port)
$as_pg "$pgbin/initdb" -D "$workdir/pg" -U storyline -A trust -E UTF8 --locale=C.UTF-8 > /dev/null
$as_pg "$pgbin/pg_ctl" -D "$workdir/pg" -l "$workdir/pg.log" -w \
  -o "-p $pgport -k $workdir -c listen_addresses=127.0.0.1" start > /dev/null
nats_pid=""
cleanup() {
  [[ -n "$nats_pid" ]] && kill "$nats_pid" 2> /dev/null || true
  $as_pg "$pgbin/pg_ctl" -D "$workdir/pg" -m fast stop > /dev/null 2>&1 || true
}
trap cleanup EXIT
pg() { "$pgbin/psql" -qAt "postgresql://storyline@127.0.0.1:$pgport/postgres" -c "$1"; }
database() { pg "CREATE DATABASE $1" > /dev/null; echo "postgresql://storyline@127.0.0.1:$pgport/$1"; }

natsport=""
fresh_nats() {
  [[ -n "$nats_pid" ]] && { kill "$nats_pid"; wait "$nats_pid" 2> /dev/null || true; }
  rm -rf "$workdir/nats"
  natsport=$(free_port)
  nats-server -js -a 127.0.0.1 -p "$natsport" -sd "$workdir/nats" > "$workdir/nats.log" 2>&1 &
  nats_pid=$!
  sleep 1
}

# timed NAME COMMAND...: runs it under /usr/bin/time -v into $workdir/NAME.time
timed() {
  local name=$1; shift
  /usr/bin/time -v -o "$workdir/$name.time" "$@" 2> "$workdir/$name.err" > /dev/null
}
field() { grep "$2" "$workdir/$1.time" | awk -F': ' '{print $2}'; }
wall() { field "$1" 'Elapsed (wall clock)' | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }'; }
cpu() { echo "$(field "$1" 'User time') + $(field "$1" 'System time')" | bc; }
rss_mib() { echo "$(field "$1" 'Maximum resident set size') / 1024" | bc; }

rows=()
report() {  # report LABEL SECONDS CPU RSS
  rows+=("$(printf '| %s | %.1f | %.0f | %.1f | %s |' "$1" "$2" "$(echo "$articles / $2" | bc -l)" "$3" "$4")")
}

echo "corpus: $articles articles, $(du -m "$corpus" | cut -f1) MB; work folder $workdir" >&2

for threads in 1 2; do
  db=$(database "ingest_${threads}t")
  timed "ingest-${threads}t" "$binary" ingest --db "$db" --threads "$threads" "$corpus"
  report "ingest, $threads thread(s)" "$(wall "ingest-${threads}t")" "$(cpu "ingest-${threads}t")" "$(rss_mib "ingest-${threads}t")"
done

for count in 1 2; do
  fresh_nats
  db=$(database "workers_$count")
  timed "produce-$count" "$binary" produce --nats "nats://127.0.0.1:$natsport" "$corpus"
  [[ $count == 1 ]] && report "produce" "$(wall produce-1)" "$(cpu produce-1)" "$(rss_mib produce-1)"
  start=$(date +%s.%N)
  pids=()
  for i in $(seq 1 "$count"); do
    timed "workers-$count-$i" "$binary" worker --nats "nats://127.0.0.1:$natsport" --db "$db" \
      --threads 1 --until-done &
    pids+=($!)
  done
  wait "${pids[@]}"
  seconds=$(echo "$(date +%s.%N) - $start" | bc)
  cpu_total=0; rss_max=0
  for i in $(seq 1 "$count"); do
    cpu_total=$(echo "$cpu_total + $(cpu "workers-$count-$i")" | bc)
    r=$(rss_mib "workers-$count-$i"); (( r > rss_max )) && rss_max=$r
  done
  report "$count worker(s), 1 thread each" "$seconds" "$cpu_total" "$rss_max"
done

fresh_nats
db=$(database applier)
timed produce-applier "$binary" produce --nats "nats://127.0.0.1:$natsport" "$corpus"
pids=()
for i in 1 2; do
  timed "analyze-only-$i" "$binary" worker --nats "nats://127.0.0.1:$natsport" --db "$db" \
    --threads 1 --analyze-only --until-done &
  pids+=($!)
done
wait "${pids[@]}"
timed applier "$binary" worker --nats "nats://127.0.0.1:$natsport" --db "$db" --threads 1 --until-done
report "applier alone (analyses in the stream)" "$(wall applier)" "$(cpu applier)" "$(rss_mib applier)"

echo
echo "| config | wall s | articles/s | CPU s | peak RSS MiB |"
echo "|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "database sizes (MiB):"
pg "SELECT datname, pg_database_size(datname) / 1048576 FROM pg_database WHERE datname NOT IN ('postgres', 'template0', 'template1') ORDER BY 1"
