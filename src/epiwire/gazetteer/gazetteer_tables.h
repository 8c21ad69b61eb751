// SPDX-License-Identifier: MIT
// Internal to the gazetteer stage; the public API is gazetteer.h. The in-memory
// tables (places and the name index) and the tokeniser shared by loader and matcher.
// Names in Cyrillic are indexed by the Snowball stems of their words (StemKey), so that
// "Moskovskoy oblasti" finds "Moskovskaya oblast'"; names in Chinese characters as
// they are written; all others by their normalised spelling.
#ifndef EPIWIRE_GAZETTEER_GAZETTEER_TABLES_H_
#define EPIWIRE_GAZETTEER_GAZETTEER_TABLES_H_

#include <absl/container/flat_hash_set.h>

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "epiwire/base/file.h"
#include "epiwire/base/status.h"
#include "epiwire/gazetteer/gazetteer.h"
#include "epiwire/model/place.h"

namespace epiwire::gazetteer {

// A string as an offset and a length in a TextArena.
struct TextRef {
  uint32_t offset;
  uint32_t length;
};

// Strings kept one after another and referred to by TextRef: owned while the tables are
// built, a view of a snapshot's text after (gazetteer_snapshot.h). A ref stays valid
// as the arena grows.
class TextArena {
 public:
  TextRef Add(std::string_view text) {
    const TextRef ref{static_cast<uint32_t>(owned_.size()), static_cast<uint32_t>(text.size())};
    owned_.append(text);
    return ref;
  }
  std::string_view Get(TextRef ref) const { return {Base() + ref.offset, ref.length}; }
  std::string_view All() const { return view_.data() != nullptr ? view_ : owned_; }
  void View(std::string_view text) {
    owned_ = std::string();
    view_ = text;
  }

 private:
  const char* Base() const { return view_.data() != nullptr ? view_.data() : owned_.data(); }
  std::string owned_;
  std::string_view view_;
};

// An array the loader fills (Owned), or a view of one in a snapshot.
template <typename T>
class Rows {
 public:
  std::vector<T>& Owned() { return owned_; }
  void View(const T* rows, size_t count) {
    owned_ = std::vector<T>();
    view_ = rows;
    view_size_ = count;
  }
  const T* data() const { return view_ != nullptr ? view_ : owned_.data(); }
  size_t size() const { return view_ != nullptr ? view_size_ : owned_.size(); }
  bool empty() const { return size() == 0; }
  const T& operator[](size_t i) const { return data()[i]; }
  const T* begin() const { return data(); }
  const T* end() const { return data() + size(); }

 private:
  std::vector<T> owned_;
  const T* view_ = nullptr;
  size_t view_size_ = 0;
};

// A place as the matcher reads it: views into the place table's text, turned into a
// Place on output.
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

// A place as stored: of fixed size and without pointers, so that a snapshot holds the
// rows as they are and the tables read them where the file is mapped. No padding: every
// byte written is set.
struct PlaceRow {
  TextRef name;
  TextRef country;
  TextRef subdivision;
  int64_t geonameid;
  int64_t population;
  double lat;
  double lon;
  uint8_t level;
  uint8_t has_coordinates;
  uint8_t small;
  uint8_t unused[5];
};

// The places: rows and the text of their names and codes.
class PlaceTable {
 public:
  uint32_t Add(const PlaceRecord& place);
  void Reserve(size_t places) { rows_.Owned().reserve(places); }
  // Inline: the matcher reads a field or two of many places, and the rest is dropped.
  PlaceRecord operator[](size_t i) const {
    const PlaceRow& row = rows_[i];
    PlaceRecord place;
    place.name = text_.Get(row.name);
    place.country = text_.Get(row.country);
    place.subdivision = text_.Get(row.subdivision);
    place.geonameid = row.geonameid;
    place.population = row.population;
    place.lat = row.lat;
    place.lon = row.lon;
    place.level = static_cast<PlaceLevel>(row.level);
    place.has_coordinates = row.has_coordinates != 0;
    place.small = row.small != 0;
    return place;
  }
  size_t size() const { return rows_.size(); }

 private:
  friend struct PlaceTableSnapshot;  // gazetteer_snapshot.cc
  Rows<PlaceRow> rows_;
  TextArena text_;
};

inline constexpr uint32_t kNoEntry = 0xFFFFFFFF;

// One way a name can point at a place; the readings of one name form a chain.
struct NameEntry {
  uint32_t place = 0;        // index into GazetteerTables::places
  uint32_t next = kNoEntry;  // next reading of the same name
  MentionKind kind = MentionKind::kName;
  bool alternate = false;      // a spelling variant, weaker than a primary name
  bool authoritative = false;  // hand-written alias or region: beats other readings
  // Read only where a place noun follows: "Novosibirskaya" (of "Novosibirskaya
  // oblast'") in "Novosibirskoy i Tomskoy oblastey", not in "zhiteley Novosibirska"; a
  // Chinese town of two characters before zhen or shi, not as the word it also is.
  bool needs_noun = false;
  // A name in one of the news languages (news_names): the place's own name there, not a
  // spelling of its English one ("Québec" is the province's French name).
  bool translated = false;
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
  // False when no key starts with `prefix` (ASCII) and goes on with a space or the
  // punctuation the tokeniser keeps (". - ' , &"): the matcher then builds no longer
  // key from it. True may be wrong (a bit filter), false never is.
  bool MayGoOn(std::string_view prefix) const;

 private:
  friend struct NameIndexSnapshot;  // writes and reads these members (gazetteer_snapshot.cc)
  // The sizes of the prefix and key filters, in 64-bit words.
  static size_t PrefixWords();
  static size_t KeyWords();

  // One probe touches one cache line: hash, head and where the key is side by side.
  // Without pointers, so that a snapshot holds the slots as they are.
  struct Slot {
    uint32_t hash = 0;
    uint32_t head = kNoEntry;
    TextRef key{0, 0};  // length 0: free slot (empty names are never stored)
  };

  size_t SlotOf(std::string_view key, uint32_t hash) const;
  void Grow();

  void NotePrefixes(std::string_view key);

  Rows<Slot> slots_;
  TextArena text_;  // the keys
  size_t size_ = 0;
  // One bit per hash of each ASCII prefix of a key that punctuation or a space
  // follows: most capitalised words of a text ("Health", "Minister") open no longer
  // name, and the bits say so without building and looking up their n-grams.
  Rows<uint64_t> prefixes_;
  // Two bits per hash of each key (a Bloom filter): Find answers most absent keys
  // here. Bits are only ever set, so a key in the slots always has its bits.
  Rows<uint64_t> keys_;
};

// A Chinese administrative suffix (place_nouns.tsv) and the level it asks for
// (kOther: none).
struct HanSuffix {
  std::string_view text;
  PlaceLevel level = PlaceLevel::kOther;
};

// A Russian place noun (place_nouns.tsv), found by the stem of a word.
struct RussianNoun {
  PlaceLevel level = PlaceLevel::kOther;
  bool before = false;  // before the name: "gorode Novosibirske", "Respublike Komi"
  bool after = false;   // after the name, joining the mention: "Moskovskoy oblasti"
  bool joins = false;   // between name and noun: "avtonomnogo okruga"
};

// Everything Gazetteer::Load reads. Views point into `buffers` (the files as read)
// and `owned_keys` (stop names as index keys), or, for tables read from a
// snapshot, into `snapshot`; all live as long as this (the place table and the name
// index keep their own strings). Read-only after loading, so
// concurrent lookups are safe.
struct GazetteerTables {
  std::vector<std::string> buffers;
  std::deque<std::string> owned_keys;
  MappedFile snapshot;
  PlaceTable places;
  Rows<NameEntry> entries;
  NameIndex names;  // normalised name -> first reading in `entries`
  std::unordered_map<std::string_view, uint32_t> countries;     // "RU" -> place
  std::unordered_map<std::string_view, uint32_t> subdivisions;  // "CN-HL" -> place
  std::unordered_map<std::string_view, uint32_t> capitals;      // "CN" -> Beijing
  absl::flat_hash_set<std::string_view> stopnames;              // asked at most capitalised words
  std::vector<HanSuffix> han_suffixes;  // longest first
  std::unordered_map<std::string, RussianNoun> russian_nouns;  // by stem

  // The Chinese suffix that `text` starts with, or nullptr.
  const HanSuffix* HanSuffixAt(std::string_view text) const;
  // The Russian place noun whose stem is `stem`, or nullptr.
  const RussianNoun* RussianNounOf(const std::string& stem) const;

  // Without `merge`, a name that already reads as the same place is left as it is
  // (names in other languages never change what the English tables make of a name).
  void AddName(std::string_view name, NameEntry entry, bool merge = true);
  // Adds `name` under its index key (IndexKey): stems for Cyrillic names.
  void AddAnyName(std::string_view name, NameEntry entry);
  // The readings of a normalised name, in table order.
  std::vector<NameEntry> Readings(std::string_view key) const;
};

// Reads every table in `dir` into `tables`. Fails naming the file (and line).
Status LoadTables(const std::string& dir, GazetteerTables& tables);

// The index key for a name: U+2019 as "'", dashes as "-", runs of spaces as one.
std::string NormaliseName(std::string_view name);
// FoldAccents(text) ("Bogot\u00e1" -> "Bogota"). Names written in ASCII and Latin-1 (the
// accents of French and Spanish) are folded by a table, as ICU's NFD, mark removal and
// NFC leave them; ICU's several thousand instructions a call are spent only on other
// letters. The matcher folds each accented key it does not find, the loader each name.
std::string FoldNameAccents(std::string_view text);
// True when NormaliseName(name) == name (the common case: no copy needed).
bool IsNormalised(std::string_view name);

// The stem of one Cyrillic word as keys hold it: case-folded, "yo" as "ye", stemmed by
// the Russian Snowball stemmer ("Yekaterinburge" -> "yekaterinburg").
std::string StemWord(std::string_view word);
// The keys of the last word of a Cyrillic name: an adjective by its Snowball stem
// ("Moskovskaya" -> "moskovsk"); a noun without its one-letter nominative ending
// ("Moskva" -> "moskv", "Rossiya" -> "rossi", "Azov" stays), as Snowball takes more from
// proper nouns than their cases change; a foreign name that does not decline as written
// ("Tokio"). NameStem is the first.
std::vector<std::string> NameStems(std::string_view word);
std::string NameStem(std::string_view word);
// The keys a word of the text may have as the last word of a name: the word and the word
// without each case ending it may carry, longest first ("Kitaya": "kitaya", "kitay",
// "kita", ...). The genitive plural ("-ov") only at the end of a longer name.
std::vector<std::string> NameStemCandidates(std::string_view word, bool end_of_longer_name);
// The keys of a Cyrillic name: the Snowball stems of its words but the last, then the
// NameStems of the last, joined by one space; hyphens separate words too
// ("Sankt-Peterburg"). StemKey is the first.
std::vector<std::string> StemKeys(std::string_view name);
std::string StemKey(std::string_view name);
// The key a name is indexed under: StemKey for a name that starts with a Cyrillic
// letter, else NormaliseName.
std::string IndexKey(std::string_view name);

// Decodes the UTF-8 code point at text[i] and sets `length` (invalid bytes: U+FFFD, 1).
// Inline: the tokeniser calls it for every character.
inline char32_t DecodeUtf8(std::string_view text, size_t i, size_t& length) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  length = 1;
  if (lead < 0x80) return lead;
  const size_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (n == 0 || i + n > text.size()) return 0xFFFD;
  char32_t cp = lead & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  length = n;
  return cp;
}
// CJK unified ideographs (and extension A): the characters of Chinese names.
inline bool IsHan(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}
inline bool IsCyrillic(char32_t cp) { return cp >= 0x400 && cp <= 0x4FF; }

enum class TokenType : unsigned char { kWord, kPunct, kBreak };

struct Token {
  size_t start = 0;
  size_t end = 0;
  TokenType type = TokenType::kBreak;
  char punct = 0;            // '.', '-', '\'', ',', '&' for kPunct
  bool capitalised = false;  // kWord starting with an upper-case letter
  bool space_before = false;
  bool ascii = true;  // no byte beyond ASCII: no Chinese or Cyrillic to look for
};

// True for a word token that holds a Chinese character (matched character by
// character) or starts with a Cyrillic letter (matched by stems). Inline for the test
// that settles most tokens: ASCII.
bool HoldsHanBeyondAscii(std::string_view text, const Token& token);
inline bool HoldsHan(std::string_view text, const Token& token) {
  return !token.ascii && token.type == TokenType::kWord && HoldsHanBeyondAscii(text, token);
}
inline bool StartsCyrillic(std::string_view text, const Token& token) {
  size_t length = 0;
  return !token.ascii && token.type == TokenType::kWord &&
         IsCyrillic(DecodeUtf8(text, token.start, length));
}

// Splits `text` into words, joinable punctuation and breaks (other symbols).
std::vector<Token> Tokenise(std::string_view text);

// Does token i of `text` open a sentence (first, or after a full stop, a break or a
// line end)?
bool OpensSentence(std::string_view text, const std::vector<Token>& tokens, size_t i);

}  // namespace epiwire::gazetteer

#endif  // EPIWIRE_GAZETTEER_GAZETTEER_TABLES_H_
