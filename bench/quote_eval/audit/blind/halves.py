"""Writes the corpora of the second, harder quote audit into the current folder, each split in
two halves that share no host, incident or topic. Half 0 is the development half, half 1 the
held-out one. usage: python3 halves.py

  ae:  article-extraction pages from hosts no earlier audit read (bench/quote_eval/audit,
       bench/audit/marked), split by md5(host) % 2
  gvc: Gun Violence Corpus by incident: odd incidents half 0, even ones half 1
  ecb: ECB+ by topic: odd topics half 0, even ones half 1
"""
import glob
import hashlib
import json
import pathlib
import urllib.parse

HERE = pathlib.Path(__file__).resolve().parent
DATA = HERE.parents[4] / "shared" / "data"


def md5_half(key):
    return int(hashlib.md5(key.encode()).hexdigest(), 16) % 2


def read_before():
    """Document ids any earlier audit sampled, in both spellings (12-hex prefix and full hash)."""
    seen = set()
    for path in glob.glob(str(HERE.parent / "audit_*.tsv")) + glob.glob(
            str(HERE.parents[2] / "audit" / "marked" / "*article_extraction*.tsv")):
        for line in open(path):
            fields = line.split("\t")
            if len(fields) > 2:
                seen.add(fields[1].removeprefix("ae-")[:12])
    return seen


def host(url):
    return urllib.parse.urlparse(url).netloc.removeprefix("www.")


pages = json.load(open(DATA / "article-extraction" / "ground-truth.json"))
before = read_before()
hosts_read = {host(body["url"]) for key, body in pages.items() if key[:12] in before}
out = {}
for key, body in pages.items():
    if host(body["url"]) not in hosts_read:
        out.setdefault(("ae", md5_half(host(body["url"]))), []).append(
            {"id": "ae-" + key[:12], "text": body["articleBody"]})
for line in open(DATA / "gvc" / "gvc.jsonl"):
    r = json.loads(line)
    out.setdefault(("gvc", 1 - int(r["incident_id"]) % 2), []).append(
        {"id": "gvc-" + r["doc_id"][:12], "text": r["text"], "published": r["dct"]})
for line in open(DATA / "ecbplus" / "ecbplus.jsonl"):
    r = json.loads(line)
    out.setdefault(("ecb", 1 - int(r["topic"]) % 2), []).append(
        {"id": "ecb-" + r["doc_id"], "text": r["text"]})
for (corpus, h), records in sorted(out.items()):
    with open(f"{corpus}_{h}.jsonl", "w") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")
    print(corpus, h, len(records))
