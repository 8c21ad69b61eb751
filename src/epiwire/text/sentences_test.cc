// SPDX-License-Identifier: MIT
#include "epiwire/text/sentences.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "epiwire/base/fold.h"

namespace epiwire::text {
namespace {

std::vector<std::string> Split(std::string_view text) {
  std::vector<std::string> out;
  for (const Sentence& s : SplitSentences(text, 0, text.size())) {
    out.emplace_back(text.substr(s.start, s.end - s.start));
  }
  return out;
}

TEST(SplitSentences, SplitsAtStopsAndLineBreaks) {
  EXPECT_EQ(Split("Ten cases were found. Two died.\nA new line here"),
            (std::vector<std::string>{"Ten cases were found.", "Two died.", "A new line here"}));
}

TEST(SplitSentences, KeepsAbbreviationsAndInitials) {
  EXPECT_EQ(Split("The U.S. reported 5 cases on Apr. 3 in total. Dr. Lee agreed."),
            (std::vector<std::string>{"The U.S. reported 5 cases on Apr. 3 in total.",
                                      "Dr. Lee agreed."}));
  EXPECT_EQ(Split("Officials (incl. J. Smith) spoke."),
            (std::vector<std::string>{"Officials (incl. J. Smith) spoke."}));
}

TEST(SplitSentences, DoesNotSplitDecimalsOrLowerCaseContinuations) {
  EXPECT_EQ(Split("Cases rose 1.5 times. it went on"),
            (std::vector<std::string>{"Cases rose 1.5 times. it went on"}));
}

TEST(SplitSentences, SplitsSentencesGluedWithoutASpace) {
  EXPECT_EQ(Split("Le bilan est de 12 cas, selon la Sant\xC3\xA9.Le virus circule."),
            (std::vector<std::string>{"Le bilan est de 12 cas, selon la Sant\xC3\xA9.",
                                      "Le virus circule."}));
  EXPECT_EQ(Split("Nine cases were counted.The ward closed."),
            (std::vector<std::string>{"Nine cases were counted.", "The ward closed."}));
  // Initials, abbreviations and domain names stay whole.
  EXPECT_EQ(Split("See who.int and J.Smith, or the U.S.Army."),
            (std::vector<std::string>{"See who.int and J.Smith, or the U.S.Army."}));
}

TEST(SplitSentences, ClosingQuoteStaysWithItsSentence) {
  EXPECT_EQ(Split("He said \"stay home.\" Then he left."),
            (std::vector<std::string>{"He said \"stay home.\"", "Then he left."}));
  EXPECT_EQ(Split("It will open \xE2\x80\x9Csoon.\xE2\x80\x9D Schools wait."),
            (std::vector<std::string>{"It will open \xE2\x80\x9Csoon.\xE2\x80\x9D", "Schools wait."}));
}

TEST(SplitSentences, RespectsTheRangeGiven) {
  const std::string text = "Skip me. Take me. Skip me too.";
  const auto sentences = SplitSentences(text, 9, 17);
  ASSERT_EQ(sentences.size(), 1u);
  EXPECT_EQ(text.substr(sentences[0].start, sentences[0].end - sentences[0].start), "Take me.");
}

std::vector<std::string> Lowers(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text, 0, text.size()).list) out.emplace_back(t.lower);
  return out;
}

TEST(Tokenize, SplitsWordsNumbersAndPunctuation) {
  EXPECT_EQ(Lowers("Russia reported 6,343 COVID-19 cases."),
            (std::vector<std::string>{"russia", "reported", "6,343", "covid-19", "cases", "."}));
  EXPECT_EQ(Lowers("1.2 million, 10:30"),
            (std::vector<std::string>{"1.2", "million", ",", "10:30"}));
}

TEST(Tokenize, PossessiveIsItsOwnToken) {
  EXPECT_EQ(Lowers("Russia's cases"), (std::vector<std::string>{"russia", "'s", "cases"}));
  EXPECT_EQ(Lowers("China\xE2\x80\x99s border"),
            (std::vector<std::string>{"china", "'s", "border"}));
}

TEST(Tokenize, CurlyQuotesAndDashesAreSeparateTokens) {
  EXPECT_EQ(Lowers("\xE2\x80\x9C" "confirmed\xE2\x80\x9D cases \xE2\x80\x94 mostly"),
            (std::vector<std::string>{"\"", "confirmed", "\"", "cases", "\xE2\x80\x94", "mostly"}));
}

TEST(Tokenize, OffsetsPointIntoTheText) {
  const std::string text = "In Fushun City";
  const Tokens tokens = Tokenize(text, 0, text.size());
  ASSERT_EQ(tokens.list.size(), 3u);
  EXPECT_EQ(text.substr(tokens.list[1].start, tokens.list[1].end - tokens.list[1].start), "Fushun");
  EXPECT_TRUE(tokens.list[1].capitalized);
  EXPECT_EQ(tokens.list[1].lower, "fushun");
  EXPECT_FALSE(Tokenize("two", 0, 3).list[0].capitalized);
}

TEST(Tokenize, HanCharactersAreWordsOfOneCharacterAndDigitsStayWhole) {
  // "Heilongjiang xinzeng 14 li, jun wei shuru." with full-width comma and full stop.
  const std::vector<std::string> lowers = Lowers("\xE9\xBB\x91\xE9\xBE\x99\xE6\xB1\x9F\xE6\x96\xB0\xE5\xA2\x9E\x31\x34\xE4\xBE\x8B\xEF\xBC\x8C\xE5\x9D\x87\xE4\xB8\xBA\xE8\xBE\x93\xE5\x85\xA5\xE3\x80\x82");
  ASSERT_EQ(lowers.size(), 13u);
  EXPECT_EQ(lowers[0], "\xE9\xBB\x91");  // the first character
  EXPECT_EQ(lowers[5], "14");
  EXPECT_EQ(lowers[7], ",");  // the full-width comma plays the part of ","
  EXPECT_EQ(lowers.back(), ".");
}

TEST(Tokenize, CyrillicIsFoldedAndItsCapitalsSeen) {
  // "V Moskve Vyyavleno": capitals folded to lower case.
  const std::string text = "\xD0\x92\x20\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB5\x20\xD0\x92\xD1\x8B\xD1\x8F\xD0\xB2\xD0\xBB\xD0\xB5\xD0\xBD\xD0\xBE";
  const Tokens tokens = Tokenize(text, 0, text.size());
  ASSERT_EQ(tokens.list.size(), 3u);
  EXPECT_TRUE(tokens.list[1].capitalized);
  EXPECT_EQ(tokens.list[2].lower, "\xD0\xB2\xD1\x8B\xD1\x8F\xD0\xB2\xD0\xBB\xD0\xB5\xD0\xBD\xD0\xBE");
}

TEST(Tokenize, FoldedFormsLongerThanTheirWordsLeaveEarlierTokensIntact) {
  // "Ab" then a word of U+0149 (two bytes), which folds to U+02BC "n" (three): the
  // forms outgrow the room the text's size gives, and "ab" must stay readable.
  std::string text = "Ab ";
  for (int k = 0; k < 12; ++k) text += "\xC5\x89";
  const std::string word = text.substr(3);
  ASSERT_GT(FoldCase(word).size(), word.size());
  const Tokens tokens = Tokenize(text, 0, text.size());
  ASSERT_EQ(tokens.list.size(), 2u);
  EXPECT_EQ(tokens.list[0].lower, "ab");
  EXPECT_EQ(tokens.list[1].lower, FoldCase(word));
}

TEST(Tokenize, TokensReusedForAnotherTextHoldOnlyThatText) {
  // A first text with folded forms (capitals), then a shorter one into the same tokens.
  const std::string first = "Health Officials In Lima Counted 12 Cases";
  const std::string second = "Quito reported 3 cases";
  Tokens reused;
  Tokenize(first, 0, first.size(), reused);
  ASSERT_EQ(reused.list.size(), 7u);
  Tokenize(second, 0, second.size(), reused);
  const Tokens fresh = Tokenize(second, 0, second.size());
  ASSERT_EQ(reused.list.size(), fresh.list.size());
  for (size_t i = 0; i < fresh.list.size(); ++i) {
    EXPECT_EQ(reused.list[i].lower, fresh.list[i].lower) << "token " << i;
    EXPECT_EQ(reused.list[i].start, fresh.list[i].start) << "token " << i;
    EXPECT_EQ(reused.list[i].capitalized, fresh.list[i].capitalized) << "token " << i;
  }
  EXPECT_EQ(reused.list[0].lower, "quito");
}

TEST(SplitSentences, ChineseFullStopEndsASentenceWithoutASpace) {
  const std::string text = "\xE9\xBB\x91\xE9\xBE\x99\xE6\xB1\x9F\xE6\x96\xB0\xE5\xA2\x9E\x31\x34\xE4\xBE\x8B\xEF\xBC\x8C\xE5\x9D\x87\xE4\xB8\xBA\xE8\xBE\x93\xE5\x85\xA5\xE3\x80\x82\xE9\xBB\x91\xE9\xBE\x99\xE6\xB1\x9F\xE6\x96\xB0\xE5\xA2\x9E\x31\x34\xE4\xBE\x8B\xEF\xBC\x8C\xE5\x9D\x87\xE4\xB8\xBA\xE8\xBE\x93\xE5\x85\xA5\xE3\x80\x82";
  const auto sentences = SplitSentences(text, 0, text.size());
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[1].start, std::string("\xE9\xBB\x91\xE9\xBE\x99\xE6\xB1\x9F\xE6\x96\xB0\xE5\xA2\x9E\x31\x34\xE4\xBE\x8B\xEF\xBC\x8C\xE5\x9D\x87\xE4\xB8\xBA\xE8\xBE\x93\xE5\x85\xA5\xE3\x80\x82").size());
}

}  // namespace
}  // namespace epiwire::text
