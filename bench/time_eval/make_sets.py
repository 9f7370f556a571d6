#!/usr/bin/env python3
"""Builds the time evaluation sets in the shape score-timex.py reads (TempEval-3 value F1):
per set an input (`id`, `published`, `text`) and a gold (`id`, `dct`, `timex` = [{start, end,
value, text}], code-point offsets).

  meantime_<company>  MEANTIME, one company each (airbus, apple, gm): every TIMEX3 with a
                      value, the creation time written under the title included. MEANTIME
                      marks times only in the title, the date line and the next four
                      sentences: `<set>.region.json` gives, per document, the UTF-8 byte
                      offset where that part ends, and predictions after it are not scored
  gum_news            GUM news documents: every date with an ISO `when` value (TEI values of
                      no year, "--07", and clock times "08:00:00" are left out: no ISO form)

usage: make_sets.py SHARED_DATA_DIR OUT_DIR"""
import csv, json, os, re, sys

data, out = sys.argv[1:3]
os.makedirs(out, exist_ok=True)


def rows(path):
    return list(csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"))


def write(name, docs):
    with open(os.path.join(out, name + ".jsonl"), "w", encoding="utf-8") as inp, \
         open(os.path.join(out, name + ".gold.jsonl"), "w", encoding="utf-8") as gold:
        for doc_id, published, text, timex in docs:
            inp.write(json.dumps({"id": doc_id, "published": published, "text": text},
                                 ensure_ascii=False) + "\n")
            gold.write(json.dumps({"id": doc_id, "dct": published, "timex": timex},
                                  ensure_ascii=False) + "\n")


meantime = os.path.join(data, "meantime")
for company in ("airbus", "apple", "gm"):
    docs = []
    region = {}
    for r in rows(os.path.join(meantime, "docs.tsv")):
        if r["corpus"] != "corpus_" + company:
            continue
        text = open(os.path.join(meantime, "docs", r["doc_id"] + ".txt"), encoding="utf-8").read()
        timex = [{"start": int(t["start_char"]), "end": int(t["end_char"]), "value": t["value"],
                  "text": t["surface"]}
                 for t in rows(os.path.join(meantime, "docs", r["doc_id"] + ".timex.tsv"))
                 if t["value"]]
        docs.append((r["doc_id"], r["dct"] or None, text, timex))
        tokens = rows(os.path.join(meantime, "docs", r["doc_id"] + ".tokens.tsv"))
        end = max(int(t["end_char"]) for t in tokens if int(t["sent_idx"]) <= 5)
        region[r["doc_id"]] = len(text[:end].encode("utf-8"))
    write("meantime_" + company, docs)
    json.dump(region, open(os.path.join(out, "meantime_" + company + ".region.json"), "w"))

gum = os.path.join(data, "gum")
docs = []
for r in rows(os.path.join(gum, "docs.tsv")):
    if not r["doc"].startswith("GUM_news_"):
        continue
    text = open(os.path.join(gum, "docs", r["doc"] + ".txt"), encoding="utf-8").read()
    timex = [{"start": int(t["start_char"]), "end": int(t["end_char"]), "value": t["when"],
              "text": t["surface"]}
             for t in rows(os.path.join(gum, "docs", r["doc"] + ".dates.tsv"))
             if re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", t["when"])]
    docs.append((r["doc"], r["dateCreated"] or None, text, timex))
write("gum_news", docs)
