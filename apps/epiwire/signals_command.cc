// SPDX-License-Identifier: MIT
#include "signals_command.h"

#include <cmath>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "epiwire/series/series.h"
#include "epiwire/signals/signals.h"
#include "series_command.h"

namespace epiwire::apps {
namespace {

struct SignalsOptions {
  std::string db = "epiwire.db";
  std::string methods = "ears_c1,ears_c2,ears_c3,cusum,epitweetr";
  std::string format = "table";
  std::string disease;
  std::string country;
};

// "ears_c1,cusum" -> methods; an unknown name is reported by name.
Result<std::vector<signals::Method>> ParseMethods(const std::string& text) {
  std::vector<signals::Method> methods;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    const std::string name = text.substr(start, comma - start);
    if (!name.empty()) {
      std::optional<signals::Method> method = signals::ParseMethod(name);
      if (!method) {
        return Status::InvalidInput("--method: unknown method '" + name +
                                    "' (want ears_c1, ears_c2, ears_c3, cusum, epitweetr)");
      }
      methods.push_back(*method);
    }
    start = comma + 1;
  }
  return methods;
}

nlohmann::json Finite(double value) {
  return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
}

std::string ToJson(const std::vector<signals::Signal>& found) {
  nlohmann::json out = nlohmann::json::array();
  for (const signals::Signal& signal : found) {
    const series::SeriesKey& key = signal.key;
    out.push_back({{"kind", signal.kind},
                   {"method", signal.method.empty() ? nlohmann::json(nullptr)
                                                    : nlohmann::json(signal.method)},
                   {"date", signal.date.ToIso()},
                   {"place", key.place_name},
                   {"country", key.country},
                   {"subdivision", key.subdivision},
                   {"disease", key.disease},
                   {"status", std::string(CaseStatusName(key.status))},
                   {"imported", key.imported ? nlohmann::json(*key.imported) : nullptr},
                   {"value", Finite(signal.value)},
                   {"threshold", Finite(signal.threshold)},
                   {"message", signal.message},
                   {"fact_ids", signal.fact_ids}});
  }
  return out.dump(2) + "\n";
}

void PrintTable(const std::vector<signals::Signal>& found) {
  std::printf("%-10s %-22s %-9s %s\n", "date", "kind", "method", "message");
  for (const signals::Signal& signal : found) {
    std::printf("%-10s %-22s %-9s %s\n", signal.date.ToIso().c_str(), signal.kind.c_str(),
                signal.method.empty() ? "-" : signal.method.c_str(), signal.message.c_str());
  }
  std::printf("%zu signals\n", found.size());
}

int RunSignals(const SignalsOptions& options) {
  auto methods = ParseMethods(options.methods);
  if (!methods.ok()) {
    std::fprintf(stderr, "epiwire signals: %s\n", methods.status().message().c_str());
    return 2;
  }
  auto opened = OpenExistingStore(options.db);
  if (!opened.ok()) {
    std::fprintf(stderr, "epiwire signals: %s\n", opened.status().message().c_str());
    return 2;
  }
  store::EventFilter filter;
  filter.disease = options.disease;
  filter.country = options.country;
  auto facts = LoadCaseFacts(*opened.value(), filter);
  if (!facts.ok()) {
    std::fprintf(stderr, "epiwire signals: %s\n", facts.status().message().c_str());
    return 2;
  }
  const std::vector<signals::Signal> found =
      signals::FindSignals(series::BuildSeries(facts.value()), facts.value(), methods.value());
  if (options.format == "json") {
    const std::string out = ToJson(found);
    std::fwrite(out.data(), 1, out.size(), stdout);
  } else {
    PrintTable(found);
  }
  return 0;
}

}  // namespace

void AddSignalsCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<SignalsOptions>();
  CLI::App* command = app.add_subcommand(
      "signals",
      "Find signals in the store's case facts: aberrations in the daily new-case series\n"
      "(EARS C1/C2/C3 as R's surveillance::earsC, CUSUM, the ECDC epitweetr method) and\n"
      "importation signals (first imported case from X into Y, new importation route).");
  command->add_option("--db", options->db,
                      "Store: a SQLite file (default epiwire.db) or postgresql://...");
  command->add_option("--method", options->methods,
                      "Comma-separated methods: ears_c1,ears_c2,ears_c3,cusum,epitweetr "
                      "(default: all)");
  command->add_option("--format", options->format, "Output: table (default) or json")
      ->check(CLI::IsMember({"table", "json"}));
  command->add_option("--disease", options->disease, "Only this disease (\"covid-19\")");
  command->add_option("--country", options->country, "Only this country (ISO alpha-2)");
  command->footer(
      "Each method looks at a 7-day baseline; alpha 0.001 for C1/C2, 0.025 for C3 and\n"
      "epitweetr; CUSUM k = 0.5, h = 4 (see src/epiwire/signals/signals.h).\n"
      "Exit status: 0 printed (also when there is no signal); 2 bad usage or the store\n"
      "cannot be read.");
  command->callback([options, exit_code] { *exit_code = RunSignals(*options); });
}

}  // namespace epiwire::apps
