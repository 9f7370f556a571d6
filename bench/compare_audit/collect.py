"""Every contradiction and number disagreement `storyline compare` prints for the stories
of a store that have at least two outlets, one line each, ready to judge.

usage: collect.py BUILD_DIR DB CORPUS.jsonl HALF_KEY OUT.tsv
  HALF_KEY: the corpus field whose parity gives the half (ECB+ "topic", GVC
  "incident_id"); a story's half is that of most of its articles.

Columns: key (stable across runs: article ids and byte spans), half (odd/even), story,
kind (contradiction, disagreement), then what a judge reads: the two cited texts and,
for each, the sentence-wide context around it.
"""
import collections
import json
import subprocess
import sys

build, db, corpus_path, half_key, out_path = sys.argv[1:6]
corpus = {}
with open(corpus_path, encoding="utf-8") as f:
    for line in f:
        record = json.loads(line)
        corpus[record["doc_id"]] = record


def run(*args):
    return json.loads(subprocess.run([f"{build}/storyline", *args, "--db", db, "--json"],
                                     check=True, capture_output=True, text=True).stdout)


def context(article, start, end, reach=160):
    text = corpus[article]["text"].encode("utf-8")
    before = text[max(0, start - reach):start].decode("utf-8", "replace")
    after = text[end:end + reach].decode("utf-8", "replace")
    quoted = text[start:end].decode("utf-8", "replace")
    return " ".join(f"{before}[[{quoted}]]{after}".split())


def half(articles):
    parity = collections.Counter(int(corpus[a][half_key]) % 2 for a in articles if a in corpus)
    return "odd" if parity.most_common(1)[0][0] == 1 else "even"


stories = run("stories")
stories = stories["stories"] if isinstance(stories, dict) else stories
rows = []
compared = 0
for story in stories:
    comparison = run("compare", "--story", str(story["id"]))
    if len([o for o in comparison["outlets"] if o != "(unknown source)"]) < 2:
        continue
    compared += 1
    side = half(comparison["story"]["articles"])
    for c in comparison["contradictions"]:
        d, a = c["denial"], c["assertion"]
        key = f"C {d['article']}:{d['start']}-{d['end']} {a['article']}:{a['start']}-{a['end']}"
        rows.append([key, side, str(story["id"]), "contradiction",
                     f"{c['name']} | denies: {d['text']} | asserts: {a['text']}",
                     context(d["article"], d["start"], d["end"]),
                     context(a["article"], a["start"], a["end"])])
    for claim in comparison["numbers"]:
        if not claim["disagreement"]:
            continue
        reports = claim["reports"]
        key = "N " + " ".join(f"{r['article']}:{r['start']}-{r['end']}" for r in reports)
        values = " / ".join(f"{r['text']} ({r['source']}, {r['published']})" for r in reports)
        rows.append([key, side, str(story["id"]), "disagreement",
                     f"{claim['unit']} ({', '.join(claim['context'])}) | {values}",
                     " || ".join(context(r["article"], r["start"], r["end"], 120)
                                 for r in reports), ""])
with open(out_path, "w", encoding="utf-8") as out:
    for row in rows:
        out.write("\t".join(cell.replace("\t", " ") for cell in row) + "\n")
print(f"{db}: {compared} stories with >= 2 outlets, {len(rows)} findings printed "
      f"({sum(r[3] == 'contradiction' for r in rows)} contradictions, "
      f"{sum(r[3] == 'disagreement' for r in rows)} disagreements)")
