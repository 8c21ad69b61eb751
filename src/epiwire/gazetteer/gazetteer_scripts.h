// SPDX-License-Identifier: MIT
// Internal to the gazetteer stage: the candidate mentions the matcher collects, and
// finding them in the scripts that are not matched like English (gazetteer.cc): Chinese,
// written without spaces, and Russian, which inflects names. Kept apart from the
// English matcher so that its common path stays small. Tested by gazetteer_test.cc.
#ifndef EPIWIRE_GAZETTEER_GAZETTEER_SCRIPTS_H_
#define EPIWIRE_GAZETTEER_GAZETTEER_SCRIPTS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "epiwire/gazetteer/gazetteer_tables.h"

namespace epiwire::gazetteer {

// A mention spans at most this many words, and tokens with the punctuation between.
constexpr size_t kMaxWords = 6;
constexpr size_t kMaxTokens = 14;

// The reading a word next to a name asks for ("Province", "City", sheng, "oblasti").
enum class Prefer { kNone, kSubdivision, kCity };

Prefer PreferOf(PlaceLevel level);

struct Candidate {
  size_t start = 0;  // byte offsets
  size_t end = 0;
  std::vector<NameEntry> entries;
  Prefer prefer = Prefer::kNone;
  // Right after another capitalised word that is no place ("Punggu Mawang"): maybe
  // only the end of a longer name.
  bool inside_name = false;
  // After such a word: the end of a longer name ("Cathay Pacific").
  bool ends_name = false;
  // A county or district the tables do not have ("Carbon County"): a place of level
  // "other", in the country (and subdivision) the text puts it in.
  bool division = false;
  // A known name before a division noun ("Orleans Parish"): if what follows puts it
  // where the name has no reading, it is a division of that name there.
  bool division_reading = false;
};

// Removes the readings that hold only where a place noun follows (NameEntry::needs_noun).
void DropNeedsNoun(std::vector<NameEntry>& entries);

// Appends the mentions in the Chinese characters of word `token` of `text`: at each
// position the longest name (up to ten characters) wins, an administrative suffix after
// it joins and asks for its reading, a listed word that holds it hides it, and the scan
// resumes after each mention.
void FindHanCandidates(const GazetteerTables& t, std::string_view text, const Token& token,
                       std::vector<Candidate>& out);

// Russian mentions in one tokenised text. The stems of its words are computed once.
class CyrillicMatcher {
 public:
  // All three must outlive the matcher.
  CyrillicMatcher(const GazetteerTables& tables, std::string_view text,
                  const std::vector<Token>& tokens)
      : t_(tables), text_(text), tokens_(tokens) {}

  // A mention from the capitalised Cyrillic word `first`: the longest run of up to six
  // words whose key is in the index (StemKeys), with the place noun after it; `next` is
  // the token after the mention. False when none starts there.
  bool MatchAt(size_t first, Candidate& out, size_t& next) const;

 private:
  std::string_view Text(size_t i) const {
    return text_.substr(tokens_[i].start, tokens_[i].end - tokens_[i].start);
  }
  bool IsCyrillicWord(size_t i) const;
  const std::string& StemOf(size_t i) const;
  const RussianNoun* RussianNounAt(size_t i) const;
  size_t RegionNounEnd(size_t i) const;
  bool RegionNounAfterList(size_t i) const;
  bool ElidedRegionNoun(size_t first, size_t last) const;
  Prefer NounBefore(size_t first) const;

  const GazetteerTables& t_;
  std::string_view text_;
  const std::vector<Token>& tokens_;
};

}  // namespace epiwire::gazetteer

#endif  // EPIWIRE_GAZETTEER_GAZETTEER_SCRIPTS_H_
