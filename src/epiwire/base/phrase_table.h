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
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "epiwire/base/script_scan.h"
#include "epiwire/base/word_memo.h"

namespace epiwire::script_scan {

class PhraseTable {
 public:
  // A phrase as stored: its tokens' keys and how they are glued.
  struct Part {
    std::string key;     // folded; empty for a slot
    bool glued = false;  // glued to the part before
    bool ideograph = false;
  };
  struct Phrase {
    std::vector<Part> parts;
    uint32_t payload = 0;
  };
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

  // The phrases that may start at each token of one text, looked up once so that many
  // matches at the same tokens cost no search. Only tokens in [from, to) are looked up
  // (the others match nothing). Both the table and `view` must outlive it.
  class Index {
   public:
    Index(const PhraseTable& table, const ScriptView& view, size_t from = 0,
          size_t to = static_cast<size_t>(-1));
    // The phrases whose first token has token `i`'s key; null when none.
    const std::vector<Phrase>* At(size_t i) const {
      return i >= from_ && i - from_ < buckets_.size() ? buckets_[i - from_] : nullptr;
    }

   private:
    friend class PhraseTable;
    size_t from_ = 0;
    std::vector<const std::vector<Phrase>*> buckets_;  // per token from `from_`
  };

  // Whether any phrase starts with token `i`'s key: one look-up, for callers that can
  // skip building an Index.
  bool MayStartAt(const ScriptView& view, size_t i) const {
    return i < view.size() && by_first_.find(view.Key(i)) != by_first_.end();
  }

  // The match at `i` covering the most tokens among those `accept(payload)` allows.
  // Phrases with a slot match only when `slot` is given and reads a count there.
  template <typename Accept>
  std::optional<Hit> Longest(const ScriptView& view, const Index& index, size_t i,
                             const SlotReader* slot, Accept accept) const {
    std::optional<Hit> best;
    Hit hit;
    const auto consider = [&](const std::vector<Phrase>* phrases) {
      if (phrases == nullptr) return;
      for (const Phrase& phrase : *phrases) {
        if (accept(phrase.payload) && MatchFrom(view, i, phrase, slot, hit) &&
            (!best || hit.last > best->last)) {
          best = hit;
        }
      }
    };
    if (i >= view.size()) return best;
    consider(index.At(i));
    if (slot != nullptr && !slot_first_.empty()) consider(&slot_first_);
    return best;
  }

  // The same without an index, for a few look-ups in a short text.
  template <typename Accept>
  std::optional<Hit> Longest(const ScriptView& view, size_t i, const SlotReader* slot,
                             Accept accept) const {
    return Longest(view, Index(*this, view), i, slot, accept);
  }

  // Whether some phrase starts with a slot ("# jours"): then a phrase may start at any
  // token where the caller reads a count.
  bool HasSlotFirst() const { return !slot_first_.empty(); }
  bool empty() const { return size_ == 0; }
  size_t max_tokens() const { return max_tokens_; }

 private:
  bool MatchFrom(const ScriptView& view, size_t i, const Phrase& phrase, const SlotReader* slot,
                 Hit& hit) const;

  // By the first token's key; WordHash: a look-up at every token of a sentence.
  std::unordered_map<std::string, std::vector<Phrase>, WordHash, std::equal_to<>> by_first_;
  std::vector<Phrase> slot_first_;
  size_t size_ = 0;
  size_t max_tokens_ = 0;
};

}  // namespace epiwire::script_scan

#endif  // EPIWIRE_BASE_PHRASE_TABLE_H_
