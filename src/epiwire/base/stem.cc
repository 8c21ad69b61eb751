// SPDX-License-Identifier: MIT
#include "epiwire/base/stem.h"

#include <libstemmer.h>

#include <array>
#include <memory>
#include <utility>

namespace epiwire {
namespace {

// Snowball's algorithm names for the languages read.
constexpr std::array<std::pair<std::string_view, const char*>, 8> kAlgorithms{{
    {"en", "english"},
    {"ru", "russian"},
    {"fr", "french"},
    {"es", "spanish"},
    {"de", "german"},
    {"it", "italian"},
    {"pt", "portuguese"},
    {"uk", "ukrainian"},
}};

const char* AlgorithmFor(std::string_view language) {
  for (const auto& [code, name] : kAlgorithms) {
    if (code == language) return name;
  }
  return nullptr;
}

struct StemmerDeleter {
  void operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }
};

// A stemmer is not thread-safe: each thread keeps its own, one per language.
sb_stemmer* StemmerFor(const char* algorithm) {
  thread_local std::array<std::unique_ptr<sb_stemmer, StemmerDeleter>, kAlgorithms.size()> owned;
  for (size_t i = 0; i < kAlgorithms.size(); ++i) {
    if (kAlgorithms[i].second != algorithm) continue;
    if (!owned[i]) owned[i].reset(sb_stemmer_new(algorithm, "UTF_8"));
    return owned[i].get();
  }
  return nullptr;
}

}  // namespace

bool HasStemmer(std::string_view language) { return AlgorithmFor(language) != nullptr; }

std::string Stem(std::string_view word, std::string_view language) {
  const char* algorithm = AlgorithmFor(language);
  sb_stemmer* stemmer = algorithm != nullptr ? StemmerFor(algorithm) : nullptr;
  if (stemmer == nullptr || word.empty()) return std::string(word);
  const sb_symbol* stem = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                                          static_cast<int>(word.size()));
  if (stem == nullptr) return std::string(word);
  return std::string(reinterpret_cast<const char*>(stem),
                     static_cast<size_t>(sb_stemmer_length(stemmer)));
}

}  // namespace epiwire
