"""Samples statements for a hand check. usage: python3 sample.py CORPUS N SEED VERSION...
reads CORPUS.jsonl and CORPUS.VERSION.jsonl (`storyline analyze` output) and prints N quotations
not flagged partial by some version, drawn with SEED, each with every version's speaker and the
text around it."""
import json
import random
import sys

corpus, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
versions = sys.argv[4:]
texts = {json.loads(l)["id"]: json.loads(l)["text"] for l in open(corpus + ".jsonl")}


def quotes(path):
    found = {}
    for line in open(path):
        a = json.loads(line)
        for q in a["quotes"]:
            found[(a["id"], q["start"])] = q
    return found


outputs = [quotes(f"{corpus}.{v}.jsonl") for v in versions]
keys = sorted(k for k in set().union(*outputs)
              if any(k in o and not o[k].get("partial") for o in outputs))
random.seed(seed)
for i, k in enumerate(sorted(random.sample(keys, min(n, len(keys))))):
    q = next(o[k] for o in reversed(outputs) if k in o)
    text = texts[k[0]].encode()
    speakers = "\t".join(f"{v}={o[k].get('speaker') if k in o else 'NOSPAN'}"
                         for v, o in zip(versions, outputs))
    before = text[max(0, q["start"] - 330):q["start"]].decode("utf8", "replace").replace("\n", " / ")
    after = text[q["end"]:q["end"] + 130].decode("utf8", "replace").replace("\n", " / ")
    print(f"#{i}\t{k[0]}\t{k[1]}\t{speakers}\n   ...{before}<<{q['text'][:170]}>>{after}\n")
