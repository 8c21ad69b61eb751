// SPDX-License-Identifier: MIT
// Numbers as Chinese, Russian, French and Spanish write them, read with the grammars in
// data/lexicon/<lang>/numbers.tsv. The sentences are in tests/golden/quantity/<lang>.tsv
// (source files stay ASCII); each row is one named test case:
//   find   label  text  span  value  qualifier  flags   (span = hedge + number)
//   none   label  text  part                            (no quantity overlaps part)
//   parse  label  text  value|none                      (ParseNumber on the whole text)
#include "epiwire/quantity/number_grammar.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "epiwire/quantity/quantity.h"
#include "testing/describe_quantities.h"
#include "testing/language_cases.h"

namespace epiwire::quantity {
namespace {

using testing_cases::DescribeQuantities;
using testing_cases::GrammarFor;
using testing_cases::LanguageCase;

std::string Flags(const Quantity& q) {
  std::string out;
  const auto add = [&](bool on, const char* name) {
    if (!on) return;
    if (!out.empty()) out += ",";
    out += name;
  };
  add(q.is_share, "share");
  add(q.is_year, "year");
  add(q.is_ordinal, "ordinal");
  add(q.is_word, "word");
  add(q.is_decimal, "decimal");
  return out.empty() ? "-" : out;
}

const char* QualifierText(Qualifier q) {
  switch (q) {
    case Qualifier::kExact:
      return "exact";
    case Qualifier::kAtLeast:
      return "at_least";
    case Qualifier::kAtMost:
      return "at_most";
    case Qualifier::kApproximate:
      return "approximate";
  }
  return "?";
}

class NumbersByLanguage : public testing::TestWithParam<LanguageCase> {};

TEST_P(NumbersByLanguage, ReadsAsTheLanguageWritesThem) {
  const LanguageCase& c = GetParam();
  ASSERT_NE(c.kind, "broken") << c.fields[0];
  const NumberGrammar* grammar = GrammarFor<NumberGrammar>(c.language);
  ASSERT_NE(grammar, nullptr) << "no grammar for " << c.language;
  const std::string& text = c.fields[0];
  SCOPED_TRACE(c.language + ".tsv:" + std::to_string(c.line) + ": " + text);
  if (c.kind == "parse") {
    ASSERT_EQ(c.fields.size(), 2u);
    const std::optional<int64_t> value = ParseNumber(text, grammar);
    if (c.fields[1] == "none") {
      EXPECT_FALSE(value.has_value()) << *value;
    } else {
      ASSERT_TRUE(value.has_value());
      EXPECT_EQ(std::to_string(*value), c.fields[1]);
    }
    return;
  }
  const std::vector<Quantity> found = FindQuantities(text, grammar);
  // A caller that keeps the cut (to read the sentence's dates from it) reads the same.
  script_scan::Tokens cut;
  script_scan::Tokenize(text, cut);
  EXPECT_EQ(DescribeQuantities(text, FindQuantities(text, cut, *grammar)),
            DescribeQuantities(text, found));
  if (c.kind == "none") {
    ASSERT_EQ(c.fields.size(), 2u);
    const size_t from = text.find(c.fields[1]);
    ASSERT_NE(from, std::string::npos);
    const size_t to = from + c.fields[1].size();
    for (const Quantity& q : found) {
      EXPECT_TRUE(q.end <= from || q.start >= to) << DescribeQuantities(text, found);
    }
    return;
  }
  ASSERT_EQ(c.kind, "find");
  ASSERT_EQ(c.fields.size(), 5u);
  const Quantity* hit = nullptr;
  for (const Quantity& q : found) {
    if (text.substr(q.start, q.end - q.start) == c.fields[1]) hit = &q;
  }
  ASSERT_NE(hit, nullptr) << DescribeQuantities(text, found);
  EXPECT_EQ(std::to_string(hit->value), c.fields[2]) << DescribeQuantities(text, found);
  EXPECT_EQ(QualifierText(hit->qualifier), c.fields[3]) << DescribeQuantities(text, found);
  EXPECT_EQ(Flags(*hit), c.fields[4]) << DescribeQuantities(text, found);
  EXPECT_LE(hit->start, hit->number_start);
}

INSTANTIATE_TEST_SUITE_P(Languages, NumbersByLanguage,
                         testing::ValuesIn(testing_cases::LoadLanguageCases("quantity", 2)),
                         testing_cases::LanguageCaseName);

TEST(NumberGrammar, MissingFileIsNotFoundSoCallersFallBackToEnglish) {
  const std::string dir = std::string(EPIWIRE_SOURCE_DIR) + "/data/lexicon/no_such_language";
  EXPECT_FALSE(NumberGrammar::Exists(dir));
  const auto grammar = NumberGrammar::Load(dir);
  ASSERT_FALSE(grammar.ok());
  EXPECT_EQ(grammar.status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(NumberGrammar::Exists(std::string(EPIWIRE_SOURCE_DIR) + "/data/lexicon/fr"));
}

TEST(NumberGrammar, BadRowsAreReportedWithFileAndLine) {
  const std::pair<const char*, const char*> rows[] = {
      {"cardinal\tdeux\n", "numbers.tsv:1: cardinal 'deux' needs a whole number value"},
      {"# comment\nhedge\tabout\tmaybe\n", "numbers.tsv:2: hedge 'about' needs"},
      {"shape\tx\n", "numbers.tsv:1: unknown role 'shape'"},
      {"decimal\t;\n", "numbers.tsv:1: decimal mark must be"},
      {"cardinal\t\t2\n", "numbers.tsv:1: expected role<TAB>phrase"},
  };
  for (const auto& [content, message] : rows) {
    const std::string error = testing_cases::LoadError<NumberGrammar>("numbers.tsv", content);
    EXPECT_NE(error.find(message), std::string::npos) << content << " -> " << error;
  }
}

TEST(NumberGrammar, SurvivesAwkwardInput) {
  const std::string_view inputs[] = {"",
                                     "-",
                                     "1,",
                                     "1.",
                                     "99999999999999999999999",
                                     "1 000 000 000 000 000 000",
                                     "\xE4\xB8\x87",  // a scale alone
                                     "\xE2\x80",
                                     "\xFF\xFE 3",
                                     "3-",
                                     "-3",
                                     "1.2.",
                                     "20.453.",
                                     "un un un un un un un un un un un un un un un un un un un"};
  for (const std::string& language : testing_cases::CaseLanguages()) {
    const NumberGrammar* grammar = GrammarFor<NumberGrammar>(language);
    ASSERT_NE(grammar, nullptr);
    for (std::string_view input : inputs) {
      for (const Quantity& q : FindQuantities(input, grammar)) {
        EXPECT_LE(q.start, q.number_start);
        EXPECT_LT(q.number_start, q.end);
        EXPECT_LE(q.end, input.size());
      }
      (void)ParseNumber(input, grammar);
    }
  }
}

TEST(NumberGrammar, NullGrammarIsTheEnglishReading) {
  const std::string_view text = "Officials confirmed more than 1,200 cases and two deaths.";
  const std::vector<Quantity> english = FindQuantities(text);
  const std::vector<Quantity> same = FindQuantities(text, nullptr);
  ASSERT_EQ(english.size(), same.size());
  for (size_t k = 0; k < english.size(); ++k) {
    EXPECT_EQ(english[k].start, same[k].start);
    EXPECT_EQ(english[k].end, same[k].end);
    EXPECT_EQ(english[k].value, same[k].value);
    EXPECT_EQ(english[k].qualifier, same[k].qualifier);
  }
  EXPECT_EQ(ParseNumber("1.2 million", nullptr), 1200000);
  const auto prefix = ReadNumberPrefix("twelve days", nullptr);
  ASSERT_TRUE(prefix.has_value());
  EXPECT_EQ(prefix->value, 12);
  EXPECT_EQ(prefix->length, 6u);
}

TEST(NumberGrammar, NumberPrefixCoversTheBytesOfTheNumber) {
  const NumberGrammar* french = GrammarFor<NumberGrammar>("fr");
  ASSERT_NE(french, nullptr);
  const auto prefix = ReadNumberPrefix("vingt-deux jours", french);
  ASSERT_TRUE(prefix.has_value());
  EXPECT_EQ(prefix->value, 22);
  EXPECT_EQ(prefix->length, 10u);
  EXPECT_FALSE(ReadNumberPrefix("jours", french).has_value());
  EXPECT_FALSE(ReadNumberPrefix(" 3", french).has_value());
}

}  // namespace
}  // namespace epiwire::quantity
