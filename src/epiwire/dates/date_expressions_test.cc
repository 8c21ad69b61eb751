// SPDX-License-Identifier: MIT
#include "epiwire/dates/date_expressions.h"

#include <gtest/gtest.h>

#include <string>

namespace epiwire::dates {
namespace {

struct DateCase {
  std::string_view published;  // "" when unknown
  std::string_view text;
  std::string_view span;  // text[start, end) of the expected mention
  DateKind kind;
  std::string_view start;  // "" for an open start
  std::string_view end;    // "" for an open end
};

constexpr DateKind kDay = DateKind::kDay;
constexpr DateKind kRange = DateKind::kRange;
constexpr DateKind kSince = DateKind::kSince;
constexpr DateKind kUntil = DateKind::kUntil;

constexpr DateCase kCases[] = {
    // Weekdays, 2020-04-08 being a Wednesday.
    {"2020-04-08", "There were 954 new infections on Monday.", "on Monday", kDay, "2020-04-06",
     "2020-04-06"},
    {"2020-04-08", "Wednesday saw a record.", "Wednesday", kDay, "2020-04-08", "2020-04-08"},
    {"2020-04-08", "The ward reopened on Thursday.", "on Thursday", kDay, "2020-04-02",
     "2020-04-02"},
    {"2020-04-05", "A man died on Sunday.", "on Sunday", kDay, "2020-04-05", "2020-04-05"},
    {"2020-04-05", "A man died last Sunday.", "last Sunday", kDay, "2020-03-29", "2020-03-29"},
    {"2020-04-08", "It began last Monday.", "last Monday", kDay, "2020-04-06", "2020-04-06"},
    {"2020-04-08", "Monday, April 6 saw a record.", "Monday, April 6", kDay, "2020-04-06",
     "2020-04-06"},
    {"2021-01-01", "Markets shut on Tuesday.", "on Tuesday", kDay, "2020-12-29", "2020-12-29"},
    // Deictic days.
    {"2020-04-08", "The ministry reported 12 deaths yesterday.", "yesterday", kDay, "2020-04-07",
     "2020-04-07"},
    {"2020-04-08", "Figures released today show a rise.", "today", kDay, "2020-04-08",
     "2020-04-08"},
    {"2020-01-01", "Two cases were found yesterday.", "yesterday", kDay, "2019-12-31",
     "2019-12-31"},
    {"2020-03-01", "Two cases were found yesterday.", "yesterday", kDay, "2020-02-29",
     "2020-02-29"},
    {"2021-03-01", "Two cases were found yesterday.", "yesterday", kDay, "2021-02-28",
     "2021-02-28"},
    {"2020-03-01", "It rose by 40 on the previous day.", "on the previous day", kDay, "2020-02-29",
     "2020-02-29"},
    {"2020-04-08", "It peaked the day before yesterday.", "the day before yesterday", kDay,
     "2020-04-06", "2020-04-06"},
    {"2020-04-08", "Police said last night that 3 died.", "last night", kDay, "2020-04-07",
     "2020-04-07"},
    // Absolute days.
    {"2020-04-08", "The first case was found on April 2.", "on April 2", kDay, "2020-04-02",
     "2020-04-02"},
    {"2020-04-08", "Schools closed April 2 across the state.", "April 2", kDay, "2020-04-02",
     "2020-04-02"},
    {"2020-04-08", "Schools closed on 2 April.", "on 2 April", kDay, "2020-04-02", "2020-04-02"},
    {"2020-04-08", "The order took effect on April 2, 2019.", "on April 2, 2019", kDay,
     "2019-04-02", "2019-04-02"},
    {"", "The order took effect on 2 April 2019.", "on 2 April 2019", kDay, "2019-04-02",
     "2019-04-02"},
    {"", "The report dated 2020-04-02 lists them.", "2020-04-02", kDay, "2020-04-02", "2020-04-02"},
    {"2020-04-08", "It was confirmed on April 2nd.", "on April 2nd", kDay, "2020-04-02",
     "2020-04-02"},
    {"2020-04-08", "It was confirmed on Apr. 2 by the lab.", "on Apr. 2", kDay, "2020-04-02",
     "2020-04-02"},
    {"2020-10-01", "Flights resumed Sept 2.", "Sept 2", kDay, "2020-09-02", "2020-09-02"},
    {"2020-04-08", "The fair was held on 12th of March.", "on 12th of March", kDay, "2020-03-12",
     "2020-03-12"},
    {"2020-01-10", "The cluster was found on December 5.", "on December 5", kDay, "2019-12-05",
     "2019-12-05"},
    {"2021-01-02", "It was reported Dec. 30 by officials.", "Dec. 30", kDay, "2020-12-30",
     "2020-12-30"},
    {"2021-03-01", "The last case was on February 29.", "on February 29", kDay, "2020-02-29",
     "2020-02-29"},
    {"2020-04-08", "Curbs end on April 30, officials said.", "on April 30", kDay, "2020-04-30",
     "2020-04-30"},
    // Calendar units.
    {"2020-04-08", "Cases doubled this month.", "this month", kRange, "2020-04-01", "2020-04-08"},
    {"2020-04-08", "Cases doubled last month.", "last month", kRange, "2020-03-01", "2020-03-31"},
    {"2020-01-10", "Cases doubled last month.", "last month", kRange, "2019-12-01", "2019-12-31"},
    {"2021-03-15", "Cases doubled last month.", "last month", kRange, "2021-02-01", "2021-02-28"},
    {"2020-04-08", "Deaths rose this week.", "this week", kRange, "2020-04-06", "2020-04-08"},
    {"2020-03-01", "Deaths rose this week.", "this week", kRange, "2020-02-24", "2020-03-01"},
    {"2020-04-08", "Deaths rose last week.", "last week", kRange, "2020-03-30", "2020-04-05"},
    {"2021-01-04", "Deaths rose last week.", "last week", kRange, "2020-12-28", "2021-01-03"},
    {"2020-04-08", "It has spread this year.", "this year", kRange, "2020-01-01", "2020-04-08"},
    {"2020-04-08", "It spread last year.", "last year", kRange, "2019-01-01", "2019-12-31"},
    {"2020-04-08", "So far this year 80 died.", "So far this year", kRange, "2020-01-01",
     "2020-04-08"},
    {"2020-04-08", "It was found earlier this month.", "earlier this month", kRange, "2020-04-01",
     "2020-04-08"},
    {"2020-04-06", "Ten died over the weekend.", "over the weekend", kRange, "2020-04-04",
     "2020-04-05"},
    {"2020-04-08", "Ten died last weekend.", "last weekend", kRange, "2020-04-04", "2020-04-05"},
    // Months and parts of months.
    {"2020-04-08", "Cases rose in April.", "in April", kRange, "2020-04-01", "2020-04-08"},
    {"2020-03-10", "Cases rose in April.", "in April", kRange, "2019-04-01", "2019-04-30"},
    {"2020-03-10", "Shops reopen in April 2020.", "in April 2020", kRange, "2020-04-01",
     "2020-04-30"},
    {"", "Shops closed in March 2020.", "in March 2020", kRange, "2020-03-01", "2020-03-31"},
    {"2020-04-23", "It peaked in early April.", "in early April", kRange, "2020-04-01",
     "2020-04-10"},
    {"2020-04-30", "It peaked mid-April.", "mid-April", kRange, "2020-04-11", "2020-04-20"},
    {"2020-05-05", "It peaked in late April.", "in late April", kRange, "2020-04-21", "2020-04-30"},
    {"2020-03-05", "It began in late February.", "in late February", kRange, "2020-02-21",
     "2020-02-29"},
    {"2021-03-05", "It began in late February.", "in late February", kRange, "2021-02-21",
     "2021-02-28"},
    {"2020-04-08", "It grew at the end of March.", "at the end of March", kRange, "2020-03-21",
     "2020-03-31"},
    {"2020-04-08", "Protests ran since February last year.", "since February last year", kSince,
     "2019-02-01", "2020-04-08"},
    {"2021-01-05", "It was seen on March 3 last year.", "on March 3 last year", kDay, "2020-03-03",
     "2020-03-03"},
    {"2020-04-08", "The first case came three days ago.", "three days ago", kDay, "2020-04-05",
     "2020-04-05"},
    {"2020-04-08", "Flights were cut two months ago.", "two months ago", kRange, "2020-02-01",
     "2020-02-29"},
    {"2020-04-08", "No case was seen in 2019.", "in 2019", kRange, "2019-01-01", "2019-12-31"},
    {"2020-04-08", "Cases in 2020 are up.", "in 2020", kRange, "2020-01-01", "2020-04-08"},
    {"2020-04-10", "Tests ran April 1-8 in the city.", "April 1-8", kRange, "2020-04-01",
     "2020-04-08"},
    // Since, until, between, from.
    {"2020-04-23", "Cases have fallen since mid-April.", "since mid-April", kSince, "2020-04-11",
     "2020-04-23"},
    {"2020-04-23", "Cases have fallen since April 1.", "since April 1", kSince, "2020-04-01",
     "2020-04-23"},
    {"2020-04-08", "Cases have fallen since Monday.", "since Monday", kSince, "2020-04-06",
     "2020-04-08"},
    {"2020-04-08", "It has grown since last week.", "since last week", kSince, "2020-03-30",
     "2020-04-08"},
    {"2027-05-19", "Cases have been counted since 2030.", "since 2030", kSince, "2030-01-01", ""},
    {"2023-03-08", "Since the start of 2023, 659 cases were confirmed.", "Since the start of 2023",
     kSince, "2023-01-01", "2023-03-08"},
    // Epidemiological weeks: ISO weeks, of the year named or the latest begun.
    {"2023-03-08", "In week 9, 71 cases were reported.", "In week 9", kRange, "2023-02-27",
     "2023-03-05"},
    {"2023-03-08", "In epidemiological week 8 there were 40.", "In epidemiological week 8", kRange,
     "2023-02-20", "2023-02-26"},
    {"2023-03-08", "Cases rose during week 52 of 2022.", "during week 52 of 2022", kRange,
     "2022-12-26", "2023-01-01"},
    {"2023-03-08", "Cases rose in week 30.", "in week 30", kRange, "2022-07-25", "2022-07-31"},
    {"2023-03-08", "In all of 2022, 20 cases were recorded.", "In all of 2022", kRange,
     "2022-01-01", "2022-12-31"},
    {"2020-04-10", "Cases between April 1 and April 8 rose.", "between April 1 and April 8", kRange,
     "2020-04-01", "2020-04-08"},
    // A bare day, then a day of the month both are in; two days joined without "from".
    {"2023-03-08", "From 19 to 25 February, 3,120 cases were notified.", "From 19 to 25 February",
     kRange, "2023-02-19", "2023-02-25"},
    {"2023-03-08", "Cases rose between 19 and 25 February.", "between 19 and 25 February", kRange,
     "2023-02-19", "2023-02-25"},
    {"2023-03-08", "In week 9 (27 February to 5 March), 642 cases.", "27 February to 5 March",
     kRange, "2023-02-27", "2023-03-05"},
    {"2020-04-10", "Tests ran from April 1 to 8.", "from April 1 to 8", kRange, "2020-04-01",
     "2020-04-08"},
    {"2021-06-15", "Uruguay reported the cases in the first week of June.",
     "in the first week of June", kRange, "2021-06-01", "2021-06-07"},
    {"2021-07-15", "Cases rose in the last week of June.", "in the last week of June", kRange,
     "2021-06-24", "2021-06-30"},
    {"2021-03-10", "Yemen counted 3,400 in the first two months of 2021.",
     "in the first two months of 2021", kRange, "2021-01-01", "2021-02-28"},
    {"2021-03-10", "Haiti counted 200 in the first month of 2021.", "in the first month of 2021",
     kRange, "2021-01-01", "2021-01-31"},
    {"2020-08-01", "Brazil counted a million in the first half of 2020.",
     "in the first half of 2020", kRange, "2020-01-01", "2020-06-30"},
    {"2020-11-20", "Cases fell in the third quarter of the year.",
     "in the third quarter of the year", kRange, "2020-07-01", "2020-09-30"},
    {"2021-02-09", "In the week to Sunday, Germany recorded 56,020 new infections.",
     "In the week to Sunday", kRange, "2021-02-01", "2021-02-07"},
    // A week named by its first day, or by its days; as many days up to a day.
    {"2024-03-20", "In the week of March 3, the county recorded 45 cases.",
     "In the week of March 3", kRange, "2024-03-03", "2024-03-09"},
    {"2024-03-20", "In the week of March 3 to 9, 45 cases.", "In the week of March 3 to 9", kRange,
     "2024-03-03", "2024-03-09"},
    {"2023-10-12", "In the seven days to 8 October, 120 cases.", "In the seven days to 8 October",
     kRange, "2023-10-02", "2023-10-08"},
    {"2021-06-25", "The province counted 1,234 cases in the two weeks up to June 23.",
     "in the two weeks up to June 23", kRange, "2021-06-10", "2021-06-23"},
    {"2021-06-25", "Quebec recorded 300 cases in the fortnight ended June 20.",
     "in the fortnight ended June 20", kRange, "2021-06-07", "2021-06-20"},
    // Epidemiological weeks by number words and ordinals.
    {"2024-03-20", "In week six of 2024, 230 cases.", "In week six of 2024", kRange, "2024-02-05",
     "2024-02-11"},
    {"2024-03-20", "During the sixth epidemiological week, 54 cases.",
     "During the sixth epidemiological week", kRange, "2024-02-05", "2024-02-11"},
    // A window back from a day of publication that is unknown: its days are unknown too.
    {"", "Cases rose in the past 24 hours.", "in the past 24 hours", kRange, "", ""},
    // The first month takes the year the second names.
    {"2021-03-10", "Cases rose between January and June 2020.", "between January and June 2020",
     kRange, "2020-01-01", "2020-06-30"},
    {"2020-04-08", "Tests ran from March 30 to April 5.", "from March 30 to April 5", kRange,
     "2020-03-30", "2020-04-05"},
    {"2020-04-08", "There were 90 cases as of April 2.", "as of April 2", kUntil, "", "2020-04-02"},
    {"2020-04-08", "There were 90 cases as of Monday.", "as of Monday", kUntil, "", "2020-04-06"},
    {"2020-04-08", "Data as of 2020-04-02 show it.", "as of 2020-04-02", kUntil, "", "2020-04-02"},
    {"2020-04-08", "All had recovered by Friday.", "by Friday", kUntil, "", "2020-04-03"},
    {"2020-04-30", "All will reopen by the end of April.", "by the end of April", kUntil, "",
     "2020-04-30"},
    // Rolling windows.
    {"2020-04-23", "It spread over the past twelve days.", "over the past twelve days", kRange,
     "2020-04-11", "2020-04-23"},
    // Hours back from a report of the day: the whole days before it.
    {"2020-04-23", "Nine died in the past 24 hours.", "in the past 24 hours", kRange, "2020-04-22",
     "2020-04-22"},
    {"2020-04-08", "Nine died in the past 48 hours.", "in the past 48 hours", kRange, "2020-04-06",
     "2020-04-07"},
    // ("1,262 deaths in 24 hours", "over 48 hours": a report's window of whole days.)
    {"2020-04-23", "Nine died in 24 hours.", "in 24 hours", kRange, "2020-04-22", "2020-04-22"},
    {"2020-04-08", "Nine died over 48 hours.", "over 48 hours", kRange, "2020-04-06", "2020-04-07"},
    // ("the 24 hours to 8am": the same window, told by when it ended.)
    {"2020-04-23", "Nine died in the 24 hours to 8am.", "in the 24 hours", kRange, "2020-04-22",
     "2020-04-22"},
    {"2020-03-05", "Cases rose during the last 14 days.", "during the last 14 days", kRange,
     "2020-02-20", "2020-03-05"},
    {"2020-04-08", "It fell in the past two weeks.", "in the past two weeks", kRange, "2020-03-25",
     "2020-04-08"},
    {"2020-03-31", "It fell over the past month.", "over the past month", kRange, "2020-02-29",
     "2020-03-31"},
    {"2020-05-31", "It fell in the past three months.", "in the past three months", kRange,
     "2020-02-29", "2020-05-31"},
    {"2019-01-03", "Six died over the past 7 days.", "over the past 7 days", kRange, "2018-12-27",
     "2019-01-03"},
    {"2020-04-08", "Six died in the last week.", "in the last week", kRange, "2020-04-01",
     "2020-04-08"},
    {"2020-04-08", "Six died in the last twenty-one days.", "in the last twenty-one days", kRange,
     "2020-03-18", "2020-04-08"},
};

std::string Show(const std::optional<Date>& date) { return date ? date->ToIso() : ""; }

std::string Describe(std::string_view text, const std::vector<DateMention>& found) {
  std::string out;
  for (const DateMention& m : found) {
    out += "[" + std::string(text.substr(m.start, m.end - m.start)) + "] kind " +
           std::to_string(static_cast<int>(m.kind)) + " " + Show(m.period.start) + ".." +
           Show(m.period.end) + "; ";
  }
  return out;
}

std::optional<Date> Parse(std::string_view iso) {
  if (iso.empty()) return std::nullopt;
  return Date::ParseIso(iso);
}

TEST(FindDates, ResolvesEachExpressionAgainstThePublicationDate) {
  for (const DateCase& c : kCases) {
    const std::vector<DateMention> found = FindDates(c.text, Parse(c.published));
    const DateMention* hit = nullptr;
    for (const DateMention& m : found) {
      if (c.text.substr(m.start, m.end - m.start) == c.span) hit = &m;
    }
    if (hit == nullptr) {
      ADD_FAILURE() << c.published << ": " << c.text << " -> " << Describe(c.text, found);
      continue;
    }
    EXPECT_EQ(hit->kind, c.kind) << c.text << " -> " << Describe(c.text, found);
    EXPECT_EQ(Show(hit->period.start), c.start) << c.published << ": " << c.text;
    EXPECT_EQ(Show(hit->period.end), c.end) << c.published << ": " << c.text;
  }
}

TEST(FindDates, ReadsTheSameFromTokensCutBeforehand) {
  for (const DateCase& c : kCases) {
    std::vector<word_scan::Token> tokens;
    word_scan::Tokenize(c.text, tokens);
    EXPECT_EQ(Describe(c.text, FindDates(c.text, Parse(c.published), tokens)),
              Describe(c.text, FindDates(c.text, Parse(c.published))))
        << c.text;
  }
}

struct AbsentCase {
  std::string_view published;
  std::string_view text;
};

constexpr AbsentCase kAbsent[] = {
    {"2020-04-08", "Cases rose since the beginning of the pandemic."},
    {"2020-04-08", "He said 2020 was a hard time for 300 firms."},
    {"2020-04-08", "COVID-19 cases rose to 6,343."},
    {"2020-04-08", "March of the penguins is a film."},
    {"2020-04-08", "Officials may 2 or 3 times ask."},
    {"2020-04-08", "The briefing at 10:30 was short."},
    {"2020-04-08", "Officials met in Paris."},
    {"", "There were 954 new infections on Monday."},
    {"", "Cases doubled this month and last week."},
    {"", "Cases rose in April."},
    {"2020-04-08", "It spread over the past few days."},
    {"2020-04-08", "They march every Friday in the capital."},
    // (A limit or a wait, not a report's window: "within 24 hours", "in 12 hours".)
    {"2020-04-08", "Cases must be notified within 24 hours."},
    {"2020-04-08", "Results come back in 12 hours."},
};

TEST(FindDates, LeavesNonDatesAndUnresolvableExpressionsOut) {
  for (const AbsentCase& c : kAbsent) {
    const std::vector<DateMention> found = FindDates(c.text, Parse(c.published));
    EXPECT_TRUE(found.empty()) << c.published << ": " << c.text << " -> "
                               << Describe(c.text, found);
  }
}

TEST(FindDates, FindsSeveralMentionsInOrder) {
  const std::string_view text =
      "Between March 1 and March 5 there were 40 cases; since then, and on Monday, more.";
  const std::vector<DateMention> found = FindDates(text, Date{2020, 4, 8});
  ASSERT_EQ(found.size(), 2u) << Describe(text, found);
  EXPECT_EQ(found[0].kind, DateKind::kRange);
  EXPECT_EQ(found[1].kind, DateKind::kDay);
  EXPECT_LE(found[0].end, found[1].start);
}

TEST(FindDates, SurvivesAwkwardInput) {
  const std::string_view inputs[] = {"",           "April",    "on",
                                     "since",      "the past", "2020-",
                                     "2020-13-45", "April 31", "between April 1 and",
                                     "from",       "\xE2\x80", "31"};
  for (std::string_view input : inputs) {
    for (const DateMention& m : FindDates(input, Date{2020, 4, 8})) {
      EXPECT_LE(m.start, m.end);
      EXPECT_LE(m.end, input.size());
    }
  }
  EXPECT_TRUE(FindDates("It happened on 2020-13-45.", Date{2020, 4, 8}).empty());
  EXPECT_TRUE(FindDates("It happened on April 31.", Date{2020, 5, 8}).empty());
}

struct PublishedCase {
  std::string_view text;
  std::string_view expected;  // "" for none
};

TEST(InferPublishedDate, ReadsLabelledOrStandaloneDatesNearTheTop) {
  const PublishedCase cases[] = {
      {"Published: April 8, 2020\nThe ministry said...", "2020-04-08"},
      {"World news\nUpdated 08 Apr 2020\nThe ministry said...", "2020-04-08"},
      {"Health\n2020-04-08 10:31\nThe ministry said...", "2020-04-08"},
      {"April 8, 2020 11:00 AM\nThe ministry said...", "2020-04-08"},
      {"Wed 8 Apr 2020 10.31 BST\nThe ministry said...", "2020-04-08"},
      {"By Jane Roe | March 3, 2021\nThe ministry said...", "2021-03-03"},
      {"Last updated on 29 February 2020 at 09:00 GMT", "2020-02-29"},
      {"The outbreak began on April 8, 2020, officials said.", ""},
      {"Published: April 8\nThe ministry said...", ""},
      {"", ""},
      {"No dates here at all.\nNor here.", ""},
      // A long line is read when a label is on it, in any case...
      {"UPDATED by the regional health desk of the Example Gazette, which has covered the "
       "valley since its founding, on April 8, 2020\nThe ministry said...", "2020-04-08"},
      // ...and not when none is: a date in a paragraph is no publication date.
      {"Officials in the valley confirmed on Wednesday 8 April 2020 that the clinic in the "
       "northern district would stay closed\nThe ministry said...", ""},
  };
  for (const PublishedCase& c : cases) {
    const std::optional<Date> date = InferPublishedDate(c.text);
    EXPECT_EQ(Show(date), c.expected) << c.text;
  }
  const std::string far = std::string(2100, 'x') + "\nPublished: April 8, 2020\n";
  EXPECT_FALSE(InferPublishedDate(far).has_value());
}

}  // namespace
}  // namespace epiwire::dates
