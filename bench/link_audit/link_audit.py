"""Cross-article links to judge by hand: mentions in different articles that `storyline
analyze` (or a store) gave the same entity id with different surfaces.

usage:
  link_audit.py pairs ARTICLES.jsonl ANALYSIS.jsonl [--sample N] [--seed S] [--tsv OUT]
      Counts the ids shared by several articles and, among them, those whose mentions
      differ in surface across articles ("Biden" / "Joe Biden"); prints N of the latter
      (default 50), each as one pair of mentions from two articles with their sentences.
      Pairs are drawn one per id, so a frequent entity weighs no more than a rare one.
      With --tsv, writes the pairs as a verdict sheet (verdict column left empty).
  link_audit.py score VERDICTS.tsv
      Precision of a filled sheet: verdict `same` (one real-world entity), `diff` (two),
      `unsure` (left out of the figure).

ARTICLES.jsonl is what analyze read (for the texts); offsets are UTF-8 byte offsets.
"""
import argparse
import collections
import csv
import json
import random
import sys


def sentence_at(text_bytes, start, end):
    """The line or sentence around a byte span, the mention marked with [[ ]]."""
    left = max(text_bytes.rfind(b"\n", 0, start), text_bytes.rfind(b". ", 0, start))
    left = 0 if left < 0 else left + 1
    right_candidates = [i for i in (text_bytes.find(b"\n", end), text_bytes.find(b". ", end)) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text_bytes)
    if start - left > 300:
        left = start - 300
    if right - end > 300:
        right = end + 300
    piece = (text_bytes[left:start] + b"[[" + text_bytes[start:end] + b"]]" + text_bytes[end:right])
    return piece.decode("utf-8", "replace").strip().replace("\t", " ").replace("\n", " ")


def load(articles_path, analysis_path):
    texts = {}
    with open(articles_path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            texts[record["id"]] = record.get("text", "").encode("utf-8")
    by_id = collections.defaultdict(list)  # entity id -> [(article, mention)]
    with open(analysis_path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            for mention in record.get("entities", []):
                by_id[mention["entity"]].append((record["id"], mention))
    return texts, by_id


def surface(mention):
    text = mention["text"]
    for possessive in ("'s", "\u2019s"):
        if text.endswith(possessive):
            text = text[: -len(possessive)]
    return text


def pairs(args):
    texts, by_id = load(args.articles, args.analysis)
    shared = {entity: mentions for entity, mentions in by_id.items()
              if len({article for article, _ in mentions}) > 1}
    differing = {}
    for entity, mentions in sorted(shared.items()):
        surfaces_by_article = collections.defaultdict(dict)
        for article, mention in mentions:
            surfaces_by_article[article].setdefault(surface(mention), mention)
        all_surfaces = {s for per in surfaces_by_article.values() for s in per}
        if len(all_surfaces) > 1:
            differing[entity] = surfaces_by_article
    mixed_types = sorted(e for e, m in shared.items() if len({x["type"] for _, x in m}) > 1)
    print(f"ids in more than one article: {len(shared)}; with different surfaces across "
          f"articles: {len(differing)}; with more than one type: {len(mixed_types)}")
    rng = random.Random(args.seed)
    chosen = sorted(differing)
    rng.shuffle(chosen)
    rows = []
    for entity in chosen[: args.sample]:
        per_article = differing[entity]
        options = [(a, s, m) for a, per in sorted(per_article.items()) for s, m in per.items()]
        candidates = [(x, y) for i, x in enumerate(options) for y in options[i + 1:]
                      if x[0] != y[0] and x[1] != y[1]]
        (a, sa, ma), (b, sb, mb) = rng.choice(candidates)
        rows.append({
            "id": entity,
            "article_a": a, "type_a": ma["type"], "surface_a": sa,
            "sentence_a": sentence_at(texts.get(a, b""), ma["start"], ma["end"]),
            "article_b": b, "type_b": mb["type"], "surface_b": sb,
            "sentence_b": sentence_at(texts.get(b, b""), mb["start"], mb["end"]),
            "verdict": "", "note": ""})
    for n, row in enumerate(rows, 1):
        print(f"\n{n}. {row['id']}\n   A {row['article_a'][:24]} {row['type_a']} "
              f"'{row['surface_a']}': {row['sentence_a']}\n   B {row['article_b'][:24]} "
              f"{row['type_b']} '{row['surface_b']}': {row['sentence_b']}")
    if args.tsv:
        with open(args.tsv, "w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["id"],
                                    delimiter="\t")
            writer.writeheader()
            writer.writerows(rows)


def score(args):
    with open(args.verdicts, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    counts = collections.Counter(row["verdict"].strip() for row in rows)
    judged = counts["same"] + counts["diff"]
    precision = counts["same"] / judged if judged else float("nan")
    print(f"{args.verdicts}: same {counts['same']}, diff {counts['diff']}, unsure "
          f"{counts['unsure']}, unjudged {len(rows) - judged - counts['unsure']}; "
          f"precision {precision:.3f}")
    for row in rows:
        if row["verdict"].strip() == "diff":
            print(f"  diff: {row['id']}: '{row['surface_a']}' / '{row['surface_b']}'  {row['note']}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("pairs")
    p.add_argument("articles")
    p.add_argument("analysis")
    p.add_argument("--sample", type=int, default=50)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--tsv")
    p.set_defaults(run=pairs)
    s = sub.add_parser("score")
    s.add_argument("verdicts")
    s.set_defaults(run=score)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    sys.exit(main())
