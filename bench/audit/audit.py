#!/usr/bin/env python3
"""Audit storyline's facts by hand: sample N facts of one kind and print each in its sentence.

Runs `storyline extract` (for the article text) and `storyline analyze` (for the facts)
on the input, samples facts at random with a fixed seed, and prints per fact the article
id, the sentence around it with the fact marked [[like this]], and the fact's fields. With
--tsv it also writes the sample as a table with an empty `verdict` column for a person to
fill in (y = right, p = partly right, n = wrong); --score reads such tables back and
prints precision per kind.

Kinds: quotes, events, times, quantities, entities (one fact each), and articles (one
article each: its title and lead with every event of the lead, to judge whether the
article's central happening was found with the right type and patient).

Corpus JSON Lines whose records carry `doc_id` (and `dct`) instead of `id` (and
`published`), as in ../shared/data, are read as articles; --where FIELD=REGEX keeps only
the records whose FIELD matches REGEX in full (e.g. --where 'incident_id=\\d*[13579]' for
the odd GVC incidents). Python 3 standard library only.
"""

import argparse
import collections
import csv
import glob
import json
import os
import random
import re
import subprocess
import sys
import tempfile

KINDS = ("quotes", "events", "times", "quantities", "entities", "articles")
VERDICTS = {"y": "right", "p": "partly", "n": "wrong"}
TSV_FIELDS = ("kind", "article", "start", "end", "fact", "fields", "sentence", "verdict", "note")

# A sentence ends after ., ! or ? (and any closing quote or bracket) before white space,
# unless the stop ends a title or an initial ("Mr.", "Gov.", "J.") or the next word starts
# in lower case or with a digit ("U.S. officials", "at 3 a.m. on"); a line break always
# ends one.
SENTENCE_END = re.compile(rb"[.!?][\"'\)\]\xe2\x80\x9d\xe2\x80\x99]*\s+|\n+")
TITLE_OR_INITIAL = re.compile(
    rb"\b(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|Gov|Sen|Rep|Lt|Col|Gen|Capt|Sgt|Det|Cpl|Ft|Mt|No|vs|[A-Z])\.$")
CONTINUES = re.compile(rb"[a-z0-9]")
SHORT_SENTENCE = 60  # bytes

# Lines of page furniture, no sentences of the article: a web address ("http: / / www.
# odt. co. nz / ...") or a dateline of words for dates and clock times alone ("Posted Oct
# 26, 2011 8: 57 AM CDT", "Sun, 15 Sep 2013"). The lead of an article skips them.
WEB_ADDRESS = re.compile(rb"\s*(?:https?\s*:|www\s*\.)", re.I)
DATE_WORDS = re.compile(
    rb"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|"
    rb"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?|"
    rb"posted|updated|published|last|modified|at|on|am|pm|[apm]\.|\d+(?:st|nd|rd|th)|"
    rb"[ecmp][sd]t|gmt|utc|[\d\s.,:/|@\-]+", re.I)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--storyline", default="build/storyline", help="the storyline binary")
    parser.add_argument("--kind", choices=KINDS, help="which facts to sample")
    parser.add_argument("--n", type=int, default=50, help="how many facts (or articles)")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the sample")
    parser.add_argument("--where", action="append", default=[], metavar="FIELD=REGEX",
                        help="keep JSON Lines records whose FIELD fully matches REGEX")
    parser.add_argument("--types", help="events only: comma-separated event types to keep")
    parser.add_argument("--no-statements", action="store_true",
                        help="events and articles: leave STATEMENT events out")
    parser.add_argument("--lead", type=int, default=3,
                        help="articles: how many sentences of the lead to show (title counts)")
    parser.add_argument("--unmarked", action="append", default=[], metavar="GLOB",
                        help="leave out the articles of the marked samples GLOB matches, so "
                             "that the sample holds articles nobody has read")
    parser.add_argument("--tsv", help="also write the sample to this TSV with an empty verdict")
    parser.add_argument("--score", nargs="+", metavar="FILE.tsv",
                        help="print precision per kind from filled-in TSVs, run nothing else")
    parser.add_argument("inputs", nargs="*", metavar="INPUT")
    args = parser.parse_args(argv)
    if args.score:
        return args
    if not args.kind or not args.inputs:
        parser.error("--kind and at least one INPUT are needed (or --score FILE.tsv)")
    return args


def matches(record, conditions):
    for field, pattern in conditions:
        value = record.get(field)
        if value is None or not re.fullmatch(pattern, str(value)):
            return False
    return True


def prepare_inputs(inputs, conditions, workdir):
    """Copies JSON Lines inputs into storyline's article shape, keeping the --where matches.

    Other inputs (txt, html, warc, directories) pass through; --where cannot read them.
    """
    prepared = []
    for index, path in enumerate(inputs):
        name = path[:-3] if path.endswith(".gz") else path
        if not name.endswith(".jsonl") or os.path.isdir(path):
            if conditions:
                sys.exit(f"audit: --where reads JSON Lines only, not {path}")
            prepared.append(path)
            continue
        opener = open
        if path.endswith(".gz"):
            import gzip
            opener = gzip.open
        out_path = os.path.join(workdir, f"input{index}.jsonl")
        with opener(path, "rt", encoding="utf-8") as source, \
                open(out_path, "w", encoding="utf-8") as out:
            for line in source:
                if not line.strip():
                    continue
                record = json.loads(line)
                if not matches(record, conditions):
                    continue
                if "id" not in record and "doc_id" in record:
                    record["id"] = record["doc_id"]
                if "published" not in record and record.get("dct"):
                    record["published"] = record["dct"][:10]
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        prepared.append(out_path)
    return prepared


def run_storyline(binary, command, inputs):
    result = subprocess.run([binary, command, *inputs], capture_output=True)
    if result.returncode not in (0, 1):
        sys.exit(f"audit: storyline {command} failed:\n{result.stderr.decode(errors='replace')}")
    if result.returncode == 1:
        print(f"audit: storyline {command} skipped bad records:\n"
              f"{result.stderr.decode(errors='replace')}", file=sys.stderr)
    return [json.loads(line) for line in result.stdout.decode("utf-8").splitlines() if line]


def sentence_spans(text):
    """Byte spans of the sentences of UTF-8 `text`."""
    spans = []
    start = 0
    for stop in SENTENCE_END.finditer(text):
        if stop.group().startswith(b".") and b"\n" not in stop.group() and (
                TITLE_OR_INITIAL.search(text[start:stop.start() + 1])
                or CONTINUES.match(text, stop.end())):
            continue
        if stop.start() > start:
            spans.append((start, stop.start() + len(stop.group().rstrip())))
        start = stop.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def enclosing(spans, start, end):
    """The sentences that overlap [start, end), as one span, with the sentence before when
    they are short: a quotation's attribution ("Sheriff Pohlmann said.") reads only with
    the quotation it closes."""
    inside = [i for i, s in enumerate(spans) if s[0] < max(end, start + 1) and s[1] > start]
    if not inside:
        return start, end
    first, last = inside[0], inside[-1]
    if spans[last][1] - spans[first][0] < SHORT_SENTENCE and first > 0:
        first -= 1
    return spans[first][0], spans[last][1]


def decode(data):
    return data.decode("utf-8", errors="replace")


def marked(text, around, marks):
    """The text of span `around` with each (start, end) of `marks` bracketed [[...]]."""
    begin, finish = around
    pieces = []
    position = begin
    for start, end in sorted(marks):
        start, end = max(start, position), min(end, finish)
        if start >= end:
            continue
        pieces += [decode(text[position:start]), "[[", decode(text[start:end]), "]]"]
        position = end
    pieces.append(decode(text[position:finish]))
    return " ".join("".join(pieces).split())


class Article:
    def __init__(self, record, analysis):
        self.id = record["id"]
        self.text = record["text"].encode("utf-8")
        self.analysis = analysis
        self.sentences = sentence_spans(self.text)
        self.names = {}
        for entity in analysis.get("entities", []):
            self.names.setdefault(entity["entity"], entity.get("name") or entity["text"])

    def span(self, start, end):
        return decode(self.text[start:end])

    def sentence(self, start, end, marks=None):
        return marked(self.text, enclosing(self.sentences, start, end), marks or [(start, end)])

    def name(self, entity_id):
        if entity_id is None:
            return None
        return f"{self.names.get(entity_id, '?')} <{entity_id}>"


def event_fields(article, event):
    fields = collections.OrderedDict(type=event["type"], trigger=event["trigger"])
    for actor in event.get("actors", []):
        fields.setdefault(actor["role"], []).append(article.name(actor["entity"]))
    fields["time"] = event.get("time")
    fields["place"] = article.name(event.get("place")) if event.get("place") else None
    if event.get("content"):
        fields["content"] = article.span(event["content"]["start"], event["content"]["end"])
    if event.get("planned"):
        fields["planned"] = True
    if event.get("negated"):
        fields["negated"] = True
    return fields


def keep_event(event, args):
    if args.no_statements and event["type"] == "STATEMENT":
        return False
    return not args.types or event["type"] in args.types.split(",")


def facts_of(article, args):
    """(start, end, fact text, fields) of each fact of args.kind in `article`."""
    analysis = article.analysis
    if args.kind == "quotes":
        for q in analysis.get("quotes", []):
            fields = {"speaker": q.get("speaker"), "speaker_entity": q.get("speaker_entity")}
            if q.get("partial"):
                fields["partial"] = True
            yield q["start"], q["end"], q["text"], fields
    elif args.kind == "events":
        for e in analysis.get("events", []):
            if keep_event(e, args):
                yield e["start"], e["end"], e["trigger"], event_fields(article, e)
    elif args.kind == "times":
        for t in analysis.get("times", []):
            yield t["start"], t["end"], t["text"], {"value": t.get("value"), "kind": t.get("kind")}
    elif args.kind == "quantities":
        for q in analysis.get("quantities", []):
            fields = {"value": q.get("value"), "unit": q.get("unit")}
            if q.get("approximate"):
                fields["approximate"] = True
            yield q["start"], q["end"], q["text"], fields
    elif args.kind == "entities":
        for e in analysis.get("entities", []):
            fields = {"type": e["type"], "entity": e["entity"], "name": e.get("name")}
            for extra in ("title", "country"):
                if e.get(extra):
                    fields[extra] = e[extra]
            yield e["start"], e["end"], e["text"], fields


def is_furniture(sentence):
    """Whether a sentence or line (bytes) is a web address or a dateline, no part of the
    article."""
    if WEB_ADDRESS.match(sentence):
        return True
    words = re.findall(rb"[A-Za-z]+\.?|[^A-Za-z\s]+", sentence)
    return bool(words) and all(DATE_WORDS.fullmatch(word) for word in words)


def line_of(text, start):
    """The line of `text` that holds byte `start`: a web address may hold a "? " that
    ends a sentence inside it."""
    begin = text.rfind(b"\n", 0, start) + 1
    end = text.find(b"\n", start)
    return text[begin:end if end >= 0 else len(text)]


def lead_view(article, args):
    """The article's lead (first --lead sentences, web addresses and datelines skipped)
    with the events inside it."""
    sentences = [s for s in article.sentences if not is_furniture(line_of(article.text, s[0]))
                 and not is_furniture(article.text[s[0]:s[1]])]
    sentences = sentences[:args.lead]
    if not sentences:
        return None
    begin, end = sentences[0][0], sentences[-1][1]
    events = [e for e in article.analysis.get("events", [])
              if any(s[0] <= e["start"] < s[1] for s in sentences) and keep_event(e, args)]
    lead = " ".join(marked(article.text, s, [(e["start"], e["end"]) for e in events])
                    for s in sentences)
    fields = [event_fields(article, e) for e in events]
    return begin, end, article.span(*sentences[0]), {"lead": lead, "events": fields}


def collect(articles, args):
    facts = []
    for article in articles:
        if args.kind == "articles":
            view = lead_view(article, args)
            if view:
                facts.append((article, *view))
            continue
        for start, end, text, fields in facts_of(article, args):
            facts.append((article, start, end, text, fields))
    return facts


def print_fact(number, total, fact, kind):
    article, start, end, text, fields = fact
    print(f"=== {number}/{total}  {kind}  article {article.id}  bytes {start}-{end}")
    if kind == "articles":
        print(f"    lead: {fields['lead']}")
        if not fields["events"]:
            print("    (no events in the lead)")
        for event in fields["events"]:
            print(f"    event: {json.dumps(event, ensure_ascii=False)}")
    else:
        print(f"    {article.sentence(start, end)}")
        print(f"    {text!r}  {json.dumps(fields, ensure_ascii=False)}")
    print()


def tsv_row(fact, kind):
    article, start, end, text, fields = fact
    sentence = fields["lead"] if kind == "articles" else article.sentence(start, end)
    shown = fields["events"] if kind == "articles" else fields
    return {"kind": kind, "article": article.id, "start": start, "end": end,
            "fact": " ".join(text.split()), "fields": json.dumps(shown, ensure_ascii=False),
            "sentence": sentence, "verdict": "", "note": ""}


def score(paths):
    counts = collections.defaultdict(collections.Counter)
    for path in paths:
        with open(path, encoding="utf-8", newline="") as table:
            for row in csv.DictReader(table, delimiter="\t"):
                verdict = (row.get("verdict") or "").strip().lower()[:1]
                counts[row["kind"]][VERDICTS.get(verdict, "unmarked")] += 1
    print("kind\tjudged\tright\tpartly\twrong\tunmarked\tprecision\tlenient")
    for kind in sorted(counts):
        c = counts[kind]
        judged = c["right"] + c["partly"] + c["wrong"]
        strict = c["right"] / judged if judged else 0.0
        lenient = (c["right"] + c["partly"]) / judged if judged else 0.0
        print(f"{kind}\t{judged}\t{c['right']}\t{c['partly']}\t{c['wrong']}\t{c['unmarked']}"
              f"\t{strict:.3f}\t{lenient:.3f}")


def marked_articles(patterns):
    """The ids of the articles in the marked samples (TSVs) the glob patterns match."""
    ids = set()
    for pattern in patterns:
        paths = glob.glob(pattern)
        if not paths:
            sys.exit(f"audit: no marked sample matches {pattern}")
        for path in paths:
            with open(path, encoding="utf-8", newline="") as table:
                ids.update(row["article"] for row in csv.DictReader(table, delimiter="\t"))
    return ids


def main(argv):
    args = parse_args(argv)
    if args.score:
        score(args.score)
        return 0
    conditions = []
    for condition in args.where:
        field, separator, pattern = condition.partition("=")
        if not separator:
            sys.exit(f"audit: --where wants FIELD=REGEX, not {condition}")
        conditions.append((field, pattern))
    with tempfile.TemporaryDirectory() as workdir:
        inputs = prepare_inputs(args.inputs, conditions, workdir)
        records = run_storyline(args.storyline, "extract", inputs)
        if not records:
            sys.exit("audit: no articles in the input")
        articles_path = os.path.join(workdir, "articles.jsonl")
        with open(articles_path, "w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        analyses = {a["id"]: a for a in run_storyline(args.storyline, "analyze", [articles_path])}
    read = marked_articles(args.unmarked)
    articles = [Article(r, analyses[r["id"]]) for r in records
                if r["id"] in analyses and r["id"] not in read]
    facts = collect(articles, args)
    sample = random.Random(args.seed).sample(facts, min(args.n, len(facts)))
    print(f"# {len(sample)} of {len(facts)} {args.kind} from {len(articles)} articles "
          f"(seed {args.seed})\n")
    for number, fact in enumerate(sample, 1):
        print_fact(number, len(sample), fact, args.kind)
    if args.tsv:
        with open(args.tsv, "w", encoding="utf-8", newline="") as table:
            writer = csv.DictWriter(table, fieldnames=TSV_FIELDS, delimiter="\t",
                                    quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
            writer.writeheader()
            for fact in sample:
                writer.writerow(tsv_row(fact, args.kind))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
