// SPDX-License-Identifier: MIT
#include "epiwire/events/lexicon.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <filesystem>
#include <map>
#include <type_traits>
#include <utility>

#include "epiwire/base/file.h"
#include "epiwire/base/fold.h"
#include "epiwire/base/stem.h"
#include "epiwire/base/utf8.h"
#include "epiwire/base/word_memo.h"

namespace epiwire::events {
namespace {

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t at = text.find(separator, start);
    const size_t stop = at == std::string_view::npos ? text.size() : at;
    if (stop > start) parts.push_back(text.substr(start, stop - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return parts;
}

constexpr std::array<std::pair<std::string_view, uint32_t>, 32> kCueNames{{
    {"new", kCueNew},
    {"cumulative", kCueCumulative},
    {"imported", kCueImported},
    {"local", kCueLocal},
    {"other_cause", kCueOtherCause},
    {"legal", kCueLegal},
    {"outbreak", kCueOutbreak},
    {"mode_air", kCueModeAir},
    {"mode_road", kCueModeRoad},
    {"mode_rail", kCueModeRail},
    {"mode_sea", kCueModeSea},
    {"mode_foot", kCueModeFoot},
    {"source", kCueSource},
    {"travel", kCueTravel},
    {"organisation", kCueOrganisation},
    {"authority", kCueAuthority},
    {"caught", kCueCaught},
    {"plain", kCuePlain},
    {"condition", kCueCondition},
    {"unchanged", kCueUnchanged},
    {"statistic", kCueStatistic},
    {"population", kCuePopulation},
    {"record", kCueRecord},
    {"modal", kCueModal},
    {"link", kCueLink},
    {"onset", kCueOnset},
    {"variant", kCueVariant},
    {"nationality", kCueNationality},
    {"residence", kCueResidence},
    {"regions", kCueRegions},
    {"venue", kCueVenue},
    {"visit", kCueVisit},
}};

constexpr std::array<std::pair<std::string_view, uint32_t>, 32> kGrammarNames{{
    {"number", kGrNumber},
    {"range", kGrRange},
    {"each", kGrEach},
    {"companion", kGrCompanion},
    {"part", kGrPart},
    {"since", kGrSince},
    {"perfect", kGrPerfect},
    {"state", kGrState},
    {"all", kGrAll},
    {"definite", kGrDefinite},
    {"classifier", kGrClassifier},
    {"from_after", kGrFromAfter},
    {"locative", kGrLocative},
    {"from", kGrFrom},
    {"to", kGrTo},
    {"of", kGrOf},
    {"determiner", kGrDeterminer},
    {"auxiliary", kGrAuxiliary},
    {"coordination", kGrCoordination},
    {"relative", kGrRelative},
    {"report", kGrReport},
    {"subordinate", kGrSubordinate},
    {"pronoun", kGrPronoun},
    {"count_verb", kGrCountVerb},
    {"negation", kGrNegation},
    {"function", kGrFunction},
    {"place_noun", kGrPlaceNoun},
    {"article", kGrArticle},
    {"link", kGrLink},
    {"exclude", kGrExclude},
    {"unit", kGrUnit},
    {"passing", kGrPassing},
}};

constexpr std::array<std::pair<std::string_view, TermRole>, 10> kRoleNames{{
    {"noun", TermRole::kNoun},
    {"person", TermRole::kPerson},
    {"animal", TermRole::kAnimal},
    {"thing", TermRole::kThing},
    {"verb", TermRole::kVerb},
    {"negverb", TermRole::kNegVerb},
    {"denial", TermRole::kNegVerb},
    {"killverb", TermRole::kKillVerb},
    {"modifier", TermRole::kModifier},
    {"total", TermRole::kTotal},
}};

// A word or phrase of measures.tsv, in the tokens the text is read in ("call off" and
// "关闭" are two tokens each); a trailing '*' makes the last token a prefix.
MeasureWord ParseMeasureWord(std::string_view alternative) {
  MeasureWord word;
  if (alternative.ends_with('*')) {
    word.last_is_prefix = true;
    alternative.remove_suffix(1);
  }
  for (const text::Token& token : text::Tokenize(alternative, 0, alternative.size()).list) {
    word.words.emplace_back(token.lower);
  }
  return word;
}

}  // namespace

void PatternElement::NoteInitials() {
  initials.reset();
  const auto note = [&](std::string_view word) {
    if (!word.empty()) initials.set(static_cast<unsigned char>(word.front()));
  };
  for (const std::string& e : exact) note(e);
  for (const std::string& p : prefixes) note(p);
  for (const MeasureWord& phrase : phrases) note(phrase.words.front());
}

size_t PatternElement::MatchLength(const std::vector<text::Token>& tokens, size_t k) const {
  const std::string_view word = tokens[k].lower;
  if (word.empty() || !initials.test(static_cast<unsigned char>(word.front()))) return 0;
  for (const std::string& e : exact) {
    if (SameWord(word, e)) return 1;
  }
  for (const std::string& p : prefixes) {
    if (StartsWithWord(word, p)) return 1;
  }
  size_t best = 0;
  for (const MeasureWord& phrase : phrases) {
    const size_t n = phrase.words.size();
    if (n <= best || k + n > tokens.size()) continue;
    bool ok = true;
    for (size_t w = 0; w < n && ok; ++w) {
      const std::string_view token = tokens[k + w].lower;
      ok = w + 1 == n && phrase.last_is_prefix ? StartsWithWord(token, phrase.words[w])
                                               : SameWord(token, phrase.words[w]);
    }
    if (ok) best = n;
  }
  return best;
}

std::string Lexicon::WordKey(std::string_view lower) const {
  if (!stem_) return std::string(lower);
  // (A word kept whole, whose stem is another word's: "maladie", not "malade".)
  if (unstemmed_.contains(std::string(lower))) return "=" + std::string(lower);
  return Stem(lower, language_);
}

std::vector<uint32_t> Lexicon::PhraseWords(std::string_view phrase) {
  std::vector<uint32_t> words;
  for (const text::Token& t : text::Tokenize(phrase, 0, phrase.size()).list) {
    const std::string key = WordKey(t.lower);
    const uint32_t id =
        vocabulary_.try_emplace(key, static_cast<uint32_t>(vocabulary_.size() + 1)).first->second;
    words.push_back(id);
    // A word of the lexicon stands for the stem of its other forms too, where Snowball
    // stems them apart (settings.tsv `other_form`). Not short words: "cas", "mer".
    if (!stem_ || key.front() == '=' || t.lower.size() <= 3) continue;
    for (const auto& [ending, replacement] : other_forms_) {
      if (!t.lower.ends_with(ending)) continue;
      const std::string other =
          std::string(t.lower.substr(0, t.lower.size() - ending.size())) + replacement;
      const std::string stem = Stem(other, language_);
      if (stem != key) vocabulary_.try_emplace(stem, id);
      break;
    }
  }
  return words;
}

namespace {

// Each lexicon's number, so a cache never takes one lexicon for another that came to
// live at the same address.
std::atomic<uint64_t> next_serial{1};

}  // namespace

uint32_t Lexicon::StemmedWordId(std::string_view lower) const {
  // A Snowball run a token was the dearest step of reading a sentence of an inflected
  // language, and news repeats its words: each thread keeps the ids of the words it has
  // stemmed, per lexicon, forgetting them all when there are many.
  struct Cache {
    uint64_t serial = 0;
    WordMemo<uint32_t> ids;
  };
  thread_local std::vector<Cache> caches;
  Cache* cache = nullptr;
  for (Cache& c : caches) {
    if (c.serial == serial_) cache = &c;
  }
  if (cache == nullptr) {
    if (caches.size() >= 8) caches.clear();  // lexicons come and go (tests): keep a few
    cache = &caches.emplace_back();
    cache->serial = serial_;
  }
  return cache->ids.Get(lower, [this](std::string_view word) {
    const auto found = vocabulary_.find(WordKey(word));
    return found != vocabulary_.end() ? found->second : kNoWord;
  });
}

std::vector<uint32_t> Lexicon::WordIds(const std::vector<text::Token>& tokens) const {
  std::vector<uint32_t> ids;
  WordIds(tokens, ids);
  return ids;
}

void Lexicon::WordIds(const std::vector<text::Token>& tokens, std::vector<uint32_t>& ids) const {
  ids.assign(tokens.size(), kNoWord);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (stem_) {
      ids[i] = StemmedWordId(tokens[i].lower);
      continue;
    }
    const auto found = vocabulary_.find(std::string_view(tokens[i].lower));
    if (found != vocabulary_.end()) ids[i] = found->second;
  }
}

template <typename T>
T& Lexicon::PhraseTable<T>::Add(const std::vector<uint32_t>& words) {
  if (by_first.size() <= words.front()) by_first.resize(words.front() + 1);
  for (Phrase& phrase : by_first[words.front()]) {
    if (phrase.words == words) return phrase.value;
  }
  by_first[words.front()].push_back(Phrase{words, T{}});
  return by_first[words.front()].back().value;
}

template <typename T>
bool Lexicon::PhraseTable<T>::Phrase::At(const std::vector<uint32_t>& ids, size_t i) const {
  const size_t n = words.size();
  if (i + n > ids.size()) return false;
  // The first word is the bucket's; most phrases are one or two words, so a loop beats
  // a call to memcmp.
  size_t k = 1;
  while (k < n && words[k] == ids[i + k]) ++k;
  return k == n;
}

template <typename T>
const typename Lexicon::PhraseTable<T>::Phrase* Lexicon::PhraseTable<T>::Longest(
    const std::vector<uint32_t>& ids, size_t i) const {
  if (i >= ids.size() || ids[i] == kNoWord || ids[i] >= by_first.size()) return nullptr;
  const Phrase* best = nullptr;
  for (const Phrase& phrase : by_first[ids[i]]) {
    if ((best == nullptr || phrase.words.size() > best->words.size()) && phrase.At(ids, i)) {
      best = &phrase;
    }
  }
  return best;
}

template <typename T>
size_t Lexicon::PhraseTable<T>::Match(const std::vector<uint32_t>& ids, size_t i, T* value,
                                      bool merge) const {
  if (!merge) {
    const Phrase* best = Longest(ids, i);
    if (best == nullptr) return 0;
    *value = best->value;
    return best->words.size();
  }
  if (i >= ids.size() || ids[i] == kNoWord || ids[i] >= by_first.size()) return 0;
  size_t best = 0;
  for (const Phrase& phrase : by_first[ids[i]]) {
    if (!phrase.At(ids, i)) continue;
    if constexpr (std::is_same_v<T, uint32_t>) *value |= phrase.value;
    best = std::max(best, phrase.words.size());
  }
  return best;
}

size_t Lexicon::MatchCaseTerm(const std::vector<uint32_t>& words, size_t i, CaseTerm* term) const {
  return terms_.Match(words, i, term, false);
}

size_t Lexicon::MatchDisease(const std::vector<uint32_t>& words, size_t i,
                             std::string_view* id) const {
  const auto* best = diseases_.Longest(words, i);
  if (best == nullptr) return 0;
  *id = best->value;
  return best->words.size();
}

size_t Lexicon::MatchCue(const std::vector<uint32_t>& words, size_t i, uint32_t* cues) const {
  *cues = 0;
  return cues_.Match(words, i, cues, true);
}

size_t Lexicon::MatchGrammar(const std::vector<uint32_t>& words, size_t i, uint32_t* classes) const {
  *classes = 0;
  return grammar_.Match(words, i, classes, true);
}

std::optional<PlaceLevel> Lexicon::PlaceNounLevel(std::string_view word) const {
  const auto found = place_nouns_.find(WordKey(word));
  if (found == place_nouns_.end()) return std::nullopt;
  return found->second;
}

std::optional<MeasureAction> Lexicon::ActionCue(std::string_view word) const {
  const auto found = action_cues_.find(word);
  if (found == action_cues_.end()) return std::nullopt;
  return found->second;
}

bool Lexicon::IsNounModifier(std::string_view word, std::string_view next) const {
  if (!follower_signs_.test(WordSign(next))) return false;
  for (const auto& [prefix, followers] : noun_modifiers_) {
    if (word.substr(0, prefix.size()) != prefix) continue;
    for (const std::string& follower : followers) {
      if (next == follower) return true;
    }
  }
  return false;
}

bool Lexicon::IsPreModified(std::string_view previous, std::string_view word) const {
  if (!premodifier_signs_.test(WordSign(previous))) return false;
  for (const auto& [prefix, before] : noun_premodifiers_) {
    if (word.substr(0, prefix.size()) != prefix) continue;
    for (const std::string& b : before) {
      if (previous == b) return true;
    }
  }
  return false;
}

void Lexicon::PatternsStartingWith(std::string_view word, std::vector<size_t>& out) const {
  const size_t first = out.size();
  if (const auto exact = pattern_by_word_.find(word); exact != pattern_by_word_.end()) {
    out.insert(out.end(), exact->second.begin(), exact->second.end());
  }
  if (word.size() >= 2) {
    const auto bucket = pattern_by_prefix_.find(word.substr(0, 2));
    if (bucket != pattern_by_prefix_.end()) {
      for (const auto& [prefix, index] : bucket->second) {
        if (StartsWithWord(word, prefix)) out.push_back(index);
      }
    }
  }
  std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
  out.erase(std::unique(out.begin() + static_cast<std::ptrdiff_t>(first), out.end()), out.end());
}

template <typename T>
void Lexicon::WordTable<T>::Add(MeasureWord word, T value) {
  const size_t index = entries.size();
  if (word.words.size() == 1 && word.last_is_prefix) {
    prefix_first[word.words.front().substr(0, 3)].push_back(index);
  } else {
    by_first_word[word.words.front()].push_back(index);
  }
  entries.emplace_back(std::move(word), value);
}

template <typename T>
size_t Lexicon::WordTable<T>::Match(const std::vector<text::Token>& tokens, size_t i,
                                   T* value) const {
  if (i >= tokens.size() || !tokens[i].is_word) return 0;
  size_t best = 0;
  const auto try_entry = [&](size_t index) {
    const MeasureWord& word = entries[index].first;
    if (i + word.words.size() > tokens.size() || word.words.size() <= best) return;
    for (size_t w = 0; w < word.words.size(); ++w) {
      const std::string_view token = tokens[i + w].lower;
      const bool last = w + 1 == word.words.size();
      const bool ok = last && word.last_is_prefix ? token.starts_with(word.words[w])
                                                  : token == word.words[w];
      if (!ok) return;
    }
    best = word.words.size();
    *value = entries[index].second;
  };
  if (const auto found = by_first_word.find(tokens[i].lower); found != by_first_word.end()) {
    for (size_t index : found->second) try_entry(index);
  }
  if (tokens[i].lower.size() >= 3) {
    const auto found = prefix_first.find(tokens[i].lower.substr(0, 3));
    if (found != prefix_first.end()) {
      for (size_t index : found->second) try_entry(index);
    }
  }
  return best;
}

size_t Lexicon::MatchMeasureObject(const std::vector<text::Token>& tokens, size_t i,
                                   MeasureKind* measure) const {
  return measure_objects_.Match(tokens, i, measure);
}

size_t Lexicon::MatchMeasurePredicate(const std::vector<text::Token>& tokens, size_t i,
                                      MeasureAction* action) const {
  return measure_predicates_.Match(tokens, i, action);
}

uint8_t Lexicon::PrefixStarts(std::string_view word) const {
  if (word.size() < 3) return 0;
  // Most words share not even their first two bytes with a prefix: one bit says so.
  if (!prefix_pairs_[PairOf(word)]) return 0;
  const auto found = measure_start_prefixes_.find(word.substr(0, 3));
  if (found == measure_start_prefixes_.end()) return 0;
  uint8_t starts = 0;
  for (const auto& [prefix, what] : found->second) {
    if (word.starts_with(prefix)) starts |= what;
  }
  return starts;
}

bool Lexicon::MayStartMeasure(std::string_view word) const {
  if (measure_starts_.find(word) != measure_starts_.end()) return true;
  return PrefixStarts(word) != 0;
}

uint8_t Lexicon::MeasureStartsOf(std::string_view word, uint32_t id) const {
  uint8_t starts = id != kNoWord && id < measure_start_ids_.size() ? measure_start_ids_[id] : 0;
  if (word.size() < 3) return starts;
  const auto initial = static_cast<unsigned char>(word[0]);
  // Prefixes of other scripts are few: only ASCII initials are filtered by a bit.
  if (initial < 0x80 && (initial < 'a' || initial > 'z' || !(prefix_initials_ & (1u << (initial - 'a'))))) {
    return starts;
  }
  return starts | PrefixStarts(word);
}

void Lexicon::IndexPatterns() {
  const auto add_start = [&](const std::string& word, bool prefix, uint8_t what) {
    if (prefix) {
      measure_start_prefixes_[word.substr(0, 3)].emplace_back(word, what);
      if (word.size() >= 2) prefix_pairs_[PairOf(word)] = true;
      if (word[0] >= 'a' && word[0] <= 'z') prefix_initials_ |= 1u << (word[0] - 'a');
    } else {
      measure_starts_.insert(word);
      const uint32_t id = PhraseWords(word).front();
      if (measure_start_ids_.size() <= id) measure_start_ids_.resize(id + 1, 0);
      measure_start_ids_[id] |= what;
    }
  };
  for (const MeasurePattern& pattern : measure_patterns_) {
    for (const std::string& word : pattern.elements.front().exact) {
      add_start(word, false, kStartsPattern);
    }
    for (const std::string& prefix : pattern.elements.front().prefixes) {
      add_start(prefix, true, kStartsPattern);
    }
    for (const MeasureWord& phrase : pattern.elements.front().phrases) {
      add_start(phrase.words.front(), false, kStartsPattern);
    }
  }
  for (const auto& [word, kind] : measure_objects_.entries) {
    add_start(word.words.front(), word.words.size() == 1 && word.last_is_prefix, kStartsObject);
  }
  for (const auto& [word, action] : measure_predicates_.entries) {
    add_start(word.words.front(), word.words.size() == 1 && word.last_is_prefix, kStartsPredicate);
  }
  for (size_t i = 0; i < measure_patterns_.size(); ++i) {
    const PatternElement& element = measure_patterns_[i].elements.front();
    for (const std::string& word : element.exact) pattern_by_word_[word].push_back(i);
    for (const MeasureWord& phrase : element.phrases) pattern_by_word_[phrase.words.front()].push_back(i);
    for (const std::string& prefix : element.prefixes) {
      pattern_by_prefix_[prefix.substr(0, 2)].emplace_back(prefix, i);
    }
  }
}

void Lexicon::IndexWords() {
  anaphor_signs_ =
      scope_signs_ | scope_phrases_.firsts() | home_scopes_.firsts() | mainland_words_.firsts();
  for (const std::string_view word : {"it", "its", "mainland"}) anaphor_signs_.set(WordSign(word));
  // Anaphors look place nouns up by key ("the province"), which may not be a phrase's
  // word (a key folded beyond ASCII): every key gets an id, so it can be marked.
  std::vector<uint32_t> place_noun_ids;
  for (const auto& [key, level] : place_nouns_) {
    auto [it, added] = vocabulary_.try_emplace(key, static_cast<uint32_t>(vocabulary_.size() + 1));
    place_noun_ids.push_back(it->second);
  }
  anchor_ids_.assign(vocabulary_.size() + 1, false);
  demonym_of_.assign(demonym_words_.empty() ? 0 : vocabulary_.size() + 1, 0);
  for (const auto& [id, country] : demonym_words_) {
    auto known = std::find(demonym_countries_.begin(), demonym_countries_.end(), country);
    if (known == demonym_countries_.end()) {
      demonym_countries_.push_back(country);
      known = demonym_countries_.end() - 1;
    }
    demonym_of_[id] = static_cast<uint16_t>(known - demonym_countries_.begin() + 1);
  }
  label_ids_.assign(label_words_.empty() ? 0 : vocabulary_.size() + 1, false);
  for (const uint32_t id : label_words_) label_ids_[id] = true;

  for (uint32_t id : place_noun_ids) anchor_ids_[id] = true;
  // A phrase matches only where all its words stand: its last word is enough to mark,
  // and is the rarer one ("was confirmed", "tested positive", "swine flu").
  const auto mark_last_words = [&](const auto& table, auto wanted) {
    for (const auto& phrases : table.by_first) {
      for (const auto& phrase : phrases) {
        if (wanted(phrase.value)) anchor_ids_[phrase.words.back()] = true;
      }
    }
  };
  mark_last_words(terms_, [](const CaseTerm&) { return true; });
  mark_last_words(diseases_, [](const std::string&) { return true; });
  mark_last_words(grammar_, [](uint32_t classes) { return (classes & (kGrNumber | kGrPlaceNoun)) != 0; });
  phrase_starts_.assign(vocabulary_.size() + 1, 0);
  const auto mark_first_words = [&](const auto& table, uint8_t bit) {
    for (size_t id = 0; id < table.by_first.size(); ++id) {
      if (!table.by_first[id].empty()) phrase_starts_[id] |= bit;
    }
  };
  mark_first_words(terms_, kStartsTerm);
  mark_first_words(cues_, kStartsCue);
  mark_first_words(grammar_, kStartsGrammar);
  mark_first_words(diseases_, kStartsDisease);
  if (!stem_) {
    std::vector<uint8_t> starts(vocabulary_.size() + 1, 0);
    for (const auto& [key, id] : vocabulary_) starts[id] = MeasureStartsOf(key, id);
    word_measure_starts_ = std::move(starts);
  }
}

Status Lexicon::ReadDiseases(const std::string& path) {
  return ForEachTsvRow(path, [&](int, const std::vector<std::string_view>& fields) {
    if (fields.size() < 2) return Status::InvalidInput("want id<TAB>synonym|synonym...[<TAB>animal]");
    const std::string id = AsciiLower(fields[0]);
    if (fields.size() > 2 && fields[2] == "animal") animal_diseases_.insert(id);
    if (fields.size() > 2 && fields[2] == "animal_quarantine") animal_quarantines_.insert(id);
    for (std::string_view synonym : Split(fields[1], '|')) {
      const std::vector<uint32_t> words = PhraseWords(synonym);
      if (words.empty()) continue;
      std::string& value = diseases_.Add(words);
      if (value.empty()) value = id;
    }
    std::string& own = diseases_.Add(PhraseWords(id));
    if (own.empty()) own = id;
    return Status::Ok();
  });
}

Status Lexicon::ReadTerms(const std::string& path) {
  std::map<std::vector<uint32_t>, std::string> written;  // the form each phrase was listed in
  return ForEachTsvRow(path, [&](int, const std::vector<std::string_view>& fields) {
    if (fields.size() < 2) return Status::InvalidInput("want term<TAB>role[<TAB>status|host]");
    CaseTerm term;
    bool known = false;
    for (const auto& [name, role] : kRoleNames) {
      if (fields[1] == name) {
        term.role = role;
        term.denies = name == "denial";
        known = true;
      }
    }
    if (!known) return Status::InvalidInput("unknown role '" + std::string(fields[1]) + "'");
    if (fields.size() > 2 && !fields[2].empty()) {
      if (term.role == TermRole::kAnimal || term.role == TermRole::kThing) {
        term.host = ParseHost(fields[2]);
        if (!term.host) return Status::InvalidInput("unknown host '" + std::string(fields[2]) + "'");
      } else {
        term.status = ParseCaseStatus(fields[2]);
        if (!term.status) {
          return Status::InvalidInput("unknown status '" + std::string(fields[2]) + "'");
        }
      }
    }
    if (term.role == TermRole::kAnimal && !term.host) term.host = Host::kAnimal;
    const std::vector<uint32_t> words = PhraseWords(fields[0]);
    if (words.empty()) return Status::InvalidInput("empty term");
    // A phrase may be a verb after the noun and a verb before the number both.
    const bool seen_before = words.front() < terms_.by_first.size() &&
                       std::any_of(terms_.by_first[words.front()].begin(),
                                   terms_.by_first[words.front()].end(),
                                   [&](const auto& phrase) { return phrase.words == words; });
    CaseTerm& slot = terms_.Add(words);
    if (seen_before) {
      CaseTerm merged = slot;
      // Two words of one stem ("contagios", a noun, and "contagiados", a verb) would read
      // as whichever came last: keep one whole (settings.tsv `unstemmed`).
      const bool kill_pair =
          (term.role == TermRole::kKillVerb) != (merged.role == TermRole::kKillVerb);
      if (!kill_pair && written[words] != FoldCase(fields[0]) &&
          (merged.role != term.role || merged.status != term.status || merged.host != term.host)) {
        return Status::InvalidInput("'" + std::string(fields[0]) +
                                    "' has the stem of a term listed before with another "
                                    "meaning; list one of them as unstemmed in settings.tsv");
      }
      if (term.role == TermRole::kKillVerb && merged.role != TermRole::kKillVerb) {
        merged.kill_status = term.status;
        term = merged;
      } else if (merged.role == TermRole::kKillVerb && term.role != TermRole::kKillVerb) {
        term.kill_status = merged.status;
      }
    }
    slot = term;
    written[words] = FoldCase(fields[0]);
    return Status::Ok();
  });
}

Status Lexicon::ReadCues(const std::string& path) {
  return ForEachTsvRow(path, [&](int, const std::vector<std::string_view>& fields) {
    if (fields.size() < 2) return Status::InvalidInput("want phrase<TAB>cue");
    for (const auto& [name, flag] : kCueNames) {
      if (fields[1] == name) {
        const std::vector<uint32_t> words = PhraseWords(fields[0]);
        if (words.empty()) return Status::InvalidInput("empty cue");
        cues_.Add(words) |= flag;
        return Status::Ok();
      }
    }
    return Status::InvalidInput("unknown cue '" + std::string(fields[1]) + "'");
  });
}

Status Lexicon::ReadGrammar(const std::string& path) {
  return ForEachTsvRow(path, [&](int, const std::vector<std::string_view>& fields) {
    if (fields.size() < 2) return Status::InvalidInput("want word<TAB>class[<TAB>level]");
    uint32_t flag = 0;
    for (const auto& [name, value] : kGrammarNames) {
      if (fields[1] == name) flag = value;
    }
    if (flag == 0) return Status::InvalidInput("unknown class '" + std::string(fields[1]) + "'");
    const std::vector<uint32_t> words = PhraseWords(fields[0]);
    if (words.empty()) return Status::InvalidInput("empty word");
    if (flag == kGrPlaceNoun) {
      if (fields.size() < 3) return Status::InvalidInput("a place noun needs its level");
      PlaceLevel level = PlaceLevel::kOther;
      if (fields[2] == "country") level = PlaceLevel::kCountry;
      else if (fields[2] == "subdivision") level = PlaceLevel::kSubdivision;
      else if (fields[2] == "city") level = PlaceLevel::kCity;
      else if (fields[2] != "other") return Status::InvalidInput("unknown level '" + std::string(fields[2]) + "'");
      place_nouns_[WordKey(FoldCase(fields[0]))] = level;
    }
    grammar_.Add(words) |= flag;
    grammar_classes_ |= flag;
    return Status::Ok();
  });
}

Status Lexicon::ReadMeasures(const std::string& path) {
  return ForEachTsvRow(path, [&](int line, const std::vector<std::string_view>& fields) {
    if (fields.size() == 3 && (fields[0] == "@modifier" || fields[0] == "@premodifier")) {
      std::vector<std::string> words;
      auto& signs = fields[0] == "@modifier" ? follower_signs_ : premodifier_signs_;
      for (std::string_view word : Split(fields[2], '|')) {
        words.emplace_back(word);
        signs.set(WordSign(word));
      }
      auto& table = fields[0] == "@modifier" ? noun_modifiers_ : noun_premodifiers_;
      table.emplace_back(std::string(fields[1]), std::move(words));
      return Status::Ok();
    }
    if (fields.size() == 3 && (fields[0] == "@object" || fields[0] == "@predicate")) {
      std::optional<MeasureKind> measure;
      std::optional<MeasureAction> action;
      if (fields[0] == "@object") {
        measure = ParseMeasureKind(fields[1]);
        if (!measure) return Status::InvalidInput("unknown measure '" + std::string(fields[1]) + "'");
      } else {
        action = ParseMeasureAction(fields[1]);
        if (!action) return Status::InvalidInput("unknown action '" + std::string(fields[1]) + "'");
      }
      for (std::string_view alternative : Split(fields[2], '|')) {
        MeasureWord word = ParseMeasureWord(alternative);
        if (word.words.empty()) continue;
        if (word.last_is_prefix && word.words.back().size() < 3) {
          return Status::InvalidInput("prefix '" + word.words.back() + "*' is too short");
        }
        if (measure) measure_objects_.Add(std::move(word), *measure);
        if (action) measure_predicates_.Add(std::move(word), *action);
      }
      return Status::Ok();
    }
    if (fields.size() == 3 && fields[0] == "@action") {
      const auto action = ParseMeasureAction(fields[1]);
      if (!action) return Status::InvalidInput("unknown action '" + std::string(fields[1]) + "'");
      action_cues_[std::string(fields[2])] = *action;
      return Status::Ok();
    }
    if (fields.size() != 3) return Status::InvalidInput("want measure<TAB>action<TAB>pattern");
    MeasurePattern pattern;
    pattern.line = line;
    const auto measure = ParseMeasureKind(fields[0]);
    const auto action = ParseMeasureAction(fields[1]);
    if (!measure) return Status::InvalidInput("unknown measure '" + std::string(fields[0]) + "'");
    if (!action) return Status::InvalidInput("unknown action '" + std::string(fields[1]) + "'");
    pattern.measure = *measure;
    pattern.action = *action;
    int gap = 0;
    for (std::string_view part : Split(fields[2], ' ')) {
      if (part[0] == '~') {
        gap = std::atoi(std::string(part.substr(1)).c_str());
        continue;
      }
      PatternElement element;
      element.gap_before = gap;
      gap = 0;
      const std::vector<std::string_view> alternatives = Split(part, '|');
      for (size_t a = 0; a < alternatives.size(); ++a) {
        const std::string_view alternative = alternatives[a];
        // "集中 ~1 隔离|隔离 ~1 观察": alternatives are of one element, not of phrases with
        // gaps; the same one twice is such a slip.
        if (std::find(alternatives.begin(), alternatives.begin() + a, alternative) !=
            alternatives.begin() + a) {
          return Status::InvalidInput("alternative '" + std::string(alternative) + "' twice in '" +
                                      std::string(part) + "'");
        }
        MeasureWord word = ParseMeasureWord(alternative);
        if (word.words.empty()) return Status::InvalidInput("empty alternative in '" + std::string(part) + "'");
        if (word.last_is_prefix && word.words.back().size() < 3) {
          return Status::InvalidInput("prefix '" + std::string(alternative) +
                                      "' is too short (two letters at least)");
        }
        if (word.words.size() > 1) {
          element.phrases.push_back(std::move(word));
        } else if (word.last_is_prefix) {
          element.prefixes.push_back(std::move(word.words.front()));
        } else {
          element.exact.push_back(std::move(word.words.front()));
        }
      }
      element.NoteInitials();
      pattern.elements.push_back(std::move(element));
    }
    if (pattern.elements.empty()) return Status::InvalidInput("empty pattern");
    measure_patterns_.push_back(std::move(pattern));
    return Status::Ok();
  });
}

Status Lexicon::ReadDemonyms(const std::string& path) {
  return ForEachTsvRow(path, [&](int, const std::vector<std::string_view>& fields) {
    if (fields[0] == "label") {
      if (fields.size() < 3 || (fields[1] != "before" && fields[1] != "after")) {
        return Status::InvalidInput("want label<TAB>before|after<TAB>word...");
      }
      label_after_ = fields[1] == "after";
      for (size_t f = 2; f < fields.size(); ++f) {
        const std::vector<uint32_t> words = PhraseWords(fields[f]);
        if (words.size() != 1) return Status::InvalidInput("a label is one word");
        label_words_.push_back(words.front());
      }
      return Status::Ok();
    }
    if (fields[0] == "match") {
      if (fields.size() != 2 || (fields[1] != "forms" && fields[1] != "stems")) {
        return Status::InvalidInput("want match<TAB>forms|stems");
      }
      demonym_forms_only_ = fields[1] == "forms";
      return Status::Ok();
    }
    const bool code = fields.size() == 2 && fields[1].size() == 2 &&
                      std::all_of(fields[1].begin(), fields[1].end(),
                                  [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!code) return Status::InvalidInput("want adjective<TAB>country (ISO 3166-1 alpha-2)");
    const std::vector<uint32_t> words = PhraseWords(fields[0]);
    if (words.size() != 1) return Status::InvalidInput("an adjective is one word");
    // Two countries' adjectives with one stem would name either where stems match.
    for (const auto& [id, country] : demonym_words_) {
      if (!demonym_forms_only_ && id == words.front() && country != fields[1]) {
        return Status::InvalidInput("'" + std::string(fields[0]) +
                                    "' has the stem of an adjective of " + country);
      }
    }
    demonym_words_.emplace_back(words.front(), std::string(fields[1]));
    demonym_forms_.insert(FoldCase(fields[0]));
    return Status::Ok();
  });
}

Status Lexicon::ReadSettings(const std::string& path) {
  return ForEachTsvRow(path, [&](int, const std::vector<std::string_view>& fields) {
    if (fields.size() < 2) return Status::InvalidInput("want setting<TAB>value");
    if (fields[0] == "stem") {
      if (fields[1] != "yes" && fields[1] != "no") return Status::InvalidInput("stem is yes or no");
      stem_ = fields[1] == "yes";
      if (stem_ && !HasStemmer(language_)) {
        return Status::InvalidInput("no stemmer for language '" + language_ + "'");
      }
      return Status::Ok();
    }
    if (fields[0] == "home_country") {
      home_country_ = std::string(fields[1]);
      return Status::Ok();
    }
    if (fields[0] == "home_country_traditional") {
      home_country_traditional_ = std::string(fields[1]);
      return Status::Ok();
    }
    if (fields[0] == "future_ending") {
      for (size_t f = 1; f < fields.size(); ++f) future_endings_.push_back(FoldCase(fields[f]));
      return Status::Ok();
    }
    if (fields[0] == "unstemmed") {
      for (size_t f = 1; f < fields.size(); ++f) unstemmed_.insert(FoldCase(fields[f]));
      return Status::Ok();
    }
    if (fields[0] == "other_form") {
      for (size_t f = 1; f < fields.size(); ++f) {
        const size_t arrow = fields[f].find('>');
        if (arrow == std::string_view::npos) {
          return Status::InvalidInput("other_form '" + std::string(fields[f]) +
                                      "' wants ending>replacement");
        }
        other_forms_.emplace_back(FoldCase(fields[f].substr(0, arrow)),
                                  FoldCase(fields[f].substr(arrow + 1)));
      }
      return Status::Ok();
    }
    if (fields[0] == "single") {
      for (size_t f = 1; f < fields.size(); ++f) {
        for (const text::Token& t : text::Tokenize(fields[f], 0, fields[f].size()).list) {
          if (t.is_word) single_nouns_.push_back(std::string(t.lower));
        }
      }
      return Status::Ok();
    }
    // Rows that list words, folded, for the rules to look up.
    const std::pair<std::string_view, WordList*> word_lists[] = {
        {"respectively", &respectively_words_},
        {"rate", &rate_words_},
        {"case_classifier", &case_classifiers_},
        {"title", &title_words_},
        {"only", &only_words_},
        {"future", &future_words_},
        {"remainder", &remainder_words_},
        {"one_person", &one_person_words_},
        {"both", &both_words_},
        {"such", &such_words_},
        {"he_she", &he_she_words_},
        {"them", &them_words_},
        {"trial", &trial_words_},
        {"local_adjective", &local_adjectives_},
        {"total_row", &total_row_labels_},
        {"cause", &cause_words_},
        {"case_word", &case_words_},
        {"count_pronoun", &count_pronouns_},
        {"other", &other_words_},
        {"capital", &capital_words_},
        {"border", &border_words_},
        {"mark", &mark_words_}};
    for (const auto& [name, words] : word_lists) {
      if (fields[0] != name) continue;
      for (size_t f = 1; f < fields.size(); ++f) words->push_back(FoldCase(fields[f]));
      return Status::Ok();
    }
    // Rows of phrases, as lower-case tokens, for the rules to match at a token.
    const std::pair<std::string_view, PhraseList*> phrase_lists[] = {
        {"refusal", &refusals_},
        {"year_on_year", &year_on_year_},
        {"during", &during_},
        {"restriction", &restrictions_},
        {"increment", &increments_},
        {"increase", &increases_},
        {"decrease", &decreases_},
        {"permission", &permissions_},
        {"exclusion", &exclusions_},
        {"entry", &entries_},
        {"restriction_on", &restrictions_on_},
        {"home_scope", &home_scopes_},
        {"mainland", &mainland_words_}};
    for (const auto& [name, phrases] : phrase_lists) {
      if (fields[0] != name) continue;
      for (size_t f = 1; f < fields.size(); ++f) {
        std::vector<std::string> words;
        for (const text::Token& t : text::Tokenize(fields[f], 0, fields[f].size()).list) {
          words.emplace_back(t.lower);
        }
        phrases->Add(std::move(words));
      }
      return Status::Ok();
    }
    if (fields[0] == "scope") {
      if (fields.size() < 3) return Status::InvalidInput("want scope<TAB>level<TAB>words");
      const std::optional<PlaceLevel> level =
          fields[1] == "country"       ? PlaceLevel::kCountry
          : fields[1] == "subdivision" ? PlaceLevel::kSubdivision
          : fields[1] == "city"        ? std::optional(PlaceLevel::kCity)
                                       : std::nullopt;
      if (!level) return Status::InvalidInput("unknown level '" + std::string(fields[1]) + "'");
      for (size_t f = 2; f < fields.size(); ++f) {
        // ("全省": a word of a language read a character a token is a phrase of tokens.)
        std::vector<std::string> words;
        for (const text::Token& t : text::Tokenize(fields[f], 0, fields[f].size()).list) {
          words.emplace_back(t.lower);
        }
        if (words.size() > 1) {
          scope_phrases_.Add(std::move(words));
          scope_phrase_levels_.push_back(*level);
        } else {
          scope_words_.emplace_back(FoldCase(fields[f]), *level);
          scope_signs_.set(WordSign(scope_words_.back().first));
        }
      }
      return Status::Ok();
    }
    return Status::InvalidInput("unknown setting '" + std::string(fields[0]) + "'");
  });
}

Result<std::unique_ptr<Lexicon>> Lexicon::Load(const std::string& dir) {
  auto lexicon = std::unique_ptr<Lexicon>(new Lexicon());
  lexicon->serial_ = next_serial.fetch_add(1);
  lexicon->language_ = std::filesystem::path(dir).filename().string();
  if (lexicon->language_.empty()) {
    lexicon->language_ = std::filesystem::path(dir).parent_path().filename().string();
  }
  Status status = Status::Ok();
  if (std::filesystem::exists(dir + "/settings.tsv")) {
    status = lexicon->ReadSettings(dir + "/settings.tsv");
  }
  if (status.ok()) status = lexicon->ReadDiseases(dir + "/diseases.tsv");
  if (status.ok()) status = lexicon->ReadTerms(dir + "/terms.tsv");
  if (status.ok()) status = lexicon->ReadCues(dir + "/cues.tsv");
  if (status.ok()) status = lexicon->ReadGrammar(dir + "/grammar.tsv");
  if (status.ok()) status = lexicon->ReadMeasures(dir + "/measures.tsv");
  if (status.ok() && std::filesystem::exists(dir + "/demonyms.tsv")) {
    status = lexicon->ReadDemonyms(dir + "/demonyms.tsv");
  }
  if (!status.ok()) return status;
  if (quantity::NumberGrammar::Exists(dir)) {
    auto numbers = quantity::NumberGrammar::Load(dir);
    if (!numbers.ok()) return numbers.status();
    lexicon->numbers_ = std::move(numbers).value();
  }
  if (dates::DateGrammar::Exists(dir)) {
    auto dates = dates::DateGrammar::Load(dir);
    if (!dates.ok()) return dates.status();
    lexicon->dates_ = std::move(dates).value();
  }
  lexicon->IndexPatterns();
  lexicon->IndexWords();
  return lexicon;
}

bool Lexicon::IsFutureWord(std::string_view word) const {
  if (future_words_.Has(word)) return true;
  // (Longer than the ending by a stem of three bytes: "cerrará", not "rá".)
  return std::any_of(future_endings_.begin(), future_endings_.end(), [&](const std::string& e) {
    return word.size() >= e.size() + 3 && word.ends_with(e);
  });
}

}  // namespace epiwire::events
