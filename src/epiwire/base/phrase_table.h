// SPDX-License-Identifier: MIT
// A lexicon of phrases matched against the tokens of script_scan: "plus de", "jusqu'au",
// "chao guo", "za poslednie # sutok". A phrase is tokenized like the text, so case, Cyrillic yo
// and curly quotes do not matter; where the phrase glues two tokens ("jusqu'au",
// "tys.") the text must glue them too, and where it spaces them the text must space
// them, except next to an ideograph, which Chinese writes without spaces anyway.
// A '#' in a phrase is a slot for a count read by the caller. Tested by script_scan_test.cc.
#ifndef EPIWIRE_BASE_PHRASE_TABLE_H_
#define EPIWIRE_BASE_PHRASE_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "epiwire/base/script_scan.h"

namespace epiwire::script_scan {

class PhraseTable {
 public:
  struct Hit {
    uint32_t payload = 0;
    size_t last = 0;          // index of the last token the phrase covers
    int64_t slot_value = -1;  // the count read for '#', -1 when the phrase has none
    size_t token_count = 0;   // tokens of the phrase (a slot counts as one)
  };
  // Reads a count at token `i`: sets `last` and `value` and returns true, or returns false.
  using SlotReader = std::function<bool(const ScriptView&, size_t i, size_t& last, int64_t& value)>;

  // Adds `phrase` with `payload` (the caller's index). False when the phrase has no token.
  bool Add(std::string_view phrase, uint32_t payload);

  // Calls `visit` for every phrase that matches at token `i`. Phrases with a slot match only
  // when `slot` is given and reads a count there.
  void ForEachMatch(const ScriptView& view, size_t i, const SlotReader* slot,
                    const std::function<void(const Hit&)>& visit) const;

  // The match at `i` covering the most tokens among those `accept(payload)` allows.
  template <typename Accept>
  std::optional<Hit> Longest(const ScriptView& view, size_t i, const SlotReader* slot,
                             Accept accept) const {
    std::optional<Hit> best;
    ForEachMatch(view, i, slot, [&](const Hit& hit) {
      if (accept(hit.payload) && (!best || hit.last > best->last)) best = hit;
    });
    return best;
  }

  bool empty() const { return size_ == 0; }
  size_t max_tokens() const { return max_tokens_; }

 private:
  struct Part {
    std::string key;     // folded; empty for a slot
    bool glued = false;  // glued to the part before
    bool ideograph = false;
  };
  struct Phrase {
    std::vector<Part> parts;
    uint32_t payload = 0;
  };

  bool MatchFrom(const ScriptView& view, size_t i, const Phrase& phrase, const SlotReader* slot,
                 Hit& hit) const;

  std::map<std::string, std::vector<Phrase>, std::less<>> by_first_;
  std::vector<Phrase> slot_first_;
  size_t size_ = 0;
  size_t max_tokens_ = 0;
};

}  // namespace epiwire::script_scan

#endif  // EPIWIRE_BASE_PHRASE_TABLE_H_
