// SPDX-License-Identifier: MIT
// Focused checks of the event rules; the broad table of phrasings is in
// tests/golden/events/cases.jsonl.
#include "epiwire/events/extractor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "epiwire/events/analysis.h"
#include "epiwire/events/counts.h"

namespace epiwire::events {
namespace {

// A dash token: a hyphen, two of them, an em or an en dash; no other mark or word.
TEST(IsDash, HoldsForTheFourDashesAndNothingElse) {
  for (const std::string_view dash : {"-", "--", "\u2014", "\u2013"})
    EXPECT_TRUE(IsDash(dash)) << dash;
  for (const std::string_view other : {"", ",", "---", "-a", "\u2012", "\u2015", "\u2019", "to"}) {
    EXPECT_FALSE(IsDash(other)) << other;
  }
}

class ExtractorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string root = EPIWIRE_SOURCE_DIR;
    auto lexicon = Lexicon::Load(root + "/data/lexicon/en");
    ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
    auto gazetteer = gazetteer::Gazetteer::Load(root + "/data/gazetteer");
    ASSERT_TRUE(gazetteer.ok()) << gazetteer.status().message();
    lexicon_ = std::move(lexicon).value().release();
    gazetteer_ = std::move(gazetteer).value().release();
  }
  static void TearDownTestSuite() {
    delete lexicon_;
    delete gazetteer_;
  }

  std::vector<Event> Read(const std::string& text,
                          std::optional<Date> published = Date{2021, 3, 10}) {
    text_ = text;
    const EventExtractor extractor(*lexicon_, *gazetteer_);
    return extractor.Extract(text_, text::SplitSentences(text_, 0, text_.size()), published);
  }

  static const Event* Find(const std::vector<Event>& events, int64_t count) {
    for (const Event& e : events) {
      if (e.type == EventType::kCases && e.count == count) return &e;
    }
    return nullptr;
  }

  // How the count `count` of `text` is aggregated: "new", "cumulative", "none", or "no
  // count" when no event counts it.
  std::string AggregationOf(const std::string& text, int64_t count) {
    const std::vector<Event> events = Read(text);
    const Event* e = Find(events, count);
    if (e == nullptr) return "no count";
    if (!e->aggregation) return "none";
    return *e->aggregation == Aggregation::kNew ? "new" : "cumulative";
  }

  // The period of the count `count` of `text` as "start..end" ("-" for an open end), or
  // "none", or "no count" when no event counts it.
  std::string PeriodOf(const std::string& text, int64_t count,
                       std::optional<Date> published = Date{2021, 3, 10}) {
    const std::vector<Event> events = Read(text, published);
    const Event* e = Find(events, count);
    if (e == nullptr) return "no count";
    if (!e->period) return "none";
    const auto iso = [](const std::optional<Date>& d) { return d ? d->ToIso() : std::string("-"); };
    return iso(e->period->start) + ".." + iso(e->period->end);
  }

  // Whether the count `count` of `events` is "imported", "local", "none" (not said), or
  // "no count" when no event counts it.
  static std::string ImportedOf(const std::vector<Event>& events, int64_t count) {
    const Event* e = Find(events, count);
    if (e == nullptr) return "no count";
    if (!e->imported) return "none";
    return *e->imported ? "imported" : "local";
  }

  // The country the count `count` of `events` came from, "none", or "no count".
  static std::string OriginOf(const std::vector<Event>& events, int64_t count) {
    const Event* e = Find(events, count);
    if (e == nullptr) return "no count";
    return e->origin ? e->origin->country : "none";
  }

  // Where the count `count` of `events` is, as "country subdivision level" ("KE KE-28
  // city"; "-" for no subdivision), "none", or "no count".
  static std::string PlaceOf(const std::vector<Event>& events, int64_t count) {
    const Event* e = Find(events, count);
    if (e == nullptr) return "no count";
    if (!e->place) return "none";
    const Place& p = *e->place;
    return p.country + " " + (p.subdivision.empty() ? "-" : p.subdivision) + " " +
           std::string(PlaceLevelName(p.level));
  }

  // The status of the count `count` of `events`, or "no count".
  static std::string StatusOf(const std::vector<Event>& events, int64_t count) {
    const Event* e = Find(events, count);
    return e == nullptr ? "no count" : std::string(CaseStatusName(e->status));
  }

  // The host of the count `count` of `events` ("poultry", "cattle"), or "no count".
  static std::string HostOf(const std::vector<Event>& events, int64_t count) {
    const Event* e = Find(events, count);
    return e == nullptr ? "no count" : std::string(HostName(e->host));
  }

  static Lexicon* lexicon_;
  static gazetteer::Gazetteer* gazetteer_;
  std::string text_;
};

Lexicon* ExtractorTest::lexicon_ = nullptr;
gazetteer::Gazetteer* ExtractorTest::gazetteer_ = nullptr;

TEST_F(ExtractorTest, PossessiveNamesThePlaceOfTheCount) {
  const auto events = Read("Most of Brazil's 1,200 measles cases were reported in the north.");
  const Event* e = Find(events, 1200);
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->place.has_value());
  EXPECT_EQ(e->place->country, "BR");
  EXPECT_EQ(e->place->level, PlaceLevel::kCountry);
  EXPECT_EQ(e->aggregation, Aggregation::kCumulative);
}

TEST_F(ExtractorTest, AnaphorReachesBackToTheLastSubdivision) {
  const auto events = Read(
      "Officials in Sichuan have stepped up checks. The province's dengue case count stood at "
      "87 on Sunday.");
  const Event* e = Find(events, 87);
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->place.has_value());
  EXPECT_EQ(e->place->subdivision, "CN-SC");
  EXPECT_EQ(e->disease, "dengue");
  ASSERT_TRUE(e->period.has_value());
  EXPECT_FALSE(e->period->start.has_value());
  EXPECT_EQ(e->period->end, (Date{2021, 3, 7}));
}

TEST_F(ExtractorTest, SentencesWithoutAnchorsKeepTheDocumentsPlaceAndDisease) {
  // The middle sentences name no place, disease, number or case word: they are only
  // tokenised, and the anaphor after them still reaches Sichuan.
  const auto events = Read(
      "Officials in Sichuan have stepped up dengue checks. Nobody expected so much rain. "
      "It was a long week. The province's case count stood at 87 on Sunday.");
  const Event* e = Find(events, 87);
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->place.has_value());
  EXPECT_EQ(e->place->subdivision, "CN-SC");
  EXPECT_EQ(e->disease, "dengue");
}

TEST_F(ExtractorTest, PronounSubjectIsThePreviousSentencesPlace) {
  const auto events =
      Read("Peru has struggled with dengue this year. It has recorded 31 deaths so far.");
  const Event* e = Find(events, 31);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->status, CaseStatus::kDeaths);
  ASSERT_TRUE(e->place.has_value());
  EXPECT_EQ(e->place->country, "PE");
}

TEST_F(ExtractorTest, KillVerbNeedsAnOutbreak) {
  EXPECT_NE(Find(Read("The cholera outbreak in Malawi has killed 45 people since January."), 45),
            nullptr);
  EXPECT_EQ(Find(Read("The earthquake in Turkey killed 45 people on Monday."), 45), nullptr);
}

// A sentence of floods that names no disease counts no deaths (they may be the flood's),
// but in a text about a disease it still counts cases by their own word.
TEST_F(ExtractorTest, ASentenceOfAnotherCauseStillCountsCasesOfTheTextsDisease) {
  const auto events = Read(
      "Leptospirosis in Kerala. Three flood relief workers are among those who died and at "
      "least 300 suspected cases were reported from the state in the past three days.");
  EXPECT_EQ(StatusOf(events, 300), "suspected");
  EXPECT_EQ(StatusOf(events, 3), "no count");
  EXPECT_TRUE(Read("Floods in Kerala: three relief workers died and 300 homes were "
                   "destroyed.")
                  .empty());
}

TEST_F(ExtractorTest, CourtCasesAndFlightsAreNoCaseCounts) {
  EXPECT_TRUE(Read("The court in Kenya heard 12 cases of fraud against the firm.").empty());
  const auto flights = Read("Kenya Airways cut 30 flights a week to Nairobi.");
  EXPECT_EQ(Find(flights, 30), nullptr);
}

TEST_F(ExtractorTest, SingleCaseFromAnArticle) {
  const auto events =
      Read("A man was diagnosed with mpox in Lyon on March 2 after returning from Portugal.");
  const Event* e = Find(events, 1);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->imported, true);
  ASSERT_TRUE(e->origin.has_value());
  EXPECT_EQ(e->origin->country, "PT");
  ASSERT_TRUE(e->place.has_value());
  EXPECT_EQ(e->place->country, "FR");
  EXPECT_EQ(e->disease, "mpox");
}

TEST_F(ExtractorTest, RunningTotalAfterNewCount) {
  const auto events =
      Read("Chile reported 640 new infections on Monday, bringing its total to 12,306.");
  const Event* fresh = Find(events, 640);
  const Event* total = Find(events, 12306);
  ASSERT_NE(fresh, nullptr);
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(fresh->aggregation, Aggregation::kNew);
  EXPECT_EQ(total->aggregation, Aggregation::kCumulative);
  ASSERT_TRUE(total->place.has_value());
  EXPECT_EQ(total->place->country, "CL");
  ASSERT_TRUE(fresh->period.has_value());
  EXPECT_EQ(fresh->period->start, (Date{2021, 3, 8}));
}

// "146 confirmed cases" (shared/spec/output.md): a count that no cue and no day mark
// as new is a running total, as of the day the story was published.
TEST_F(ExtractorTest, ACountNothingMarksAsNewIsARunningTotal) {
  const auto bare =
      Read("Ontario, with 146 confirmed measles cases, leads the provinces in the outbreak.");
  const Event* total = Find(bare, 146);
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(total->aggregation, Aggregation::kCumulative);
  ASSERT_TRUE(total->period.has_value());
  EXPECT_FALSE(total->period->start.has_value());
  EXPECT_EQ(total->period->end, (Date{2021, 3, 10}));
  const auto dated =
      Read("Ontario confirmed 14 measles cases on Monday, the health ministry said.");
  const Event* of_a_day = Find(dated, 14);
  ASSERT_NE(of_a_day, nullptr);
  EXPECT_EQ(of_a_day->aggregation, Aggregation::kNew);
}

// A report that names no disease, published during the COVID-19 emergency, is of
// COVID-19; before it, or of animals, or naming its disease, it is not.
TEST_F(ExtractorTest, AnUnnamedDiseaseOfThePandemicYearsIsCovid) {
  const std::string text =
      "Guangdong reported 14 new imported cases on Thursday, the provincial health commission "
      "said.";
  const auto pandemic = Read(text, Date{2020, 3, 20});
  ASSERT_NE(Find(pandemic, 14), nullptr);
  EXPECT_EQ(Find(pandemic, 14)->disease, "covid-19");
  const auto before = Read(text, Date{2019, 3, 20});
  ASSERT_NE(Find(before, 14), nullptr);
  EXPECT_EQ(Find(before, 14)->disease, "");
  const auto named =
      Read("Guangdong reported 14 new measles cases on Thursday.", Date{2020, 3, 20});
  ASSERT_NE(Find(named, 14), nullptr);
  EXPECT_EQ(Find(named, 14)->disease, "measles");
  const auto birds =
      Read("Authorities confirmed 40 cases in chickens at a poultry farm near Sendai on Monday.",
           Date{2020, 3, 20});
  ASSERT_NE(Find(birds, 40), nullptr);
  EXPECT_EQ(Find(birds, 40)->disease, "");
}

// A headline's figure read again in its story is one event, the headline's, with
// the day and the origin the story adds.
TEST_F(ExtractorTest, AFigureReadAgainAddsWhatItsFirstReadingLacked) {
  const auto events = Read(
      "Ontario reports 14 new measles cases\nHealth officials said Ontario recorded 14 new "
      "measles cases on Monday, all in travellers returning from Brazil.");
  ASSERT_EQ(events.size(), 1u);
  const Event& e = events[0];
  EXPECT_EQ(e.count, 14);
  EXPECT_EQ(e.evidence.quote, "Ontario reports 14 new measles cases");
  ASSERT_TRUE(e.period.has_value());
  EXPECT_EQ(e.period->start, (Date{2021, 3, 8}));
  EXPECT_EQ(e.imported, true);
  ASSERT_TRUE(e.origin.has_value());
  EXPECT_EQ(e.origin->country, "BR");
}

// "New cases ... rose to 1,200": the counted noun before the number says the count is
// of new cases, whatever the verb; "Total infections ... rose to" stays a running total.
// A count read as local first keeps no route from a later reading that says imported.
TEST_F(ExtractorTest, ALocalFirstReadingTakesNoOriginFromARepeat) {
  const auto events = Read(
      "Ontario reports 14 locally acquired measles cases\nHealth officials said Ontario "
      "recorded 14 new measles cases on Monday, all in travellers returning from Brazil.");
  const Event* e = Find(events, 14);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->imported, false);
  EXPECT_FALSE(e->origin.has_value());
  EXPECT_TRUE(e->route.empty());
}

TEST_F(ExtractorTest, ANewNounBeforeItsNumberMakesTheCountNew) {
  const std::string opening = "Peru is battling a COVID-19 outbreak with rising infections. ";
  const auto fresh = Read(opening + "New COVID-19 cases in Peru rose to 1,200 on Monday.");
  ASSERT_NE(Find(fresh, 1200), nullptr);
  EXPECT_EQ(Find(fresh, 1200)->aggregation, Aggregation::kNew);
  const auto total = Read(opening + "Total COVID-19 infections in Peru rose to 12,000 on Monday.");
  ASSERT_NE(Find(total, 12000), nullptr);
  EXPECT_EQ(Find(total, 12000)->aggregation, Aggregation::kCumulative);
}

// "Of these, ...": parts of the figure before, as of its day; a sentence that does not
// open on them is as of the day the story was published.
TEST_F(ExtractorTest, PartsOfAFigureAreAsOfItsDay) {
  const std::string whole =
      "Peru had recorded 1,250 dengue cases as of March 3, the health ministry said. ";
  EXPECT_EQ(PeriodOf(whole + "Of these, Lima had 400 cases.", 400), "-..2021-03-03");
  EXPECT_EQ(PeriodOf(whole + "Lima had 400 cases.", 400), "-..2021-03-10");
}

// A new figure that nothing in the text dates is the day's before the news; a running
// total is as of the news.
TEST_F(ExtractorTest, AnUndatedNewFigureIsOfTheDayBefore) {
  EXPECT_EQ(PeriodOf("Manitoba health officials announced 52 new measles cases.", 52),
            "2021-03-09..2021-03-09");
  EXPECT_EQ(PeriodOf("Manitoba has recorded 520 measles cases.", 520), "-..2021-03-10");
}

// "640 new infections and 18 deaths": the deaths are of the same day; a count that
// nothing joins to a new one is a running total.
TEST_F(ExtractorTest, ACountJoinedToANewCountIsNew) {
  EXPECT_EQ(AggregationOf("Quito reported 640 new infections and 18 deaths.", 18), "new");
  EXPECT_EQ(AggregationOf("Lagos State recorded 215 new cases with 4 deaths.", 4), "new");
  EXPECT_EQ(AggregationOf("Lagos State has recorded 215 cases and 4 deaths.", 4), "cumulative");
  // A day another count owns does not make a count joined to a total new.
  EXPECT_EQ(AggregationOf("India reported 45,000 new infections on Tuesday, taking its total to "
                          "8.5 million, with 126,000 deaths.",
                          126000),
            "cumulative");
}

// "with the total toll climbing to 1,530": "total" tells of the later count only.
TEST_F(ExtractorTest, ACueBelongsToTheNearestCount) {
  const auto events =
      Read("Kenya recorded 92 deaths in the past day, with the total toll climbing to 1,530.");
  ASSERT_NE(Find(events, 92), nullptr);
  EXPECT_EQ(Find(events, 92)->aggregation, Aggregation::kNew);
  ASSERT_NE(Find(events, 1530), nullptr);
  EXPECT_EQ(Find(events, 1530)->aggregation, Aggregation::kCumulative);
}

// "25 of which", "including 9,400": a part is of the time of the count it is part of.
TEST_F(ExtractorTest, APartOfACountIsOfItsTime) {
  EXPECT_EQ(AggregationOf("Chile counted 80 new cases, 25 of which were imported.", 25), "new");
  EXPECT_EQ(AggregationOf("Of the 23 new cases in Taiwan, 20 were imported.", 20), "new");
  EXPECT_EQ(
      AggregationOf("Chile has confirmed 9,000 cases in all, 2,000 of which were imported.", 2000),
      "cumulative");
  EXPECT_EQ(AggregationOf("Delhi reported 1,100 new cases in the past day, with the total rising "
                          "to 30,500, including 9,400 active cases.",
                          9400),
            "cumulative");
  // (The whole's place may be "the province of" one: "of" after a place noun.)
  EXPECT_EQ(AggregationOf("The ministry announced 45 new cholera cases in the province of "
                          "Limpopo, including 3 deaths.",
                          3),
            "new");
}

// "Kenya's capital", "the Kenyan capital": the capital city, not the country.
TEST_F(ExtractorTest, ACountrysCapitalIsItsCapitalCity) {
  for (const char* text : {"Kenya's capital reported 120 new cases on Monday.",
                           "The Kenyan capital reported 120 new cases on Monday."}) {
    const auto events = Read(text);
    ASSERT_NE(Find(events, 120), nullptr) << text;
    ASSERT_TRUE(Find(events, 120)->place.has_value()) << text;
    EXPECT_EQ(Find(events, 120)->place->name, "Nairobi") << text;
    EXPECT_EQ(Find(events, 120)->place->level, PlaceLevel::kCity) << text;
  }
}

// "Italy and Spain each reported 3": one event a place, in the order of the text.
TEST_F(ExtractorTest, ACountForEachPlaceOfAListFollowsTheTextsOrder) {
  const auto events = Read("Italy and Spain each reported 3 new cases of measles on Thursday.");
  ASSERT_EQ(events.size(), 2u);
  ASSERT_TRUE(events[0].place.has_value());
  ASSERT_TRUE(events[1].place.has_value());
  EXPECT_EQ(events[0].place->country, "IT");
  EXPECT_EQ(events[1].place->country, "ES");
}

// "since the outbreak began in January": the month starts a running total that runs to
// the day of the news; without "since", a month is the figure's own period.
TEST_F(ExtractorTest, ASinceEarlierInTheClauseMakesADateAStart) {
  const auto since = Read(
      "Cholera has infected 1,200 people in Malawi since the outbreak began in January, and "
      "45 have died.");
  ASSERT_NE(Find(since, 1200), nullptr);
  EXPECT_EQ(Find(since, 1200)->aggregation, Aggregation::kCumulative);
  ASSERT_TRUE(Find(since, 1200)->period.has_value());
  EXPECT_EQ(Find(since, 1200)->period->end, (Date{2021, 3, 10}));
  ASSERT_NE(Find(since, 45), nullptr);
  EXPECT_EQ(Find(since, 45)->aggregation, Aggregation::kCumulative);
  EXPECT_EQ(PeriodOf("Malawi recorded 1,200 new cholera cases in January.", 1200),
            "2021-01-01..2021-01-31");
}

// A count over a span of months is a total over it, which keeps its start; a week's
// count is new.
TEST_F(ExtractorTest, ACountOverMonthsIsATotalOverThem) {
  const std::string months = "Kerala recorded 2,400 dengue cases between January and June 2020.";
  EXPECT_EQ(AggregationOf(months, 2400), "cumulative");
  EXPECT_EQ(PeriodOf(months, 2400), "2020-01-01..2020-06-30");
  EXPECT_EQ(AggregationOf("Kerala recorded 240 dengue cases last week.", 240), "new");
}

// A since-date of the running total after a new figure starts the total, not the new
// figure: that is of the day before the report, as an undated new figure is.
TEST_F(ExtractorTest, ATotalsSinceDateIsNotTheNewFiguresTime) {
  const std::string text =
      "Health officials in Texas confirmed 48 new measles cases, raising the state's total to "
      "309 since late January.";
  EXPECT_EQ(PeriodOf(text, 48), "2021-03-09..2021-03-09");
  EXPECT_EQ(PeriodOf(text, 309), "2021-01-21..2021-03-10");
}

// A number of places between a count and its time says where it was counted: the time is
// the count's ("across 31 districts this year"), not the number's.
TEST_F(ExtractorTest, ANumberOfPlacesDoesNotTakeTheCountsTime) {
  EXPECT_EQ(PeriodOf("Nigeria: 1,528 suspected cholera cases had been reported across 31 "
                     "districts this year.",
                     1528),
            "2021-01-01..2021-03-10");
  EXPECT_EQ(PeriodOf("Nigeria: 1,528 suspected cholera cases had been reported in 31 regions "
                     "this year.",
                     1528),
            "2021-01-01..2021-03-10");
}

// Where imported cases came from: each item of a breakdown its own origin, and the
// count that frames them none; a list of countries is no route.
TEST_F(ExtractorTest, AnOriginBelongsToTheCountNearestIt) {
  const auto items = Read(
      "Taiwan reported 20 imported cases, including 11 from the United States and 4 from "
      "Indonesia.");
  ASSERT_NE(Find(items, 20), nullptr);
  EXPECT_FALSE(Find(items, 20)->origin.has_value());
  ASSERT_NE(Find(items, 11), nullptr);
  ASSERT_TRUE(Find(items, 11)->origin.has_value());
  EXPECT_EQ(Find(items, 11)->origin->country, "US");
  ASSERT_NE(Find(items, 4), nullptr);
  ASSERT_TRUE(Find(items, 4)->origin.has_value());
  EXPECT_EQ(Find(items, 4)->origin->country, "ID");
  const auto listed = Read(
      "Hong Kong reported 12 imported cases in travellers from the Philippines, Pakistan and "
      "India.");
  ASSERT_NE(Find(listed, 12), nullptr);
  EXPECT_EQ(Find(listed, 12)->imported, true);
  EXPECT_TRUE(Find(listed, 12)->route.empty());
  const auto via =
      Read("New Zealand reported 1 new imported case, a traveller from India via Singapore.");
  ASSERT_NE(Find(via, 1), nullptr);
  ASSERT_EQ(Find(via, 1)->route.size(), 2u);
  EXPECT_EQ(Find(via, 1)->route[1].country, "SG");
}

// "Nine people died": what happened, news; "have died": a state so far; "are in
// hospital": a present state.
TEST_F(ExtractorTest, AVerbsTenseTellsANewFigureFromATotal) {
  EXPECT_EQ(AggregationOf("Nine people died of cholera in Kasai.", 9), "new");
  EXPECT_EQ(AggregationOf("Nine people have died of cholera in Kasai.", 9), "cumulative");
  EXPECT_EQ(AggregationOf("Forty cholera patients are hospitalized in Kasai.", 40), "cumulative");
  // The perfect of one case is its news; a perfect in a relative clause is another verb's.
  EXPECT_EQ(AggregationOf("A nurse in Kasai has tested positive for cholera.", 1), "new");
  // A figure referred to ("Of the 40 people infected") is no news of the day.
  EXPECT_EQ(AggregationOf("Of the 40 people infected in the cluster, 12 are children.", 40),
            "cumulative");
  const auto relative =
      Read("Two tourists who had holidayed in Hurghada tested positive for measles in Munich.");
  ASSERT_NE(Find(relative, 2), nullptr);
  EXPECT_EQ(Find(relative, 2)->aggregation, Aggregation::kNew);
  ASSERT_TRUE(Find(relative, 2)->origin.has_value());
  EXPECT_EQ(Find(relative, 2)->origin->country, "EG");
}

TEST_F(ExtractorTest, ArrivalsMadeToUndergoHotelQuarantineIsATravelQuarantine) {
  const auto events = Read("All arrivals to New Zealand must undergo 14 days of hotel quarantine.");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].measure, MeasureKind::kTravelQuarantine);
  EXPECT_EQ(events[0].action, MeasureAction::kImpose);
}

// Where the counted had travelled is where they caught it; where they will go is not.
TEST_F(ExtractorTest, APlaceTheCountedHadTravelledToIsTheirOrigin) {
  const auto had =
      Read("Michigan confirmed a measles case in an adult who had travelled to Israel.");
  ASSERT_NE(Find(had, 1), nullptr);
  EXPECT_EQ(Find(had, 1)->imported, true);
  ASSERT_TRUE(Find(had, 1)->origin.has_value());
  EXPECT_EQ(Find(had, 1)->origin->country, "IL");
  const auto will =
      Read("Michigan confirmed a measles case in an adult who planned to travel to Israel.");
  ASSERT_NE(Find(will, 1), nullptr);
  EXPECT_FALSE(Find(will, 1)->origin.has_value());
}

// A text without its day of publication: "in the past 24 hours" still makes the figure
// the day's, though which day is unknown.
TEST_F(ExtractorTest, AWindowBackFromAnUnknownDayStillMakesAFigureNew) {
  const std::string text = "Ghana recorded 40 cholera cases in the past 24 hours.";
  const auto events = Read(text, std::nullopt);
  ASSERT_NE(Find(events, 40), nullptr);
  EXPECT_EQ(Find(events, 40)->aggregation, Aggregation::kNew);
  EXPECT_EQ(PeriodOf(text, 40, std::nullopt), "none");
}

// "all of them imported": the clause after the count tells of all it counts.
TEST_F(ExtractorTest, AClauseOnAllOfThemTellsOfTheCount) {
  const auto events = Read(
      "Thailand reported 11 new cases, all of them imported, including 5 in Bangkok and 6 in "
      "Phuket.");
  ASSERT_NE(Find(events, 11), nullptr);
  EXPECT_EQ(Find(events, 11)->imported, true);
  ASSERT_NE(Find(events, 5), nullptr);
  EXPECT_EQ(Find(events, 5)->imported, true);
  const auto some = Read("Thailand reported 11 new cases, all in Bangkok.");
  EXPECT_EQ(ImportedOf(some, 11), "none");
  // ... and where all of them are is where the count is.
  EXPECT_EQ(PlaceOf(some, 11), "TH TH-10 subdivision");
  EXPECT_EQ(PlaceOf(Read("Queensland reported 16 new COVID-19 cases, all linked to a school in "
                         "Brisbane."),
                    16),
            "AU AU-QLD subdivision");
}

// A relative clause tells of the person counted ("who later died"); a person and the
// case counted beside them are one.
TEST_F(ExtractorTest, APersonsRelativeClauseTellsOfThem) {
  const auto died = Read(
      "Cambodia has confirmed a human case of H5N1 in a girl from Prey Veng province, who later "
      "died in hospital.");
  size_t confirmed = 0;
  size_t deaths = 0;
  for (const Event& e : died) {
    if (e.type != EventType::kCases || e.count != 1) continue;
    confirmed += e.status == CaseStatus::kConfirmed ? 1 : 0;
    deaths += e.status == CaseStatus::kDeaths ? 1 : 0;
    ASSERT_TRUE(e.place.has_value());
    EXPECT_EQ(e.place->subdivision, "KH-14");
  }
  EXPECT_EQ(confirmed, 1u);
  EXPECT_EQ(deaths, 1u);
  const auto one = Read(
      "A man from Zhejiang, who contracted yellow fever while in Angola, is the first imported "
      "case in China.");
  size_t cases = 0;
  for (const Event& e : one) cases += e.type == EventType::kCases ? 1 : 0;
  EXPECT_EQ(cases, 1u);
}

// Infections joined to imported cases came with them; the deaths joined to them, and
// the deaths after them, are not said to be imported.
TEST_F(ExtractorTest, InfectionsJoinedToImportedCasesAreImported) {
  const auto events = Read(
      "Guangdong reported 15 imported COVID-19 cases and 4 asymptomatic infections on Monday, "
      "and 2 deaths.");
  EXPECT_EQ(ImportedOf(events, 15), "imported");
  EXPECT_EQ(ImportedOf(events, 4), "imported");
  EXPECT_EQ(ImportedOf(events, 2), "none");
  EXPECT_EQ(
      ImportedOf(Read("Guangdong reported 15 imported COVID-19 cases and 4 deaths on Monday."), 4),
      "none");
}

// "N of them" after a count is a part of it, of its status, with or without a verb;
// what the part's clause says of travel is the part's, not the whole's.
TEST_F(ExtractorTest, APartOfThemIsACountOfItsOwn) {
  const auto events = Read(
      "Ohio has recorded 30 COVID-19 cases, 12 of them in students who had returned from "
      "Spain.");
  EXPECT_EQ(ImportedOf(events, 30), "none");
  EXPECT_EQ(StatusOf(events, 12), "confirmed");
  EXPECT_EQ(ImportedOf(events, 12), "imported");
  ASSERT_TRUE(Find(events, 12)->origin.has_value());
  EXPECT_EQ(Find(events, 12)->origin->country, "ES");
  EXPECT_EQ(PlaceOf(events, 12), "US US-OH subdivision");
}

// A bare number joined to a part that says where it is, and saying the same of itself, is
// another part; one that says something else of itself is not.
TEST_F(ExtractorTest, APartJoinedToAPartSayingWhereItIsIsAnotherPart) {
  const auto events = Read(
      "Uganda reported 25 new Ebola cases. Of these, 20 were in Mubende and five were in "
      "Kassanda.");
  EXPECT_EQ(StatusOf(events, 20), "confirmed");
  EXPECT_EQ(StatusOf(events, 5), "confirmed");
  EXPECT_EQ(AggregationOf("Of the 25 new Ebola cases in Uganda, 20 were in Mubende and 5 were "
                          "in Kassanda.",
                          5),
            "new");
  EXPECT_EQ(StatusOf(Read("Uganda reported 25 new Ebola cases. Of these, 20 were in Mubende "
                          "and 5 were health workers."),
                     5),
            "no count");
}

// A breakdown of imported cases by where they came from, each item with a verb of travel:
// after a colon, or in the next sentence. The whole has no one origin; the parts are of
// its time, whatever their verb's tense.
TEST_F(ExtractorTest, PartsThatArrivedFromPlacesAreABreakdown) {
  const auto colon = Read(
      "Singapore confirmed 7 new imported COVID-19 cases: four arrived from India, two from "
      "Indonesia and one from the Philippines.");
  EXPECT_EQ(OriginOf(colon, 7), "none");
  EXPECT_EQ(OriginOf(colon, 4), "IN");
  EXPECT_EQ(OriginOf(colon, 2), "ID");
  const auto next = Read(
      "Singapore confirmed 7 new imported COVID-19 cases. Four arrived from India, two from "
      "Indonesia and one from the Philippines.");
  EXPECT_EQ(OriginOf(next, 4), "IN");
  EXPECT_EQ(OriginOf(next, 1), "PH");
  EXPECT_EQ(AggregationOf("Singapore confirmed 7 new imported COVID-19 cases: four had arrived "
                          "from India, two from Indonesia and one from the Philippines.",
                          4),
            "new");
}

// A frame of the people counted ("Of the new patients,") opens parts as one of case words
// does: the part's place is not where the text goes on.
TEST_F(ExtractorTest, AFrameOfPeopleOpensParts) {
  const auto events = Read(
      "Bangladesh recorded 1,017 new dengue cases. Of the new patients, 523 were admitted to "
      "hospitals in Dhaka. So far this year, 45,630 people have been hospitalised with dengue.");
  EXPECT_EQ(PlaceOf(events, 523), "BD BD-C city");  // Dhaka
  EXPECT_EQ(PlaceOf(events, 45630), "BD - country");
}

TEST_F(ExtractorTest, PeopleAdmittedToANamedHospitalAreHospitalized) {
  EXPECT_EQ(StatusOf(Read("Zambia anthrax: three people have been admitted to Kalabo District "
                          "Hospital."),
                     3),
            "hospitalized");
}

// The frame "of the N cases" may follow the colon of a heading run into its sentence.
TEST_F(ExtractorTest, APartitiveFrameMayFollowAHeadingsColon) {
  const auto events = Read("Ebola in Uganda: of the 25 new cases, 20 were in Mubende.");
  EXPECT_EQ(StatusOf(events, 20), "confirmed");
  EXPECT_EQ(AggregationOf("Ebola in Uganda: of the 25 new cases, 20 were in Mubende.", 20), "new");
  // ("12 are children" only describes the frame's people: no part.)
  EXPECT_EQ(StatusOf(Read("Ebola in Uganda: of the 40 people infected in the cluster, 12 are "
                          "children."),
                     12),
            "no count");
}

// A bare number after "including" (or joined to such a part) that says where its cases
// were caught is a part of the count before; the first cue after a number tells of it.
TEST_F(ExtractorTest, APartSaidLocalOrImportedIsACount) {
  const auto listed =
      Read("Laos reported 19 new COVID-19 infections, including 15 local and four imported.");
  EXPECT_EQ(ImportedOf(listed, 19), "none");
  EXPECT_EQ(ImportedOf(listed, 15), "local");
  EXPECT_EQ(ImportedOf(listed, 4), "imported");
  EXPECT_EQ(AggregationOf("Laos reported 19 new COVID-19 infections, including 15 local and four "
                          "imported.",
                          4),
            "new");
  const auto relative = Read(
      "Laos's 19 new COVID-19 infections included 15 that were locally transmitted and four in "
      "people who had flown in from abroad.");
  EXPECT_EQ(ImportedOf(relative, 15), "local");
  // The people it was found in say where a listed part is, as a place would.
  EXPECT_EQ(ImportedOf(relative, 4), "imported");
  EXPECT_EQ(
      ImportedOf(Read("A local man who returned from Italy tested positive for COVID-19."), 1),
      "imported");
}

// A bare number after "including" with a time of its own is a part of the count before,
// of its status and of that time.
TEST_F(ExtractorTest, APartWithItsOwnTimeIsACount) {
  const std::string text =
      "Dengue has killed 303 people in Bangladesh so far this year, including 11 in the past 24 "
      "hours.";
  EXPECT_EQ(StatusOf(Read(text), 11), "deaths");
  EXPECT_EQ(AggregationOf(text, 11), "new");
  EXPECT_EQ(AggregationOf(text, 303), "cumulative");
}

// In a text that names its disease, a verb that admits or kills counts cases though its
// own sentence names none; in one that names none, it does not.
TEST_F(ExtractorTest, TheTextsDiseaseLetsAVerbCount) {
  EXPECT_EQ(StatusOf(Read("Dengue has spread to every district of Bangladesh. Hospitals admitted "
                          "2,487 new patients in the past day."),
                     2487),
            "hospitalized");
  EXPECT_EQ(StatusOf(Read("Hospitals admitted 2,487 new patients in the past day."), 2487),
            "no count");
}

// A figure compared with is no count, and the day it is of is not the count's.
TEST_F(ExtractorTest, AFigureComparedWithKeepsItsDay) {
  const std::string text =
      "Lagos now accounts for 631 cases of COVID-19, compared to 459 on Saturday.";
  EXPECT_EQ(AggregationOf(text, 459), "no count");
  EXPECT_EQ(AggregationOf(text, 631), "cumulative");
  EXPECT_EQ(PeriodOf(text, 631), "-..2021-03-10");
  EXPECT_EQ(AggregationOf("Lagos reported 631 new cases of COVID-19, up from 459 on Monday.", 459),
            "no count");
}

// A place that says where the one before it is ("Dallas, Texas,") stands between a
// person and what happened to them.
TEST_F(ExtractorTest, AQualifyingPlaceDoesNotEndThePersonsClause) {
  const auto events = Read("A traveller in Dallas, Texas, has been diagnosed with Ebola.");
  EXPECT_EQ(StatusOf(events, 1), "confirmed");
  ASSERT_EQ(PlaceOf(events, 1), "US US-TX city");
  EXPECT_EQ(Find(events, 1)->place->name, "Dallas");
}

// A part set off by commas leaves the place after it to the whole, and is counted there
// too; a part's own place stays the part's.
TEST_F(ExtractorTest, APartSetOffByCommasLeavesThePlaceToTheWhole) {
  const auto aside = Read(
      "Congo has reported nine suspected Ebola cases, including three deaths, in Bas-Uele "
      "province.");
  EXPECT_EQ(PlaceOf(aside, 9), "CD CD-BU subdivision");
  EXPECT_EQ(PlaceOf(aside, 3), "CD CD-BU subdivision");
  EXPECT_EQ(
      PlaceOf(Read("Kenya has reported 40 cholera cases, including 5 in Nairobi, this year."), 40),
      "KE - country");
  // The disease after the whole's noun and an article before the place change nothing.
  const auto region = Read(
      "Tanzania has confirmed eight cases of Marburg, including five deaths, in the Kagera "
      "region.");
  EXPECT_EQ(PlaceOf(region, 8), "TZ TZ-05 subdivision");
  EXPECT_EQ(PlaceOf(region, 5), "TZ TZ-05 subdivision");
}

// A count joined to a total by "with" shares its time even when the total's day stands
// between them.
TEST_F(ExtractorTest, ADayBetweenJoinedCountsIsTheFirstOnes) {
  const std::string text =
      "The number of COVID-19 cases in Chile rose to 873 on Saturday, with 19 deaths.";
  EXPECT_EQ(AggregationOf(text, 873), "cumulative");
  EXPECT_EQ(AggregationOf(text, 19), "cumulative");
}

// What happened to a part is told by the verb after its noun phrase: "seven of the
// confirmed cases have died" counts deaths; a participle after the people's place is
// their verb ("patients in Lagos recovered").
TEST_F(ExtractorTest, APartsVerbTellsWhatHappenedToIt) {
  EXPECT_EQ(StatusOf(Read("Seven of the confirmed Marburg cases have died."), 7), "deaths");
  const auto recovered = Read("18 of the 30 COVID-19 patients in Lagos recovered on Monday.");
  EXPECT_EQ(StatusOf(recovered, 18), "recovered");
  ASSERT_EQ(PlaceOf(recovered, 18), "NG NG-LA subdivision");
  EXPECT_EQ(Find(recovered, 18)->place->name, "Lagos");
  EXPECT_EQ(StatusOf(Read("Lagos accounts for 22 of the 25 COVID-19 deaths."), 22), "deaths");
}

// A count over a list of places is counted where they all are, unless "each" or
// "respectively" shares it out; the text then goes on about where they all are.
TEST_F(ExtractorTest, ACountOverAListOfPlacesIsWhereTheyAllAre) {
  EXPECT_EQ(PlaceOf(Read("Nigeria has confirmed 21 new Lassa fever cases in Ondo, Edo and Bauchi "
                         "states."),
                    21),
            "NG - country");
  EXPECT_EQ(PlaceOf(Read("Italy has confirmed 12 chikungunya cases in Anzio and Latina."), 12),
            "IT IT-62 subdivision");
  EXPECT_NE(PlaceOf(Read("Officials confirmed 4 and 3 measles cases in Ondo and Edo, "
                         "respectively."),
                    4),
            "NG - country");
  EXPECT_EQ(PlaceOf(Read("Q fever hit goats on farms in Washington and Montana. Officials said 15 "
                         "people were sickened by the outbreak."),
                    15),
            "US - country");
}

// A city named in a list of its country's subdivisions is the subdivision of its name.
TEST_F(ExtractorTest, ACityInAListOfStatesIsTheState) {
  const auto events = Read("Washington and Oregon each reported 12 new measles cases.");
  size_t states = 0;
  for (const Event& e : events) {
    states += e.place && (e.place->subdivision == "US-WA" || e.place->subdivision == "US-OR") &&
              e.place->level == PlaceLevel::kSubdivision;
  }
  EXPECT_EQ(states, 2u);
}

// "a Montana child": a place that says whom is the person's, and does not move the text.
TEST_F(ExtractorTest, APlaceThatSaysWhomIsThePersonsNotTheTexts) {
  const auto events = Read(
      "Q fever hit goats on a farm in Idaho. A Montana child fell ill with Q fever. Officials "
      "said 15 people were sickened by the outbreak.");
  EXPECT_EQ(PlaceOf(events, 1), "US US-MT subdivision");
  EXPECT_EQ(PlaceOf(events, 15), "US US-ID subdivision");
}

// "A case of X was detected in Y": one case, told by the passive verb after it; a case
// of anything else is none. One found on a farm of animals is theirs.
TEST_F(ExtractorTest, ACaseThatWasDetectedIsOne) {
  const auto events = Read("A case of COVID-19 has been reported in Auckland.");
  ASSERT_EQ(PlaceOf(events, 1), "NZ NZ-AUK subdivision");
  EXPECT_EQ(Find(events, 1)->host, Host::kHuman);
  EXPECT_EQ(Find(events, 1)->place->name, "Auckland");
  EXPECT_TRUE(Read("In a case of mistaken identity, a man was arrested in Auckland.").empty());
  const auto farm = Read("A case of bird flu was confirmed on a duck farm in Brittany.");
  ASSERT_NE(Find(farm, 1), nullptr);
  EXPECT_EQ(Find(farm, 1)->host, Host::kPoultry);
  EXPECT_EQ(PlaceOf(farm, 1), "FR FR-BRE subdivision");
}

// A count joined to a total is a total, whatever its verb's tense.
TEST_F(ExtractorTest, PeopleJoinedToATotalAreATotal) {
  EXPECT_EQ(AggregationOf("The cholera death toll in Haiti has risen to 40, with 600 people "
                          "hospitalized.",
                          600),
            "cumulative");
}

// A verb before the number tells what happened to a part; a part's place is not the
// whole's; "hospitalized with suspected cholera" are hospitalized.
TEST_F(ExtractorTest, WhatTellsOfAPart) {
  EXPECT_EQ(StatusOf(Read("Ebola has killed 2,000 of the 3,000 people infected in Congo."), 2000),
            "deaths");
  EXPECT_EQ(PlaceOf(Read("The salmonella outbreak in the United States has sickened 52 people in "
                         "12 states, including 20 in California."),
                    52),
            "US - country");
  EXPECT_EQ(
      StatusOf(Read("130 people have been hospitalized with suspected cholera in Lusaka."), 130),
      "hospitalized");
}

// "11 more were identified": a number a count verb reports counts what the count before
// it did.
TEST_F(ExtractorTest, MoreReportedCountWhatTheCountBeforeDid) {
  const std::string text =
      "Mpox cases in Spain rose to 190 on Friday after 11 more were identified.";
  EXPECT_EQ(StatusOf(Read(text), 11), "confirmed");
  EXPECT_EQ(AggregationOf(text, 11), "new");
  EXPECT_TRUE(Read("Officials said 11 more were identified as contacts.").empty());
}

// "the city of Quebec" asks for the city, "the province of Jilin" for the province.
TEST_F(ExtractorTest, APlaceNounBeforeOfSaysWhichReading) {
  EXPECT_EQ(PlaceOf(Read("The city of Quebec has 120 cases of COVID-19."), 120), "CA CA-QC city");
  EXPECT_EQ(PlaceOf(Read("Quebec has 4,611 cases of COVID-19."), 4611), "CA CA-QC subdivision");
}

// Places "between" which something passes are a relation: the text stays where it was.
TEST_F(ExtractorTest, PlacesOfARelationDoNotMoveTheText) {
  const auto events = Read(
      "In Malaysia, authorities have stepped up health checks at airports because of the Zika "
      "virus outbreak. There is heavy passenger traffic between Singapore and Malaysia. People "
      "traveling from Singapore who show signs of a fever will need to give blood samples.");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].measure, MeasureKind::kTesting);
  ASSERT_TRUE(events[0].place.has_value());
  EXPECT_EQ(events[0].place->country, "MY");
}

// The same number from two origins is two counts.
TEST_F(ExtractorTest, TheSameNumberFromTwoOriginsIsTwoCounts) {
  const auto events = Read(
      "Guangdong reported 8 new imported COVID-19 cases: 3 from the United Kingdom, 2 from France "
      "and 3 from the United States.");
  size_t threes = 0;
  for (const Event& e : events) threes += e.count == 3 ? 1 : 0;
  EXPECT_EQ(threes, 2u);
}

// "Twelve people in A and three in B have died": the people counted first, and a bare
// number joined to them after their place (its noun left out), share the verb after the
// second; each is where its own place says, or comes from there.
TEST_F(ExtractorTest, PeopleJoinedAfterTheirPlaceShareTheVerbAfterTheNext) {
  const auto deaths = Read("Nine patients in Lusaka and four in Ndola have died of cholera.");
  EXPECT_EQ(StatusOf(deaths, 9), "deaths");
  EXPECT_EQ(StatusOf(deaths, 4), "deaths");
  ASSERT_NE(Find(deaths, 9), nullptr);
  ASSERT_NE(Find(deaths, 4), nullptr);
  ASSERT_TRUE(Find(deaths, 9)->place && Find(deaths, 4)->place);
  EXPECT_EQ(Find(deaths, 9)->place->name, "Lusaka");
  EXPECT_EQ(Find(deaths, 4)->place->name, "Ndola");
  // With the noun said again, the first is still joined to the second's verb.
  const auto repeated =
      Read("Nine patients in Lusaka and four patients in Ndola have died of cholera.");
  EXPECT_EQ(StatusOf(repeated, 9), "deaths");
  const auto travellers = Read(
      "Two travellers from Indonesia and five from Malaysia tested positive for dengue in "
      "Singapore.");
  EXPECT_EQ(ImportedOf(travellers, 2), "imported");
  EXPECT_EQ(ImportedOf(travellers, 5), "imported");
  EXPECT_EQ(OriginOf(travellers, 2), "ID");
  EXPECT_EQ(OriginOf(travellers, 5), "MY");
  EXPECT_EQ(PlaceOf(travellers, 5), "SG - country");
  // A verb of no status joins nothing: people vaccinated are no cases.
  const auto vaccinated =
      Read("During the cholera outbreak, 500 people in Lusaka and 300 in Ndola were vaccinated.");
  EXPECT_EQ(StatusOf(vaccinated, 500), "no count");
  EXPECT_EQ(StatusOf(vaccinated, 300), "no count");
}

// "of them" after a count of the same sentence is a part of it where its clause names
// the part's place; a part that only describes the count ("20 of them are children") is
// none of its own.
TEST_F(ExtractorTest, APlacesShareOfThemIsAPartOfTheCountBefore) {
  const auto events =
      Read("Peru recorded 2,310 new COVID-19 infections, while Loreto accounted for 640 of them.");
  EXPECT_EQ(StatusOf(events, 640), "confirmed");
  EXPECT_EQ(PlaceOf(events, 640), "PE PE-LOR subdivision");
  EXPECT_EQ(StatusOf(Read("Peru recorded 310 new cholera cases; 120 of them are children."), 120),
            "no count");
}

// A person "from" a place is at home there, unless the sentence puts them in another
// country: then they came from there, and the count is where they are. Tourists and
// visitors, like travellers, came from where they are from.
TEST_F(ExtractorTest, APersonFromOneCountryCountedInAnotherIsCountedThere) {
  EXPECT_EQ(PlaceOf(Read("Two men from Indonesia tested positive for dengue in Singapore."), 2),
            "SG - country");
  EXPECT_EQ(PlaceOf(Read("Two pupils from Kano have died of meningitis in Nigeria."), 2),
            "NG NG-KN city");
  const auto tourist = Read("A tourist from Austria died of dengue in a hospital in Bangkok.");
  EXPECT_EQ(PlaceOf(tourist, 1), "TH TH-10 subdivision");
  EXPECT_EQ(ImportedOf(tourist, 1), "imported");
  EXPECT_EQ(OriginOf(tourist, 1), "AT");
}

// "A third horse has died": an ordinal before an animal counts animals, the running total
// and the one new, as before a person it counts people.
// What befell animals: their own verb, in a relative clause as well ("that died"); the
// culling of the rest of the flock, a conjunct of its own, does not undo the deaths
// counted before it; animals put down are no cases.
TEST_F(ExtractorTest, AnimalsDeathsAreTheirsAndTheCulledAreNone) {
  EXPECT_EQ(StatusOf(Read("H5N1 in Argentina: 95 elephant seals that died of H5N1 were found on "
                          "the coast."),
                     95),
            "deaths");
  const auto flock = Read(
      "Hungary reported an outbreak of H5N1 bird flu on a duck farm. The virus killed 3,200 "
      "birds and the rest of the flock was culled.");
  EXPECT_EQ(StatusOf(flock, 3200), "deaths");
  EXPECT_EQ(StatusOf(Read("Five people have died of rabies in Mara region, and 40 dogs have been "
                          "put down, officials said."),
                     40),
            "no count");
}

// "local" of officials or of vets says nothing of where the counted caught it.
TEST_F(ExtractorTest, LocalOfficialsSayNothingOfImportation) {
  EXPECT_EQ(ImportedOf(Read("An outbreak of anthrax killed 30 sheep and 4 cattle in the "
                            "Turkestan region, local veterinary officials said."),
                       4),
            "none");
}

TEST_F(ExtractorTest, AnOrdinalBeforeAnAnimalCountsAnimals) {
  const auto events = Read("A fourth horse has died of West Nile virus in Ontario.");
  EXPECT_EQ(HostOf(events, 4), "horse");
  EXPECT_EQ(StatusOf(events, 4), "deaths");
  EXPECT_EQ(HostOf(events, 1), "horse");
}

// "for a total of 41" totals the count before it whatever words of its time follow
// ("this season", "so far this year", "since June"); "a total of 3,951 remain in
// quarantine" totals what follows, no count.
TEST_F(ExtractorTest, ATotalEndingItsClauseOnItsTimeTotalsTheCountBefore) {
  for (const std::string tail : {"this season", "so far this year", "since June"}) {
    const auto events =
        Read("The state confirmed 4 more West Nile virus deaths, for a total of 17 " + tail + ".");
    EXPECT_EQ(StatusOf(events, 17), "deaths") << tail;
    EXPECT_EQ(
        AggregationOf(
            "The state confirmed 4 more West Nile virus deaths, for a total of 17 " + tail + ".",
            17),
        "cumulative")
        << tail;
  }
  EXPECT_EQ(StatusOf(Read("Officials said a total of 3,951 remain in quarantine after 4 more West "
                          "Nile virus deaths."),
                     3951),
            "no count");
}

// A case of one is imported as the next sentences about the person tell, up to two; a
// sentence about something else tells nothing of it.
TEST_F(ExtractorTest, TheSentencesAboutThePersonTellTheirTravel) {
  const auto events = Read(
      "Peru confirmed its first case of COVID-19 on Friday. The patient is a 25-year-old pilot. "
      "He had flown in from Madrid via Paris on Tuesday.");
  EXPECT_EQ(ImportedOf(events, 1), "imported");
  ASSERT_TRUE(Find(events, 1)->origin.has_value());
  EXPECT_EQ(Find(events, 1)->origin->country, "ES");
  EXPECT_EQ(ImportedOf(Read("Peru confirmed its first case of COVID-19 on Friday. Flights from "
                            "Madrid were suspended on Saturday."),
                       1),
            "none");
  // Of a few, "They", "Both", "All" tell; one person of them does not tell of all.
  EXPECT_EQ(ImportedOf(Read("Qatar confirmed two new cases of COVID-19 on Sunday. They had "
                            "returned from Iran on a flight."),
                       2),
            "imported");
  EXPECT_EQ(ImportedOf(Read("Three new cases of COVID-19 were reported in Lima, including a boy. "
                            "The boy had returned from Orlando on Saturday."),
                       3),
            "none");
}

// The places people came from do not make the country a text is about.
TEST_F(ExtractorTest, AnOriginIsNotTheDocumentsCountry) {
  const auto events = Read(
      "Health officials confirmed 20 new COVID-19 cases on Friday in travellers who had "
      "returned from Spain.");
  ASSERT_NE(Find(events, 20), nullptr);
  ASSERT_TRUE(Find(events, 20)->origin.has_value());
  EXPECT_EQ(Find(events, 20)->origin->country, "ES");
  EXPECT_EQ(PlaceOf(events, 20), "none");
}

// Cases said to be acquired where they were found are local.
TEST_F(ExtractorTest, AutochthonousCasesAreLocal) {
  EXPECT_EQ(
      ImportedOf(Read("Italy has detected 17 autochthonous cases of chikungunya in Anzio."), 17),
      "local");
}

TEST_F(ExtractorTest, MeasureActorIsTheSubjectNotTheTarget) {
  const auto events = Read("Japan suspended all flights from Thailand on Friday.");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].measure, MeasureKind::kFlightRestriction);
  EXPECT_EQ(events[0].action, MeasureAction::kImpose);
  ASSERT_TRUE(events[0].place.has_value());
  EXPECT_EQ(events[0].place->country, "JP");
  ASSERT_TRUE(events[0].target.has_value());
  EXPECT_EQ(events[0].target->country, "TH");
}

// In one clause, what stands before the "and" of the next count's conjunct is the
// earlier count's; a count joined by "and" to a part is a part of the same whole, and the
// whole's place and day do not keep "including" from making a part.
TEST_F(ExtractorTest, AConjunctOfPartsKeepsItsOwnOriginAndTheWholesTime) {
  const auto events = Read(
      "The ministry announced 5 new cases in Senegal on Tuesday, including 3 cases imported from "
      "France and 2 contact cases.");
  EXPECT_EQ(ImportedOf(events, 3), "imported");
  const Event* imported = Find(events, 3);
  ASSERT_NE(imported, nullptr);
  ASSERT_TRUE(imported->origin.has_value());
  EXPECT_EQ(imported->origin->country, "FR");
  const Event* contacts = Find(events, 2);
  ASSERT_NE(contacts, nullptr);
  EXPECT_FALSE(contacts->origin.has_value());
  ASSERT_TRUE(contacts->aggregation.has_value());
  EXPECT_EQ(*contacts->aggregation, Aggregation::kNew);
}

// "of which" before a number makes it a part, as "including" does.
TEST_F(ExtractorTest, APartAfterOfWhichIsACountOfItsWhole) {
  const auto events = Read(
      "The ministry reported 5 new cases, of which 3 were imported from Iran and 2 were local.");
  EXPECT_EQ(ImportedOf(events, 5), "none");
  EXPECT_EQ(ImportedOf(events, 3), "imported");
  EXPECT_EQ(ImportedOf(events, 2), "local");
  for (const int64_t count : {3, 2}) {
    const Event* part = Find(events, count);
    ASSERT_NE(part, nullptr);
    ASSERT_TRUE(part->aggregation.has_value());
    EXPECT_EQ(*part->aggregation, Aggregation::kNew) << count;
  }
}

// A new figure that no reading of it dates is of the day of the last new figure the text
// dated; with none before it, of the day before publication.
TEST_F(ExtractorTest, AnUndatedNewFigureIsOfTheLastDatedOnesDay) {
  const std::string text =
      "Kenya reported 40 new cholera cases on Monday. Nairobi accounted for 12 of the new cases.";
  EXPECT_EQ(PeriodOf(text, 12, Date{2021, 3, 10}), "2021-03-08..2021-03-08");
  EXPECT_EQ(PeriodOf("Nairobi reported 12 new cholera cases.", 12, Date{2021, 3, 10}),
            "2021-03-09..2021-03-09");
}

// The places of a breakdown in brackets, or of "all of them in X", are where parts are:
// neither the whole's nor where the text goes on.
TEST_F(ExtractorTest, ABreakdownInBracketsDoesNotMoveTheText) {
  const auto events = Read(
      "Nigeria is fighting cholera. 12 new cases were recorded on Monday (5 in Lagos, 7 in "
      "Kano). Another 40 patients recovered.");
  EXPECT_EQ(PlaceOf(events, 12), "NG - country");
  EXPECT_EQ(PlaceOf(events, 5), "NG NG-LA subdivision");
  EXPECT_EQ(PlaceOf(events, 40), "NG - country");
}

// "All in X" or "all from X" (a region of the count's country) right after a count says
// where its cases are; the running total after it, "its total", is the subject's.
TEST_F(ExtractorTest, AllOfThemInARegionIsWhereTheCountIs) {
  const auto from = Read(
      "Pakistan reported 3 more wild poliovirus cases, all from Balochistan province, raising "
      "its total for the year to 32.");
  EXPECT_EQ(PlaceOf(from, 3), "PK PK-BA subdivision");
  EXPECT_EQ(PlaceOf(from, 32), "PK - country");
  const auto in = Read(
      "Pakistan reported 3 more wild poliovirus cases, all in Balochistan province, raising its "
      "total for the year to 32.");
  EXPECT_EQ(PlaceOf(in, 3), "PK PK-BA subdivision");
  EXPECT_EQ(PlaceOf(in, 32), "PK - country");
  // (Nor is it the place of a count joined after it.)
  const auto joined = Read(
      "Zambia's Ministry of Health reported 3 new COVID-19 deaths, all in Lusaka, and 150 new "
      "infections.");
  EXPECT_EQ(PlaceOf(joined, 3), "ZM ZM-09 subdivision");
  EXPECT_EQ(PlaceOf(joined, 150), "ZM - country");
}

// After "including", people who only describe the count are no count of their own, the
// ones joined to them by "and" neither; those with a place of their own are.
TEST_F(ExtractorTest, PeopleListedAfterIncludingDescribeTheCount) {
  const auto described = Read(
      "Five new H1N1 cases were reported in Beijing, including three children and two "
      "foreigners.");
  EXPECT_EQ(StatusOf(described, 3), "no count");
  EXPECT_EQ(StatusOf(described, 2), "no count");
  const auto placed =
      Read("Nigeria recorded 12 new cholera cases, including 5 in Lagos and 3 in Kano.");
  EXPECT_EQ(PlaceOf(placed, 5), "NG NG-LA subdivision");
  EXPECT_EQ(StatusOf(placed, 3), "confirmed");
}

// A death is not undone by what is said of the dead ("who was not vaccinated"), where a
// case may be ("three cases, who later tested negative").
TEST_F(ExtractorTest, WhatIsSaidOfTheDeadDoesNotUndoTheDeath) {
  EXPECT_EQ(StatusOf(Read("The measles outbreak in Texas has led to 40 hospitalizations and one "
                          "death, a school-aged child who was not vaccinated."),
                     1),
            "deaths");
  EXPECT_EQ(StatusOf(Read("Kenya reported three suspected cholera cases, who later tested "
                          "negative."),
                     3),
            "no count");
}

// Two verbs before their counts joined by "and" share the place after the last; each
// keeps one of its own.
TEST_F(ExtractorTest, CountsOfVerbsJoinedShareThePlaceAfterThem) {
  const auto shared = Read(
      "Sudan's health ministry said cholera had killed 22 people and sickened 1,000 in Kassala "
      "state over the past week.");
  EXPECT_EQ(PlaceOf(shared, 22), PlaceOf(shared, 1000));
  EXPECT_NE(PlaceOf(shared, 22), "SD - country");
  const auto own = Read(
      "Sudan: cholera has killed 22 people in Kassala and sickened 1,000 in Gedaref over the "
      "past week.");
  EXPECT_NE(PlaceOf(own, 22), PlaceOf(own, 1000));
}

TEST_F(ExtractorTest, HospitalizingCountsHospitalisations) {
  EXPECT_EQ(StatusOf(Read("The Salmonella outbreak has sickened 120 people across 5 states, "
                          "hospitalizing 30, the CDC said."),
                     30),
            "hospitalized");
}

// Cases of cancer or of theft are no outbreak's, whatever the year says of the disease
// a text takes for granted.
TEST_F(ExtractorTest, CasesOfConditionsAndCrimesAreNoOutbreaks) {
  EXPECT_EQ(StatusOf(Read("The hospital treated 500 cancer cases last year."), 500), "no count");
  EXPECT_EQ(StatusOf(Read("Police in Lagos recorded 12 cases of theft last week."), 12),
            "no count");
}

// A part set off by commas stands outside the clause it interrupts: the whole's verb is
// after it. A participle after an article names people ("the infected"): those in contact
// with them are no cases.
TEST_F(ExtractorTest, APartAsideLeavesTheVerbToTheWhole) {
  const auto events = Read(
      "Two more people, including a nine-year-old boy, have tested positive for Nipah in "
      "Kerala. Around 700 people who came in contact with the infected are under observation.");
  EXPECT_EQ(StatusOf(events, 2), "confirmed");
  EXPECT_EQ(StatusOf(events, 700), "no count");
}

// A count that a total of its status grows from, later in the sentence, is new; one
// with a total of something else after it is still a running total.
TEST_F(ExtractorTest, ACountATotalGrowsFromIsNew) {
  EXPECT_EQ(
      AggregationOf("Kenya recorded 252 deaths from cholera, bringing the total to 1,124.", 252),
      "new");
  EXPECT_EQ(AggregationOf("Kenya has 500 cases of cholera, with a total of 41,124 tests.", 500),
            "cumulative");
}

// A breakdown in brackets by origin: each item after the bracket or a comma is a count,
// imported from where it says.
TEST_F(ExtractorTest, ABreakdownInBracketsCountsEachOrigin) {
  const auto events = Read(
      "Nepal reported 5 new imported cases of COVID-19 (2 from India, 3 from Qatar) on Monday.");
  for (const auto& [count, country] :
       std::vector<std::pair<int64_t, std::string>>{{2, "IN"}, {3, "QA"}}) {
    EXPECT_EQ(ImportedOf(events, count), "imported") << count;
    const Event* item = Find(events, count);
    ASSERT_NE(item, nullptr);
    ASSERT_TRUE(item->origin.has_value()) << count;
    EXPECT_EQ(item->origin->country, country);
  }
}

// "birds" are of the kind named last when it is a kind of bird; not of cattle.
TEST_F(ExtractorTest, BirdsAreOfTheKindOfBirdNamedLast) {
  const auto events = Read(
      "Bird flu was confirmed in a flock of turkeys in Minnesota on Monday. The virus killed "
      "1,200 birds on the farm.");
  EXPECT_EQ(HostOf(events, 1200), "poultry");
  const auto after_cattle =
      Read("Anthrax killed 20 cattle in Zambia on Monday. Bird flu killed 1,200 birds in Zambia.");
  EXPECT_EQ(HostOf(after_cattle, 1200), "bird");
}

// "N from X" after a figure places its people in a region of the country, where the
// sentence tells of no importation; where it does, X is where they came from.
TEST_F(ExtractorTest, AFigureFromARegionIsThereUnlessImported) {
  const auto home = Read(
      "Kenya confirmed 120 new measles cases on Monday. Forty of the new cases are from "
      "Garissa, 16 from Wajir and eight from Mandera.");
  EXPECT_EQ(PlaceOf(home, 40), "KE KE-07 city");
  EXPECT_EQ(PlaceOf(home, 16), "KE KE-46 city");
  EXPECT_EQ(ImportedOf(home, 16), "none");
  const auto imported = Read(
      "Uganda confirmed 12 imported measles cases on Monday, eight from Garissa and four from "
      "Wajir.");
  EXPECT_EQ(ImportedOf(imported, 8), "imported");
}

// The places a word of exclusion leaves out of a national figure are not its place; the
// figure is of the country they are left out of. (Chinese: the golden texts.)
TEST_F(ExtractorTest, PlacesLeftOutOfAFigureAreNotItsPlace) {
  const auto en = Read(
      "Russia reported 900 measles cases in May, excluding Moscow and St Petersburg, the "
      "health ministry said.");
  EXPECT_EQ(PlaceOf(en, 900), "RU - country");
}

// In a text about a country, a paragraph that names no place after one about a region is
// about the country again; one that refers back to the region ("the region") is not.
TEST_F(ExtractorTest, AParagraphAfterOneAboutARegionIsAboutTheCountryAgain) {
  const std::string lead =
      "Peru reports 900 new dengue cases\n\nPeru reported 900 new dengue cases on Monday.\n\n"
      "Curfews in Piura were extended to the end of the month.\n\n";
  const auto back = Read(lead + "The death toll from dengue rose to 61 on Monday.");
  EXPECT_EQ(PlaceOf(back, 61), "PE - country");
  const auto region = Read(lead + "The death toll in the region rose to 61 on Monday.");
  EXPECT_EQ(PlaceOf(region, 61), "PE PE-PIU subdivision");
}

// A paragraph that names no place after one about a neighbour is about the text's own
// country again; one that refers back ("the country") or names the neighbour is not.
TEST_F(ExtractorTest, AParagraphAfterOneAbroadIsAboutTheTextsCountryAgain) {
  const std::string lead =
      "Nepal logs 30 dengue deaths\n\nNepal has counted 30 dengue deaths this year, the "
      "health ministry said.\n\nIn neighbouring India, Bihar reported 2,100 dengue cases "
      "last week.\n\n";
  const auto back = Read(lead + "The ministry said 640 new cases were reported in the week.");
  EXPECT_EQ(PlaceOf(back, 2100), "IN IN-BR subdivision");
  EXPECT_EQ(PlaceOf(back, 640), "NP - country");
  const auto there = Read(lead + "Officials in India said 640 new cases were reported there.");
  EXPECT_EQ(PlaceOf(there, 640), "IN - country");
}

// "animals" after a sentence that names one kind are of that kind; after one that names
// several, of several kinds.
TEST_F(ExtractorTest, AnimalsAreOfTheKindNamedLastOrOfSeveral) {
  const auto pigs = Read(
      "African swine fever was found in pigs in Serbia on Monday. About 400 animals have died.");
  EXPECT_EQ(HostOf(pigs, 400), "swine");
  const auto several = Read(
      "Lumpy skin disease spread in Punjab, with cattle, goats and pigs infected. About 2,500 "
      "animals have died.");
  EXPECT_EQ(HostOf(several, 2500), "animal");
}

// "confirmed measles in 40 children": a verb, its object and "in" before the people or
// animals counted tell what happened to them; "reported measles in 12 districts" counts
// no districts.
TEST_F(ExtractorTest, AVerbAndItsObjectBeforeInCountThePeopleAfter) {
  const auto children = Read("The ministry confirmed measles in 40 children in Lagos.");
  EXPECT_EQ(StatusOf(children, 40), "confirmed");
  EXPECT_EQ(PlaceOf(children, 40), "NG NG-LA subdivision");
  const auto cattle = Read(
      "Foot-and-mouth disease is spreading in Indonesia. Officials detected the disease in 1,247 "
      "cattle.");
  EXPECT_EQ(HostOf(cattle, 1247), "cattle");
  EXPECT_EQ(StatusOf(Read("The ministry reported measles in 12 districts."), 12), "no count");
}

// A sentence that opens on "Of these" counts parts of what the sentence before counted
// first, of its time; one that opens otherwise does not.
TEST_F(ExtractorTest, ASentenceOpeningOnAPartOfTheCountBeforeCountsItsParts) {
  const auto events = Read(
      "Singapore reported 64 new cases on Monday, bringing its total to 59,000. Of these, 51 "
      "were imported and 13 were local.",
      Date{2021, 1, 8});
  EXPECT_EQ(ImportedOf(events, 51), "imported");
  EXPECT_EQ(ImportedOf(events, 13), "local");
  EXPECT_EQ(PeriodOf(text_, 51, Date{2021, 1, 8}), "2021-01-04..2021-01-04");
  EXPECT_EQ(PeriodOf(text_, 13, Date{2021, 1, 8}), "2021-01-04..2021-01-04");
  const auto elsewhere =
      Read("Singapore reported 64 new cases on Monday. In Malaysia, 51 were imported.",
           Date{2021, 1, 8});
  EXPECT_EQ(ImportedOf(elsewhere, 51), "no count");
}

// The place after a verb of catching the infection is where it was caught: the origin
// of cases counted in another country, the place of cases counted in its own.
TEST_F(ExtractorTest, WhereTheInfectionWasCaughtIsTheOriginOfCasesCountedElsewhere) {
  const auto abroad = Read(
      "Peru has confirmed 30 cases of COVID-19. The 12 patients in Lima were infected in Italy.");
  EXPECT_EQ(PlaceOf(abroad, 12), "PE PE-LMA subdivision");
  EXPECT_EQ(ImportedOf(abroad, 12), "imported");
  EXPECT_EQ(OriginOf(abroad, 12), "IT");
  const auto at_home =
      Read("Italy has confirmed 30 cases of COVID-19. The 12 patients were infected in Lombardy.");
  EXPECT_EQ(PlaceOf(at_home, 12), "IT IT-25 subdivision");
  EXPECT_EQ(ImportedOf(at_home, 12), "none");
}

// A measure read again is one event, which takes the other side from the reading that
// names it.
TEST_F(ExtractorTest, AMeasureReadAgainTakesItsTargetFromTheRepeat) {
  const auto events =
      Read("Japan suspended flights on Friday. Flights from Thailand were suspended for a month.");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].measure, MeasureKind::kFlightRestriction);
  ASSERT_TRUE(events[0].place.has_value());
  EXPECT_EQ(events[0].place->country, "JP");
  ASSERT_TRUE(events[0].target.has_value());
  EXPECT_EQ(events[0].target->country, "TH");
}

// A total followed by its breakdown by place is the whole's, not its first item's; the
// first item, after a locative, counts as the others do.
TEST_F(ExtractorTest, ATotalBeforeItsBreakdownIsNotItsFirstItems) {
  const auto events = Read(
      "Dengue keeps rising in Taiwan\n\nThe CDC said 1,057 new dengue cases were reported "
      "last week, in Tainan 955, Kaohsiung 79 and Pingtung 12.");
  EXPECT_EQ(PlaceOf(events, 1057), "TW - country");
  EXPECT_EQ(PlaceOf(events, 955), "TW TW-TNN subdivision");
  // (A number of a name opens no item: "ASL Rome 2" is where the seven are.)
  const auto named = Read(
      "Chikungunya in Italy\n\nTo date, 10 cases of chikungunya were confirmed in Anzio "
      "and seven in the territory of ASL Rome 2.");
  const Event* seven = Find(named, 7);
  ASSERT_NE(seven, nullptr);
  ASSERT_TRUE(seven->place.has_value());
  EXPECT_EQ(seven->place->name, "Rome");
}

// A travel ban on a list of countries keeps their people out: one entry restriction, of
// the country that imposes it, with the first of them as its other side.
TEST_F(ExtractorTest, ATravelBanOnCountriesIsOneEntryRestrictionOfWhoImposesIt) {
  const auto events = Read(
      "Fiji said on Monday that the travel ban on India, Nepal, Bangladesh and Sri Lanka "
      "has been extended to the end of August.");
  std::vector<std::string> places;
  for (const Event& e : events) {
    if (e.type != EventType::kMeasure) continue;
    EXPECT_EQ(e.measure, MeasureKind::kEntryRestriction);
    places.push_back(e.place ? e.place->country : "-");
    ASSERT_TRUE(e.target.has_value());
    EXPECT_EQ(e.target->country, "IN");
  }
  EXPECT_EQ(places, std::vector<std::string>{"FJ"});
}

// A number of places before a list ("from eight states:") is no count: the items after it
// count what the sentence's noun counts.
TEST_F(ExtractorTest, ANumberOfPlacesBeforeAListLeavesItsItemsToTheNoun) {
  const auto events = Read(
      "Lassa fever in Nigeria\n\nThe new cases were reported from eight states: Ondo (25), "
      "Edo (19) and Bauchi (9).");
  EXPECT_EQ(PlaceOf(events, 25), "NG NG-ON subdivision");
  EXPECT_NE(Find(events, 19), nullptr);
  EXPECT_NE(Find(events, 9), nullptr);
  EXPECT_EQ(Find(events, 8), nullptr);
}

// "followed by X at N": each place before "at" and its figure is an item of the ranking.
TEST_F(ExtractorTest, ARankingOfPlacesAtTheirFiguresCountsEachAtItsPlace) {
  const auto events = Read(
      "Dengue in Brazil\n\nSao Paulo has the most dengue cases at 12,400, followed by Parana at "
      "8,120 and Goias at 5,310, the ministry said.");
  EXPECT_EQ(PlaceOf(events, 8120), "BR BR-PR subdivision");
  // (Goiás is read as the town of its name here; the test asks for the item's region.)
  const Event* goias = Find(events, 5310);
  ASSERT_NE(goias, nullptr);
  ASSERT_TRUE(goias->place.has_value());
  EXPECT_EQ(goias->place->subdivision, "BR-GO");
}

// A text that names regions by their region noun counts by region: a city named like its
// region, elsewhere in the text, is the region.
TEST_F(ExtractorTest, ATextThatCountsByRegionReadsACityNamedLikeItsRegionAsTheRegion) {
  const auto events = Read(
      "Cholera in Kenya\n\nBusia County recorded 11 cases and Nakuru County 3 cases.\n\n"
      "Garissa has been the hardest hit with 1,376 cases.");
  EXPECT_EQ(PlaceOf(events, 1376), "KE KE-07 subdivision");
  // (Without them, the city stays the city.)
  const auto alone = Read("Cholera in Kenya\n\nGarissa has been the hardest hit with 1,376 cases.");
  EXPECT_EQ(PlaceOf(alone, 1376), "KE KE-07 city");
}

// A headline's measure that names no place is the first of its story's: it takes the
// place the story gives it, not the country the text names most.
TEST_F(ExtractorTest, AHeadlinesMeasureIsItsStorysFirst) {
  const auto events = Read(
      "Ministry orders quarantine for all travellers\n\n"
      "People arriving in Fiji from abroad must go into quarantine for 14 days from Friday.\n\n"
      "Tonga said it would keep its borders closed. Tonga has had no cases. Tonga is calm.");
  std::vector<std::string> quarantines;
  for (const Event& e : events) {
    if (e.type == EventType::kMeasure && e.measure == MeasureKind::kTravelQuarantine) {
      quarantines.push_back(e.place ? e.place->country : "-");
    }
  }
  EXPECT_EQ(quarantines, std::vector<std::string>{"FJ"});
}

// Where people come in holds a measure on them; where they come from does not.
TEST_F(ExtractorTest, AMeasureOnArrivalsIsThePlacesTheyEnter) {
  const auto entering = Read("Travellers entering Samoa must spend 14 days in quarantine.");
  ASSERT_EQ(entering.size(), 1u);
  ASSERT_TRUE(entering[0].place.has_value());
  EXPECT_EQ(entering[0].place->country, "WS");
  const auto from =
      Read("Fiji said travellers entering from Samoa must spend 14 days in quarantine.");
  ASSERT_EQ(from.size(), 1u);
  ASSERT_TRUE(from[0].place.has_value());
  EXPECT_EQ(from[0].place->country, "FJ");
}

// A lockdown has no other side: a foreign place after it is no target; a flight ban has.
TEST_F(ExtractorTest, OnlyMeasuresAcrossABorderHaveATarget) {
  const auto lockdown = Read(
      "Spain placed its 47 million people under lockdown to fight COVID-19, while France "
      "closed its schools.");
  for (const Event& e : lockdown) {
    if (e.type == EventType::kMeasure && e.measure == MeasureKind::kLockdown) {
      EXPECT_FALSE(e.target.has_value());
    }
  }
  const auto flights = Read("Japan suspended all flights from Thailand on Friday.");
  ASSERT_EQ(flights.size(), 1u);
  ASSERT_TRUE(flights[0].target.has_value());
  EXPECT_EQ(flights[0].target->country, "TH");
}

// A measure that lasted a span of time before "after" is the past the sentence's measure
// ends; one imposed for a span of time is a measure.
TEST_F(ExtractorTest, AMeasureThatLastedBeforeAfterIsNone) {
  const auto after = Read(
      "Wuhan reopened its shops on Monday after two months of lockdown, as COVID-19 cases fell.");
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].measure, MeasureKind::kReopening);
  const auto imposed =
      Read("The government imposed two weeks of lockdown in Wuhan to curb COVID-19.");
  ASSERT_EQ(imposed.size(), 1u);
  EXPECT_EQ(imposed[0].measure, MeasureKind::kLockdown);
  EXPECT_EQ(imposed[0].action, MeasureAction::kImpose);
}

TEST_F(ExtractorTest, LiftingALockdownIsLift) {
  const auto events = Read("Authorities in Victoria lifted the lockdown on Tuesday.");
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].measure, MeasureKind::kLockdown);
  EXPECT_EQ(events[0].action, MeasureAction::kLift);
}

TEST_F(ExtractorTest, GappedCountRepeatsTheReadingBeforeIt) {
  const auto events = Read("Ontario reported 310 new cases and Quebec 295 on Tuesday.");
  const Event* quebec = Find(events, 295);
  ASSERT_NE(quebec, nullptr);
  ASSERT_TRUE(quebec->place.has_value());
  EXPECT_EQ(quebec->place->subdivision, "CA-QC");
  EXPECT_EQ(quebec->aggregation, Aggregation::kNew);
}

TEST_F(ExtractorTest, PassingAMarkIsARunningTotalOfAtLeastThatMany) {
  const auto events = Read("Peru passed 200,000 confirmed infections on Sunday.");
  const Event* e = Find(events, 200000);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->qualifier, Qualifier::kAtLeast);
  EXPECT_EQ(e->aggregation, Aggregation::kCumulative);
}

TEST_F(ExtractorTest, LocativeAfterTheCountBeatsTheSubject) {
  const auto events = Read("Nigeria said meningitis had killed 40 people in Kebbi state.");
  const Event* e = Find(events, 40);
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->place.has_value());
  EXPECT_EQ(e->place->subdivision, "NG-KE");
  EXPECT_EQ(e->status, CaseStatus::kDeaths);
}

TEST_F(ExtractorTest, AHealthMinistryIsNotTheOwnerOfTheCount) {
  const auto events =
      Read("Cameroon's health ministry said cholera had killed 12 people in the Littoral region.");
  const Event* e = Find(events, 12);
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->place.has_value());
  EXPECT_EQ(e->place->subdivision, "CM-LT");
}

TEST_F(ExtractorTest, PartOfACountOpeningTheSentence) {
  const auto events =
      Read("Of the new imported cases, 18 were in Yunnan, all of them travellers from Myanmar.");
  const Event* e = Find(events, 18);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->imported, true);
  ASSERT_TRUE(e->place.has_value());
  EXPECT_EQ(e->place->subdivision, "CN-YN");
  const auto which = Read("Peru reported 30 new cases, 12 of which were imported.");
  const Event* imported = Find(which, 12);
  ASSERT_NE(imported, nullptr);
  EXPECT_EQ(imported->imported, true);
}

TEST_F(ExtractorTest, ABorderCityIsNoBorderClosure) {
  for (const Event& e : Read("The border town of Ruili has been sealed off since Monday.")) {
    EXPECT_NE(e.measure, MeasureKind::kBorderClosure);
  }
  const auto closed = Read("Myanmar sealed its border with Thailand on Monday.");
  ASSERT_FALSE(closed.empty());
  EXPECT_EQ(closed[0].measure, MeasureKind::kBorderClosure);
}

TEST_F(ExtractorTest, ANewsAgencyIsNotTheActor) {
  const auto events = Read(
      "Japan's Kyodo news agency said Seoul had extended the closure of its border crossings.");
  ASSERT_FALSE(events.empty());
  ASSERT_TRUE(events[0].place.has_value());
  EXPECT_EQ(events[0].place->country, "KR");
}

TEST_F(ExtractorTest, ANationalTallyBelongsToTheDocumentsCountry) {
  const auto events = Read(
      "Chile extended its curfew. Officials in Santiago closed markets. Argentina watched.\n"
      "The national tally stood at 12,000 confirmed cases on Sunday.");
  const Event* e = Find(events, 12000);
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->place.has_value());
  EXPECT_EQ(e->place->country, "CL");
}

TEST_F(ExtractorTest, TheDayOfTheReportIsNotTheDayOfTheFigure) {
  const auto events = Read(
      "The ministry said on Monday that 4,300 measles cases had been recorded in Peru since "
      "January.");
  const Event* e = Find(events, 4300);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->aggregation, Aggregation::kCumulative);
  const auto fresh = Read("Peru reported 40 new measles cases on Monday.");
  const Event* f = Find(fresh, 40);
  ASSERT_NE(f, nullptr);
  ASSERT_TRUE(f->period.has_value());
  EXPECT_EQ(f->period->start, (Date{2021, 3, 8}));
}

TEST_F(ExtractorTest, AWorldwideFigureHasNoPlace) {
  const auto events = Read(
      "Hubei has reported 67,000 cases. More than 1.4 million people have been infected "
      "worldwide, the World Health Organization said.");
  const Event* world = Find(events, 1400000);
  ASSERT_NE(world, nullptr);
  EXPECT_FALSE(world->place.has_value());
  EXPECT_EQ(world->qualifier, Qualifier::kAtLeast);
  const auto who = Read(
      "Peru has struggled with dengue. The World Health Organization said 300 new cases were "
      "confirmed on Monday.");
  const Event* local = Find(who, 300);
  ASSERT_NE(local, nullptr);
  ASSERT_TRUE(local->place.has_value());
  EXPECT_EQ(local->place->country, "PE");
}

TEST_F(ExtractorTest, AViewReusedForAnotherSentenceHoldsOnlyThatSentence) {
  // A sentence with places, a date, counts and cues, then a plain one into the same view.
  const std::string text =
      "Kenya confirmed 25 new cholera cases in Nairobi and Mombasa on March 3, 2021. "
      "The team met.";
  const auto sentences = text::SplitSentences(text, 0, text.size());
  ASSERT_EQ(sentences.size(), 2u);
  const std::vector<gazetteer::PlaceMention> mentions = gazetteer_->FindPlaces(text);
  const Date published{2021, 3, 10};
  SentenceView reused;
  AnalyseSentence(text, sentences[0], mentions, *lexicon_, *gazetteer_, published, reused);
  ASSERT_FALSE(reused.places.empty());
  ASSERT_FALSE(reused.quantities.empty());
  ASSERT_FALSE(reused.Dates().empty());
  AnalyseSentence(text, sentences[1], mentions, *lexicon_, *gazetteer_, published, reused);
  const SentenceView fresh =
      AnalyseSentence(text, sentences[1], mentions, *lexicon_, *gazetteer_, published);
  ASSERT_EQ(reused.tokens.size(), fresh.tokens.size());
  for (size_t i = 0; i < fresh.tokens.size(); ++i) {
    EXPECT_EQ(reused.tokens[i].lower, fresh.tokens[i].lower) << "token " << i;
  }
  EXPECT_EQ(reused.sentence.start, sentences[1].start);
  EXPECT_EQ(reused.inert, fresh.inert);
  EXPECT_EQ(reused.all_cues, fresh.all_cues);
  EXPECT_EQ(reused.cues, fresh.cues);
  EXPECT_EQ(reused.grammar, fresh.grammar);
  EXPECT_TRUE(reused.places.empty());
  EXPECT_TRUE(reused.quantities.empty());
  EXPECT_TRUE(reused.Dates().empty());
  EXPECT_EQ(reused.measure_anchor, fresh.measure_anchor);
}

TEST_F(ExtractorTest, ADocumentReadAfterALongerOneGivesWhatItGivesAlone) {
  // The views of the longer document are reused for the shorter one on this thread; a
  // thread of its own starts with none.
  const std::string longer =
      "Kenya confirmed 25 new cholera cases in Nairobi. Uganda reported 7 deaths in Kampala. "
      "Tanzania counted 90 cases in total. Officials closed the border with Burundi.";
  const std::string shorter = "Peru reported 40 new dengue cases in Lima.";
  const auto summary = [](const std::vector<Event>& events) {
    std::string out;
    for (const Event& e : events) {
      out += std::string(e.type == EventType::kCases ? CaseStatusName(e.status) : "measure") + " " +
             std::to_string(e.count) + " " + (e.place ? e.place->name : "-") + " " + e.disease +
             ";";
    }
    return out;
  };
  const std::vector<Event> first = Read(longer);
  ASSERT_GE(first.size(), 3u);
  const std::string after = summary(Read(shorter));
  std::string alone;
  std::thread([&] {
    const EventExtractor extractor(*lexicon_, *gazetteer_);
    alone = summary(extractor.Extract(shorter, text::SplitSentences(shorter, 0, shorter.size()),
                                      Date{2021, 3, 10}));
  }).join();
  EXPECT_EQ(after, alone);
  EXPECT_NE(alone.find(" 40 Lima dengue"), std::string::npos) << alone;
}

TEST_F(ExtractorTest, AFigureRepeatedAfterOtherFiguresIsStillOneEvent) {
  // Repeats are looked for among the events of the same count and status only: the
  // figures read between must not hide the first reading.
  const auto events = Read(
      "Kenya reported 25 new cholera cases on Monday. Uganda reported 7 cholera deaths on "
      "Monday. Tanzania reported 12 new cholera cases on Monday. Kenya's 25 new cholera cases "
      "were confirmed by the health ministry on Monday.");
  const auto with_count = [&](int64_t count) {
    return std::count_if(events.begin(), events.end(),
                         [&](const Event& e) { return e.count == count; });
  };
  EXPECT_EQ(with_count(25), 1);
  EXPECT_EQ(with_count(7), 1);
  EXPECT_EQ(with_count(12), 1);
  EXPECT_EQ(events.size(), 3u);
}

TEST_F(ExtractorTest, PlacesFoundOverAWiderSpanServeTheSentencesRead) {
  // A pipeline finds a page's places once for the sentences of all its languages; a
  // reader given them reads its own sentences as it would have alone.
  const std::string text =
      "Peru reported 40 new dengue cases in Lima. Kenya confirmed 25 cholera cases in Nairobi.";
  const auto sentences = text::SplitSentences(text, 0, text.size());
  ASSERT_EQ(sentences.size(), 2u);
  const std::vector<gazetteer::PlaceMention> places =
      PlacesOfSentences(*gazetteer_, text, sentences[0].start, sentences[1].end);
  std::vector<std::string> named;
  for (const gazetteer::PlaceMention& m : places)
    named.push_back(text.substr(m.start, m.end - m.start));
  EXPECT_EQ(named, (std::vector<std::string>{"Peru", "Lima", "Kenya", "Nairobi"}));
  const EventExtractor extractor(*lexicon_, *gazetteer_);
  const std::vector<text::Sentence> first{sentences[0]};
  const auto alone = extractor.Extract(text, first, Date{2021, 3, 10});
  const auto given = extractor.Extract(text, first, Date{2021, 3, 10}, places);
  ASSERT_EQ(alone.size(), 1u);
  ASSERT_EQ(given.size(), 1u);
  EXPECT_EQ(given[0].count, 40);
  ASSERT_TRUE(given[0].place.has_value());
  EXPECT_EQ(given[0].place->name, alone[0].place->name);
  EXPECT_EQ(given[0].place->name, "Lima");
}

}  // namespace
}  // namespace epiwire::events
