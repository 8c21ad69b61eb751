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

// Latin prose thick with English function words ("the", "and", "of", ...) is English:
// no need to ask CLD2. Curly quotes, dashes and a name in another script may appear,
// but more than a few bytes beyond ASCII mean another language may be there.
bool PlainEnglish(std::string_view text) {
  size_t words = 0;
  size_t function_words = 0;
  size_t beyond_ascii = 0;
  size_t start = std::string_view::npos;
  for (size_t i = 0; i <= text.size(); ++i) {
    const unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    // Letters beyond ASCII, not the curly quotes, dashes and spaces of U+2000..U+206F
    // and U+00A0 that English text is full of.
    const bool punctuation = (c == 0xE2 && i + 1 < text.size() &&
                              static_cast<unsigned char>(text[i + 1]) == 0x80) ||
                             (c == 0xC2 && i + 1 < text.size() &&
                              static_cast<unsigned char>(text[i + 1]) == 0xA0);
    if (c >= 0xC0 && !punctuation) ++beyond_ascii;
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letter && start == std::string_view::npos) start = i;
    if (!letter && start != std::string_view::npos) {
      const std::string_view word = text.substr(start, i - start);
      ++words;
      if (word == "the" || word == "The" || word == "and" || word == "of" || word == "to" ||
          word == "in" || word == "is" || word == "was" || word == "were" || word == "has" ||
          word == "have" || word == "with" || word == "that" || word == "for") {
        ++function_words;
      }
      start = std::string_view::npos;
    }
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
