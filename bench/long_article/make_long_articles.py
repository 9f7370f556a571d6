#!/usr/bin/env python3
"""Writes long articles built from real news text, one JSON Lines record per size.

Each record's text is real articles of one source joined by blank lines, in a fixed
order, the list repeated when it runs out, until the record holds the size's number of
words exactly (the last article cut short): a live blog or a document dump as `analyze`
may be given one. The two sources are disjoint, so a speed-up found on one can be
checked on the other:
  extraction  the 121 article-extraction bodies (news pages of many outlets, ~75k words)
  ecbplus     the 772 ECB+ documents (news on 35 topics, rebuilt from tokens, ~250k words)
Words are whitespace tokens (ASCII space, tab, newline, CR, FF, VT), as in
bench/pipeline_compare.

usage: make_long_articles.py SHARED_DIR OUT.jsonl --source extraction|ecbplus
                             [--words N ...]
"""
import argparse
import json
import re
from pathlib import Path

WHITESPACE = re.compile(r"[ \t\n\r\f\v]+")


def word_count(text):
    return len([w for w in WHITESPACE.split(text) if w])


def extraction_texts(data):
    truth = json.loads((data / "article-extraction" / "ground-truth.json").read_text("utf-8"))
    return [truth[key]["articleBody"] for key in sorted(truth)]


def ecbplus_texts(data):
    with open(data / "ecbplus" / "ecbplus.jsonl", encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def long_text(texts, size):
    parts = []
    words = 0
    while words < size:
        for text in texts:
            text = text.strip()
            count = word_count(text)
            if words + count > size:
                # The last article is cut after the size's last word.
                cut = list(WHITESPACE.finditer(text))[size - words - 1]
                text = text[:cut.start()]
                count = size - words
            parts.append(text)
            words += count
            if words == size:
                break
    return "\n\n".join(parts) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared_dir", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--source", choices=["extraction", "ecbplus"], required=True)
    parser.add_argument("--words", type=int, nargs="+",
                        default=[1_000, 10_000, 100_000, 200_000])
    args = parser.parse_args()

    data = args.shared_dir / "data"
    texts = [t for t in (extraction_texts(data) if args.source == "extraction"
                         else ecbplus_texts(data)) if t.strip()]
    with open(args.out, "w", encoding="utf-8") as out:
        for size in args.words:
            record = {"id": f"{args.source}-{size}", "source": "Benchmark",
                      "published": "2024-05-01", "text": long_text(texts, size)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
