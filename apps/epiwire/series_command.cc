// SPDX-License-Identifier: MIT
#include "series_command.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "epiwire/base/file.h"
#include "epiwire/pipeline/pipeline.h"
#include "epiwire/series/official_names.h"
#include "epiwire/series/series.h"

namespace epiwire::apps {
namespace {

struct SeriesOptions {
  std::string db = "epiwire.db";
  std::string format = "csv";
  std::string disease;
  std::string country;
  std::string subdivision;
};

struct ImportOptions {
  std::string db = "epiwire.db";
  std::string status;
  std::string disease = "covid-19";
  std::string file;
  std::string data_dir;
  double tolerance = 0.1;
};

int RunSeries(const SeriesOptions& options) {
  auto opened = OpenExistingStore(options.db);
  if (!opened.ok()) {
    std::fprintf(stderr, "epiwire series: %s\n", opened.status().message().c_str());
    return 2;
  }
  store::EventFilter filter;
  filter.disease = options.disease;
  filter.country = options.country;
  filter.subdivision = options.subdivision;
  auto facts = LoadCaseFacts(*opened.value(), filter);
  if (!facts.ok()) {
    std::fprintf(stderr, "epiwire series: %s\n", facts.status().message().c_str());
    return 2;
  }
  const std::vector<series::DailySeries> built = series::BuildSeries(facts.value());
  const std::string out =
      options.format == "json" ? series::SeriesToJson(built) : series::SeriesToCsv(built);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

std::string PlaceOf(const series::SeriesKey& key) {
  const std::string& code = key.subdivision.empty() ? key.country : key.subdivision;
  std::string place = key.place_name.empty() ? code : key.place_name + " (" + code + ")";
  if (key.imported == true) place += ", imported";
  return place;
}

std::string JoinIds(const std::vector<int64_t>& ids) {
  std::string out;
  for (int64_t id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

// The news figures of the imported places next to the official ones.
void PrintComparison(const std::vector<series::DailySeries>& news,
                     const std::vector<store::OfficialValue>& official, double tolerance) {
  const std::vector<series::Comparison> matched = series::MatchOfficial(news, official);
  size_t off = 0;
  for (const series::Comparison& match : matched) {
    const double relative = std::abs(static_cast<double>(match.news - match.official)) /
                            static_cast<double>(std::max<int64_t>(match.official, 1));
    if (relative <= tolerance) continue;
    if (off++ == 0) {
      std::printf("%-32s %-10s %-10s %10s %10s %7s  %s\n", "place", "status", "date", "news",
                  "official", "off", "facts");
    }
    std::printf("%-32s %-10s %-10s %10lld %10lld %6.0f%%  %s\n", PlaceOf(match.key).c_str(),
                std::string(CaseStatusName(match.key.status)).c_str(), match.date.ToIso().c_str(),
                static_cast<long long>(match.news), static_cast<long long>(match.official),
                relative * 100, JoinIds(match.fact_ids).c_str());
  }
  std::printf("%zu news figures compared with official ones; %zu off by more than %.0f%%\n",
              matched.size(), off, tolerance * 100);
}

// Reads, maps and parses the official file (JHU CSSE or the mainland China province
// file, told apart by the header); skipped rows are named on stderr.
Result<std::vector<store::OfficialValue>> ReadOfficial(const ImportOptions& options) {
  auto content = ReadFile(options.file);
  if (!content.ok()) return content.status();
  const std::string data_dir = pipeline::FindDataDir(options.data_dir);
  auto names = series::OfficialNames::Load(data_dir);
  if (!names.ok()) {
    return Status::NotFound("cannot load place names from " + data_dir + ": " +
                            names.status().message());
  }
  const series::OfficialNames& table = names.value();
  const std::string source = std::filesystem::path(options.file).filename().string();
  const std::string layout = series::OfficialLayout(content.value());
  std::vector<std::string> skipped;
  Result<std::vector<store::OfficialValue>> values = std::vector<store::OfficialValue>();
  if (layout == "china_province") {
    values = series::ReadChinaProvinceCsv(
        content.value(), source,
        [&](std::string_view country, std::string_view province) {
          return table.PlaceCode(country, province);
        },
        &skipped);
  } else {
    if (layout == "jhu" && options.status.empty()) {
      return Status::InvalidInput(options.file +
                                  ": --status is required for a JHU CSSE file (what it counts)");
    }
    values = series::ReadJhuCsv(
        content.value(), source,
        options.status == "deaths" ? CaseStatus::kDeaths : CaseStatus::kConfirmed,
        [&](std::string_view country) { return table.CountryCode(country); },
        [&](std::string_view country, std::string_view province) {
          return table.SubdivisionCode(country, province);
        },
        &skipped);
  }
  if (!values.ok()) return Status::InvalidInput(options.file + ": " + values.status().message());
  for (store::OfficialValue& value : values.value()) value.disease = options.disease;
  for (const std::string& why : skipped) {
    std::fprintf(stderr, "epiwire import-series: %s: %s (skipped)\n", options.file.c_str(),
                 why.c_str());
  }
  return values;
}

int RunImport(const ImportOptions& options) {
  const char* name = "epiwire import-series";
  auto values = ReadOfficial(options);
  if (!values.ok()) {
    std::fprintf(stderr, "%s: %s\n", name, values.status().message().c_str());
    return 2;
  }
  auto opened = store::EventStore::Open(options.db);
  if (!opened.ok()) {
    std::fprintf(stderr, "%s: %s\n", name, opened.status().message().c_str());
    return 2;
  }
  store::EventStore& store = *opened.value();
  Status put = store.PutOfficial(values.value());
  if (!put.ok()) {
    std::fprintf(stderr, "%s: storing the values: %s\n", name, put.message().c_str());
    return 2;
  }
  std::set<std::string> countries;
  std::set<std::string> statuses;
  for (const store::OfficialValue& value : values.value()) {
    countries.insert(value.country);
    statuses.insert(std::string(CaseStatusName(value.status)));
  }
  std::string counted;
  for (const std::string& status : statuses) counted += (counted.empty() ? "" : ", ") + status;
  std::printf("imported %zu %s values (%s) for %zu countries from %s\n", values->size(),
              options.disease.c_str(), counted.c_str(), countries.size(), options.file.c_str());
  // Like with like: the news facts of the same disease; MatchOfficial pairs status,
  // aggregation, place and imported cases.
  store::EventFilter filter;
  filter.disease = options.disease;
  auto facts = LoadCaseFacts(store, filter);
  if (!facts.ok()) {
    std::fprintf(stderr, "%s: reading facts: %s\n", name, facts.status().message().c_str());
    return 2;
  }
  std::vector<Fact> relevant;
  for (Fact& fact : facts.value()) {
    if (countries.count(fact.event.place ? fact.event.place->country : "") > 0 &&
        statuses.count(std::string(CaseStatusName(fact.event.status))) > 0) {
      relevant.push_back(std::move(fact));
    }
  }
  PrintComparison(series::BuildSeries(relevant), values.value(), options.tolerance);
  return 0;
}

}  // namespace

Result<std::unique_ptr<store::EventStore>> OpenExistingStore(const std::string& url) {
  if (url.rfind("postgresql://", 0) != 0 && url.rfind("postgres://", 0) != 0) {
    const std::string path = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
    std::error_code error;
    if (!std::filesystem::exists(path, error)) {
      return Status::NotFound(path + ": no such database (create it with epiwire ingest)");
    }
  }
  return store::EventStore::Open(url);
}

Result<std::vector<Fact>> LoadCaseFacts(store::EventStore& store, store::EventFilter filter) {
  constexpr size_t kPage = 5000;
  filter.type = EventType::kCases;
  filter.limit = kPage;
  filter.offset = 0;
  std::vector<Fact> out;
  while (true) {
    auto page = store.Facts(filter);
    if (!page.ok()) return page.status();
    const size_t got = page->size();
    for (Fact& fact : page.value()) out.push_back(std::move(fact));
    if (got < kPage) break;
    filter.offset += kPage;
  }
  return out;
}

void AddSeriesCommands(CLI::App& app, int* exit_code) {
  auto series_options = std::make_shared<SeriesOptions>();
  CLI::App* series = app.add_subcommand(
      "series",
      "Print daily case series built from the facts in the store: one series per place,\n"
      "disease, status and importation; new cases and the running total per day.");
  series->add_option("--db", series_options->db,
                     "Store: a SQLite file (default epiwire.db) or postgresql://...");
  series->add_option("--format", series_options->format, "Output: csv (default) or json")
      ->check(CLI::IsMember({"csv", "json"}));
  series->add_option("--disease", series_options->disease, "Only this disease (\"covid-19\")");
  series->add_option("--country", series_options->country, "Only this country (ISO alpha-2)");
  series->add_option("--subdivision", series_options->subdivision,
                     "Only this subdivision (ISO 3166-2, \"CN-HL\")");
  series->footer(
      "CSV columns: country,subdivision,place,geonameid,disease,status,imported,date,new,\n"
      "cumulative,fact_ids (empty cell: unknown). Exit status: 0 printed; 2 bad usage or\n"
      "the store cannot be read.");
  series->callback([series_options, exit_code] { *exit_code = RunSeries(*series_options); });

  auto import_options = std::make_shared<ImportOptions>();
  CLI::App* import = app.add_subcommand(
      "import-series",
      "Import an official series (cumulative counts per place and day) into the store,\n"
      "then compare the news figures with it, like with like: same disease, status,\n"
      "aggregation (running totals), place, and imported cases with imported cases.\n"
      "Reads the JHU CSSE time-series CSV and the mainland China province file\n"
      "(date,country,countryCode,province,...: confirmed, deaths and recoveries of the\n"
      "country, each province and each province's imported cases).");
  import->add_option("file", import_options->file,
                     "The CSV file (time_series_covid19_*.csv, or the China province file)")
      ->required();
  import->add_option("--db", import_options->db,
                     "Store: a SQLite file (default epiwire.db) or postgresql://...");
  import
      ->add_option("--status", import_options->status,
                   "What a JHU file counts (required for JHU files; the China file says)")
      ->check(CLI::IsMember({"confirmed", "deaths"}));
  import->add_option("--disease", import_options->disease,
                     "The disease the file counts (default covid-19)");
  import
      ->add_option("--tolerance", import_options->tolerance,
                   "Flag news figures off by more than this share (default 0.1 = 10%)")
      ->check(CLI::NonNegativeNumber);
  import->add_option("--data-dir", import_options->data_dir,
                     "Directory with official_names.tsv and gazetteer/ (default: installed)");
  import->footer(
      "Place names are mapped with data/official_names.tsv (JHU spellings, the Chinese\n"
      "province names) and the gazetteer's names and alternate names; rows of no known\n"
      "place (ships, the Olympics) are named on standard error and skipped. A file\n"
      "imported again (same file name) replaces its earlier values.\n"
      "Exit status: 0 imported; 2 bad usage, an unreadable file, an unknown layout, or a\n"
      "store error.");
  import->callback([import_options, exit_code] { *exit_code = RunImport(*import_options);
});
}  // namespace epiwire::apps

}  // namespace epiwire::apps
