// SPDX-License-Identifier: MIT
// Guesses the publication date from the top of a text: a full date on a labelled line
// ("Published: April 8, 2020") or on a line of its own ("08 Apr 2020 10:31 BST").
// Tested by date_expressions_test.cc.
#include <algorithm>

#include "epiwire/dates/date_expressions.h"
#include "epiwire/dates/date_words.h"
#include "epiwire/dates/scan.h"

namespace epiwire::dates {
namespace {

constexpr size_t kHeadBytes = 2000;

// Words that mark a line as carrying the publication date.
constexpr std::string_view kLabels[] = {"published", "updated", "posted",   "date",  "dated",
                                        "modified",  "created", "released", "issued"};

// Words that may stand beside a date on a line of its own: clock and zone words.
constexpr std::string_view kClockWords[] = {
    "on",   "at",   "last", "first", "am",  "pm",  "a",     "p",   "m",   "gmt",
    "utc",  "bst",  "cet",  "cest",  "eet", "est", "edt",   "et",  "pt",  "pst",
    "pdt",  "ct",   "cst",  "cdt",   "mst", "ist", "jst",   "hkt", "sgt", "wib",
    "aest", "aedt", "z",    "t",     "h",   "hrs", "local", "time"};

template <size_t N>
bool OneOf(std::string_view text, const internal::Token& token,
           const std::string_view (&words)[N]) {
  for (std::string_view word : words) {
    if (internal::TokenIs(text, token, word)) return true;
  }
  return false;
}

// Longer than this, a line with no label word holds no date alone (kClockWords).
constexpr size_t kLongestUnlabelledLine = 100;

// Whether a word of `line` (a run of ASCII letters, as the date reader cuts words) is
// one of kLabels, in any case: FrameOf's label test, without cutting the whole line.
bool HoldsLabel(std::string_view line) {
  size_t i = 0;
  while (i < line.size()) {
    if (!internal::IsAsciiAlpha(line[i])) {
      ++i;
      continue;
    }
    const size_t start = i;
    while (i < line.size() && internal::IsAsciiAlpha(line[i])) ++i;
    if (OneOf(line, internal::Token{start, i, internal::TokenKind::kWord}, kLabels)) return true;
  }
  return false;
}

enum class Fit { kNone, kLabelled, kAlone };

// How the words of `line` outside [from, to) frame a date there.
Fit FrameOf(std::string_view line, size_t from, size_t to) {
  std::vector<internal::Token> tokens;
  internal::Tokenize(line, tokens);
  bool labelled = false;
  bool alone = true;
  for (const internal::Token& token : tokens) {
    if (token.start >= from && token.end <= to) continue;
    if (token.kind != internal::TokenKind::kWord) continue;
    const bool label = OneOf(line, token, kLabels);
    if (label && token.end <= from) labelled = true;
    const std::string_view word = line.substr(token.start, token.end - token.start);
    if (!label && !OneOf(line, token, kClockWords) && internal::WeekdayNumber(word) < 0) {
      alone = false;
    }
  }
  if (labelled) return Fit::kLabelled;
  return alone ? Fit::kAlone : Fit::kNone;
}

}  // namespace

std::optional<Date> InferPublishedDate(std::string_view text) {
  size_t head = std::min(text.size(), kHeadBytes);
  while (head < text.size() && head < kHeadBytes + 200 && text[head] != '\n') ++head;
  text = text.substr(0, head);
  size_t pos = 0;
  while (pos < text.size()) {
    // A plain loop: find_first_of calls memchr over its set once a byte.
    size_t end = pos;
    bool digit = false;
    while (end < text.size() && text[end] != '\n' && text[end] != '|') {
      digit = digit || (text[end] >= '0' && text[end] <= '9');
      ++end;
    }
    const std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    // A full date has a day or a year in digits: the date reader need not read a line
    // without one. Nor a long line without a label: a date alone on its line, with at
    // most a weekday, a clock and a zone beside it, is never this long (the paragraphs
    // of a page's head, full of figures, are).
    if (!digit || (line.size() > kLongestUnlabelledLine && !HoldsLabel(line))) continue;
    for (const DateMention& mention : FindDates(line, std::nullopt)) {
      if (mention.kind != DateKind::kDay || !mention.period.start) continue;
      if (FrameOf(line, mention.start, mention.end) != Fit::kNone) return *mention.period.start;
    }
  }
  return std::nullopt;
}

}  // namespace epiwire::dates
