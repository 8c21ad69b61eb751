// SPDX-License-Identifier: MIT
// A memory of a function of a word, for one thread. News repeats its words, and some
// functions of a word cost thousands of instructions (a Snowball stem, case folding with
// ICU, the endings a Russian name may have lost): each is computed once per word, until
// the memory holds `kMaxWords` words and forgets them all. Not thread-safe: keep one a
// thread (`thread_local`). Tested by word_memo_test.cc.
#ifndef EPIWIRE_BASE_WORD_MEMO_H_
#define EPIWIRE_BASE_WORD_MEMO_H_

#include <absl/container/flat_hash_map.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>

namespace epiwire {

// FNV-1a, inline, for maps keyed by words and looked up by std::string_view: the words
// are a few bytes long, and the library's hash (a call, made for long keys) was most of
// the cost of a token's look-up.
struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view word) const {
    uint64_t hash = 14695981039346656037ull;
    for (const char c : word) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return static_cast<size_t>(hash);
  }
};

// A word's sign, one of kWordSigns, from its length and its first, middle and last bytes
// (Han characters share a handful of first bytes): a list keeps the signs of its words,
// and most words of a text have none of them, which one bit tells before any word is
// compared.
constexpr size_t kWordSigns = 1024;
inline size_t WordSign(std::string_view word) {
  if (word.empty()) return 0;
  const auto byte = [&](size_t i) {
    return static_cast<size_t>(static_cast<unsigned char>(word[i]));
  };
  return (byte(0) * 31 + byte(word.size() / 2) * 17 + byte(word.size() - 1) * 7 + word.size()) %
         kWordSigns;
}

template <typename Value, size_t kMaxWords = size_t{1} << 16>
class WordMemo {
 public:
  // compute(word) the first time; the value remembered afterwards. The reference holds
  // until the next call.
  template <typename Compute>
  const Value& Get(std::string_view word, Compute&& compute) {
    if (const auto found = values_.find(word); found != values_.end()) return found->second;
    if (values_.size() >= kMaxWords) values_.clear();
    return values_.emplace(std::string(word), compute(word)).first->second;
  }

  size_t size() const { return values_.size(); }

 private:
  absl::flat_hash_map<std::string, Value, WordHash, std::equal_to<>> values_;
};

}  // namespace epiwire

#endif  // EPIWIRE_BASE_WORD_MEMO_H_
