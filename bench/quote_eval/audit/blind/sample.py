"""Samples statements for a blind hand check. usage: python3 sample.py CORPUS N SEED VERSION [EXCLUDE.tsv...]
reads CORPUS.jsonl and CORPUS.VERSION.jsonl (`storyline analyze` output) and prints N
quotations VERSION does not flag partial, drawn with SEED, leaving out those (document,
start) already in an EXCLUDE table: as a table to mark (stdout) and, on stderr, each one with
the text around it."""
import json
import random
import sys

corpus, n, seed, version = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
excluded = set()
for path in sys.argv[5:]:
    for line in open(path):
        fields = line.split("\t")
        if len(fields) > 2 and fields[2].isdigit():
            excluded.add((fields[1], int(fields[2])))
texts = {json.loads(l)["id"]: json.loads(l)["text"] for l in open(corpus + ".jsonl")}
found = {}
for line in open(f"{corpus}.{version}.jsonl"):
    a = json.loads(line)
    for q in a["quotes"]:
        if not q.get("partial") and (a["id"], q["start"]) not in excluded:
            found[(a["id"], q["start"])] = q
random.seed(seed)
for i, k in enumerate(sorted(random.sample(sorted(found), min(n, len(found))))):
    q = found[k]
    text = texts[k[0]].encode()
    speaker = q.get("speaker") or "-"
    before = text[max(0, q["start"] - 400):q["start"]].decode("utf8", "replace").replace("\n", " / ")
    after = text[q["end"]:q["end"] + 160].decode("utf8", "replace").replace("\n", " / ")
    print(f"{corpus}#{i}\t{k[0]}\t{k[1]}\t{q['text'][:120]}\t\t{speaker}\t")
    print(f"{corpus}#{i}\t{k[0]}\t{k[1]}\t{version}={speaker}\n   ...{before}<<{q['text'][:200]}>>{after}\n",
          file=sys.stderr)
