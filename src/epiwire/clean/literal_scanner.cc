// SPDX-License-Identifier: MIT
// Literal scanning with Vectorscan. Tested by literal_scanner_test.cc.
#include "epiwire/clean/literal_scanner.h"

#include <hs.h>

#include <atomic>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>

#include "epiwire/base/file.h"

namespace epiwire::clean {
namespace {

std::atomic<uint64_t> next_serial{1};

// Scratch space of this thread, grown for each database it scans with. `serial` is the
// last database it was checked against, so that a thread scanning with one database
// checks once.
struct ThreadScratch {
  hs_scratch_t* scratch = nullptr;
  uint64_t serial = 0;
  ~ThreadScratch() {
    if (scratch != nullptr) hs_free_scratch(scratch);
  }
};

hs_scratch_t* ScratchFor(const hs_database_t* database, uint64_t serial) {
  thread_local ThreadScratch local;
  if (local.serial != serial) {
    if (hs_alloc_scratch(database, &local.scratch) != HS_SUCCESS) return nullptr;
    local.serial = serial;
  }
  return local.scratch;
}

int OnMatch(unsigned int id, unsigned long long /*from*/, unsigned long long to,
            unsigned int /*flags*/, void* context) {
  static_cast<std::vector<LiteralHit>*>(context)->push_back({id, static_cast<size_t>(to)});
  return 0;
}

using Database = std::shared_ptr<const hs_database_t>;

Database Own(hs_database_t* database) {
  return Database(database,
                  [](const hs_database_t* db) { hs_free_database(const_cast<hs_database_t*>(db)); });
}

// Sets smaller than this compile in well under a millisecond: they are not kept.
constexpr size_t kCachedFrom = 100;

// Where compiled databases are kept: $EPIWIRE_CACHE_DIR, else $XDG_CACHE_HOME/epiwire,
// else $HOME/.cache/epiwire; empty when none is set.
std::string CacheDir() {
  const auto env = [](const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? std::string(value) : std::string();
  };
  if (std::string dir = env("EPIWIRE_CACHE_DIR"); !dir.empty()) return dir;
  if (std::string dir = env("XDG_CACHE_HOME"); !dir.empty()) return dir + "/epiwire";
  if (std::string dir = env("HOME"); !dir.empty()) return dir + "/.cache/epiwire";
  return "";
}

// What a kept database must have been compiled from: Vectorscan's version, the platform
// compiled for and every literal (lengths first, so that no two lists read alike).
std::string CacheKey(const std::vector<std::string>& literals, const hs_platform_info_t& platform) {
  std::string key = "epiwire literals 1\n";
  key += hs_version();
  key += '\n';
  key.append(reinterpret_cast<const char*>(&platform.tune), sizeof platform.tune);
  key.append(reinterpret_cast<const char*>(&platform.cpu_features), sizeof platform.cpu_features);
  for (const std::string& literal : literals) {
    const uint64_t size = literal.size();
    key.append(reinterpret_cast<const char*>(&size), sizeof size);
    key += literal;
  }
  const uint64_t size = key.size();
  return std::string(reinterpret_cast<const char*>(&size), sizeof size) + key;
}

// The file for `key`: named by the standard library's hash of it (the file holds the
// whole key, so that a collision only costs a compilation).
std::string CachePath(const std::string& dir, std::string_view key) {
  char name[40];
  std::snprintf(name, sizeof name, "literals-%016llx.hsdb",
                static_cast<unsigned long long>(std::hash<std::string_view>{}(key)));
  return dir + "/" + name;
}

Database ReadCached(const std::string& path, std::string_view key) {
  Result<std::string> bytes = ReadFile(path);
  if (!bytes.ok() || !std::string_view(bytes.value()).starts_with(key)) return nullptr;
  hs_database_t* database = nullptr;
  const std::string_view serialized = std::string_view(bytes.value()).substr(key.size());
  if (hs_deserialize_database(serialized.data(), serialized.size(), &database) != HS_SUCCESS) {
    return nullptr;
  }
  return Own(database);
}

void WriteCached(const std::string& dir, const std::string& path, std::string_view key,
                 const hs_database_t* database) {
  char* serialized = nullptr;
  size_t length = 0;
  if (hs_serialize_database(database, &serialized, &length) != HS_SUCCESS) return;
  std::string bytes(key);
  bytes.append(serialized, length);
  std::free(serialized);  // hs_serialize_database allocates with the default allocator
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (!error) (void)WriteFileAtomically(path, bytes);
}

// The database for `literals`: read from the cache when it holds one compiled from the
// same literals by the same Vectorscan for the same platform, else compiled (and kept
// for the next process). `cached` tells which.
Database Compile(const std::vector<std::string>& literals, bool& cached) {
  cached = false;
  hs_platform_info_t platform;
  if (literals.empty() || literals.size() > UINT_MAX || hs_valid_platform() != HS_SUCCESS ||
      hs_populate_platform(&platform) != HS_SUCCESS) {
    return nullptr;
  }
  const std::string dir = literals.size() >= kCachedFrom ? CacheDir() : std::string();
  const std::string key = dir.empty() ? std::string() : CacheKey(literals, platform);
  const std::string path = dir.empty() ? std::string() : CachePath(dir, key);
  if (!dir.empty()) {
    if (Database database = ReadCached(path, key)) {
      cached = true;
      return database;
    }
  }
  std::vector<const char*> expressions;
  std::vector<unsigned int> flags(literals.size(), 0);
  std::vector<unsigned int> ids;
  std::vector<size_t> lengths;
  for (const std::string& literal : literals) {
    ids.push_back(static_cast<unsigned int>(expressions.size()));
    expressions.push_back(literal.data());
    lengths.push_back(literal.size());
  }
  hs_database_t* database = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_lit_multi(expressions.data(), flags.data(), ids.data(), lengths.data(),
                           static_cast<unsigned int>(literals.size()), HS_MODE_BLOCK, &platform,
                           &database, &error) != HS_SUCCESS) {
    hs_free_compile_error(error);
    return nullptr;
  }
  if (!dir.empty()) WriteCached(dir, path, key, database);
  return Own(database);
}

}  // namespace

LiteralScanner::LiteralScanner(std::vector<std::string> literals, Engine engine)
    : literals_(std::move(literals)), serial_(next_serial.fetch_add(1)) {
  for (size_t i = 0; i < literals_.size(); ++i) {
    if (literals_[i].empty()) continue;
    by_first_byte_[static_cast<unsigned char>(literals_[i][0])].push_back(
        static_cast<uint32_t>(i));
  }
  if (engine == Engine::kVectorscan) database_ = Compile(literals_, from_cache_);
}

void LiteralScanner::Scan(std::string_view text, std::vector<LiteralHit>& hits) const {
  if (literals_.empty() || text.empty()) return;
  if (database_ && text.size() <= UINT_MAX) {
    hs_scratch_t* scratch = ScratchFor(database_.get(), serial_);
    const size_t before = hits.size();
    if (scratch != nullptr &&
        hs_scan(database_.get(), text.data(), static_cast<unsigned int>(text.size()), 0, scratch,
                OnMatch, &hits) == HS_SUCCESS) {
      return;
    }
    hits.resize(before);  // fall back to the plain scan for this text
  }
  ScanPlain(text, hits);
}

void LiteralScanner::ScanPlain(std::string_view text, std::vector<LiteralHit>& hits) const {
  for (size_t pos = 0; pos < text.size(); ++pos) {
    for (uint32_t index : by_first_byte_[static_cast<unsigned char>(text[pos])]) {
      const std::string& literal = literals_[index];
      if (text.compare(pos, literal.size(), literal) == 0) {
        hits.push_back({index, pos + literal.size()});
      }
    }
  }
}

}  // namespace epiwire::clean
