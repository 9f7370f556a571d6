#!/usr/bin/env python3
"""Writes the crime and disaster articles held out for round 6 of issue 13 as JSON Lines.

None of them was read for events before round 6: the MEANTIME Wikinews articles on a
crash, an accident and a death, GUM's news documents on deaths and a rescue at sea, and
ECB+ topics 26 (deaths in prison) and 30 (undersea cables cut), which no earlier sample
counted among the crime topics. The crime and disaster pages among the crawled
article-extraction pages are HTML and go to audit.py as files (see README.md).

    bench/audit/heldout_round6.py ../shared/data > heldout.jsonl
"""
import csv
import json
import os
import sys

MEANTIME = ["129865", "78496", "287096"]
GUM = ["GUM_news_crane", "GUM_news_stampede", "GUM_news_homeopathic", "GUM_news_asylum"]
ECBPLUS_TOPICS = {"26", "30"}


def main(argv):
    if len(argv) != 1:
        sys.exit("usage: heldout_round6.py DATA_DIR > heldout.jsonl")
    data = argv[0]
    out = sys.stdout
    with open(os.path.join(data, "meantime", "docs.tsv"), encoding="utf-8") as table:
        dates = {row["doc_id"]: row["dct"] for row in csv.DictReader(table, delimiter="\t")}
    for doc in MEANTIME:
        with open(os.path.join(data, "meantime", "docs", doc + ".txt"), encoding="utf-8") as f:
            record = {"doc_id": "meantime_" + doc, "dct": dates[doc], "text": f.read()}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    with open(os.path.join(data, "gum", "docs.tsv"), encoding="utf-8") as table:
        dates = {row["doc"]: row["dateCreated"] for row in csv.DictReader(table, delimiter="\t")}
    for doc in GUM:
        with open(os.path.join(data, "gum", "docs", doc + ".txt"), encoding="utf-8") as f:
            record = {"doc_id": doc, "dct": dates[doc], "text": f.read()}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    with open(os.path.join(data, "ecbplus", "ecbplus.jsonl"), encoding="utf-8") as source:
        for line in source:
            record = json.loads(line)
            if record["topic"] in ECBPLUS_TOPICS:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
