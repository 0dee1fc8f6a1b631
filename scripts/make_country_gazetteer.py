#!/usr/bin/env python3
"""Generates core/resources/en/actors/countries.tsv from Debian's iso-codes.

The TSV is committed and compiled into the binary; annals never reads
/usr/share/iso-codes at run time. Re-run after an iso-codes update:

    python3 scripts/make_country_gazetteer.py > core/resources/en/actors/countries.tsv

Every ISO 3166-1 entry gives one row per distinct spelling (name,
common_name, official_name). Names written "Korea, Republic of" are
inverted or skipped; bracketed parts are dropped.
"""
import json
import sys

ISO_FILE = "/usr/share/iso-codes/json/iso_3166-1.json"

# The name a news article uses, where ISO's name is a formal one.
PREFERRED = {
    "RU": "Russia", "US": "United States", "GB": "United Kingdom",
    "BO": "Bolivia", "IR": "Iran", "KR": "South Korea", "KP": "North Korea",
    "LA": "Laos", "MD": "Moldova", "SY": "Syria", "TW": "Taiwan",
    "TZ": "Tanzania", "VE": "Venezuela", "VN": "Vietnam", "PS": "Palestine",
    "FM": "Micronesia", "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo", "VA": "Vatican", "BN": "Brunei",
    "CV": "Cape Verde", "CI": "Ivory Coast", "SZ": "Eswatini",
}


def clean(name):
    """Drops bracketed parts; turns "Korea, Republic of" into "Republic of Korea"."""
    if "(" in name:
        name = name[: name.index("(")].strip()
    if "," in name:
        head, _, tail = name.partition(",")
        tail = tail.strip()
        if tail.endswith(" of") or tail.endswith(" of the"):
            name = tail + " " + head.strip()
        else:
            return None
    if name.lower().startswith("the "):
        name = name[4:]
    return name.strip() or None


def main():
    with open(ISO_FILE, encoding="utf-8") as f:
        entries = json.load(f)["3166-1"]
    out = sys.stdout
    out.write("# Purpose: country names (gazetteer), generated from Debian iso-codes\n")
    out.write("# (ISO 3166-1) by scripts/make_country_gazetteer.py; do not edit by hand,\n")
    out.write("# add spellings to country_aliases.tsv instead.\n")
    out.write("# Format: CODE <TAB> CANONICAL NAME <TAB> NAME AS WRITTEN\n")
    out.write("# example: The summit was held in Kazakhstan. => Kazakhstan/country\n")
    out.write("# example: Delegates of the Russian Federation came. => Russia/country\n")
    for entry in sorted(entries, key=lambda e: e["alpha_2"]):
        code = entry["alpha_2"]
        canonical = PREFERRED.get(code) or entry.get("common_name") or clean(entry["name"])
        if not canonical:
            continue
        names = [canonical]
        for key in ("name", "common_name", "official_name"):
            name = clean(entry[key]) if key in entry else None
            if name and name not in names:
                names.append(name)
        for name in names:
            out.write(f"{code}\t{canonical}\t{name}\n")


if __name__ == "__main__":
    main()
