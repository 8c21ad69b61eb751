// SPDX-License-Identifier: MIT
// Runs the golden event cases of tests/golden/events/cases.jsonl through the event
// extractor. Each case gives a short text, a publication date and the events a careful
// reader finds in it (partial: only the fields given are checked, with the place rules
// of shared/spec/scoring.md). "exact" cases allow no other event. The test fails when
// fewer than kMinimumShare of the cases pass, and lists every failing case.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "epiwire/base/fold.h"
#include "epiwire/events/extractor.h"
#include "epiwire/events/lexicon.h"
#include "epiwire/gazetteer/gazetteer.h"
#include "epiwire/text/sentences.h"

namespace epiwire {
namespace {

using Json = nlohmann::json;

constexpr double kMinimumShare = 0.95;

// Case and accents folded, as the scorer compares city names ("Cox's Bāzār" is the
// "Cox's Bazar" of the gold).
std::string Fold(const std::string& name) { return FoldCase(FoldAccents(name)); }

// The place rules of the scorer (shared/tools/score.py place_matches).
bool PlaceMatches(const Json& gold, const std::optional<Place>& pred) {
  if (gold.is_null()) return !pred.has_value();
  if (!pred) return false;
  if (gold.contains("geonameid") && pred->geonameid != 0) {
    return gold["geonameid"].get<int64_t>() == pred->geonameid;
  }
  if (gold.contains("country") && gold["country"] != pred->country) return false;
  const std::string level = gold.value("level", "");
  if ((level == "subdivision" || level == "city") && gold.contains("subdivision") &&
      gold["subdivision"] != pred->subdivision) {
    return false;
  }
  if (level == "city" && gold.contains("name") &&
      Fold(gold["name"].get<std::string>()) != Fold(pred->name)) {
    return false;
  }
  if (level == "country" && pred->level != PlaceLevel::kCountry) return false;
  if (level == "subdivision" && pred->level != PlaceLevel::kSubdivision) return false;
  return true;
}

std::string DateOrNull(const std::optional<Date>& date) { return date ? date->ToIso() : "null"; }

bool CasesMatch(const Json& gold, const Event& pred) {
  if (pred.type != EventType::kCases) return false;
  if (gold["count"].get<int64_t>() != pred.count) return false;
  if (gold.value("status", "confirmed") != CaseStatusName(pred.status)) return false;
  // No host in the case means people: an animal count must never pass for one.
  if (gold.value("host", "human") != HostName(pred.host)) return false;
  if (gold.contains("place") && !PlaceMatches(gold["place"], pred.place)) return false;
  if (gold.contains("disease") && gold["disease"] != pred.disease) return false;
  if (gold.contains("qualifier") && gold["qualifier"] != QualifierName(pred.qualifier)) return false;
  if (gold.contains("aggregation")) {
    const std::string want = gold["aggregation"].is_null() ? "null" : gold["aggregation"].get<std::string>();
    const std::string got = pred.aggregation ? std::string(AggregationName(*pred.aggregation)) : "null";
    if (want != got) return false;
  }
  if (gold.contains("imported")) {
    if (gold["imported"].is_null() != !pred.imported.has_value()) return false;
    if (!gold["imported"].is_null() && gold["imported"].get<bool>() != *pred.imported) return false;
  }
  if (gold.contains("origin")) {
    if (gold["origin"].is_null()) {
      if (pred.origin) return false;
    } else if (!pred.origin || gold["origin"].value("country", "") != pred.origin->country) {
      return false;
    }
  }
  if (gold.contains("period") && !gold["period"].is_null()) {
    const Json& period = gold["period"];
    const std::optional<Period>& p = pred.period;
    for (const char* key : {"start", "end"}) {
      if (!period.contains(key)) continue;
      const std::string want = period[key].is_null() ? "null" : period[key].get<std::string>();
      const std::optional<Date> got =
          p ? (std::string(key) == "start" ? p->start : p->end) : std::nullopt;
      if (want != DateOrNull(got)) return false;
    }
  }
  if (gold.contains("modes")) {
    std::vector<std::string> want = gold["modes"].get<std::vector<std::string>>();
    std::vector<std::string> got;
    for (TravelMode mode : pred.modes) got.emplace_back(TravelModeName(mode));
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    if (want != got) return false;
  }
  return true;
}

bool MeasureMatches(const Json& gold, const Event& pred) {
  if (pred.type != EventType::kMeasure) return false;
  if (gold["measure"] != MeasureKindName(pred.measure)) return false;
  if (gold.contains("action") && gold["action"] != MeasureActionName(pred.action)) return false;
  const std::string country =
      gold.contains("place") && gold["place"].is_object() ? gold["place"].value("country", "") : "";
  if (!country.empty() && (!pred.place || pred.place->country != country)) return false;
  // (A measure of a region or a city names it: "closed the schools of Novosibirsk".)
  const std::string subdivision = gold.contains("place") && gold["place"].is_object()
                                      ? gold["place"].value("subdivision", "")
                                      : "";
  if (!subdivision.empty() && pred.place->subdivision != subdivision) return false;
  if (gold.contains("target") && gold["target"].is_object()) {
    if (!pred.target || pred.target->country != gold["target"].value("country", "")) return false;
  }
  return true;
}

std::string Describe(const Event& e) {
  std::ostringstream out;
  if (e.type == EventType::kCases) {
    out << "cases " << e.count << " " << CaseStatusName(e.status) << " host=" << HostName(e.host)
        << " agg="
        << (e.aggregation ? AggregationName(*e.aggregation) : "null") << " imported="
        << (e.imported ? (*e.imported ? "true" : "false") : "null")
        << " qualifier=" << QualifierName(e.qualifier) << " disease=" << e.disease;
    if (e.origin) out << " origin=" << e.origin->country;
    if (e.period) out << " period=" << DateOrNull(e.period->start) << ".." << DateOrNull(e.period->end);
  } else {
    out << "measure " << MeasureKindName(e.measure) << " " << MeasureActionName(e.action);
    if (e.target) out << " target=" << e.target->country;
  }
  if (e.place) {
    out << " place=" << e.place->name << "/" << e.place->country << "/" << e.place->subdivision
        << "/" << PlaceLevelName(e.place->level);
  }
  return out.str();
}

// One file of cases a language: cases.jsonl in English, cases.<language>.jsonl in the
// others, read with that language's lexicons (data/lexicon/<language>).
class GoldenEvents : public testing::TestWithParam<std::string> {
 protected:
  static void SetUpTestSuite() {
    auto loaded = gazetteer::Gazetteer::Load(std::string(EPIWIRE_SOURCE_DIR) + "/data/gazetteer");
    ASSERT_TRUE(loaded.ok()) << loaded.status().message();
    gazetteer_ = std::move(loaded).value().release();
  }
  static const gazetteer::Gazetteer* gazetteer_;  // loaded once for every language
};

const gazetteer::Gazetteer* GoldenEvents::gazetteer_ = nullptr;

TEST_P(GoldenEvents, MostCasesPass) {
  const std::string root = EPIWIRE_SOURCE_DIR;
  const std::string language = GetParam();
  ASSERT_NE(gazetteer_, nullptr);
  auto lexicon = events::Lexicon::Load(root + "/data/lexicon/" + language);
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
  const events::EventExtractor extractor(*lexicon.value(), *gazetteer_);

  const std::string name = language == "en" ? "cases.jsonl" : "cases." + language + ".jsonl";
  std::ifstream file(root + "/tests/golden/events/" + name);
  ASSERT_TRUE(file.good()) << name;
  std::string line;
  int total = 0;
  int passed = 0;
  std::map<std::string, std::pair<int, int>> by_group;
  std::ostringstream failures;
  while (std::getline(file, line)) {
    if (line.empty()) continue;
    const Json test_case = Json::parse(line);
    const std::string text = test_case["text"];
    std::optional<Date> published;
    if (test_case.contains("published")) published = Date::ParseIso(test_case["published"].get<std::string>());
    const auto sentences = text::SplitSentences(text, 0, text.size());
    std::vector<Event> found = extractor.Extract(text, sentences, published);
    std::vector<bool> used(found.size(), false);
    std::vector<std::string> missed;
    for (const Json& want : test_case["expect"]) {
      bool matched = false;
      for (size_t i = 0; i < found.size() && !matched; ++i) {
        if (used[i]) continue;
        const bool is_cases = want.value("type", "cases") == "cases";
        if (is_cases ? CasesMatch(want, found[i]) : MeasureMatches(want, found[i])) {
          used[i] = matched = true;
        }
      }
      if (!matched) missed.push_back(want.dump());
    }
    std::vector<std::string> extra;
    if (test_case.value("exact", true)) {
      for (size_t i = 0; i < found.size(); ++i) {
        if (!used[i]) extra.push_back(Describe(found[i]));
      }
    }
    const bool ok = missed.empty() && extra.empty();
    const std::string group = test_case.value("group", "other");
    ++total;
    ++by_group[group].second;
    if (ok) {
      ++passed;
      ++by_group[group].first;
      continue;
    }
    failures << "\n[" << group << "] " << test_case.value("name", "?") << "\n  text: " << text;
    for (const std::string& m : missed) failures << "\n  missed: " << m;
    for (const std::string& e : extra) failures << "\n  extra:  " << e;
    if (!missed.empty()) {
      for (const Event& e : found) failures << "\n  found:  " << Describe(e);
    }
  }
  ASSERT_GT(total, 0);
  std::ostringstream summary;
  for (const auto& [group, counts] : by_group) {
    summary << "  " << group << ": " << counts.first << "/" << counts.second << "\n";
  }
  const double share = static_cast<double>(passed) / total;
  std::printf("golden events (%s): %d/%d passed (%.1f%%)\n%s", language.c_str(), passed, total,
              100 * share, summary.str().c_str());
  if (std::getenv("EPIWIRE_GOLDEN_VERBOSE") != nullptr) std::printf("%s\n", failures.str().c_str());
  EXPECT_GE(share, kMinimumShare) << "failing cases:" << failures.str();
}

INSTANTIATE_TEST_SUITE_P(Languages, GoldenEvents, testing::Values("en", "fr", "es", "ru", "zh"),
                         [](const testing::TestParamInfo<std::string>& param) {
                           return param.param;
                         });

}  // namespace
}  // namespace epiwire
