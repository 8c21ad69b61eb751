// SPDX-License-Identifier: MIT
// Tests of phrase matching against its definition: on generated lines made of the
// lexicons' own phrases (in other cases, glued, anchored, among Chinese and Cyrillic
// words), the matcher finds what a plain search by the rules finds; and a whole page
// scanned at once gives each line the matches it would get alone.
#include "epiwire/clean/lexicon.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "epiwire/clean/text_fold.h"

namespace epiwire::clean {
namespace {

// One lexicon line, as the rules read it.
struct Phrase {
  std::string raw;   // as written, anchors included
  std::string text;  // folded, anchors stripped
  bool anchor_start = false;
  bool anchor_end = false;
  uint32_t kinds = 0;
  double weight = 0;
};

uint32_t KindBit(const std::string& name) {
  static const std::vector<std::string> kNames = {"strong",  "prompt", "tail",   "credit",
                                                  "heading", "role",   "section"};
  auto found = std::find(kNames.begin(), kNames.end(), name);
  return found == kNames.end() ? 0 : 1u << (found - kNames.begin());
}

std::vector<Phrase> ReadPhrases(const std::string& file, bool weighted) {
  std::ifstream in(std::string(EPIWIRE_SOURCE_DIR) + "/data/lexicon/" + file);
  std::vector<Phrase> phrases;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#' || line.find('\t') == std::string::npos) continue;
    std::istringstream fields(line);
    Phrase phrase;
    std::string value;
    std::getline(fields, phrase.raw, '\t');
    std::getline(fields, value, '\t');
    std::string_view text = phrase.raw;
    phrase.anchor_start = text.starts_with('^');
    if (phrase.anchor_start) text.remove_prefix(1);
    phrase.anchor_end = text.ends_with('$');
    if (phrase.anchor_end) text.remove_suffix(1);
    phrase.text = FoldText(text).text;
    if (weighted) {
      phrase.weight = std::stod(value);
    } else {
      phrase.kinds = KindBit(value);
      phrase.weight = 1.0;
    }
    if (!phrase.text.empty() && (phrase.kinds != 0 || phrase.weight != 0)) {
      phrases.push_back(phrase);
    }
  }
  return phrases;
}

const std::vector<Phrase>& Boilerplate() {
  static const auto* phrases = new std::vector<Phrase>(ReadPhrases("boilerplate.tsv", false));
  return *phrases;
}

// relevance.tsv's phrases, and before them every name of a disease in the languages'
// diseases.tsv (in each of its CaseForms), at the weight relevance.tsv gives the disease's id or
// first name (1.0 where it gives neither); a name listed twice weighs as listed last, and a name
// with a relevance line of its own is that line's.
std::vector<Phrase> ReadRelevance() {
  const std::vector<Phrase> listed = ReadPhrases("relevance.tsv", true);
  auto listed_weight = [&](const std::string& name, double otherwise) {
    const std::string text = FoldText(name).text;
    double weight = otherwise;
    for (const Phrase& phrase : listed) {
      if (phrase.text == text && !phrase.anchor_start && !phrase.anchor_end) weight = phrase.weight;
    }
    return weight;
  };
  std::vector<Phrase> names;
  for (const char* language : {"en", "fr", "es", "ru", "zh"}) {
    std::ifstream in(std::string(EPIWIRE_SOURCE_DIR) + "/data/lexicon/" + language +
                     "/diseases.tsv");
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line[0] == '#' || line.find('\t') == std::string::npos) continue;
      std::istringstream fields(line);
      std::string id;
      std::string synonyms;
      std::getline(fields, id, '\t');
      std::getline(fields, synonyms, '\t');
      std::vector<std::string> of_disease;
      std::istringstream split(synonyms);
      for (std::string name; std::getline(split, name, '|');) {
        if (!name.empty()) of_disease.push_back(name);
      }
      const double weight =
          listed_weight(id, of_disease.empty() ? 1.0 : listed_weight(of_disease.front(), 1.0));
      for (const std::string& name : of_disease) {
        for (const std::string& form : CaseForms(name)) {
          Phrase phrase;
          phrase.raw = form;
          phrase.text = FoldText(form).text;
          phrase.kinds = kRelevanceDisease;
          phrase.weight = weight;
          std::erase_if(names, [&](const Phrase& old) { return old.text == phrase.text; });
          names.push_back(phrase);
        }
      }
    }
  }
  // (A listed name still names a disease: its matches are of both kinds.)
  std::vector<Phrase> lines = listed;
  std::erase_if(names, [&](const Phrase& name) {
    bool found = false;
    for (Phrase& phrase : lines) {
      if (phrase.text == name.text && !phrase.anchor_start && !phrase.anchor_end) {
        phrase.kinds |= kRelevanceDisease;
        found = true;
      }
    }
    return found;
  });
  names.insert(names.end(), lines.begin(), lines.end());
  return names;
}

const std::vector<Phrase>& Relevance() {
  static const auto* phrases = new std::vector<Phrase>(ReadRelevance());
  return *phrases;
}

// The phrases by their first byte: only those are tried at a position (the search
// stays plain, but fast enough for a sanitizer build).
using ByFirstByte = std::array<std::vector<const Phrase*>, 256>;

ByFirstByte Bucket(const std::vector<Phrase>& phrases) {
  ByFirstByte buckets;
  for (const Phrase& phrase : phrases) {
    buckets[static_cast<unsigned char>(phrase.text.front())].push_back(&phrase);
  }
  return buckets;
}

const ByFirstByte& BoilerplateByFirstByte() {
  static const auto* buckets = new ByFirstByte(Bucket(Boilerplate()));
  return *buckets;
}

const ByFirstByte& RelevanceByFirstByte() {
  static const auto* buckets = new ByFirstByte(Bucket(Relevance()));
  return *buckets;
}

// The rules, searched for plainly: at each word boundary the longest phrase that
// matches there as whole words (and at its anchors), then on from its end.
struct Expected {
  size_t begin;
  size_t end;
  std::string text;
  uint32_t kinds;
  double weight;
  bool operator==(const Expected&) const = default;
};

// Failures show the phrase and where it was found, not its bytes.
void PrintTo(const Expected& e, std::ostream* os) {
  *os << '"' << e.text << "\" [" << e.begin << ", " << e.end << ") weight " << e.weight;
}

std::vector<Expected> SearchPlainly(const ByFirstByte& phrases, const FoldedText& folded) {
  const std::string& text = folded.text;
  std::vector<Expected> found;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t longest = 0;
    uint32_t kinds = 0;
    double weight = 0;
    for (const Phrase* candidate : phrases[static_cast<unsigned char>(text[pos])]) {
      const Phrase& phrase = *candidate;
      const size_t end = pos + phrase.text.size();
      if (text.compare(pos, phrase.text.size(), phrase.text) != 0) continue;
      if ((phrase.anchor_start && pos != 0) || (phrase.anchor_end && end != text.size())) continue;
      if (IsWordByte(static_cast<unsigned char>(phrase.text.front())) &&
          !IsWordBoundary(folded, pos)) {
        continue;
      }
      if (IsWordByte(static_cast<unsigned char>(phrase.text.back())) &&
          !IsWordBoundary(folded, end)) {
        continue;
      }
      if (phrase.text.size() > longest) {
        longest = phrase.text.size();
        kinds = 0;
        weight = phrase.weight;
      }
      if (phrase.text.size() == longest) {
        kinds |= phrase.kinds;
        weight = std::max(weight, phrase.weight);
      }
    }
    if (longest == 0) {
      ++pos;
      continue;
    }
    found.push_back({pos, pos + longest, text.substr(pos, longest), kinds, weight});
    pos += longest;
  }
  return found;
}

std::vector<Expected> Found(const PhraseMatcher& matcher, const std::vector<PhraseMatch>& matches) {
  std::vector<Expected> found;
  for (const PhraseMatch& match : matches) {
    found.push_back(
        {match.begin, match.end, matcher.phrase(match.entry), match.kinds, match.weight});
  }
  return found;
}

// Lines made of phrases of both lexicons and other words, in varied case and spacing.
std::vector<std::string> GenerateLines(size_t count, unsigned seed) {
  std::mt19937 random(seed);
  static const std::vector<std::string> kWords = {
      "the",  "officials", "said", "Sign",       "UP",     "cases",   "\xE7\x97\x85\xE4\xBE\x8B",
      "3",    "\xE4\xBE\x8B", "MoreEnter", "\xD0\x9A\xD0\xBE\xD1\x80\xD0\xB8", "--", "...",
      "(AP)", "Photo:", "\xE2\x80\x9C", "\xC2\xA0", "\xC3\x89PID\xC3\x89MIE", "showcase", ",", "."};
  auto pick_phrase = [&]() -> std::string {
    const std::vector<Phrase>& phrases = random() % 2 == 0 ? Boilerplate() : Relevance();
    std::string text = phrases[random() % phrases.size()].raw;
    if (!text.empty() && text.front() == '^') text.erase(0, 1);
    if (!text.empty() && text.back() == '$') text.pop_back();
    switch (random() % 4) {
      case 0:  // all capitals (ASCII)
        for (char& c : text) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
        break;
      case 1:  // a capital first
        if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 32);
        break;
      default:
        break;
    }
    return text;
  };
  std::vector<std::string> lines;
  for (size_t i = 0; i < count; ++i) {
    std::string line;
    const size_t pieces = 1 + random() % 8;
    for (size_t p = 0; p < pieces; ++p) {
      const unsigned glue = random() % 6;
      if (!line.empty()) line += glue == 0 ? "" : glue == 1 ? "  " : glue == 2 ? "\t" : " ";
      line += random() % 3 == 0 ? kWords[random() % kWords.size()] : pick_phrase();
    }
    if (random() % 5 == 0) line += random() % 2 == 0 ? "." : ":";
    lines.push_back(line);
  }
  return lines;
}

// Russian names of diseases are found in the cases the news writes them in.
TEST(CaseForms, DeclineARussianNameUpToItsNounAndLeaveOtherNamesAlone) {
  auto has = [](const std::vector<std::string>& forms, const std::string& form) {
    return std::find(forms.begin(), forms.end(), form) != forms.end();
  };
  // "корь": "кори", "корью".
  const auto measles = CaseForms("\u043a\u043e\u0440\u044c");
  EXPECT_TRUE(has(measles, "\u043a\u043e\u0440\u0438"));
  EXPECT_TRUE(has(measles, "\u043a\u043e\u0440\u044c\u044e"));
  // "сибирская язва": "сибирской язвы", "сибирскую язву".
  const auto anthrax = CaseForms(
      "\u0441\u0438\u0431\u0438\u0440\u0441\u043a\u0430\u044f "
      "\u044f\u0437\u0432\u0430");
  EXPECT_TRUE(has(anthrax,
                  "\u0441\u0438\u0431\u0438\u0440\u0441\u043a\u043e\u0439 "
                  "\u044f\u0437\u0432\u044b"));
  EXPECT_TRUE(has(anthrax,
                  "\u0441\u0438\u0431\u0438\u0440\u0441\u043a\u0443\u044e "
                  "\u044f\u0437\u0432\u0443"));
  // "чума свиней": the genitive after the noun stays ("чумы свиней").
  const auto swine = CaseForms("\u0447\u0443\u043c\u0430 \u0441\u0432\u0438\u043d\u0435\u0439");
  EXPECT_TRUE(has(swine, "\u0447\u0443\u043c\u044b \u0441\u0432\u0438\u043d\u0435\u0439"));
  EXPECT_FALSE(has(swine, "\u0447\u0443\u043c\u044b \u0441\u0432\u0438\u043d\u0435\u044e"));
  EXPECT_EQ(CaseForms("bird flu"), std::vector<std::string>{"bird flu"});
}

// A phrase added again (as folded) is one entry of both kinds, with the later weight;
// the same words anchored are an entry of their own that shares their text.
TEST(PhraseMatcher, APhraseAddedAgainIsOneEntryAndAnAnchoredOneAnother) {
  PhraseMatcher matcher;
  ASSERT_TRUE(matcher.Add("read more", 1, 0.5));
  ASSERT_TRUE(matcher.Add("Read  More", 2, 0.75));
  ASSERT_TRUE(matcher.Add("^read more", 4, 1.0));
  ASSERT_TRUE(matcher.Add("share", 8, 1.0));
  EXPECT_EQ(matcher.size(), 3u);
  EXPECT_EQ(matcher.text_count(), 2u);
  matcher.Compile();
  const std::vector<PhraseMatch> inside = matcher.FindAll(FoldText("then read more"));
  ASSERT_EQ(inside.size(), 1u);
  EXPECT_EQ(inside[0].kinds, 3u);
  EXPECT_EQ(inside[0].weight, 0.75);
  const std::vector<PhraseMatch> opening = matcher.FindAll(FoldText("read more here"));
  ASSERT_EQ(opening.size(), 1u);
  EXPECT_EQ(opening[0].kinds, 7u);
}

TEST(PhraseMatcher, FindsWhatAPlainSearchByTheRulesFinds) {
  const std::vector<std::string> lines = GenerateLines(3000, 8);
  size_t matched = 0;
  for (const std::string& line : lines) {
    const FoldedText folded = FoldText(line);
    const std::vector<Expected> boilerplate = SearchPlainly(BoilerplateByFirstByte(), folded);
    const std::vector<Expected> relevance = SearchPlainly(RelevanceByFirstByte(), folded);
    ASSERT_EQ(Found(BoilerplateLexicon(), BoilerplateLexicon().FindAll(folded)), boilerplate)
        << line;
    ASSERT_EQ(Found(RelevanceLexicon(), RelevanceLexicon().FindAll(folded)), relevance) << line;
    matched += boilerplate.size() + relevance.size();
  }
  EXPECT_GT(matched, lines.size());  // the lines hold phrases to find
}

TEST(PhraseMatcher, APageScannedAtOnceGivesEachLineItsOwnMatches) {
  const std::vector<std::string> lines = GenerateLines(500, 9);
  std::string page;
  for (const std::string& line : lines) page += line + "\n";
  // Folded line by line into one buffer, as the cleaner does.
  FoldedPage folded;
  folded.Reset(page);
  std::vector<std::pair<size_t, size_t>> spans;
  size_t start = 0;
  for (const std::string& line : lines) {
    spans.push_back(folded.AppendLine(start, start + line.size()));
    start += line.size() + 1;
  }
  std::vector<LiteralHit> hits;
  std::vector<std::vector<PhraseCandidate>> candidates;
  CleanLexicons().Scan(folded.text(), hits, candidates);
  ASSERT_EQ(candidates.size(), 2u);
  const PhraseMatcher* matchers[] = {&BoilerplateLexicon(), &RelevanceLexicon()};
  for (size_t i = 0; i < lines.size(); ++i) {
    const FoldedText alone = FoldText(lines[i]);
    const FoldedView view = folded.View(spans[i].first, spans[i].second);
    ASSERT_EQ(view.text, alone.text) << lines[i];
    for (size_t m = 0; m < 2; ++m) {
      std::vector<PhraseMatch> matches;
      matchers[m]->Choose(view, spans[i].first, candidates[m], matches);
      EXPECT_EQ(Found(*matchers[m], matches), Found(*matchers[m], matchers[m]->FindAll(alone)))
          << lines[i];
    }
  }
}

}  // namespace
}  // namespace epiwire::clean
