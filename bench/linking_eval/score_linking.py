#!/usr/bin/env python3
"""Cross-document entity linking scored against MEANTIME's instance ids.

usage: score_linking.py MEANTIME_DIR PREDICTIONS.jsonl

PREDICTIONS.jsonl is what `storyline analyze` printed for MEANTIME articles (ids = the
docs' doc_id). Each predicted mention is aligned to at most one gold mention that has a
cross-document instance id: the one it overlaps most (ties: the shorter gold span),
each gold mention taken once, largest overlaps first. Over the aligned pairs, the
predicted `entity` ids are scored against the gold instance ids with MUC and B-cubed,
and their mean F1 (the CoNLL-style score without CEAF); and pairwise P/R over pairs of
aligned mentions from different documents alone. Clusters span documents, so a
"Barra" in one article and "Mary Barra" in another only count as linked when they share
one id. Gold offsets are code points; predictions are UTF-8 bytes.
"""
import collections
import csv
import json
import os
import sys


def byte_offsets(text):
    """Code point index -> UTF-8 byte offset, for every index up to len(text)."""
    offsets, total = [], 0
    for ch in text:
        offsets.append(total)
        total += len(ch.encode("utf-8"))
    offsets.append(total)
    return offsets


def gold_mentions(meantime_dir, doc_id):
    docs = os.path.join(meantime_dir, "docs")
    text = open(os.path.join(docs, doc_id + ".txt"), encoding="utf-8").read()
    to_byte = byte_offsets(text)
    mentions = []
    with open(os.path.join(docs, doc_id + ".entities.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row["instance_id"] or row["contiguous"] != "1":
                continue
            start, end = int(row["start_char"]), int(row["end_char"])
            mentions.append((to_byte[start], to_byte[end], row["instance_id"], row["syntactic_type"]))
    return mentions


def align(predicted, gold):
    """[(predicted entity id, gold instance id)] for one document."""
    candidates = []
    for i, p in enumerate(predicted):
        for j, (gs, ge, _, _) in enumerate(gold):
            overlap = min(p["end"], ge) - max(p["start"], gs)
            if overlap > 0:
                candidates.append((-overlap, ge - gs, i, j))
    candidates.sort()
    used_p, used_g, pairs = set(), set(), []
    for _, _, i, j in candidates:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((predicted[i]["entity"], gold[j][2]))
    return pairs


def clusters(labels):
    groups = collections.defaultdict(set)
    for item, label in enumerate(labels):
        groups[label].add(item)
    return list(groups.values())


def muc(key, response):
    """MUC recall of `response` against `key` (swap the arguments for precision)."""
    owner = {}
    for k, cluster in enumerate(response):
        for item in cluster:
            owner[item] = k
    num = den = 0
    for cluster in key:
        num += len(cluster) - len({owner[item] for item in cluster})
        den += len(cluster) - 1
    return num / den if den else 0.0


def b_cubed(key, response):
    """B-cubed recall of `response` against `key` (swap the arguments for precision)."""
    owner = {}
    for cluster in response:
        for item in cluster:
            owner[item] = cluster
    total = sum(len(c & owner[item]) / len(c) for c in key for item in c)
    return total / sum(len(c) for c in key)


def cross_document_pairs(items, key):
    """Pairs of items from different documents that share key(item)."""
    by_label = collections.defaultdict(collections.Counter)
    for item in items:
        by_label[key(item)][item[0]] += 1
    total = 0
    for per_doc in by_label.values():
        n = sum(per_doc.values())
        total += (n * n - sum(c * c for c in per_doc.values())) // 2
    return total


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def main():
    meantime_dir, predictions = sys.argv[1:3]
    pairs, gold_named = [], 0
    aligned_named = 0
    for line in open(predictions, encoding="utf-8"):
        article = json.loads(line)
        gold = gold_mentions(meantime_dir, article["id"])
        gold_named += sum(1 for g in gold if g[3] in ("NAM", "PRE.NAM"))
        pairs += [(article["id"], p, g) for p, g in align(article["entities"], gold)]
    predicted = clusters([p for _, p, _ in pairs])
    key = clusters([g for _, _, g in pairs])
    scores = {}
    for name, metric in (("MUC", muc), ("B3", b_cubed)):
        r, p = metric(key, predicted), metric(predicted, key)
        scores[name] = (p, r, f1(p, r))
    print(f"aligned mentions: {len(pairs)} (gold named mentions with an instance id: {gold_named})")
    print(f"gold entities among them: {len(key)}, predicted ids: {len(predicted)}")
    for name, (p, r, f) in scores.items():
        print(f"{name:4} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    print(f"mean F1 (MUC, B3): {(scores['MUC'][2] + scores['B3'][2]) / 2:.3f}")
    both = cross_document_pairs(pairs, lambda x: (x[1], x[2]))
    said = cross_document_pairs(pairs, lambda x: x[1])
    true = cross_document_pairs(pairs, lambda x: x[2])
    p, r = (both / said if said else 0.0), (both / true if true else 0.0)
    print(f"cross-document mention pairs: P {p:.3f}  R {r:.3f}  F1 {f1(p, r):.3f} "
          f"(gold pairs {true}, predicted {said})")


if __name__ == "__main__":
    main()
