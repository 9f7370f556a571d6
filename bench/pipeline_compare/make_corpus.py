#!/usr/bin/env python3
"""Writes the benchmark text: real news-like English articles as JSON Lines.

The articles are the five seeds, the 45 sample articles, the 90 MEANTIME documents and
the 121 article-extraction bodies (about 126k words). The list is written again, whole,
until the file holds at least --min-words words, so every tool sees the same text in
the same order. Words are whitespace tokens (ASCII space, tab, newline, CR, FF, VT),
the count every tool of the comparison uses.

usage: make_corpus.py SHARED_DIR REPO_DIR OUT.jsonl [--min-words N]
"""
import argparse
import csv
import json
import re
from pathlib import Path

WHITESPACE = re.compile(r"[ \t\n\r\f\v]+")


def word_count(text):
    return len([w for w in WHITESPACE.split(text) if w])


def jsonl_articles(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                record = json.loads(line)
                yield {key: record[key] for key in ("id", "source", "published", "text")
                       if key in record}


def meantime_articles(meantime_dir):
    with open(meantime_dir / "docs.tsv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            text = (meantime_dir / "docs" / (row["doc_id"] + ".txt")).read_text(encoding="utf-8")
            yield {"id": "meantime-" + row["doc_id"], "source": "Wikinews",
                   "published": row["dct"], "text": text}


def extraction_articles(extraction_dir):
    truth = json.loads((extraction_dir / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        yield {"id": "extraction-" + key[:16], "text": truth[key]["articleBody"]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared_dir", type=Path)
    parser.add_argument("repo_dir", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--min-words", type=int, default=200_000)
    args = parser.parse_args()

    data = args.shared_dir / "data"
    articles = [
        *jsonl_articles(args.shared_dir / "seeds" / "seeds.jsonl"),
        *jsonl_articles(args.repo_dir / "data" / "sample" / "articles.jsonl"),
        *meantime_articles(data / "meantime"),
        *extraction_articles(data / "article-extraction"),
    ]
    words_per_pass = sum(word_count(a["text"]) for a in articles)
    written_words = 0
    written_articles = 0
    with open(args.out, "w", encoding="utf-8") as out:
        copy = 0
        while written_words < args.min_words:
            for article in articles:
                record = dict(article, id=f"{article['id']}-copy{copy}")
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            written_words += words_per_pass
            written_articles += len(articles)
            copy += 1
    print(f"{args.out}: {written_articles} articles, {written_words} words "
          f"({len(articles)} distinct articles, {words_per_pass} words, written {copy} times)")


if __name__ == "__main__":
    main()
