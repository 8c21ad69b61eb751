// SPDX-License-Identifier: MIT
// Word stems (Snowball, Debian libstemmer): "случаев", "случая" and "случай" share
// "случа", "confirmés" and "confirmé" share "confirm", so that lexicons and place
// names match the inflected forms of languages that inflect more than English.
// Tested by stem_test.cc.
#ifndef EPIWIRE_BASE_STEM_H_
#define EPIWIRE_BASE_STEM_H_

#include <string>
#include <string_view>

namespace epiwire {

// True when a Snowball stemmer exists for the ISO 639-1 `language` ("ru", "fr", "es",
// "en", ...).
bool HasStemmer(std::string_view language);

// The stem of one lower-case UTF-8 `word` in `language`; the word itself when there is
// no stemmer for the language. Thread-safe (one stemmer per thread and language).
std::string Stem(std::string_view word, std::string_view language);

}  // namespace epiwire

#endif  // EPIWIRE_BASE_STEM_H_
