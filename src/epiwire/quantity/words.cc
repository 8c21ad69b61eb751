// SPDX-License-Identifier: MIT
// Internal to the quantity stage: spelled numbers. Tested by quantity_test.cc.
//
// The grammar, over lower-cased words (a hyphen may join a tens word and a unit):
//   number   := small [hundred [and small]] {scale [and] [small [hundred [and small]]]}
//               | small dozen | (a|an) scale ... | half (a|an) scale
//   small    := unit | teen | tens [-] [unit]
//   share    := small [-] fraction | (a|an) fraction "of" | half (of|the|...)
//   ordinal  := ordinal-word | tens - ordinal-unit
// Scales must fall ("two thousand five hundred"), so "million thousand" stops early.
#include <cmath>
#include <limits>

#include "epiwire/quantity/grammar.h"

namespace epiwire::quantity::internal {
namespace {

struct Small {
  int64_t value = 0;
  size_t last = 0;
  int ordinal = 0;  // set when the number ends in an ordinal ("twenty-first")
};

// A cardinal below a hundred at token `i`: "seven", "seventeen", "seventy-one", "seventy one".
bool ReadSmall(const Cursor& c, size_t i, Small& out) {
  const NumberWord* word = c.Number(i);
  if (word == nullptr || word->cardinal < 0) return false;
  out = Small{word->cardinal, i, 0};
  if (word->cardinal < 20 || word->cardinal % 10 != 0) return true;
  size_t k = i + 1;
  if (c.Dash(k) && c.Glued(i, k) && c.Glued(k, k + 1)) ++k;
  const NumberWord* unit = c.Number(k);
  if (unit == nullptr) return true;
  if (unit->cardinal >= 1 && unit->cardinal <= 9) {
    out.value += unit->cardinal;
    out.last = k;
  } else if (unit->ordinal >= 1 && unit->ordinal <= 9 && k == i + 2) {
    out.ordinal = word->cardinal + unit->ordinal;
    out.last = k;
  }
  return true;
}

// Continues a number whose first part (`current`, ending at token `j`) was read, through
// "hundred", "thousand", "million", "dozen". `steps` counts the scale words taken.
Match ReadCompound(const Cursor& c, size_t j, int64_t current, int& steps) {
  int64_t total = 0;
  int64_t last_scale = std::numeric_limits<int64_t>::max();
  steps = 0;
  while (true) {
    const NumberWord* word = c.Number(j + 1);
    if (word == nullptr || word->scale == 0 || current == 0) break;
    if (word->scale == 12) {  // "two dozen"
      if (total != 0 || current >= 100) break;
      current *= 12;
      ++j;
      ++steps;
      break;
    }
    if (word->scale == 100) {
      if (current >= 100 || last_scale <= 100) break;
      current *= 100;
      ++j;
      ++steps;
      Small tail;
      const size_t k = c.Is(j + 1, "and") ? j + 2 : j + 1;
      if (ReadSmall(c, k, tail) && tail.ordinal == 0 && tail.value > 0) {
        current += tail.value;
        j = tail.last;
      }
      continue;
    }
    if (word->scale >= last_scale) break;
    total += current * word->scale;
    last_scale = word->scale;
    current = 0;
    ++j;
    ++steps;
    Small tail;
    const size_t k = c.Is(j + 1, "and") ? j + 2 : j + 1;
    if (ReadSmall(c, k, tail) && tail.ordinal == 0 && tail.value > 0) {
      current = tail.value;
      j = tail.last;
    }
  }
  Match m;
  m.accepted = true;
  m.last = j;
  m.value = total + current;
  m.is_word = true;
  return m;
}

Match Share(size_t last, double fraction) {
  Match m;
  m.accepted = true;
  m.last = last;
  m.value = std::llround(100.0 * fraction);
  m.is_share = true;
  m.is_word = true;
  return m;
}

bool TakesHalf(const Cursor& c, size_t i) {
  static constexpr std::string_view kFollowers[] = {"of",    "the",   "its", "their", "all",
                                                    "those", "these", "his", "her",   "our"};
  for (std::string_view follower : kFollowers) {
    if (c.Is(i, follower)) return true;
  }
  return false;
}

// "a hundred", "an estimated" (no), "a third of".
Match ParseArticle(const Cursor& c, size_t i) {
  const NumberWord* next = c.Number(i + 1);
  if (next == nullptr) return Reject(i);
  if (next->scale > 0) {
    int steps = 0;
    Match m = ReadCompound(c, i, 1, steps);
    return steps > 0 ? m : Reject(i);
  }
  if (next->denominator > 0 && !next->plural && c.Is(i + 2, "of")) {
    return Share(i + 1, 1.0 / next->denominator);
  }
  return Reject(i);
}

Match ParseHalf(const Cursor& c, size_t i) {
  if (i > 0) {  // "the second half", "the latter half": a part of a time, not a share
    const NumberWord* before = c.Number(i - 1);
    if ((before != nullptr && before->ordinal > 0) || c.Is(i - 1, "the") || c.Is(i - 1, "latter") ||
        c.Is(i - 1, "former")) {
      return Reject(i);
    }
  }
  if (c.Is(i + 1, "a") || c.Is(i + 1, "an")) {
    const NumberWord* scale = c.Number(i + 2);
    if (scale != nullptr && scale->scale > 0) {
      Match m;
      m.accepted = true;
      m.last = i + 2;
      m.value = scale->scale / 2;
      m.is_word = true;
      return m;
    }
  }
  return TakesHalf(c, i + 1) ? Share(i, 0.5) : Reject(i);
}

}  // namespace

Match ParseWords(const Cursor& c, size_t i) {
  if (c.Is(i, "a") || c.Is(i, "an")) return ParseArticle(c, i);
  const NumberWord* word = c.Number(i);
  if (word == nullptr) return Reject(i);
  if (c.Is(i, "half")) return ParseHalf(c, i);
  if (word->cardinal < 0) {
    if (word->ordinal == 0) return Reject(i);  // "quarter", "dozen", "million" alone
    Match m;
    m.accepted = true;
    m.last = i;
    m.value = word->ordinal;
    m.is_ordinal = true;
    m.is_word = true;
    return m;
  }
  if (word->cardinal == 1 && i > 0 && c.Is(i - 1, "no")) return Reject(i);  // "no one"

  Small small;
  ReadSmall(c, i, small);
  if (small.ordinal > 0) {
    Match m;
    m.accepted = true;
    m.last = small.last;
    m.value = small.ordinal;
    m.is_ordinal = true;
    m.is_word = true;
    return m;
  }
  // "one-third", "two thirds", "three-quarters", "one fifth".
  const size_t after = small.last + 1;
  const bool hyphen = c.Dash(after) && c.Glued(small.last, after) && c.Glued(after, after + 1);
  const size_t fraction_at = hyphen ? after + 1 : after;
  const NumberWord* fraction = c.Number(fraction_at);
  if (fraction != nullptr && fraction->denominator > 0 && small.value >= 1 &&
      small.value < fraction->denominator && (hyphen || fraction->plural == (small.value > 1))) {
    return Share(fraction_at, static_cast<double>(small.value) / fraction->denominator);
  }
  int steps = 0;
  Match m = ReadCompound(c, small.last, small.value, steps);
  if (const size_t percent = PercentAfter(c, m.last); percent > 0) {
    m.is_share = true;
    m.last += percent;
  }
  return m;
}

}  // namespace epiwire::quantity::internal
