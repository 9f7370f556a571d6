"""Articles of ECB+ and GVC as `storyline ingest` inputs, each with an outlet, so that
`storyline compare` has outlets to set side by side.

Neither corpus names its outlets. An ECB+ article whose first line is its crawled URL
gets the URL's host ("latimes.com"); every other article is its own outlet, named after
its id ("outlet of 1_10ecb"): the corpora gather each event's reports from different
papers, so one outlet per article is the closest honest guess.

usage: make_inputs.py SHARED_DATA_DIR OUT_DIR   (writes ecbplus.jsonl and gvc.jsonl)
"""
import json
import re
import sys

data, out = sys.argv[1], sys.argv[2]
URL = re.compile(r"https?: / / (?:www\. )?([^/]+?) /")

for name in ("ecbplus", "gvc"):
    with open(f"{data}/{name}/{name}.jsonl", encoding="utf-8") as corpus, \
         open(f"{out}/{name}.jsonl", "w", encoding="utf-8") as written:
        for line in corpus:
            record = json.loads(line)
            first = record["text"].split("\n", 1)[0]
            host = URL.match(first)
            source = host.group(1).replace(" ", "") if host else f"outlet of {record['doc_id']}"
            article = {"id": record["doc_id"], "source": source, "text": record["text"]}
            if record.get("dct"):
                article["published"] = record["dct"][:10]
            written.write(json.dumps(article) + "\n")
