"""Writes the quote-audit corpora into the current folder, each split in two halves:
gvc_<h>.jsonl and ae_<h>.jsonl by md5(document id) % 2, ecb_<h>.jsonl by ECB+ topic parity.
Half 0 is the development half, half 1 the held-out one. usage: python3 halves.py"""
import hashlib
import json
import pathlib

DATA = pathlib.Path(__file__).resolve().parents[4] / "shared" / "data"


def half(doc_id):
    return int(hashlib.md5(doc_id.encode()).hexdigest(), 16) % 2


out = {}
for key, body in json.load(open(DATA / "article-extraction" / "ground-truth.json")).items():
    out.setdefault(("ae", half(key)), []).append({"id": "ae-" + key[:12], "text": body["articleBody"]})
for line in open(DATA / "gvc" / "gvc.jsonl"):
    r = json.loads(line)
    out.setdefault(("gvc", half(r["doc_id"])), []).append(
        {"id": "gvc-" + r["doc_id"][:12], "text": r["text"], "published": r["dct"]})
for line in open(DATA / "ecbplus" / "ecbplus.jsonl"):
    r = json.loads(line)
    out.setdefault(("ecb", int(r["topic"]) % 2), []).append({"id": "ecb-" + r["doc_id"], "text": r["text"]})
for (corpus, h), records in sorted(out.items()):
    with open(f"{corpus}_{h}.jsonl", "w") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")
    print(corpus, h, len(records))
