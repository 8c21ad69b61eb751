// SPDX-License-Identifier: MIT
// Internal to the clean stage (public API: cleaner.h). The boilerplate and
// relevance lexicons, parsed from TSV text embedded at build time, and a matcher
// that finds their phrases as whole words in folded text. Tested by cleaner_test.cc.
#ifndef EPIWIRE_CLEAN_LEXICON_H_
#define EPIWIRE_CLEAN_LEXICON_H_

#include <absl/container/flat_hash_map.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "epiwire/clean/literal_scanner.h"
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

// The kind of a relevance phrase that names a disease (PhraseMatch::kinds).
constexpr uint32_t kRelevanceDisease = 1;

struct PhraseMatch {
  size_t begin = 0;  // folded offsets
  size_t end = 0;
  size_t entry = 0;    // index of the phrase that matched (the first, for equal spans)
  uint32_t kinds = 0;  // union of the kinds of every phrase with exactly this span
  double weight = 0;   // largest weight of those phrases
  bool counted = false;  // a number right before it ("1125 cas", "12 new cases")
};

// Where the folded text of one of a matcher's phrases occurs in a text, before the
// whole-word and anchor rules are applied.
struct PhraseCandidate {
  size_t begin = 0;
  size_t end = 0;
  uint32_t text = 0;  // which phrase text (phrases differing only by anchors share one)
};

class LexiconScanner;

// Phrases matched case-insensitively as whole words. Immutable after building,
// so one matcher may be shared by threads.
class PhraseMatcher {
 public:
  // `phrase` is raw lexicon text: folded here; '^' / '$' at its ends are anchors.
  // Returns false (and adds nothing) for an empty phrase.
  bool Add(std::string_view phrase, uint32_t kinds, double weight);

  // Compiles the phrases for FindAll; call it after the last Add. Without it FindAll
  // compiles them at each call: the same matches, slower.
  void Compile();
  // Compiles the phrases of several matchers into one scanner, which each of them
  // then uses for FindAll; returns it, to scan for all of them at once.
  static std::shared_ptr<const LexiconScanner> CompileTogether(
      const std::vector<PhraseMatcher*>& matchers);

  // Matches left to right, never overlapping; at each start the longest phrase wins.
  std::vector<PhraseMatch> FindAll(const FoldedView& folded) const;

  // The same matches chosen among `candidates` (sorted by SortCandidates), given in
  // the offsets of a text in which `folded` begins at `offset`; candidates not
  // wholly inside `folded` are passed over. Appends to `matches`, in `folded`'s
  // offsets. This is how one scan of a whole document serves each of its lines.
  void Choose(const FoldedView& folded, size_t offset, std::span<const PhraseCandidate> candidates,
              std::vector<PhraseMatch>& matches) const;

  size_t size() const { return entries_.size(); }
  const std::string& phrase(size_t entry) const { return entries_[entry].text; }
  double weight(size_t entry) const { return entries_[entry].weight; }
  // The distinct folded phrase texts, numbered as PhraseCandidate::text.
  size_t text_count() const { return texts_.size(); }
  const std::string& text(size_t index) const { return texts_[index].text; }

 private:
  struct Entry {
    std::string text;  // folded, anchors stripped
    bool anchor_start = false;
    bool anchor_end = false;
    uint32_t kinds = 0;
    double weight = 0;
  };
  struct Text {
    std::string text;
    bool word_start = false;  // begins (ends) with a word byte: must not continue a word
    bool word_end = false;
    std::vector<uint32_t> entries;  // the phrases with this text, in the order added
  };

  std::vector<Entry> entries_;
  std::vector<Text> texts_;
  // Where each text is in texts_: a phrase added is matched with those before it by one
  // look-up (comparing it with each of them made adding 700 phrases quadratic).
  absl::flat_hash_map<std::string, uint32_t> text_index_;
  std::shared_ptr<const LexiconScanner> scanner_;  // set by Compile
  size_t scanner_slot_ = 0;                        // which of its matchers this is
};

// Sorts candidates as PhraseMatcher::Choose takes them: by start, longest first.
void SortCandidates(std::vector<PhraseCandidate>& candidates);

// Finds the phrases of several matchers in one scan of a text.
class LexiconScanner {
 public:
  explicit LexiconScanner(const std::vector<const PhraseMatcher*>& matchers);

  // Sets candidates[m] to the candidates of matcher m in `text`, sorted. `hits` is
  // scratch space.
  void Scan(std::string_view text, std::vector<LiteralHit>& hits,
            std::vector<std::vector<PhraseCandidate>>& candidates) const;

 private:
  struct Target {
    uint32_t matcher = 0;
    uint32_t text = 0;
  };
  LiteralScanner scanner_;
  std::vector<uint32_t> first_target_;  // targets of literal i: [first_target_[i], [i + 1])
  std::vector<Target> targets_;
  size_t matchers_ = 0;
};

// The lexicons compiled into the library, parsed and compiled together once, on
// first use (thread-safe). Lines that do not parse are skipped; the counts are checked
// by the tests.
const PhraseMatcher& BoilerplateLexicon();
const PhraseMatcher& RelevanceLexicon();
// Both at once: candidates[0] are boilerplate's, candidates[1] relevance's.
const LexiconScanner& CleanLexicons();

struct ParsedLexicon {
  PhraseMatcher matcher;
  size_t skipped_lines = 0;  // lines that did not parse (unknown kind, bad weight)
};

// Parsers, exposed for tests; the matchers come compiled. Boilerplate lines are
// "phrase<TAB>kind", relevance lines "phrase<TAB>weight"; blank lines and lines
// starting with '#' are ignored. `diseases` holds lines of the event lexicons'
// diseases.tsv ("id<TAB>name|name|..."): every name of a disease weighs what the
// relevance lines give its id (else its first name, else 1.0), and a
// relevance line of the name itself weighs it otherwise ("rabia" is also anger).
// The forms a disease's name takes in the news: Russian declines it, and diseases.tsv
// gives its nominative ("сибирская язва"; "сибирской язвы", "сибирскую язву" are
// written). The case endings of its words up to its first noun are put on in every
// combination (some are no Russian, and match nothing); the words after it (a genitive:
// "чума свиней") stay. A name without Cyrillic letters has one form, itself.
std::vector<std::string> CaseForms(std::string_view name);

ParsedLexicon ParseBoilerplateTsv(std::string_view tsv);
ParsedLexicon ParseRelevanceTsv(std::string_view tsv, std::string_view diseases = {});

}  // namespace epiwire::clean

#endif  // EPIWIRE_CLEAN_LEXICON_H_
