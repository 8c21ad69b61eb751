// SPDX-License-Identifier: MIT
#include "epiwire/pipeline/pipeline.h"

#include <gtest/gtest.h>

namespace epiwire::pipeline {
namespace {

std::unique_ptr<Pipeline> MakePipeline() {
  auto created = Pipeline::Create(std::string(EPIWIRE_SOURCE_DIR) + "/data");
  EXPECT_TRUE(created.ok()) << created.status().message();
  return created.ok() ? std::move(created).value() : nullptr;
}

Document Article(std::string text, std::optional<Date> published) {
  Document doc;
  doc.id = "test";
  doc.text = std::move(text);
  doc.published = published;
  doc.published_source = published ? PublishedSource::kGiven : PublishedSource::kNone;
  doc.format = "text";
  return doc;
}

TEST(Pipeline, ReadsCasesFromTheRelevantStoryOnly) {
  auto pipeline = MakePipeline();
  ASSERT_NE(pipeline, nullptr);
  const std::string text =
      "Health officials in Bavaria reported 14 new measles cases on Monday, bringing the "
      "state's total to 230 since January.\n"
      "The outbreak has been traced to a school where most pupils were not vaccinated.\n"
      "Sign up for our newsletter\n"
      "STOCK MARKETS: Shares in the carmaker fell 12 percent after 300 workers were laid off, "
      "the company said on Friday in a statement that cited weak demand in the last quarter,\n";
  const Extraction x = pipeline->Extract(Article(text, Date{2019, 5, 8}));
  ASSERT_GE(x.stories.size(), 2u);
  EXPECT_TRUE(x.stories.front().relevant);
  EXPECT_FALSE(x.stories.back().relevant);
  ASSERT_FALSE(x.removed.empty());
  int new_cases = 0;
  int totals = 0;
  for (const Event& e : x.events) {
    ASSERT_EQ(e.type, EventType::kCases);
    EXPECT_EQ(e.disease, "measles");
    ASSERT_TRUE(e.place.has_value());
    EXPECT_EQ(e.place->subdivision, "DE-BY");
    if (e.count == 14) {
      ++new_cases;
      EXPECT_EQ(e.aggregation, Aggregation::kNew);
      ASSERT_TRUE(e.period.has_value());
      EXPECT_EQ(e.period->start, (Date{2019, 5, 6}));
    }
    if (e.count == 230) {
      ++totals;
      EXPECT_EQ(e.aggregation, Aggregation::kCumulative);
    }
  }
  EXPECT_EQ(new_cases, 1);
  EXPECT_EQ(totals, 1);
  EXPECT_EQ(x.events.size(), 2u);
}

// A one-line item too short for the language detector is read in the language whose
// lexicons know its words ("notificó ... casos de sarampión" was taken for Galician, or
// for English when shorter, and not read).
TEST(Pipeline, AShortItemIsReadInTheLanguageItsWordsAreIn) {
  auto pipeline = MakePipeline();
  ASSERT_NE(pipeline, nullptr);
  for (const std::string text :
       {"Perú notificó 310 casos de sarampión.", "Perú confirmó 310 casos de dengue."}) {
    const Extraction x = pipeline->Extract(Article(text, Date{2019, 2, 14}));
    EXPECT_EQ(x.language, "es") << text;
    ASSERT_EQ(x.events.size(), 1u) << text;
    EXPECT_EQ(x.events[0].count, 310) << text;
    ASSERT_TRUE(x.events[0].place.has_value()) << text;
    EXPECT_EQ(x.events[0].place->country, "PE") << text;
  }
  const Extraction english =
      pipeline->Extract(Article("Peru reported 310 measles cases.", Date{2019, 2, 14}));
  EXPECT_EQ(english.language, "en");
}

// A one-line item under the relevance mark that names a disease is read all the same,
// and is relevant if it tells a measure or a count; one that tells none stays irrelevant
// and gives nothing.
TEST(Pipeline, AShortItemUnderTheMarkIsReadOnASecondLook) {
  auto pipeline = MakePipeline();
  ASSERT_NE(pipeline, nullptr);
  const Extraction measure = pipeline->Extract(
      Article("Las clases se suspendieron en todo el Ecuador por el COVID-19.", Date{2020, 3, 13}));
  ASSERT_EQ(measure.stories.size(), 1u);
  EXPECT_TRUE(measure.stories[0].relevant);
  ASSERT_EQ(measure.events.size(), 1u);
  EXPECT_EQ(measure.events[0].type, EventType::kMeasure);
  EXPECT_EQ(measure.events[0].measure, MeasureKind::kSchoolClosure);
  // (A longer sentence whose other words say nothing of an outbreak scores lower, under
  // 0.2: its buses, trams and ferries weigh it down; it is read all the same.)
  const Extraction long_measure = pipeline->Extract(
      Article("The town of Riverford suspended all public transport, including its buses, "
              "trams and river ferries, from 6 a.m. on Friday to contain the coronavirus.",
              Date{2021, 6, 12}));
  ASSERT_EQ(long_measure.stories.size(), 1u);
  EXPECT_TRUE(long_measure.stories[0].relevant);
  ASSERT_EQ(long_measure.events.size(), 1u);
  EXPECT_EQ(long_measure.events[0].measure, MeasureKind::kMovementRestriction);
  const Extraction nothing = pipeline->Extract(
      Article("El ministro habló del COVID-19 en una entrevista en Quito.", Date{2020, 3, 13}));
  ASSERT_EQ(nothing.stories.size(), 1u);
  EXPECT_FALSE(nothing.stories[0].relevant);
  EXPECT_TRUE(nothing.events.empty());
}

TEST(Pipeline, InfersPublishedDateWhenNoneGiven) {
  auto pipeline = MakePipeline();
  ASSERT_NE(pipeline, nullptr);
  const Extraction x = pipeline->Extract(
      Article("Published: March 3, 2021\nNo news today about any illness at all.\n", std::nullopt));
  ASSERT_TRUE(x.document.published.has_value());
  EXPECT_EQ(*x.document.published, (Date{2021, 3, 3}));
  EXPECT_EQ(x.document.published_source, PublishedSource::kInferred);
}

TEST(Pipeline, EmptyDocumentGivesNothing) {
  auto pipeline = MakePipeline();
  ASSERT_NE(pipeline, nullptr);
  const Extraction x = pipeline->Extract(Article("", Date{2020, 1, 1}));
  EXPECT_TRUE(x.events.empty());
  EXPECT_TRUE(x.stories.empty());
}

TEST(Pipeline, MissingDataDirIsAnErrorNamingIt) {
  auto created = Pipeline::Create("/nonexistent/epiwire-data");
  ASSERT_FALSE(created.ok());
  EXPECT_NE(created.status().message().find("/nonexistent/epiwire-data"), std::string::npos);
}

}  // namespace
}  // namespace epiwire::pipeline
