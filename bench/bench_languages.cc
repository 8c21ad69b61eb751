// SPDX-License-Identifier: MIT
// Throughput of the per-language number and date readers (quantity::NumberGrammar,
// dates::DateGrammar) on the project's own test sentences in Chinese, Russian, French
// and Spanish (tests/golden/{quantity,dates}/<lang>.tsv), and of the English readers on
// the bundled examples for comparison. Reports bytes/s.
// Run: build/release/bench/bench_languages
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "epiwire/base/file.h"
#include "epiwire/dates/date_expressions.h"
#include "epiwire/dates/date_grammar.h"
#include "epiwire/quantity/number_grammar.h"
#include "epiwire/quantity/quantity.h"
#include "require.h"

namespace {

const char* const kLanguages[] = {"zh", "ru", "fr", "es"};

struct Language {
  std::unique_ptr<epiwire::quantity::NumberGrammar> numbers;
  std::unique_ptr<epiwire::dates::DateGrammar> dates;
  std::string text;  // the test sentences, one a line
};

// Column `column` of every case row: the sentence.
std::string Sentences(const std::string& path, size_t column) {
  std::string text;
  const epiwire::Status status = epiwire::ForEachTsvRow(path, [&](int, const auto& fields) {
    if (fields.size() > column) text += std::string(fields[column]) + "\n";
    return epiwire::Status::Ok();
  });
  epiwire::bench::Require(status, "reading a golden table");
  return text;
}

const std::vector<Language>& Languages() {
  static const std::vector<Language> languages = [] {
    std::vector<Language> loaded;
    for (const char* code : kLanguages) {
      const std::string dir = std::string(EPIWIRE_SOURCE_DIR) + "/data/lexicon/" + code;
      auto numbers = epiwire::quantity::NumberGrammar::Load(dir);
      auto dates = epiwire::dates::DateGrammar::Load(dir);
      epiwire::bench::Require(numbers.status(), "loading a number grammar");
      epiwire::bench::Require(dates.status(), "loading a date grammar");
      const std::string golden = std::string(EPIWIRE_SOURCE_DIR) + "/tests/golden/";
      loaded.push_back({std::move(numbers).value(), std::move(dates).value(),
                        Sentences(golden + "quantity/" + code + ".tsv", 2) +
                            Sentences(golden + "dates/" + code + ".tsv", 3)});
    }
    return loaded;
  }();
  return languages;
}

void BM_LanguageQuantities(benchmark::State& state) {
  const Language& language = Languages()[static_cast<size_t>(state.range(0))];
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        epiwire::quantity::FindQuantities(language.text, language.numbers.get()));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * language.text.size()));
  state.SetLabel(kLanguages[state.range(0)]);
}
BENCHMARK(BM_LanguageQuantities)->DenseRange(0, 3);

void BM_LanguageDates(benchmark::State& state) {
  const Language& language = Languages()[static_cast<size_t>(state.range(0))];
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        epiwire::dates::FindDates(language.text, epiwire::Date{2020, 4, 8}, language.dates.get()));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * language.text.size()));
  state.SetLabel(kLanguages[state.range(0)]);
}
BENCHMARK(BM_LanguageDates)->DenseRange(0, 3);

const std::string& EnglishText() {
  static const std::string text = [] {
    std::string all;
    for (const auto& entry :
         std::filesystem::directory_iterator(EPIWIRE_SOURCE_DIR "/data/examples")) {
      auto content = epiwire::ReadFile(entry.path().string());
      if (content.ok()) all += content.value() + "\n";
    }
    return all;
  }();
  return text;
}

void BM_EnglishQuantitiesAndDates(benchmark::State& state) {
  const std::string& text = EnglishText();
  for (auto _ : state) {
    benchmark::DoNotOptimize(epiwire::quantity::FindQuantities(text));
    benchmark::DoNotOptimize(epiwire::dates::FindDates(text, epiwire::Date{2020, 4, 8}));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_EnglishQuantitiesAndDates);

}  // namespace

BENCHMARK_MAIN();
