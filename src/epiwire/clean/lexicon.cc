// SPDX-License-Identifier: MIT
// Lexicon parsing and whole-word phrase matching. Matching is in two steps: a literal
// scan finds every place where a phrase's folded text occurs (Vectorscan, one pass for
// all phrases), then the whole-word and anchor rules and the choice of the longest
// match at each start are applied to those few places. Tested by cleaner_test.cc.
#include "epiwire/clean/lexicon.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <string>
#include <unordered_map>
#include <vector>

namespace epiwire::clean {
namespace {

#include "epiwire/clean/lexicon_data.inc"

struct TsvLine {
  std::string_view phrase;
  std::string_view value;
};

// Splits `tsv` into "phrase<TAB>value" lines; `bad` counts lines without a tab.
std::vector<TsvLine> SplitTsv(std::string_view tsv, size_t& bad) {
  std::vector<TsvLine> lines;
  size_t pos = 0;
  while (pos < tsv.size()) {
    size_t end = tsv.find('\n', pos);
    if (end == std::string_view::npos) end = tsv.size();
    std::string_view line = tsv.substr(pos, end - pos);
    pos = end + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      ++bad;
      continue;
    }
    std::string_view value = line.substr(tab + 1);
    size_t next_tab = value.find('\t');  // a third column is a note
    if (next_tab != std::string_view::npos) value = value.substr(0, next_tab);
    lines.push_back({line.substr(0, tab), value});
  }
  return lines;
}

uint32_t KindFromName(std::string_view name) {
  if (name == "strong") return kStrong;
  if (name == "prompt") return kPrompt;
  if (name == "tail") return kTail;
  if (name == "credit") return kCredit;
  if (name == "heading") return kHeading;
  if (name == "role") return kRole;
  if (name == "section") return kSection;
  return 0;
}

}  // namespace

bool PhraseMatcher::Add(std::string_view phrase, uint32_t kinds, double weight) {
  Entry entry;
  if (!phrase.empty() && phrase.front() == '^') {
    entry.anchor_start = true;
    phrase.remove_prefix(1);
  }
  if (!phrase.empty() && phrase.back() == '$') {
    entry.anchor_end = true;
    phrase.remove_suffix(1);
  }
  entry.text = FoldText(phrase).text;
  if (entry.text.empty()) return false;
  entry.kinds = kinds;
  entry.weight = weight;
  scanner_.reset();
  const auto [found, added] =
      text_index_.try_emplace(entry.text, static_cast<uint32_t>(texts_.size()));
  if (!added) {
    // The same phrase again (text and anchors): one entry, of both kinds.
    for (const uint32_t e : texts_[found->second].entries) {
      Entry& old = entries_[e];
      if (old.anchor_start == entry.anchor_start && old.anchor_end == entry.anchor_end) {
        old.kinds |= kinds;
        old.weight = weight;
        return true;
      }
    }
  } else {
    Text text;
    text.text = entry.text;
    text.word_start = IsWordByte(static_cast<unsigned char>(entry.text.front()));
    text.word_end = IsWordByte(static_cast<unsigned char>(entry.text.back()));
    texts_.push_back(std::move(text));
  }
  texts_[found->second].entries.push_back(static_cast<uint32_t>(entries_.size()));
  entries_.push_back(std::move(entry));
  return true;
}

void PhraseMatcher::Compile() { CompileTogether({this}); }

std::shared_ptr<const LexiconScanner> PhraseMatcher::CompileTogether(
    const std::vector<PhraseMatcher*>& matchers) {
  auto scanner = std::make_shared<const LexiconScanner>(
      std::vector<const PhraseMatcher*>(matchers.begin(), matchers.end()));
  for (size_t slot = 0; slot < matchers.size(); ++slot) {
    matchers[slot]->scanner_ = scanner;
    matchers[slot]->scanner_slot_ = slot;
  }
  return scanner;
}

std::vector<PhraseMatch> PhraseMatcher::FindAll(const FoldedView& folded) const {
  std::shared_ptr<const LexiconScanner> scanner = scanner_;
  size_t slot = scanner_slot_;
  if (!scanner) {
    scanner = std::make_shared<const LexiconScanner>(std::vector<const PhraseMatcher*>{this});
    slot = 0;
  }
  std::vector<LiteralHit> hits;
  std::vector<std::vector<PhraseCandidate>> candidates;
  scanner->Scan(folded.text, hits, candidates);
  std::vector<PhraseMatch> matches;
  Choose(folded, 0, candidates[slot], matches);
  return matches;
}

void PhraseMatcher::Choose(const FoldedView& folded, size_t offset,
                           std::span<const PhraseCandidate> candidates,
                           std::vector<PhraseMatch>& matches) const {
  const size_t size = folded.text.size();
  size_t pos = 0;  // in folded's offsets: no match may start before it
  for (const PhraseCandidate& candidate : candidates) {
    if (candidate.begin < offset + pos) continue;
    const size_t begin = candidate.begin - offset;
    if (begin >= size) break;
    const size_t end = candidate.end - offset;
    if (end > size) continue;
    // Whole words: a phrase that starts (ends) with a word byte must not continue a
    // word, unless the case changes there, as in text glued without a space
    // ("MoreEnter").
    const Text& text = texts_[candidate.text];
    if (text.word_start && !IsWordBoundary(folded, begin)) continue;
    if (text.word_end && !IsWordBoundary(folded, end)) continue;
    PhraseMatch found;
    bool any = false;
    for (uint32_t index : text.entries) {
      const Entry& entry = entries_[index];
      if ((entry.anchor_start && begin != 0) || (entry.anchor_end && end != size)) continue;
      if (!any) {
        found = {begin, end, index, 0, entry.weight};
        any = true;
      }
      found.kinds |= entry.kinds;
      found.weight = std::max(found.weight, entry.weight);
    }
    if (!any) continue;
    size_t before = begin;
    while (before > 0 && folded.text[before - 1] == ' ') --before;
    found.counted = before < begin && before > 0 &&
                    std::isdigit(static_cast<unsigned char>(folded.text[before - 1]));
    matches.push_back(found);
    pos = end;
  }
}

void SortCandidates(std::vector<PhraseCandidate>& candidates) {
  std::sort(candidates.begin(), candidates.end(),
            [](const PhraseCandidate& a, const PhraseCandidate& b) {
              return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
            });
}

LexiconScanner::LexiconScanner(const std::vector<const PhraseMatcher*>& matchers)
    : matchers_(matchers.size()) {
  // One literal for each distinct text, with every (matcher, text) it stands for.
  // (Each text found among those before it by one look-up: a search of the list made
  // this quadratic, 30M instructions at every start.)
  std::vector<std::string> literals;
  std::vector<std::vector<Target>> targets;
  absl::flat_hash_map<std::string_view, uint32_t> literal_of;  // views of the matchers' texts
  for (size_t m = 0; m < matchers.size(); ++m) {
    for (size_t t = 0; t < matchers[m]->text_count(); ++t) {
      const std::string& text = matchers[m]->text(t);
      const auto [found, added] =
          literal_of.try_emplace(text, static_cast<uint32_t>(literals.size()));
      if (added) {
        literals.push_back(text);
        targets.emplace_back();
      }
      targets[found->second].push_back({static_cast<uint32_t>(m), static_cast<uint32_t>(t)});
    }
  }
  for (const std::vector<Target>& of_literal : targets) {
    first_target_.push_back(static_cast<uint32_t>(targets_.size()));
    targets_.insert(targets_.end(), of_literal.begin(), of_literal.end());
  }
  first_target_.push_back(static_cast<uint32_t>(targets_.size()));
  scanner_ = LiteralScanner(std::move(literals));
}

void LexiconScanner::Scan(std::string_view text, std::vector<LiteralHit>& hits,
                          std::vector<std::vector<PhraseCandidate>>& candidates) const {
  candidates.resize(matchers_);
  for (auto& of_matcher : candidates) of_matcher.clear();
  hits.clear();
  scanner_.Scan(text, hits);
  for (const LiteralHit& hit : hits) {
    const size_t begin = hit.end - scanner_.literal(hit.literal).size();
    for (uint32_t t = first_target_[hit.literal]; t < first_target_[hit.literal + 1]; ++t) {
      candidates[targets_[t].matcher].push_back({begin, hit.end, targets_[t].text});
    }
  }
  for (auto& of_matcher : candidates) SortCandidates(of_matcher);
}

namespace {

ParsedLexicon ParseBoilerplate(std::string_view tsv) {
  ParsedLexicon parsed;
  for (const TsvLine& line : SplitTsv(tsv, parsed.skipped_lines)) {
    uint32_t kind = KindFromName(line.value);
    if (kind == 0 || !parsed.matcher.Add(line.phrase, kind, 1.0)) ++parsed.skipped_lines;
  }
  return parsed;
}

// A disease's name that relevance.tsv does not weigh, nor any other name of it.
constexpr double kDiseaseNameWeight = 1.0;

// Splits "a|b|c" into its names.
std::vector<std::string_view> SplitNames(std::string_view names) {
  std::vector<std::string_view> out;
  for (size_t start = 0; start <= names.size();) {
    size_t bar = names.find('|', start);
    if (bar == std::string_view::npos) bar = names.size();
    if (bar > start) out.push_back(names.substr(start, bar - start));
    start = bar + 1;
  }
  return out;
}

// Endings of Russian words: what an ending of the nominative may become. Adjectives
// first (their endings are longer); a word with one of them is no noun.
struct Declension {
  std::string_view nominative;
  bool adjective;
  std::array<std::string_view, 8> forms;
};
constexpr Declension kDeclensions[] = {
    {"ая", true, {"ая", "ой", "ую", "ою"}},
    {"яя", true, {"яя", "ей", "юю", "ею"}},
    {"ый", true, {"ый", "ого", "ому", "ым", "ом", "ые", "ых"}},
    {"ой", true, {"ой", "ого", "ому", "ым", "ом", "ые", "ых"}},
    {"ий", true, {"ий", "его", "ему", "им", "ем", "ого", "ому", "ом"}},
    {"ое", true, {"ое", "ого", "ому", "ым", "ом"}},
    {"ее", true, {"ее", "его", "ему", "им", "ем"}},
    {"а", false, {"а", "ы", "и", "е", "у", "ой", "ою"}},
    {"я", false, {"я", "и", "е", "ю", "ей", "ью"}},
    {"ь", false, {"ь", "и", "ью", "ем", "я", "ю", "ей"}},
    {"й", false, {"й", "я", "ю", "е", "ем"}},
    {"о", false, {"о", "а", "у", "ом", "е"}},
};

// Whether a word ends in a Cyrillic consonant (a noun that takes its endings after it).
bool EndsInCyrillicConsonant(std::string_view word) {
  if (word.size() < 2) return false;
  const std::string_view last = word.substr(word.size() - 2);
  static constexpr std::string_view kVowelsAndSigns[] = {"а", "е", "ё", "и", "о", "у", "ы",
                                                         "э", "ю", "я", "ь", "ъ", "й"};
  const auto lead = static_cast<unsigned char>(last[0]);
  if (lead != 0xD0 && lead != 0xD1) return false;
  return std::find(std::begin(kVowelsAndSigns), std::end(kVowelsAndSigns), last) ==
         std::end(kVowelsAndSigns);
}

// The forms of one word, and whether it is an adjective (the name goes on declining).
std::vector<std::string> WordForms(std::string_view word, bool& adjective) {
  adjective = false;
  for (const Declension& d : kDeclensions) {
    if (word.size() <= d.nominative.size() || !word.ends_with(d.nominative)) continue;
    adjective = d.adjective;
    const std::string_view stem = word.substr(0, word.size() - d.nominative.size());
    std::vector<std::string> forms;
    for (std::string_view ending : d.forms) {
      if (!ending.empty()) forms.push_back(std::string(stem) + std::string(ending));
    }
    return forms;
  }
  if (EndsInCyrillicConsonant(word)) {
    std::vector<std::string> forms{std::string(word)};
    for (std::string_view ending : {"а", "у", "е", "ом", "ы", "ов", "и"}) {
      forms.push_back(std::string(word) + std::string(ending));
    }
    return forms;
  }
  return {std::string(word)};
}

}  // namespace

std::vector<std::string> CaseForms(std::string_view name) {
  const bool cyrillic = std::any_of(name.begin(), name.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte == 0xD0 || byte == 0xD1;
  });
  if (!cyrillic) return {std::string(name)};
  std::vector<std::string> forms{""};
  bool declining = true;
  for (size_t start = 0; start <= name.size();) {
    size_t space = name.find(' ', start);
    if (space == std::string_view::npos) space = name.size();
    const std::string_view word = name.substr(start, space - start);
    start = space + 1;
    if (word.empty()) continue;
    bool adjective = false;
    const std::vector<std::string> of_word =
        declining ? WordForms(word, adjective) : std::vector<std::string>{std::string(word)};
    declining = declining && adjective;
    std::vector<std::string> longer;
    for (const std::string& head : forms) {
      for (const std::string& form : of_word)
        longer.push_back(head.empty() ? form : head + " " + form);
    }
    forms = std::move(longer);
  }
  return forms;
}

namespace {

ParsedLexicon ParseRelevance(std::string_view tsv, std::string_view diseases) {
  ParsedLexicon parsed;
  std::unordered_map<std::string, double> weights;  // folded phrase -> weight, as listed
  std::vector<TsvLine> lines = SplitTsv(tsv, parsed.skipped_lines);
  std::vector<double> line_weights(lines.size(), 0);
  for (size_t i = 0; i < lines.size(); ++i) {
    double weight = 0;
    const char* first = lines[i].value.data();
    const char* last = first + lines[i].value.size();
    auto [ptr, error] = std::from_chars(first, last, weight);
    if (error != std::errc() || ptr != last || weight == 0) {
      ++parsed.skipped_lines;
      continue;
    }
    line_weights[i] = weight;
    weights.emplace(FoldText(lines[i].phrase).text, weight);
  }
  size_t disease_lines_skipped = 0;
  for (const TsvLine& disease : SplitTsv(diseases, disease_lines_skipped)) {
    const std::vector<std::string_view> names = SplitNames(disease.value);
    double weight = kDiseaseNameWeight;
    auto listed = weights.find(FoldText(disease.phrase).text);
    if (listed == weights.end() && !names.empty()) listed = weights.find(FoldText(names[0]).text);
    if (listed != weights.end()) weight = listed->second;
    for (std::string_view name : names) {
      for (const std::string& form : CaseForms(name)) {
        parsed.matcher.Add(form, kRelevanceDisease, weight);
      }
    }
  }
  // The relevance lines come last: where they name a disease's name, their weight holds.
  for (size_t i = 0; i < lines.size(); ++i) {
    if (line_weights[i] != 0 && !parsed.matcher.Add(lines[i].phrase, 0, line_weights[i])) {
      ++parsed.skipped_lines;
    }
  }
  return parsed;
}

// The embedded lexicons and their one scanner.
struct EmbeddedLexicons {
  PhraseMatcher boilerplate;
  PhraseMatcher relevance;
  std::shared_ptr<const LexiconScanner> scanner;
};

const EmbeddedLexicons& Embedded() {
  static const EmbeddedLexicons* const kLexicons = [] {
    auto* lexicons =
        new EmbeddedLexicons{ParseBoilerplate(kBoilerplateTsv).matcher,
                             ParseRelevance(kRelevanceTsv, kDiseasesTsv).matcher, nullptr};
    lexicons->scanner =
        PhraseMatcher::CompileTogether({&lexicons->boilerplate, &lexicons->relevance});
    return lexicons;
  }();
  return *kLexicons;
}

}  // namespace

ParsedLexicon ParseBoilerplateTsv(std::string_view tsv) {
  ParsedLexicon parsed = ParseBoilerplate(tsv);
  parsed.matcher.Compile();
  return parsed;
}

ParsedLexicon ParseRelevanceTsv(std::string_view tsv, std::string_view diseases) {
  ParsedLexicon parsed = ParseRelevance(tsv, diseases);
  parsed.matcher.Compile();
  return parsed;
}

const PhraseMatcher& BoilerplateLexicon() { return Embedded().boilerplate; }
const PhraseMatcher& RelevanceLexicon() { return Embedded().relevance; }
const LexiconScanner& CleanLexicons() { return *Embedded().scanner; }

}  // namespace epiwire::clean
