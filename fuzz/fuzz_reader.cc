// SPDX-License-Identifier: MIT
// Fuzz target for the ingest stage: the same bytes go to ReadJsonLines and to
// HtmlToText, and the output invariants (valid UTF-8, no empty lines) are checked.
// Built with libFuzzer under EPIWIRE_FUZZ_LIBFUZZER; otherwise a plain program
// that replays the files (or directories of files) named on its command line.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "epiwire/base/utf8.h"
#include "epiwire/ingest/reader.h"

namespace {

// Inputs larger than this only slow the fuzzer down without reaching new code.
constexpr size_t kMaxInput = 256 << 10;

void Check(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "fuzz_reader: invariant broken: %s\n", what);
    std::abort();
  }
}

void CheckText(std::string_view text, bool block_lines) {
  Check(!epiwire::FindInvalidUtf8(text).has_value(), "text is valid UTF-8");
  if (!block_lines || text.empty()) return;
  Check(text.back() == '\n', "HTML text ends with a line break");
  Check(text.front() != '\n', "HTML text has no leading empty line");
  Check(text.find("\n\n") == std::string_view::npos, "HTML text has no empty lines");
  Check(text.find("  ") == std::string_view::npos, "HTML text has no doubled spaces");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInput) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  epiwire::ingest::ReadOptions options;
  options.max_document_bytes = 4096;  // small, so that the over-size path is reached too
  epiwire::ingest::ReadJsonLines(
      input, "fuzz.jsonl", options,
      [](epiwire::Document&& document) {
        Check(!document.id.empty(), "document has an id");
        Check(document.format == "text" || document.format == "html", "format is known");
        CheckText(document.text, document.format == "html");
        Check(!epiwire::FindInvalidUtf8(document.title).has_value(), "title is valid UTF-8");
      },
      [](const epiwire::ingest::InputProblem& problem) {
        Check(problem.where.rfind("fuzz.jsonl:", 0) == 0, "problem names the file");
        Check(!problem.what.empty(), "problem says what");
      });

  // Gumbo assumes UTF-8 input; the readers repair it before calling, so do the same.
  std::string html(input);
  epiwire::RepairUtf8(html);
  const epiwire::ingest::HtmlText text = epiwire::ingest::HtmlToText(html);
  CheckText(text.text, true);
  Check(!epiwire::FindInvalidUtf8(text.title).has_value(), "title is valid UTF-8");
  Check(text.title.find('\n') == std::string::npos, "title is one line");
  return 0;
}

#ifndef EPIWIRE_LIBFUZZER
namespace {

int RunFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "fuzz_reader: cannot open %s\n", path.string().c_str());
    return 1;
  }
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  return 0;
}

}  // namespace

// Replays each file named, and each regular file under each directory named.
int main(int argc, char** argv) {
  int failures = 0;
  int runs = 0;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path path(argv[i]);
    std::error_code error;
    if (!std::filesystem::is_directory(path, error)) {
      failures += RunFile(path);
      ++runs;
      continue;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path, error)) {
      if (entry.is_regular_file()) files.push_back(entry.path());
    }
    for (const auto& file : files) {
      failures += RunFile(file);
      ++runs;
    }
  }
  std::printf("fuzz_reader: %d inputs replayed, %d unreadable\n", runs, failures);
  return failures == 0 ? 0 : 1;
}
#endif  // EPIWIRE_LIBFUZZER
