// SPDX-License-Identifier: MIT
// Loading the gazetteer tables (data/gazetteer/*.tsv) and the tokeniser the matcher
// uses. Each file is read whole and split with string_view; numbers go through
// std::from_chars. Tested by gazetteer_test.cc.
#include "epiwire/gazetteer/gazetteer_tables.h"

#include "epiwire/base/fold.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "epiwire/base/fold.h"

namespace epiwire::gazetteer {
namespace {

constexpr size_t kMaxFields = 12;

struct Fields {
  std::array<std::string_view, kMaxFields> values;
  size_t count = 0;
  std::string_view operator[](size_t i) const { return i < count ? values[i] : std::string_view(); }
};

Fields SplitTabs(std::string_view line) {
  Fields fields;
  size_t pos = 0;
  while (fields.count < kMaxFields) {
    const size_t tab = line.find('\t', pos);
    fields.values[fields.count++] =
        line.substr(pos, tab == std::string_view::npos ? tab : tab - pos);
    if (tab == std::string_view::npos) break;
    pos = tab + 1;
  }
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

bool ParseDouble(std::string_view text, double& out) {
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

// Other ways writers spell a name, indexed as spelling variants: without accents
// ("Rio Grande do Sul"), without a leading "The" ("Bronx"), with the other form of a
// compass word ("Eastern Macedonia and Thrace" for "East Macedonia and Thrace"), and for
// subdivisions without the kind word ("Vientiane" for "Vientiane Prefecture", read as
// the subdivision only where "Province", "Capital" and the like follow it).
void AddVariants(GazetteerTables& t, std::string_view name, const NameEntry& entry,
                 bool subdivision) {
  NameEntry variant = entry;
  variant.alternate = true;
  std::vector<std::string> forms;
  const std::string folded = FoldAccents(name);
  if (folded != name) forms.push_back(folded);
  if (name.starts_with("The ") && name.size() > 4) forms.emplace_back(name.substr(4));
  // "Emilia Romagna" for "Emilia-Romagna".
  if (name.find('-') != std::string_view::npos) {
    std::string spaced(name);
    std::replace(spaced.begin(), spaced.end(), '-', ' ');
    forms.push_back(std::move(spaced));
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
    static constexpr std::string_view kKinds[] = {
        " Prefecture", " Province", " Region", " Governorate", " Oblast", " Krai", " State",
        " District", " Department", " Territory", " Municipality", " County", " Division"};
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
    t.AddName(t.owned_keys.emplace_back(form), variant);
  }
}

uint32_t AddPlace(GazetteerTables& t, const PlaceRecord& place) {
  t.places.push_back(place);
  return static_cast<uint32_t>(t.places.size() - 1);
}

Status LoadCountries(const std::string& path, GazetteerTables& t) {
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
    return Status::Ok();
  });
}

Status LoadSubdivisions(const std::string& path, GazetteerTables& t) {
  return ForEachRow(t, path, true, 8, [&](const Fields& f, size_t line) {
    PlaceRecord place;
    place.name = f[2];
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
    return Status::Ok();
  });
}

Status LoadCities(const std::string& path, bool small, GazetteerTables& t,
                  std::unordered_map<int64_t, uint32_t>& by_id) {
  return ForEachRow(t, path, true, 10, [&](const Fields& f, size_t line) {
    PlaceRecord place;
    place.name = f[1];
    place.country = f[6];
    place.subdivision = f[7];
    place.level = PlaceLevel::kCity;
    place.small = small;
    if (!ParseNumbers(f[0], f[4], f[5], f[8], place)) return BadValue(path, line, "bad number");
    const uint32_t index = AddPlace(t, place);
    if (!small) by_id.emplace(place.geonameid, index);
    if (f[9] == "PPLC") t.capitals.emplace(place.country, index);
    t.AddName(f[1], {index, kNoEntry, MentionKind::kName, false, false});
    if (!f[2].empty()) t.AddName(f[2], {index, kNoEntry, MentionKind::kName, false, false});
    if (!small && f[1].starts_with("The ")) {
      AddVariants(t, f[1], {index, kNoEntry, MentionKind::kName, false, false}, false);
    }
    ForEachPiped(f[3], [&](std::string_view alt) {
      t.AddName(alt, {index, kNoEntry, MentionKind::kName, true, false});
    });
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
    t.AddName(f[0], {index, kNoEntry, kind, false, true});
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
    t.AddName(f[0], {it->second, kNoEntry, MentionKind::kName, false, true});
    return Status::Ok();
  });
}

Status LoadStopnames(const std::string& path, GazetteerTables& t) {
  return ForEachRow(t, path, false, 1, [&](const Fields& f, size_t) {
    if (IsNormalised(f[0])) {
      t.stopnames.insert(f[0]);
    } else {
      t.stopnames.insert(t.owned_keys.emplace_back(NormaliseName(f[0])));
    }
    return Status::Ok();
  });
}

bool FileExists(const std::string& path) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  return file != nullptr;
}

}  // namespace

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

void GazetteerTables::AddName(std::string_view name, NameEntry entry) {
  std::string_view key = name;
  if (!IsNormalised(name)) key = owned_keys.emplace_back(NormaliseName(name));
  if (key.empty()) return;
  const uint32_t index = static_cast<uint32_t>(entries.size());
  {
    uint32_t* link = &names.FindOrInsert(key);
    while (*link != kNoEntry) {
      NameEntry& e = entries[*link];
      // A hand-written alias for a name the tables already have ("Iran") only makes
      // that reading authoritative; the mention stays a name.
      if (e.place == entry.place) {
        e.authoritative = e.authoritative || entry.authoritative;
        e.alternate = e.alternate && entry.alternate;
        return;
      }
      link = &e.next;
    }
    *link = index;
  }
  entry.next = kNoEntry;
  entries.push_back(entry);
}

std::vector<NameEntry> GazetteerTables::Readings(std::string_view key) const {
  std::vector<NameEntry> out;
  for (uint32_t i = names.Find(key); i != kNoEntry; i = entries[i].next) out.push_back(entries[i]);
  return out;
}

void NameIndex::Reserve(size_t names) {
  size_t capacity = 16;
  while (capacity < names * 2) capacity *= 2;
  slots_.assign(capacity, Slot());
  size_ = 0;
}

namespace {
uint32_t HashOf(std::string_view key) {
  return static_cast<uint32_t>(std::hash<std::string_view>{}(key));
}
}  // namespace

// Linear probing over a table at most half full.
size_t NameIndex::SlotOf(std::string_view key, uint32_t hash) const {
  const size_t mask = slots_.size() - 1;
  size_t slot = hash & mask;
  while (!slots_[slot].key.empty() && (slots_[slot].hash != hash || slots_[slot].key != key)) {
    slot = (slot + 1) & mask;
  }
  return slot;
}

uint32_t& NameIndex::FindOrInsert(std::string_view key) {
  if (slots_.empty() || (size_ + 1) * 2 > slots_.size()) Grow();
  const uint32_t hash = HashOf(key);
  Slot& slot = slots_[SlotOf(key, hash)];
  if (slot.key.empty()) {
    slot.key = key;
    slot.hash = hash;
    ++size_;
  }
  return slot.head;
}

uint32_t NameIndex::Find(std::string_view key) const {
  if (slots_.empty() || key.empty()) return kNoEntry;
  return slots_[SlotOf(key, HashOf(key))].head;
}

void NameIndex::Grow() {
  std::vector<Slot> old = std::move(slots_);
  Reserve(std::max<size_t>(old.size(), 8));
  for (const Slot& s : old) {
    if (s.key.empty()) continue;
    slots_[SlotOf(s.key, s.hash)] = s;
    ++size_;
  }
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
  constexpr size_t kExpectedNames = 160000;
  city_by_id.reserve(40000);
  t.names.Reserve(kExpectedNames);
  t.entries.reserve(kExpectedNames);
  t.places.reserve(kExpectedNames);
  Status status = LoadCountries(base + "countries.tsv", t);
  if (status.ok()) status = LoadSubdivisions(base + "subdivisions.tsv", t);
  if (status.ok()) status = LoadCities(base + "cities.tsv", false, t, city_by_id);
  if (status.ok() && FileExists(base + "small_places.tsv")) {
    status = LoadCities(base + "small_places.tsv", true, t, city_by_id);
  }
  if (status.ok()) status = LoadAliases(base + "aliases.tsv", MentionKind::kAlias, t, city_by_id);
  if (status.ok()) {
    status = LoadAliases(base + "demonyms.tsv", MentionKind::kDemonym, t, city_by_id);
  }
  if (status.ok()) status = LoadRegions(base + "regions.tsv", t);
  if (status.ok()) status = LoadStopnames(base + "stopnames.tsv", t);
  return status;
}

namespace {

// Decodes the code point at text[i]; sets `length`. Invalid bytes decode as U+FFFD.
char32_t DecodeAt(std::string_view text, size_t i, size_t& length) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  length = 1;
  if (lead < 0x80) return lead;
  size_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (n == 0 || i + n > text.size()) return 0xFFFD;
  char32_t cp = lead & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  length = n;
  return cp;
}

bool IsSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || cp == 0x202F || (cp >= 0x2000 && cp <= 0x200A);
}

bool IsWordChar(char32_t cp) {
  if (cp < 0x80)
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  if (cp < 0xC0) return false;                     // Latin-1 symbols
  if (cp == 0xD7 || cp == 0xF7) return false;      // multiplication, division signs
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  return cp != 0xFFFD && !(cp >= 0xFF00 && cp <= 0xFF0F);
}

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

std::vector<Token> Tokenise(std::string_view text) {
  std::vector<Token> tokens;
  bool space = false;
  size_t i = 0;
  while (i < text.size()) {
    size_t length = 0;
    const char32_t cp = DecodeAt(text, i, length);
    if (IsSpace(cp)) {
      space = true;
      i += length;
      continue;
    }
    Token token;
    token.start = i;
    token.space_before = space;
    space = false;
    if (IsWordChar(cp)) {
      token.type = TokenType::kWord;
      token.capitalised = IsUpper(cp);
      size_t j = i + length;
      while (j < text.size()) {
        size_t next = 0;
        if (!IsWordChar(DecodeAt(text, j, next))) break;
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
