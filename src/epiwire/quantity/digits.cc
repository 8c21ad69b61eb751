// SPDX-License-Identifier: MIT
// Internal to the quantity stage: numerals written with digits. Tested by quantity_test.cc.
#include <cmath>
#include <vector>

#include "epiwire/quantity/grammar.h"

namespace epiwire::quantity::internal {
namespace {

constexpr int64_t kMaxValue = 1000000000000000;  // 10^15: larger is not a count we report

// A digit run with its thousands groups and decimal part.
struct Numeral {
  int64_t integer = 0;
  int64_t fraction = 0;
  int fraction_digits = 0;
  bool grouped = false;
  size_t first_digits = 0;  // length of the first digit run
  size_t last = 0;
};

int64_t DigitValue(std::string_view digits) {
  int64_t value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

// Whether a group of three digits follows token `j` after one space, a no-break space or a
// thin one; not one that goes on with a comma group of its own ("12 345,678").
bool SpaceGroupAfter(const Cursor& c, size_t j) {
  if (!c.Digits(j + 1) || c.Text(j + 1).size() != 3) return false;
  const std::string_view gap = c.Gap(j, j + 1);
  if (gap != " " && gap != "\u00A0" && gap != "\u202F" && gap != "\u2009") return false;
  return !(c.Mark(j + 2, ',') && c.Glued(j + 1, j + 2) && c.Digits(j + 3));
}

// Reads "1,234,567.89" from token `i`; false when it is too long to be a count or is a
// dotted chain ("1.2.3").
bool ReadNumeral(const Cursor& c, size_t i, Numeral& out) {
  out = Numeral{};
  out.first_digits = c.Text(i).size();
  if (out.first_digits > 15) return false;
  out.integer = DigitValue(c.Text(i));
  size_t j = i;
  size_t total_digits = out.first_digits;
  if (out.first_digits <= 3) {
    // The comma groups that follow: thousands ("1,234,567") or the Indian lakh and
    // crore grouping ("4,56,183", "1,39,010": groups of two, then a last group of three).
    std::vector<size_t> groups;
    size_t k = j;
    while (c.Mark(k + 1, ',') && c.Glued(k, k + 1) && c.Digits(k + 2) && c.Glued(k + 1, k + 2) &&
           groups.size() < 7) {
      groups.push_back(k + 2);
      k += 2;
    }
    const auto size_of = [&](size_t g) { return c.Text(groups[g]).size(); };
    size_t western = 0;
    while (western < groups.size() && size_of(western) == 3) ++western;
    size_t indian = 0;
    if (out.first_digits <= 2 && groups.size() >= 2) {
      while (indian + 1 < groups.size() && size_of(indian) == 2) ++indian;
      indian = size_of(indian) == 3 && indian >= 1 ? indian + 1 : 0;
    }
    const size_t used = indian > western ? indian : western;
    for (size_t g = 0; g < used && total_digits + size_of(g) <= 15; ++g) {
      for (size_t d = 0; d < size_of(g); ++d) out.integer *= 10;
      out.integer += DigitValue(c.Text(groups[g]));
      total_digits += size_of(g);
      out.grouped = true;
      j = groups[g];
    }
  }
  // "6 291", "1 245 678": groups of three after one space (or a no-break or thin one), as
  // South African and other news write thousands. Not a number glued to a word before
  // ("COVID-19 123 cases") nor a day after its month ("March 3 291 people").
  if (!out.grouped && out.first_digits <= 3 && (i == 0 || !c.Glued(i - 1, i)) &&
      !(i > 0 && c.Month(i - 1))) {
    while (SpaceGroupAfter(c, j) && total_digits + 3 <= 15) {
      ++j;
      out.integer = out.integer * 1000 + DigitValue(c.Text(j));
      total_digits += 3;
      out.grouped = true;
    }
  }
  if (c.Mark(j + 1, '.') && c.Glued(j, j + 1) && c.Digits(j + 2) && c.Glued(j + 1, j + 2)) {
    if (c.Mark(j + 3, '.') && c.Glued(j + 2, j + 3) && c.Digits(j + 4) && c.Glued(j + 3, j + 4)) {
      return false;
    }
    const std::string_view fraction = c.Text(j + 2);
    if (fraction.size() > 9) return false;
    out.fraction = DigitValue(fraction);
    out.fraction_digits = static_cast<int>(fraction.size());
    j += 2;
  }
  out.last = j;
  return true;
}

double RealValue(const Numeral& n) {
  return static_cast<double>(n.integer) +
         static_cast<double>(n.fraction) / std::pow(10.0, n.fraction_digits);
}

}  // namespace

size_t PercentAfter(const Cursor& c, size_t j) {
  if (c.Mark(j + 1, '%')) return 1;
  if (c.Is(j + 1, "percent") || c.Is(j + 1, "pct")) return 1;
  if (c.Is(j + 1, "per") && c.Is(j + 2, "cent")) return 2;
  return 0;
}

namespace {

// A scale written as a glued suffix ("10k", "1.2m", "3bn"); 0 when the word is no scale.
int64_t SuffixScale(const Cursor& c, size_t i) {
  if (c.Is(i, "k")) return 1000;
  if (c.Is(i, "m") || c.Is(i, "mn") || c.Is(i, "mln")) return 1000000;
  if (c.Is(i, "bn")) return 1000000000;
  return 0;
}

// A scale written as its own word after a numeral ("1.2 million", "2 thousand").
int64_t WordScale(const Cursor& c, size_t i) {
  if (c.Is(i, "mln") || c.Is(i, "mn")) return 1000000;
  if (c.Is(i, "bn")) return 1000000000;
  const NumberWord* word = c.Number(i);
  return word != nullptr && word->scale >= 100 ? word->scale : 0;
}

bool IsOrdinalSuffix(const Cursor& c, size_t i) {
  return c.Is(i, "st") || c.Is(i, "nd") || c.Is(i, "rd") || c.Is(i, "th");
}

// "am", "pm", "a.m.", "p.m." starting at token `i`: the number of tokens, or 0.
size_t ClockSuffixAt(const Cursor& c, size_t i) {
  if (c.Is(i, "am") || c.Is(i, "pm")) return 1;
  if ((c.Is(i, "a") || c.Is(i, "p")) && c.Mark(i + 1, '.') && c.Glued(i, i + 1) &&
      c.Is(i + 2, "m") && c.Glued(i + 1, i + 2)) {
    return c.Mark(i + 3, '.') && c.Glued(i + 2, i + 3) ? 4 : 3;
  }
  return 0;
}

bool WordHasUpper(std::string_view word) {
  for (char ch : word) {
    if (ch >= 'A' && ch <= 'Z') return true;
  }
  return false;
}

bool YearLike(const Numeral& n) {
  return !n.grouped && n.fraction_digits == 0 && n.first_digits == 4 && n.integer >= 1900 &&
         n.integer <= 2099;
}

bool DayLike(const Numeral& n) {
  return !n.grouped && n.fraction_digits == 0 && n.first_digits <= 2 && n.integer >= 1 &&
         n.integer <= 31;
}

// Whether the token before a number (skipping the dot of "Apr.") is a month name.
bool MonthBefore(const Cursor& c, size_t i) {
  if (i == 0) return false;
  size_t p = i - 1;
  if (c.Mark(p, '.') && p > 0 && c.Glued(p - 1, p)) --p;
  return c.Month(p);
}

}  // namespace

Match ParseDigits(const Cursor& c, size_t i) {
  // Glued to what comes before: an identifier ("H5N1", "COVID-19", "v2.0") or a time.
  if (i > 0 && c.Glued(i - 1, i)) {
    if (c.Alnum(i - 1)) return Reject(c.GluedEnd(i));
    const bool joiner =
        c.Dash(i - 1) || c.Mark(i - 1, '.') || c.Mark(i - 1, ':') || c.Mark(i - 1, '/');
    if (joiner && i > 1 && c.Glued(i - 2, i - 1) && c.Alnum(i - 2)) return Reject(c.GluedEnd(i));
  }
  Numeral first;
  if (!ReadNumeral(c, i, first)) return Reject(c.GluedEnd(i));
  size_t j = first.last;
  if ((c.Mark(j + 1, ':') || c.Mark(j + 1, '/')) && c.Glued(j, j + 1) && c.Digits(j + 2) &&
      c.Glued(j + 1, j + 2)) {
    return Reject(c.GluedEnd(i));
  }

  Match m;
  Numeral number = first;
  // "3-5": the upper bound, as a ceiling. Other digit-dash-digit shapes are not counts.
  bool range = false;
  if (c.Dash(j + 1) && c.Glued(j, j + 1) && c.Digits(j + 2) && c.Glued(j + 1, j + 2)) {
    Numeral second;
    if (!ReadNumeral(c, j + 2, second)) return Reject(c.GluedEnd(i));
    const size_t k = second.last;
    if (c.Dash(k + 1) && c.Glued(k, k + 1) && c.Alnum(k + 2) && c.Glued(k + 1, k + 2)) {
      return Reject(c.GluedEnd(i));  // "2020-04-08", "555-123-4567"
    }
    if (first.integer >= second.integer) return Reject(k);  // a score or "2020-21"
    number = second;
    j = k;
    range = true;
    m.qualifier = Qualifier::kAtMost;
  } else if (c.Dash(j + 1) && c.Glued(j, j + 1) && c.Word(j + 2) && c.Glued(j + 1, j + 2) &&
             WordHasUpper(c.Text(j + 2))) {
    return Reject(c.GluedEnd(i));  // "2019-nCoV"
  }

  int64_t scale = 1;
  bool ordinal = false;
  if (c.Word(j + 1) && c.Glued(j, j + 1)) {
    if (IsOrdinalSuffix(c, j + 1) && number.fraction_digits == 0 && !range) {
      ordinal = true;
    } else if (const int64_t suffix = SuffixScale(c, j + 1); suffix > 0) {
      scale = suffix;
    } else {
      return Reject(c.GluedEnd(i));  // "10km", "1990s", "10pm", "4G"
    }
    ++j;
  }

  // A calendar day or year next to a month name is part of a date.
  const bool bare = scale == 1 && !range;
  if (bare && (DayLike(number) || (YearLike(number) && !ordinal)) && MonthBefore(c, i)) {
    if (c.Mark(j + 1, ',') && c.Digits(j + 2)) {
      Numeral year;
      if (ReadNumeral(c, j + 2, year) && YearLike(year)) return Reject(year.last);
    }
    // "from June 1 to 14": the day that ends the range is the date's too.
    if (DayLike(number) && (c.Is(j + 1, "to") || c.Is(j + 1, "through") || c.Is(j + 1, "until")) &&
        c.Digits(j + 2)) {
      Numeral last_day;
      if (ReadNumeral(c, j + 2, last_day) && DayLike(last_day) &&
          last_day.integer > number.integer) {
        return Reject(last_day.last);
      }
    }
    return Reject(j);
  }
  if (bare && DayLike(number)) {
    const size_t k = c.Is(j + 1, "of") ? j + 2 : j + 1;
    if (c.Month(k)) return Reject(j);
  }
  if (bare && !ordinal && number.fraction_digits == 0 && !number.grouped && number.integer <= 24) {
    if (const size_t clock = ClockSuffixAt(c, j + 1); clock > 0) return Reject(j + clock);
  }

  if (const size_t percent = PercentAfter(c, j); percent > 0 && !ordinal) {
    m.is_share = true;
    j += percent;
  } else if (scale == 1 && !ordinal) {
    for (int round = 0; round < 2; ++round) {
      // ("the 10-million mark": a hyphen may join the scale word.)
      size_t at = j + 1;
      if (c.Dash(at) && c.Glued(j, at) && c.Glued(at, at + 1)) ++at;
      const int64_t word_scale = WordScale(c, at);
      if (word_scale == 0) break;
      scale *= word_scale;
      j = at;
    }
  }

  const double real = RealValue(number) * static_cast<double>(scale);
  if (real > static_cast<double>(kMaxValue)) return Reject(j);
  m.accepted = true;
  m.last = j;
  m.value = std::llround(real);
  m.is_decimal = std::floor(real) != real;
  m.is_ordinal = ordinal;
  m.is_year =
      !m.is_share && !ordinal && scale == 1 && YearLike(number) && (!range || YearLike(first));
  return m;
}

}  // namespace epiwire::quantity::internal
