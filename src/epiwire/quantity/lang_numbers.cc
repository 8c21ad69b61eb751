// SPDX-License-Identifier: MIT
// Internal to the quantity stage: numbers as a loaded language lexicon describes them.
// Tested by number_grammar_test.cc.
//
// Digits: a run, then groups ("20.453", "13 965": a group mark or one space, then
// exactly three digits), a decimal part after the language's decimal mark ("34,2"; the
// other mark before one, two or four digits is read as decimal too, "2.5"), then what
// follows decides: a glued ordinal suffix ("1er", "2-y"), a percent, scale words
// ("1,5 mln", "3 wan"), or a word that makes it part of a date or a time ("4 yue", "8 ri",
// "24 shi", "8 aprelya", "19 de abril"), which rejects it. Glued to letters before it, it
// is an identifier ("EK004", "COVID-19").
//
// Words: parts are read left to right into total (closed by scales), section (below the
// last scale) and pending (the last unit, which a multiplier may still multiply):
//   cardinal   v: starts the number, or adds to it when smaller than the lowest place of
//                 the part before ("vingt" + "deux", "sto" + "dvadtsat'", "shi" + "si")
//   multiplier m: pending *= m ("deux cents", "er shi"); alone it means one m ("cent", "shi")
//   scale      s: total += (section + pending) * s ("deux mille", "liang wan", "mil millones")
//   ordinal    o: ends the number as an ordinal ("premier", "dvadtsat' pervyy")
// Joiners ("et", "y", "-") may stand between parts. A zero inside Chinese numerals
// ("yi qian ling wu") only fills a place.
#include <cmath>
#include <limits>

#include "epiwire/quantity/number_lexicon.h"

namespace epiwire::quantity::internal {
namespace {

using script_scan::PhraseTable;
using script_scan::ScriptView;

constexpr int64_t kMaxValue = 1000000000000000;  // 10^15

class Reader {
 public:
  Reader(const NumberLexicon& lexicon, const ScriptView& view, const PhraseTable::Index& index)
      : lex_(lexicon), v_(view), index_(index) {}

  // The longest phrase of one of `roles` at token `i`.
  template <typename... Roles>
  std::optional<PhraseTable::Hit> Find(size_t i, Roles... roles) const {
    return lex_.phrases.Longest(v_, index_, i, nullptr, [&](uint32_t payload) {
      const Role role = lex_.entries[payload].role;
      return ((role == roles) || ...);
    });
  }
  const LexiconEntry& Entry(const PhraseTable::Hit& hit) const { return lex_.entries[hit.payload]; }

  LangMatch Digits(size_t i) const;
  LangMatch Words(size_t i) const;
  LangMatch Prefixed(size_t i) const;

  // Hedges written after the number ("100 duo"), then, for spelled numbers in a language
  // that needs it, the classifier that must follow.
  void HedgeAfter(LangMatch& m) const {
    if (const auto hit = Find(m.last + 1, Role::kHedgeAfter)) {
      m.qualifier = Entry(*hit).qualifier;
      m.last = hit->last;
    }
  }

 private:
  bool DateAfter(size_t j, int64_t value, bool year_like) const;
  bool MonthBefore(size_t i) const;
  bool ReadGroups(size_t& j, int64_t& integer, size_t& digits) const;
  bool ReadCommaGroups(size_t& j, int64_t& integer) const;
  bool Separator(size_t j, char mark) const {
    return v_.Mark(j + 1, mark) && v_.Glued(j, j + 1) && v_.Digits(j + 2) && v_.Glued(j + 1, j + 2);
  }
  bool AddsTo(int64_t before, int64_t value) const;

  const NumberLexicon& lex_;
  const ScriptView& v_;
  const PhraseTable::Index& index_;
};

int64_t LowestPlace(int64_t n) {
  int64_t place = 1;
  while (n > 0 && n % (place * 10) == 0) place *= 10;
  return place;
}

bool Reader::AddsTo(int64_t before, int64_t value) const {
  if (value < before && value < LowestPlace(before)) return true;
  if (value >= 10 && value <= 19) {
    for (int64_t tens : lex_.teen_tens) {
      if (tens == before) return true;
    }
  }
  return false;
}

// Thousands groups after the run ending at `j`; all groups use one separator.
bool Reader::ReadGroups(size_t& j, int64_t& integer, size_t& digits) const {
  char used = 0;
  bool grouped = false;
  while (digits <= 12) {
    char mark = 0;
    for (char candidate : lex_.group_marks) {
      if ((used == 0 || used == candidate) && Separator(j, candidate) &&
          v_.Key(j + 2).size() == 3) {
        mark = candidate;
      }
    }
    if (mark != 0) {
      j += 2;
    } else if (lex_.group_by_space && (used == 0 || used == ' ') && v_.Digits(j + 1) &&
               !v_.Glued(j, j + 1) && v_.Key(j + 1).size() == 3 &&
               v_.token(j + 1).start - v_.token(j).end <= 3 &&
               v_.text().substr(v_.token(j).end, 1) != "\n") {
      mark = ' ';
      j += 1;
    } else {
      break;
    }
    used = mark;
    integer = integer * 1000 + v_.DigitValue(j);
    digits += 3;
    grouped = true;
  }
  return grouped;
}

// "1,203 casos", "439,046 casos confirmados": in a language whose decimal mark is a
// comma, news of the Americas still groups thousands with one, as English does. Commas
// each before exactly three digits group thousands, unless a scale word follows ("1,5
// millones" and "2,345 millones" are decimals) or a point does ("1,203.5").
bool Reader::ReadCommaGroups(size_t& j, int64_t& integer) const {
  size_t k = j;
  int64_t value = integer;
  while (Separator(k, ',') && v_.Key(k + 2).size() == 3 && value < 1'000'000'000'000) {
    value = value * 1000 + v_.DigitValue(k + 2);
    k += 2;
  }
  if (k == j || Separator(k, '.') || Separator(k, ',') || Find(k + 1, Role::kScale)) return false;
  j = k;
  integer = value;
  return true;
}

// Whether the number ending at token `j` is the day of a date ("8 aprelya", "19 de abril",
// "4 yue", "8 ri") or a time ("24 shi").
bool Reader::DateAfter(size_t j, int64_t value, bool year_like) const {
  if (v_.Glued(j, j + 1) && Find(j + 1, Role::kNotCountAfter)) return true;
  if (value < 1 || value > 31 || year_like) return false;
  size_t k = j + 1;
  if (const auto link = Find(k, Role::kMonthLink)) k = link->last + 1;
  return Find(k, Role::kMonth).has_value();
}

// Whether a month name (and a link word) stands right before token `i`: "mars 2020".
bool Reader::MonthBefore(size_t i) const {
  for (size_t back = 1; back <= 3 && back <= i; ++back) {
    if (const auto month = Find(i - back, Role::kMonth); month && month->last + 1 == i) return true;
    if (const auto link = Find(i - back, Role::kMonthLink);
        link && link->last + 1 == i && back < i) {
      for (size_t more = 1; more <= 3 && more + back <= i; ++more) {
        const auto m = Find(i - back - more, Role::kMonth);
        if (m && m->last + 1 == i - back) return true;
      }
    }
  }
  return false;
}

LangMatch RejectAt(size_t last) {
  LangMatch m;
  m.last = last;
  return m;
}

LangMatch Reader::Digits(size_t i) const {
  // Glued to letters or digits before it: an identifier ("EK004", "COVID-19", "v2.0").
  if (i > 0 && v_.Glued(i - 1, i)) {
    if (v_.Alnum(i - 1)) return RejectAt(i);
    const bool joiner =
        v_.Mark(i - 1, '-') || v_.Mark(i - 1, '.') || v_.Mark(i - 1, ':') || v_.Mark(i - 1, '/');
    if (joiner && i > 1 && v_.Glued(i - 2, i - 1) && v_.Alnum(i - 2)) return RejectAt(i);
  }
  size_t digits = v_.Key(i).size();
  if (digits > 15) return RejectAt(i);
  int64_t integer = v_.DigitValue(i);
  size_t j = i;
  bool grouped = digits <= 3 && ReadGroups(j, integer, digits);
  if (!grouped && digits <= 3 && lex_.decimal_mark == ',') grouped = ReadCommaGroups(j, integer);
  int64_t fraction = 0;
  int fraction_digits = 0;
  for (char mark : {lex_.decimal_mark, lex_.decimal_mark == '.' ? ',' : '.'}) {
    if (!Separator(j, mark)) continue;
    if (mark != lex_.decimal_mark && (grouped || v_.Key(j + 2).size() == 3)) break;
    const std::string_view part = v_.Key(j + 2);
    if (part.size() > 9) return RejectAt(j + 2);
    if (Separator(j + 2, '.') || Separator(j + 2, ',')) return RejectAt(j + 4);  // "19.02.2019"
    fraction = v_.DigitValue(j + 2);
    fraction_digits = static_cast<int>(part.size());
    j += 2;
    break;
  }
  if (Separator(j, ':') || Separator(j, '/')) return RejectAt(j + 2);  // "12:58", "25/02/2020"

  LangMatch m;
  // "3-5": the upper bound as a ceiling; "2020-04-08" and "3-1" are no counts.
  if (Separator(j, '-') && fraction_digits == 0) {
    const int64_t second = v_.DigitValue(j + 2);
    if (Separator(j + 2, '-') || second <= integer || v_.Key(j + 2).size() > 15) {
      return RejectAt(j + 2);
    }
    integer = second;
    j += 2;
    m.qualifier = Qualifier::kAtMost;
  }
  const bool year_like =
      !grouped && fraction_digits == 0 && digits == 4 && integer >= 1900 && integer <= 2099;
  if (fraction_digits == 0 && !grouped && DateAfter(j, integer, year_like)) return RejectAt(j + 1);
  if (fraction_digits == 0 && !grouped && (integer <= 31 || year_like) && MonthBefore(i)) {
    return RejectAt(j);
  }

  int64_t scale = 1;
  bool marked_year = false;
  if (const auto suffix = Find(j + 1, Role::kOrdinalSuffix);
      suffix && v_.Glued(j, j + 1) && fraction_digits == 0 && !grouped) {
    m.is_ordinal = true;
    j = suffix->last;
    if (DateAfter(j, integer, false)) return RejectAt(j);  // "1er mars"
  } else if (const auto year = Find(j + 1, Role::kYearAfter); year && year_like) {
    // "2020 nian": a year; "2020 nian 4 yue" is part of a date.
    if (v_.Digits(year->last + 1) &&
        DateAfter(year->last + 1, v_.DigitValue(year->last + 1), false)) {
      return RejectAt(year->last + 1);
    }
    j = year->last;
    marked_year = true;
  } else if (const auto percent = Find(j + 1, Role::kPercent)) {
    m.is_share = true;
    j = percent->last;
  } else {
    for (int round = 0; round < 2; ++round) {
      const auto word = Find(j + 1, Role::kScale, Role::kApproximate);
      if (!word) break;
      scale *= Entry(*word).value;
      m.ending_scale = Entry(*word).value;
      if (Entry(*word).role == Role::kApproximate) m.qualifier = Qualifier::kApproximate;
      j = word->last;
    }
  }
  // Letters glued after the number make a unit or a code ("10km", "4G"), not a count;
  // so does a word joined by a hyphen ("45-летний": an age), unless it is an ending of a
  // letter or two ("2-х").
  if (v_.Word(j + 1) && v_.Glued(j, j + 1)) return RejectAt(j + 1);
  if (v_.Mark(j + 1, '-') && v_.Glued(j, j + 1) && v_.Word(j + 2) && v_.Glued(j + 1, j + 2) &&
      v_.Key(j + 2).size() > 4) {
    return RejectAt(j + 2);
  }

  const double real = (static_cast<double>(integer) +
                       static_cast<double>(fraction) / std::pow(10.0, fraction_digits)) *
                      static_cast<double>(scale);
  if (real > static_cast<double>(kMaxValue)) return RejectAt(j);
  m.accepted = true;
  m.last = j;
  m.value = std::llround(real);
  m.is_decimal = std::floor(real) != real;
  m.is_year = year_like && !m.is_share && !m.is_ordinal && scale == 1 &&
              (marked_year || !lex_.year_needs_marker);
  if (!m.is_share && !m.is_ordinal) HedgeAfter(m);
  return m;
}

LangMatch Reader::Words(size_t i) const {
  int64_t total = 0;
  int64_t section = 0;
  int64_t pending = -1;
  bool multiplied = false;  // pending was multiplied already
  int64_t last_part = std::numeric_limits<int64_t>::max();
  int64_t last_scale = std::numeric_limits<int64_t>::max();
  size_t parts = 0;
  size_t k = i;
  LangMatch m;
  m.is_word = true;
  bool done = false;
  while (!done) {
    size_t at = k;
    if (parts > 0) {  // a joiner between two parts ("vingt et un", "treinta y uno")
      if (const auto joiner = Find(k, Role::kJoiner)) {
        const bool hyphen = v_.Mark(k, '-');
        if (!hyphen || (v_.Glued(k - 1, k) && v_.Glued(k, k + 1))) at = joiner->last + 1;
      }
    }
    const auto hit = Find(at, Role::kCardinal, Role::kMultiplier, Role::kScale, Role::kApproximate,
                          Role::kOrdinal);
    if (!hit) break;
    const LexiconEntry& e = Entry(*hit);
    const int64_t amount = section + (pending > 0 ? pending : 0);
    switch (e.role) {
      case Role::kCardinal:
        if (e.value == 0 && parts > 0) break;  // "yi qian ling wu": zero fills a place
        if (parts == 0) {
          pending = e.value;
        } else if (pending >= 0 && AddsTo(last_part, e.value)) {
          section += pending;
          pending = e.value;
        } else if (pending < 0 && e.value < last_scale) {
          pending = e.value;
        } else {
          done = true;
          continue;
        }
        multiplied = false;
        last_part = e.value;
        break;
      case Role::kMultiplier:
        if (pending < 0) {
          pending = e.value;  // "cent", "shi" alone mean one of them
        } else if (pending >= 1 && pending <= 9 && !multiplied) {
          pending *= e.value;
        } else {
          done = true;
          continue;
        }
        multiplied = true;
        last_part = pending;
        break;
      case Role::kScale:
      case Role::kApproximate: {
        int64_t base = amount;
        if (base == 0 && pending != 0) {
          if (parts > 0 && total > 0 && e.value > last_scale) {  // "mil millones"
            total *= e.value;
            last_scale = e.value;
            m.ending_scale = e.value;
            break;
          }
          if (!e.alone || parts > 0) {
            done = true;
            continue;
          }
          base = 1;
        }
        if (e.value >= last_scale || base >= e.value) {
          done = true;
          continue;
        }
        total += base * e.value;
        section = 0;
        pending = -1;
        multiplied = false;
        last_scale = e.value;
        last_part = e.value;
        m.ending_scale = e.value;
        if (e.role == Role::kApproximate) {
          m.qualifier = Qualifier::kApproximate;
          done = true;
        }
        break;
      }
      case Role::kOrdinal:
        if (parts == 0) {
          pending = e.value;
        } else if (pending >= 0 && AddsTo(last_part, e.value)) {
          section += pending;
          pending = e.value;
        } else {
          done = true;
          continue;
        }
        m.is_ordinal = true;
        done = true;
        break;
      default:
        break;
    }
    ++parts;
    k = hit->last + 1;
  }
  if (parts == 0) return RejectAt(i);
  m.accepted = true;
  m.last = k - 1;
  m.value = total + section + (pending > 0 ? pending : 0);
  if (m.value > kMaxValue) return RejectAt(m.last);
  if (m.is_ordinal) return m;
  // "un 2%": an article before digits, not a number; but a scale word alone is the first
  // part of one ("mil 128", as Mexican news writes 1,128).
  if (parts == 1 && m.ending_scale == 0 && v_.Digits(m.last + 1)) return RejectAt(m.last);
  if (const auto percent = Find(m.last + 1, Role::kPercent)) {
    m.is_share = true;
    m.last = percent->last;
    return m;
  }
  HedgeAfter(m);
  return m;
}

// "di shi san", "di 12" (ordinals) and "bai fen zhi wu" (a share).
LangMatch Reader::Prefixed(size_t i) const {
  const auto prefix = Find(i, Role::kOrdinalPrefix, Role::kPercentPrefix);
  if (!prefix) return RejectAt(i);
  const size_t at = prefix->last + 1;
  LangMatch m = v_.Digits(at) ? Digits(at) : Words(at);
  if (!m.accepted || m.is_share || m.is_ordinal || m.is_decimal) return RejectAt(m.last);
  m.qualifier = Qualifier::kExact;
  m.is_year = false;
  m.ending_scale = 0;
  if (Entry(*prefix).role == Role::kOrdinalPrefix) {
    m.is_ordinal = true;
  } else {
    m.is_share = true;
  }
  return m;
}

}  // namespace

LangMatch ReadNumber(const NumberLexicon& lexicon, const ScriptView& view,
                     const PhraseTable::Index& index, size_t i, bool whole) {
  const Reader reader(lexicon, view, index);
  if (reader.Find(i, Role::kNotNumber)) return RejectAt(i);
  if (i > 0) {
    if (const auto hit = reader.Find(i - 1, Role::kNotNumber); hit && hit->last >= i) {
      return RejectAt(hit->last);
    }
  }
  if (reader.Find(i, Role::kOrdinalPrefix, Role::kPercentPrefix)) {
    LangMatch m = reader.Prefixed(i);
    if (m.accepted) return m;
  }
  if (view.Digits(i)) return reader.Digits(i);
  if (!view.Word(i) && !view.Ideograph(i)) return RejectAt(i);
  LangMatch m = reader.Words(i);
  if (!m.accepted || whole || !lexicon.counter_required || m.is_share) return m;
  // A Chinese numeral counts only before a counter word ("san ming", "liang li"), so that words
  // like "yi xian" or "shi fen" stay words.
  if (!reader.Find(m.last + 1, Role::kClassifier)) return RejectAt(m.last);
  return m;
}

std::optional<std::pair<size_t, Qualifier>> HedgeBefore(const NumberLexicon& lexicon,
                                                        const ScriptView& view,
                                                        const PhraseTable::Index& index, size_t i,
                                                        size_t first_free) {
  const Reader reader(lexicon, view, index);
  for (size_t back = lexicon.phrases.max_tokens(); back >= 1; --back) {
    if (back > i || i - back < first_free) continue;
    const auto hit = reader.Find(i - back, Role::kHedge);
    if (hit && hit->last + 1 == i) return std::make_pair(i - back, reader.Entry(*hit).qualifier);
  }
  return std::nullopt;
}

}  // namespace epiwire::quantity::internal
