// SPDX-License-Identifier: MIT
#include "evaluate_command.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "epiwire/base/file.h"
#include "epiwire/pipeline/pipeline.h"
#include "epiwire/series/official_names.h"
#include "epiwire/series/series.h"
#include "epiwire/signals/evaluation.h"
#include "series_command.h"

namespace epiwire::apps {
namespace {

struct EvaluateOptions {
  std::string official;
  std::string data_dir;
  std::string format = "text";
  std::string methods = "ears_c1,ears_c2,ears_c3,cusum,epitweetr";
  uint64_t seed = signals::StreamOptions().seed;
  int min_observed = signals::kMinObservedDays;
  int min_articles = signals::SignalOptions().min_articles;
  int min_sources = signals::SignalOptions().min_sources;
  double alpha = signals::RiseOptions().alpha;
  double growth = signals::RiseOptions().growth;
  double min_cases = signals::RiseOptions().min_cases;
  std::string evidence = "bursts,counts";
  std::string write_stream;
  std::string store;
  bool show_truth = false;
  bool show_alerts = false;
};

void PrintDetails(const signals::Evaluation& evaluation, const EvaluateOptions& options) {
  if (options.show_truth) {
    std::printf("known events (%zu):\n", evaluation.truth.size());
    for (size_t i = 0; i < evaluation.truth.size(); ++i) {
      const signals::KnownEvent& event = evaluation.truth[i];
      const std::optional<Date>& found = evaluation.found[i];
      std::string outcome = "-";
      if (event.kind != "cluster") {
        outcome = found ? "found " + found->ToIso() + " (" +
                              std::to_string(found->ToDays() - event.onset.ToDays()) + " days)"
                        : "missed";
      }
      std::printf("  %-20s %-6s %-8s %s to %s  %s\n", event.kind.c_str(), event.place.c_str(),
                  event.series.c_str(), event.onset.ToIso().c_str(), event.end.ToIso().c_str(),
                  outcome.c_str());
    }
  }
  if (options.show_alerts) {
    std::printf("alerts (%zu):\n", evaluation.alerts.size());
    for (const signals::Alert& alert : evaluation.alerts) {
      std::printf("  %s %-8s raised %s  %s [%zu signals]\n", alert.first_date.ToIso().c_str(),
                  alert.severity.c_str(),
                  alert.raised ? alert.raised->ToIso().c_str() : "-", alert.title.c_str(),
                  alert.signals.size());
    }
  }
}

// Place names by ISO code from the gazetteer's country and subdivision tables, so
// that the simulated articles name places as the news does.
std::map<std::string, std::string> PlaceNames(const std::string& data_dir) {
  std::map<std::string, std::string> names;
  // countries.tsv: iso2, name, ...; subdivisions.tsv: iso3166_2, admin1, name, ...
  (void)ForEachTsvRow(data_dir + "/gazetteer/countries.tsv",
                      [&](int line, const std::vector<std::string_view>& fields) {
                        if (line > 1 && fields.size() >= 2) names[std::string(fields[0])] = fields[1];
                        return Status::Ok();
                      });
  (void)ForEachTsvRow(data_dir + "/gazetteer/subdivisions.tsv",
                      [&](int line, const std::vector<std::string_view>& fields) {
                        if (line > 1 && fields.size() >= 3) names[std::string(fields[0])] = fields[2];
                        return Status::Ok();
                      });
  return names;
}

int RunEvaluate(const EvaluateOptions& options) {
  const char* name = "epiwire evaluate-signals";
  auto methods = signals::ParseMethodList(options.methods);
  if (!methods.ok() || methods->empty()) {
    std::fprintf(stderr, "%s: --method: %s\n", name,
                 methods.ok() ? "no method" : methods.status().message().c_str());
    return 2;
  }
  auto content = ReadFile(options.official);
  if (!content.ok()) {
    std::fprintf(stderr, "%s: %s\n", name, content.status().message().c_str());
    return 2;
  }
  const std::string data_dir = pipeline::FindDataDir(options.data_dir);
  auto names = series::OfficialNames::Load(data_dir);
  if (!names.ok()) {
    std::fprintf(stderr, "%s: %s\n", name, names.status().message().c_str());
    return 2;
  }
  std::vector<std::string> skipped;
  auto values = series::ReadChinaProvinceCsv(
      content.value(), std::filesystem::path(options.official).filename().string(),
      [&](std::string_view country, std::string_view province) {
        return names->PlaceCode(country, province);
      },
      &skipped);
  if (!values.ok()) {
    std::fprintf(stderr, "%s: %s: %s\n", name, options.official.c_str(),
                 values.status().message().c_str());
    return 2;
  }
  if (!skipped.empty()) {
    std::fprintf(stderr, "%s: %s: %zu rows skipped (first: %s)\n", name,
                 options.official.c_str(), skipped.size(), skipped.front().c_str());
  }
  signals::StreamOptions stream;
  stream.seed = options.seed;
  stream.place_names = PlaceNames(data_dir);
  signals::SignalOptions signal_options;
  signal_options.methods = methods.value();
  signal_options.min_observed = options.min_observed;
  signal_options.min_articles = options.min_articles;
  signal_options.min_sources = options.min_sources;
  signals::RiseOptions& rise = signal_options.rise;
  rise.alpha = options.alpha;
  rise.growth = options.growth;
  rise.min_cases = options.min_cases;
  rise.reporting_bursts = rise.count_aberrations = rise.article_aberrations = false;
  for (size_t start = 0; start <= options.evidence.size();) {
    size_t comma = options.evidence.find(',', start);
    if (comma == std::string::npos) comma = options.evidence.size();
    const std::string word = options.evidence.substr(start, comma - start);
    start = comma + 1;
    if (word == "bursts") {
      rise.reporting_bursts = true;
    } else if (word == "counts") {
      rise.count_aberrations = true;
    } else if (word == "articles") {
      rise.article_aberrations = true;
    } else if (!word.empty()) {
      std::fprintf(stderr, "%s: --evidence: unknown '%s' (want bursts, counts, articles)\n", name,
                   word.substr(0, 64).c_str());
      return 2;
    }
  }
  signals::Evaluation evaluation;
  if (options.store.empty()) {
    evaluation = signals::Evaluate(values.value(), stream, signals::TruthOptions(), signal_options);
    std::printf(
        "simulated stream (seed %llu): %zu articles, %zu facts, %zu wrong figures, %s to %s; "
        "%zu known events; scored %s to %s\n",
        static_cast<unsigned long long>(options.seed), evaluation.stream.articles,
        evaluation.stream.facts.size(), evaluation.stream.wrong_figures,
        evaluation.stream.first.ToIso().c_str(), evaluation.stream.last.ToIso().c_str(),
        evaluation.truth.size(), evaluation.from.ToIso().c_str(), evaluation.to.ToIso().c_str());
  } else {
    auto opened = OpenExistingStore(options.store);
    if (!opened.ok()) {
      std::fprintf(stderr, "%s: %s\n", name, opened.status().message().c_str());
      return 2;
    }
    auto facts = LoadCaseFacts(*opened.value(), store::EventFilter{});
    auto sources = facts.ok() ? series::StoreSources(*opened.value(), facts.value())
                              : Result<series::SourceFunction>(facts.status());
    if (!sources.ok()) {
      std::fprintf(stderr, "%s: %s\n", name, sources.status().message().c_str());
      return 2;
    }
    evaluation = signals::EvaluateFacts(values.value(), facts.value(), sources.value(),
                                        signals::TruthOptions(), signal_options);
    std::printf("store %s: %zu case facts; %zu known events; scored %s to %s\n",
                options.store.c_str(), facts->size(), evaluation.truth.size(),
                evaluation.from.ToIso().c_str(), evaluation.to.ToIso().c_str());
  }
  const std::string table = signals::ScoreTable(evaluation, options.format);
  std::fwrite(table.data(), 1, table.size(), stdout);
  PrintDetails(evaluation, options);
  if (!options.write_stream.empty() && options.store.empty()) {
    std::ofstream out(options.write_stream, std::ios::binary);
    out << signals::StreamToJsonLines(evaluation.stream);
    if (!out.flush()) {
      std::fprintf(stderr, "%s: cannot write %s\n", name, options.write_stream.c_str());
      return 2;
    }
  }
  return 0;
}

}  // namespace

void AddEvaluateCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<EvaluateOptions>();
  CLI::App* command = app.add_subcommand(
      "evaluate-signals",
      "Measure the alerts against known outbreaks: simulate a news stream from an official\n"
      "series (sparse reports of new or cumulative figures, more when counts rise, with\n"
      "delays and a few wrong figures), take the surges and first imported cases from the\n"
      "same series, and print precision, recall, median delay and false alerts per 1,000\n"
      "quiet place-days for each method and for the merged alerts.");
  command->add_option("official", options->official,
                      "The mainland China province file "
                      "(china_province_and_imported_daily.csv)")
      ->required();
  command->add_option("--seed", options->seed, "Seed of the simulated stream (default 20200405)");
  command->add_option("--format", options->format, "Table: text (default) or markdown")
      ->check(CLI::IsMember({"text", "markdown"}));
  command->add_option("--method", options->methods,
                      "Comma-separated methods (default: all five)");
  command
      ->add_option("--min-observed", options->min_observed,
                   "Reported days a 7-day baseline of case counts needs (default 5)")
      ->check(CLI::Range(3, 7));
  command->add_option("--min-articles", options->min_articles,
                      "Articles a method's alarm on article counts needs in a day (default 3)")
      ->check(CLI::Range(1, 1000));
  command->add_option("--min-sources", options->min_sources,
                      "Distinct sources a method's alarm on article counts needs (default 2)")
      ->check(CLI::Range(1, 1000));
  command->add_option("--alpha", options->alpha,
                      "Chance below which a day's articles on a place are a burst of reporting\n"
                      "for that place (default 0.01)")
      ->check(CLI::Range(0.0, 1.0));
  command->add_option("--growth", options->growth,
                      "Times a usual week the week's reported cases must reach for a rise\n"
                      "(plus --min-cases; default 4)")
      ->check(CLI::Range(0.0, 1000.0));
  command->add_option("--min-cases", options->min_cases,
                      "New cases the week needs beyond --growth times a usual week (default 1)")
      ->check(CLI::Range(0.0, 1e9));
  command->add_option("--evidence", options->evidence,
                      "What shows a day is unusual: bursts (of reporting), counts (methods on\n"
                      "case counts), articles (methods on article counts); default bursts,counts");
  command->add_flag("--show-truth", options->show_truth, "Also list the known events");
  command->add_flag("--show-alerts", options->show_alerts, "Also list the alerts");
  command->add_option("--write-stream", options->write_stream,
                      "Also write the simulated articles to this JSON Lines file (for ingest)");
  command->add_option("--store", options->store,
                      "Score the alerts of this store's facts instead of a simulated stream\n"
                      "(e.g. the written stream after epiwire ingest: extraction included)");
  command->add_option("--data-dir", options->data_dir,
                      "Directory with official_names.tsv and gazetteer/ (default: installed)");
  command->footer(
      "Deterministic for a seed. See docs/signals.md for the definitions and the table.\n"
      "Exit status: 0 scored; 2 bad usage or an unreadable file.");
  command->callback([options, exit_code] { *exit_code = RunEvaluate(*options); });
}

}  // namespace epiwire::apps
