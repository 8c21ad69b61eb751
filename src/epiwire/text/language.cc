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

struct Guess {
  CLD2::Language language = CLD2::UNKNOWN_LANGUAGE;
  bool reliable = false;
  int percent = 0;     // of the text in `language`
  int text_bytes = 0;  // letters CLD2 scored
};

Guess AskCld2(std::string_view text) {
  Guess guess;
  CLD2::Language language3[3];
  int percent3[3];
  guess.language = CLD2::DetectLanguageSummary(text.data(), static_cast<int>(text.size()), true,
                                               language3, percent3, &guess.text_bytes,
                                               &guess.reliable);
  guess.percent = percent3[0];
  return guess;
}

// `text` cut to at most `bytes`, at the start of a character.
std::string_view Opening(std::string_view text, size_t bytes) {
  if (text.size() <= bytes) return text;
  size_t cut = bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

}  // namespace

std::string DetectLanguage(std::string_view text) {
  // The opening says whether it is plain English; CLD2 reads further when it is not.
  constexpr size_t kEnglishProbe = 600;
  // CLD2 reads the opening first (its cost is in proportion to the bytes): a reliable
  // answer in one language from that many bytes stands; anything less, and it reads
  // kMaxBytes.
  constexpr size_t kCld2Probe = 512;
  constexpr int kProbePercent = 95;
  text = Opening(text, kMaxBytes);
  if (PlainEnglish(text.substr(0, std::min(text.size(), kEnglishProbe)))) return "en";
  if (FindInvalidUtf8(text).has_value()) return "und";
  Guess guess;  // unknown: a text no longer than the opening is read whole at once
  if (text.size() > kCld2Probe) guess = AskCld2(Opening(text, kCld2Probe));
  const bool clear = guess.language != CLD2::UNKNOWN_LANGUAGE && guess.reliable &&
                     guess.percent >= kProbePercent &&
                     static_cast<size_t>(guess.text_bytes) * 2 >= kCld2Probe;
  if (!clear) guess = AskCld2(text);
  if (guess.language == CLD2::UNKNOWN_LANGUAGE || guess.text_bytes < kMinTextBytes) return "und";
  // Short texts in one language are often marked unreliable; a clear majority is enough.
  if (!guess.reliable && guess.percent < 70) return "und";
  const char* code = CLD2::LanguageCode(guess.language);
  if (std::strncmp(code, "zh", 2) == 0) return "zh";
  return code;
}

}  // namespace epiwire::text
