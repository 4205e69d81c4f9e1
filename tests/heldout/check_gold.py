#!/usr/bin/env python3
"""Consistency check of the held-out set: python3 tests/heldout/check_gold.py

Checks that gold.json parses and has the fields of tests/gold/seeds.json, that
every article file exists and is 250-700 words, that every string the gold
claims to quote (title, body bounds, names, aliases, figures, boilerplate,
not_officials, dateline, site, author) is an exact substring of its article,
that the body bounds come in order and before each boilerplate string, and that
every region (Provinsi/Kabupaten/Kota/Kecamatan) exists in assets/regions.tsv.
It reads no extractor code.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
REGIONS = os.path.join(ROOT, "assets", "regions.tsv")

REQUIRED = ["file", "title", "date", "site", "author", "body_starts_with", "body_ends_with",
            "boilerplate_excluded", "officials", "not_officials", "organizations", "places",
            "programs", "figures"]
OFFICIAL_KEYS = {"name", "position", "institution", "aliases"}
HONORIFICS = re.compile(r"^(Bapak|Ibu|Pak|Bu|H\.|Hj\.|Drs\.|Dra\.|Dr\.|dr\.|Ir\.|Prof\.|Ny\.)\s")
DEGREE = re.compile(r",\s*(S\.|M\.|SH|SE|MM|MT|MH|SSTP|SKM)")
RANKS = re.compile(r"^(AKBP|Kompol|AKP|Iptu|Ipda|Letkol|Mayor|Kapten|Kolonel|Lettu|Serka|Kombes)\b")
ABBREV = re.compile(r"^(Sekda|Wabup|Wawali|Kades|Kadis)\b")


def load_regions():
    provs, kabkota, kec = set(), set(), set()
    with open(REGIONS, encoding="utf-8") as f:
        next(f)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                continue
            level, name = parts[1], parts[2]
            if level == "provinsi":
                provs.add(name)
            elif level in ("kabupaten", "kota"):
                kabkota.add(name)
            elif level == "kecamatan":
                kec.add(name)
    return provs, kabkota, kec


def region_ok(s, regions):
    provs, kabkota, kec = regions
    if s.startswith("Provinsi "):
        return s[len("Provinsi "):] in provs
    if s.startswith("Kecamatan "):
        return s[len("Kecamatan "):] in kec
    if s.startswith("Kabupaten ") or s.startswith("Kota "):
        return s in kabkota
    return None  # not a region that regions.tsv can check


def main():
    errors = []
    with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
        gold = json.load(f)
    regions = load_regions()
    if not isinstance(gold.get("about"), str):
        errors.append("about: missing")
    arts = gold.get("articles", [])
    files = [a.get("file") for a in arts]
    if len(set(files)) != len(files):
        errors.append("duplicate file entries")
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(files) != on_disk:
        errors.append(f"gold files {sorted(files)} != .txt files {on_disk}")
    n_off = 0
    for a in arts:
        fn = a.get("file")
        where = fn
        for k in REQUIRED:
            if k not in a:
                errors.append(f"{where}: missing key {k}")
        path = os.path.join(HERE, fn)
        if not os.path.isfile(path):
            errors.append(f"{where}: file missing")
            continue
        text = open(path, encoding="utf-8").read()
        words = len(text.split())
        if not 250 <= words <= 700:
            errors.append(f"{where}: {words} words")

        def sub(label, s):
            if s is not None and s not in text:
                errors.append(f"{where}: {label} not a substring: {s!r}")

        sub("title", a.get("title"))
        for k in ("site", "author", "dateline"):
            sub(k, a.get(k))
        if a.get("date") is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", a["date"]):
            errors.append(f"{where}: date not ISO: {a['date']}")
        bs, be = a["body_starts_with"], a["body_ends_with"]
        sub("body_starts_with", bs)
        sub("body_ends_with", be)
        if bs in text and be in text:
            i, j = text.index(bs), text.index(be)
            if j < i:
                errors.append(f"{where}: body end before body start")
            body_end = j + len(be)
            tail = text[body_end:]
            for b in a["boilerplate_excluded"]:
                sub("boilerplate", b)
                body = text[i:body_end]
                # a boilerplate string may also stand in the header; it must not
                # stand only inside the body, except mid-body 'Baca juga:' lines
                if b in body and b not in tail and b not in text[:i] and not b.startswith("Baca juga:"):
                    errors.append(f"{where}: boilerplate string only inside body: {b!r}")
            if a.get("dateline") and not bs.startswith(a["dateline"]) and a["dateline"] not in bs:
                errors.append(f"{where}: body_starts_with lacks the dateline")
        for o in a["officials"]:
            n_off += 1
            if set(o) != OFFICIAL_KEYS:
                errors.append(f"{where}: official keys {sorted(o)}")
            sub("name", o["name"])
            for al in o["aliases"]:
                sub("alias", al)
            if HONORIFICS.search(o["name"]) or DEGREE.search(o["name"]) or RANKS.search(o["name"]):
                errors.append(f"{where}: name keeps a title/degree/rank: {o['name']!r}")
            if ABBREV.search(o["position"]):
                errors.append(f"{where}: unexpanded abbreviation in position {o['position']!r}")
            if "(" in o["position"]:
                errors.append(f"{where}: parenthetical in position {o['position']!r}")
            inst = o["institution"]
            if inst is not None:
                ok = region_ok(inst, regions)
                if ok is False:
                    errors.append(f"{where}: institution region not in regions.tsv: {inst!r}")
                for pref in ("Polres ", "Polsek ", "Kodim "):
                    if inst.startswith(pref) and inst not in text and inst.split("/")[0] not in text and inst[len(pref):] not in text:
                        errors.append(f"{where}: police/military unit not in text: {inst!r}")
        names = [o["name"] for o in a["officials"]]
        for n in a["not_officials"]:
            sub("not_official", n)
            if n in names:
                errors.append(f"{where}: {n!r} both official and not")
        for fig in a["figures"]:
            sub("figure", fig)
        for p in a["places"]:
            if region_ok(p, regions) is False:
                errors.append(f"{where}: place not in regions.tsv: {p!r}")
    ca = gold.get("cross_article", {})
    for r in ca.get("distinct_regions", []):
        if region_ok(r, regions) is False:
            errors.append(f"cross_article: region not in regions.tsv: {r!r}")
    for e in errors:
        print("ERROR", e)
    print(f"{len(arts)} articles, {n_off} officials, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
