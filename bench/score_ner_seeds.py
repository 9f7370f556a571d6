"""Scores entity predictions on the five seed articles against bench/ner_seeds_gold.tsv.
usage: score_ner_seeds.py SEEDS.jsonl PRED.jsonl [--misses]   (PRED: {"id","entities":[{start,end,type}]},
UTF-8 byte offsets, e.g. `storyline analyze SEEDS.jsonl`). Prints precision/recall per type,
exact spans. With --misses, also lists each missed gold name and each wrong prediction
(id, type, text)."""
import csv, json, os, re, sys

gold_names = {}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "ner_seeds_gold.tsv"), encoding="utf-8") as f:
    for row in csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t"):
        gold_names.setdefault(row["id"], []).append((row["name"], row["type"]))

texts = {}
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line); texts[r["id"]] = r["text"]

def gold_spans(doc):
    text = texts[doc]; taken = [False] * len(text); spans = set()
    for name, typ in sorted(gold_names.get(doc, []), key=lambda x: -len(x[0])):
        for m in re.finditer(re.escape(name), text):
            s, e = m.start(), m.end()
            if (s > 0 and text[s - 1].isalnum()) or (e < len(text) and (text[e].isalnum() or text[e] == "-")):
                continue
            if any(taken[s:e]): continue
            for k in range(s, e): taken[k] = True
            spans.add((len(text[:s].encode()), len(text[:e].encode()), typ))
    return spans

def span_text(doc, s, e):
    return texts[doc].encode()[s:e].decode()

misses, wrong = [], []
counts = {t: [0, 0, 0] for t in ("PERSON", "ORG", "PLACE", "all")}  # tp, pred, gold
for line in open(sys.argv[2], encoding="utf-8"):
    r = json.loads(line)
    if r["id"] not in texts: continue
    gold = gold_spans(r["id"])
    pred = {(e["start"], e["end"], e["type"]) for e in r["entities"] if e["type"] in ("PERSON", "ORG", "PLACE")}
    misses += [(r["id"], t, span_text(r["id"], s, e)) for s, e, t in sorted(gold - pred)]
    wrong += [(r["id"], t, span_text(r["id"], s, e)) for s, e, t in sorted(pred - gold)]
    for t in ("PERSON", "ORG", "PLACE", "all"):
        g = {x for x in gold if t in ("all", x[2])}; p = {x for x in pred if t in ("all", x[2])}
        counts[t][0] += len(g & p); counts[t][1] += len(p); counts[t][2] += len(g)
for t, (tp, n_pred, n_gold) in counts.items():
    P = tp / max(1, n_pred); R = tp / max(1, n_gold); F = 2 * P * R / max(1e-9, P + R)
    print(f"seeds {t:6s} precision {P:.2f} recall {R:.2f} F1 {F:.2f} (pred {n_pred}, gold {n_gold})")
if "--misses" in sys.argv[3:]:
    for label, rows in (("missed", misses), ("wrong", wrong)):
        for doc, typ, name in rows:
            print(f"{label}\t{doc}\t{typ}\t{name}")
