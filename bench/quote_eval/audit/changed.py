"""Every quotation whose speaker or partial flag differs between two versions, with the text
before it, to read. usage: python3 changed.py CORPUS A B  (reads CORPUS.jsonl, CORPUS.A.jsonl
and CORPUS.B.jsonl, `storyline analyze` output of each version; prints the count on stderr)"""
import json, sys
c, a, b = sys.argv[1:4]
texts = {json.loads(l)["id"]: json.loads(l)["text"] for l in open(c + ".jsonl")}
def load(v):
    out = {}
    for l in open(f"{c}.{v}.jsonl"):
        d = json.loads(l)
        for q in d["quotes"]:
            out[(d["id"], q["start"])] = q
    return out
A, B = load(a), load(b)
n = 0
for k in sorted(set(A) | set(B)):
    qa, qb = A.get(k), B.get(k)
    sa = (qa.get("speaker") or "-", bool(qa.get("partial"))) if qa else None
    sb = (qb.get("speaker") or "-", bool(qb.get("partial"))) if qb else None
    if sa == sb: continue
    n += 1
    q = qb or qa
    t = texts[k[0]].encode()
    before = t[max(0, q["start"] - 300):q["start"]].decode("utf8", "replace").replace("\n", " / ")
    after = t[q["end"]:q["end"] + 120].decode("utf8", "replace").replace("\n", " / ")
    print(f"{c}\t{k[0]}\t{k[1]}\t{a}={sa}\t{b}={sb}\n   ...{before}<<{q['text'][:160]}>>{after}\n")
print(c, "changed", n, file=sys.stderr)
