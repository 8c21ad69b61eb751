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

constexpr std::string_view kMagic = "epiwire gazetteer snapshot 2\n";
constexpr std::string_view kEnd = "\nend of snapshot\n";

using Ref = TextRef;

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
// Records are written as they lie in memory and read where the file is mapped: no
// padding, so that no byte of the file is left unset, and nothing a byte copy cannot
// carry.
static_assert(sizeof(PlaceRow) == 64 && sizeof(CodeRow) == 12 && sizeof(SuffixRow) == 12 &&
              sizeof(NounRow) == 12);
static_assert(std::is_trivially_copyable_v<NameEntry> && sizeof(NameEntry) == 16);
static_assert(std::is_trivially_copyable_v<PlaceRow> && std::is_trivially_copyable_v<TextRef>);

// Arrays start at multiples of this in the file (mapped at a page boundary), so that
// their rows are read in place.
constexpr size_t kAlign = 8;

class Writer {
 public:
  explicit Writer(std::string_view stamp) {
    out_.append(kMagic);
    PutText(stamp);
  }

  // Where `text` is in the block of small strings (codes, stop names, suffixes), each
  // distinct one added once.
  Ref Intern(std::string_view text) {
    if (text.empty()) return {0, 0};
    const auto [it, added] = interned_.try_emplace(text, Ref{0, 0});
    if (added) it->second = small_.Add(text);
    return it->second;
  }
  std::string_view Small() const { return small_.All(); }

  template <typename T>
  void Put(const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    out_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }

  void PutText(std::string_view text) {
    Put<uint64_t>(text.size());
    out_.append(text);
  }

  template <typename T>
  void PutArray(const T* rows, size_t count) {
    static_assert(std::is_trivially_copyable_v<T> && alignof(T) <= kAlign);
    Put<uint64_t>(count);
    out_.append((kAlign - out_.size() % kAlign) % kAlign, '\0');
    out_.append(reinterpret_cast<const char*>(rows), count * sizeof(T));
  }
  template <typename Container>
  void PutArray(const Container& rows) {
    PutArray(rows.data(), rows.size());
  }

  std::string Finish() {
    out_.append(kEnd);
    return std::move(out_);
  }

 private:
  std::string out_;
  TextArena small_;
  // Keys view the tables being written, which outlive the writer.
  std::unordered_map<std::string_view, Ref> interned_;
};

// Reads what Writer wrote, arrays in place. Any read past the end, misaligned array or
// ref outside its text makes it fail, and what it then returns is empty or zero.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : all_(bytes), rest_(bytes) {}

  bool ok() const { return ok_; }
  void Fail() { ok_ = false; }

  void Expect(std::string_view expected) {
    if (!ok_ || !rest_.starts_with(expected)) {
      ok_ = false;
      return;
    }
    rest_.remove_prefix(expected.size());
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

  std::string_view GetText() { return Bytes(Get<uint64_t>()); }

  // The rows where they lie in the mapped file.
  template <typename T>
  std::pair<const T*, size_t> GetArray() {
    static_assert(std::is_trivially_copyable_v<T> && alignof(T) <= kAlign);
    const auto count = Get<uint64_t>();
    Bytes((kAlign - Offset() % kAlign) % kAlign);
    if (!ok_ || count > rest_.size() / sizeof(T)) {
      ok_ = false;
      return {nullptr, 0};
    }
    const T* rows = reinterpret_cast<const T*>(rest_.data());
    Bytes(count * sizeof(T));
    return {rows, static_cast<size_t>(count)};
  }

  // Whether `ref` lies in `text`.
  bool Within(std::string_view text, Ref ref) const {
    return ref.offset <= text.size() && ref.length <= text.size() - ref.offset;
  }
  std::string_view View(std::string_view text, Ref ref) {
    if (!Within(text, ref)) {
      ok_ = false;
      return {};
    }
    return text.substr(ref.offset, ref.length);
  }

  bool AtEnd() const { return ok_ && rest_.empty(); }

 private:
  size_t Offset() const { return static_cast<size_t>(rest_.data() - all_.data()); }

  std::string_view all_;
  std::string_view rest_;
  bool ok_ = true;
};

}  // namespace snapshot_io

using snapshot_io::CodeRow;
using snapshot_io::NounRow;
using snapshot_io::Reader;
using snapshot_io::Ref;
using snapshot_io::SuffixRow;
using snapshot_io::Writer;

struct PlaceTableSnapshot {
  static void Write(const PlaceTable& places, Writer& writer) {
    writer.PutText(places.text_.All());
    writer.PutArray(places.rows_);
  }

  static void Read(Reader& reader, PlaceTable& places) {
    const std::string_view text = reader.GetText();
    const auto [rows, count] = reader.GetArray<PlaceRow>();
    for (size_t i = 0; i < count && reader.ok(); ++i) {
      const PlaceRow& row = rows[i];
      if (!reader.Within(text, row.name) || !reader.Within(text, row.country) ||
          !reader.Within(text, row.subdivision) ||
          row.level > static_cast<uint8_t>(PlaceLevel::kOther)) {
        reader.Fail();
      }
    }
    if (!reader.ok()) return;
    places.text_.View(text);
    places.rows_.View(rows, count);
  }
};

struct NameIndexSnapshot {
  static size_t SlotSize() { return sizeof(NameIndex::Slot); }

  static void Write(const NameIndex& index, Writer& writer) {
    writer.Put<uint64_t>(index.size_);
    writer.PutText(index.text_.All());
    writer.PutArray(index.slots_);
    writer.PutArray(index.prefixes_);
    writer.PutArray(index.keys_);
  }

  static void Read(Reader& reader, size_t entries, NameIndex& index) {
    const auto size = reader.Get<uint64_t>();
    const std::string_view text = reader.GetText();
    const auto [slots, capacity] = reader.GetArray<NameIndex::Slot>();
    const auto [prefixes, prefix_words] = reader.GetArray<uint64_t>();
    const auto [keys, key_words] = reader.GetArray<uint64_t>();
    // A capacity is a power of two (SlotOf's mask) with a free slot (probes end); the
    // filters are whole or absent.
    if (!reader.ok() || capacity == 0 || (capacity & (capacity - 1)) != 0 || size >= capacity ||
        capacity > (uint64_t{1} << 32) ||
        (prefix_words != 0 && prefix_words != index.PrefixWords()) ||
        (key_words != 0 && key_words != index.KeyWords())) {
      reader.Fail();
      return;
    }
    size_t used = 0;
    for (size_t i = 0; i < capacity; ++i) {
      const NameIndex::Slot& slot = slots[i];
      if (slot.key.length == 0) continue;
      ++used;
      if (!reader.Within(text, slot.key) || (slot.head != kNoEntry && slot.head >= entries)) {
        reader.Fail();
        return;
      }
    }
    if (used != size) {
      reader.Fail();
      return;
    }
    index.size_ = size;
    index.text_.View(text);
    index.slots_.View(slots, capacity);
    index.prefixes_.View(prefixes, prefix_words);
    index.keys_.View(keys, key_words);
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
void ReadCodes(Reader& reader, std::string_view small, std::pair<const CodeRow*, size_t> rows,
               size_t places, Map& codes) {
  codes.reserve(rows.second);
  for (size_t i = 0; i < rows.second; ++i) {
    const CodeRow& row = rows.first[i];
    if (row.place >= places) reader.Fail();
    codes.emplace(reader.View(small, row.code), row.place);
  }
}

std::string Layout() {
  return "layout " + std::to_string(sizeof(PlaceRow)) + " " +
         std::to_string(NameIndexSnapshot::SlotSize()) + " " + std::to_string(sizeof(NameEntry)) + " " +
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
    // Whole seconds: an installation copies the times of files to the second only.
    files.push_back(name + " " + std::to_string(info.st_size) + " " +
                    std::to_string(info.st_mtim.tv_sec) + "\n");
  }
  if (error) return "";
  std::sort(files.begin(), files.end());
  std::string stamp = "code " EPIWIRE_GAZETTEER_CODE_HASH "\n" + Layout();
  for (const std::string& file : files) stamp += file;
  return stamp;
}

Status WriteSnapshot(const GazetteerTables& t, std::string_view stamp, const std::string& path) {
  Writer writer(stamp);
  PlaceTableSnapshot::Write(t.places, writer);
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
  // The small strings last: the rows above refer to them.
  writer.PutText(writer.Small());
  if (writer.Small().size() > std::numeric_limits<uint32_t>::max()) {
    return Status::InvalidInput(path + ": tables too large");
  }
  return WriteFileAtomically(path, writer.Finish());
}

bool ReadSnapshot(const std::string& path, std::string_view stamp, GazetteerTables& t) {
  Result<MappedFile> mapped = MappedFile::Open(path);
  if (!mapped.ok()) return false;
  Reader reader(mapped.value().bytes());
  reader.Expect(snapshot_io::kMagic);
  if (reader.GetText() != stamp || !reader.ok()) return false;
  PlaceTableSnapshot::Read(reader, t.places);
  const auto [entries, entry_count] = reader.GetArray<NameEntry>();
  for (size_t i = 0; i < entry_count && reader.ok(); ++i) {
    const NameEntry& entry = entries[i];
    if (entry.place >= t.places.size() || (entry.next != kNoEntry && entry.next >= entry_count)) {
      reader.Fail();
    }
  }
  t.entries.View(entries, entry_count);
  NameIndexSnapshot::Read(reader, entry_count, t.names);
  const auto codes = [&reader] { return reader.GetArray<CodeRow>(); };
  const auto countries = codes();
  const auto subdivisions = codes();
  const auto capitals = codes();
  const auto stopnames = reader.GetArray<Ref>();
  const auto suffixes = reader.GetArray<SuffixRow>();
  const auto nouns = reader.GetArray<NounRow>();
  const std::string_view small = reader.GetText();
  reader.Expect(snapshot_io::kEnd);
  if (!reader.AtEnd()) {
    t = GazetteerTables();
    return false;
  }
  const auto level = [&reader](uint32_t value) {
    if (value > static_cast<uint32_t>(PlaceLevel::kOther)) reader.Fail();
    return static_cast<PlaceLevel>(value);
  };
  ReadCodes(reader, small, countries, t.places.size(), t.countries);
  ReadCodes(reader, small, subdivisions, t.places.size(), t.subdivisions);
  ReadCodes(reader, small, capitals, t.places.size(), t.capitals);
  for (size_t i = 0; i < stopnames.second; ++i) {
    t.stopnames.insert(reader.View(small, stopnames.first[i]));
  }
  for (size_t i = 0; i < suffixes.second; ++i) {
    const SuffixRow& row = suffixes.first[i];
    t.han_suffixes.push_back({reader.View(small, row.text), level(row.level)});
  }
  for (size_t i = 0; i < nouns.second; ++i) {
    const NounRow& row = nouns.first[i];
    t.russian_nouns.emplace(std::string(reader.View(small, row.stem)),
                            RussianNoun{level(row.level), row.before != 0, row.after != 0,
                                        row.joins != 0});
  }
  if (!reader.ok()) {
    t = GazetteerTables();
    return false;
  }
  t.snapshot = std::move(mapped).value();
  return true;
}

}  // namespace epiwire::gazetteer
