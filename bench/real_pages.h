// SPDX-License-Identifier: MIT
// Benchmark input: the real news pages of ../shared (corpus/dev, real and multilingual
// docs.jsonl, and the seed articles), read as `epiwire extract` reads them, and
// repeated up to a size with ids made unique. Empty when ../shared is absent.
#ifndef EPIWIRE_BENCH_REAL_PAGES_H_
#define EPIWIRE_BENCH_REAL_PAGES_H_

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "epiwire/ingest/reader.h"
#include "epiwire/model/document.h"

namespace epiwire::bench {

inline std::vector<Document> LoadRealPages(const std::string& shared_dir) {
  std::vector<Document> pages;
  const std::filesystem::path shared(shared_dir);
  std::vector<std::string> paths;
  for (const char* corpus : {"dev", "real", "multilingual"}) {
    paths.push_back((shared / "corpus" / corpus / "docs.jsonl").string());
  }
  paths.push_back((shared / "seeds").string());
  for (const std::string& path : paths) {
    std::error_code error;
    if (!std::filesystem::exists(path, error)) continue;
    const Status status = ingest::ReadPath(
        path, ingest::ReadOptions{}, [&](Document&& page) { pages.push_back(std::move(page)); },
        [](const ingest::InputProblem&) {});
    if (!status.ok()) continue;
  }
  return pages;
}

// `pages` over and over until at least `min_bytes` of text, each copy's ids
// suffixed with "#<copy>".
inline std::vector<Document> RepeatToSize(const std::vector<Document>& pages, size_t min_bytes) {
  std::vector<Document> repeated;
  size_t bytes = 0;
  for (size_t copy = 0; !pages.empty() && bytes < min_bytes; ++copy) {
    for (const Document& page : pages) {
      repeated.push_back(page);
      repeated.back().id.append(1, '#').append(std::to_string(copy));
      bytes += page.text.size();
    }
  }
  return repeated;
}

inline size_t TextBytes(const std::vector<Document>& pages) {
  size_t bytes = 0;
  for (const Document& page : pages) bytes += page.text.size();
  return bytes;
}

}  // namespace epiwire::bench

#endif  // EPIWIRE_BENCH_REAL_PAGES_H_
