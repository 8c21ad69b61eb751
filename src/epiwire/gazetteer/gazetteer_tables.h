// SPDX-License-Identifier: MIT
// Internal to the gazetteer stage; the public API is gazetteer.h. The in-memory
// tables (places and the name index) and the tokeniser shared by loader and matcher.
#ifndef EPIWIRE_GAZETTEER_GAZETTEER_TABLES_H_
#define EPIWIRE_GAZETTEER_GAZETTEER_TABLES_H_

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "epiwire/base/status.h"
#include "epiwire/gazetteer/gazetteer.h"
#include "epiwire/model/place.h"

namespace epiwire::gazetteer {

// A place as stored: views into the table buffers, turned into a Place on output.
struct PlaceRecord {
  std::string_view name;
  std::string_view country;      // ISO 3166-1 alpha-2, empty for most regions
  std::string_view subdivision;  // ISO 3166-2, empty when unknown or for countries
  int64_t geonameid = 0;
  int64_t population = 0;
  double lat = 0;
  double lon = 0;
  PlaceLevel level = PlaceLevel::kOther;
  bool has_coordinates = false;
  bool small = false;  // from small_places.tsv (< 15,000 people)

  Place ToPlace() const;
};

inline constexpr uint32_t kNoEntry = 0xFFFFFFFF;

// One way a name can point at a place; the readings of one name form a chain.
struct NameEntry {
  uint32_t place = 0;        // index into GazetteerTables::places
  uint32_t next = kNoEntry;  // next reading of the same name
  MentionKind kind = MentionKind::kName;
  bool alternate = false;      // a spelling variant, weaker than a primary name
  bool authoritative = false;  // hand-written alias or region: beats other readings
};

// Open-addressing map from a normalised name to its first reading: one allocation
// for all names instead of one per name, which keeps loading fast.
class NameIndex {
 public:
  void Reserve(size_t names);
  // The slot value for `key`, inserted as kNoEntry when absent.
  uint32_t& FindOrInsert(std::string_view key);
  uint32_t Find(std::string_view key) const;  // kNoEntry when absent
  size_t size() const { return size_; }

 private:
  // One probe touches one cache line: hash, head and key side by side.
  struct Slot {
    uint32_t hash = 0;
    uint32_t head = kNoEntry;
    std::string_view key;  // empty: free slot (empty names are never stored)
  };

  size_t SlotOf(std::string_view key, uint32_t hash) const;
  void Grow();

  std::vector<Slot> slots_;
  size_t size_ = 0;
};

// Everything Gazetteer::Load reads. Views point into `buffers` (the files as read)
// and `owned_keys` (names that normalising changed); both live as long as this.
// Read-only after loading, so concurrent lookups are safe.
struct GazetteerTables {
  std::vector<std::string> buffers;
  std::deque<std::string> owned_keys;
  std::vector<PlaceRecord> places;
  std::vector<NameEntry> entries;
  NameIndex names;  // normalised name -> first reading in `entries`
  std::unordered_map<std::string_view, uint32_t> countries;     // "RU" -> place
  std::unordered_map<std::string_view, uint32_t> subdivisions;  // "CN-HL" -> place
  std::unordered_map<std::string_view, uint32_t> capitals;      // "CN" -> Beijing
  std::unordered_set<std::string_view> stopnames;

  void AddName(std::string_view name, NameEntry entry);
  // The readings of a normalised name, in table order.
  std::vector<NameEntry> Readings(std::string_view key) const;
};

// Reads every table in `dir` into `tables`. Fails naming the file (and line).
Status LoadTables(const std::string& dir, GazetteerTables& tables);

// The index key for a name: U+2019 as "'", dashes as "-", runs of spaces as one.
std::string NormaliseName(std::string_view name);
// True when NormaliseName(name) == name (the common case: no copy needed).
bool IsNormalised(std::string_view name);

enum class TokenType { kWord, kPunct, kBreak };

struct Token {
  size_t start = 0;
  size_t end = 0;
  TokenType type = TokenType::kBreak;
  char punct = 0;            // '.', '-', '\'', ',', '&' for kPunct
  bool capitalised = false;  // kWord starting with an upper-case letter
  bool space_before = false;
};

// Splits `text` into words, joinable punctuation and breaks (other symbols).
std::vector<Token> Tokenise(std::string_view text);

}  // namespace epiwire::gazetteer

#endif  // EPIWIRE_GAZETTEER_GAZETTEER_TABLES_H_
