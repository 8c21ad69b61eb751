// SPDX-License-Identifier: MIT
#include "epiwire/text/language.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>
#include <climits>
#include <cstring>

#include "epiwire/base/utf8.h"

namespace epiwire::text {
namespace {

// CLD2 reads this much at most; a news story's opening says which language it is in.
constexpr size_t kMaxBytes = 1536;
// Fewer letters than this say too little.
constexpr int kMinTextBytes = 24;

}  // namespace

namespace {

bool IsAsciiLetter(unsigned char c) { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }

// "the", "and", "of", ...: words English prose is full of and French, Spanish,
// Portuguese and Italian prose is not. German shares a few ("in", "was", "will"), too
// few to make up the share PlainEnglish asks.
bool IsEnglishFunctionWord(std::string_view word) {
  switch (word.size()) {
    case 2:
      return word == "of" || word == "to" || word == "in" || word == "is" || word == "by" ||
             word == "at" || word == "it";
    case 3:
      return word == "the" || word == "The" || word == "and" || word == "was" || word == "has" ||
             word == "for" || word == "are" || word == "had" || word == "its" || word == "who";
    case 4:
      return word == "were" || word == "have" || word == "with" || word == "that" ||
             word == "from" || word == "been" || word == "this" || word == "said" ||
             word == "will";
    case 5:
      return word == "their" || word == "which" || word == "after";
    default:
      return false;
  }
}

// Latin prose thick with English function words ("the", "and", "of", ...) is English:
// no need to ask CLD2. Curly quotes, dashes and a name in another script may appear,
// but more than a few bytes beyond ASCII mean another language may be there. Words are
// runs of ASCII letters, read a run at a time: this runs on the opening of every story.
bool PlainEnglish(std::string_view text) {
  size_t words = 0;
  size_t function_words = 0;
  size_t beyond_ascii = 0;
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (IsAsciiLetter(c)) {
      const size_t start = i;
      while (i < text.size() && IsAsciiLetter(static_cast<unsigned char>(text[i]))) ++i;
      ++words;
      if (IsEnglishFunctionWord(text.substr(start, i - start))) ++function_words;
      continue;
    }
    // Letters beyond ASCII, not the curly quotes, dashes and spaces of U+2000..U+206F
    // and U+00A0 that English text is full of.
    if (c >= 0xC0) {
      const unsigned char next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
      const bool punctuation = (c == 0xE2 && next == 0x80) || (c == 0xC2 && next == 0xA0);
      if (!punctuation) ++beyond_ascii;
    }
    ++i;
  }
  return words >= 20 && function_words * 6 >= words && beyond_ascii * 50 <= words;
}

}  // namespace

std::string DetectLanguage(std::string_view text) {
  // The opening says whether it is plain English; CLD2 reads further when it is not.
  constexpr size_t kEnglishProbe = 600;
  if (text.size() > kMaxBytes) {
    size_t cut = kMaxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  if (PlainEnglish(text.substr(0, std::min(text.size(), kEnglishProbe)))) return "en";
  if (FindInvalidUtf8(text).has_value()) return "und";
  bool reliable = false;
  CLD2::Language language3[3];
  int percent3[3];
  int text_bytes = 0;
  const CLD2::Language language = CLD2::DetectLanguageSummary(
      text.data(), static_cast<int>(text.size()), true, language3, percent3, &text_bytes,
      &reliable);
  if (language == CLD2::UNKNOWN_LANGUAGE || text_bytes < kMinTextBytes) return "und";
  // Short texts in one language are often marked unreliable; a clear majority is enough.
  if (!reliable && percent3[0] < 70) return "und";
  const char* code = CLD2::LanguageCode(language);
  if (std::strncmp(code, "zh", 2) == 0) return "zh";
  return code;
}

}  // namespace epiwire::text
