// SPDX-License-Identifier: MIT
// What the commands that read news (extract, ingest) share: their input options,
// turning them into reader options and a loaded pipeline, and the closing
// summary of skipped input.
#ifndef EPIWIRE_APPS_INPUT_OPTIONS_H_
#define EPIWIRE_APPS_INPUT_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "epiwire/ingest/reader.h"
#include "epiwire/pipeline/pipeline.h"

namespace epiwire::apps {

struct InputOptions {
  std::vector<std::string> inputs;
  std::string published;
  std::string input_format = "auto";
  std::string data_dir;
  size_t max_bytes = 32u << 20;
  unsigned jobs = 0;
};

// Adds the positional inputs and --published, --input-format, --data-dir,
// --max-bytes and -j/--jobs to `command`; `jobs_help` says what the threads do.
// Commands that only read (publish) pass an empty `jobs_help`: no --data-dir, no -j.
void AddInputOptions(CLI::App* command, InputOptions& options, const std::string& jobs_help);

// Reader options from the command line; nullopt (after a message naming `command`
// on stderr) when --published is not a date.
std::optional<ingest::ReadOptions> MakeReadOptions(const InputOptions& options,
                                                   const char* command);

// The pipeline over the data directory; nullptr after a message on stderr.
std::unique_ptr<pipeline::Pipeline> LoadPipeline(const InputOptions& options, const char* command);

// -j: the threads asked for, else one per core.
unsigned WorkerCount(const InputOptions& options);

// The store name for messages: a PostgreSQL URL without its password.
std::string StoreName(const std::string& db);

// Counts input problems for the closing summary.
struct ProblemTally {
  size_t skipped = 0;
  size_t repaired = 0;
  std::map<std::string, size_t> reasons;  // by kind of reason ("invalid JSON")

  void Count(const ingest::InputProblem& problem);
  // "  skipped N: reason" lines.
  void PrintReasons(FILE* out) const;
};

}  // namespace epiwire::apps

#endif  // EPIWIRE_APPS_INPUT_OPTIONS_H_
