#!/bin/sh
# End-to-end rate of `storyline follow --once` on a loopback site of N article pages
# listed in one RSS feed, host delay 0: pages/s and peak RSS, beside the rate at which
# curl alone fetches the same pages.
#
#   bench/follow/run.sh BUILD_DIR [N]     (default N: 1000)
set -eu
build=${1:?usage: bench/follow/run.sh BUILD_DIR [N]}
n=${2:-1000}
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/site/news"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 - "$work/site" "$n" "$port" <<'PY'
import sys
site, n, port = sys.argv[1], int(sys.argv[2]), sys.argv[3]
topics = ["dock strike", "ferry shutdown", "port talks", "bridge repairs", "harbor dredging"]
items = []
for i in range(n):
    topic = topics[i % len(topics)]
    paragraphs = "".join(
        f"<p>Officials in Harbor City said on day {i} that the {topic} would continue for "
        f"several more weeks, according to a statement by the port authority after meeting "
        f"union leaders and council member Maria Lopez number {i}.</p>" for _ in range(5))
    with open(f"{site}/news/{i}.html", "w") as f:
        f.write(f"<html><head><title>Report {i} on the {topic}</title></head><body><article>"
                f"<h1>Report {i} on the {topic}</h1>{paragraphs}</article></body></html>")
    items.append(f"<item><title>Report {i}</title><link>http://127.0.0.1:{port}/news/{i}.html</link></item>")
with open(f"{site}/rss.xml", "w") as f:
    f.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title>'
            + "".join(items) + "</channel></rss>")
PY
(cd "$work/site" && exec python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1) &
server=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/rss.xml" && break; sleep 0.2; done
echo "http://127.0.0.1:$port/rss.xml" > "$work/feeds.txt"
start=$(date +%s.%N)
for i in $(seq 0 $((n - 1))); do
  echo "url = \"http://127.0.0.1:$port/news/$i.html\""
  echo 'output = "/dev/null"'
done > "$work/curl.cfg"
curl -s -K "$work/curl.cfg"
curl_s=$(echo "$(date +%s.%N) - $start" | bc)
/usr/bin/time -f "%e %M" -o "$work/time" "$build/storyline" follow --once --host-delay 0 \
  --db "$work/bench.db" --feeds "$work/feeds.txt" 2>"$work/follow.err"
read -r seconds peak_kb < "$work/time"
tail -1 "$work/follow.err"
echo "pages=$n follow_s=$seconds follow_pages_per_s=$(echo "scale=1; $n / $seconds" | bc)" \
  "peak_rss_mb=$((peak_kb / 1024)) curl_s=$curl_s curl_pages_per_s=$(echo "scale=1; $n / $curl_s" | bc)"
