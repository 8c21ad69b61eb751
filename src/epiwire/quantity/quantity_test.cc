// SPDX-License-Identifier: MIT
#include "epiwire/quantity/quantity.h"

#include <gtest/gtest.h>

#include <string>

#include "testing/describe_quantities.h"

namespace epiwire::quantity {
namespace {

enum Flag : unsigned { kNone = 0, kShare = 1, kYear = 2, kOrdinal = 4, kWord = 8, kDecimal = 16 };

struct FoundCase {
  std::string_view text;
  std::string_view span;  // text[start, end): hedge and number
  int64_t value;
  Qualifier qualifier;
  unsigned flags;
};

constexpr Qualifier kExact = Qualifier::kExact;
constexpr Qualifier kAbout = Qualifier::kApproximate;
constexpr Qualifier kAtLeast = Qualifier::kAtLeast;
constexpr Qualifier kAtMost = Qualifier::kAtMost;

constexpr FoundCase kFound[] = {
    // Digits and separators.
    {"The ministry said this brings the total to 6,343 cases.", "6,343", 6343, kExact, kNone},
    {"Officials counted 1,234,567 doses given.", "1,234,567", 1234567, kExact, kNone},
    {"There were 954 new infections on Monday.", "954", 954, kExact, kNone},
    {"A further 12 patients were discharged.", "12", 12, kExact, kNone},
    {"We tested 0 people.", "0", 0, kExact, kNone},
    {"It reported 12345 tests in all.", "12345", 12345, kExact, kNone},
    {"The figure rose to 6.343 per 100,000.", "6.343", 6, kExact, kDecimal},
    {"A rate of 2.5 was reported.", "2.5", 3, kExact, kDecimal},
    {"The toll stood at 17, officials said.", "17", 17, kExact, kNone},
    {"Cases: 42.", "42", 42, kExact, kNone},
    {"They found 1,000 more (up from 800).", "1,000", 1000, kExact, kNone},
    // Thousands grouped by a space, as South African news writes them; not a number glued
    // to a word before, nor a day after its month.
    {"The province recorded 6 291 new cases.", "6 291", 6291, kExact, kNone},
    {"The total rose to 1 245 678 on Friday.", "1 245 678", 1245678, kExact, kNone},
    {"Of COVID-19 123 cases were counted.", "123", 123, kExact, kNone},
    {"On March 3 291 people queued.", "291", 291, kExact, kNone},
    // Scales.
    {"Some 1.2 million people were vaccinated.", "Some 1.2 million", 1200000, kAbout, kNone},
    {"The fund holds 3.5 billion dollars.", "3.5 billion", 3500000000, kExact, kNone},
    {"About 2 thousand workers stayed home.", "About 2 thousand", 2000, kAbout, kNone},
    {"Cases passed the 10-million mark.", "10-million", 10000000, kExact, kNone},
    {"Infections crossed 22 lakh on Monday.", "22 lakh", 2200000, kExact, kNone},
    {"The tally rose to 4,56,183 on Monday.", "4,56,183", 456183, kExact, kNone},
    {"Infections reached seven lakh 93 thousand 802 by Friday.", "seven lakh 93 thousand 802",
     793802, kExact, kWord},
    {"The city counted 2 million 300 thousand residents.", "2 million 300 thousand", 2300000,
     kExact, kNone},
    {"Active cases stood at 12,34,567 nationwide.", "12,34,567", 1234567, kExact, kNone},
    {"The bill came to 3 crore rupees.", "3 crore", 30000000, kExact, kNone},
    {"The app reached 10k users.", "10k", 10000, kExact, kNone},
    {"Sales hit $1.2bn last year.", "1.2bn", 1200000000, kExact, kNone},
    {"The region has 4.7m residents.", "4.7m", 4700000, kExact, kNone},
    {"The bill came to US$1.2bn in all.", "1.2bn", 1200000000, kExact, kNone},
    // Spelled numbers.
    {"Two cases were confirmed in the city.", "Two", 2, kExact, kWord},
    {"The clinic treated twenty-one patients.", "twenty-one", 21, kExact, kWord},
    {"Ninety nine people were isolated.", "Ninety nine", 99, kExact, kWord},
    {"Doctors saw a hundred patients.", "a hundred", 100, kExact, kWord},
    {"Two hundred and fifty students were sent home.", "Two hundred and fifty", 250, kExact, kWord},
    {"A dozen nurses fell ill.", "A dozen", 12, kExact, kWord},
    {"Two dozen crew members tested positive.", "Two dozen", 24, kExact, kWord},
    {"It took three thousand five hundred tests.", "three thousand five hundred", 3500, kExact,
     kWord},
    {"Half a million masks were ordered.", "Half a million", 500000, kExact, kWord},
    {"Fifteen hundred beds were added.", "Fifteen hundred", 1500, kExact, kWord},
    {"Eleven more deaths were recorded.", "Eleven", 11, kExact, kWord},
    {"One of the patients died.", "One", 1, kExact, kWord},
    {"Only one remains in hospital.", "one", 1, kExact, kWord},
    {"Zero new cases were reported today.", "Zero", 0, kExact, kWord},
    {"Sixty percent of staff were absent.", "Sixty percent", 60, kExact, kShare | kWord},
    // Hedges.
    {"There were nearly 50 deaths.", "nearly 50", 50, kAbout, kNone},
    {"Officials confirmed more than 20 infections.", "more than 20", 20, kAtLeast, kNone},
    {"Up to 12 people shared the room.", "Up to 12", 12, kAtMost, kNone},
    {"Around 300 passengers were screened.", "Around 300", 300, kAbout, kNone},
    {"Roughly 40 tourists left.", "Roughly 40", 40, kAbout, kNone},
    {"Almost 900 cases were reported.", "Almost 900", 900, kAbout, kNone},
    {"Approximately 75 beds were free.", "Approximately 75", 75, kAbout, kNone},
    {"Close to 1,500 people queued.", "Close to 1,500", 1500, kAbout, kNone},
    {"An estimated 3,000 were infected.", "An estimated 3,000", 3000, kAbout, kNone},
    {"At least 14 people died.", "At least 14", 14, kAtLeast, kNone},
    {"Over 200 flights were cancelled.", "Over 200", 200, kAtLeast, kNone},
    {"Upwards of 80 workers were tested.", "Upwards of 80", 80, kAtLeast, kNone},
    {"Losses in excess of 5 million were feared.", "in excess of 5 million", 5000000, kAtLeast,
     kNone},
    {"Numbers exceeding 400 were seen.", "exceeding 400", 400, kAtLeast, kNone},
    {"Fewer than 10 new cases were found.", "Fewer than 10", 10, kAtMost, kNone},
    {"Less than 5 people attended.", "Less than 5", 5, kAtMost, kNone},
    {"Children under 5 were spared.", "under 5", 5, kAtMost, kNone},
    {"No more than 30 guests may attend.", "No more than 30", 30, kAtMost, kNone},
    {"As many as 60 sailors may be infected.", "As many as 60", 60, kAtMost, kNone},
    {"At most 25 seats are left.", "At most 25", 25, kAtMost, kNone},
    {"More than a dozen schools shut.", "More than a dozen", 12, kAtLeast, kWord},
    {"Nearly two hundred people gathered.", "Nearly two hundred", 200, kAbout, kWord},
    {"No fewer than 9 towns were sealed.", "No fewer than 9", 9, kAtLeast, kNone},
    // Ranges.
    {"Symptoms appear after 3-5 days.", "3-5", 5, kAtMost, kNone},
    {"Between 1,000-2,000 were expected.", "1,000-2,000", 2000, kAtMost, kNone},
    {"Some 3-5 million could be infected.", "Some 3-5 million", 5000000, kAbout, kNone},
    // Shares.
    {"One-third of the staff were infected.", "One-third", 33, kExact, kShare | kWord},
    {"About a third of tests were positive.", "About a third", 33, kAbout, kShare | kWord},
    {"Half of the residents stayed home.", "Half", 50, kExact, kShare | kWord},
    {"Two-thirds of beds are taken.", "Two-thirds", 67, kExact, kShare | kWord},
    {"Three quarters of the crew were ill.", "Three quarters", 75, kExact, kShare | kWord},
    {"Some 40% of the cases were imported.", "Some 40%", 40, kAbout, kShare},
    {"Positivity was 40 percent.", "40 percent", 40, kExact, kShare},
    {"Positivity was 40 per cent.", "40 per cent", 40, kExact, kShare},
    {"The rate fell to 2.5% overall.", "2.5%", 3, kExact, kShare | kDecimal},
    {"Positivity rose 40 % in a week.", "40 %", 40, kExact, kShare},
    // Years and ordinals.
    {"The virus was first seen in 2019.", "2019", 2019, kExact, kYear},
    {"The 1918 pandemic killed millions.", "1918", 1918, kExact, kYear},
    {"It was the first case in the state.", "first", 1, kExact, kOrdinal | kWord},
    {"This is the second wave.", "second", 2, kExact, kOrdinal | kWord},
    {"He was the 3rd patient.", "3rd", 3, kExact, kOrdinal},
    {"The 21st death was confirmed.", "21st", 21, kExact, kOrdinal},
    {"It marks the twenty-first day.", "twenty-first", 21, kExact, kOrdinal | kWord},
    {"A third patient died.", "third", 3, kExact, kOrdinal | kWord},
    // Numbers next to things that are not numbers.
    {"COVID-19 infected 45 more people.", "45", 45, kExact, kNone},
    {"Of those, 8 had the H5N1 strain.", "8", 8, kExact, kNone},
    {"At 10:30 officials said 7 had died.", "7", 7, kExact, kNone},
    {"On April 2, 2020 the count was 310.", "310", 310, kExact, kNone},
    {"In March 300 people died.", "300", 300, kExact, kNone},
    {"A 19-year-old man died.", "19", 19, kExact, kNone},
    {"Cases rose to 5,000 by Monday.", "5,000", 5000, kExact, kNone},
};

bool HasFlags(const Quantity& q, unsigned flags) {
  return q.is_share == ((flags & kShare) != 0) && q.is_year == ((flags & kYear) != 0) &&
         q.is_ordinal == ((flags & kOrdinal) != 0) && q.is_word == ((flags & kWord) != 0) &&
         q.is_decimal == ((flags & kDecimal) != 0);
}

std::string Describe(std::string_view text, const std::vector<Quantity>& found) {
  return testing_cases::DescribeQuantities(text, found);
}

TEST(FindQuantities, ReadsEachNumberWithItsHedgeAndKind) {
  for (const FoundCase& c : kFound) {
    const std::vector<Quantity> found = FindQuantities(c.text);
    const Quantity* hit = nullptr;
    for (const Quantity& q : found) {
      if (c.text.substr(q.start, q.end - q.start) == c.span) hit = &q;
    }
    if (hit == nullptr) {
      ADD_FAILURE() << c.text << " -> " << Describe(c.text, found);
      continue;
    }
    EXPECT_EQ(hit->value, c.value) << c.text;
    EXPECT_EQ(hit->qualifier, c.qualifier) << c.text << " -> " << Describe(c.text, found);
    EXPECT_TRUE(HasFlags(*hit, c.flags)) << c.text << " -> " << Describe(c.text, found);
    EXPECT_EQ(
        c.text.substr(hit->number_start, hit->end - hit->number_start).size() <= c.span.size(),
        true);
  }
}

struct AbsentCase {
  std::string_view text;
  std::string_view part;  // no quantity may overlap the first occurrence of this
};

constexpr AbsentCase kAbsent[] = {
    {"COVID-19 spread quickly.", "19"},
    {"The H5N1 strain is back.", "H5N1"},
    {"An H1N1 outbreak hit the farm.", "H1N1"},
    {"SARS-CoV-2 is the cause.", "SARS-CoV-2"},
    {"The G7 leaders met.", "G7"},
    {"An F-16 flew over.", "F-16"},
    {"He played an MP3 file.", "MP3"},
    {"The A380 was grounded.", "A380"},
    {"The briefing began at 10:30 sharp.", "10:30"},
    {"The measures start on April 2 nationwide.", "April 2"},
    {"The measures start on 2 April nationwide.", "2 April"},
    {"The update of 2020-04-08 lists them.", "2020-04-08"},
    {"The form dated 04/08/2020 lists them.", "04/08/2020"},
    {"It happened on April 2, 2020 at night.", "April 2, 2020"},
    {"It happened on 2 April 2020 at night.", "2 April 2020"},
    {"It happened on April 2nd.", "2nd"},
    {"It happened on Apr. 2 in the port.", "2"},
    {"Shops shut from May 3 to 17 in the town.", "17"},
    {"It happened in March 2020.", "2020"},
    {"Nobody came; no one was tested.", "one"},
    {"Anyone can be tested; someone was.", "one"},
    {"Dozens of people were tested.", "Dozens"},
    {"Hundreds of flights were cancelled.", "Hundreds"},
    {"Tens of thousands fled.", "thousands"},
    {"A couple of towns closed.", "couple"},
    {"The second half of the game.", "half"},
    {"The first quarter was weak.", "quarter"},
    {"The 2019-nCoV virus spread.", "2019"},
    {"The clinic opens at 9am daily.", "9am"},
    {"The clinic opens at 9 a.m. daily.", "9"},
    {"Music from the 1990s played.", "1990s"},
    {"The lab ran a 4G link.", "4G"},
    {"Version 1.2.3 is out.", "1.2.3"},
    {"The team won 3-1 at home.", "3-1"},
    {"Call 555-123-4567 for help.", "555"},
};

TEST(FindQuantities, ReadsTheSameFromTokensCutBeforehand) {
  for (const FoundCase& c : kFound) {
    std::vector<word_scan::Token> tokens;
    word_scan::Tokenize(c.text, tokens);
    EXPECT_EQ(Describe(c.text, FindQuantities(c.text, tokens)),
              Describe(c.text, FindQuantities(c.text)))
        << c.text;
  }
}

TEST(FindQuantities, LeavesIdentifiersDatesAndTimesAlone) {
  for (const AbsentCase& c : kAbsent) {
    const size_t from = c.text.find(c.part);
    ASSERT_NE(from, std::string_view::npos) << c.text;
    const size_t to = from + c.part.size();
    const std::vector<Quantity> found = FindQuantities(c.text);
    for (const Quantity& q : found) {
      EXPECT_TRUE(q.end <= from || q.start >= to) << c.text << " -> " << Describe(c.text, found);
    }
  }
}

TEST(FindQuantities, TextWithoutNumbersGivesNothing) {
  EXPECT_TRUE(FindQuantities("").empty());
  EXPECT_TRUE(FindQuantities("The ministry urged people to stay at home.").empty());
  EXPECT_TRUE(FindQuantities("Anyone with symptoms should call a doctor.").empty());
}

TEST(FindQuantities, FindsSeveralInOrderWithoutOverlap) {
  const std::string_view text =
      "Of the 1,200 tested, more than 300 were positive and two died; about 40% were imported.";
  const std::vector<Quantity> found = FindQuantities(text);
  ASSERT_EQ(found.size(), 4u) << Describe(text, found);
  EXPECT_EQ(found[0].value, 1200);
  EXPECT_EQ(found[1].value, 300);
  EXPECT_EQ(found[1].qualifier, Qualifier::kAtLeast);
  EXPECT_EQ(found[2].value, 2);
  EXPECT_EQ(found[3].value, 40);
  EXPECT_TRUE(found[3].is_share);
  for (size_t k = 1; k < found.size(); ++k) EXPECT_LE(found[k - 1].end, found[k].start);
}

TEST(FindQuantities, OffsetsPointAtHedgeAndNumber) {
  const std::string_view text = "So far, nearly 50 deaths.";
  const std::vector<Quantity> found = FindQuantities(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(text.substr(found[0].start, found[0].end - found[0].start), "nearly 50");
  EXPECT_EQ(text.substr(found[0].number_start, found[0].end - found[0].number_start), "50");
}

TEST(FindQuantities, NoBreakSpaceAndEnDashAreUnderstood) {
  const std::string_view text =
      "Some\xC2\xA0"
      "40 to 3\xE2\x80\x93"
      "5 cases.";
  const std::vector<Quantity> found = FindQuantities(text);
  ASSERT_EQ(found.size(), 2u) << Describe(text, found);
  EXPECT_EQ(found[0].value, 40);
  EXPECT_EQ(found[0].qualifier, Qualifier::kApproximate);
  EXPECT_EQ(found[1].value, 5);
  EXPECT_EQ(found[1].qualifier, Qualifier::kAtMost);
}

TEST(FindQuantities, SurvivesAwkwardInput) {
  const std::string_view inputs[] = {"-",      "1,",           "1.",      ",000",
                                     "a",      "half",         "twenty-", "99999999999999999999999",
                                     "1.2.",   "\xE2\x80",     "3-",      "-3",
                                     "1,000,", "a hundred and"};
  for (std::string_view input : inputs) {
    const std::vector<Quantity> found = FindQuantities(input);
    for (const Quantity& q : found) {
      EXPECT_LE(q.start, q.number_start);
      EXPECT_LT(q.number_start, q.end);
      EXPECT_LE(q.end, input.size());
    }
  }
}

struct ParseCase {
  std::string_view text;
  std::optional<int64_t> value;
};

TEST(ParseNumber, ReadsWholeStringsOnly) {
  const ParseCase cases[] = {
      {"6,343", 6343},
      {"two", 2},
      {"1.2 million", 1200000},
      {"twenty-one", 21},
      {"a dozen", 12},
      {"  17 ", 17},
      {"Two hundred", 200},
      {"10k", 10000},
      {"COVID-19", std::nullopt},
      {"6 cases", std::nullopt},
      {"", std::nullopt},
      {"dozens", std::nullopt},
      {"one thousand and five", 1005},
  };
  for (const ParseCase& c : cases) EXPECT_EQ(ParseNumber(c.text), c.value) << c.text;
}

}  // namespace
}  // namespace epiwire::quantity
