#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks the ISO 3166-2 codes of the committed gazetteer tables against iso-codes.

Usage: tests/gazetteer_iso_test.py [--gazetteer DIR] [--iso-dir DIR] [--shared DIR]
                                   [unittest options]

Reads data/gazetteer/subdivisions.tsv, divisions.tsv and cities.tsv, the reviewed tables
admin1_iso_overrides.tsv and iso_levels.tsv beside them, and Debian's
/usr/share/iso-codes/json/iso_3166-2.json, with the later ISO changes of
iso_code_changes.tsv applied. Every code written must be a real code of
its country on the recorded ISO level; no two admin1 rows share a code unless the
overrides say why ('part'); every admin1 row without a code is listed with its reason
(its country has no ISO subdivisions, or an override names why no code fits), and a
new gap fails. Every division is a lower-level unit under a first-level row. Exits 77 (skipped) when iso-codes is not installed.
"""

import argparse
import collections
import json
import os
import sys
import unittest

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, "scripts"))
import build_gazetteer  # noqa: E402  (the same reading of iso-codes as the build)
MIN_COVERAGE = 0.99

ARGS = argparse.Namespace(gazetteer=os.path.join(REPO, "data", "gazetteer"),
                          iso_dir="/usr/share/iso-codes/json",
                          shared=os.path.join(REPO, "..", "shared"))


def read_tsv(path):
    """Rows of a tab-separated table as dicts keyed by its header ('#' lines skipped)."""
    with open(path, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:]]


class Tables:
    """Loaded once per test process."""
    iso = None           # code -> iso_3166-2 entry
    countries = None     # countries with ISO 3166-2 subdivisions
    parents = None       # codes that some entry names as its parent
    subdivisions = None  # rows of subdivisions.tsv
    overrides = None     # admin1 -> row of admin1_iso_overrides.tsv
    levels = None        # country -> row of iso_levels.tsv

    @classmethod
    def load(cls):
        if cls.iso is not None:
            return
        entries = build_gazetteer.load_iso_subdivisions(
            ARGS.iso_dir, os.path.join(ARGS.gazetteer, "iso_code_changes.tsv"))
        cls.iso = {e["code"]: e for e in entries}
        cls.countries = {code[:2] for code in cls.iso}
        cls.parents = {parent_code(e) for e in entries if "parent" in e}
        cls.subdivisions = read_tsv(os.path.join(ARGS.gazetteer, "subdivisions.tsv"))
        cls.overrides = {r["admin1"]: r for r in
                         read_tsv(os.path.join(ARGS.gazetteer, "admin1_iso_overrides.tsv"))}
        cls.levels = {r["country"]: r for r in read_tsv(os.path.join(ARGS.gazetteer, "iso_levels.tsv"))}


def parent_code(entry):
    parent = entry["parent"]
    return parent if "-" in parent else entry["code"][:3] + parent


def gap_reason(row):
    """Why an admin1 row has no code, or None when nothing says why."""
    if row["country"] not in Tables.countries:
        return "the country has no ISO 3166-2 subdivisions"
    override = Tables.overrides.get(row["admin1"])
    if override and override["relation"] == "none":
        return override["reason"]
    return None


def level_problem(code):
    """Why `code` is not on its country's recorded ISO level, or None."""
    entry = Tables.iso[code]
    level = Tables.levels.get(code[:2], {}).get("level", "upper")
    lower = "parent" in entry
    if level == "upper" and lower:
        return f"{code} is on ISO's lower level (parent {entry['parent']}), {code[:2]} uses the upper"
    if level == "lower" and not lower and code in Tables.parents:
        return f"{code} is on ISO's upper level, {code[:2]} uses the lower"
    return None


class GazetteerIsoCodesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        Tables.load()

    def test_every_code_is_an_iso_3166_2_code_of_its_country(self):
        bad = [f"{r['admin1']} {r['name']}: {r['iso3166_2']}" for r in Tables.subdivisions
               if r["iso3166_2"] and (r["iso3166_2"] not in Tables.iso
                                      or r["iso3166_2"][:2] != r["country"])]
        self.assertEqual(bad, [], "codes that iso-codes does not have for the row's country")

    def test_every_city_code_is_its_subdivision_code(self):
        # (Rows of ISO units no admin1 row is, dissolved or admin2, carry no admin1 code.)
        codes = {r["iso3166_2"] for r in Tables.subdivisions}
        bad = []
        for city in read_tsv(os.path.join(ARGS.gazetteer, "cities.tsv")):
            if city["subdivision"] and city["subdivision"] not in codes:
                bad.append(f"{city['geonameid']} {city['name']}: {city['subdivision']}")
        self.assertEqual(bad, [], "city codes that no subdivision row carries")

    def test_codes_are_on_the_recorded_iso_level(self):
        bad = [f"{r['admin1']} {r['name']}: {level_problem(r['iso3166_2'])}"
               for r in Tables.subdivisions
               if r["iso3166_2"] in Tables.iso and level_problem(r["iso3166_2"])]
        self.assertEqual(bad, [])

    def test_every_country_with_two_iso_levels_records_its_level(self):
        two_levels = {code[:2] for code in Tables.parents}
        self.assertEqual(sorted(two_levels - set(Tables.levels)), [],
                         "countries missing from iso_levels.tsv")
        self.assertEqual(sorted(set(Tables.levels) - two_levels), [],
                         "iso_levels.tsv rows for countries with one ISO level")

    def test_no_two_rows_share_a_code_without_a_reason(self):
        rows_of = collections.defaultdict(list)
        for r in Tables.subdivisions:
            if r["iso3166_2"]:
                rows_of[r["iso3166_2"]].append(r["admin1"])
        bad = []
        for code, rows in sorted(rows_of.items()):
            unexplained = [a for a in rows
                           if Tables.overrides.get(a, {}).get("relation") != "part"]
            if len(unexplained) > 1:
                bad.append(f"{code}: {' '.join(rows)}")
        self.assertEqual(bad, [], "shared codes need 'part' overrides for all rows but one")

    def test_every_row_without_a_code_has_a_reason(self):
        gaps = [r for r in Tables.subdivisions if not r["iso3166_2"]]
        unexplained = []
        print(f"\n{len(gaps)} admin1 rows without an ISO 3166-2 code:")
        for r in gaps:
            reason = gap_reason(r)
            print(f"  {r['admin1']}\t{r['name']}\t{reason or 'NO REASON'}")
            if reason is None:
                unexplained.append(f"{r['admin1']} {r['name']}")
        self.assertEqual(unexplained, [],
                         "new gaps: add an override (a code, or 'none' with the reason)")

    def test_overrides_are_applied_to_the_tables(self):
        by_admin1 = {r["admin1"]: r for r in Tables.subdivisions}
        bad = []
        for admin1, override in sorted(Tables.overrides.items()):
            row = by_admin1.get(admin1)
            if row is None:
                bad.append(f"{admin1}: no such admin1 row")
            elif row["iso3166_2"] != override["iso3166_2"]:
                bad.append(f"{admin1}: table has {row['iso3166_2']!r}, override "
                           f"{override['iso3166_2']!r} (run scripts/build_gazetteer.py)")
            elif override["iso3166_2"] and override["iso3166_2"] not in Tables.iso:
                bad.append(f"{admin1}: {override['iso3166_2']} is not in iso-codes")
        self.assertEqual(bad, [])

    def test_at_least_99_percent_of_rows_with_iso_subdivisions_have_a_code(self):
        rows = [r for r in Tables.subdivisions if r["country"] in Tables.countries]
        mapped = sum(1 for r in rows if r["iso3166_2"])
        print(f"\n{mapped}/{len(rows)} admin1 rows in countries with ISO 3166-2 subdivisions "
              f"have a code ({100.0 * mapped / len(rows):.1f}%)")
        self.assertGreaterEqual(mapped / len(rows), MIN_COVERAGE)

    def test_every_division_is_a_lower_level_unit_under_a_first_level_row(self):
        divisions = read_tsv(os.path.join(ARGS.gazetteer, "divisions.tsv"))
        produced = {r["iso3166_2"] for r in Tables.subdivisions if r["iso3166_2"]}
        bad = []
        for row in divisions:
            entry = Tables.iso.get(row["iso3166_2"])
            if entry is None or "parent" not in entry:
                bad.append(f"{row['iso3166_2']}: no lower-level ISO 3166-2 unit")
            elif row["iso3166_2"] in produced:
                bad.append(f"{row['iso3166_2']}: already a first-level row")
            elif row["subdivision"] != parent_code(entry) or row["subdivision"] not in produced:
                bad.append(f"{row['iso3166_2']}: under {row['subdivision']}, ISO's parent is "
                           f"{parent_code(entry)}")
        self.assertGreater(len(divisions), 500)
        self.assertEqual(bad, [])

    def test_gold_first_level_codes_are_produced(self):
        corpus = os.path.join(ARGS.shared, "corpus")
        if not os.path.isdir(corpus):
            self.skipTest(f"{corpus} not found")
        gold = set()
        for name in sorted(os.listdir(corpus)):
            path = os.path.join(corpus, name, "gold.jsonl")
            if os.path.exists(path):
                with open(path, encoding="utf-8") as f:
                    for line in f:
                        collect_subdivisions(json.loads(line), gold)
        produced = {r["iso3166_2"] for r in Tables.subdivisions}
        missing = sorted(code for code in gold
                         if code in Tables.iso and not level_problem(code) and code not in produced)
        self.assertEqual(missing, [], "first-level codes in the gold that no row carries")


def collect_subdivisions(value, out):
    """Adds every "subdivision" string found anywhere in a JSON value to `out`."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "subdivision" and isinstance(item, str):
                out.add(item)
            else:
                collect_subdivisions(item, out)
    elif isinstance(value, list):
        for item in value:
            collect_subdivisions(item, out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gazetteer", default=ARGS.gazetteer, help="tables to check")
    parser.add_argument("--iso-dir", default=ARGS.iso_dir, help="iso-codes' JSON files")
    parser.add_argument("--shared", default=ARGS.shared, help="shared data (gold corpora)")
    args, rest = parser.parse_known_args()
    ARGS.gazetteer, ARGS.iso_dir, ARGS.shared = args.gazetteer, args.iso_dir, args.shared
    if not os.path.exists(os.path.join(ARGS.iso_dir, "iso_3166-2.json")):
        print(f"{ARGS.iso_dir}/iso_3166-2.json not found (package iso-codes): skipped")
        return 77
    program = unittest.main(argv=[sys.argv[0]] + rest, exit=False, verbosity=2)
    return 0 if program.result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
