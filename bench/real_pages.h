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

// `text` with every figure below 1900 raised by `by` (years and the digits of names,
// "COVID-19", "H5N1", stay): a copy of a page that says other figures, so that a long
// document made of copies keeps its paragraphs rather than drops them as repeats.
inline std::string VaryFigures(const std::string& text, size_t by) {
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  const auto joins = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
  };
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (size_t i = 0; i < text.size();) {
    if (!digit(text[i]) || (i > 0 && (digit(text[i - 1]) || joins(text[i - 1])))) {
      out.push_back(text[i++]);
      continue;
    }
    size_t end = i;
    while (end < text.size() && digit(text[end])) ++end;
    const std::string figure = text.substr(i, end - i);
    const bool glued = end < text.size() && joins(text[end]);
    if (!glued && figure.size() <= 4 && std::stoul(figure) < 1900) {
      out += std::to_string(std::stoul(figure) + by);
    } else {
      out += figure;
    }
    i = end;
  }
  return out;
}

// Documents of `size` bytes of text each (the last paragraph cut at a line's end or,
// in a paragraph longer than the document, at a character's), made of the pages'
// texts one after another, as a long page gathers several stories (a page held again
// with its figures raised: VaryFigures); at least `min_total` bytes of them in all.
inline std::vector<Document> PagesOfSize(const std::vector<Document>& pages, size_t size,
                                         size_t min_total) {
  std::vector<Document> out;
  size_t next = 0;
  size_t total = 0;
  while (!pages.empty() && total < min_total) {
    Document doc = pages[next % pages.size()];
    doc.id = "size-" + std::to_string(size) + "-" + std::to_string(out.size());
    doc.text.clear();
    // (A page the document holds again says other figures: the cleaner would drop
    // its paragraphs as repeats, and the document would cost less than its size.)
    for (size_t first = next; doc.text.size() < size; ++next) {
      const size_t copy = (next - first) / pages.size();
      const std::string& text = pages[next % pages.size()].text;
      doc.text += copy == 0 ? text : VaryFigures(text, copy);
      doc.text += "\n\n";
    }
    size_t cut = doc.text.rfind('\n', size);
    if (cut == std::string::npos || cut < size / 2) {
      cut = size;
      while (cut > 0 && (static_cast<unsigned char>(doc.text[cut]) & 0xC0) == 0x80) --cut;
    }
    doc.text.resize(cut);
    total += doc.text.size();
    out.push_back(std::move(doc));
  }
  return out;
}

inline size_t TextBytes(const std::vector<Document>& pages) {
  size_t bytes = 0;
  for (const Document& page : pages) bytes += page.text.size();
  return bytes;
}

}  // namespace epiwire::bench

#endif  // EPIWIRE_BENCH_REAL_PAGES_H_
