// SPDX-License-Identifier: MIT
// Non-ASCII text is written as escapes: source files stay ASCII.
#include "epiwire/base/script_scan.h"

#include <gtest/gtest.h>

#include "epiwire/base/phrase_table.h"

namespace epiwire::script_scan {
namespace {

struct Scanned {
  std::string text;
  Tokens tokens;
  explicit Scanned(std::string t) : text(std::move(t)) { Tokenize(text, tokens); }
  ScriptView view() const { return ScriptView(text, tokens); }
};

TEST(ScriptScan, CutsWordsDigitsIdeographsAndMarks) {
  // "Tres 12" with an accent, a no-break space, two ideographs, a full stop.
  const Scanned s(
      "Tr\xC3\xA8s\xC2\xA0"
      "12\xE4\xBE\x8B\xE5\xAE\x97.");
  const ScriptView v = s.view();
  ASSERT_EQ(v.size(), 5u);
  EXPECT_TRUE(v.Word(0));
  EXPECT_EQ(v.Text(0), "Tr\xC3\xA8s");
  EXPECT_TRUE(v.Digits(1));
  EXPECT_FALSE(v.Glued(0, 1));
  EXPECT_TRUE(v.Ideograph(2));
  EXPECT_TRUE(v.Ideograph(3));
  EXPECT_TRUE(v.Glued(1, 2));
  EXPECT_TRUE(v.Mark(4, '.'));
}

TEST(ScriptScan, KeysFoldCaseYoFullWidthDigitsAndCurlyMarks) {
  // Cyrillic capital YO, capital A; full-width 2 and 3; a right single quote; an en dash.
  const Scanned s(
      "\xD0\x81\xD0\x90 \xEF\xBC\x92\xEF\xBC\x93 l\xE2\x80\x99"
      "a \xE2\x80\x93");
  const ScriptView v = s.view();
  ASSERT_EQ(v.size(), 6u);
  EXPECT_EQ(v.Key(0), "\xD0\xB5\xD0\xB0");  // ie, a
  EXPECT_TRUE(v.Digits(1));
  EXPECT_EQ(v.Key(1), "23");
  EXPECT_EQ(v.DigitValue(1), 23);
  EXPECT_TRUE(v.Mark(3, '\''));
  EXPECT_TRUE(v.Mark(5, '-'));
  EXPECT_EQ(Fold("MARS"), "mars");
}

TEST(ScriptScan, InvalidBytesBecomeMarks) {
  const Scanned s("a\xFF\xE2\x80");
  const ScriptView v = s.view();
  ASSERT_EQ(v.size(), 4u);
  EXPECT_TRUE(v.Word(0));
  for (size_t k = 1; k < v.size(); ++k) EXPECT_EQ(v.token(k).end - v.token(k).start, 1u);
}

PhraseTable Table() {
  PhraseTable table;
  EXPECT_TRUE(table.Add("plus de", 1));
  EXPECT_TRUE(table.Add("jusqu'au", 2));
  EXPECT_TRUE(table.Add("\xE8\xB6\x85\xE8\xBF\x87", 3));  // two ideographs
  EXPECT_TRUE(table.Add("les # derniers jours", 4));
  EXPECT_TRUE(table.Add("plus", 5));
  EXPECT_FALSE(table.Add("  ", 6));
  return table;
}

std::optional<PhraseTable::Hit> LongestAt(const PhraseTable& table, const Scanned& s, size_t i,
                                          const PhraseTable::SlotReader* slot = nullptr) {
  return table.Longest(s.view(), i, slot, [](uint32_t) { return true; });
}

TEST(PhraseTable, MatchesTheLongestPhraseWhateverTheCase) {
  const PhraseTable table = Table();
  const Scanned s("PLUS DE 100");
  const auto hit = LongestAt(table, s, 0);
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->payload, 1u);
  EXPECT_EQ(hit->last, 1u);
  EXPECT_EQ(table.max_tokens(), 4u);
}

TEST(PhraseTable, GlueInThePhraseMustBeGlueInTheText) {
  const PhraseTable table = Table();
  EXPECT_TRUE(LongestAt(table,
                        Scanned("jusqu\xE2\x80\x99"
                                "au 15"),
                        0)
                  .has_value());
  EXPECT_FALSE(LongestAt(table, Scanned("jusqu ' au 15"), 0).has_value());
  // Ideographs need no spaces either way.
  EXPECT_TRUE(LongestAt(table, Scanned("\xE8\xB6\x85 \xE8\xBF\x87"), 0).has_value());
}

TEST(PhraseTable, SlotsReadACountThroughTheCaller) {
  const PhraseTable table = Table();
  const PhraseTable::SlotReader digits = [](const ScriptView& v, size_t i, size_t& last,
                                            int64_t& value) {
    if (!v.Digits(i)) return false;
    last = i;
    value = v.DigitValue(i);
    return true;
  };
  const Scanned s("les 14 derniers jours");
  EXPECT_FALSE(LongestAt(table, s, 0).has_value());
  const auto hit = LongestAt(table, s, 0, &digits);
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->payload, 4u);
  EXPECT_EQ(hit->slot_value, 14);
  EXPECT_EQ(hit->last, 3u);
  EXPECT_FALSE(LongestAt(table, Scanned("les quelques derniers jours"), 0, &digits).has_value());
}

}  // namespace
}  // namespace epiwire::script_scan
