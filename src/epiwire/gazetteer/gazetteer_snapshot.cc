// SPDX-License-Identifier: MIT
#include "epiwire/gazetteer/gazetteer_snapshot.h"

#include <sys/stat.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <limits>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "gazetteer_code_hash.h"

namespace epiwire::gazetteer {

// Not in an anonymous namespace: NameIndexSnapshot, declared in the header, takes them.
namespace snapshot_io {

constexpr std::string_view kMagic = "epiwire gazetteer snapshot 1\n";
constexpr std::string_view kEnd = "\nend of snapshot\n";

// A view as an offset and a length in the snapshot's block of text.
struct Ref {
  uint32_t offset;
  uint32_t length;
};

struct PlaceRow {
  Ref name;
  Ref country;
  Ref subdivision;
  int64_t geonameid;
  int64_t population;
  double lat;
  double lon;
  uint8_t level;
  uint8_t has_coordinates;
  uint8_t small;
  uint8_t unused[5];
};
struct SlotRow {
  uint32_t slot;
  uint32_t hash;
  uint32_t head;
  Ref key;
};
struct CodeRow {
  Ref code;
  uint32_t place;
};
struct SuffixRow {
  Ref text;
  uint32_t level;
};
struct NounRow {
  Ref stem;
  uint8_t level;
  uint8_t before;
  uint8_t after;
  uint8_t joins;
};
// Records are written as they lie in memory: no padding, so that no byte of the file
// is left unset, and nothing a byte copy cannot carry.
static_assert(sizeof(PlaceRow) == 64 && sizeof(SlotRow) == 20 && sizeof(CodeRow) == 12 &&
              sizeof(SuffixRow) == 12 && sizeof(NounRow) == 12);
static_assert(std::is_trivially_copyable_v<NameEntry> && sizeof(NameEntry) == 16);

class Writer {
 public:
  // Where `text` is in the block of text; each distinct text is added once.
  Ref Intern(std::string_view text) {
    if (text.empty()) return {0, 0};
    const auto [it, added] = interned_.try_emplace(text, Ref{0, 0});
    if (added) {
      it->second = {static_cast<uint32_t>(text_.size()), static_cast<uint32_t>(text.size())};
      text_.append(text);
    }
    return it->second;
  }

  template <typename T>
  void Put(const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    records_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }

  template <typename T>
  void PutArray(const std::vector<T>& rows) {
    static_assert(std::is_trivially_copyable_v<T>);
    Put<uint64_t>(rows.size());
    records_.append(reinterpret_cast<const char*>(rows.data()), rows.size() * sizeof(T));
  }

  // The whole file; false when the text is beyond 32-bit offsets.
  bool Finish(std::string_view stamp, std::string& out) const {
    if (text_.size() > std::numeric_limits<uint32_t>::max()) return false;
    out.reserve(kMagic.size() + stamp.size() + text_.size() + records_.size() + 32);
    out.append(kMagic);
    const auto put_size = [&out](uint64_t size) {
      out.append(reinterpret_cast<const char*>(&size), sizeof size);
    };
    put_size(stamp.size());
    out.append(stamp);
    put_size(text_.size());
    out.append(text_);
    out.append(records_);
    out.append(kEnd);
    return true;
  }

 private:
  std::string text_;
  // Keys view the tables being written, which outlive the writer.
  std::unordered_map<std::string_view, Ref> interned_;
  std::string records_;
};

// Reads what Writer wrote. Any read past the end or view outside the text makes it
// fail, and what it then returns is empty or zero.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}

  bool ok() const { return ok_; }
  void Fail() { ok_ = false; }

  bool Expect(std::string_view expected) {
    if (!ok_ || !rest_.starts_with(expected)) return ok_ = false;
    rest_.remove_prefix(expected.size());
    return true;
  }

  std::string_view Bytes(uint64_t size) {
    if (!ok_ || size > rest_.size()) {
      ok_ = false;
      return {};
    }
    const std::string_view bytes = rest_.substr(0, size);
    rest_.remove_prefix(size);
    return bytes;
  }

  template <typename T>
  T Get() {
    static_assert(std::is_trivially_copyable_v<T>);
    T value{};
    const std::string_view bytes = Bytes(sizeof value);
    if (ok_) std::memcpy(&value, bytes.data(), sizeof value);
    return value;
  }

  template <typename T>
  std::vector<T> GetArray() {
    static_assert(std::is_trivially_copyable_v<T>);
    const auto count = Get<uint64_t>();
    if (!ok_ || count > rest_.size() / sizeof(T)) {
      ok_ = false;
      return {};
    }
    std::vector<T> rows(count);
    std::memcpy(rows.data(), Bytes(count * sizeof(T)).data(), count * sizeof(T));
    return rows;
  }

  void SetText(std::string_view text) { text_ = text; }

  std::string_view View(Ref ref) {
    if (ref.offset > text_.size() || ref.length > text_.size() - ref.offset) {
      ok_ = false;
      return {};
    }
    return text_.substr(ref.offset, ref.length);
  }

  bool AtEnd() const { return ok_ && rest_.empty(); }

 private:
  std::string_view rest_;
  std::string_view text_;
  bool ok_ = true;
};

}  // namespace snapshot_io

using snapshot_io::CodeRow;
using snapshot_io::NounRow;
using snapshot_io::PlaceRow;
using snapshot_io::Reader;
using snapshot_io::Ref;
using snapshot_io::SlotRow;
using snapshot_io::SuffixRow;
using snapshot_io::Writer;

struct NameIndexSnapshot {
  static void Write(const NameIndex& index, Writer& writer) {
    std::vector<SlotRow> rows;
    rows.reserve(index.size_);
    for (size_t i = 0; i < index.slots_.size(); ++i) {
      const NameIndex::Slot& slot = index.slots_[i];
      if (slot.key.empty()) continue;
      rows.push_back({static_cast<uint32_t>(i), slot.hash, slot.head, writer.Intern(slot.key)});
    }
    writer.Put<uint64_t>(index.slots_.size());
    writer.PutArray(rows);
    writer.PutArray(index.prefixes_);
    writer.PutArray(index.keys_);
  }

  static void Read(Reader& reader, size_t entries, NameIndex& index) {
    const auto capacity = reader.Get<uint64_t>();
    const std::vector<SlotRow> rows = reader.GetArray<SlotRow>();
    // A capacity is a power of two that holds every row (Reserve, SlotOf's mask).
    if (!reader.ok() || capacity == 0 || (capacity & (capacity - 1)) != 0 ||
        capacity < rows.size() || capacity > (uint64_t{1} << 32)) {
      reader.Fail();
      return;
    }
    index.slots_.assign(capacity, NameIndex::Slot());
    for (const SlotRow& row : rows) {
      if (row.slot >= capacity || row.key.length == 0 ||
          (row.head != kNoEntry && row.head >= entries)) {
        reader.Fail();
        return;
      }
      index.slots_[row.slot] = {row.hash, row.head, reader.View(row.key)};
    }
    index.size_ = rows.size();
    index.prefixes_ = reader.GetArray<uint64_t>();
    index.keys_ = reader.GetArray<uint64_t>();
  }
};

namespace {

// Hash maps and sets are written in the order of their keys, not of their buckets: the
// same tables make the same bytes, however they were filled.
template <typename Item>
std::string_view KeyOf(const Item& item) {
  if constexpr (std::is_convertible_v<const Item&, std::string_view>) {
    return item;
  } else {
    return item.first;
  }
}

template <typename Container>
std::vector<typename Container::const_pointer> Sorted(const Container& items) {
  std::vector<typename Container::const_pointer> sorted;
  sorted.reserve(items.size());
  for (const auto& item : items) sorted.push_back(&item);
  std::sort(sorted.begin(), sorted.end(),
            [](auto* a, auto* b) { return KeyOf(*a) < KeyOf(*b); });
  return sorted;
}

template <typename Map>
void WriteCodes(const Map& codes, Writer& writer) {
  std::vector<CodeRow> rows;
  rows.reserve(codes.size());
  for (const auto* code : Sorted(codes)) rows.push_back({writer.Intern(code->first), code->second});
  writer.PutArray(rows);
}

template <typename Map>
void ReadCodes(Reader& reader, size_t places, Map& codes) {
  const std::vector<CodeRow> rows = reader.GetArray<CodeRow>();
  codes.reserve(rows.size());
  for (const CodeRow& row : rows) {
    if (row.place >= places) reader.Fail();
    codes.emplace(reader.View(row.code), row.place);
  }
}

std::string Layout() {
  return "layout " + std::to_string(sizeof(PlaceRow)) + " " + std::to_string(sizeof(SlotRow)) +
         " " + std::to_string(sizeof(NameEntry)) + " " +
         (std::endian::native == std::endian::little ? "little" : "big") + "\n";
}

}  // namespace

std::string SnapshotPath(const std::string& dir) {
  return (std::filesystem::path(dir) / "tables.snapshot").string();
}

std::string SnapshotStamp(const std::string& dir) {
  std::error_code error;
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("tables.snapshot")) continue;  // snapshots and their temporaries
    struct stat info {};
    if (::stat(entry.path().c_str(), &info) != 0 || !S_ISREG(info.st_mode)) continue;
    files.push_back(name + " " + std::to_string(info.st_size) + " " +
                    std::to_string(info.st_mtim.tv_sec) + "." +
                    std::to_string(info.st_mtim.tv_nsec) + "\n");
  }
  if (error) return "";
  std::sort(files.begin(), files.end());
  std::string stamp = "code " EPIWIRE_GAZETTEER_CODE_HASH "\n" + Layout();
  for (const std::string& file : files) stamp += file;
  return stamp;
}

Status WriteSnapshot(const GazetteerTables& t, std::string_view stamp, const std::string& path) {
  Writer writer;
  std::vector<PlaceRow> places(t.places.size());
  for (size_t i = 0; i < t.places.size(); ++i) {
    const PlaceRecord& p = t.places[i];
    PlaceRow& row = places[i];
    std::memset(&row, 0, sizeof row);
    row.name = writer.Intern(p.name);
    row.country = writer.Intern(p.country);
    row.subdivision = writer.Intern(p.subdivision);
    row.geonameid = p.geonameid;
    row.population = p.population;
    row.lat = p.lat;
    row.lon = p.lon;
    row.level = static_cast<uint8_t>(p.level);
    row.has_coordinates = p.has_coordinates ? 1 : 0;
    row.small = p.small ? 1 : 0;
  }
  writer.PutArray(places);
  writer.PutArray(t.entries);
  NameIndexSnapshot::Write(t.names, writer);
  WriteCodes(t.countries, writer);
  WriteCodes(t.subdivisions, writer);
  WriteCodes(t.capitals, writer);
  std::vector<Ref> stopnames;
  for (const std::string_view* name : Sorted(t.stopnames)) stopnames.push_back(writer.Intern(*name));
  writer.PutArray(stopnames);
  std::vector<SuffixRow> suffixes;
  for (const HanSuffix& suffix : t.han_suffixes) {
    suffixes.push_back({writer.Intern(suffix.text), static_cast<uint32_t>(suffix.level)});
  }
  writer.PutArray(suffixes);
  std::vector<NounRow> nouns;
  for (const auto* stem_noun : Sorted(t.russian_nouns)) {
    const auto& [stem, noun] = *stem_noun;
    nouns.push_back({writer.Intern(stem), static_cast<uint8_t>(noun.level),
                     static_cast<uint8_t>(noun.before), static_cast<uint8_t>(noun.after),
                     static_cast<uint8_t>(noun.joins)});
  }
  writer.PutArray(nouns);
  std::string bytes;
  if (!writer.Finish(stamp, bytes)) return Status::InvalidInput(path + ": tables too large");
  return WriteFileAtomically(path, bytes);
}

bool ReadSnapshot(const std::string& path, std::string_view stamp, GazetteerTables& t) {
  Result<MappedFile> mapped = MappedFile::Open(path);
  if (!mapped.ok()) return false;
  Reader reader(mapped.value().bytes());
  reader.Expect(snapshot_io::kMagic);
  if (reader.Bytes(reader.Get<uint64_t>()) != stamp || !reader.ok()) return false;
  reader.SetText(reader.Bytes(reader.Get<uint64_t>()));
  const auto level = [&reader](uint32_t value) {
    if (value > static_cast<uint32_t>(PlaceLevel::kOther)) reader.Fail();
    return static_cast<PlaceLevel>(value);
  };

  const std::vector<PlaceRow> places = reader.GetArray<PlaceRow>();
  t.places.resize(places.size());
  for (size_t i = 0; i < places.size(); ++i) {
    const PlaceRow& row = places[i];
    PlaceRecord& p = t.places[i];
    p.name = reader.View(row.name);
    p.country = reader.View(row.country);
    p.subdivision = reader.View(row.subdivision);
    p.geonameid = row.geonameid;
    p.population = row.population;
    p.lat = row.lat;
    p.lon = row.lon;
    p.level = level(row.level);
    p.has_coordinates = row.has_coordinates != 0;
    p.small = row.small != 0;
  }
  t.entries = reader.GetArray<NameEntry>();
  for (const NameEntry& entry : t.entries) {
    if (entry.place >= t.places.size() || (entry.next != kNoEntry && entry.next >= t.entries.size())) {
      reader.Fail();
      break;
    }
  }
  NameIndexSnapshot::Read(reader, t.entries.size(), t.names);
  ReadCodes(reader, t.places.size(), t.countries);
  ReadCodes(reader, t.places.size(), t.subdivisions);
  ReadCodes(reader, t.places.size(), t.capitals);
  for (const Ref& name : reader.GetArray<Ref>()) t.stopnames.insert(reader.View(name));
  for (const SuffixRow& row : reader.GetArray<SuffixRow>()) {
    t.han_suffixes.push_back({reader.View(row.text), level(row.level)});
  }
  for (const NounRow& row : reader.GetArray<NounRow>()) {
    t.russian_nouns.emplace(std::string(reader.View(row.stem)),
                            RussianNoun{level(row.level), row.before != 0, row.after != 0,
                                        row.joins != 0});
  }
  reader.Expect(snapshot_io::kEnd);
  if (!reader.AtEnd()) {
    t = GazetteerTables();
    return false;
  }
  t.snapshot = std::move(mapped).value();
  return true;
}

}  // namespace epiwire::gazetteer
