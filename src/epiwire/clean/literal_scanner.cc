// SPDX-License-Identifier: MIT
// Literal scanning with Vectorscan. Tested by literal_scanner_test.cc.
#include "epiwire/clean/literal_scanner.h"

#include <hs.h>

#include <atomic>
#include <climits>

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

std::shared_ptr<const hs_database_t> Compile(const std::vector<std::string>& literals) {
  if (literals.empty() || literals.size() > UINT_MAX || hs_valid_platform() != HS_SUCCESS) {
    return nullptr;
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
                           static_cast<unsigned int>(literals.size()), HS_MODE_BLOCK, nullptr,
                           &database, &error) != HS_SUCCESS) {
    hs_free_compile_error(error);
    return nullptr;
  }
  return std::shared_ptr<const hs_database_t>(
      database, [](const hs_database_t* db) { hs_free_database(const_cast<hs_database_t*>(db)); });
}

}  // namespace

LiteralScanner::LiteralScanner(std::vector<std::string> literals, Engine engine)
    : literals_(std::move(literals)), serial_(next_serial.fetch_add(1)) {
  for (size_t i = 0; i < literals_.size(); ++i) {
    if (literals_[i].empty()) continue;
    by_first_byte_[static_cast<unsigned char>(literals_[i][0])].push_back(
        static_cast<uint32_t>(i));
  }
  if (engine == Engine::kVectorscan) database_ = Compile(literals_);
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
