// SPDX-License-Identifier: MIT
#include "epiwire/text/language.h"

#include <cld2/public/compact_lang_det.h>

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

// Plain ASCII prose thick with English function words is English: no need to ask CLD2
// (French and Spanish prose of this length always has accented letters).
bool PlainEnglish(std::string_view text) {
  size_t words = 0;
  size_t function_words = 0;
  size_t start = std::string_view::npos;
  for (size_t i = 0; i <= text.size(); ++i) {
    const unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    if (c >= 0x80) return false;
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
  return words >= 40 && function_words * 6 >= words;
}

}  // namespace

std::string DetectLanguage(std::string_view text) {
  if (text.size() > kMaxBytes) {
    size_t cut = kMaxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  if (PlainEnglish(text)) return "en";
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
