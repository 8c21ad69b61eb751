// SPDX-License-Identifier: MIT
// Quantities read with a loaded language grammar (number_grammar.h); a null grammar
// goes to the built-in English reader in quantity.cc. Tested by number_grammar_test.cc.
#include <algorithm>

#include "epiwire/base/script_scan.h"
#include "epiwire/quantity/number_grammar.h"
#include "epiwire/quantity/number_lexicon.h"
#include "epiwire/quantity/quantity.h"

namespace epiwire::quantity {
namespace {

using internal::LangMatch;
using script_scan::ScriptView;
using script_scan::Tokens;

// "715 mil 277", "2 millions 300 000": a number written in parts, each smaller than
// the scale that ends the one before, joined by a space or a joiner word.
bool JoinsParts(const internal::NumberLexicon& lexicon, std::string_view text,
                const Quantity& before, int64_t before_scale, const Quantity& next) {
  if (before_scale == 0 || before.is_share || before.is_ordinal || next.is_share ||
      next.is_ordinal || next.is_year || next.is_decimal || next.qualifier != Qualifier::kExact ||
      next.value >= before_scale) {
    return false;
  }
  const std::string_view gap = text.substr(before.end, next.start - before.end);
  if (gap == " ") return true;
  // "1万5173例": the units below a Chinese scale glued after it, written out in full (as
  // many digits as the scale has zeros: "3万5" is thirty-five thousand, not read here).
  if (gap.empty()) {
    const std::string_view digits = text.substr(next.start, next.end - next.start);
    size_t zeros = 0;
    for (int64_t s = before_scale; s >= 10; s /= 10) ++zeros;
    return zeros >= 4 && digits.size() == zeros &&
           std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
  }
  Tokens tokens;
  script_scan::Tokenize(gap, tokens);
  if (tokens.list.size() != 1) return false;
  const ScriptView view(gap, tokens);
  const auto joiner = lexicon.phrases.Longest(view, 0, nullptr, [&](uint32_t payload) {
    return lexicon.entries[payload].role == internal::Role::kJoiner;
  });
  return joiner.has_value() && !view.Mark(0, '-');
}

}  // namespace

std::vector<Quantity> FindQuantities(std::string_view text, const NumberGrammar* grammar) {
  if (grammar == nullptr) return FindQuantities(text);
  Tokens tokens;
  script_scan::Tokenize(text, tokens);
  return FindQuantities(text, tokens, *grammar);
}

std::vector<Quantity> FindQuantities(std::string_view text, const Tokens& tokens,
                                     const NumberGrammar& grammar) {
  const internal::NumberLexicon& lexicon = grammar.lexicon();
  std::vector<Quantity> found;
  const ScriptView view(text, tokens);
  const script_scan::PhraseTable::Index index(lexicon.phrases, view);
  size_t first_free = 0;
  int64_t ending_scale = 0;
  for (size_t i = 0; i < view.size();) {
    // Every reading starts with digits or a phrase of the lexicon at this token, or is
    // ruled out by one starting at the token before: most tokens have none of them.
    if (!view.Digits(i) && index.At(i) == nullptr && (i == 0 || index.At(i - 1) == nullptr)) {
      ++i;
      continue;
    }
    const LangMatch m = internal::ReadNumber(lexicon, view, index, i, false);
    if (!m.accepted) {
      i = std::max(i, m.last) + 1;
      continue;
    }
    Quantity q = internal::ToQuantity(view.token(i).start, view.token(m.last).end, m);
    if (!m.is_ordinal && !m.is_year) {
      if (const auto hedge = internal::HedgeBefore(lexicon, view, index, i, first_free)) {
        q.start = view.token(hedge->first).start;
        q.qualifier = hedge->second;
      }
    }
    if (!found.empty() && JoinsParts(lexicon, text, found.back(), ending_scale, q)) {
      found.back().value += q.value;
      found.back().end = q.end;
    } else {
      found.push_back(q);
      ending_scale = m.ending_scale;
    }
    i = m.last + 1;
    first_free = i;
  }
  return found;
}

std::optional<int64_t> ParseNumber(std::string_view text, const NumberGrammar* grammar) {
  if (grammar == nullptr) return ParseNumber(text);
  Tokens tokens;
  script_scan::Tokenize(text, tokens);
  const ScriptView view(text, tokens);
  const auto number = grammar->ReadAt(view, 0);
  if (!number || number->second + 1 != view.size()) return std::nullopt;
  return number->first;
}

std::optional<NumberPrefix> ReadNumberPrefix(std::string_view text, const NumberGrammar* grammar) {
  if (grammar == nullptr) {
    // English: the longest leading run of words and digits that parses as one number.
    const std::vector<Quantity> found = FindQuantities(text);
    if (found.empty() || found[0].start != 0 || found[0].is_share) return std::nullopt;
    return NumberPrefix{found[0].value, found[0].end};
  }
  Tokens tokens;
  script_scan::Tokenize(text, tokens);
  const ScriptView view(text, tokens);
  if (view.size() == 0 || view.token(0).start != 0) return std::nullopt;
  const auto number = grammar->ReadAt(view, 0);
  if (!number) return std::nullopt;
  return NumberPrefix{number->first, view.token(number->second).end};
}

std::optional<std::pair<int64_t, size_t>> NumberGrammar::ReadAt(const script_scan::ScriptView& view,
                                                                size_t i) const {
  // A spelled number spans a few tokens at most; only those are looked up.
  constexpr size_t kNumberTokens = 16;
  // Most tokens start no number: digits or a phrase of the grammar must (the dates
  // reader asks at every token of a text).
  if (!view.Digits(i) && !lexicon_->phrases.MayStartAt(view, i)) return std::nullopt;
  const script_scan::PhraseTable::Index index(lexicon_->phrases, view, i, i + kNumberTokens);
  const LangMatch m = internal::ReadNumber(*lexicon_, view, index, i, true);
  if (!m.accepted || m.is_share) return std::nullopt;
  return std::make_pair(m.value, m.last);
}

}  // namespace epiwire::quantity
