// SPDX-License-Identifier: MIT
// Lexicon parsing and whole-word phrase matching. Phrases are few (hundreds) and
// lines short, so matching tries, at each word start, the phrases that begin with
// that byte, longest first. Tested by cleaner_test.cc.
#include "epiwire/clean/lexicon.h"

#include <algorithm>
#include <charconv>

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
  for (Entry& old : entries_) {
    if (old.text == entry.text && old.anchor_start == entry.anchor_start &&
        old.anchor_end == entry.anchor_end) {
      old.kinds |= kinds;
      old.weight = weight;
      return true;
    }
  }
  entries_.push_back(std::move(entry));
  auto& bucket = by_first_byte_[static_cast<unsigned char>(entries_.back().text[0])];
  bucket.push_back(entries_.size() - 1);
  std::stable_sort(bucket.begin(), bucket.end(), [this](size_t a, size_t b) {
    return entries_[a].text.size() > entries_[b].text.size();
  });
  return true;
}

bool PhraseMatcher::MatchesAt(const Entry& entry, const FoldedText& folded, size_t pos) const {
  const std::string& text = folded.text;
  if (entry.anchor_start && pos != 0) return false;
  if (text.compare(pos, entry.text.size(), entry.text) != 0) return false;
  size_t end = pos + entry.text.size();
  if (entry.anchor_end && end != text.size()) return false;
  // Whole words: a phrase that starts (ends) with a word byte must not continue a word,
  // unless the case changes there, as in text glued without a space ("MoreEnter").
  if (IsWordByte(static_cast<unsigned char>(entry.text.front())) && !IsWordBoundary(folded, pos)) {
    return false;
  }
  return !IsWordByte(static_cast<unsigned char>(entry.text.back())) || IsWordBoundary(folded, end);
}

std::vector<PhraseMatch> PhraseMatcher::FindAll(const FoldedText& folded) const {
  std::vector<PhraseMatch> matches;
  const std::string& text = folded.text;
  size_t pos = 0;
  while (pos < text.size()) {
    // Inside a word no whole-word phrase can start: skip without trying the bucket.
    if (!IsWordBoundary(folded, pos)) {
      ++pos;
      continue;
    }
    const auto& bucket = by_first_byte_[static_cast<unsigned char>(text[pos])];
    PhraseMatch found;
    bool any = false;
    for (size_t index : bucket) {
      const Entry& entry = entries_[index];
      if (any && entry.text.size() < found.end - found.begin) break;
      if (!MatchesAt(entry, folded, pos)) continue;
      if (!any) {
        found = {pos, pos + entry.text.size(), index, 0, entry.weight};
        any = true;
      }
      found.kinds |= entry.kinds;
      found.weight = std::max(found.weight, entry.weight);
    }
    if (any) {
      matches.push_back(found);
      pos = found.end;
    } else {
      ++pos;
    }
  }
  return matches;
}

ParsedLexicon ParseBoilerplateTsv(std::string_view tsv) {
  ParsedLexicon parsed;
  for (const TsvLine& line : SplitTsv(tsv, parsed.skipped_lines)) {
    uint32_t kind = KindFromName(line.value);
    if (kind == 0 || !parsed.matcher.Add(line.phrase, kind, 1.0)) ++parsed.skipped_lines;
  }
  return parsed;
}

ParsedLexicon ParseRelevanceTsv(std::string_view tsv) {
  ParsedLexicon parsed;
  for (const TsvLine& line : SplitTsv(tsv, parsed.skipped_lines)) {
    double weight = 0;
    const char* first = line.value.data();
    const char* last = first + line.value.size();
    auto [ptr, error] = std::from_chars(first, last, weight);
    if (error != std::errc() || ptr != last || weight == 0 ||
        !parsed.matcher.Add(line.phrase, 0, weight)) {
      ++parsed.skipped_lines;
    }
  }
  return parsed;
}

const PhraseMatcher& BoilerplateLexicon() {
  static const PhraseMatcher* const kMatcher =
      new PhraseMatcher(ParseBoilerplateTsv(kBoilerplateTsv).matcher);
  return *kMatcher;
}

const PhraseMatcher& RelevanceLexicon() {
  static const PhraseMatcher* const kMatcher =
      new PhraseMatcher(ParseRelevanceTsv(kRelevanceTsv).matcher);
  return *kMatcher;
}

}  // namespace epiwire::clean
