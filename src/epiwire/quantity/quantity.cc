// SPDX-License-Identifier: MIT
// Finds quantities in running text. Tested by quantity_test.cc.
//
// The text is cut into tokens (ASCII words, digit runs, single marks) and read left to
// right. A digit run starts a numeral: thousands groups (",ddd"), a decimal part, a
// glued suffix ("3rd", "10k", "1.2bn"), a range ("3-5"), then "%"/"percent" or a scale
// word ("million"). The context around the run decides whether it is a number at all:
// glued letters or "X-" before it make an identifier ("H5N1", "COVID-19"), a colon or
// slash a time or date ("10:30", "04/08/2020"), a month name a calendar day ("April 2").
// A word starts a spelled number through the small grammar in ParseWords. Then the words
// just before the number are compared with the hedge table ("more than", "nearly").
// Work per call is one token vector; texts with no digit and no number word return
// before that.
#include "epiwire/quantity/quantity.h"

#include <algorithm>
#include <array>

#include "epiwire/quantity/grammar.h"
#include "epiwire/quantity/number_words.h"

namespace epiwire::quantity {
namespace {

using internal::Cursor;
using internal::FindNumberWord;
using internal::Match;
using internal::Token;

struct Hedge {
  std::array<std::string_view, 3> words;
  size_t count;
  Qualifier qualifier;
};

// Longer phrases first, so that "no more than" wins over "more than".
constexpr Hedge kHedges[] = {
    {{"no", "more", "than"}, 3, Qualifier::kAtMost},
    {{"not", "more", "than"}, 3, Qualifier::kAtMost},
    {{"no", "fewer", "than"}, 3, Qualifier::kAtLeast},
    {{"no", "less", "than"}, 3, Qualifier::kAtLeast},
    {{"not", "less", "than"}, 3, Qualifier::kAtLeast},
    {{"in", "excess", "of"}, 3, Qualifier::kAtLeast},
    {{"a", "minimum", "of"}, 3, Qualifier::kAtLeast},
    {{"a", "maximum", "of"}, 3, Qualifier::kAtMost},
    {{"as", "many", "as"}, 3, Qualifier::kAtMost},
    {{"as", "much", "as"}, 3, Qualifier::kAtMost},
    {{"more", "than"}, 2, Qualifier::kAtLeast},
    {{"greater", "than"}, 2, Qualifier::kAtLeast},
    {{"at", "least"}, 2, Qualifier::kAtLeast},
    {{"upwards", "of"}, 2, Qualifier::kAtLeast},
    {{"upward", "of"}, 2, Qualifier::kAtLeast},
    {{"well", "over"}, 2, Qualifier::kAtLeast},
    {{"just", "over"}, 2, Qualifier::kAtLeast},
    {{"up", "to"}, 2, Qualifier::kAtMost},
    {{"fewer", "than"}, 2, Qualifier::kAtMost},
    {{"less", "than"}, 2, Qualifier::kAtMost},
    {{"at", "most"}, 2, Qualifier::kAtMost},
    {{"just", "under"}, 2, Qualifier::kAtMost},
    {{"close", "to"}, 2, Qualifier::kApproximate},
    {{"an", "estimated"}, 2, Qualifier::kApproximate},
    {{"about"}, 1, Qualifier::kApproximate},
    {{"around"}, 1, Qualifier::kApproximate},
    {{"roughly"}, 1, Qualifier::kApproximate},
    {{"nearly"}, 1, Qualifier::kApproximate},
    {{"almost"}, 1, Qualifier::kApproximate},
    {{"approximately"}, 1, Qualifier::kApproximate},
    {{"some"}, 1, Qualifier::kApproximate},
    {{"estimated"}, 1, Qualifier::kApproximate},
    {{"circa"}, 1, Qualifier::kApproximate},
    {{"over"}, 1, Qualifier::kAtLeast},
    {{"exceeding"}, 1, Qualifier::kAtLeast},
    {{"above"}, 1, Qualifier::kAtLeast},
    {{"under"}, 1, Qualifier::kAtMost},
    {{"below"}, 1, Qualifier::kAtMost},
};

// The hedge that ends right before token `i` and starts at or after token `first_free`.
const Hedge* HedgeBefore(const Cursor& c, size_t i, size_t first_free) {
  for (const Hedge& hedge : kHedges) {
    if (hedge.count > i || i - hedge.count < first_free) continue;
    const size_t from = i - hedge.count;
    bool same = true;
    for (size_t k = 0; k < hedge.count && same; ++k) same = c.Is(from + k, hedge.words[k]);
    if (same) return &hedge;
  }
  return nullptr;
}

// Cheap first pass: a digit, or a word in the number-word table.
bool MayContainQuantity(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    const char ch = text[pos];
    if (internal::IsAsciiDigit(ch)) return true;
    if (!internal::IsAsciiAlpha(ch)) {
      ++pos;
      continue;
    }
    size_t end = pos + 1;
    while (end < text.size() && internal::IsAsciiAlpha(text[end])) ++end;
    if (end - pos >= 3 && FindNumberWord(text.substr(pos, end - pos)) != nullptr) return true;
    pos = end;
  }
  return false;
}

// The same over word_scan::Tokenize's cut of `text` (valid UTF-8): a digit is in a run
// of digits, and the words are the same runs of letters.
bool MayContainQuantity(std::string_view text, const std::vector<Token>& tokens) {
  return word_scan::HoldsDigitsOrWord(text, tokens, 3, [](std::string_view word) {
    return FindNumberWord(word) != nullptr;
  });
}

// The scale word a quantity ends with ("lakh" = 100,000, "thousand" = 1,000), or 0.
int64_t EndingScale(const Cursor& c, std::string_view text, const Quantity& q) {
  (void)c;
  size_t word_start = q.end;
  while (word_start > q.number_start && internal::IsAsciiAlpha(text[word_start - 1])) --word_start;
  if (word_start == q.end) return 0;
  const internal::NumberWord* word = FindNumberWord(text.substr(word_start, q.end - word_start));
  return word != nullptr && word->scale >= 1000 ? word->scale : 0;
}

// Whether a number may start at token `i`: digits, or a word ParseWords does not turn
// away at once (an article or a number word). Most tokens are neither, and asking here
// spares building and reading a rejected Match for each.
bool MayStartNumber(const Cursor& c, size_t i) {
  if (c.Digits(i)) return true;
  return c.Word(i) && (c.Is(i, "a") || c.Is(i, "an") || c.Number(i) != nullptr);
}

Match ParseAt(const Cursor& c, size_t i) {
  if (c.Digits(i)) return internal::ParseDigits(c, i);
  if (c.Word(i)) return internal::ParseWords(c, i);
  return internal::Reject(i);
}

// The quantities of `text` from its tokens, left to right.
std::vector<Quantity> ReadQuantities(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<Quantity> found;
  const Cursor c(text, tokens);
  size_t first_free = 0;
  for (size_t i = 0; i < c.size();) {
    if (!MayStartNumber(c, i)) {
      ++i;
      continue;
    }
    const Match m = ParseAt(c, i);
    if (!m.accepted) {
      i = std::max(i, m.last) + 1;
      continue;
    }
    Quantity q = internal::ToQuantity(c[i].start, c[m.last].end, m);
    if (!m.is_ordinal && !m.is_year) {
      if (const Hedge* hedge = HedgeBefore(c, i, first_free); hedge != nullptr) {
        q.start = c[i - hedge->count].start;
        q.qualifier = hedge->qualifier;
      }
    }
    // "seven lakh 93 thousand 802", "2 million 300 thousand": a number written in
    // parts, each smaller than the scale that ends the one before.
    if (!found.empty() && !q.is_share && !q.is_ordinal && !q.is_year && !q.is_decimal) {
      Quantity& before = found.back();
      const int64_t scale = EndingScale(c, text, before);
      const std::string_view gap = text.substr(before.end, q.start - before.end);
      const bool adjacent = gap == " " || gap == " and ";
      if (scale > 0 && adjacent && q.qualifier == Qualifier::kExact && q.value < scale &&
          !before.is_share && !before.is_ordinal) {
        before.value += q.value;
        before.end = q.end;
        i = m.last + 1;
        first_free = i;
        continue;
      }
    }
    found.push_back(q);
    i = m.last + 1;
    first_free = i;
  }
  return found;
}

}  // namespace

std::vector<Quantity> FindQuantities(std::string_view text) {
  if (!MayContainQuantity(text)) return {};
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 4 + 4);
  internal::Tokenize(text, tokens);
  return ReadQuantities(text, tokens);
}

std::vector<Quantity> FindQuantities(std::string_view text, const std::vector<Token>& tokens) {
  if (!MayContainQuantity(text, tokens)) return {};
  return ReadQuantities(text, tokens);
}

bool IsNumberWord(std::string_view word) { return internal::FindNumberWord(word) != nullptr; }

std::optional<int64_t> ParseNumber(std::string_view text) {
  std::vector<Token> tokens;
  internal::Tokenize(text, tokens);
  if (tokens.empty()) return std::nullopt;
  const Cursor c(text, tokens);
  const Match m = ParseAt(c, 0);
  if (!m.accepted || m.last + 1 != c.size()) return std::nullopt;
  return m.value;
}

}  // namespace epiwire::quantity
