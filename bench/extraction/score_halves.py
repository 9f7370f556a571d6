#!/usr/bin/env python3
"""The HTML reader on the article-extraction pages, by half: body F1 (the benchmark's
metric, ../../../shared/tools/score-extraction.py), and how often the published date and
the outlet are found.

usage: score_halves.py PREDICTIONS.jsonl   (what `storyline extract .../html/` writes)

Halves: md5 of the page's host, even (0, where rules are written) or odd (1, the check),
so one site's pages never sit in both halves.

A page "carries" a published date when its HTML says so in a way a person would accept:
a machine-readable publication date (meta tags, JSON-LD datePublished, <time datetime>),
a full day in its address, or a visible "published/updated <date>" line. Found: the
reader gave a date; agrees: the date's day is one the page carries (a found date that
agrees with none of them is counted as wrong). Dates on pages that carry none are listed:
each is a claim the evidence here does not back. Outlet: every page has one (the site);
found when `source` is not empty, wrong when none of its words (or their initials) is in
the host and the page's og:site_name / JSON-LD publisher does not name it either.
"""
import gzip, hashlib, json, pathlib, re, sys
from collections import Counter
from urllib.parse import urlparse

DATA = pathlib.Path(__file__).resolve().parents[3] / "shared" / "data" / "article-extraction"
TOKEN = re.compile(r"\w+", re.UNICODE)
MONTHS = "january february march april may june july august september october november december".split()
MONTH = r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"


def half(url):
    return int(hashlib.md5(urlparse(url).hostname.encode()).hexdigest(), 16) % 2


def shingles(text, n=4):
    toks = TOKEN.findall(text or "")
    return Counter(tuple(toks[i:i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i:i + n])


def page_scores(true, pred):
    t, p = shingles(true), shingles(pred)
    keys = t.keys() | p.keys()
    tp = sum(min(t[k], p[k]) for k in keys)
    fp = sum(max(0, p[k] - t[k]) for k in keys)
    fn = sum(max(0, t[k] - p[k]) for k in keys)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def f1(pairs):
    precisions, recalls = [], []
    for true, pred in pairs:
        tp, fp, fn = page_scores(true, pred)
        if tp + fp > 0:
            precisions.append(1.0 if fp == fn == 0 else tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(1.0 if fp == fn == 0 else tp / (tp + fn))
    p = sum(precisions) / max(1, len(precisions))
    r = sum(recalls) / max(1, len(recalls))
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def days_in(text):
    """Every day written in `text`: ISO, "November 19, 2019", "19 Nov 2019", "Nov 19 2019"."""
    days = {f"{y}-{m}-{d}" for y, m, d in re.findall(r"((?:19|20)\d\d)-([01]\d)-([0-3]\d)", text)}
    for mon, day, year in re.findall(MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)", text):
        days.add(f"{year}-{month_number(mon):02d}-{int(day):02d}")
    for day, mon, year in re.findall(r"\b(\d{1,2})\s+" + MONTH + r",?\s+((?:19|20)\d\d)", text):
        days.add(f"{year}-{month_number(mon):02d}-{int(day):02d}")
    return days


def month_number(name):
    return next(i for i, m in enumerate(MONTHS, 1) if m.startswith(name[:3]))


def carried_days(html, url):
    """The days the page gives as its publication date (empty when it gives none)."""
    days = set()
    low = html.lower()
    for tag in re.findall(r"<meta[^>]+>", low):
        if re.search(r"(published|pubdate|publish_date|publishdate|dc\.date|date\.issued|"
                     r"sailthru\.date|parsely-pub-date|article\.created|[\"']date[\"'])", tag):
            days |= days_in(tag)
    for value in re.findall(r"[\"']?(?:datepublished|publishdate|datecreated)[\"']?\s*:\s*[\"']([^\"']+)[\"']", low):
        days |= days_in(value)
    # Elements that say they hold the date: <time>, itemprop=datePublished, a class naming
    # a date, a publication or a dateline; their attributes and the text that follows.
    for m in re.finditer(r"<(?:time\b[^>]*|[a-z]+[^>]*(?:itemprop|class)=[\"'][^\"']*"
                         r"(?:datepublished|date|publish|posted|dateline|timestamp)[^\"']*[\"'][^>]*)>", low):
        if not re.search(r"tweet|comment|related|sidebar|calendar|promo|teaser",
                         low[max(0, m.start() - 500):m.end()]):
            days |= days_in(m.group(0) + " " + re.sub(r"<[^>]+>", " ", low[m.end():m.end() + 200]))
    path = urlparse(url).path.lower()
    m = re.search(r"/((?:19|20)\d\d)[/-]?([01]\d)[/-]?([0-3]\d)(?:/|[-_.]|$)", path)
    if m:
        days.add("-".join(m.groups()))
    m = re.search(r"/((?:19|20)\d\d)/" + MONTH + r"/([0-3]?\d)/", path)
    if m:
        days.add(f"{m.group(1)}-{month_number(m.group(2)):02d}-{int(m.group(3)):02d}")
    m = re.search(r"[-_]((?:19|20)\d\d)([01]\d)([0-3]\d)/?$", path)
    if m:
        days.add("-".join(m.groups()))
    text = re.sub(r"<[^>]+>", " ", re.sub(r"(?is)<(script|style)[^>]*>.*?</\1>", " ", low))
    for m in re.finditer(r"(?:published|posted|updated)\b", text):
        days |= days_in(text[m.end():m.end() + 60])
    return {d for d in days if 1 <= int(d[5:7]) <= 12 and 1 <= int(d[8:10]) <= 31}


def outlet_named(html, host):
    low = html.lower()
    names = re.findall(r"og:site_name[\"']\s+content=[\"']([^\"']+)", low)
    names += re.findall(r"content=[\"']([^\"']+)[\"']\s+(?:property|name)=[\"']og:site_name", low)
    names += re.findall(r"\"publisher\"\s*:\s*\{[^}]*?\"name\"\s*:\s*\"([^\"]+)\"", low)
    return names


def outlet_plausible(source, html, host):
    words = [w for w in re.findall(r"[a-z0-9]+", source.lower()) if w not in ("the", "of", "and")]
    squeezed = re.sub(r"[^a-z0-9]", "", host.lower())
    if words and ("".join(words) in squeezed or "".join(w[0] for w in words) in squeezed
                  or any(len(w) >= 4 and w in squeezed for w in words)):
        return True
    return any(source.lower().strip() == n.strip() for n in outlet_named(html, host))


def main():
    gt = json.load(open(DATA / "ground-truth.json", encoding="utf-8"))
    pred = {}
    for line in open(sys.argv[1], encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            pred[str(r.get("id"))] = r
    rows = {0: [], 1: []}
    for key, g in gt.items():
        html = gzip.open(DATA / "html" / f"{key}.html.gz").read().decode("utf-8", "replace")
        rows[half(g["url"])].append((key, g, html, pred.get(key, {})))
    for h in (0, 1, "all"):
        group = rows[0] + rows[1] if h == "all" else rows[h]
        p, r, f = f1([(g.get("articleBody", ""), pr.get("text") or "") for _, g, _, pr in group])
        carrying = found = agrees = 0
        unbacked, wrong_dates, missing_dates = [], [], []
        outlets = wrong_outlets = 0
        bad_outlets, missing_outlets = [], []
        for key, g, html, pr in group:
            days = carried_days(html, g["url"])
            published = (pr.get("published") or "")[:10]
            if days:
                carrying += 1
                if published:
                    found += 1
                    if published in days:
                        agrees += 1
                    else:
                        wrong_dates.append((key[:8], published, sorted(days)[:3]))
                else:
                    missing_dates.append((key[:8], g["url"]))
            elif published:
                unbacked.append((key[:8], published, g["url"]))
            source = pr.get("source") or ""
            host = urlparse(g["url"]).hostname
            if source:
                outlets += 1
                if not outlet_plausible(source, html, host):
                    wrong_outlets += 1
                    bad_outlets.append((key[:8], source, host))
            else:
                missing_outlets.append((key[:8], host))
        n = len(group)
        print(f"half {h}: pages {n}  body P {p:.3f} R {r:.3f} F1 {f:.3f}  |  date: {carrying} pages carry one, "
              f"found {found} ({found / max(1, carrying):.3f}), agrees {agrees} ({agrees / max(1, carrying):.3f}), "
              f"{len(unbacked)} on pages carrying none  |  outlet found {outlets}/{n} ({outlets / n:.3f}), "
              f"{wrong_outlets} doubtful")
        if h != "all" and "-v" in sys.argv:
            for item in missing_dates:
                print("  no date:", *item)
            for item in wrong_dates:
                print("  date disagrees:", *item)
            for item in unbacked:
                print("  date unbacked:", *item)
            for item in missing_outlets:
                print("  no outlet:", *item)
            for item in bad_outlets:
                print("  outlet doubtful:", *item)


if __name__ == "__main__":
    main()
