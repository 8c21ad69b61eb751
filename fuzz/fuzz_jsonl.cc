// SPDX-License-Identifier: MIT
// Fuzz target: a JSON Lines feed. Every document read has an id, a known format
// and valid UTF-8 text, title and origin "fuzz.jsonl:N"; every problem names
// "fuzz.jsonl:N" and says what; a line is either a document or a skipped problem.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "epiwire/ingest/reader.h"
#include "fuzz_check.h"

using epiwire::fuzz::Check;
using epiwire::fuzz::CheckUtf8;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > epiwire::fuzz::kMaxInput) return 0;
  const std::string_view input = epiwire::fuzz::AsText(data, size);

  epiwire::ingest::ReadOptions options;
  options.max_document_bytes = 4096;  // small, so that the over-size path is reached too
  options.max_json_depth = 16;        // and the nesting limit
  std::set<std::string> documents;
  std::set<std::string> skipped;
  epiwire::ingest::ReadJsonLines(
      input, "fuzz.jsonl", options,
      [&](epiwire::Document&& document) {
        Check(!document.id.empty(), "document has an id");
        Check(document.format == "text" || document.format == "html", "format is known");
        CheckUtf8(document.text, "text is valid UTF-8");
        CheckUtf8(document.title, "title is valid UTF-8");
        Check(document.text.find('\0') == std::string::npos, "text holds no NUL");
        Check(document.origin.rfind("fuzz.jsonl:", 0) == 0, "document origin names the line");
        if (document.published)
          epiwire::fuzz::CheckDate(*document.published, "published is a date");
        Check(documents.insert(document.origin).second, "one document a line");
      },
      [&](const epiwire::ingest::InputProblem& problem) {
        Check(problem.where.rfind("fuzz.jsonl:", 0) == 0, "problem names the file and line");
        Check(!problem.what.empty(), "problem says what");
        if (problem.skipped) skipped.insert(problem.where);
      });
  for (const std::string& where : skipped) {
    Check(documents.count(where) == 0, "a skipped line gives no document");
  }
  return 0;
}
