// SPDX-License-Identifier: MIT
// One-line judgements of the clean stage. Tested by cleaner_test.cc.
//
// Lexicon phrases are weak evidence on their own: "sign up" is a prompt in
// "Don't have an account? SIGN UP" and news in a long paragraph about vaccination
// drives. So a line is boilerplate by prompts only when it is short and mostly
// made of them, or holds several different ones and little outbreak vocabulary.
#include "epiwire/clean/line_rules.h"

#include <algorithm>
#include <iterator>
#include <set>
#include <vector>

#include "epiwire/base/utf8.h"
#include "epiwire/clean/lexicon.h"
#include "epiwire/clean/relevance.h"
#include "epiwire/clean/text_fold.h"

namespace epiwire::clean {
namespace {

constexpr size_t kMaxStrongLine = 400;  // longer lines are content even with a strong phrase
constexpr size_t kMaxCreditLine = 160;
constexpr size_t kMaxCaptionLine = 600;
constexpr size_t kMaxPromptLine = 300;
constexpr size_t kMaxSinglePromptLine = 120;
constexpr size_t kMinContentBeforeTail = 40;
constexpr size_t kMaxNameLine = 60;
constexpr size_t kMaxBioLine = 500;
constexpr size_t kMaxBioSubject = 60;    // bytes of name before " is a"
constexpr size_t kMaxRoleDistance = 40;  // bytes from " is a" to the job word
constexpr size_t kMaxKicker = 80;
constexpr size_t kMaxLinkHeadline = 120;
// A heading of a list of links that names its section ("More from Health").
constexpr size_t kMaxSectionHeading = 40;

bool IsAsciiUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }

bool HasKind(const PhraseMatch& match, uint32_t kinds) { return (match.kinds & kinds) != 0; }

// Only spaces and punctuation after folded offset `pos`.
bool OnlyPunctuationAfter(std::string_view text, size_t pos) {
  for (size_t i = pos; i < text.size(); ++i) {
    if (IsWordByte(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

// Glued boilerplate at the end of a content line: a tail phrase that ends the line,
// written with a capital, and either glued to the word before it or following a
// finished sentence. Returns the folded offset where it starts, or npos.
size_t FindGluedTail(const FoldedView& folded, std::span<const PhraseMatch> matches) {
  for (auto it = matches.rbegin(); it != matches.rend(); ++it) {
    if (!HasKind(*it, kTail) || !OnlyPunctuationAfter(folded.text, it->end)) continue;
    if (it->begin < kMinContentBeforeTail) return std::string_view::npos;
    unsigned char first = static_cast<unsigned char>(folded.input[folded.origin[it->begin]]);
    if (!IsAsciiUpper(first)) return std::string_view::npos;
    size_t before = folded.origin[it->begin];
    unsigned char previous = static_cast<unsigned char>(folded.input[before - 1]);
    bool glued = previous != ' ' && previous != '\t';
    unsigned char last_visible = static_cast<unsigned char>(folded.text[it->begin - 1]);
    if (last_visible == ' ' && it->begin >= 2) {
      last_visible = static_cast<unsigned char>(folded.text[it->begin - 2]);
    }
    bool after_sentence = last_visible == '.' || last_visible == '!' || last_visible == '?';
    return glued || after_sentence ? it->begin : std::string_view::npos;
  }
  return std::string_view::npos;
}

// Prompt rules on the folded text up to `limit` (the start of a glued tail).
bool IsPromptLine(std::span<const PhraseMatch> matches,
                  std::span<const PhraseMatch> relevance_matches, size_t limit, bool& certain) {
  size_t length = limit;
  size_t covered = 0;
  // Distinct phrases, counted up to two: the rules below ask for one or several.
  size_t distinct = 0;
  size_t first_entry = 0;
  for (const PhraseMatch& match : matches) {
    if (match.end > limit || !HasKind(match, kStrong | kPrompt | kTail)) continue;
    covered += match.end - match.begin;
    if (distinct == 0) {
      first_entry = match.entry;
      distinct = 1;
    } else if (match.entry != first_entry) {
      distinct = 2;
    }
  }
  if (distinct == 0 || length == 0) return false;
  double coverage = static_cast<double>(covered) / static_cast<double>(length);
  if (coverage >= 0.5) {
    certain = distinct >= 2;
    return true;
  }
  // Matches are in order: those that end before the limit are a prefix.
  size_t before_limit = 0;
  while (before_limit < relevance_matches.size() && relevance_matches[before_limit].end <= limit) {
    ++before_limit;
  }
  RelevanceTally tally;
  tally.Add(relevance_matches.first(before_limit), 0);
  const double relevance = tally.evidence().weight;
  if (distinct >= 2 && length <= kMaxPromptLine && (relevance < 1.0 || coverage >= 0.3)) {
    certain = true;
    return true;
  }
  return distinct == 1 && length <= kMaxSinglePromptLine && coverage >= 0.25 && relevance == 0;
}

}  // namespace

std::string_view TrimSpaces(std::string_view line) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!line.empty() && is_space(line.front())) line.remove_prefix(1);
  while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
  return line;
}

static size_t PromotedTail(std::string_view line);

LineVerdict ClassifyLine(std::string_view line) {
  const FoldedText folded = FoldText(line);
  return ClassifyFoldedLine(line, folded, BoilerplateLexicon().FindAll(folded),
                            RelevanceLexicon().FindAll(folded));
}

LineVerdict ClassifyFoldedLine(std::string_view line, const FoldedView& folded,
                               std::span<const PhraseMatch> matches,
                               std::span<const PhraseMatch> relevance) {
  LineVerdict verdict;
  if (const size_t tail = PromotedTail(line); tail != std::string_view::npos) {
    verdict.glued_tail = tail;
    return verdict;
  }
  if (LooksLikePageFurniture(line)) {
    verdict.line_class = LineClass::kBoilerplate;
    verdict.certain = true;
    return verdict;
  }
  if (LooksLikeCredit(line)) {
    verdict.line_class = LineClass::kCredit;
    return verdict;
  }
  const std::string_view text = folded.text;
  if (text.empty()) return verdict;
  // The phrase and at most one mark after it: ':', or Chinese '：' ("相关新闻：").
  const auto whole_line_of = [&](const PhraseMatch& match) {
    if (match.begin != 0) return false;
    const std::string_view rest = text.substr(std::min(match.end, text.size()));
    return (rest.size() <= 1 && OnlyPunctuationAfter(text, match.end)) || rest == "\uff1a" ||
           rest == "\uff0c" || rest == "\u3002";
  };
  for (const PhraseMatch& match : matches) {
    const bool whole_line = whole_line_of(match);
    if (HasKind(match, kHeading) && whole_line) {
      verdict.line_class = LineClass::kAuthorHeading;
      verdict.certain = true;
      return verdict;
    }
    // ("More from Health", "Related stories from Asia": or the phrase and a few words of
    // the section's name after it, no sentence.)
    const bool named_section = match.begin == 0 && text.size() <= kMaxSectionHeading &&
                               text.back() != '.' && text.find(". ") == std::string_view::npos;
    if (HasKind(match, kSection) && (whole_line || named_section)) {
      verdict.line_class = LineClass::kBoilerplate;
      verdict.opens_link_list = true;
      return verdict;
    }
    if (HasKind(match, kCredit) && text.size() <= kMaxCreditLine) {
      verdict.line_class = LineClass::kCredit;
      return verdict;
    }
    if (HasKind(match, kStrong) && text.size() <= kMaxStrongLine) {
      verdict.line_class = LineClass::kBoilerplate;
      verdict.certain = true;
      return verdict;
    }
  }
  size_t tail = FindGluedTail(folded, matches);
  size_t limit = tail == std::string_view::npos ? text.size() : tail;
  while (limit > 0 && !IsWordByte(static_cast<unsigned char>(text[limit - 1]))) --limit;
  if (IsPromptLine(matches, relevance, limit, verdict.certain) || limit == 0) {
    verdict.line_class = LineClass::kBoilerplate;
    return verdict;
  }
  if (tail != std::string_view::npos) {
    verdict.glued_tail =
        folded.origin[tail] - static_cast<size_t>(line.data() - folded.input.data());
    for (const PhraseMatch& match : matches) {
      if (match.begin == tail && HasKind(match, kHeading)) verdict.glued_author_heading = true;
    }
  }
  return verdict;
}

namespace {

constexpr size_t kMaxFurnitureLine = 120;
constexpr size_t kMaxMenuLine = 300;

bool EndsSentence(std::string_view line) {
  return !line.empty() && (line.back() == '.' || line.back() == '!' || line.back() == '?');
}

size_t CountWordsIn(std::string_view line) {
  size_t words = 0;
  bool in_word = false;
  for (char c : line) {
    const bool word = c != ' ' && c != '\t';
    if (word && !in_word) ++words;
    in_word = word;
  }
  return words;
}

bool HasClockTime(std::string_view line) {
  for (size_t i = 1; i + 2 < line.size(); ++i) {
    if (line[i] == ':' && IsAsciiDigit(static_cast<unsigned char>(line[i - 1])) &&
        IsAsciiDigit(static_cast<unsigned char>(line[i + 1])) &&
        IsAsciiDigit(static_cast<unsigned char>(line[i + 2]))) {
      return true;
    }
  }
  return false;
}

bool Contains(std::string_view line, std::string_view what) {
  return line.find(what) != std::string_view::npos;
}

// " | ", "\xC2\xBB", "\xE2\x80\xBA" or ">>" (navigation, breadcrumbs), or " min read" and the
// like, anywhere in `line`: one pass that stops only at the bytes these begin with.
bool HasNavigationOrReadingTime(std::string_view line) {
  static constexpr std::string_view kReadingTimes[] = {" min read", " Min Read", " minute read",
                                                       " mins read", " minutes ago"};
  for (size_t i = 0; i < line.size(); ++i) {
    const std::string_view rest = line.substr(i);
    switch (line[i]) {
      case '|':
        if (i > 0 && line[i - 1] == ' ' && rest.starts_with("| ")) return true;
        break;
      case '>':
        if (rest.starts_with(">>")) return true;
        break;
      case '\xC2':
        if (rest.starts_with("\xC2\xBB")) return true;
        break;
      case '\xE2':
        if (rest.starts_with("\xE2\x80\xBA")) return true;
        break;
      case ' ':
        if (rest.size() > 1 && (rest[1] == 'm' || rest[1] == 'M')) {
          for (std::string_view reading : kReadingTimes) {
            if (rest.starts_with(reading)) return true;
          }
        }
        break;
      default:
        break;
    }
  }
  return false;
}

// "Valle del Cauca | 5.918 | 512": a row of a table written with bars, its cells after
// the first figures (digits, marks of thousands and decimals, a percent sign).
bool IsBarTableRow(std::string_view line) {
  size_t cells = 0;
  size_t figures = 0;
  for (size_t start = 0; start <= line.size();) {
    const size_t bar = std::min(line.find('|', start), line.size());
    const std::string_view cell = TrimSpaces(line.substr(start, bar - start));
    if (cells > 0 && !cell.empty() &&
        std::all_of(cell.begin(), cell.end(),
                    [](char c) {
                      return IsAsciiDigit(static_cast<unsigned char>(c)) || c == '.' || c == ',' ||
                             c == ' ' || c == '%';
                    }) &&
        std::any_of(cell.begin(), cell.end(),
                    [](char c) { return IsAsciiDigit(static_cast<unsigned char>(c)); })) {
      ++figures;
    }
    ++cells;
    start = bar + 1;
  }
  return cells >= 2 && 2 * figures >= cells - 1 && figures > 0;
}

}  // namespace

std::string_view WithoutDuration(std::string_view line) {
  line = TrimSpaces(line);
  // "... 01:44", "... 1:02:33".
  size_t i = line.size();
  size_t digits = 0;
  while (i > 0 && (IsAsciiDigit(static_cast<unsigned char>(line[i - 1])) || line[i - 1] == ':')) {
    --i;
    ++digits;
  }
  if (digits < 4 || i == 0 || line[i - 1] != ' ' || !HasClockTime(line.substr(i))) return {};
  return TrimSpaces(line.substr(0, i));
}

// A line of tags: "#Health #Coronavirus #Russia", two or more hashtags, the first word
// one of them (a tag may hold words: "#imported cases").
static bool OnlyHashtags(std::string_view line) {
  size_t tags = 0;
  size_t words = 0;
  for (size_t at = 0; at < line.size();) {
    while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
    if (at == line.size()) break;
    if (words == 0 && line[at] != '#') return false;
    tags += line[at] == '#';
    ++words;
    while (at < line.size() && line[at] != ' ' && line[at] != '\t') ++at;
  }
  return tags >= 2 && 2 * tags >= words;
}

// A breadcrumb trail: "Home / News / Health", "Inicio > Noticias > Salud": three short
// parts or more between spaced slashes or angle brackets.
static bool IsBreadcrumb(std::string_view line) {
  size_t parts = 0;
  for (size_t start = 0; start <= line.size();) {
    size_t next = line.size();
    for (std::string_view mark : {" / ", " > "}) next = std::min(next, line.find(mark, start));
    const std::string_view part = TrimSpaces(line.substr(start, next - start));
    if (part.empty() || CountWordsIn(part) > 3) return false;
    ++parts;
    if (next == line.size()) break;
    start = next + 3;
  }
  return parts >= 3;
}

// A wire desk's sign-off: the initials of its writers and editors, "bur/cld/kma",
// "bur-jwp/": lower-case letters joined by slashes (and dashes), one slash at least.
static bool IsDeskSignOff(std::string_view line) {
  if (line.size() < 4 || line.size() > 40 || line.find('/') == std::string_view::npos) {
    return false;
  }
  return std::all_of(line.begin(), line.end(), [](char c) {
    return IsAsciiLower(static_cast<unsigned char>(c)) || c == '/' || c == '-';
  });
}

bool LooksLikePageFurniture(std::string_view line) {
  line = TrimSpaces(line);
  if (line.empty() || line.size() > kMaxMenuLine) return false;
  if (line.size() > kMaxFurnitureLine) {
    if (EndsSentence(line)) return false;
    size_t camel = 0;
    for (size_t i = 1; i < line.size() && camel < 3; ++i) {
      camel += IsAsciiUpper(static_cast<unsigned char>(line[i])) &&
               IsAsciiLower(static_cast<unsigned char>(line[i - 1]));
    }
    return camel >= 3;
  }
  // Navigation and breadcrumbs, reading times; time stamps (but not a table's rows).
  if (HasNavigationOrReadingTime(line) && !IsBarTableRow(line)) return true;
  const bool ends_sentence = EndsSentence(line);
  if (!ends_sentence && HasClockTime(line) && CountWordsIn(line) <= 14) return true;
  // A tagline: "...advancing wildlife health".
  if (line.starts_with("...") || line.starts_with("\xE2\x80\xA6")) return true;
  if (ends_sentence) return false;  // the rules below are for lines that end no sentence
  if (OnlyHashtags(line) || IsBreadcrumb(line) || IsDeskSignOff(line)) return true;
  if (IsCapitalsLine(line)) return true;
  // Menu items glued into one word: "FinancialGovernment SolutionsLegalReuters".
  size_t camel = 0;
  for (size_t i = 1; i < line.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if (IsAsciiUpper(c) && IsAsciiLower(static_cast<unsigned char>(line[i - 1]))) ++camel;
  }
  return camel >= 2;
}

bool IsCapitalsLine(std::string_view line) {
  line = TrimSpaces(line);
  // No lower-case letter of any script ("В Ростове выявили холеру" is a headline), no
  // digit, and no full stop at the end.
  if (line.empty() || EndsSentence(line)) return false;
  const bool digit = std::any_of(
      line.begin(), line.end(), [](char c) { return IsAsciiDigit(static_cast<unsigned char>(c)); });
  return !digit && CountWordsIn(line) >= 3 && !HasLowercaseLetter(line);
}

bool HeadsASection(std::string_view capitals, std::string_view next) {
  next = TrimSpaces(next);
  return IsCapitalsLine(capitals) && (EndsSentence(next) || next.ends_with("\xE3\x80\x82"));
}

static size_t PromotedTail(std::string_view line) {
  // "... stocks here >>>>" at the end of a paragraph: its last sentence is a link.
  const std::string_view trimmed = TrimSpaces(line);
  if (!trimmed.ends_with(">>") && !trimmed.ends_with("\xC2\xBB")) return std::string_view::npos;
  const size_t stop = trimmed.rfind(". ");
  if (stop == std::string_view::npos) return std::string_view::npos;
  return static_cast<size_t>(trimmed.data() - line.data()) + stop + 2;
}

bool LooksLikeCredit(std::string_view line) {
  line = TrimSpaces(line);
  if (line.empty() || line.size() > kMaxCaptionLine) return false;
  // "By Jane Doe", "By Jane Doe, The Associated Press".
  if (line.starts_with("By ") && line.size() <= kMaxCreditLine && !EndsSentence(line)) {
    const std::string_view name = line.substr(3, line.find(',') == std::string_view::npos
                                                      ? std::string_view::npos
                                                      : line.find(',') - 3);
    if (LooksLikePersonName(name)) return true;
  }
  // "China /CIA": an image credit.
  if (line.size() <= 40) {
    const size_t slash = line.find(" /");
    if (slash != std::string_view::npos && CountWordsIn(line) <= 4 && slash + 2 < line.size() &&
        IsAsciiUpper(static_cast<unsigned char>(line[slash + 2]))) {
      return true;
    }
  }
  // A caption ending in "(Jane Doe/Getty Images)" or "(Photo: ...)".
  if (line.back() == ')') {
    const size_t open = line.rfind('(');
    if (open != std::string_view::npos && line.size() - open <= 70) {
      const std::string_view credit = line.substr(open + 1, line.size() - open - 2);
      const bool photo = credit.starts_with("Photo") || credit.starts_with("photo") ||
                         credit.starts_with("Image") || Contains(credit, "/Getty") ||
                         Contains(credit, " via AP") || Contains(credit, "/AP") ||
                         Contains(credit, "/Reuters") || Contains(credit, "/AFP");
      const size_t inner_slash = credit.find('/');
      const bool name_slash_agency = inner_slash != std::string_view::npos &&
                                     LooksLikePersonName(credit.substr(0, inner_slash));
      if (photo || name_slash_agency) return true;
    }
  }
  return false;
}

bool LooksLikeLinkHeadline(std::string_view line) {
  line = TrimSpaces(line);
  return !line.empty() && line.size() <= kMaxLinkHeadline && line.back() != '.';
}

bool LooksLikePersonName(std::string_view line) {
  line = TrimSpaces(line);
  if (line.empty() || line.size() > kMaxNameLine || !IsAsciiUpper(line.front())) return false;
  static const std::set<std::string_view> kParticles = {"de",  "da",  "del", "della", "di", "van",
                                                        "von", "der", "bin", "bint",  "al", "el",
                                                        "la",  "le",  "du",  "dos",   "y",  "ibn"};
  size_t words = 0;
  size_t pos = 0;
  while (pos < line.size()) {
    size_t end = line.find(' ', pos);
    if (end == std::string_view::npos) end = line.size();
    std::string_view word = line.substr(pos, end - pos);
    pos = end + 1;
    if (word.empty()) continue;
    ++words;
    unsigned char first = static_cast<unsigned char>(word.front());
    if (!IsAsciiUpper(first) && first < 0x80 && kParticles.count(word) == 0) return false;
    for (char ch : word) {
      unsigned char c = static_cast<unsigned char>(ch);
      if (IsAsciiDigit(c) || c == ',' || c == ':' || c == ';' || c == '!' || c == '?') return false;
    }
  }
  return words >= 2 && words <= 6 && line.back() != '.';
}

bool LooksLikeAuthorBio(std::string_view line) {
  line = TrimSpaces(line);
  // The name before the link opens the line with a capital.
  if (line.size() > kMaxBioLine || line.empty() || !IsAsciiUpper(line.front())) return false;
  static constexpr std::string_view kLinks[] = {" is a ", " is an ", " is the ", " was a ",
                                                " has been a "};
  // Each link counts at its first occurrence only, and only near the start: the
  // spaces there are tried in order, and a link once seen is not tried again.
  bool seen[std::size(kLinks)] = {};
  for (size_t at = 1; at <= kMaxBioSubject && at < line.size(); ++at) {
    if (line[at] != ' ' || at + 1 == line.size()) continue;
    if (line[at + 1] != 'i' && line[at + 1] != 'w' && line[at + 1] != 'h') continue;
    for (size_t k = 0; k < std::size(kLinks); ++k) {
      const std::string_view link = kLinks[k];
      if (seen[k] || !line.substr(at).starts_with(link)) continue;
      seen[k] = true;
      if (!LooksLikePersonName(line.substr(0, at))) continue;
      std::string_view rest = line.substr(at + link.size());
      FoldedText folded = FoldText(rest.substr(0, std::min(rest.size(), kMaxRoleDistance + 30)));
      for (const PhraseMatch& match : BoilerplateLexicon().FindAll(folded)) {
        if (HasKind(match, kRole) && match.begin <= kMaxRoleDistance) return true;
      }
    }
  }
  return false;
}

bool StartsWithKicker(std::string_view line) {
  line = TrimSpaces(line);
  size_t colon = line.substr(0, kMaxKicker + 1).find(':');
  if (colon == std::string_view::npos) return false;
  if (colon + 2 >= line.size() || line[colon + 1] != ' ') return false;
  size_t upper = 0;
  for (size_t i = 0; i < colon; ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (IsAsciiLower(c)) return false;
    if (IsAsciiUpper(c)) {
      ++upper;
    } else if (c < 0x80 && !IsAsciiDigit(c) &&
               std::string_view(" -'\"&.,!?/").find(static_cast<char>(c)) ==
                   std::string_view::npos) {
      return false;
    }
  }
  return upper >= 3;
}

bool EndsCutOff(std::string_view line) {
  line = TrimSpaces(line);
  if (line.empty()) return false;
  // "... 另行商定。(消息来源: ...)", "... said. (Reporting by ...)": a bracket after a
  // finished sentence is a credit, not the text cut off.
  if (line.back() == ')') {
    const size_t open = line.rfind('(');
    if (open != std::string_view::npos && open > 0) {
      const std::string_view before = TrimSpaces(line.substr(0, open));
      if (!before.empty() && !EndsCutOff(before)) return false;
    }
  }
  // Strip closing quotes and brackets: ASCII, and U+2019, U+201D, U+00BB.
  for (;;) {
    char last = line.back();
    if (last == ')' || last == ']' || last == '"' || last == '\'') {
      line.remove_suffix(1);
    } else if (line.size() >= 3 &&
               (line.ends_with("\xE2\x80\x99") || line.ends_with("\xE2\x80\x9D"))) {
      line.remove_suffix(3);
    } else if (line.ends_with("\xC2\xBB")) {
      line.remove_suffix(2);
    } else {
      break;
    }
    if (line.empty()) return false;
  }
  char last = line.back();
  if (last == '.' || last == '!' || last == '?' || last == ':' || last == ';') return false;
  // U+2026 ellipsis and the CJK full stop, exclamation and question marks.
  for (std::string_view end : {"\xE2\x80\xA6", "\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F"}) {
    if (line.ends_with(end)) return false;
  }
  return true;
}

}  // namespace epiwire::clean
