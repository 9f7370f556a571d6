"""Precision and coverage of each version in hand-checked audit files.
usage: python3 tally.py AUDIT.tsv...   Precision: ok / (ok + wrong) over quotations given a
speaker; coverage: ok over the quotations whose speaker the text names or describes (gold not "-")."""
import sys

for path in sys.argv[1:]:
    rows = [l.rstrip("\n").split("\t") for l in open(path) if not l.startswith("#")]
    header, rows = rows[0], rows[1:]
    gold = header.index("gold")
    named = sum(1 for r in rows if r[gold] != "-")
    scores = []
    for column in [h for h in header if h.endswith("_verdict")]:
        verdicts = [r[header.index(column)] for r in rows]
        ok, wrong = verdicts.count("ok"), verdicts.count("wrong")
        scores.append(f"{column[:-len('_verdict')]}: precision {ok}/{ok + wrong}={ok / (ok + wrong):.3f}"
                      f" coverage {ok}/{named}={ok / named:.3f}")
    print(path.split("/")[-1], "|", " ; ".join(scores))
