#!/usr/bin/env python3
"""The article-extraction pages read as `follow` reads them: each page with the address
it was fetched from (the benchmark's URL), through a WARC whose records carry it.
Writes the predictions score_halves.py reads, ids being the benchmark's page ids.

usage: as_fetched.py BUILD_DIR OUT.jsonl
"""
import gzip, json, pathlib, subprocess, sys, tempfile

DATA = pathlib.Path(__file__).resolve().parents[3] / "shared" / "data" / "article-extraction"


def main():
    build, out = sys.argv[1], sys.argv[2]
    gt = json.load(open(DATA / "ground-truth.json", encoding="utf-8"))
    keys = list(gt)
    with tempfile.TemporaryDirectory() as work:
        warc = pathlib.Path(work) / "pages.warc"
        with open(warc, "wb") as f:
            for key in keys:
                html = gzip.open(DATA / "html" / f"{key}.html.gz").read()
                http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html
                head = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{key[:32]}>\r\n"
                        f"WARC-Target-URI: {gt[key]['url']}\r\n"
                        f"Content-Type: application/http; msgtype=response\r\n"
                        f"Content-Length: {len(http)}\r\n\r\n").encode()
                f.write(head + http + b"\r\n\r\n")
        run = subprocess.run([f"{build}/storyline", "extract", str(warc)], capture_output=True, text=True)
        records = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    if len(records) != len(keys):
        sys.exit(f"{len(records)} articles for {len(keys)} pages: cannot pair them by order\n{run.stderr}")
    with open(out, "w", encoding="utf-8") as f:
        for key, record in zip(keys, records):
            record["id"] = key
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
