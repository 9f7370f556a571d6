#!/usr/bin/env python3
"""The best any name recognizer can score on GUM under the shared NER scorer.

Writes, for each document of INPUT.jsonl (from `make-inputs.py gum`), every gold mention
of a person, organization or place whose head is a proper noun, with GUM's exact span
(titles, appositions and relative clauses included), in `storyline analyze`'s shape.
Scoring that with `score-ner.py gum` shows what names alone can reach: the scorer's gold
also holds pronouns and common nouns that carry a Wikidata id ("he", "the city's").

usage: gum_name_oracle.py GUM_DIR INPUT.jsonl > oracle.jsonl
       score-ner.py gum GUM_DIR oracle.jsonl INPUT.jsonl
"""
import csv
import json
import os
import sys

TYPES = {"person": "PERSON", "organization": "ORG", "place": "PLACE"}


def byte_offsets(text):
    offsets = [0]
    for ch in text:
        offsets.append(offsets[-1] + len(ch.encode("utf-8")))
    return offsets


def main(gum_dir, input_path):
    for line in open(input_path, encoding="utf-8"):
        doc = json.loads(line)
        text, offsets = doc["text"], byte_offsets(doc["text"])
        path = os.path.join(gum_dir, "docs", doc["id"] + ".entities.tsv")
        entities = []
        for row in csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"):
            if row["type"] not in TYPES or row["head_upos"] != "PROPN":
                continue
            start, end = int(row["start_char"]), int(row["end_char"])
            entities.append({"text": text[start:end], "type": TYPES[row["type"]],
                             "start": offsets[start], "end": offsets[end]})
        print(json.dumps({"id": doc["id"], "entities": entities}))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
