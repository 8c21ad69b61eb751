// SPDX-License-Identifier: MIT
// Loading the gazetteer tables (data/gazetteer/*.tsv) and the tokeniser the matcher
// uses. Each file is read whole and split with string_view; numbers go through
// std::from_chars. Tested by gazetteer_test.cc.
#include "epiwire/gazetteer/gazetteer_tables.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "epiwire/base/fold.h"
#include "epiwire/base/han.h"
#include "epiwire/base/stem.h"

namespace epiwire::gazetteer {
namespace {

constexpr size_t kMaxFields = 12;

struct Fields {
  std::array<std::string_view, kMaxFields> values;
  size_t count = 0;
  std::string_view operator[](size_t i) const { return i < count ? values[i] : std::string_view(); }
};

// Bytes in eight-byte words, for the loops that run over every byte of the tables.
constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full;
constexpr uint64_t kHigh = 0x8080808080808080ull;

// The high bit of each byte of `word` that is a tab, and no other bit.
uint64_t TabBits(uint64_t word) {
  const uint64_t x = word ^ (kOnes * '\t');
  return ~(((x & kLow7) + kLow7) | x | kLow7);
}

// Splits a row at its tabs, eight bytes at a time: a table has some 10^5 rows of a dozen
// fields, and a search for each tab cost more than the rest of loading a row.
Fields SplitTabs(std::string_view line) {
  Fields fields;
  size_t field_start = 0;
  // Adds the field that ends at the tab at `tab`; false once the fields are full.
  const auto end_field = [&](size_t tab) {
    fields.values[fields.count++] = line.substr(field_start, tab - field_start);
    field_start = tab + 1;
    return fields.count < kMaxFields;
  };
  size_t offset = 0;
  for (; offset + 8 <= line.size(); offset += 8) {
    uint64_t word = 0;
    std::memcpy(&word, line.data() + offset, 8);
    if constexpr (std::endian::native == std::endian::big) word = __builtin_bswap64(word);
    for (uint64_t tabs = TabBits(word); tabs != 0; tabs &= tabs - 1) {
      if (!end_field(offset + static_cast<size_t>(std::countr_zero(tabs)) / 8)) return fields;
    }
  }
  for (; offset < line.size(); ++offset) {
    if (line[offset] == '\t' && !end_field(offset)) return fields;
  }
  fields.values[fields.count++] = line.substr(field_start);
  return fields;
}

Status ReadWholeFile(const std::string& path, std::string& out) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) return Status::NotFound("gazetteer table not found: " + path);
  char buffer[1 << 16];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) out.append(buffer, n);
  if (std::ferror(file.get())) return Status::IoError("cannot read gazetteer table: " + path);
  return Status::Ok();
}

// Calls `row(fields, line_number)` for each data line of a table; '#' lines, blank
// lines and (when `has_header`) the first line are skipped. Stops at the first error.
// The file stays in `t.buffers`, so the fields may be kept as views.
template <typename RowFn>
Status ForEachRow(GazetteerTables& t, const std::string& path, bool has_header, size_t min_fields,
                  RowFn row) {
  std::string data;
  Status status = ReadWholeFile(path, data);
  if (!status.ok()) return status;
  t.buffers.push_back(std::move(data));
  std::string_view rest(t.buffers.back());
  size_t line_number = 0;
  while (!rest.empty()) {
    const size_t newline = rest.find('\n');
    std::string_view line = rest.substr(0, newline);
    rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#' || (has_header && line_number == 1)) continue;
    const Fields fields = SplitTabs(line);
    if (fields.count < min_fields) {
      return Status::InvalidInput(path + ":" + std::to_string(line_number) + ": expected " +
                                  std::to_string(min_fields) + " tab-separated fields, got " +
                                  std::to_string(fields.count));
    }
    status = row(fields, line_number);
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

Status BadValue(const std::string& path, size_t line, std::string_view what) {
  return Status::InvalidInput(path + ":" + std::to_string(line) + ": " + std::string(what));
}

bool ParseInt(std::string_view text, int64_t& out) {
  out = 0;
  if (text.empty()) return true;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

// Coordinates ("-12.3456") are parsed as an integer over a power of ten: both are exact
// doubles, so the one division rounds correctly and gives what std::from_chars gives,
// several times faster (parsing numbers was a fifth of loading). Other forms go to
// std::from_chars.
bool ParseDouble(std::string_view text, double& out) {
  static constexpr double kPowers[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
  const char* p = text.data();
  const char* const end = p + text.size();
  const bool negative = p < end && *p == '-';
  if (negative) ++p;
  const auto digit = [&] { return p < end && static_cast<unsigned char>(*p - '0') <= 9; };
  // At most 15 digits: the integer stays below 2^53, exact as a double. A 16th stops
  // the loops, and the number goes to std::from_chars.
  int64_t mantissa = 0;
  int digits = 0;
  for (; digit() && digits <= 15; ++p, ++digits) mantissa = mantissa * 10 + (*p - '0');
  const int whole_digits = digits;
  int decimals = -1;  // -1: no dot
  if (whole_digits > 0 && p < end && *p == '.') {
    ++p;
    for (; digit() && digits <= 15; ++p, ++digits) mantissa = mantissa * 10 + (*p - '0');
    decimals = digits - whole_digits;
  }
  if (p == end && whole_digits > 0 && digits <= 15 && decimals != 0 &&
      decimals < static_cast<int>(std::size(kPowers))) {
    const double value = static_cast<double>(mantissa) / kPowers[decimals < 0 ? 0 : decimals];
    out = negative ? -value : value;
    return true;
  }
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

// Fills the numeric fields of `place`; false if one is malformed.
bool ParseNumbers(std::string_view geonameid, std::string_view lat, std::string_view lon,
                  std::string_view population, PlaceRecord& place) {
  if (!ParseInt(geonameid, place.geonameid) || !ParseInt(population, place.population)) {
    return false;
  }
  if (lat.empty() || lon.empty()) return true;
  if (!ParseDouble(lat, place.lat) || !ParseDouble(lon, place.lon)) return false;
  place.has_coordinates = true;
  return true;
}

template <typename Fn>
void ForEachPiped(std::string_view list, Fn fn) {
  while (!list.empty()) {
    const size_t bar = list.find('|');
    const std::string_view item = list.substr(0, bar);
    if (!item.empty()) fn(item);
    if (bar == std::string_view::npos) break;
    list.remove_prefix(bar + 1);
  }
}

// "Taif" for "Ta'if" and "Ta’if", "Sanaa" for "Sana'a": a name without its apostrophes
// inside a word (after two letters at least: not an elision, "N'Djamena"), as English
// news writes it; empty when it has none.
std::string WithoutInnerApostrophes(std::string_view name) {
  std::string dropped;
  bool changed = false;
  const auto letter = [&](size_t at) {
    return at < name.size() && std::isalpha(static_cast<unsigned char>(name[at]));
  };
  for (size_t i = 0; i < name.size();) {
    const size_t width = name[i] == '\'' ? 1 : (name.substr(i, 3) == "\xE2\x80\x99" ? 3 : 0);
    if (width > 0 && i >= 2 && letter(i - 1) && letter(i - 2) && letter(i + width)) {
      changed = true;
      i += width;
      continue;
    }
    dropped.push_back(name[i]);
    ++i;
  }
  return changed ? dropped : std::string();
}

// Other ways writers spell a name, indexed as spelling variants: without accents
// ("Rio Grande do Sul"), without an apostrophe inside a word ("Sanaa"), without a
// leading "The" ("Bronx"), with the other form of a
// compass word ("Eastern Macedonia and Thrace" for "East Macedonia and Thrace"), and for
// subdivisions without the kind word ("Vientiane" for "Vientiane Prefecture", read as
// the subdivision only where "Province", "Capital" and the like follow it).
void AddVariants(GazetteerTables& t, std::string_view name, const NameEntry& entry,
                 bool subdivision, bool merge = true) {
  NameEntry variant = entry;
  variant.alternate = true;
  std::vector<std::string> forms;
  const std::string folded = FoldNameAccents(name);
  if (folded != name) forms.push_back(folded);
  if (name.starts_with("The ") && name.size() > 4) forms.emplace_back(name.substr(4));
  if (std::string dropped = WithoutInnerApostrophes(folded); !dropped.empty()) {
    forms.push_back(std::move(dropped));
  }
  // "Emilia Romagna" for "Emilia-Romagna".
  if (name.find('-') != std::string_view::npos) {
    std::string spaced(name);
    std::replace(spaced.begin(), spaced.end(), '-', ' ');
    forms.push_back(std::move(spaced));
  }
  // "St Catherine" and "St. Catherine" for "Saint Catherine", and back; "Ste" for "Sainte".
  static constexpr std::array<std::string_view, 3> kSaints[] = {{"Saint ", "St ", "St. "},
                                                                {"Sainte ", "Ste ", "Ste. "}};
  const size_t spelled = forms.size();
  for (size_t i = 0; i <= spelled; ++i) {
    const std::string base = i < spelled ? forms[i] : std::string(name);
    for (const auto& saint : kSaints) {
      for (std::string_view from : saint) {
        if (!base.starts_with(from)) continue;
        for (std::string_view to : saint) {
          if (to != from) forms.push_back(std::string(to) + base.substr(from.size()));
        }
      }
    }
  }
  static constexpr std::pair<std::string_view, std::string_view> kCompass[] = {
      {"East ", "Eastern "}, {"West ", "Western "}, {"North ", "Northern "},
      {"South ", "Southern "}, {"Central ", "Centre "}};
  for (const auto& [short_form, long_form] : kCompass) {
    if (name.starts_with(short_form)) {
      forms.push_back(std::string(long_form) + std::string(name.substr(short_form.size())));
    } else if (name.starts_with(long_form)) {
      forms.push_back(std::string(short_form) + std::string(name.substr(long_form.size())));
    }
  }
  if (subdivision) {
    // Russian names as English news writes them: "Primorskij kraj" is "Primorsky Krai"
    // and "Primorsky Territory"; "Sverdlovsk Oblast" is "Sverdlovsk Region".
    std::string english(name);
    for (const auto& [from, to] : {std::pair<std::string_view, std::string_view>{"skij ", "sky "},
                                   {"skiy ", "sky "}, {"skii ", "sky "}, {" kraj", " Krai"},
                                   {" kray", " Krai"}, {" Kray", " Krai"}, {" krai", " Krai"}}) {
      for (size_t at = english.find(from); at != std::string::npos; at = english.find(from, at)) {
        english.replace(at, from.size(), to);
        at += to.size();
      }
    }
    if (english != name) forms.push_back(english);
    for (const auto& [kind, others] :
         {std::pair<std::string_view, std::array<std::string_view, 2>>{" Krai", {" Territory", " Region"}},
          {" Oblast", {" Region", " Province"}}}) {
      if (!std::string_view(english).ends_with(kind)) continue;
      const std::string_view stem = std::string_view(english).substr(0, english.size() - kind.size());
      for (std::string_view other : others) forms.push_back(std::string(stem) + std::string(other));
    }
    // Korean provinces as English news writes them: "Gyeonggi-do" is "Gyeonggi",
    // "Gyeongsangbuk-do" is "North Gyeongsang" and "Jeollanam-do" "South Jeolla".
    if (name.size() > 6 && name.ends_with("-do")) {
      const std::string_view stem = name.substr(0, name.size() - 3);
      if (stem.ends_with("buk") || stem.ends_with("nam")) {
        const std::string_view compass = stem.ends_with("buk") ? "North " : "South ";
        forms.push_back(std::string(compass) + std::string(stem.substr(0, stem.size() - 3)));
      } else {
        forms.emplace_back(stem);
      }
    }
    static constexpr std::string_view kKinds[] = {
        " Prefecture",   " Province", " Region",   " Governorate", " Oblast",
        " Krai",         " State",    " District", " Department",  " Territory",
        " Municipality", " County",   " Division", " Parish"};
    // What is left must be a name, not a word such as "National" or "Central".
    static constexpr std::string_view kNotNames[] = {
        "National", "National Capital", "Capital", "Central", "Northern", "Southern", "Eastern",
        "Western", "North", "South", "East", "West", "Federal", "Upper", "Lower", "Greater",
        "New", "Special", "Autonomous", "Metropolitan", "Coast", "Coastal", "Interior"};
    for (std::string_view kind : kKinds) {
      if (name.size() <= kind.size() + 3 || !name.ends_with(kind)) continue;
      const std::string_view rest = name.substr(0, name.size() - kind.size());
      if (std::find(std::begin(kNotNames), std::end(kNotNames), rest) == std::end(kNotNames)) {
        forms.emplace_back(rest);
      }
    }
  }
  for (const std::string& form : forms) {
    t.AddName(form, variant, merge);
  }
}

// A city's name without the river or area that tells it from another of its name, as
// news writes it: "Frankfurt" of "Frankfurt am Main" and "Frankfurt (Oder)", "Halle" of
// "Halle (Saale)", "Freiburg" of "Freiburg im Breisgau"; empty for other names.
std::string_view WithoutRiverOrArea(std::string_view name) {
  for (std::string_view marker : {" am ", " an der ", " im ", " ("}) {
    const size_t at = name.find(marker);
    if (at != std::string_view::npos && at >= 3) return name.substr(0, at);
  }
  return {};
}

// The script a news name is written in (news_names columns).
enum class Script { kLatin, kHan, kCyrillic };

Script ScriptOf(std::string_view name) {
  size_t length = 0;
  const char32_t first = DecodeUtf8(name, 0, length);
  if (IsHan(first)) return Script::kHan;
  if (IsCyrillic(first)) return Script::kCyrillic;
  return Script::kLatin;
}

size_t CountChars(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// A Chinese town of two characters with fewer people than this is read only before an
// administrative suffix: such names are mostly words too (shengli "victory", minzhu
// "democracy").
constexpr int64_t kShortHanNamePopulation = 100000;

// A Chinese name: as written, and without its administrative suffix as a variant
// (Heilongjiang Sheng is also Heilongjiang). Cities drop only the suffixes of cities.
void AddHanName(GazetteerTables& t, std::string_view name, NameEntry entry, PlaceLevel level,
                int64_t population) {
  auto add = [&](std::string_view form, NameEntry e) {
    e.needs_noun = level == PlaceLevel::kCity && CountChars(form) == 2 &&
                   population < kShortHanNamePopulation;
    t.AddName(form, e, false);
  };
  add(name, entry);
  if (level != PlaceLevel::kSubdivision && level != PlaceLevel::kCity) return;
  for (const HanSuffix& suffix : t.han_suffixes) {
    if (level == PlaceLevel::kCity && suffix.level != PlaceLevel::kCity) continue;
    // What is left must be two characters at least.
    if (name.size() >= suffix.text.size() + 6 && name.ends_with(suffix.text)) {
      NameEntry variant = entry;
      variant.alternate = true;
      add(name.substr(0, name.size() - suffix.text.size()), variant);
      return;
    }
  }
}

// True for a Russian adjective in the nominative (-aya, -iy, -yy, -oy, -oe, -yaya): one
// without its noun is no name ("Moskovskiy" also says "of the city of Moscow").
bool IsRussianAdjective(std::string_view word) {
  static constexpr std::string_view kEndings[] = {"\xD0\xB0\xD1\x8F", "\xD0\xB8\xD0\xB9",
                                                  "\xD1\x8B\xD0\xB9", "\xD0\xBE\xD0\xB9",
                                                  "\xD0\xBE\xD0\xB5", "\xD1\x8F\xD1\x8F"};
  return std::any_of(std::begin(kEndings), std::end(kEndings),
                     [&](std::string_view ending) { return word.ends_with(ending); });
}

// A Cyrillic name, indexed by its stems. A subdivision is also indexed without its place
// nouns ("Respublika Tatarstan" as "Tatarstan"); where that leaves an adjective
// ("Moskovskaya" of "Moskovskaya oblast'") the variant is read only where a noun follows
// ("Kaliningradskoy i Belgorodskoy oblastey").
void AddCyrillicName(GazetteerTables& t, std::string_view name, NameEntry entry,
                     PlaceLevel level) {
  const bool one_word = name.find(' ') == std::string_view::npos &&
                        name.find('-') == std::string_view::npos;
  // "Sovetskiy", "Oktyabr'skiy": a town named by one adjective is read only after
  // "gorod" or "g.", not in "Sovetskogo Soyuza".
  if (level == PlaceLevel::kCity && one_word && IsRussianAdjective(name)) entry.needs_noun = true;
  for (const std::string& key : StemKeys(name)) t.AddName(key, entry, false);
  if (level != PlaceLevel::kSubdivision) return;
  std::vector<std::string_view> words;
  for (size_t start = 0; start <= name.size();) {
    const size_t space = std::min(name.find(' ', start), name.size());
    if (space > start) words.push_back(name.substr(start, space - start));
    start = space + 1;
  }
  size_t first = 0;
  size_t last = words.size();
  while (first < last) {
    const RussianNoun* noun = t.RussianNounOf(StemWord(words[first]));
    if (noun == nullptr || !noun->before || noun->level != PlaceLevel::kSubdivision) break;
    ++first;
  }
  while (last > first) {
    const RussianNoun* noun = t.RussianNounOf(StemWord(words[last - 1]));
    const bool kind = noun != nullptr && (noun->joins || (noun->after &&
                                                          noun->level == PlaceLevel::kSubdivision));
    if (!kind) break;
    --last;
  }
  if (last == first || (first == 0 && last == words.size())) return;
  std::string rest;
  for (size_t i = first; i < last; ++i) {
    if (!rest.empty()) rest.push_back(' ');
    rest.append(words[i]);
  }
  NameEntry variant = entry;
  variant.alternate = true;
  variant.needs_noun = IsRussianAdjective(words[last - 1]);
  for (const std::string& key : StemKeys(rest)) t.AddName(key, variant, false);
}

// A news_names cell, kept until the English tables are loaded.
struct NewsNames {
  std::string_view list;
  NameEntry entry;
  PlaceLevel level = PlaceLevel::kOther;
  int64_t population = 0;
};

// The news_names column: names in Chinese, Russian, French and Spanish. Latin ones get
// the variants of other names (without accents: "Perou" for the French "P\u00e9rou").
// Added after all other tables and without merging, so that they only add readings.
void AddNewsNames(GazetteerTables& t, const NewsNames& news) {
  NameEntry entry = news.entry;
  entry.translated = true;
  const PlaceLevel level = news.level;
  ForEachPiped(news.list, [&](std::string_view name) {
    switch (ScriptOf(name)) {
      case Script::kHan:
        AddHanName(t, name, entry, level, news.population);
        break;
      case Script::kCyrillic:
        AddCyrillicName(t, name, entry, level);
        break;
      case Script::kLatin:
        t.AddName(name, entry, false);
        AddVariants(t, name, entry, level == PlaceLevel::kSubdivision, false);
        break;
    }
  });
}

uint32_t AddPlace(GazetteerTables& t, const PlaceRecord& place) { return t.places.Add(place); }

// GeoNames writes the apostrophe of a name curly ("Cox\u2019s B\u0101z\u0101r"); a place is
// named with the straight one writers type ("Cox's Bazar").
std::string StraightApostrophes(std::string_view name) {
  constexpr std::string_view kCurly = "\u2019";
  std::string out;
  out.reserve(name.size());
  for (size_t at = name.find(kCurly); at != std::string_view::npos; at = name.find(kCurly)) {
    out.append(name.substr(0, at)).push_back('\'');
    name.remove_prefix(at + kCurly.size());
  }
  out.append(name);
  return out;
}

Status LoadCountries(const std::string& path, GazetteerTables& t, std::vector<NewsNames>& news) {
  return ForEachRow(t, path, true, 6, [&](const Fields& f, size_t line) {
    PlaceRecord place;
    place.name = f[1];
    place.country = f[0];
    place.level = PlaceLevel::kCountry;
    if (!ParseNumbers(f[2], f[3], f[4], f[5], place)) return BadValue(path, line, "bad number");
    const uint32_t index = AddPlace(t, place);
    t.countries.emplace(f[0], index);
    t.AddName(f[1], {index, kNoEntry, MentionKind::kName, false, false});
    AddVariants(t, f[1], {index, kNoEntry, MentionKind::kName, false, false}, false);
    ForEachPiped(f[6], [&](std::string_view alt) {
      t.AddName(alt, {index, kNoEntry, MentionKind::kName, false, false});
    });
    if (!f[7].empty()) {
      news.push_back({f[7], {index, kNoEntry, MentionKind::kName, false, false}, place.level,
                      place.population});
    }
    return Status::Ok();
  });
}

Status LoadSubdivisions(const std::string& path, GazetteerTables& t,
                        std::vector<NewsNames>& news) {
  return ForEachRow(t, path, true, 8, [&](const Fields& f, size_t line) {
    PlaceRecord place;
    const std::string name = StraightApostrophes(f[2]);
    place.name = name;
    place.country = f[4];
    place.subdivision = f[0];
    place.level = PlaceLevel::kSubdivision;
    if (!ParseNumbers(f[3], f[5], f[6], f[7], place)) return BadValue(path, line, "bad number");
    const uint32_t index = AddPlace(t, place);
    if (!f[0].empty()) t.subdivisions.emplace(f[0], index);
    t.AddName(f[2], {index, kNoEntry, MentionKind::kName, false, false});
    AddVariants(t, f[2], {index, kNoEntry, MentionKind::kName, false, false}, true);
    ForEachPiped(f[8], [&](std::string_view variant) {
      t.AddName(variant, {index, kNoEntry, MentionKind::kName, true, false});
      AddVariants(t, variant, {index, kNoEntry, MentionKind::kName, true, false}, true);
    });
    if (!f[9].empty()) {
      news.push_back({f[9], {index, kNoEntry, MentionKind::kName, true, false}, place.level,
                      place.population});
    }
    return Status::Ok();
  });
}

Status LoadCities(const std::string& path, bool small, GazetteerTables& t,
                  std::unordered_map<int64_t, uint32_t>& by_id, std::vector<NewsNames>& news) {
  return ForEachRow(t, path, true, 10, [&](const Fields& f, size_t line) {
    PlaceRecord place;
    const std::string name = StraightApostrophes(f[1]);
    place.name = name;
    place.country = f[6];
    place.subdivision = f[7];
    // A small place that is an administrative unit (China's counties: "浦东新区") is read
    // as the divisions are, below the cities, and only by its names in the news
    // languages: its spelling in pinyin ("Huangpu") names other things in English texts.
    const bool unit = small && f[9] == "ADM3";
    place.level = unit ? PlaceLevel::kOther : PlaceLevel::kCity;
    place.small = small;
    if (!ParseNumbers(f[0], f[4], f[5], f[8], place)) return BadValue(path, line, "bad number");
    const uint32_t index = AddPlace(t, place);
    if (!small) by_id.emplace(place.geonameid, index);
    if (f[9] == "PPLC") t.capitals.emplace(place.country, index);
    if (!unit) t.AddName(f[1], {index, kNoEntry, MentionKind::kName, false, false});
    if (!f[2].empty()) t.AddName(f[2], {index, kNoEntry, MentionKind::kName, false, false});
    if (std::string dropped = WithoutInnerApostrophes(f[2].empty() ? f[1] : f[2]);
        !unit && !dropped.empty()) {
      t.AddName(dropped, {index, kNoEntry, MentionKind::kName, true, false});
    }
    if (!small && f[1].starts_with("The ")) {
      AddVariants(t, f[1], {index, kNoEntry, MentionKind::kName, false, false}, false);
    }
    if (!small) {
      if (const std::string_view short_name = WithoutRiverOrArea(f[1]); !short_name.empty()) {
        t.AddName(short_name, {index, kNoEntry, MentionKind::kName, true, false});
      }
    }
    ForEachPiped(f[3], [&](std::string_view alt) {
      t.AddName(alt, {index, kNoEntry, MentionKind::kName, true, false});
    });
    if (!f[10].empty()) {
      news.push_back({f[10], {index, kNoEntry, MentionKind::kName, true, false}, place.level,
                      place.population});
    }
    return Status::Ok();
  });
}

// The lower level of ISO 3166-2 (French departments, English counties, Philippine
// provinces): places of the level "other" in their first-level unit, read like small
// places only where the context names their country ("Kent" is Washington's town in a
// text about the United States).
Status LoadDivisions(const std::string& path, GazetteerTables& t, std::vector<NewsNames>& news) {
  return ForEachRow(t, path, true, 6, [&](const Fields& f, size_t) {
    PlaceRecord place;
    const std::string name = StraightApostrophes(f[1]);
    place.name = name;
    place.subdivision = f[2];
    place.country = f[3];
    place.level = PlaceLevel::kOther;
    place.small = true;
    const uint32_t index = AddPlace(t, place);
    const NameEntry entry{index, kNoEntry, MentionKind::kName, false, false};
    t.AddName(f[1], entry);
    AddVariants(t, f[1], entry, false);
    ForEachPiped(f[5], [&](std::string_view variant) {
      t.AddName(variant, {index, kNoEntry, MentionKind::kName, true, false});
    });
    if (!f[6].empty()) news.push_back({f[6], entry, place.level, 0});
    return Status::Ok();
  });
}

// Resolves an alias target: "RU", "CN-HL" or "geonames:703448".
bool FindTarget(const GazetteerTables& t, const std::unordered_map<int64_t, uint32_t>& by_id,
                std::string_view target, uint32_t& index) {
  constexpr std::string_view kGeonames = "geonames:";
  if (target.starts_with(kGeonames)) {
    int64_t id = 0;
    if (!ParseInt(target.substr(kGeonames.size()), id)) return false;
    const auto it = by_id.find(id);
    if (it == by_id.end()) return false;
    index = it->second;
    return true;
  }
  const auto& map = target.find('-') == std::string_view::npos ? t.countries : t.subdivisions;
  const auto it = map.find(target);
  if (it == map.end()) return false;
  index = it->second;
  return true;
}

Status LoadAliases(const std::string& path, MentionKind kind, GazetteerTables& t,
                   const std::unordered_map<int64_t, uint32_t>& by_id) {
  return ForEachRow(t, path, false, 2, [&](const Fields& f, size_t line) {
    uint32_t index = 0;
    if (!FindTarget(t, by_id, f[1], index)) {
      return BadValue(path, line, "unknown place \"" + std::string(f[1]) + "\"");
    }
    t.AddAnyName(f[0], {index, kNoEntry, kind, false, true});
    return Status::Ok();
  });
}

Status LoadRegions(const std::string& path, GazetteerTables& t) {
  std::unordered_map<std::string_view, uint32_t> by_name;
  return ForEachRow(t, path, false, 2, [&](const Fields& f, size_t) {
    auto it = by_name.find(f[1]);
    if (it == by_name.end()) {
      PlaceRecord place;
      place.name = f[1];
      place.country = f[2];
      place.level = PlaceLevel::kOther;
      it = by_name.emplace(f[1], AddPlace(t, place)).first;
    }
    t.AddAnyName(f[0], {it->second, kNoEntry, MentionKind::kName, false, true});
    return Status::Ok();
  });
}

Status LoadPlaceNouns(const std::string& path, GazetteerTables& t) {
  Status status = ForEachRow(t, path, false, 4, [&](const Fields& f, size_t line) {
    PlaceLevel level = PlaceLevel::kOther;
    if (f[2] == "subdivision") {
      level = PlaceLevel::kSubdivision;
    } else if (f[2] == "city") {
      level = PlaceLevel::kCity;
    } else if (f[2] != "-") {
      return BadValue(path, line, "reading must be subdivision, city or -");
    }
    if (f[1] == "zh" && f[3] == "suffix") {
      t.han_suffixes.push_back({f[0], level});
      return Status::Ok();
    }
    if (f[1] != "ru") return BadValue(path, line, "expected a zh suffix or a ru noun");
    RussianNoun& noun = t.russian_nouns[StemWord(f[0])];
    noun.level = level;
    if (f[3] == "before" || f[3] == "both") noun.before = true;
    if (f[3] == "after" || f[3] == "both") noun.after = true;
    if (f[3] == "joins") noun.joins = true;
    if (!noun.before && !noun.after && !noun.joins) {
      return BadValue(path, line, "position must be suffix, after, before, both or joins");
    }
    return Status::Ok();
  });
  std::stable_sort(t.han_suffixes.begin(), t.han_suffixes.end(),
                   [](const HanSuffix& a, const HanSuffix& b) {
                     return a.text.size() > b.text.size();
                   });
  return status;
}

Status LoadStopnames(const std::string& path, GazetteerTables& t) {
  return ForEachRow(t, path, false, 1, [&](const Fields& f, size_t) {
    if (IsNormalised(f[0]) && ScriptOf(f[0]) != Script::kCyrillic) {
      t.stopnames.insert(f[0]);
    } else {
      t.stopnames.insert(t.owned_keys.emplace_back(IndexKey(f[0])));
    }
    return Status::Ok();
  });
}

bool FileExists(const std::string& path) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  return file != nullptr;
}

}  // namespace

uint32_t PlaceTable::Add(const PlaceRecord& place) {
  PlaceRow row{};
  std::memset(&row, 0, sizeof row);
  row.name = text_.Add(place.name);
  row.country = text_.Add(place.country);
  row.subdivision = text_.Add(place.subdivision);
  row.geonameid = place.geonameid;
  row.population = place.population;
  row.lat = place.lat;
  row.lon = place.lon;
  row.level = static_cast<uint8_t>(place.level);
  row.has_coordinates = place.has_coordinates ? 1 : 0;
  row.small = place.small ? 1 : 0;
  rows_.Owned().push_back(row);
  return static_cast<uint32_t>(rows_.size() - 1);
}

Place PlaceRecord::ToPlace() const {
  Place place;
  place.name = std::string(name);
  place.country = std::string(country);
  place.subdivision = std::string(subdivision);
  place.geonameid = geonameid;
  place.level = level;
  place.lat = lat;
  place.lon = lon;
  place.has_coordinates = has_coordinates;
  place.population = population;
  return place;
}

void GazetteerTables::AddName(std::string_view name, NameEntry entry, bool merge) {
  // A name in traditional characters is looked up as texts are, in simplified ones
  // (FindPlaces simplifies them): "馬爾地夫" is also "马尔地夫".
  if (ScriptOf(name) == Script::kHan) {
    std::string simple(name);
    if (SimplifyHan(simple) > 0) AddName(simple, entry, merge);
  }
  // The index keeps a copy of each key it adds: a normalised one need not outlive this.
  std::string normalised;
  std::string_view key = name;
  if (!IsNormalised(name)) key = normalised = NormaliseName(name);
  if (key.empty()) return;
  std::vector<NameEntry>& all = entries.Owned();
  const uint32_t index = static_cast<uint32_t>(all.size());
  {
    uint32_t* link = &names.FindOrInsert(key);
    while (*link != kNoEntry) {
      NameEntry& e = all[*link];
      // A hand-written alias for a name the tables already have ("Iran") only makes
      // that reading authoritative; the mention stays a name.
      if (e.place == entry.place) {
        if (!merge) return;
        e.authoritative = e.authoritative || entry.authoritative;
        e.alternate = e.alternate && entry.alternate;
        e.needs_noun = e.needs_noun && entry.needs_noun;
        return;
      }
      link = &e.next;
    }
    *link = index;
  }
  entry.next = kNoEntry;
  all.push_back(entry);
}

const HanSuffix* GazetteerTables::HanSuffixAt(std::string_view text) const {
  for (const HanSuffix& suffix : han_suffixes) {
    if (text.starts_with(suffix.text)) return &suffix;
  }
  return nullptr;
}

const RussianNoun* GazetteerTables::RussianNounOf(const std::string& stem) const {
  const auto it = russian_nouns.find(stem);
  return it == russian_nouns.end() ? nullptr : &it->second;
}

void GazetteerTables::AddAnyName(std::string_view name, NameEntry entry) {
  if (ScriptOf(name) == Script::kCyrillic) {
    for (const std::string& key : StemKeys(name)) AddName(key, entry);
    // ("Брестская область": also "Брестской" before a noun, or with its noun left out.)
    if (places[entry.place].level == PlaceLevel::kSubdivision) {
      AddCyrillicName(*this, name, entry, PlaceLevel::kSubdivision);
    }
  } else {
    AddName(name, entry);
  }
}

std::vector<NameEntry> GazetteerTables::Readings(std::string_view key) const {
  std::vector<NameEntry> out;
  for (uint32_t i = names.Find(key); i != kNoEntry; i = entries[i].next) out.push_back(entries[i]);
  return out;
}

void NameIndex::Reserve(size_t names) {
  size_t capacity = 16;
  while (capacity < names * 2) capacity *= 2;
  slots_.Owned().assign(capacity, Slot());
  size_ = 0;
}

namespace {
// The prefix filter hashes a key eight bytes at a time, so that loading finds and
// hashes the prefixes of some 2 * 10^5 keys in a few instructions a chunk.
constexpr uint64_t kPrime = 0x100000001B3ull;
constexpr uint64_t kSeed = 0xCBF29CE484222325ull;
// 2^21 bits (256 KiB) for some 10^5 prefixes: few false positives.
constexpr int kPrefixBitsLog = 21;

// Up to eight bytes from `p`, the first in the lowest bits, zeros after the last. A
// short tail is read as two loads that overlap rather than byte by byte.
uint64_t Chunk(const char* p, size_t n) {
  constexpr bool kBig = std::endian::native == std::endian::big;
  if (n >= 8) {
    uint64_t w = 0;
    std::memcpy(&w, p, 8);
    return kBig ? __builtin_bswap64(w) : w;
  }
  if (n >= 4) {
    uint32_t first = 0;
    uint32_t last = 0;
    std::memcpy(&first, p, 4);
    std::memcpy(&last, p + n - 4, 4);
    if constexpr (kBig) {
      first = __builtin_bswap32(first);
      last = __builtin_bswap32(last);
    }
    return first | (uint64_t{last} << (8 * (n - 4)));
  }
  if (n == 0) return 0;
  const auto byte = [p](size_t k) { return uint64_t{static_cast<unsigned char>(p[k])} << (8 * k); };
  return byte(0) | byte(n / 2) | byte(n - 1);
}

uint64_t MixChunk(uint64_t hash, uint64_t chunk) { return (hash ^ chunk) * kPrime; }

// The chunks of `text` mixed in turn: what MayGoOn looks up, and with a finaliser
// (MurmurHash3's) the slot hash.
uint64_t ChunkHash(std::string_view text) {
  uint64_t hash = kSeed;
  size_t offset = 0;
  for (; offset + 8 <= text.size(); offset += 8) hash = MixChunk(hash, Chunk(text.data() + offset, 8));
  if (offset < text.size()) hash = MixChunk(hash, Chunk(text.data() + offset, text.size() - offset));
  return hash;
}

// All 64 bits are mixed: the low 32 are the slot hash, which places a key by its lowest
// bits; the key filter takes its two bits from the 44 above the twentieth.
uint64_t KeyHash(std::string_view key) {
  uint64_t hash = ChunkHash(key) ^ key.size();
  hash = (hash ^ (hash >> 33)) * 0xFF51AFD7ED558CCDull;
  hash = (hash ^ (hash >> 33)) * 0xC4CEB9FE1A85EC53ull;
  return hash ^ (hash >> 33);
}

// 2^22 bits (512 KiB), two for each of some 2 * 10^5 keys: under 1% of absent keys
// pass. Most keys the matcher looks up are absent ("Health", "Minister" and the
// n-grams they open); the filter answers them from the cache, where a probe into the
// slots (12 MB) is a miss to memory.
constexpr int kKeyBitsLog = 22;
constexpr uint64_t kKeyBitMask = (uint64_t{1} << kKeyBitsLog) - 1;

std::pair<size_t, size_t> KeyBits(uint64_t hash) {
  return {static_cast<size_t>(hash >> (64 - kKeyBitsLog)),
          static_cast<size_t>((hash >> 20) & kKeyBitMask)};
}

size_t PrefixBit(uint64_t hash, size_t length) {
  return static_cast<size_t>(MixChunk(hash, length) >> (64 - kPrefixBitsLog));
}
}  // namespace

// Notes every prefix of an ASCII start of `key` that a byte from 0x20 to 0x2F follows
// (space, "-", ".", "'", ",", "&": all punctuation the tokeniser keeps, and a few more).
void NameIndex::NotePrefixes(std::string_view key) {
  std::vector<uint64_t>& prefixes = prefixes_.Owned();
  if (prefixes.empty()) prefixes.assign(PrefixWords(), 0);
  const auto note = [&prefixes](size_t bit) { prefixes[bit / 64] |= uint64_t{1} << (bit % 64); };
  uint64_t hash = kSeed;
  for (size_t offset = 0; offset < key.size(); offset += 8) {
    const size_t n = std::min<size_t>(8, key.size() - offset);
    const uint64_t chunk = Chunk(key.data() + offset, n);
    // High bit of each byte in 0x20..0x2F (zero padding is not), up to the first
    // byte beyond ASCII.
    const uint64_t x = (chunk & (kOnes * 0xF0)) ^ (kOnes * 0x20);
    uint64_t separators = ~(((x & kLow7) + kLow7) | x | kLow7);
    const uint64_t beyond_ascii = chunk & kHigh;
    if (beyond_ascii != 0) separators &= (beyond_ascii & (~beyond_ascii + 1)) - 1;
    while (separators != 0) {
      const size_t k = static_cast<size_t>(std::countr_zero(separators)) / 8;
      separators &= separators - 1;
      if (offset + k == 0) continue;
      const uint64_t head = k == 0 ? hash : MixChunk(hash, chunk & ((uint64_t{1} << (8 * k)) - 1));
      note(PrefixBit(head, offset + k));
    }
    if (beyond_ascii != 0 || n < 8) return;
    hash = MixChunk(hash, chunk);
  }
}

size_t NameIndex::PrefixWords() { return (size_t{1} << kPrefixBitsLog) / 64; }
size_t NameIndex::KeyWords() { return (size_t{1} << kKeyBitsLog) / 64; }

bool NameIndex::MayGoOn(std::string_view prefix) const {
  if (prefixes_.empty()) return false;
  const size_t bit = PrefixBit(ChunkHash(prefix), prefix.size());
  return (prefixes_[bit / 64] >> (bit % 64)) & 1;
}

// Linear probing over a table at most half full.
size_t NameIndex::SlotOf(std::string_view key, uint32_t hash) const {
  const size_t mask = slots_.size() - 1;
  size_t slot = hash & mask;
  while (slots_[slot].key.length != 0 &&
         (slots_[slot].hash != hash || text_.Get(slots_[slot].key) != key)) {
    slot = (slot + 1) & mask;
  }
  return slot;
}

uint32_t& NameIndex::FindOrInsert(std::string_view key) {
  if (slots_.empty() || (size_ + 1) * 2 > slots_.size()) Grow();
  const uint64_t key_hash = KeyHash(key);
  const uint32_t hash = static_cast<uint32_t>(key_hash);
  Slot& slot = slots_.Owned()[SlotOf(key, hash)];
  if (slot.key.length == 0) {
    slot.key = text_.Add(key);
    slot.hash = hash;
    ++size_;
    NotePrefixes(key);
    std::vector<uint64_t>& keys = keys_.Owned();
    if (keys.empty()) keys.assign(KeyWords(), 0);
    const auto [first, second] = KeyBits(key_hash);
    keys[first / 64] |= uint64_t{1} << (first % 64);
    keys[second / 64] |= uint64_t{1} << (second % 64);
  }
  return slot.head;
}

uint32_t NameIndex::Find(std::string_view key) const {
  if (keys_.empty() || key.empty()) return kNoEntry;
  const uint64_t key_hash = KeyHash(key);
  const auto [first, second] = KeyBits(key_hash);
  if (((keys_[first / 64] >> (first % 64)) & (keys_[second / 64] >> (second % 64)) & 1) == 0) {
    return kNoEntry;
  }
  return slots_[SlotOf(key, static_cast<uint32_t>(key_hash))].head;
}

void NameIndex::Grow() {
  std::vector<Slot> old = std::move(slots_.Owned());
  Reserve(std::max<size_t>(old.size(), 8));
  for (const Slot& s : old) {
    if (s.key.length == 0) continue;
    slots_.Owned()[SlotOf(text_.Get(s.key), s.hash)] = s;
    ++size_;
  }
}

namespace {

// The letter each of U+00C0..U+00FF is without its accents (NFD, marks removed), or 0
// for the letters that have no decomposition (AE, Eth, O with stroke, Thorn, sharp s)
// and the signs for multiplication and division.
constexpr char kLatin1Base[64 + 1] =
    "AAAAAA\0CEEEEIIII\0NOOOOO\0\0UUUUY\0\0"
    "aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0y";

}  // namespace

std::string FoldNameAccents(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      continue;
    }
    const unsigned char second = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    // U+0080..U+00BF: controls and signs, none with a canonical decomposition or a
    // combining mark. Recomposing (NFC) changes nothing either: what is left of the
    // text is ASCII and Latin-1 characters, none of which combine.
    if (c == 0xC2 && (second & 0xC0) == 0x80) {
      out.append(text.substr(i, 2));
      ++i;
      continue;
    }
    if (c == 0xC3 && (second & 0xC0) == 0x80) {
      const char base = kLatin1Base[second - 0x80];
      if (base != 0) {
        out.push_back(base);
      } else {
        out.append(text.substr(i, 2));
      }
      ++i;
      continue;
    }
    return FoldAccents(text);  // other letters, marks and invalid UTF-8: ICU's answer
  }
  return out;
}

bool IsNormalised(std::string_view name) {
  if (name.empty() || name.front() == ' ' || name.back() == ' ') return false;
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (c == '\t' || (c == ' ' && name[i + 1] == ' ') || c == '\xE2') return false;
  }
  return true;
}

std::string NormaliseName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (c == ' ' || c == '\t') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    // U+2019 and U+2018 -> '\'', U+2010..U+2014 -> '-'.
    if (c == '\xE2' && i + 2 < name.size() && name[i + 1] == '\x80') {
      const unsigned char third = static_cast<unsigned char>(name[i + 2]);
      if (third == 0x98 || third == 0x99) {
        out.push_back('\'');
        i += 2;
        continue;
      }
      if (third >= 0x90 && third <= 0x94) {
        out.push_back('-');
        i += 2;
        continue;
      }
    }
    out.push_back(c);
  }
  return out;
}

Status LoadTables(const std::string& dir, GazetteerTables& t) {
  const std::string base = dir.empty() || dir.back() == '/' ? dir : dir + "/";
  std::unordered_map<int64_t, uint32_t> city_by_id;
  // Sized for the committed tables plus small_places.tsv, so nothing rehashes.
  constexpr size_t kExpectedNames = 200000;
  city_by_id.reserve(40000);
  t.names.Reserve(kExpectedNames);
  t.entries.Owned().reserve(kExpectedNames);
  t.places.Reserve(kExpectedNames);
  std::vector<NewsNames> news;
  news.reserve(40000);
  Status status = LoadCountries(base + "countries.tsv", t, news);
  if (status.ok()) status = LoadPlaceNouns(base + "place_nouns.tsv", t);
  if (status.ok()) status = LoadSubdivisions(base + "subdivisions.tsv", t, news);
  if (status.ok()) status = LoadCities(base + "cities.tsv", false, t, city_by_id, news);
  if (status.ok() && FileExists(base + "small_places.tsv")) {
    status = LoadCities(base + "small_places.tsv", true, t, city_by_id, news);
  }
  if (status.ok() && FileExists(base + "divisions.tsv")) {
    status = LoadDivisions(base + "divisions.tsv", t, news);
  }
  if (status.ok()) status = LoadAliases(base + "aliases.tsv", MentionKind::kAlias, t, city_by_id);
  if (status.ok()) {
    status = LoadAliases(base + "demonyms.tsv", MentionKind::kDemonym, t, city_by_id);
  }
  if (status.ok()) status = LoadRegions(base + "regions.tsv", t);
  if (status.ok()) {
    for (const NewsNames& names : news) AddNewsNames(t, names);
  }
  if (status.ok()) status = LoadStopnames(base + "stopnames.tsv", t);
  return status;
}

namespace {

// Lower case of a word in ASCII and the Russian letters (U+0400..U+042F), without ICU's
// conversions to and from UTF-16; false for any other letter (ICU folds those).
bool LowerRussian(std::string_view word, std::string& out) {
  out.clear();
  out.reserve(word.size());
  for (size_t i = 0; i < word.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c));
      continue;
    }
    if ((c != 0xD0 && c != 0xD1) || i + 1 == word.size()) return false;
    const char32_t cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(word[++i]) & 0x3F);
    char32_t lower = cp;
    if (cp >= 0x410 && cp <= 0x42F) lower = cp + 0x20;
    if (cp >= 0x400 && cp <= 0x40F) lower = cp + 0x50;
    if (lower > 0x45F) return false;  // letters of other Cyrillic alphabets
    out.push_back(static_cast<char>(0xC0 | (lower >> 6)));
    out.push_back(static_cast<char>(0x80 | (lower & 0x3F)));
  }
  return true;
}

}  // namespace

namespace {

// A word in lower case, "yo" (U+0451) as "ye" (U+0435): written either way.
std::string LowerWord(std::string_view word) {
  std::string folded;
  if (!LowerRussian(word, folded)) folded = FoldCase(word);
  for (size_t at = folded.find("\xD1\x91"); at != std::string::npos;
       at = folded.find("\xD1\x91", at)) {
    folded.replace(at, 2, "\xD0\xB5");
  }
  return folded;
}

// Endings of the cases of nouns and adjectives (a, ya, u, ... oy, ogo, ymi), shortest
// first; the first ten are the one-letter endings of nominatives.
constexpr std::string_view kEndings[] = {
    "\xD0\xB0", "\xD1\x8F", "\xD1\x83", "\xD1\x8E", "\xD0\xB5", "\xD0\xB8", "\xD1\x8B",
    "\xD0\xBE", "\xD0\xB9", "\xD1\x8C", "\xD0\xBE\xD0\xB9", "\xD0\xBE\xD1\x8E",
    "\xD0\xB5\xD0\xB9", "\xD0\xB5\xD1\x8E", "\xD0\xB5\xD0\xBC", "\xD0\xBE\xD0\xBC",
    "\xD1\x8C\xD1\x8E", "\xD0\xB0\xD0\xBC", "\xD1\x8F\xD0\xBC", "\xD0\xB0\xD1\x85",
    "\xD1\x8F\xD1\x85", "\xD0\xB0\xD1\x8F", "\xD1\x8F\xD1\x8F", "\xD0\xBE\xD0\xB5",
    "\xD0\xB5\xD0\xB5", "\xD1\x8B\xD0\xB5", "\xD0\xB8\xD0\xB5", "\xD1\x8B\xD0\xB9",
    "\xD0\xB8\xD0\xB9", "\xD1\x83\xD1\x8E", "\xD1\x8E\xD1\x8E", "\xD1\x8B\xD0\xBC",
    "\xD0\xB8\xD0\xBC", "\xD1\x8B\xD1\x85", "\xD0\xB8\xD1\x85", "\xD0\xB0\xD0\xBC\xD0\xB8",
    "\xD1\x8F\xD0\xBC\xD0\xB8", "\xD0\xBE\xD0\xB3\xD0\xBE", "\xD0\xB5\xD0\xB3\xD0\xBE",
    "\xD0\xBE\xD0\xBC\xD1\x83", "\xD0\xB5\xD0\xBC\xD1\x83", "\xD1\x8B\xD0\xBC\xD0\xB8",
    "\xD0\xB8\xD0\xBC\xD0\xB8"};
constexpr size_t kNominativeEndings = 10;
// "ov", "ev": the genitive plural, read only at the end of a longer name ("Soedinennykh
// Shtatov"); alone it is a surname ("Sokolov" is not the town of Sokol).
constexpr std::string_view kPluralEndings[] = {"\xD0\xBE\xD0\xB2", "\xD0\xB5\xD0\xB2"};

// A word of at least two letters is left after removing an ending (Cyrillic letters
// are two bytes).
constexpr size_t kMinBaseBytes = 4;

// The word without its one-letter nominative ending.
std::string_view LightBase(std::string_view lower) {
  for (size_t i = 0; i < kNominativeEndings; ++i) {
    if (lower.size() >= kMinBaseBytes + 2 && lower.ends_with(kEndings[i])) {
      return lower.substr(0, lower.size() - 2);
    }
  }
  return lower;
}

}  // namespace

std::string StemWord(std::string_view word) { return Stem(LowerWord(word), "ru"); }

std::vector<std::string> NameStems(std::string_view word) {
  const std::string lower = LowerWord(word);
  if (IsRussianAdjective(lower)) return {Stem(lower, "ru")};
  // Foreign names in -o, -e, -u, -yu, -i do not decline ("Tokio", "Peru", "Sochi"): as
  // written, so that "Koro" is not read in "Kor'yu" (measles) nor "Miri" in "Mir";
  // but Russian ones in -ovo, -ino, -'e, -ie do ("Ivanovo", "Podmoskov'e").
  static constexpr std::string_view kIndeclinable[] = {"\xD0\xBE", "\xD0\xB5", "\xD1\x83",
                                                       "\xD1\x8E", "\xD0\xB8"};
  static constexpr std::string_view kDeclinable[] = {
      "\xD1\x8C\xD0\xB5", "\xD0\xB8\xD0\xB5", "\xD0\xBE\xD0\xB2\xD0\xBE",
      "\xD0\xB5\xD0\xB2\xD0\xBE", "\xD0\xB8\xD0\xBD\xD0\xBE", "\xD1\x8B\xD0\xBD\xD0\xBE"};
  const auto ends_in = [&](const auto& endings) {
    return std::any_of(std::begin(endings), std::end(endings),
                       [&](std::string_view ending) { return lower.ends_with(ending); });
  };
  const std::string light(LightBase(lower));
  if (ends_in(kIndeclinable) && !ends_in(kDeclinable)) {
    // "Khimki", "Mytishchi", "Velikie Luki": Russian plurals in -ki, -gi, -khi, -chi,
    // -shchi, -shi, -zhi decline; foreign names in -i ("Miri", "Mirni") do not.
    static constexpr std::string_view kPlurals[] = {
        "\xD0\xBA\xD0\xB8", "\xD0\xB3\xD0\xB8", "\xD1\x85\xD0\xB8", "\xD1\x87\xD0\xB8",
        "\xD1\x89\xD0\xB8", "\xD1\x88\xD0\xB8", "\xD0\xB6\xD0\xB8"};
    if (ends_in(kPlurals) && light.size() >= 8) return {lower, light};
    return {lower};
  }
  // Nouns by their base, not by their Snowball stem: Snowball reads proper nouns as common
  // words and takes more ("Azov" -> "az", "Kitay" -> "kita" but "Kitaya" -> "kit").
  return {light};
}

std::string NameStem(std::string_view word) { return NameStems(word).front(); }

std::vector<std::string> NameStemCandidates(std::string_view word, bool end_of_longer_name) {
  std::vector<std::string> out;
  const std::string lower = LowerWord(word);
  const auto add = [&](std::string_view ending) {
    if (lower.size() >= ending.size() + kMinBaseBytes && lower.ends_with(ending)) {
      std::string base = lower.substr(0, lower.size() - ending.size());
      if (std::find(out.begin(), out.end(), base) == out.end()) out.push_back(std::move(base));
    }
  };
  add("");
  for (std::string_view ending : kEndings) add(ending);
  if (end_of_longer_name) {
    for (std::string_view ending : kPluralEndings) add(ending);
  }
  return out;
}

std::vector<std::string> StemKeys(std::string_view name) {
  std::vector<std::string_view> words;
  size_t start = 0;
  for (size_t i = 0; i <= name.size(); ++i) {
    if (i < name.size() && name[i] != ' ' && name[i] != '-') continue;
    if (i > start) words.push_back(name.substr(start, i - start));
    start = i + 1;
  }
  if (words.empty()) return {};
  std::string prefix;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    prefix += StemWord(words[i]);
    prefix.push_back(' ');
  }
  std::vector<std::string> keys;
  for (const std::string& last : NameStems(words.back())) keys.push_back(prefix + last);
  return keys;
}

std::string StemKey(std::string_view name) {
  std::vector<std::string> keys = StemKeys(name);
  return keys.empty() ? std::string() : std::move(keys.front());
}

std::string IndexKey(std::string_view name) {
  size_t length = 0;
  if (!name.empty() && IsCyrillic(DecodeUtf8(name, 0, length))) return StemKey(name);
  return NormaliseName(name);
}

namespace {

constexpr bool IsSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || cp == 0x202F || (cp >= 0x2000 && cp <= 0x200A);
}

constexpr bool IsWordChar(char32_t cp) {
  if (cp < 0x80)
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  if (cp < 0xC0) return false;                     // Latin-1 symbols
  if (cp == 0xD7 || cp == 0xF7) return false;      // multiplication, division signs
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  return cp != 0xFFFD && !(cp >= 0xFF00 && cp <= 0xFF0F);
}

// IsSpace and IsWordChar of each ASCII byte, looked up by the tokeniser's loops, which
// run over every byte of a text.
enum : uint8_t { kAsciiSpace = 1, kAsciiWord = 2 };
constexpr std::array<uint8_t, 256> kAsciiClass = [] {
  std::array<uint8_t, 256> classes{};  // nothing for the bytes of other characters
  for (char32_t c = 0; c < 128; ++c) {
    classes[c] =
        static_cast<uint8_t>((IsSpace(c) ? kAsciiSpace : 0) | (IsWordChar(c) ? kAsciiWord : 0));
  }
  return classes;
}();

bool IsUpper(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return true;
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x17F) return cp % 2 == 0;  // Latin Extended-A pairs
  if (cp >= 0x391 && cp <= 0x3A9) return true;         // Greek capitals
  return cp >= 0x400 && cp <= 0x42F;                   // Cyrillic capitals
}

// The joinable punctuation a code point stands for, or 0.
char PunctOf(char32_t cp) {
  switch (cp) {
    case '.':
      return '.';
    case ',':
      return ',';
    case '&':
      return '&';
    case '\'':
    case 0x2018:
    case 0x2019:
      return '\'';
    case '-':
    case 0x2010:
    case 0x2011:
    case 0x2013:
      return '-';
    default:
      return 0;
  }
}

}  // namespace

bool OpensSentence(std::string_view text, const std::vector<Token>& tokens, size_t i) {
  if (i == 0) return true;
  const Token& before = tokens[i - 1];
  if (before.type == TokenType::kPunct && before.punct == '.') return true;
  const std::string_view gap = text.substr(before.end, tokens[i].start - before.end);
  return gap.find('\n') != std::string_view::npos || before.type == TokenType::kBreak;
}

bool HoldsHanBeyondAscii(std::string_view text, const Token& token) {
  for (size_t i = token.start; i < token.end;) {
    size_t length = 0;
    if (IsHan(DecodeUtf8(text, i, length))) return true;
    i += length;
  }
  return false;
}

std::vector<Token> Tokenise(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 4 + 4);  // about one token in 4 bytes: no regrowth
  bool space = false;
  size_t i = 0;
  while (i < text.size()) {
    size_t length = 1;
    const unsigned char lead = static_cast<unsigned char>(text[i]);
    const char32_t cp = lead < 0x80 ? lead : DecodeUtf8(text, i, length);
    const uint8_t ascii_class = kAsciiClass[lead];
    if (lead < 0x80 ? (ascii_class & kAsciiSpace) != 0 : IsSpace(cp)) {
      space = true;
      i += length;
      continue;
    }
    Token token;
    token.start = i;
    token.space_before = space;
    space = false;
    if (lead < 0x80 ? (ascii_class & kAsciiWord) != 0 : IsWordChar(cp)) {
      token.type = TokenType::kWord;
      token.capitalised = IsUpper(cp);
      token.ascii = cp < 0x80;
      size_t j = i + length;
      while (j < text.size()) {
        // ASCII letters and digits, the most of any text, without decoding.
        const unsigned char byte = static_cast<unsigned char>(text[j]);
        if (kAsciiClass[byte] & kAsciiWord) {
          ++j;
          continue;
        }
        if (byte < 0x80) break;
        size_t next = 0;
        if (!IsWordChar(DecodeUtf8(text, j, next))) break;
        token.ascii = false;
        j += next;
      }
      token.end = j;
    } else {
      token.punct = PunctOf(cp);
      token.type = token.punct != 0 ? TokenType::kPunct : TokenType::kBreak;
      token.end = i + length;
    }
    i = token.end;
    tokens.push_back(token);
  }
  return tokens;
}

}  // namespace epiwire::gazetteer
