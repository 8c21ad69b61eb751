// SPDX-License-Identifier: MIT
// Traditional Han characters in their simplified form, so that one lexicon reads the
// news of Hong Kong, Macau and Taiwan as it reads the mainland's: ICU's Hant-Hans
// transliteration of each character alone, made into a table at build time
// (han_table_gen.cc). Tested by han_test.cc.
#ifndef EPIWIRE_BASE_HAN_H_
#define EPIWIRE_BASE_HAN_H_

#include <cstddef>
#include <string>

namespace epiwire {

// Rewrites in place each traditional character of `text` whose simplified form is one
// character of as many UTF-8 bytes ("個案" -> "个案", "兩" -> "两"), so that every byte
// offset stays where it was; other bytes are left as they are. Returns how many
// characters changed. Thread-safe.
size_t SimplifyHan(std::string& text);
// The same over `size` bytes at `data`.
size_t SimplifyHan(char* data, size_t size);

}  // namespace epiwire

#endif  // EPIWIRE_BASE_HAN_H_
