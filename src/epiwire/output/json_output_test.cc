// SPDX-License-Identifier: MIT
#include "epiwire/output/json_output.h"
#include "epiwire/output/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace epiwire::output {
namespace {

Extraction Sample() {
  Extraction x;
  x.document.id = "doc-1";
  x.document.text = "Ruritania reported 12 new cases on Monday.";
  x.document.published = Date{2021, 3, 10};
  x.document.published_source = PublishedSource::kGiven;
  x.document.format = "text";
  x.stories.push_back(Story{0, 42, true, 0.91234});
  x.removed.push_back(RemovedRange{42, 42, RemovalReason::kDuplicate});
  Event cases;
  cases.type = EventType::kCases;
  cases.disease = "measles";
  cases.count = 12;
  cases.aggregation = Aggregation::kNew;
  cases.place = Place{"Lombardy", "IT", "IT-25", 3174618, PlaceLevel::kSubdivision, 45.6, 9.8, true, 0};
  cases.period = Period::Day(Date{2021, 3, 8});
  cases.evidence = Evidence{0, 42, "Ruritania reported 12 new cases on Monday."};
  x.events.push_back(cases);
  Event measure;
  measure.type = EventType::kMeasure;
  measure.measure = MeasureKind::kBorderClosure;
  measure.action = MeasureAction::kImpose;
  x.events.push_back(measure);
  return x;
}

TEST(JsonOutput, FollowsTheContractFieldNames) {
  const auto json = nlohmann::json::parse(ToJsonLine(Sample()));
  EXPECT_EQ(json["id"], "doc-1");
  EXPECT_EQ(json["published"], "2021-03-10");
  EXPECT_EQ(json["published_source"], "given");
  EXPECT_EQ(json["stories"][0]["relevant"], true);
  EXPECT_DOUBLE_EQ(json["stories"][0]["score"].get<double>(), 0.912);
  EXPECT_EQ(json["removed"][0]["reason"], "duplicate");
  const auto& cases = json["events"][0];
  EXPECT_EQ(cases["type"], "cases");
  EXPECT_EQ(cases["status"], "confirmed");
  EXPECT_EQ(cases["count"], 12);
  EXPECT_EQ(cases["qualifier"], "exact");
  EXPECT_EQ(cases["aggregation"], "new");
  EXPECT_TRUE(cases["imported"].is_null());
  EXPECT_EQ(cases["place"]["subdivision"], "IT-25");
  EXPECT_EQ(cases["place"]["level"], "subdivision");
  EXPECT_EQ(cases["place"]["geonameid"], 3174618);
  EXPECT_EQ(cases["period"]["start"], "2021-03-08");
  EXPECT_EQ(cases["evidence"]["end"], 42);
  EXPECT_TRUE(cases["route"].is_array());
  const auto& measure = json["events"][1];
  EXPECT_EQ(measure["measure"], "border_closure");
  EXPECT_EQ(measure["action"], "impose");
  EXPECT_TRUE(measure["place"].is_null());
  EXPECT_TRUE(measure["disease"].is_null());
  EXPECT_TRUE(measure["period"].is_null());
  EXPECT_FALSE(json.contains("text"));
}

TEST(JsonOutput, IsOneLineAndCarriesTextForHtml) {
  Extraction x = Sample();
  x.document.format = "html";
  const std::string line = ToJsonLine(x);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(line)["text"], x.document.text);
}

TEST(JsonOutput, SurvivesInvalidUtf8InQuotes) {
  Extraction x = Sample();
  x.events[0].evidence.quote = "bad \xFF byte";
  nlohmann::json parsed;
  EXPECT_NO_THROW(parsed = nlohmann::json::parse(ToJsonLine(x)));
  EXPECT_EQ(parsed["id"], "doc-1");
}

TEST(JsonOutput, EscapesQuotesBackslashesAndControlCharactersAsTheJsonLibrary) {
  Extraction x = Sample();
  const std::string awkward = std::string("a \"quote\", a \\ back\tslash\nnew line ") +
                              std::string(1, '\x01') + " \xC3\xA9t\xC3\xA9 \xE7\x97\x85\xE4\xBE\x8B";
  x.document.title = awkward;
  x.events[0].evidence.quote = awkward;
  x.events[0].route = {*x.events[0].place, *x.events[0].place};
  x.events[0].modes = {TravelMode::kAir};
  x.document.format = "html";
  x.document.text = awkward;
  const std::string line = ToJsonLine(x);
  const auto json = nlohmann::json::parse(line);
  EXPECT_EQ(json["title"], awkward);
  EXPECT_EQ(json["text"], awkward);
  EXPECT_EQ(json["events"][0]["evidence"]["quote"], awkward);
  EXPECT_EQ(json["events"][0]["route"].size(), 2u);
  EXPECT_EQ(json["events"][0]["modes"][0], "air");
  EXPECT_DOUBLE_EQ(json["events"][0]["place"]["lat"].get<double>(), 45.6);
  // Byte for byte what the JSON library writes for the same object.
  nlohmann::ordered_json same = nlohmann::ordered_json::parse(line);
  EXPECT_EQ(same.dump(), line);
  EXPECT_NE(line.find("\\u0001"), std::string::npos);
  EXPECT_NE(line.find("\xC3\xA9t\xC3\xA9"), std::string::npos) << "non-ASCII stays as it is";
}

TEST(JsonOutput, WholeScoresKeepTheirFraction) {
  Extraction x = Sample();
  x.stories[0].score = 1.0;
  EXPECT_NE(ToJsonLine(x).find("\"score\":1.0"), std::string::npos);
}

// Every byte JSON escapes, at every place of strings long enough to be read eight
// bytes at a time, among ASCII and multi-byte characters.
TEST(JsonWriter, StringsAreEscapedAsTheJsonLibraryDoesWhereverTheByteIs) {
  const std::string fillers[] = {"abcdefghijklmnopqrstuvwx", "\xC3\xA9t\xC3\xA9 \xE7\x97\x85\xE4\xBE\x8B abcdefghijk"};
  for (const std::string& filler : fillers) {
    for (char special : {'"', '\\', '\n', '\x01', '\x1f', '\t'}) {
      for (size_t at = 0; at <= filler.size(); ++at) {
        if (at < filler.size() && (static_cast<unsigned char>(filler[at]) & 0xC0) == 0x80) {
          continue;  // inside a character
        }
        std::string text = filler;
        text.insert(at, 1, special);
        std::string out;
        JsonWriter w(out);
        w.Str(text);
        EXPECT_EQ(out, nlohmann::json(text).dump())
            << "byte " << static_cast<int>(special) << " at " << at;
      }
    }
  }
}

TEST(JsonWriter, RealsHaveTheJsonLibrarysDigits) {
  for (double value : {6.45, -77.03, 0.1, 45.6, 12.0, 0.0, -0.0, 1e21, 1e-7, 123456789.125,
                       0.30000000000000004, -1.5e-300}) {
    std::string out;
    JsonWriter w(out);
    w.Double(value);
    EXPECT_EQ(out, nlohmann::ordered_json(value).dump()) << "value " << value;
  }
}

TEST(TableOutput, OneLinePerEvent) {
  const std::string table = ToTable(Sample());
  EXPECT_EQ(std::count(table.begin(), table.end(), '\n'), 2);
  EXPECT_NE(table.find("12 confirmed new"), std::string::npos);
  EXPECT_NE(table.find("border_closure impose"), std::string::npos);
  EXPECT_NE(table.find("2021-03-08/2021-03-08"), std::string::npos);
}

}  // namespace
}  // namespace epiwire::output
