// SPDX-License-Identifier: MIT
#include "epiwire/text/language.h"

#include <cld2/public/compact_lang_det.h>

#include <climits>
#include <cstring>

namespace epiwire::text {
namespace {

// CLD2 reads this much at most; a news story's opening says which language it is in.
constexpr size_t kMaxBytes = 4096;
// Fewer letters than this say too little.
constexpr int kMinTextBytes = 24;

}  // namespace

std::string DetectLanguage(std::string_view text) {
  if (text.size() > kMaxBytes) {
    size_t cut = kMaxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  bool reliable = false;
  int valid_prefix = 0;
  CLD2::Language language3[3];
  int percent3[3];
  int text_bytes = 0;
  CLD2::Language language = CLD2::DetectLanguageCheckUTF8(
      text.data(), static_cast<int>(text.size()), true, &reliable, &valid_prefix);
  if (valid_prefix < static_cast<int>(text.size())) return "und";
  language = CLD2::DetectLanguageSummary(text.data(), static_cast<int>(text.size()), true,
                                         language3, percent3, &text_bytes, &reliable);
  if (language == CLD2::UNKNOWN_LANGUAGE || text_bytes < kMinTextBytes) return "und";
  // Short texts in one language are often marked unreliable; a clear majority is enough.
  if (!reliable && percent3[0] < 70) return "und";
  const char* code = CLD2::LanguageCode(language);
  if (std::strncmp(code, "zh", 2) == 0) return "zh";
  return code;
}

}  // namespace epiwire::text
