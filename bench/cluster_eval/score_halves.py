#!/usr/bin/env python3
"""B-cubed of story clusters over all articles and over two halves apart: ECB+ by odd-
and even-numbered topics (settings are chosen on the odd topics, the even ones are held
out; bench/cluster_eval/README.md), GVC by odd and even incident ids.

usage: score_halves.py CORPUS_JSONL STORIES_JSON
  CORPUS_JSONL  ../shared/data/ecbplus/ecbplus.jsonl (doc_id, topic, event_cluster) or
                ../shared/data/gvc/gvc.jsonl (doc_id, incident_id)
  STORIES_JSON  `stories --json` or cluster_eval output whose article ids are doc_ids
"""
import json
import sys


def b_cubed(articles, gold, predicted):
    """Precision, recall and F1 over `articles`, clusters restricted to them."""
    members = {}
    for name, labels in (("gold", gold), ("predicted", predicted)):
        groups = {}
        for article in articles:
            groups.setdefault(labels[article], set()).add(article)
        members[name] = {article: groups[labels[article]] for article in articles}
    precision = recall = 0.0
    for article in articles:
        shared = len(members["gold"][article] & members["predicted"][article])
        precision += shared / len(members["predicted"][article])
        recall += shared / len(members["gold"][article])
    precision /= len(articles)
    recall /= len(articles)
    return precision, recall, 2 * precision * recall / (precision + recall)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    gold, topic = {}, {}
    with open(sys.argv[1], encoding="utf-8") as corpus:
        for line in corpus:
            record = json.loads(line)
            if "event_cluster" in record:
                gold[record["doc_id"]] = record["event_cluster"]
                topic[record["doc_id"]] = int(record["topic"])
            else:
                gold[record["doc_id"]] = record["incident_id"]
                topic[record["doc_id"]] = int(record["incident_id"])
    with open(sys.argv[2], encoding="utf-8") as stories:
        predicted = {article: story["id"] for story in json.load(stories)["stories"]
                     for article in story["articles"]}
    missing = sorted(set(gold) - set(predicted))
    if missing:
        sys.exit(f"{sys.argv[2]}: {len(missing)} articles in no story, first {missing[0]}")
    unit = "topics" if "topic" in record else "incidents"
    for name, keep in (("all", lambda t: True), (f"odd {unit}", lambda t: t % 2 == 1),
                       (f"even {unit}", lambda t: t % 2 == 0)):
        articles = [a for a in gold if keep(topic[a])]
        p, r, f = b_cubed(articles, gold, predicted)
        print(f"{name}: {len(articles)} articles, B3 precision {p:.3f} recall {r:.3f} F1 {f:.3f}")


if __name__ == "__main__":
    main()
