// SPDX-License-Identifier: MIT
// Internal to the dates stage. Tested through date_expressions_test.cc.
// All date words live in one table, indexed on first use, so each look-up is one hash
// whatever role is asked for.
#include "epiwire/dates/date_words.h"

#include <array>
#include <vector>

#include "epiwire/dates/scan.h"

namespace epiwire::dates::internal {
namespace {

enum Role : unsigned char {
  kMonth = 1,     // value 1..12
  kWeekday = 2,   // value 0..6
  kSmall = 4,     // value 1..90
  kCue = 8,       // a sentence holding it may hold a date
  kStarter = 16,  // a date mention may start with it
  kShort = 32,    // an abbreviation ("Apr", "Tues")
};

struct Entry {
  std::string_view word;
  unsigned char roles;
  int value;
};

constexpr unsigned char kMonthFull = kMonth | kCue | kStarter;
constexpr unsigned char kMonthShort = kMonth | kCue | kStarter | kShort;
constexpr unsigned char kDayFull = kWeekday | kCue | kStarter;
constexpr unsigned char kDayShort = kWeekday | kCue | kStarter | kShort;
constexpr unsigned char kNumber = kSmall | kStarter;
constexpr unsigned char kCueWord = kCue;
constexpr unsigned char kLead = kStarter;
constexpr unsigned char kBoth = kCue | kStarter;

constexpr auto kTable = std::to_array<Entry>({
    {"january", kMonthFull, 1},
    {"february", kMonthFull, 2},
    {"march", kMonthFull, 3},
    {"april", kMonthFull, 4},
    {"may", kMonthFull, 5},
    {"june", kMonthFull, 6},
    {"july", kMonthFull, 7},
    {"august", kMonthFull, 8},
    {"september", kMonthFull, 9},
    {"october", kMonthFull, 10},
    {"november", kMonthFull, 11},
    {"december", kMonthFull, 12},
    {"jan", kMonthShort, 1},
    {"feb", kMonthShort, 2},
    {"febr", kMonthShort, 2},
    {"mar", kMonthShort, 3},
    {"apr", kMonthShort, 4},
    {"jun", kMonthShort, 6},
    {"jul", kMonthShort, 7},
    {"aug", kMonthShort, 8},
    {"sep", kMonthShort, 9},
    {"sept", kMonthShort, 9},
    {"oct", kMonthShort, 10},
    {"nov", kMonthShort, 11},
    {"dec", kMonthShort, 12},
    {"monday", kDayFull, 0},
    {"tuesday", kDayFull, 1},
    {"wednesday", kDayFull, 2},
    {"thursday", kDayFull, 3},
    {"friday", kDayFull, 4},
    {"saturday", kDayFull, 5},
    {"sunday", kDayFull, 6},
    {"mon", kDayShort, 0},
    {"tue", kDayShort, 1},
    {"tues", kDayShort, 1},
    {"wed", kDayShort, 2},
    {"thu", kDayShort, 3},
    {"thur", kDayShort, 3},
    {"thurs", kDayShort, 3},
    {"fri", kDayShort, 4},
    {"sat", kDayShort, 5},
    {"sun", kDayShort, 6},
    {"one", kNumber, 1},
    {"two", kNumber, 2},
    {"three", kNumber, 3},
    {"four", kNumber, 4},
    {"five", kNumber, 5},
    {"six", kNumber, 6},
    {"seven", kNumber, 7},
    {"eight", kNumber, 8},
    {"nine", kNumber, 9},
    {"ten", kNumber, 10},
    {"eleven", kNumber, 11},
    {"twelve", kNumber, 12},
    {"thirteen", kNumber, 13},
    {"fourteen", kNumber, 14},
    {"fifteen", kNumber, 15},
    {"sixteen", kNumber, 16},
    {"seventeen", kNumber, 17},
    {"eighteen", kNumber, 18},
    {"nineteen", kNumber, 19},
    {"twenty", kNumber, 20},
    {"thirty", kNumber, 30},
    {"forty", kNumber, 40},
    {"fifty", kNumber, 50},
    {"sixty", kNumber, 60},
    {"seventy", kNumber, 70},
    {"eighty", kNumber, 80},
    {"ninety", kNumber, 90},
    {"afternoon", kCueWord, 0},
    {"day", kBoth, 0},
    {"days", kCueWord, 0},
    {"evening", kCueWord, 0},
    {"fortnight", kCueWord, 0},
    {"fortnights", kCueWord, 0},
    {"hour", kCueWord, 0},
    {"hours", kCueWord, 0},
    {"month", kCueWord, 0},
    {"months", kCueWord, 0},
    {"morning", kCueWord, 0},
    {"night", kCueWord, 0},
    {"today", kBoth, 0},
    {"tomorrow", kBoth, 0},
    {"tonight", kBoth, 0},
    {"week", kCueWord, 0},
    {"weekend", kCueWord, 0},
    {"weeks", kCueWord, 0},
    {"year", kCueWord, 0},
    {"years", kCueWord, 0},
    {"yesterday", kBoth, 0},
    {"a", kLead, 0},
    {"as", kLead, 0},
    {"at", kLead, 0},
    {"beginning", kLead, 0},
    {"between", kLead, 0},
    {"by", kLead, 0},
    {"during", kLead, 0},
    {"earlier", kLead, 0},
    {"early", kLead, 0},
    {"end", kLead, 0},
    {"for", kLead, 0},
    {"from", kLead, 0},
    {"in", kLead, 0},
    {"last", kLead, 0},
    {"late", kLead, 0},
    {"mid", kLead, 0},
    {"middle", kLead, 0},
    {"next", kLead, 0},
    {"on", kLead, 0},
    {"over", kLead, 0},
    {"past", kLead, 0},
    {"since", kLead, 0},
    {"so", kLead, 0},
    {"start", kLead, 0},
    {"the", kLead, 0},
    {"this", kLead, 0},
    {"through", kLead, 0},
    {"throughout", kLead, 0},
    {"till", kLead, 0},
    {"until", kLead, 0},
    {"up", kLead, 0},
    {"within", kLead, 0},
});

const Entry* Find(std::string_view word) {
  static const WordIndex kIndex = [] {
    std::vector<std::string_view> words;
    for (const Entry& entry : kTable) words.push_back(entry.word);
    return WordIndex(words);
  }();
  const int at = kIndex.Find(word);
  return at >= 0 ? &kTable[static_cast<size_t>(at)] : nullptr;
}

}  // namespace

int MonthNumber(std::string_view word, bool* abbreviated) {
  const Entry* entry = Find(word);
  const bool month = entry != nullptr && (entry->roles & kMonth) != 0;
  if (abbreviated != nullptr) *abbreviated = month && (entry->roles & kShort) != 0;
  return month ? entry->value : 0;
}

int WeekdayNumber(std::string_view word, bool* abbreviated) {
  const Entry* entry = Find(word);
  const bool weekday = entry != nullptr && (entry->roles & kWeekday) != 0;
  if (abbreviated != nullptr) *abbreviated = weekday && (entry->roles & kShort) != 0;
  return weekday ? entry->value : -1;
}

int SmallNumberWord(std::string_view word) {
  const Entry* entry = Find(word);
  return entry != nullptr && (entry->roles & kSmall) != 0 ? entry->value : 0;
}

bool MayStartDate(std::string_view word) {
  const Entry* entry = Find(word);
  return entry != nullptr && (entry->roles & kStarter) != 0;
}

bool MayContainDate(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    const char ch = text[pos];
    if (IsAsciiDigit(ch)) return true;
    if (!IsAsciiAlpha(ch)) {
      ++pos;
      continue;
    }
    size_t end = pos + 1;
    while (end < text.size() && IsAsciiAlpha(text[end])) ++end;
    if (end - pos >= 3) {
      const Entry* entry = Find(text.substr(pos, end - pos));
      if (entry != nullptr && (entry->roles & kCue) != 0) return true;
    }
    pos = end;
  }
  return false;
}

bool MayContainDate(std::string_view text, const std::vector<Token>& tokens) {
  return word_scan::HoldsDigitsOrWord(text, tokens, 3, [](std::string_view word) {
    const Entry* entry = Find(word);
    return entry != nullptr && (entry->roles & kCue) != 0;
  });
}

}  // namespace epiwire::dates::internal
