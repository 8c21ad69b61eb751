// SPDX-License-Identifier: MIT
// The event rules' word lists, read from data/lexicon/*.tsv so that adding a
// disease, a case word or a measure trigger is one line of data. Tested by lexicon_test.cc.
#ifndef EPIWIRE_EVENTS_LEXICON_H_
#define EPIWIRE_EVENTS_LEXICON_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <algorithm>
#include <vector>

#include "epiwire/base/status.h"
#include "epiwire/model/event.h"
#include "epiwire/text/sentences.h"

namespace epiwire::events {

enum class TermRole { kNoun, kPerson, kVerb, kKillVerb, kModifier, kTotal };

struct CaseTerm {
  TermRole role = TermRole::kNoun;
  std::optional<CaseStatus> status;
};

// Cue flags; a phrase may carry several.
enum Cue : uint32_t {
  kCueNew = 1u << 0,
  kCueCumulative = 1u << 1,
  kCueImported = 1u << 2,
  kCueLocal = 1u << 3,
  kCueOtherCause = 1u << 4,
  kCueLegal = 1u << 5,
  kCueNotPeople = 1u << 6,
  kCueOutbreak = 1u << 7,
  kCueModeAir = 1u << 8,
  kCueModeRoad = 1u << 9,
  kCueModeRail = 1u << 10,
  kCueModeSea = 1u << 11,
  kCueModeFoot = 1u << 12,
  kCueSource = 1u << 13,
  kCueTravel = 1u << 14,
};

// One element of a measure pattern: alternatives, each exact or a prefix.
struct PatternElement {
  std::vector<std::string> exact;
  std::vector<std::string> prefixes;
  int gap_before = 0;  // tokens allowed between the previous element and this one
  bool Matches(std::string_view word) const;
};

struct MeasurePattern {
  MeasureKind measure = MeasureKind::kBorderClosure;
  MeasureAction action = MeasureAction::kImpose;
  std::vector<PatternElement> elements;
  int line = 0;  // in measures.tsv, for messages and tests
};

// A phrase found in a token sequence: [token_begin, token_end).
struct PhraseMatch {
  size_t token_begin = 0;
  size_t token_end = 0;
};

class Lexicon {
 public:
  // Reads diseases.tsv, case_terms.tsv, cues.tsv and measures.tsv from `dir`.
  // A missing file or malformed line fails with "path:line: what".
  static Result<std::unique_ptr<Lexicon>> Load(const std::string& dir);

  // Longest case term starting at token i: its length in tokens (0 if none).
  size_t MatchCaseTerm(const std::vector<text::Token>& tokens, size_t i, CaseTerm* term) const;
  // Longest disease name starting at token i: its length (0 if none) and id.
  size_t MatchDisease(const std::vector<text::Token>& tokens, size_t i, std::string* id) const;
  // Longest cue phrase starting at token i: its length (0 if none) and flags.
  size_t MatchCue(const std::vector<text::Token>& tokens, size_t i, uint32_t* cues) const;

  const std::vector<MeasurePattern>& measure_patterns() const { return measure_patterns_; }
  // Action that a word in the sentence imposes on a restrictive measure, if any.
  std::optional<MeasureAction> ActionCue(std::string_view word) const;
  // True when `word` followed by `next` is a noun modifier that no pattern may use
  // ("border" in "border city").
  bool IsNounModifier(std::string_view word, std::string_view next) const;
  // Quick test used to skip sentences: could any measure pattern start with `word`?
  bool MayStartMeasure(std::string_view word) const;
  // Indices into measure_patterns() of the patterns whose first element matches `word`,
  // in file order (appended to `out`).
  void PatternsStartingWith(std::string_view word, std::vector<size_t>& out) const;

 private:
  template <typename T>
  struct PhraseTable {
    std::unordered_map<std::string, T> phrases;  // space-joined lower-case tokens
    std::unordered_set<std::string> first_words;  // quick rejection before building keys
    size_t longest = 0;                          // in tokens
    void Add(const std::string& phrase, size_t words) {
      first_words.insert(phrase.substr(0, phrase.find(' ')));
      longest = std::max(longest, words);
    }
  };
  template <typename T>
  static size_t MatchLongest(const PhraseTable<T>& table, const std::vector<text::Token>& tokens,
                             size_t i, T* value);
  Status ReadDiseases(const std::string& path);
  Status ReadCaseTerms(const std::string& path);
  Status ReadCues(const std::string& path);
  Status ReadMeasures(const std::string& path);

  PhraseTable<std::string> diseases_;
  PhraseTable<CaseTerm> case_terms_;
  PhraseTable<uint32_t> cues_;
  std::vector<MeasurePattern> measure_patterns_;
  std::unordered_map<std::string, MeasureAction> action_cues_;
  std::vector<std::pair<std::string, std::vector<std::string>>> noun_modifiers_;
  // First elements of the measure patterns, indexed so a token costs two hash look-ups:
  // exact words, and prefixes bucketed by their first two bytes.
  std::unordered_map<std::string, std::vector<size_t>> pattern_by_word_;
  std::unordered_map<std::string, std::vector<std::pair<std::string, size_t>>> pattern_by_prefix_;
  void IndexPatterns();
};

}  // namespace epiwire::events

#endif  // EPIWIRE_EVENTS_LEXICON_H_
