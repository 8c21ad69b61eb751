// SPDX-License-Identifier: MIT
// Internal to the quantity stage; the public API is quantity.h and number_grammar.h.
// The loaded form of a numbers.tsv, and the reader that applies it to tokens.
#ifndef EPIWIRE_QUANTITY_NUMBER_LEXICON_H_
#define EPIWIRE_QUANTITY_NUMBER_LEXICON_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "epiwire/base/phrase_table.h"
#include "epiwire/base/script_scan.h"
#include "epiwire/model/event.h"
#include "epiwire/quantity/grammar.h"

namespace epiwire::quantity::internal {

// The role a phrase of numbers.tsv plays; the names are the first column of the file.
enum class Role : unsigned char {
  kCardinal,       // "deux" 2: a number on its own
  kMultiplier,     // "cent" 100, "shi" 10: multiplies the unit before it ("deux cents")
  kScale,          // "mille", "millions", "wan": multiplies all before it up to a bigger scale
  kApproximate,    // "centaine" 100: a scale that makes the number approximate
  kOrdinal,        // "premier" 1
  kOrdinalSuffix,  // "er" in "1er", "o", "-y": glued after digits
  kOrdinalPrefix,  // "di" in "di shi san"
  kHedge,          // "plus de" before a number, with a qualifier
  kHedgeAfter,     // "duo" in "100 duo li", with a qualifier
  kPercent,        // "%", "pour cent" after a number
  kPercentPrefix,  // "bai fen zhi" before a number
  kJoiner,         // "et", "y", "-" between the parts of a spelled number
  kClassifier,     // "li", "ren": a counter word after a Chinese numeral
  kNotCountAfter,  // "yue", "ri", "shi" glued after digits: a date or a time
  kYearAfter,      // "nian" after four digits: a year
  kMonth,          // a month name (from dates.tsv)
  kMonthLink,      // "de" in "19 de abril"
  kNotNumber,      // "yi qi", "un total": words that look like a number but are none
};

struct LexiconEntry {
  Role role = Role::kCardinal;
  int64_t value = 0;
  Qualifier qualifier = Qualifier::kExact;
  bool alone = false;  // a scale that means one of it on its own ("mille", "tysyacha")
};

struct NumberLexicon {
  script_scan::PhraseTable phrases;
  std::vector<LexiconEntry> entries;  // indexed by the phrases' payload
  char decimal_mark = '.';
  std::string group_marks;         // marks between thousands groups, e.g. "." or ","
  bool group_by_space = false;     // "13 965"
  bool counter_required = false;   // spelled numbers count only before a classifier
  bool year_needs_marker = false;  // "2020 nian" is a year, "2000 ren" is not
  std::vector<int64_t> teen_tens;  // tens a teen may follow ("soixante-dix")
};

// A match of the grammar (grammar.h) that also tells the scale word it ends with.
struct LangMatch : Match {
  int64_t ending_scale = 0;  // "715 mil": a smaller number may follow as its part
};

// A number at token `i` (digits, words, or a prefix form), without hedges before it.
// `whole` relaxes the rules that guard running text (a Chinese numeral needs no counter).
// `index` is the lexicon's phrase index over `view`.
LangMatch ReadNumber(const NumberLexicon& lexicon, const script_scan::ScriptView& view,
                     const script_scan::PhraseTable::Index& index, size_t i, bool whole);

// The hedge phrase that ends right before token `i` and starts at or after `first_free`:
// its first token and qualifier.
std::optional<std::pair<size_t, Qualifier>> HedgeBefore(
    const NumberLexicon& lexicon, const script_scan::ScriptView& view,
    const script_scan::PhraseTable::Index& index, size_t i, size_t first_free);

}  // namespace epiwire::quantity::internal

#endif  // EPIWIRE_QUANTITY_NUMBER_LEXICON_H_
