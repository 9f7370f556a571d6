#!/usr/bin/env python3
"""Builds models/demonyms.tsv and models/capitals.tsv: words that stand for a country.

usage: build-country-words.py [MODELS_DIR]   (default: models/ beside this script's repository)

  demonyms.tsv  "Israeli<TAB>Israel": the English demonyms of each country, so the analyzer
                can keep "Israeli" in "Israeli Prime Minister" as the person's country
                rather than tag it as a place (extract/demonyms.h).
  capitals.tsv  "Washington<TAB>United States": the capitals of sovereign states, so
                "Washington said" can be read as the government (extract/entity_senses.h).

Country names are the canonical names of models/entity_aliases.tsv (run
build-entity-aliases.py first), looked up by ISO alpha-3 code, so a demonym's country gets
the same entity id as the country's own mentions.

Source: the npm data package world-countries (Mohammed Le Doze, github.com/mledoze/
countries), version pinned below; its data is under the Open Database License (ODbL 1.0,
https://opendatacommons.org/licenses/odbl/1.0/). The tables are a derived database and
are published under the same license. The package is installed with npm under
build-country-words/ (gitignored) only when the tables are rebuilt; nothing is fetched at
run time.
"""
import json
import os
import subprocess
import sys

PACKAGE = "world-countries@5.1.0"


def load_countries(root):
    work = os.path.join(root, "build-country-words")
    data = os.path.join(work, "node_modules", "world-countries", "countries.json")
    if not os.path.exists(data):
        os.makedirs(work, exist_ok=True)
        subprocess.run(["npm", "install", "--silent", "--prefix", work, PACKAGE], check=True)
    return json.load(open(data, encoding="utf-8"))


def canonical_names(alias_table):
    """ISO alpha-3 code -> canonical country name, from entity_aliases.tsv's code rows."""
    names = {}
    for line in open(alias_table, encoding="utf-8"):
        if line.startswith("#"):
            continue
        alias, canonical = line.rstrip("\n").split("\t")
        if len(alias) == 3 and alias.isupper():
            names[alias] = canonical
    return names


def demonyms_of(country):
    """'Antiguan, Barbudan' and 'Kittitian or Nevisian' name two demonyms each."""
    words = set()
    for value in country.get("demonyms", {}).get("eng", {}).values():
        for part in value.replace(" or ", ",").split(","):
            if part.strip():
                words.add(part.strip())
    return words


def capitals_of(country):
    """'Washington D.C.' is written 'Washington' as often as in full."""
    words = set()
    for capital in country["capital"]:
        words.add(capital)
        if capital.endswith(" D.C."):
            words.add(capital[: -len(" D.C.")])
    return words


def unambiguous(candidates):
    """word -> country name; a word several countries share goes to the one UN member
    among them, and is left out when there is none or more than one ("Congolese")."""
    table = {}
    for word, countries in candidates.items():
        if len(countries) > 1:
            countries = [c for c in countries if c[1]]
        if len(countries) == 1:
            table[word] = countries[0][0]
    return table


def write(path, table, what):
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"# {what}\tcountry; built by scripts/build-country-words.py from npm "
                f"{PACKAGE} (ODbL 1.0)\n")
        for word in sorted(table):
            f.write(f"{word}\t{table[word]}\n")


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    models = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "models")
    names = canonical_names(os.path.join(models, "entity_aliases.tsv"))
    demonyms, capitals = {}, {}
    for country in load_countries(root):
        name = names.get(country["cca3"], country["name"]["common"])
        entry = (name, country["unMember"])
        for word in demonyms_of(country):
            demonyms.setdefault(word, []).append(entry)
        # Only states have a government that a capital stands for, and a city-state's
        # capital ("Singapore") is the country itself.
        if country["unMember"]:
            for word in capitals_of(country) - {name}:
                capitals.setdefault(word, []).append(entry)
    write(os.path.join(models, "demonyms.tsv"), unambiguous(demonyms), "demonym")
    write(os.path.join(models, "capitals.tsv"), unambiguous(capitals), "capital")


if __name__ == "__main__":
    main()
