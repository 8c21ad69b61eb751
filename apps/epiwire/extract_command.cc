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

#include "input_options.h"
#include "epiwire/ingest/reader.h"
#include "epiwire/output/json_output.h"
#include "epiwire/pipeline/pipeline.h"

namespace epiwire::apps {
namespace {

struct ExtractOptions {
  InputOptions input;
  std::string format = "jsonl";
  bool with_text = false;
  bool quiet = false;
};

struct Tally {
  size_t documents = 0;
  size_t cases = 0;
  size_t measures = 0;
  ProblemTally problems;
};

struct Extracted {
  Extraction extraction;
  std::vector<std::string> limits_hit;
};

// Extracts a batch on several threads, keeping the input order for the output.
std::vector<Extracted> ExtractBatch(const pipeline::Pipeline& pipeline,
                                    std::vector<Document>& batch, unsigned jobs) {
  std::vector<Extracted> results(batch.size());
  const auto extract = [&](size_t i) {
    results[i].extraction = pipeline.Extract(std::move(batch[i]), &results[i].limits_hit);
  };
  const unsigned workers = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(batch.size())));
  if (workers == 1) {
    for (size_t i = 0; i < batch.size(); ++i) extract(i);
    return results;
  }
  std::vector<std::thread> threads;
  for (unsigned w = 0; w < workers; ++w) {
    threads.emplace_back([&, w] {
      for (size_t i = w; i < batch.size(); i += workers) extract(i);
    });
  }
  for (std::thread& thread : threads) thread.join();
  return results;
}

int RunExtract(const ExtractOptions& options) {
  const std::optional<ingest::ReadOptions> read_options = MakeReadOptions(options.input, "extract");
  if (!read_options) return 2;
  const std::unique_ptr<pipeline::Pipeline> loaded = LoadPipeline(options.input, "extract");
  if (!loaded) return 2;
  const pipeline::Pipeline& pipeline = *loaded;
  const unsigned jobs = WorkerCount(options.input);
  const bool progress = !options.quiet && isatty(STDERR_FILENO);
  output::JsonOptions json_options;
  json_options.include_text = options.with_text;

  Tally tally;
  bool unreadable = false;
  std::vector<Document> batch;
  size_t batch_bytes = 0;  // a batch is bounded in bytes too, for memory's sake
  const auto on_problem = [&](const ingest::InputProblem& problem) {
    if (progress) std::fputc('\n', stderr);
    std::fprintf(stderr, "epiwire extract: %s: %s%s\n", problem.where.c_str(), problem.what.c_str(),
                 problem.skipped ? " (skipped)" : "");
    tally.problems.Count(problem);
  };
  const auto flush = [&] {
    for (const Extracted& extracted : ExtractBatch(pipeline, batch, jobs)) {
      const Extraction& x = extracted.extraction;
      for (const std::string& limit : extracted.limits_hit) {
        on_problem({x.document.origin.empty() ? x.document.id : x.document.origin, limit, false});
      }
      for (const Event& e : x.events) (e.type == EventType::kCases ? tally.cases : tally.measures)++;
      const std::string out = options.format == "table" ? output::ToTable(x)
                                                        : output::ToJsonLine(x, json_options) + "\n";
      std::fwrite(out.data(), 1, out.size(), stdout);
    }
    batch.clear();
    batch_bytes = 0;
    if (progress) std::fprintf(stderr, "\repiwire extract: %zu documents", tally.documents);
  };
  const auto on_document = [&](Document&& document) {
    ++tally.documents;
    batch_bytes += document.text.size();
    batch.push_back(std::move(document));
    if (batch.size() >= 64 || batch_bytes >= (size_t{64} << 20)) flush();
  };
  for (const std::string& input : options.input.inputs) {
    Status status = ingest::ReadPath(input, *read_options, on_document, on_problem);
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
                 tally.documents, tally.cases, tally.measures, tally.problems.skipped,
                 tally.problems.repaired);
    tally.problems.PrintReasons(stderr);
  }
  return unreadable || tally.problems.skipped > 0 ? 1 : 0;
}

}  // namespace

void AddExtractCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<ExtractOptions>();
  CLI::App* command = app.add_subcommand(
      "extract",
      "Read news documents and print, for each, its stories, removed boilerplate and the case\n"
      "and measure events found, as JSON Lines: one object a document (docs/output.md).");
  AddInputOptions(command, options->input, "Worker threads (default: one per core)");
  command->add_option("--format", options->format, "Output: jsonl (default) or table")
      ->check(CLI::IsMember({"jsonl", "table"}));
  command->add_flag("--with-text", options->with_text, "Include each document's text in the output");
  command->add_flag("-q,--quiet", options->quiet, "No summary on standard error");
  command->footer(
      "Exit status: 0 all input read; 1 some input skipped or unreadable (the rest is still\n"
      "printed, and each problem is named on standard error); 2 bad usage or data.");
  command->callback([options, exit_code] { *exit_code = RunExtract(*options); });
}

}  // namespace epiwire::apps
