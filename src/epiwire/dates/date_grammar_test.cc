// SPDX-License-Identifier: MIT
// Dates as Chinese, Russian, French and Spanish write them, read with the grammars in
// data/lexicon/<lang>/dates.tsv. The sentences are in tests/golden/dates/<lang>.tsv
// (source files stay ASCII); each row is one named test case:
//   find  label  published  text  span  kind  start  end   ("-": unknown / open)
//   none  label  published  text                           (no date at all)
#include "epiwire/dates/date_grammar.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "epiwire/dates/date_expressions.h"
#include "testing/language_cases.h"

namespace epiwire::dates {
namespace {

using testing_cases::CaseLanguages;
using testing_cases::GrammarFor;
using testing_cases::LanguageCase;

std::string Show(const std::optional<Date>& date) { return date ? date->ToIso() : "-"; }

const char* KindName(DateKind kind) {
  switch (kind) {
    case DateKind::kDay:
      return "day";
    case DateKind::kRange:
      return "range";
    case DateKind::kSince:
      return "since";
    case DateKind::kUntil:
      return "until";
  }
  return "?";
}

std::string Describe(std::string_view text, const std::vector<DateMention>& found) {
  std::string out;
  for (const DateMention& m : found) {
    out += '[';
    out += text.substr(m.start, m.end - m.start);
    out += "] ";
    out += KindName(m.kind);
    out += " " + Show(m.period.start) + ".." + Show(m.period.end) + "; ";
  }
  return out;
}

std::optional<Date> Published(const std::string& iso) {
  return iso == "-" ? std::nullopt : Date::ParseIso(iso);
}

class DatesByLanguage : public testing::TestWithParam<LanguageCase> {};

TEST_P(DatesByLanguage, ResolvesAgainstThePublicationDate) {
  const LanguageCase& c = GetParam();
  ASSERT_NE(c.kind, "broken") << c.fields[0];
  const DateGrammar* grammar = GrammarFor<DateGrammar>(c.language);
  ASSERT_NE(grammar, nullptr) << "no grammar for " << c.language;
  const std::string& text = c.fields[1];
  SCOPED_TRACE(c.language + ".tsv:" + std::to_string(c.line) + ": " + c.fields[0] + " " + text);
  const std::vector<DateMention> found = FindDates(text, Published(c.fields[0]), grammar);
  // A caller that keeps the cut (from reading the sentence's numbers) reads the same.
  script_scan::Tokens cut;
  script_scan::Tokenize(text, cut);
  EXPECT_EQ(Describe(text, FindDates(text, Published(c.fields[0]), *grammar, cut)),
            Describe(text, found));
  if (c.kind == "none") {
    EXPECT_TRUE(found.empty()) << Describe(text, found);
    return;
  }
  ASSERT_EQ(c.kind, "find");
  ASSERT_EQ(c.fields.size(), 6u);
  const DateMention* hit = nullptr;
  for (const DateMention& m : found) {
    if (text.substr(m.start, m.end - m.start) == c.fields[2]) hit = &m;
  }
  ASSERT_NE(hit, nullptr) << Describe(text, found);
  EXPECT_EQ(KindName(hit->kind), c.fields[3]) << Describe(text, found);
  EXPECT_EQ(Show(hit->period.start), c.fields[4]) << Describe(text, found);
  EXPECT_EQ(Show(hit->period.end), c.fields[5]) << Describe(text, found);
}

INSTANTIATE_TEST_SUITE_P(Languages, DatesByLanguage,
                         testing::ValuesIn(testing_cases::LoadLanguageCases("dates", 2)),
                         testing_cases::LanguageCaseName);

TEST(DateGrammar, MissingFileIsNotFoundSoCallersFallBackToEnglish) {
  const std::string dir = std::string(EPIWIRE_SOURCE_DIR) + "/data/lexicon/no_such_language";
  EXPECT_FALSE(DateGrammar::Exists(dir));
  const auto grammar = DateGrammar::Load(dir);
  ASSERT_FALSE(grammar.ok());
  EXPECT_EQ(grammar.status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(DateGrammar::Exists(std::string(EPIWIRE_SOURCE_DIR) + "/data/lexicon/es"));
}

TEST(DateGrammar, BadRowsAreReportedWithFileAndLine) {
  const std::pair<const char*, const char*> rows[] = {
      {"month\tjanvier\t13\n", "dates.tsv:1: month 'janvier': value out of range"},
      {"# comment\nweekday\tlundi\n", "dates.tsv:2: weekday 'lundi' needs a number"},
      {"calendar\tcette semaine\tfortnight\t0\n",
       "dates.tsv:1: calendar 'cette semaine' needs a unit"},
      {"window\tces jours\tday\n", "dates.tsv:1: window 'ces jours' needs a '#' or a count"},
      {"month_part\tfin\t21\n", "dates.tsv:1: month_part 'fin' needs a first and a last day"},
      {"year_part\tpremier semestre\t1\t0\n",
       "dates.tsv:1: year_part 'premier semestre' needs a first and a last month"},
      {"year_part\tquatrième trimestre\t10\t13\n",
       "dates.tsv:1: year_part 'quatrième trimestre' needs a first and a last month"},
      {"season\tprintemps\n", "dates.tsv:1: unknown role 'season'"},
  };
  for (const auto& [content, message] : rows) {
    const std::string error = testing_cases::LoadError<DateGrammar>("dates.tsv", content);
    EXPECT_NE(error.find(message), std::string::npos) << content << " -> " << error;
  }
}

TEST(DateGrammar, NullGrammarIsTheEnglishReading) {
  const std::string_view text = "Cases rose since April 1 and fell on Monday.";
  const Date published{2020, 4, 8};
  const std::vector<DateMention> english = FindDates(text, published);
  const std::vector<DateMention> same = FindDates(text, published, nullptr);
  ASSERT_EQ(english.size(), 2u);
  ASSERT_EQ(same.size(), english.size());
  for (size_t k = 0; k < english.size(); ++k) {
    EXPECT_EQ(english[k].start, same[k].start);
    EXPECT_EQ(english[k].end, same[k].end);
    EXPECT_EQ(english[k].kind, same[k].kind);
    EXPECT_EQ(english[k].period, same[k].period);
  }
}

TEST(DateGrammar, SurvivesAwkwardInput) {
  const std::string_view inputs[] = {"",
                                     "de",
                                     "\xE5\xB9\xB4",
                                     "31.02.2020",
                                     "S99",
                                     "\xE2\x80",
                                     "99999999999999999999 de abril",
                                     "du 3 au"};
  for (const std::string& language : CaseLanguages()) {
    const DateGrammar* grammar = GrammarFor<DateGrammar>(language);
    ASSERT_NE(grammar, nullptr);
    for (std::string_view input : inputs) {
      for (const DateMention& m : FindDates(input, Date{2020, 4, 8}, grammar)) {
        EXPECT_LE(m.start, m.end);
        EXPECT_LE(m.end, input.size());
      }
    }
  }
}

}  // namespace
}  // namespace epiwire::dates
