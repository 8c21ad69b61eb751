// SPDX-License-Identifier: MIT
#include "input_options.h"

#include <algorithm>
#include <thread>

#include "epiwire/text/sentences.h"

namespace epiwire::apps {

void AddInputOptions(CLI::App* command, InputOptions& options, const std::string& jobs_help) {
  command->add_option("inputs", options.inputs,
                      "Files or directories to read (.txt, .html, .jsonl); '-' reads standard input")
      ->required();
  command->add_option("--published", options.published,
                      "Publication date (YYYY-MM-DD) for documents that carry none");
  command->add_option("--input-format", options.input_format,
                      "Input format: auto (by extension and content), text, html or jsonl")
      ->check(CLI::IsMember({"auto", "text", "html", "jsonl"}));
  // (At most 4 GiB: a token's offsets into its document are four bytes.)
  command
      ->add_option("--max-bytes", options.max_bytes,
                   "Skip documents larger than this many bytes (default 33554432, at most "
                   "4294967295)")
      ->check(CLI::Range(size_t{1}, text::kMaxTokenOffset));
  if (jobs_help.empty()) return;
  command->add_option("--data-dir", options.data_dir,
                      "Directory with lexicon/ and gazetteer/ (default: the installed data)");
  command->add_option("-j,--jobs", options.jobs, jobs_help);
}

std::optional<ingest::ReadOptions> MakeReadOptions(const InputOptions& options,
                                                   const char* command) {
  ingest::ReadOptions read_options;
  read_options.format = options.input_format;
  read_options.max_document_bytes = options.max_bytes;
  if (!options.published.empty()) {
    read_options.published = Date::ParseIso(options.published);
    if (!read_options.published) {
      std::fprintf(stderr, "epiwire %s: --published: '%s' is not a date (want YYYY-MM-DD)\n",
                   command, options.published.c_str());
      return std::nullopt;
    }
  }
  return read_options;
}

std::unique_ptr<pipeline::Pipeline> LoadPipeline(const InputOptions& options, const char* command) {
  const std::string data_dir = pipeline::FindDataDir(options.data_dir);
  auto created = pipeline::Pipeline::Create(data_dir);
  if (!created.ok()) {
    std::fprintf(stderr, "epiwire %s: cannot load data from %s: %s\n", command, data_dir.c_str(),
                 created.status().message().c_str());
    return nullptr;
  }
  return std::move(created).value();
}

unsigned WorkerCount(const InputOptions& options) {
  return options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
}

std::string StoreName(const std::string& db) {
  const size_t scheme = db.find("://");
  const size_t at = db.find('@');
  const size_t colon = scheme == std::string::npos ? std::string::npos : db.find(':', scheme + 3);
  if (at == std::string::npos || colon == std::string::npos || colon > at) return db;
  return db.substr(0, colon + 1) + "***" + db.substr(at);
}

void ProblemTally::Count(const ingest::InputProblem& problem) {
  if (!problem.skipped) {
    ++repaired;
    return;
  }
  ++skipped;
  // The reason without its details: "invalid JSON: ..." -> "invalid JSON".
  const size_t colon = problem.what.find(':');
  ++reasons[colon == std::string::npos ? problem.what : problem.what.substr(0, colon)];
}

void ProblemTally::PrintReasons(FILE* out) const {
  for (const auto& [reason, count] : reasons) {
    std::fprintf(out, "  skipped %zu: %s\n", count, reason.c_str());
  }
}

}  // namespace epiwire::apps
