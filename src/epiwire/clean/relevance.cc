// SPDX-License-Identifier: MIT
// Relevance of a span of text to infectious-disease outbreaks. Tested by cleaner_test.cc.
//
// Evidence is the sum of lexicon weights over the phrases found (words of other
// subjects, such as film reviews, weigh against); the k-th repeat of
// a phrase adds weight / 2 (k >= 2), up to four times the weight in all, so that a
// long article that says "virus" forty times does not drown the other signals. The
// evidence is divided by the square root of the word count: between a plain density,
// which would punish long articles, and a plain sum, which would make any long text
// about anything relevant. Below kMinWords words the count is kMinWords, so that a
// one-sentence item of a feed that names an outbreak's disease or its infections is
// news of it, and a passing "the pandemic" is not. A logistic curve around
// kMidpoint turns that into a probability: one passing "the pandemic" in a
// hundred-word teaser scores about 0.1, a teaser on a lockdown amid infections and
// deaths about 0.8, a case report near 1.
#include "epiwire/clean/relevance.h"

#include <algorithm>
#include <cmath>

#include "epiwire/clean/cleaner.h"
#include "epiwire/clean/lexicon.h"
#include "epiwire/clean/text_fold.h"

namespace epiwire::clean {
namespace {

constexpr double kMinWords = 12;
constexpr double kMidpoint = 0.25;
constexpr double kSteepness = 12;
constexpr double kRepeatFactor = 0.5;
constexpr double kMaxTimesWeight = 4;
constexpr double kMaxCounted = 2;

}  // namespace

void RelevanceTally::Add(std::span<const PhraseMatch> matches, size_t words) {
  evidence_.words += words;
  for (const PhraseMatch& match : matches) {
    if (match.entry >= seen_.size()) seen_.resize(match.entry + 1, 0);
    if (seen_[match.entry] == 0) touched_.push_back(match.entry);
    int count = ++seen_[match.entry];
    // Words of other subjects weigh against ("film", "box office"), capped the same way.
    const double sign = match.weight < 0 ? -1.0 : 1.0;
    double weight = match.weight * sign;
    if (match.kinds & kRelevanceDisease) disease_named_ = true;
    if (match.counted && sign > 0) counted_ = std::min(counted_ + weight, kMaxCounted);
    double before = weight * (1 + kRepeatFactor * (count - 2));  // sum over earlier repeats
    double after = weight * (1 + kRepeatFactor * (count - 1));
    if (count == 1) {
      before = 0;
      after = weight;
    }
    double cap = weight * kMaxTimesWeight;
    evidence_.weight += sign * (std::min(after, cap) - std::min(before, cap));
  }
}

RelevanceEvidence RelevanceTally::evidence() const {
  RelevanceEvidence evidence = evidence_;
  evidence.disease_named = disease_named_;
  if (disease_named_) evidence.weight += counted_;
  return evidence;
}

void RelevanceTally::Clear() {
  for (size_t entry : touched_) seen_[entry] = 0;
  touched_.clear();
  evidence_ = {};
  counted_ = 0;
  disease_named_ = false;
}

RelevanceEvidence WeighRelevance(std::string_view text) {
  FoldedText folded = FoldText(text);
  RelevanceTally tally;
  tally.Add(RelevanceLexicon().FindAll(folded), CountWords(folded.text));
  return tally.evidence();
}

double ScoreEvidence(const RelevanceEvidence& evidence) {
  double words = std::max(kMinWords, static_cast<double>(evidence.words));
  double strength = evidence.weight / std::sqrt(words);
  return 1.0 / (1.0 + std::exp(-kSteepness * (strength - kMidpoint)));
}

double RelevanceScore(std::string_view text) { return ScoreEvidence(WeighRelevance(text)); }

}  // namespace epiwire::clean
