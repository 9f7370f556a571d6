#!/usr/bin/env python3
"""Builds models/entity_aliases.tsv: other names of countries -> one canonical name.

usage: build-entity-aliases.py [ISO_3166_1_JSON] [OUT_TSV]
  defaults: /usr/share/iso-codes/json/iso_3166-1.json (Debian package iso-codes) and
  models/entity_aliases.tsv beside this script's repository.

The canonical name is iso-codes' `common_name` when it has one ("Iran", "South Korea"),
else its `name` ("United States", "United Kingdom"), unless EXONYMS below names a more
usual English form ("Russia" for "Russian Federation"). Aliases are `name`, `official_name`,
`common_name`, the alpha-3 code, the alpha-2 code (except codes that are also common
English abbreviations in news, CODE_STOPLIST), and the dotted forms news writes ("U.S.").
Matching is case-sensitive, so the code "CAN" never takes the word "Can".
"""
import json
import os
import sys

# Short English names and exonyms that iso-codes lacks, by alpha-2 code: the first is
# the canonical name when it replaces iso-codes' own, the rest are further aliases.
EXONYMS = {
    "GB": ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain"],
    "US": ["United States", "U.S.", "U.S.A.", "America", "United States of America"],
    "RU": ["Russia"],
    "CZ": ["Czech Republic"],
    "NL": ["Netherlands", "Holland", "The Netherlands"],
    "VA": ["Vatican City", "Vatican", "Holy See"],
    "CI": ["Ivory Coast", "Côte d'Ivoire"],
    "MM": ["Myanmar", "Burma"],
    "TR": ["Turkey", "Türkiye"],
    "CV": ["Cape Verde", "Cabo Verde"],
    "SZ": ["Eswatini", "Swaziland"],
    "MK": ["North Macedonia", "Macedonia"],
    "PS": ["Palestine", "Palestinian territories"],
    "CD": ["Democratic Republic of the Congo", "DR Congo", "DRC"],
    "CG": ["Republic of the Congo"],
    "AE": ["United Arab Emirates", "UAE", "U.A.E."],
}
# Alpha-2 codes that news uses for other things ("AI", "IT", "PR", "TV", "BA" for
# British Airways, "SA" for a company form, "ID" for identity); their country is never
# written this way in running text.
CODE_STOPLIST = {"AI", "AM", "AS", "AT", "BA", "BE", "CA", "CO", "DO", "GA", "ID", "IN",
                 "IS", "IT", "ME", "MA", "MD", "MS", "NO", "PM", "PR", "SA", "SO", "TO",
                 "TV", "AG", "AD", "BM", "CC", "CV", "GM", "HR", "LA", "NE", "PA", "PE",
                 "SE", "SC", "VA", "AQ", "BB", "BS", "FM", "MO", "TM", "UM"}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    source = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/iso-codes/json/iso_3166-1.json"
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "models", "entity_aliases.tsv")
    countries = json.load(open(source, encoding="utf-8"))["3166-1"]
    rows = {}  # alias -> canonical, first writer wins
    for c in countries:
        code = c["alpha_2"]
        extra = EXONYMS.get(code, [])
        canonical = extra[0] if extra else c.get("common_name", c["name"])
        names = [c["name"], c.get("official_name"), c.get("common_name"), c["alpha_3"], *extra]
        if code not in CODE_STOPLIST:
            names.append(code)
        for alias in names:
            # "Korea, Republic of" is a catalogue form nobody writes in text.
            if alias and "," not in alias and alias != canonical:
                rows.setdefault(alias, canonical)
    with open(out, "w", encoding="utf-8") as f:
        f.write("# alias\tcanonical name; built by scripts/build-entity-aliases.py from Debian "
                "iso-codes (ISO 3166-1) plus English exonyms\n")
        for alias in sorted(rows):
            f.write(f"{alias}\t{rows[alias]}\n")


if __name__ == "__main__":
    main()
