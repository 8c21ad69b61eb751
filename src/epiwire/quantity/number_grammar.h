// SPDX-License-Identifier: MIT
// How one language writes numbers, loaded from data/lexicon/<lang>/numbers.tsv: its
// number words ("deux", "dvadtsat'", "shi si"), scales ("millions", "tys.", "wan"), decimal
// and grouping marks ("34,2", "20.453", "13 965"), hedges ("plus de", "okolo", "chao guo"),
// ordinals ("1er", "di shi san"), share words ("pour cent") and the words that make a
// number part of a date instead ("8 aprelya", "4 yue 8 ri"). The format is documented at
// the top of each numbers.tsv. Tested by number_grammar_test.cc.
#ifndef EPIWIRE_QUANTITY_NUMBER_GRAMMAR_H_
#define EPIWIRE_QUANTITY_NUMBER_GRAMMAR_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "epiwire/base/status.h"

namespace epiwire::script_scan {
class ScriptView;
}  // namespace epiwire::script_scan

namespace epiwire::quantity {

namespace internal {
struct NumberLexicon;
}  // namespace internal

// Immutable after Load; one instance may serve any number of threads.
class NumberGrammar {
 public:
  // Reads `dir`/numbers.tsv, and the month rows of `dir`/dates.tsv when that file is
  // there (a day before a month name is part of a date, not a count).
  // Contract for callers that keep English built in: when numbers.tsv is absent the
  // result is a NotFound status (check `status().code()`), and the caller should pass a
  // null grammar, which means the built-in English reading. Any other failure is an
  // InvalidInput or IoError whose message starts with "path:line: " for a bad row.
  static Result<std::unique_ptr<NumberGrammar>> Load(const std::string& dir);

  // True when `dir`/numbers.tsv exists (Load may still fail on a bad row).
  static bool Exists(const std::string& dir);

  ~NumberGrammar();
  NumberGrammar(const NumberGrammar&) = delete;
  NumberGrammar& operator=(const NumberGrammar&) = delete;

  // For readers that hold the tokens of a text already (base/script_scan.h), such as
  // the dates stage reading "the last two weeks": the number that starts at token `i`
  // (no hedge before it; a Chinese numeral needs no counter, a share is no number),
  // with the index of its last token. nullopt when none starts there.
  std::optional<std::pair<int64_t, size_t>> ReadAt(const script_scan::ScriptView& view,
                                                   size_t i) const;

  const internal::NumberLexicon& lexicon() const { return *lexicon_; }

 private:
  explicit NumberGrammar(std::unique_ptr<internal::NumberLexicon> lexicon);
  std::unique_ptr<internal::NumberLexicon> lexicon_;
};

}  // namespace epiwire::quantity

#endif  // EPIWIRE_QUANTITY_NUMBER_GRAMMAR_H_
