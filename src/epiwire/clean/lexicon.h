// SPDX-License-Identifier: MIT
// Internal to the clean stage (public API: cleaner.h). The boilerplate and
// relevance lexicons, parsed from TSV text embedded at build time, and a matcher
// that finds their phrases as whole words in folded text. Tested by cleaner_test.cc.
#ifndef EPIWIRE_CLEAN_LEXICON_H_
#define EPIWIRE_CLEAN_LEXICON_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "epiwire/clean/text_fold.h"

namespace epiwire::clean {

// Kinds of boilerplate phrase (bits; a phrase may have several). See boilerplate.tsv.
enum PhraseKind : uint32_t {
  kStrong = 1u << 0,
  kPrompt = 1u << 1,
  kTail = 1u << 2,
  kCredit = 1u << 3,
  kHeading = 1u << 4,
  kRole = 1u << 5,
  kSection = 1u << 6,
};

struct PhraseMatch {
  size_t begin = 0;  // folded offsets
  size_t end = 0;
  size_t entry = 0;    // index of the phrase that matched (the first, for equal spans)
  uint32_t kinds = 0;  // union of the kinds of every phrase with exactly this span
  double weight = 0;   // largest weight of those phrases
};

// Phrases matched case-insensitively as whole words. Immutable after building,
// so one matcher may be shared by threads.
class PhraseMatcher {
 public:
  // `phrase` is raw lexicon text: folded here; '^' / '$' at its ends are anchors.
  // Returns false (and adds nothing) for an empty phrase.
  bool Add(std::string_view phrase, uint32_t kinds, double weight);

  // Matches left to right, never overlapping; at each start the longest phrase wins.
  std::vector<PhraseMatch> FindAll(const FoldedText& folded) const;

  size_t size() const { return entries_.size(); }
  const std::string& phrase(size_t entry) const { return entries_[entry].text; }

 private:
  struct Entry {
    std::string text;  // folded, anchors stripped
    bool anchor_start = false;
    bool anchor_end = false;
    uint32_t kinds = 0;
    double weight = 0;
  };
  bool MatchesAt(const Entry& entry, const FoldedText& folded, size_t pos) const;

  std::vector<Entry> entries_;
  std::vector<size_t> by_first_byte_[256];  // entry indices, longest phrase first
};

// The lexicons compiled into the library, parsed once on first use (thread-safe).
// Lines that do not parse are skipped; the counts are checked by the tests.
const PhraseMatcher& BoilerplateLexicon();
const PhraseMatcher& RelevanceLexicon();

struct ParsedLexicon {
  PhraseMatcher matcher;
  size_t skipped_lines = 0;  // lines that did not parse (unknown kind, bad weight)
};

// Parsers, exposed for tests. Boilerplate lines are "phrase<TAB>kind", relevance
// lines "phrase<TAB>weight"; blank lines and lines starting with '#' are ignored.
ParsedLexicon ParseBoilerplateTsv(std::string_view tsv);
ParsedLexicon ParseRelevanceTsv(std::string_view tsv);

}  // namespace epiwire::clean

#endif  // EPIWIRE_CLEAN_LEXICON_H_
