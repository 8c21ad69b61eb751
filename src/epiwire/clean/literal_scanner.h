// SPDX-License-Identifier: MIT
// Internal to the clean stage (public API: cleaner.h). Finds every occurrence of a set
// of literal byte strings in one pass over a text: Vectorscan's literal engine,
// compiled once and shared read-only by threads, each thread with its own scratch
// space. Where Vectorscan cannot run (a CPU it does not support) a plain scan finds
// the same occurrences, more slowly. Tested by literal_scanner_test.cc.
#ifndef EPIWIRE_CLEAN_LITERAL_SCANNER_H_
#define EPIWIRE_CLEAN_LITERAL_SCANNER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct hs_database;

namespace epiwire::clean {

struct LiteralHit {
  uint32_t literal = 0;  // index in the scanner's list
  size_t end = 0;        // offset just past the occurrence
};

class LiteralScanner {
 public:
  enum class Engine { kVectorscan, kPlain };

  // An empty scanner finds nothing.
  LiteralScanner() = default;
  // `literals` must be non-empty strings. With kVectorscan the plain scan is still
  // used when Vectorscan cannot compile them on this machine. Compiling a set of a
  // hundred literals or more takes tens of milliseconds: the database is kept in the
  // user's cache directory ($EPIWIRE_CACHE_DIR, else $XDG_CACHE_HOME/epiwire, else
  // ~/.cache/epiwire) and read from there by later processes while the literals,
  // Vectorscan's version and the machine's instruction set stay the same.
  explicit LiteralScanner(std::vector<std::string> literals, Engine engine = Engine::kVectorscan);

  // Appends every occurrence of every literal in `text`, overlapping ones included, to
  // `hits`, in no particular order.
  void Scan(std::string_view text, std::vector<LiteralHit>& hits) const;

  Engine engine() const { return database_ ? Engine::kVectorscan : Engine::kPlain; }
  // Whether the database was read from the cache rather than compiled.
  bool from_cache() const { return from_cache_; }
  size_t size() const { return literals_.size(); }
  const std::string& literal(size_t index) const { return literals_[index]; }

 private:
  void ScanPlain(std::string_view text, std::vector<LiteralHit>& hits) const;

  std::vector<std::string> literals_;
  std::shared_ptr<const hs_database> database_;  // null: the plain scan
  uint64_t serial_ = 0;                          // tells databases apart for scratch space
  bool from_cache_ = false;
  std::vector<uint32_t> by_first_byte_[256];     // for the plain scan
};

}  // namespace epiwire::clean

#endif  // EPIWIRE_CLEAN_LITERAL_SCANNER_H_
