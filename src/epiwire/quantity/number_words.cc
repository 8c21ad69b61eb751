// SPDX-License-Identifier: MIT
// Internal to the quantity stage. Tested through quantity_test.cc.
// The table is indexed once, on first use, so that a look-up is one hash.
#include "epiwire/quantity/number_words.h"

#include <array>
#include <vector>

#include "epiwire/quantity/scan.h"

namespace epiwire::quantity::internal {
namespace {

constexpr NumberWord C(std::string_view w, int value) { return {w, value, 0, 0, 0, false}; }
constexpr NumberWord S(std::string_view w, int64_t scale) { return {w, -1, scale, 0, 0, false}; }
constexpr NumberWord O(std::string_view w, int ordinal, int denominator) {
  return {w, -1, 0, ordinal, denominator, false};
}
constexpr NumberWord F(std::string_view w, int denominator) {
  return {w, -1, 0, 0, denominator, true};
}

constexpr std::array kWords = {
    C("eight", 8),
    O("eighteenth", 18, 0),
    C("eighteen", 18),
    O("eighth", 8, 8),
    F("eighths", 8),
    O("eightieth", 80, 0),
    C("eighty", 80),
    O("eleventh", 11, 0),
    C("eleven", 11),
    O("fifteenth", 15, 0),
    C("fifteen", 15),
    O("fifth", 5, 5),
    F("fifths", 5),
    O("fiftieth", 50, 0),
    C("fifty", 50),
    O("first", 1, 0),
    C("five", 5),
    O("fortieth", 40, 0),
    C("forty", 40),
    C("four", 4),
    O("fourteenth", 14, 0),
    C("fourteen", 14),
    O("fourth", 4, 4),
    F("fourths", 4),
    O("half", 0, 2),
    S("hundred", 100),
    O("hundredth", 100, 0),
    S("million", 1000000),
    S("billion", 1000000000),
    S("lakh", 100000),  // South Asian scales: "22 lakh" = 2,200,000
    S("lakhs", 100000),
    S("crore", 10000000),
    S("crores", 10000000),
    S("dozen", 12),
    C("nine", 9),
    O("nineteenth", 19, 0),
    C("nineteen", 19),
    O("ninetieth", 90, 0),
    C("ninety", 90),
    O("ninth", 9, 9),
    F("ninths", 9),
    C("one", 1),
    O("quarter", 0, 4),
    F("quarters", 4),
    O("second", 2, 0),
    C("seven", 7),
    O("seventeenth", 17, 0),
    C("seventeen", 17),
    O("seventh", 7, 7),
    F("sevenths", 7),
    O("seventieth", 70, 0),
    C("seventy", 70),
    C("six", 6),
    O("sixteenth", 16, 0),
    C("sixteen", 16),
    O("sixth", 6, 6),
    F("sixths", 6),
    O("sixtieth", 60, 0),
    C("sixty", 60),
    C("ten", 10),
    O("tenth", 10, 10),
    F("tenths", 10),
    O("third", 3, 3),
    F("thirds", 3),
    O("thirteenth", 13, 0),
    C("thirteen", 13),
    O("thirtieth", 30, 0),
    C("thirty", 30),
    S("thousand", 1000),
    C("three", 3),
    S("trillion", 1000000000000),
    O("twelfth", 12, 0),
    C("twelve", 12),
    O("twentieth", 20, 0),
    C("twenty", 20),
    C("two", 2),
    C("zero", 0),
};

}  // namespace

const NumberWord* FindNumberWord(std::string_view word) {
  static const WordIndex kIndex = [] {
    std::vector<std::string_view> words;
    for (const NumberWord& entry : kWords) words.push_back(entry.word);
    return WordIndex(words);
  }();
  if (word.size() < 3) return nullptr;
  const int at = kIndex.Find(word);
  return at >= 0 ? &kWords[static_cast<size_t>(at)] : nullptr;
}

}  // namespace epiwire::quantity::internal
