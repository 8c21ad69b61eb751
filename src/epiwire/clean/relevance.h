// SPDX-License-Identifier: MIT
// Internal to the clean stage (public API: cleaner.h RelevanceScore). The evidence
// behind a relevance score, for tests and for the cleaner's own guards.
// Tested by cleaner_test.cc.
#ifndef EPIWIRE_CLEAN_RELEVANCE_H_
#define EPIWIRE_CLEAN_RELEVANCE_H_

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "epiwire/clean/lexicon.h"

namespace epiwire::clean {

struct RelevanceEvidence {
  double weight = 0;  // summed lexicon weights, repeats of a phrase counting less
  size_t words = 0;
  bool disease_named = false;  // a name of a disease of diseases.tsv was among the phrases
};

// Weighs the relevance-lexicon phrases found in `text`.
RelevanceEvidence WeighRelevance(std::string_view text);

// Relevance evidence summed over pieces already folded and matched (the lines of a
// story), so that a text is folded and matched once for every use.
class RelevanceTally {
 public:
  // Adds the relevance-lexicon matches of one piece and its word count.
  void Add(std::span<const PhraseMatch> matches, size_t words);
  // The weights, and once a disease is named, those of the phrases of cases counted by a
  // figure once more ("1125 cas ont été confirmés", "12 new cases": what a case report
  // is made of; "45 smuggling cases" in a text naming no disease is not).
  RelevanceEvidence evidence() const;
  // Starts again from nothing, keeping the memory (a tally is reused line after line).
  void Clear();

 private:
  std::vector<int> seen_;        // lexicon entry -> times seen
  std::vector<size_t> touched_;  // entries seen, to clear
  RelevanceEvidence evidence_;
  double counted_ = 0;  // weights of the phrases with a figure before them, up to a cap
  bool disease_named_ = false;
};

// Maps evidence to a 0..1 probability that the text is about an outbreak.
double ScoreEvidence(const RelevanceEvidence& evidence);

}  // namespace epiwire::clean

#endif  // EPIWIRE_CLEAN_RELEVANCE_H_
