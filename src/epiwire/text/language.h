// SPDX-License-Identifier: MIT
// Language identification: which language a span of news text is written in, so that
// each story is read with its own language's lexicons and grammars (or not at all).
// Uses CLD2 (Debian libcld2). Tested by language_test.cc.
#ifndef EPIWIRE_TEXT_LANGUAGE_H_
#define EPIWIRE_TEXT_LANGUAGE_H_

#include <string>
#include <string_view>

namespace epiwire::text {

// The ISO 639-1 code of the language `text` is mostly written in ("en", "zh", "ru",
// "fr", "es", ...); both Chinese scripts give "zh". "und" when the text is too short,
// not UTF-8, or too mixed to tell reliably. Thread-safe.
std::string DetectLanguage(std::string_view text);

}  // namespace epiwire::text

#endif  // EPIWIRE_TEXT_LANGUAGE_H_
