// SPDX-License-Identifier: MIT
// Tested by script_scan_test.cc.
#include "epiwire/base/phrase_table.h"

namespace epiwire::script_scan {

bool PhraseTable::Add(std::string_view phrase, uint32_t payload) {
  Tokens tokens;
  Tokenize(phrase, tokens);
  if (tokens.list.empty()) return false;
  const ScriptView view(phrase, tokens);
  Phrase entry;
  entry.payload = payload;
  for (size_t k = 0; k < view.size(); ++k) {
    Part part;
    if (!view.Mark(k, '#')) part.key = std::string(view.Key(k));
    part.glued = k > 0 && view.Glued(k - 1, k);
    part.ideograph = view.Ideograph(k);
    entry.parts.push_back(std::move(part));
  }
  if (entry.parts.size() > max_tokens_) max_tokens_ = entry.parts.size();
  ++size_;
  if (entry.parts[0].key.empty()) {
    slot_first_.push_back(std::move(entry));
  } else {
    std::string first = entry.parts[0].key;
    by_first_[first].push_back(std::move(entry));
  }
  return true;
}

bool PhraseTable::MatchFrom(const ScriptView& view, size_t i, const Phrase& phrase,
                            const SlotReader* slot, Hit& hit) const {
  size_t at = i;  // the text token the next part must match
  hit = Hit{};
  hit.payload = phrase.payload;
  hit.token_count = phrase.parts.size();
  for (size_t k = 0; k < phrase.parts.size(); ++k) {
    const Part& part = phrase.parts[k];
    if (at >= view.size()) return false;
    if (k > 0) {
      const bool glued = view.Glued(at - 1, at);
      const bool loose = part.ideograph || phrase.parts[k - 1].ideograph || view.Ideograph(at) ||
                         view.Ideograph(at - 1);
      if (glued != part.glued && !loose) return false;
    }
    if (part.key.empty()) {
      size_t last = at;
      int64_t value = -1;
      if (slot == nullptr || !(*slot)(view, at, last, value)) return false;
      hit.slot_value = value;
      at = last + 1;
      continue;
    }
    if (view.Key(at) != part.key) return false;
    ++at;
  }
  hit.last = at - 1;
  return true;
}

PhraseTable::Index::Index(const PhraseTable& table, const ScriptView& view, size_t from, size_t to)
    : from_(from) {
  if (to > view.size()) to = view.size();
  if (from >= to || table.by_first_.empty()) return;
  buckets_.assign(to - from, nullptr);
  for (size_t i = from; i < to; ++i) {
    if (const auto it = table.by_first_.find(view.Key(i)); it != table.by_first_.end()) {
      buckets_[i - from] = &it->second;
    }
  }
}

}  // namespace epiwire::script_scan
