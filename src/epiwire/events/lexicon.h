// SPDX-License-Identifier: MIT
// The event rules' words, one language a directory (data/lexicon/<language>/*.tsv),
// so that adding a disease, a case word, a grammar word or a measure trigger is one
// line of data and a language is a directory. Tested by lexicon_test.cc.
#ifndef EPIWIRE_EVENTS_LEXICON_H_
#define EPIWIRE_EVENTS_LEXICON_H_

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "epiwire/base/one_of.h"
#include "epiwire/base/status.h"
#include "epiwire/base/word_memo.h"
#include "epiwire/dates/date_grammar.h"
#include "epiwire/model/event.h"
#include "epiwire/model/place.h"
#include "epiwire/quantity/number_grammar.h"
#include "epiwire/text/sentences.h"

namespace epiwire::events {

// What a word (or phrase) of terms.tsv does to a count.
enum class TermRole {
  kNoun,      // a count noun of cases: "cases", "deaths"; status is its meaning
  kPerson,    // people: "patients", "nurses"; a status verb or modifier makes them cases
  kAnimal,    // animals, with their host: "chickens", "wild boar"
  kThing,     // anything else counted: "teams", "flights", "beds": never cases
  kVerb,      // a status verb after the counted noun: "died", "tested positive"
  kNegVerb,   // a verb that says they are no cases: "tested negative", "were culled"
  kKillVerb,  // a verb before the count: "killing 5", "has infected 40"
  kModifier,  // a word between number and noun that sets the status: "suspected"
  kTotal,     // a running-total noun: "death toll", "tally"
};

struct CaseTerm {
  TermRole role = TermRole::kNoun;
  std::optional<CaseStatus> status;
  std::optional<Host> host;  // kAnimal; a kThing where those animals are ("poultry farm")
  // A phrase listed both as a verb after the noun and before the number ("infected"):
  // its status in the second use.
  std::optional<CaseStatus> kill_status;
  // A kNegVerb that says the counted were found no cases ("tested negative", "descartados"):
  // it undoes a count of cases named before it, where another ("were quarantined") only
  // tells what befell them.
  bool denies = false;
};

// Cue flags; a phrase may carry several.
enum Cue : uint32_t {
  kCueNew = 1u << 0,
  kCueCumulative = 1u << 1,
  kCueImported = 1u << 2,
  kCueLocal = 1u << 3,
  kCueOtherCause = 1u << 4,
  kCueLegal = 1u << 5,
  // "visited", "посещением", "到访": a place right after it is where travellers had been.
  kCueVisit = 1u << 6,
  kCueOutbreak = 1u << 7,
  kCueModeAir = 1u << 8,
  kCueModeRoad = 1u << 9,
  kCueModeRail = 1u << 10,
  kCueModeSea = 1u << 11,
  kCueModeFoot = 1u << 12,
  kCueSource = 1u << 13,
  kCueTravel = 1u << 14,
  kCueOrganisation = 1u << 15,  // "University", "Hospital": a place before it names a body
  kCueAuthority = 1u << 16,     // "Health Department", "ministry": a reporting body
  kCueCaught = 1u << 17,        // "contracted", "were infected", "se contagiaron": a place
                                // after it is where the infection was caught
  // "local government areas", "local officials": words that hold a cue word ("local") and
  // say nothing of time or importation themselves; a phrase of this class drops those cues.
  kCuePlain = 1u << 18,
  // "cancer", "diabetes": a condition no outbreak causes; a text that names one and no
  // infectious disease counts no outbreak's cases ("The disease killed 35,000 people").
  kCueCondition = 1u << 19,
  // "remained steady", "unchanged", "sin cambios": a figure that stayed as it was; a
  // since-date in its clause tells since when it stayed, not when its count began.
  kCueUnchanged = 1u << 20,
  // "seven-day average", "moyenne", "promedio": a statistic of counts, itself no count.
  kCueStatistic = 1u << 21,
  // "susceptible", "at risk": a population that could fall ill; a count of it is none of
  // cases ("26,400 susceptible birds").
  kCuePopulation = 1u << 22,
  // "first", "highest", "the most": a record; a since-date after it tells since when it
  // is one ("Cambodia's first human case since 2014"), not when a count began.
  kCueRecord = 1u << 23,
  // "could", "might", "podría", "pourrait": a guess; a number after it is no count ("could
  // reach 70,000 cases"), a verb after it tells nothing that happened ("may have died").
  kCueModal = 1u << 24,
  // "border with", "flights with", "frontera con", "граница с": a border or a link, and the
  // word that joins its other side ("las fronteras con Chile": Chile is that side).
  kCueLink = 1u << 25,
  // "began", "broke out", "s'est déclarée", "comenzó": the start of an outbreak; a place
  // after it ("since the outbreak began in Limuru") is where it began, not where what is
  // counted now is.
  kCueOnset = 1u << 26,
  // "variant", "strain", "variante", "штамм": a place right before it, or after it and
  // "of" ("the UK variant", "la variante de Manaos"), names the virus, not a place of
  // the text.
  kCueVariant = 1u << 27,
  // "籍" ("缅甸籍人员", people of Myanmar nationality): a place right before it says
  // whom, not where.
  kCueNationality = 1u << 28,
  // "live", "residen", "habitent", "проживают": a verb of where people live. "Of them, 24
  // live in Lima" places a part as "are in Lima" does.
  kCueResidence = 1u << 29,
  // "provinces", "las provincias", "les départements", "регионах": a plural noun of a
  // country's first-level units. A city of a sentence with one, whose name is also its
  // region's, is the region ("the provinces with the most cases are Córdoba, ...").
  kCueRegions = 1u << 30,
  // "briefing", "press conference", "rueda de prensa", "брифинге": where something was
  // said. A place right after it and "in" says where it was said, not where cases are.
  kCueVenue = 1u << 31,
};

// Grammar word classes (grammar.tsv): the small words the rules read structure from.
enum Grammar : uint32_t {
  kGrLocative = 1u << 0,     // in, at, across, throughout
  kGrFrom = 1u << 1,         // from, via, through
  kGrTo = 1u << 2,           // to, into
  kGrOf = 1u << 3,           // of
  kGrDeterminer = 1u << 4,   // the, a, its, their, these
  kGrAuxiliary = 1u << 5,    // is, were, has, been, also, still
  kGrCoordination = 1u << 6, // and, or
  kGrRelative = 1u << 7,     // which, who, whom, where
  kGrReport = 1u << 8,       // said, told, announced: a report, not a count
  kGrSubordinate = 1u << 9,  // while, whereas, but, although: a new clause
  kGrPronoun = 1u << 10,     // them, whom, those: stands for a counted noun
  kGrCountVerb = 1u << 11,   // reported, recorded, confirmed, had: takes a count
  kGrNegation = 1u << 12,    // no, not, none
  kGrFunction = 1u << 13,    // any other small word that ends a noun phrase
  kGrPlaceNoun = 1u << 14,   // province, city, country: see place_level
  kGrArticle = 1u << 15,     // a, an: one of something
  kGrLink = 1u << 16,        // words between a total noun and its number: "rose to"
  kGrExclude = 1u << 17,     // a word before a number that makes it no count: "aged", "$"
  kGrUnit = 1u << 18,        // a word after a number that makes it no count: "years", "km"
  kGrPassing = 1u << 19,     // passed, crossed, topped: a running total crossing a mark
  kGrNumber = 1u << 20,      // a number word: "seven", "dozen", "million", "third"
  kGrClassifier = 1u << 21,  // a measure word after a number (Chinese 例, 名, 人): the
                             // counted noun may stand before the number
  kGrFromAfter = 1u << 22,   // a word after a place that makes it an origin (Chinese 输入)
  kGrEach = 1u << 23,        // each, respectively, 各: a count holds for every place of a list
  kGrRange = 1u << 24,       // between, entre: "between 30 and 40" is one range, not two counts
  kGrCompanion = 1u << 25,   // with, con, avec: joins a count to the one before it
                             // ("3,214 new cases with 248 deaths")
  kGrPart = 1u << 26,        // including, y compris, включая: a part of the count before
  kGrSince = 1u << 27,       // since, depuis, desde: a date later in the clause is a start
                             // ("since the outbreak began in March")
  kGrPerfect = 1u << 28,     // has, have, had, han: the perfect, a state so far
  kGrState = 1u << 29,       // is, are, remain: a verb of a present state ("54 are hospitalized")
  kGrAll = 1u << 30,         // all, 均, todos: "11 new cases, all of them imported"
  kGrDefinite = 1u << 31,    // the, this, ce, este, этой, 该: "the province" refers back
};

// One element of a measure pattern: alternatives, each exact or a prefix.
// Words of a measure's object or predicate: a phrase of whole words, the last of which
// may be a prefix ("suspend*"). Matched on lower-cased tokens.
struct MeasureWord {
  std::vector<std::string> words;
  bool last_is_prefix = false;
};

// One element of a measure pattern: alternatives, each a word, a prefix, or a phrase of
// several tokens (a word of a language written without spaces: "关闭" is two tokens).
struct PatternElement {
  std::vector<std::string> exact;
  std::vector<std::string> prefixes;
  std::vector<MeasureWord> phrases;
  int gap_before = 0;  // tokens allowed between the previous element and this one
  // The first bytes of the alternatives (of their first words): a token that starts with
  // none of them, as most do, is no match, which one bit test tells. Set by NoteInitials.
  std::bitset<256> initials;
  // Sets `initials` from the alternatives, once they are all there.
  void NoteInitials();
  // The number of tokens the element matches from token `k` (0: none).
  size_t MatchLength(const std::vector<text::Token>& tokens, size_t k) const;
};

struct MeasurePattern {
  MeasureKind measure = MeasureKind::kBorderClosure;
  MeasureAction action = MeasureAction::kImpose;
  std::vector<PatternElement> elements;
  int line = 0;  // in measures.tsv, for messages and tests
};

// Words that rules look a token's form up in (settings.tsv rows of words).
class WordList {
 public:
  void push_back(std::string word) {
    signs_.set(WordSign(word));
    words_.push_back(std::move(word));
  }
  bool Has(std::string_view word) const {
    if (!signs_.test(WordSign(word))) return false;
    for (const std::string& w : words_) {
      if (SameWord(w, word)) return true;
    }
    return false;
  }
  std::vector<std::string>::const_iterator begin() const { return words_.begin(); }
  std::vector<std::string>::const_iterator end() const { return words_.end(); }

 private:
  std::vector<std::string> words_;
  std::bitset<kWordSigns> signs_;
};

// Rows of phrases, as lower-case tokens, that rules match at a token. Most tokens start
// and end none, which the signs of the phrases' first and last words tell.
class PhraseList {
 public:
  void Add(std::vector<std::string> words) {
    if (words.empty()) return;
    firsts_.set(WordSign(words.front()));
    lasts_.set(WordSign(words.back()));
    phrases_.push_back(std::move(words));
  }
  size_t size() const { return phrases_.size(); }
  // The signs of the phrases' first words.
  const std::bitset<kWordSigns>& firsts() const { return firsts_; }

  // The length of the longest phrase at token `at` (0: none), and its index in `which`
  // when one matches.
  size_t At(const std::vector<text::Token>& tokens, size_t at, size_t* which = nullptr) const {
    if (phrases_.empty() || at >= tokens.size() || !firsts_.test(WordSign(tokens[at].lower))) {
      return 0;
    }
    size_t best = 0;
    for (size_t p = 0; p < phrases_.size(); ++p) {
      const std::vector<std::string>& words = phrases_[p];
      if (at + words.size() > tokens.size() || words.size() <= best) continue;
      bool all = true;
      for (size_t w = 0; w < words.size() && all; ++w)
        all = SameWord(tokens[at + w].lower, words[w]);
      if (!all) continue;
      best = words.size();
      if (which != nullptr) *which = p;
    }
    return best;
  }
  // Whether a phrase ends right before token `end`.
  bool EndsAt(const std::vector<text::Token>& tokens, size_t end) const {
    if (phrases_.empty() || end == 0 || end > tokens.size() ||
        !lasts_.test(WordSign(tokens[end - 1].lower))) {
      return false;
    }
    return std::any_of(phrases_.begin(), phrases_.end(),
                       [&](const std::vector<std::string>& words) {
                         if (words.size() > end) return false;
                         for (size_t w = 0; w < words.size(); ++w) {
                           if (!SameWord(tokens[end - words.size() + w].lower, words[w]))
                             return false;
                         }
                         return true;
                       });
  }

 private:
  std::vector<std::vector<std::string>> phrases_;
  std::bitset<kWordSigns> firsts_;
  std::bitset<kWordSigns> lasts_;
};

class Lexicon {
 public:
  // Reads diseases.tsv, terms.tsv, cues.tsv, grammar.tsv and measures.tsv from `dir`
  // (one language's directory, e.g. data/lexicon/en, whose name is the language), and
  // settings.tsv when present. A missing file or a malformed line fails with
  // "path:line: what".
  static Result<std::unique_ptr<Lexicon>> Load(const std::string& dir);

  // The ISO 639-1 code of the lexicon's language (its directory's name).
  const std::string& language() const { return language_; }
  // The country a text in the language is about when it names none (settings.tsv
  // `home_country`: Chinese news is China's); empty where there is no such country.
  const std::string& home_country() const { return home_country_; }
  // The same for a text written in traditional Han characters (`home_country_traditional`:
  // Taiwan's news, which says "國內" of Taiwan; Hong Kong's and Macau's name their city).
  const std::string& home_country_traditional() const { return home_country_traditional_; }
  // How the language writes numbers and dates (numbers.tsv, dates.tsv in the same
  // directory); null where the directory has none, which is the built-in English reading.
  const quantity::NumberGrammar* numbers() const { return numbers_.get(); }
  const dates::DateGrammar* dates() const { return dates_.get(); }
  // The grammar classes some word of grammar.tsv has: what the language marks.
  uint32_t grammar_classes() const { return grammar_classes_; }

  // The lexicon's id of each token's lower-cased word (kNoWord for words no phrase of
  // the lexicon holds): one look-up a token, after which every table below matches on
  // small integers instead of strings.
  static constexpr uint32_t kNoWord = 0;
  std::vector<uint32_t> WordIds(const std::vector<text::Token>& tokens) const;
  void WordIds(const std::vector<text::Token>& tokens, std::vector<uint32_t>& ids) const;

  // Which tables have a phrase starting with the word (by id): a sentence's tokens are
  // matched only against those, one byte a word telling (most words start none).
  enum PhraseStart : uint8_t {
    kStartsTerm = 1,
    kStartsCue = 2,
    kStartsGrammar = 4,
    kStartsDisease = 8,
  };
  uint8_t PhraseStarts(uint32_t id) const {
    return id < phrase_starts_.size() ? phrase_starts_[id] : 0;
  }

  // Longest case term starting at token i: its length in tokens (0 if none).
  size_t MatchCaseTerm(const std::vector<uint32_t>& words, size_t i, CaseTerm* term) const;
  // Longest disease name starting at token i: its length (0 if none) and id, a view of
  // the lexicon's own string (valid while the lexicon lives).
  size_t MatchDisease(const std::vector<uint32_t>& words, size_t i, std::string_view* id) const;
  // Longest cue phrase starting at token i: its length (0 if none) and the flags of
  // every cue phrase starting there.
  size_t MatchCue(const std::vector<uint32_t>& words, size_t i, uint32_t* cues) const;
  // Longest grammar phrase starting at token i ("as well as"): length and classes.
  size_t MatchGrammar(const std::vector<uint32_t>& words, size_t i, uint32_t* classes) const;
  // The same, on tokens (for tests and one-off look-ups).
  size_t MatchCaseTerm(const std::vector<text::Token>& tokens, size_t i, CaseTerm* term) const {
    return MatchCaseTerm(WordIds(tokens), i, term);
  }
  size_t MatchDisease(const std::vector<text::Token>& tokens, size_t i, std::string_view* id) const {
    return MatchDisease(WordIds(tokens), i, id);
  }
  size_t MatchCue(const std::vector<text::Token>& tokens, size_t i, uint32_t* cues) const {
    return MatchCue(WordIds(tokens), i, cues);
  }
  // A case noun in the singular ("case", "случай"): after "a" or "first" it counts one.
  // settings.tsv lists them (`single` rows).
  bool IsSingleNoun(std::string_view word) const { return single_nouns_.Has(word); }
  // The level a place noun refers to ("province" -> subdivision); nullopt otherwise.
  std::optional<PlaceLevel> PlaceNounLevel(std::string_view word) const;
  // The level of place a word of scope speaks for ("national", "nationwide" -> country,
  // "statewide" -> subdivision); nullopt otherwise. settings.tsv lists them (`scope`
  // rows, lower-case forms as written).
  // Whether a text holds a word of the "each" class that pairs things up one to one
  // rather than giving each the whole count ("respectively", "分别"; settings.tsv
  // `respectively` rows).
  bool SaysRespectively(std::string_view text) const {
    return std::any_of(respectively_words_.begin(), respectively_words_.end(),
                       [&](const std::string& word) { return text.find(word) != text.npos; });
  }
  // Whether a word restricts what it comes before to the few named ("only", "solo",
  // "seuls": "only essential shops may open" closes the others). settings.tsv lists them
  // (`only` rows).
  // Whether `word` is the language's plain word for a case ("cases", "casos", "cas",
  // "случаев"): a figure of it may also count lawsuits, and a table's heading may say
  // its status. settings.tsv lists them (`case_word` rows).
  bool IsCaseWord(std::string_view word) const { return case_words_.Has(word); }
  // Whether a word of permission starts at token `at` ("allowed", "autorisés", "允许"):
  // denied, it restricts ("no flight will be allowed to land"). settings.tsv lists them
  // (`permission` rows).
  bool PermitsAt(const std::vector<text::Token>& tokens, size_t at) const {
    return permissions_.At(tokens, at) > 0;
  }
  bool IsOnlyWord(std::string_view word) const { return only_words_.Has(word); }
  // Whether a word names the rest of what was counted ("and the rest of the flock was
  // culled"): a conjunct of its own. settings.tsv lists them (`remainder` rows).
  bool IsRemainderWord(std::string_view word) const { return remainder_words_.Has(word); }
  // "The patient died", "Пациентка скончалась": a noun of one person, whom a definite
  // article or the opening of a clause refers back to. settings.tsv `one_person` rows.
  bool IsOnePerson(std::string_view word) const { return one_person_words_.Has(word); }
  // "Both patients died", "ambos fallecieron": a word of two people told of before.
  // settings.tsv `both` rows.
  bool IsBothWord(std::string_view word) const { return both_words_.Has(word); }
  // "He had returned from Spain", "They had arrived from Iran", "Они прилетели из Москвы":
  // words that open a sentence about the one person (`he_she`), or the people, counted
  // before (`them`: some of them too, "Most had visited Italy"). settings.tsv rows.
  bool IsHeSheWord(std::string_view word) const { return he_she_words_.Has(word); }
  bool IsThemWord(std::string_view word) const { return them_words_.Has(word); }
  // "bringing the total number of such cases to six", "de tels cas": a word that says a
  // noun is of the kind told before. settings.tsv `such` rows.
  bool IsSuchWord(std::string_view word) const { return such_words_.Has(word); }
  // "95 cases of COVID-19 were observed among them, 90 in the placebo group": words of a
  // clinical trial, whose counts are its results, not an outbreak's. settings.tsv `trial`.
  bool IsTrialWord(std::string_view word) const { return trial_words_.Has(word); }
  // "local", "местный": words of locality that stand before their noun, and tell of the
  // counted only before a case word, a cue or a disease ("a local official" does not).
  // settings.tsv lists them (`local_adjective` rows).
  bool IsLocalAdjective(std::string_view word) const { return local_adjectives_.Has(word); }
  // "Total", "Итого", "合计": the label of a table's row that sums the rows above it.
  // settings.tsv lists them (`total_row` rows).
  bool IsTotalRowLabel(std::string_view word) const { return total_row_labels_.Has(word); }
  // Whether a word tells of later ("will", "cerrará", "fermeront", "будет"): a measure
  // so announced has no day yet. settings.tsv lists the words (`future` rows) and the
  // endings of the future tense (`future_ending`).
  bool IsFutureWord(std::string_view word) const;
  // Whether a word makes the disease after it a complication of another ("can cause
  // encephalitis or meningitis", "peut provoquer une méningite"). settings.tsv lists them
  // (`cause` rows).
  bool IsCauseWord(std::string_view word) const { return cause_words_.Has(word); }
  // Whether a word sets what it comes before apart from the places named ("other":
  // "419 cases from 61 other districts"). settings.tsv lists them (`other` rows).
  bool IsOtherWord(std::string_view word) const { return other_words_.Has(word); }
  // Whether a place noun names the capital ("the capital", "la capitale", "в столице"): the
  // capital of the country the text is in. settings.tsv lists them (`capital` rows).
  bool IsCapitalWord(std::string_view word) const { return capital_words_.Has(word); }
  // Whether a word is a noun of a border ("border", "frontière", "границы"): a demonym
  // that qualifies it names the border's other side. settings.tsv lists them (`border`).
  bool IsBorderWord(std::string_view word) const { return border_words_.Has(word); }
  // Whether a word names a figure as a mark passed ("the 10 million mark", "la barre des
  // 10 000"). settings.tsv lists them (`mark` rows).
  bool IsMarkWord(std::string_view word) const { return mark_words_.Has(word); }
  // Whether the tokens set a figure against the same span of the year before ("同比",
  // "year on year", "по сравнению с аналогичным периодом прошлого года"). settings.tsv
  // lists the phrases (`year_on_year` rows).
  bool ComparesYearOnYear(const std::vector<text::Token>& tokens) const {
    for (size_t k = 0; k < tokens.size(); ++k) {
      if (year_on_year_.At(tokens, k) > 0) return true;
    }
    return false;
  }
  // Whether a word before a verb stands for the noun the count before it counted (French
  // "en": "l'Espagne en compte une trentaine", Spain counts about thirty of them).
  // settings.tsv lists them (`count_pronoun` rows).
  bool IsCountPronoun(std::string_view word) const { return count_pronouns_.Has(word); }
  // Whether a word joins a figure to the population it is a rate of ("per", "por cada",
  // "pour", "на": "245 cases per 100,000"). settings.tsv lists them (`rate` rows).
  bool IsRateWord(std::string_view word) const { return rate_words_.Has(word); }
  // Whether a phrase that refuses what follows it starts at token `at` ("ruled out",
  // "descartó", "a exclu": "ruled out a lockdown" imposes none). settings.tsv lists them
  // (`refusal` rows).
  bool RefusesAt(const std::vector<text::Token>& tokens, size_t at) const {
    return RefusalLength(tokens, at) > 0;
  }
  // The number of tokens of the refusal starting at `at`, 0 when none does.
  size_t RefusalLength(const std::vector<text::Token>& tokens, size_t at) const {
    return refusals_.At(tokens, at);
  }
  // The number of tokens of a word of exclusion starting at `at` ("excluding", "hors",
  // "sin contar", "без учета", "不含"), 0 when none does: the places it names are left out
  // of the figure. settings.tsv lists them (`exclusion` rows).
  size_t ExclusionLength(const std::vector<text::Token>& tokens, size_t at) const {
    return exclusions_.At(tokens, at);
  }
  // Whether a phrase of entering or arriving ends right before token `end` ("entering",
  // "arriving in", "lleguen a", "arrivant en", "въезд в"): a place after it is the one
  // people come into. settings.tsv lists them (`entry` rows).
  bool EntryEndsAt(const std::vector<text::Token>& tokens, size_t end) const {
    return entries_.EndsAt(tokens, end);
  }
  // The length of a phrase at token `at` that says "in the country" of the text's own
  // country, where the text names none ("国内": Taiwan's news says "國內" of Taiwan), or 0.
  // settings.tsv lists them (`home_scope` rows).
  size_t HomeScopeAt(const std::vector<text::Token>& tokens, size_t at) const {
    return home_scopes_.At(tokens, at);
  }
  // The length of a word for mainland China at `at` ("内地"), else 0.
  size_t MainlandAt(const std::vector<text::Token>& tokens, size_t at) const {
    return mainland_words_.At(tokens, at);
  }
  // Whether a phrase of a restriction and the word that joins whom it is on ends right
  // before token `end` ("a travel ban on India", "curbs against Britain"): a place after it
  // is the measure's other side. settings.tsv lists them (`restriction_on` rows).
  // Whether a word that makes what follows the time of something else ("during",
  // "pendant", "durante", "во время") ends right before `end`. settings.tsv lists them
  // (`during` rows).
  bool DuringEndsAt(const std::vector<text::Token>& tokens, size_t end) const {
    return during_.EndsAt(tokens, end);
  }
  bool RestrictionOnEndsAt(const std::vector<text::Token>& tokens, size_t end) const {
    return restrictions_on_.EndsAt(tokens, end);
  }
  // Whether a word of restriction starts at token `at` ("restrictions", "restricción",
  // "ограничения", "限制"): advice about restrictions is no travel advisory ("WHO advises
  // against any travel restrictions"). settings.tsv lists them (`restriction` rows).
  bool RestrictionAt(const std::vector<text::Token>& tokens, size_t at) const {
    return restrictions_.At(tokens, at) > 0;
  }
  // The length of a phrase that makes the number before it an increment, at token `at`
  // ("267 more than on Monday", "267 más que el lunes", "60 de plus que vendredi"), or 0.
  // settings.tsv lists them (`increment` rows).
  size_t IncrementAt(const std::vector<text::Token>& tokens, size_t at) const {
    return increments_.At(tokens, at);
  }
  // Whether a phrase that makes the number after it an increase ends right before token
  // `end` ("an increase of 4,106", "un incremento de 4.106", "une hausse de 60").
  // settings.tsv lists them (`increase` rows).
  bool IncreaseEndsAt(const std::vector<text::Token>& tokens, size_t end) const {
    return increases_.EndsAt(tokens, end);
  }
  // Whether a phrase that makes the number after it a fall ends right before token `end`
  // ("fell by 78", "减少78例"). settings.tsv lists them (`decrease` rows).
  bool DecreaseEndsAt(const std::vector<text::Token>& tokens, size_t end) const {
    return decreases_.EndsAt(tokens, end);
  }
  // Whether a measure word counts cases by itself ("例": "流感8621例" are 8,621 cases of
  // flu). settings.tsv lists them (`case_classifier` rows).
  bool IsCaseClassifier(std::string_view word) const { return case_classifiers_.Has(word); }
  // Whether a word stands before a person's name ("Dr", "Superintendent", "presidente"):
  // a place's name after it is a person's ("Superintendent Chad Chism"). settings.tsv
  // lists them (`title` rows, lower-case forms as the tokens have them).
  bool IsTitle(std::string_view word) const { return title_words_.Has(word); }
  // The length of a scope word of several tokens at token `at` ("全省": the whole
  // province), and its level; 0 where none starts there.
  size_t ScopePhraseAt(const std::vector<text::Token>& tokens, size_t at, PlaceLevel* level) const {
    size_t which = 0;
    const size_t length = scope_phrases_.At(tokens, at, &which);
    if (length > 0) *level = scope_phrase_levels_[which];
    return length;
  }
  std::optional<PlaceLevel> ScopeLevel(std::string_view word) const {
    if (!scope_signs_.test(WordSign(word))) return std::nullopt;
    for (const auto& [form, level] : scope_words_) {
      if (SameWord(form, word)) return level;
    }
    return std::nullopt;
  }
  // False for a word that starts none of the words and phrases of anaphors the lexicon
  // lists (ScopeLevel, ScopePhraseAt, HomeScopeAt, MainlandAt, "it", "its", "mainland"):
  // one bit for most words of a sentence, before those four look-ups.
  bool MayStartAnaphorWord(std::string_view word) const {
    return anaphor_signs_.test(WordSign(word));
  }
  // True for diseases of animals only (african-swine-fever): their "cases" are
  // outbreaks on farms, not counts of animals.
  bool IsAnimalDisease(std::string_view id) const { return animal_diseases_.count(std::string(id)); }
  // Whether a quarantine over this disease keeps animals in, not people: a zoonosis
  // caught from animals, not from people ("Карантин по бешенству введен в деревне").
  bool QuarantinesAnimals(std::string_view id) const {
    return IsAnimalDisease(id) || animal_quarantines_.count(std::string(id)) > 0;
  }

  const std::vector<MeasurePattern>& measure_patterns() const { return measure_patterns_; }
  // Action that a word in the sentence imposes on a restrictive measure, if any.
  std::optional<MeasureAction> ActionCue(std::string_view word) const;
  // True when `word` followed by `next` is a noun modifier that no pattern may use
  // ("border" in "border city").
  bool IsNounModifier(std::string_view word, std::string_view next) const;
  // True when `previous` before `word` makes it another thing ("regional" before
  // "borders": an internal boundary).
  bool IsPreModified(std::string_view previous, std::string_view word) const;
  // Indices into measure_patterns() of the patterns whose first element matches `word`,
  // in file order (appended to `out`).
  void PatternsStartingWith(std::string_view word, std::vector<size_t>& out) const;
  // Could a measure pattern, object or predicate start at this token? A cheap test
  // (one look-up) that lets sentences without any skip the measure rules.
  bool MayStartMeasure(std::string_view word) const;
  // What may start at a token whose word id is known (one look-up for most tokens):
  // a sentence holds a measure only with a pattern's start, or with an object and a
  // predicate both.
  enum MeasureStart : uint8_t {
    kStartsPattern = 1,
    kStartsObject = 2,
    kStartsPredicate = 4,
  };
  uint8_t MeasureStarts(std::string_view word, uint32_t id) const {
    if (id != kNoWord && id < word_measure_starts_.size()) return word_measure_starts_[id];
    return MeasureStartsOf(word, id);
  }
  bool MayStartMeasure(std::string_view word, uint32_t id) const {
    return MeasureStarts(word, id) != 0;
  }
  // Could the word (by id) make a sentence hold an event or change what the document
  // says of places and diseases? The last word of every case term, disease and number
  // phrase (a phrase matches only where all its words stand) and the place nouns are
  // such anchors; with digits, places and measure words (MeasureStarts) they are all a
  // sentence can be read for. One bit test a token.
  bool IsAnchorWord(uint32_t id) const { return id < anchor_ids_.size() && anchor_ids_[id]; }
  // A nationality adjective written in lower case ("italiano", "chinoises", "китайские"),
  // which the gazetteer (names start with a capital) does not see: the country it names
  // (ISO 3166-1 alpha-2), or empty. From the language's demonyms.tsv, if it has one.
  std::string_view DemonymCountry(uint32_t id) const {
    return id < demonym_of_.size() && demonym_of_[id] != 0 ? demonym_countries_[demonym_of_[id] - 1]
                                                           : std::string_view();
  }
  // Whether `word` (case-folded) is one of the adjective forms demonyms.tsv lists, in a
  // language whose table lists forms ("match<TAB>forms": French "français" is not
  // "franc", whose stem it shares); always true where it lists stems (Russian).
  bool IsDemonymForm(std::string_view word) const {
    return !demonym_forms_only_ || demonym_forms_.contains(word);
  }
  // Whether the word beside the adjective at `i` makes it a label, not a place ("la
  // variante británica", "британский штамм"): demonyms.tsv says which words, and on
  // which side.
  bool LabelsDemonym(const std::vector<uint32_t>& words, size_t i) const {
    const size_t beside = label_after_ ? i + 1 : i - 1;
    return (label_after_ ? i + 1 < words.size() : i > 0) && words[beside] < label_ids_.size() &&
           label_ids_[words[beside]];
  }
  // A measure's object starting at token i ("schools", "mass events"): its length in
  // tokens (0 if none) and the measure it names.
  size_t MatchMeasureObject(const std::vector<text::Token>& tokens, size_t i,
                            MeasureKind* measure) const;
  // A measure's predicate starting at token i ("closed", "suspended", "reopen"): its
  // length (0 if none) and the action it takes.
  size_t MatchMeasurePredicate(const std::vector<text::Token>& tokens, size_t i,
                               MeasureAction* action) const;

 private:
  // Phrases as sequences of word ids, found by their first word.
  template <typename T>
  struct PhraseTable {
    struct Phrase {
      std::vector<uint32_t> words;
      T value{};
      // Whether the phrase stands at token i (whose word is the phrase's first).
      bool At(const std::vector<uint32_t>& ids, size_t i) const;
    };
    std::vector<std::vector<Phrase>> by_first;  // indexed by the first word's id
    // The value of `words`, added if new (callers may merge into it).
    T& Add(const std::vector<uint32_t>& words);
    // Longest phrase at i; with `merge`, the values of every phrase starting there
    // are or-ed together (flags).
    size_t Match(const std::vector<uint32_t>& ids, size_t i, T* value, bool merge) const;
    // The longest phrase at i (the first of equals), or null.
    const Phrase* Longest(const std::vector<uint32_t>& ids, size_t i) const;
  };
  using TransparentHash = WordHash;
  // The word ids of a phrase tokenised like sentences ("covid-19" one token, "bird flu"
  // two), adding new words to the vocabulary.
  std::vector<uint32_t> PhraseWords(std::string_view phrase);
  Status ReadDiseases(const std::string& path);
  Status ReadTerms(const std::string& path);
  Status ReadCues(const std::string& path);
  Status ReadGrammar(const std::string& path);
  Status ReadMeasures(const std::string& path);
  void IndexPatterns();
  // What each word id anchors and starts (IsAnchorWord, PhraseStarts, MeasureStarts), once
  // the vocabulary is whole.
  void IndexWords();
  uint8_t PrefixStarts(std::string_view word) const;  // MeasureStart flags of prefixes
  uint8_t MeasureStartsOf(std::string_view word, uint32_t id) const;  // MeasureStarts, computed

  Status ReadDemonyms(const std::string& path);
  Status ReadSettings(const std::string& path);
  // The key a word is looked up by: its lower-case form, or its stem in a language
  // whose lexicon is written in stems (settings.tsv: "stem<TAB>yes").
  std::string WordKey(std::string_view lower) const;
  // The id of a word of a stemmed lexicon, through a per-thread cache of stems.
  uint32_t StemmedWordId(std::string_view lower) const;

  uint64_t serial_ = 0;  // unique among the lexicons of a process (the stem cache's key)

  std::string language_;
  WordList single_nouns_;
  std::vector<std::pair<std::string, PlaceLevel>> scope_words_;
  std::bitset<kWordSigns> scope_signs_;  // of scope_words_
  std::bitset<kWordSigns> anaphor_signs_;  // see MayStartAnaphorWord
  PhraseList scope_phrases_;
  std::vector<PlaceLevel> scope_phrase_levels_;  // by scope phrase
  WordList rate_words_;
  WordList title_words_;
  WordList case_classifiers_;
  WordList only_words_;
  WordList future_words_;
  WordList remainder_words_;
  WordList one_person_words_;
  WordList both_words_;
  WordList such_words_;
  WordList he_she_words_;
  WordList them_words_;
  WordList trial_words_;
  WordList local_adjectives_;
  WordList total_row_labels_;
  std::vector<std::string> future_endings_;
  WordList cause_words_;
  WordList count_pronouns_;
  WordList other_words_;
  WordList capital_words_;
  WordList border_words_;
  WordList mark_words_;
  WordList case_words_;
  PhraseList refusals_;
  PhraseList year_on_year_;
  PhraseList during_;
  PhraseList restrictions_;
  PhraseList increments_;
  PhraseList home_scopes_;
  PhraseList mainland_words_;
  PhraseList increases_;
  PhraseList decreases_;
  PhraseList permissions_;
  PhraseList exclusions_;
  PhraseList entries_;
  PhraseList restrictions_on_;
  WordList respectively_words_;
  std::unique_ptr<quantity::NumberGrammar> numbers_;
  std::unique_ptr<dates::DateGrammar> dates_;
  uint32_t grammar_classes_ = 0;  // the union of every grammar word's classes
  bool stem_ = false;
  // Words matched whole, not by their stem, which is another word's (settings.tsv
  // `unstemmed`: French "maladie" stems as "malade").
  std::unordered_set<std::string> unstemmed_;
  // Endings whose Snowball stem parts from the stem of the word's other forms, and what
  // to put in their place to stem those forms (settings.tsv `other_form`: Russian
  // "ит>ита", "энцефалит" -> "энцефал" but "энцефалита" -> "энцефалит"; French "s>" and
  // ">s", "foyer" -> "foi" but "foyers" -> "foyer"). The first that fits a word is used.
  std::vector<std::pair<std::string, std::string>> other_forms_;
  std::string home_country_;
  std::string home_country_traditional_;
  absl::flat_hash_map<std::string, uint32_t, TransparentHash, std::equal_to<>> vocabulary_;
  PhraseTable<std::string> diseases_;
  std::unordered_set<std::string> animal_diseases_;
  std::unordered_set<std::string> animal_quarantines_;
  PhraseTable<CaseTerm> terms_;
  PhraseTable<uint32_t> cues_;
  PhraseTable<uint32_t> grammar_;
  std::unordered_map<std::string, PlaceLevel> place_nouns_;
  template <typename T>
  struct WordTable {
    std::vector<std::pair<MeasureWord, T>> entries;
    // Exact first words.
    absl::flat_hash_map<std::string, std::vector<size_t>, TransparentHash, std::equal_to<>>
        by_first_word;
    // Entries whose first word is a prefix, by its first three letters.
    absl::flat_hash_map<std::string, std::vector<size_t>, TransparentHash, std::equal_to<>>
        prefix_first;
    void Add(MeasureWord word, T value);
    size_t Match(const std::vector<text::Token>& tokens, size_t i, T* value) const;
  };
  // First words of measure patterns, objects and predicates.
  absl::flat_hash_set<std::string, TransparentHash, std::equal_to<>> measure_starts_;
  // Prefixes that start a measure word ("suspend*"), by their first three letters,
  // with what they start (MeasureStart flags).
  absl::flat_hash_map<std::string, std::vector<std::pair<std::string, uint8_t>>, TransparentHash,
                      std::equal_to<>>
      measure_start_prefixes_;
  std::vector<uint8_t> measure_start_ids_;  // by word id: what an exact start word starts
  // By a word's first two bytes (PairOf): some prefix of measure_start_prefixes_ starts so.
  std::vector<bool> prefix_pairs_ = std::vector<bool>(size_t{1} << 16, false);
  static size_t PairOf(std::string_view word) {
    return size_t{static_cast<unsigned char>(word[0])} << 8 | static_cast<unsigned char>(word[1]);
  }
  // demonyms.tsv: the adjectives' word ids with their countries (indexed by IndexWords),
  // by word id 1 + the country's index in demonym_countries_ (0: none), and the label
  // words, which stand after the adjective in some languages and before it in others.
  std::vector<std::pair<uint32_t, std::string>> demonym_words_;
  std::vector<uint16_t> demonym_of_;
  std::vector<std::string> demonym_countries_;
  std::vector<uint32_t> label_words_;
  std::vector<bool> label_ids_;
  bool label_after_ = false;
  bool demonym_forms_only_ = false;
  absl::flat_hash_set<std::string, TransparentHash, std::equal_to<>> demonym_forms_;
  std::vector<bool> anchor_ids_;         // by word id: see IsAnchorWord
  std::vector<uint8_t> phrase_starts_;   // by word id: see PhraseStarts
  // By word id, in a lexicon not matched on stems: MeasureStarts of the word, prefixes
  // included (the word is the id's key there).
  std::vector<uint8_t> word_measure_starts_;
  uint32_t prefix_initials_ = 0;         // bit (c - 'a'): a prefix starts with c
  WordTable<MeasureKind> measure_objects_;
  WordTable<MeasureAction> measure_predicates_;
  std::vector<MeasurePattern> measure_patterns_;
  absl::flat_hash_map<std::string, MeasureAction, TransparentHash, std::equal_to<>> action_cues_;
  std::vector<std::pair<std::string, std::vector<std::string>>> noun_modifiers_;
  std::vector<std::pair<std::string, std::vector<std::string>>> noun_premodifiers_;
  std::bitset<kWordSigns> follower_signs_;     // of the words of noun_modifiers_
  std::bitset<kWordSigns> premodifier_signs_;  // of the words of noun_premodifiers_
  // First elements of the measure patterns, indexed so a token costs two hash look-ups:
  // exact words, and prefixes bucketed by their first two bytes.
  absl::flat_hash_map<std::string, std::vector<size_t>, TransparentHash, std::equal_to<>>
      pattern_by_word_;
  absl::flat_hash_map<std::string, std::vector<std::pair<std::string, size_t>>, TransparentHash,
                      std::equal_to<>>
      pattern_by_prefix_;
};

}  // namespace epiwire::events

#endif  // EPIWIRE_EVENTS_LEXICON_H_
