// SPDX-License-Identifier: MIT
#include "signals_command.h"

#include <cstdio>
#include <memory>
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
  int min_observed = signals::kMinObservedDays;
  bool per_method = false;
  bool no_volume = false;
};

// "ears_c1,ears_c2; baseline 6 of 7 days reported".
std::string AlertDetail(const signals::Alert& alert) {
  std::string detail;
  for (const std::string& method : alert.methods) detail += (detail.empty() ? "" : ",") + method;
  if (alert.baseline_observed >= 0) {
    detail += "; baseline " + std::to_string(alert.baseline_observed) + " days reported";
  }
  const size_t count = alert.signals.size();
  detail += (detail.empty() ? "" : "; ") + std::to_string(count) +
            (count == 1 ? " signal" : " signals");
  if (alert.last_date != alert.first_date) detail += " to " + alert.last_date.ToIso();
  return detail;
}

void PrintAlerts(const std::vector<signals::Alert>& alerts, size_t signal_count) {
  std::printf("%-10s %-8s %-16s %s\n", "date", "severity", "id", "alert");
  for (const signals::Alert& alert : alerts) {
    std::printf("%-10s %-8s %-16s %s\n", alert.first_date.ToIso().c_str(),
                alert.severity.c_str(), alert.id.c_str(), alert.title.c_str());
    std::printf("%-36s %s\n", "", AlertDetail(alert).c_str());
  }
  std::printf("%zu alerts from %zu signals\n", alerts.size(), signal_count);
}

void PrintSignals(const std::vector<signals::Signal>& found) {
  std::printf("%-10s %-22s %-9s %s\n", "date", "kind", "method", "message");
  for (const signals::Signal& signal : found) {
    std::printf("%-10s %-22s %-9s %s\n", signal.date.ToIso().c_str(), signal.kind.c_str(),
                signal.method.empty() ? "-" : signal.method.c_str(), signal.message.c_str());
  }
  std::printf("%zu signals\n", found.size());
}

int RunSignals(const SignalsOptions& options) {
  const char* name = "epiwire signals";
  auto methods = signals::ParseMethodList(options.methods);
  if (!methods.ok()) {
    std::fprintf(stderr, "%s: --method: %s\n", name, methods.status().message().c_str());
    return 2;
  }
  auto opened = OpenExistingStore(options.db);
  if (!opened.ok()) {
    std::fprintf(stderr, "%s: %s\n", name, opened.status().message().c_str());
    return 2;
  }
  store::EventFilter filter;
  filter.disease = options.disease;
  filter.country = options.country;
  auto facts = LoadCaseFacts(*opened.value(), filter);
  if (!facts.ok()) {
    std::fprintf(stderr, "%s: %s\n", name, facts.status().message().c_str());
    return 2;
  }
  auto sources = series::StoreSources(*opened.value(), facts.value());
  if (!sources.ok()) {
    std::fprintf(stderr, "%s: %s\n", name, sources.status().message().c_str());
    return 2;
  }
  signals::SignalOptions signal_options;
  signal_options.methods = methods.value();
  signal_options.min_observed = options.min_observed;
  signal_options.volume = !options.no_volume;
  std::vector<series::VolumeSeries> volume;
  if (signal_options.volume) volume = series::BuildVolumeSeries(facts.value(), sources.value());
  const std::vector<signals::Signal> found = signals::FindSignals(
      series::BuildSeries(facts.value()), volume, facts.value(), signal_options);
  if (options.per_method) {
    if (options.format == "json") {
      // Each signal as its own one-signal alert keeps one JSON shape for both views.
      std::vector<signals::Alert> single;
      for (const signals::Signal& signal : found) {
        std::vector<signals::Alert> one = signals::MergeSignals({signal});
        single.insert(single.end(), one.begin(), one.end());
      }
      const std::string out = signals::AlertsToJson(single);
      std::fwrite(out.data(), 1, out.size(), stdout);
    } else {
      PrintSignals(found);
    }
    return 0;
  }
  const std::vector<signals::Alert> alerts = signals::RaiseAlerts(found);
  if (options.format == "json") {
    const std::string out = signals::AlertsToJson(alerts);
    std::fwrite(out.data(), 1, out.size(), stdout);
  } else {
    PrintAlerts(alerts, found.size());
  }
  return 0;
}

}  // namespace

void AddSignalsCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<SignalsOptions>();
  CLI::App* command = app.add_subcommand(
      "signals",
      "Find alerts in the store's case facts: aberrations in the reported daily case\n"
      "counts and in the daily number of articles per disease and place (EARS C1/C2/C3\n"
      "as R's surveillance::earsC, CUSUM, the ECDC epitweetr method), and importation\n"
      "signals (first imported case from X into Y, new importation route). An alert is\n"
      "raised on a rise: a day shown unusual (a burst of reports for that place, or a\n"
      "method on case counts) with enough new cases reported in the week; the methods\n"
      "that fired around it join it. One alert per event, with a severity and a stable id.");
  command->add_option("--db", options->db,
                      "Store: a SQLite file (default epiwire.db) or postgresql://...");
  command->add_option("--method", options->methods,
                      "Comma-separated methods: ears_c1,ears_c2,ears_c3,cusum,epitweetr "
                      "(default: all)");
  command->add_option("--format", options->format, "Output: table (default) or json")
      ->check(CLI::IsMember({"table", "json"}));
  command->add_option("--disease", options->disease, "Only this disease (\"covid-19\")");
  command->add_option("--country", options->country, "Only this country (ISO alpha-2)");
  command
      ->add_option("--min-observed", options->min_observed,
                   "Reported days a 7-day baseline of case counts needs (default 5)")
      ->check(CLI::Range(3, 7));
  command->add_flag("--per-method", options->per_method,
                    "Print every method's signal on its own instead of merged alerts");
  command->add_flag("--no-volume", options->no_volume,
                    "Leave out the article-volume series (case counts and importation only)");
  command->footer(
      "A day without a report is unknown, not zero: case counts are tested only on\n"
      "reported days whose 7-day baseline has at least --min-observed reported days (days\n"
      "between two reported running totals are interpolated). Article counts are dense;\n"
      "a method's alarm on them needs 3 articles from 2 sources. Alpha 0.001 for C1/C2,\n"
      "0.025 for C3 and epitweetr; CUSUM k = 0.5, h = 4. A rise: 2 or more articles from\n"
      "2 or more sources with a chance below 0.01 given the place's last 28 days, or a\n"
      "method's alarm on case counts; and the week's reported cases at least 4 times a\n"
      "usual week plus 1 (see src/epiwire/signals/signals.h, docs/signals.md). JSON: one\n"
      "object per alert with its signals, each naming its baseline days.\n"
      "Exit status: 0 printed (also when there is no alert); 2 bad usage or the store\n"
      "cannot be read.");
  command->callback([options, exit_code] { *exit_code = RunSignals(*options); });
}

}  // namespace epiwire::apps
