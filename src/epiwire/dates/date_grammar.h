// SPDX-License-Identifier: MIT
// How one language writes dates, loaded from data/lexicon/<lang>/dates.tsv: month and
// weekday names, words for yesterday and today, the prepositions of "since", "until"
// and "as of", Chinese date markers, "this week", "the last 24 hours" and
// epidemiological weeks. Counts inside phrases ("the last two weeks") are read with the
// language's numbers.tsv when it is there. The format is documented at the top of each
// dates.tsv. Tested by date_grammar_test.cc.
#ifndef EPIWIRE_DATES_DATE_GRAMMAR_H_
#define EPIWIRE_DATES_DATE_GRAMMAR_H_

#include <memory>
#include <string>

#include "epiwire/base/status.h"

namespace epiwire::quantity {
class NumberGrammar;
}  // namespace epiwire::quantity

namespace epiwire::dates {

namespace internal {
struct DateLexicon;
}  // namespace internal

// Immutable after Load; one instance may serve any number of threads.
class DateGrammar {
 public:
  // Reads `dir`/dates.tsv, and `dir`/numbers.tsv for spelled counts when it exists.
  // Contract for callers that keep English built in: when dates.tsv is absent the result
  // is a NotFound status (check `status().code()`), and the caller should pass a null
  // grammar to FindDates, which means the built-in English reading. Any other failure is
  // an InvalidInput or IoError whose message starts with "path:line: " for a bad row.
  static Result<std::unique_ptr<DateGrammar>> Load(const std::string& dir);

  // True when `dir`/dates.tsv exists (Load may still fail on a bad row).
  static bool Exists(const std::string& dir);

  ~DateGrammar();
  DateGrammar(const DateGrammar&) = delete;
  DateGrammar& operator=(const DateGrammar&) = delete;

  const internal::DateLexicon& lexicon() const { return *lexicon_; }
  // The numbers of the same language, or null (counts are then digits only).
  const quantity::NumberGrammar* numbers() const { return numbers_.get(); }

 private:
  DateGrammar(std::unique_ptr<internal::DateLexicon> lexicon,
              std::unique_ptr<quantity::NumberGrammar> numbers);
  std::unique_ptr<internal::DateLexicon> lexicon_;
  std::unique_ptr<quantity::NumberGrammar> numbers_;
};

}  // namespace epiwire::dates

#endif  // EPIWIRE_DATES_DATE_GRAMMAR_H_
