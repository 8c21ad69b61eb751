// SPDX-License-Identifier: MIT
#include "extract_command.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "epiwire/ingest/reader.h"
#include "epiwire/output/json_output.h"
#include "epiwire/pipeline/pipeline.h"

namespace epiwire::apps {
namespace {

struct ExtractOptions {
  std::vector<std::string> inputs;
  std::string published;
  std::string format = "jsonl";
  std::string input_format = "auto";
  std::string data_dir;
  size_t max_bytes = 32u << 20;
  unsigned jobs = 0;
  bool with_text = false;
  bool quiet = false;
};

struct Tally {
  size_t documents = 0;
  size_t cases = 0;
  size_t measures = 0;
  size_t skipped = 0;
  size_t repaired = 0;
  std::map<std::string, size_t> skip_reasons;
};

// The reason without its details, for the closing summary ("invalid JSON: ..." -> "invalid JSON").
std::string ReasonKind(const std::string& what) {
  const size_t colon = what.find(':');
  return colon == std::string::npos ? what : what.substr(0, colon);
}

// Extracts a batch on several threads, keeping the input order for the output.
std::vector<Extraction> ExtractBatch(const pipeline::Pipeline& pipeline,
                                     std::vector<Document>& batch, unsigned jobs) {
  std::vector<Extraction> results(batch.size());
  const unsigned workers = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(batch.size())));
  if (workers == 1) {
    for (size_t i = 0; i < batch.size(); ++i) results[i] = pipeline.Extract(std::move(batch[i]));
    return results;
  }
  std::vector<std::thread> threads;
  for (unsigned w = 0; w < workers; ++w) {
    threads.emplace_back([&, w] {
      for (size_t i = w; i < batch.size(); i += workers) {
        results[i] = pipeline.Extract(std::move(batch[i]));
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  return results;
}

int RunExtract(const ExtractOptions& options) {
  ingest::ReadOptions read_options;
  read_options.format = options.input_format;
  read_options.max_document_bytes = options.max_bytes;
  if (!options.published.empty()) {
    read_options.published = Date::ParseIso(options.published);
    if (!read_options.published) {
      std::fprintf(stderr, "epiwire extract: --published: '%s' is not a date (want YYYY-MM-DD)\n",
                   options.published.c_str());
      return 2;
    }
  }
  const std::string data_dir = pipeline::FindDataDir(options.data_dir);
  auto created = pipeline::Pipeline::Create(data_dir);
  if (!created.ok()) {
    std::fprintf(stderr, "epiwire extract: cannot load data from %s: %s\n", data_dir.c_str(),
                 created.status().message().c_str());
    return 2;
  }
  const pipeline::Pipeline& pipeline = *created.value();
  const unsigned jobs = options.jobs > 0 ? options.jobs
                                         : std::max(1u, std::thread::hardware_concurrency());
  const bool progress = !options.quiet && isatty(STDERR_FILENO);
  output::JsonOptions json_options;
  json_options.include_text = options.with_text;

  Tally tally;
  bool unreadable = false;
  std::vector<Document> batch;
  const auto flush = [&] {
    for (const Extraction& x : ExtractBatch(pipeline, batch, jobs)) {
      for (const Event& e : x.events) (e.type == EventType::kCases ? tally.cases : tally.measures)++;
      const std::string out = options.format == "table" ? output::ToTable(x)
                                                        : output::ToJsonLine(x, json_options) + "\n";
      std::fwrite(out.data(), 1, out.size(), stdout);
    }
    batch.clear();
    if (progress) std::fprintf(stderr, "\repiwire extract: %zu documents", tally.documents);
  };
  const auto on_document = [&](Document&& document) {
    ++tally.documents;
    batch.push_back(std::move(document));
    if (batch.size() >= 64) flush();
  };
  const auto on_problem = [&](const ingest::InputProblem& problem) {
    if (progress) std::fputc('\n', stderr);
    std::fprintf(stderr, "epiwire extract: %s: %s%s\n", problem.where.c_str(), problem.what.c_str(),
                 problem.skipped ? " (skipped)" : "");
    if (problem.skipped) {
      ++tally.skipped;
      ++tally.skip_reasons[ReasonKind(problem.what)];
    } else {
      ++tally.repaired;
    }
  };
  for (const std::string& input : options.inputs) {
    Status status = ingest::ReadPath(input, read_options, on_document, on_problem);
    if (!status.ok()) {
      std::fprintf(stderr, "epiwire extract: %s\n", status.message().c_str());
      unreadable = true;
    }
  }
  flush();
  std::fflush(stdout);
  if (!options.quiet) {
    if (progress) std::fputc('\n', stderr);
    std::fprintf(stderr,
                 "epiwire extract: %zu documents, %zu case events, %zu measures; %zu skipped, "
                 "%zu read with problems\n",
                 tally.documents, tally.cases, tally.measures, tally.skipped, tally.repaired);
    for (const auto& [reason, count] : tally.skip_reasons) {
      std::fprintf(stderr, "  skipped %zu: %s\n", count, reason.c_str());
    }
  }
  return unreadable || tally.skipped > 0 ? 1 : 0;
}

}  // namespace

void AddExtractCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<ExtractOptions>();
  CLI::App* command = app.add_subcommand(
      "extract",
      "Read news documents and print, for each, its stories, removed boilerplate and the case\n"
      "and measure events found, as JSON Lines: one object a document (docs/output.md).");
  command->add_option("inputs", options->inputs,
                      "Files or directories to read (.txt, .html, .jsonl); '-' reads standard input")
      ->required();
  command->add_option("--published", options->published,
                      "Publication date (YYYY-MM-DD) for documents that carry none");
  command->add_option("--format", options->format, "Output: jsonl (default) or table")
      ->check(CLI::IsMember({"jsonl", "table"}));
  command->add_option("--input-format", options->input_format,
                      "Input format: auto (by extension and content), text, html or jsonl")
      ->check(CLI::IsMember({"auto", "text", "html", "jsonl"}));
  command->add_option("--data-dir", options->data_dir,
                      "Directory with lexicon/ and gazetteer/ (default: the installed data)");
  command->add_option("--max-bytes", options->max_bytes,
                      "Skip documents larger than this many bytes (default 33554432)");
  command->add_option("-j,--jobs", options->jobs, "Worker threads (default: one per core)");
  command->add_flag("--with-text", options->with_text, "Include each document's text in the output");
  command->add_flag("-q,--quiet", options->quiet, "No summary on standard error");
  command->footer(
      "Exit status: 0 all input read; 1 some input skipped or unreadable (the rest is still\n"
      "printed, and each problem is named on standard error); 2 bad usage or data.");
  command->callback([options, exit_code] { *exit_code = RunExtract(*options); });
}

}  // namespace epiwire::apps
