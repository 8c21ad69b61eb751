// SPDX-License-Identifier: MIT
// Internal to the events stage. Count phrases: what a number in a sentence counts.
//
// A number counts the head of the noun phrase it opens ("60 imported cases", "eight
// chickens", "eight response teams"), or of the phrase after "of" ("161 of the 667
// goats", "22 of the 25 deaths"), or what a verb before it does ("killing 5", "has
// infected 40 people"), or what a running-total noun before it counts ("the death toll
// rose to 31"). The head decides: a case noun gives the status; people and animals need
// a status verb or modifier ("31 people died", "117 wild birds tested positive") and
// animals carry their host; any other noun ("teams", "flights", "beds") is no case.
// A bare number in a list ("19 in Beijing", "Brasilia (111)", "and Punjab 1,202")
// repeats the reading of the count that frames the list. Tested through the golden
// cases (tests/golden/events) and extractor_test.cc.
#ifndef EPIWIRE_EVENTS_COUNTS_H_
#define EPIWIRE_EVENTS_COUNTS_H_

#include <optional>
#include <vector>

#include "epiwire/events/analysis.h"

namespace epiwire::events {

enum class CountPath {
  kNoun,       // NUMBER [modifiers] NOUN, or NUMBER of the NOUN
  kVerb,       // NUMBER [people|animals] ... VERB
  kKillVerb,   // VERB NUMBER [people|animals]
  kTotal,      // TOTAL-NOUN link-words NUMBER
  kPartitive,  // "Of the 30 new cases, 12 were ...": a part of an earlier noun phrase
  kSingle,     // "a woman was diagnosed", "the first death": one, without a number
  kListItem,   // a bare number in a list, read like the count that frames it
};

struct CountReading {
  CaseStatus status = CaseStatus::kConfirmed;
  Host host = Host::kHuman;
  CountPath path = CountPath::kNoun;
  size_t head = 0;        // token of the noun or verb that made it a count
  size_t phrase_end = 0;  // one past the count phrase
  bool by_link = false;   // "rose by 12": an increment
  bool by_modifier = false;  // the status came from an adjective ("dead cats")
  bool noun_is_case_word = false;  // "case"/"cases": subject to the legal-sense check
  bool of_kind_before = false;     // "nine of them imported": of the count before's status
  bool told_before = false;  // "Both patients died", "the patient died": people counted before
  // Index into the sentence's readings of the count that frames a list item, or -1.
  int frame = -1;
};

// A number with its reading.
struct ReadCount {
  QuantityRef quantity;
  CountReading reading;
  Qualifier qualifier = Qualifier::kExact;
  bool passed_mark = false;  // "passed 1,000": a running total crossing a mark
  int64_t ordinal = 0;       // "the 12th case": one more, and a running total of 12
};

// Every count of cases in the sentence, in text order (numbers first, then the counts
// of one read without a number, then the deaths of people told of before: "Both
// patients died").
// `outbreak_text`: the document names a disease, so that a verb that kills, infects or
// admits ("hospitals admitted 2,487 new patients") counts cases though its sentence
// names none.
// `outer`: the count of the sentence before, when this one opens on a part of it ("Of
// these, 51 were imported"): a bare number that says where its cases were caught is a
// part of it, as after "including".
std::vector<ReadCount> ReadCounts(const SentenceView& view, const Lexicon& lexicon,
                                  bool outbreak_text = false, const ReadCount* outer = nullptr);

// Whether the sentence opens on a clause that takes a part of what was counted before:
// "Of these,", "Among them,", "Of the new cases,", "Parmi eux," (a short first clause, no
// number in it, with "of them" or "of the" and a comma after it), or on "of them" and a
// number ("Из них двое ...", "其中2例 ...").
// "Cabell County accounts for 228 of them": a number of "them" with no case word before
// it in the sentence, a part of a count of the sentence before.
bool RefersToACountBefore(const SentenceView& view);

bool OpensOnAPart(const SentenceView& view);

// Whether the sentence opens on a bare number and a verb of being or having, no noun
// after the number: "Six had flown in from Britain, two from the United States" tells of
// the people the sentence before counted.
bool OpensOnABareNumber(const SentenceView& view);

// The verb a count pronoun stands before, whose object is the number `q` ("l'Espagne en
// compte une trentaine", "le Sénégal en a recensé 99"), or SIZE_MAX when there is none.
size_t VerbAfterCountPronoun(const SentenceView& view, const Lexicon& lexicon,
                             const QuantityRef& q);

// Whether a number of the sentence counts what its pronoun stands for: the noun of a count
// of the sentence before.
bool CountsByPronoun(const SentenceView& view, const Lexicon& lexicon);

// Whether the sentence's numbers are all items of a list (a place and a number: "Астана –
// 9, Алматы – 11", "从地区分布看，广州市3例、深圳市2例") and it names no case, no one and no
// disease: a breakdown of what the sentence before counted.
bool ListsItemsOnly(const SentenceView& view);

// The first token of the quantity including its hedge ("more than 20").
size_t HedgeStart(const SentenceView& view, const QuantityRef& q);

// A dash, as a token: "-", "--", an em or an en dash.
bool IsDash(std::string_view word);

// Whether the comma at token `i` opens an aside that tells of a part of what was just
// counted: ", including ...", ", most of them ...", ", five of them ...", ", among them
// ...".
bool OpensAside(const SentenceView& view, size_t i);

// Whether token `at` stands in such an aside, after a figure: "Locally transmitted cases
// came to 27, with 14 of them in the greater Seoul area", "1,219 cases, most of them in
// Jilin, and 4,996 asymptomatic": the place there is the part's, not the whole's nor the
// next count's.
bool InAside(const SentenceView& view, size_t at);

}  // namespace epiwire::events

#endif  // EPIWIRE_EVENTS_COUNTS_H_
