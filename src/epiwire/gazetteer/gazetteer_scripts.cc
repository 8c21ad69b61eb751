// SPDX-License-Identifier: MIT
// Chinese and Russian mentions (gazetteer_scripts.h). Tested by gazetteer_test.cc.
#include "epiwire/gazetteer/gazetteer_scripts.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "epiwire/base/word_memo.h"

namespace epiwire::gazetteer {
namespace {

// Chinese names: at most this many characters (Vladivostok's transliteration has 7),
// each three bytes in UTF-8; listed words that hide a name have at most
// kMaxHanStopChars.
constexpr size_t kMaxHanChars = 10;
constexpr size_t kMaxHanStopChars = 6;
constexpr size_t kHanBytes = 3;

// The end of a listed word (stopnames.tsv) that covers [start, end) within the run
// [run_start, run_end) of Chinese characters, or 0 when none does.
size_t HanStopWordEnd(const GazetteerTables& t, std::string_view text, size_t run_start,
                      size_t run_end, size_t start, size_t end) {
  const size_t reach = (kMaxHanStopChars - 1) * kHanBytes;
  for (size_t from = start > run_start + reach ? start - reach : run_start; from <= start;
       from += kHanBytes) {
    const size_t last = std::min(run_end, from + kMaxHanStopChars * kHanBytes);
    for (size_t to = std::max(end, from + 2 * kHanBytes); to <= last; to += kHanBytes) {
      if (t.stopnames.count(text.substr(from, to - from)) != 0) return to;
    }
  }
  return 0;
}

// Longest name first at each position of the run [run_start, run_end) of Chinese
// characters (all kHanBytes long); the scan resumes after each mention.
void ScanHanRun(const GazetteerTables& t, std::string_view text, size_t run_start,
                size_t run_end, std::vector<Candidate>& out) {
  size_t pos = run_start;
  while (pos < run_end) {
    size_t next = pos + kHanBytes;
    const size_t longest = std::min(run_end, pos + kMaxHanChars * kHanBytes);
    for (size_t end = longest; end >= pos + 2 * kHanBytes; end -= kHanBytes) {
      const std::string_view key = text.substr(pos, end - pos);
      if (t.names.Find(key) == kNoEntry) continue;
      // fazhanzhong guojia (developing countries) holds Zhongguo but names no place.
      if (const size_t stop_end = HanStopWordEnd(t, text, run_start, run_end, pos, end)) {
        next = stop_end;
        break;
      }
      std::vector<NameEntry> readings = t.Readings(key);
      Prefer prefer = Prefer::kNone;
      // "Suifenhe Shi": a suffix after the name joins it and asks for its reading.
      const HanSuffix* after = t.HanSuffixAt(text.substr(end, run_end - end));
      const size_t suffix = after != nullptr ? after->text.size() : 0;
      if (after != nullptr) prefer = PreferOf(after->level);
      // "Heilongjiang Sheng" as the table writes it: its own suffix says what it is.
      for (size_t at = pos + kHanBytes; suffix == 0 && at < end; at += kHanBytes) {
        const HanSuffix* own = t.HanSuffixAt(text.substr(at, end - at));
        if (own != nullptr && own->text.size() == end - at) {
          prefer = PreferOf(own->level);
          break;
        }
      }
      if (suffix == 0) DropNeedsNoun(readings);
      if (readings.empty()) continue;
      Candidate candidate;
      candidate.start = pos;
      candidate.end = end + suffix;
      candidate.entries = std::move(readings);
      candidate.prefer = prefer;
      out.push_back(std::move(candidate));
      next = end + suffix;
      break;
    }
    pos = next;
  }
}

// "其中瑞丽市41例、陇川县4例": a county, a district or a county-level city no table knows,
// as a breakdown writes it: mostly two characters and a suffix of a city's kind
// (place_nouns.tsv), the run of Chinese characters ending right before a figure or a
// bracket around one. Words of reference and of kind ("本市", "其他地区", "主城区") name none.
void AddHanDivision(const GazetteerTables& t, std::string_view text, size_t run_start,
                    size_t run_end, size_t first_new, std::vector<Candidate>& out) {
  static constexpr std::string_view kNoName[] = {
      "本", "该", "該", "全", "此", "各", "其", "他", "城", "辖", "轄", "社", "地", "郊",
      "市", "区", "區", "县", "縣", "中", "在", "的", "和", "及", "与", "與", "新", "老",
      "省", "州", "个", "個", "等", "为", "為", "有", "例", "宗", "名", "共", "外"};
  // (The figure may stand in brackets: "瑞丽市(41例)", "陇川县（4例）".)
  std::string_view after = text.substr(run_end);
  if (after.starts_with("(")) after.remove_prefix(1);
  if (after.starts_with("\uff08")) after.remove_prefix(3);
  if (after.empty() || !std::isdigit(static_cast<unsigned char>(after.front()))) return;
  if (run_end - run_start < 3 * kHanBytes) return;
  // A suffix of one character ("市", "县", "区", "旗").
  const auto suffix = [&](size_t at) {
    const HanSuffix* found = t.HanSuffixAt(text.substr(at, kHanBytes));
    return found != nullptr && found->text.size() == kHanBytes ? found : nullptr;
  };
  const HanSuffix* own = suffix(run_end - kHanBytes);
  if (own == nullptr || own->level != PlaceLevel::kCity) return;
  // Two characters before the suffix; one where a unit it lies in ends right before it
  // ("德宏州芒市").
  size_t start = run_end - 3 * kHanBytes;
  if (suffix(start) != nullptr) start += kHanBytes;
  for (size_t at = start; at < run_end - kHanBytes; at += kHanBytes) {
    const std::string_view c = text.substr(at, kHanBytes);
    if (std::find(std::begin(kNoName), std::end(kNoName), c) != std::end(kNoName)) return;
  }
  for (size_t i = first_new; i < out.size(); ++i) {
    if (out[i].start < run_end && out[i].end > start) return;
  }
  Candidate candidate;
  candidate.start = start;
  candidate.end = run_end;
  candidate.division = true;
  out.push_back(std::move(candidate));
}

}  // namespace

Prefer PreferOf(PlaceLevel level) {
  if (level == PlaceLevel::kSubdivision) return Prefer::kSubdivision;
  if (level == PlaceLevel::kCity) return Prefer::kCity;
  return Prefer::kNone;
}

void DropNeedsNoun(std::vector<NameEntry>& entries) {
  entries.erase(std::remove_if(entries.begin(), entries.end(),
                               [](const NameEntry& e) { return e.needs_noun; }),
                entries.end());
}

void FindHanCandidates(const GazetteerTables& t, std::string_view text, const Token& token,
                       std::vector<Candidate>& out) {
  size_t pos = token.start;
  while (pos < token.end) {
    size_t length = 0;
    if (!IsHan(DecodeUtf8(text, pos, length))) {
      pos += length;
      continue;
    }
    size_t run_end = pos;
    while (run_end < token.end && IsHan(DecodeUtf8(text, run_end, length))) run_end += length;
    // "5月3日本市": the character of a date right after its digits is the date's, not the
    // first of a name ("日本", Japan).
    static constexpr std::string_view kDateCharacters[] = {"年", "月", "日", "号", "號"};
    if (pos > 0 && std::isdigit(static_cast<unsigned char>(text[pos - 1])) &&
        std::any_of(std::begin(kDateCharacters), std::end(kDateCharacters),
                    [&](std::string_view c) { return text.substr(pos).starts_with(c); })) {
      pos += kHanBytes;
      if (pos >= run_end) continue;
    }
    const size_t first_new = out.size();
    ScanHanRun(t, text, pos, run_end, out);
    AddHanDivision(t, text, pos, run_end, first_new, out);
    pos = run_end;
  }
}

bool CyrillicMatcher::IsCyrillicWord(size_t i) const {
  return i < tokens_.size() && StartsCyrillic(text_, tokens_[i]);
}

// The stem of Cyrillic word token i (StemWord), computed once per word and thread:
// each capitalised word asks for the stems of the words after it.
const std::string& CyrillicMatcher::StemOf(size_t i) const {
  thread_local WordMemo<std::string> stems;
  return stems.Get(Text(i), StemWord);
}

// The place noun of Cyrillic word token i (place_nouns.tsv), or nullptr.
const RussianNoun* CyrillicMatcher::RussianNounAt(size_t i) const {
  if (!IsCyrillicWord(i)) return nullptr;
  return t_.RussianNounOf(StemOf(i));
}

// The token after the subdivision noun that starts at i ("oblasti"; "avtonomnogo
// okruga"), or i when no such noun is there.
size_t CyrillicMatcher::RegionNounEnd(size_t i) const {
  if (!IsCyrillicWord(i) || tokens_[i].capitalised) return i;
  const RussianNoun* noun = RussianNounAt(i);
  if (noun == nullptr) return i;
  if (noun->after && noun->level == PlaceLevel::kSubdivision) return i + 1;
  const RussianNoun* next = noun->joins ? RussianNounAt(i + 1) : nullptr;
  if (next != nullptr && next->after && next->level == PlaceLevel::kSubdivision) return i + 2;
  return i;
}

// "i Belgorodskoy oblastey", ", Tomskoy i Omskoy oblastey": names joined by "i" (and)
// and commas, then the noun they share; each name may have its figure in brackets
// ("Tomskoy (34) i Irkutskoy (29) oblastyakh").
bool CyrillicMatcher::RegionNounAfterList(size_t i) const {
  static constexpr std::string_view kAnd = "\xD0\xB8";  // "i"
  for (size_t j = i; j < tokens_.size() && j < i + 24; ++j) {
    const Token& token = tokens_[j];
    if (token.type == TokenType::kPunct && (token.punct == ',' || token.punct == '-')) continue;
    // (Each item's figure in brackets: "(511)", "(9 512)", "(4 322 случая)".)
    if (Text(j) == "(" && j + 2 < tokens_.size() &&
        std::isdigit(static_cast<unsigned char>(Text(j + 1).front()))) {
      size_t close = j + 2;
      while (close < tokens_.size() && close < j + 6 && Text(close) != ")") ++close;
      if (close < tokens_.size() && Text(close) == ")") {
        j = close;
        continue;
      }
    }
    if (!IsCyrillicWord(j)) return false;
    if (RegionNounEnd(j) != j) return true;
    if (!token.capitalised && Text(j) != kAnd) return false;
  }
  return false;
}

// "в Минской области — 150, в Брестской — 198": a region's adjective with its noun left
// out, as a row of figures writes it: a dash or a colon after it, and a region's noun
// after an earlier name of the sentence.
bool CyrillicMatcher::ElidedRegionNoun(size_t first, size_t last) const {
  size_t after = tokens_[last].end;
  while (after < text_.size() && text_[after] == ' ') ++after;
  const std::string_view rest = text_.substr(after);
  if (!rest.starts_with("\u2014") && !rest.starts_with("\u2013") && !rest.starts_with("- ") &&
      !rest.starts_with(":")) {
    return false;
  }
  for (size_t j = first; j-- > 0 && j + 40 > first;) {
    if (tokens_[j].type == TokenType::kPunct && tokens_[j].punct == '.') return false;
    if (text_.substr(tokens_[j].end, tokens_[j + 1].start - tokens_[j].end).find('\n') !=
        std::string_view::npos) {
      return false;
    }
    if (j > 0 && IsCyrillicWord(j - 1) && tokens_[j - 1].capitalised && RegionNounEnd(j) != j) {
      return true;
    }
  }
  return false;
}

// What the noun before a Russian name asks for: "gorode Novosibirske" and "g. Omsk" a
// city, "Respublike Komi" a subdivision.
Prefer CyrillicMatcher::NounBefore(size_t first) const {
  size_t at = first;
  // "g." for "gorod".
  if (at >= 2 && tokens_[at - 1].type == TokenType::kPunct && tokens_[at - 1].punct == '.') {
    if (Text(at - 2) != "\xD0\xB3") return Prefer::kNone;
    --at;
  }
  if (at == 0) return Prefer::kNone;
  const RussianNoun* noun = RussianNounAt(at - 1);
  if (noun == nullptr || !noun->before) return Prefer::kNone;
  return PreferOf(noun->level);
}

bool CyrillicMatcher::MatchAt(size_t first, Candidate& out, size_t& next) const {
  // The words of the longest possible name (hyphens join: "Sankt-Peterburga"), and the
  // key of each run of them but its last word ("moskovsk" for a name that goes on).
  std::vector<size_t> words;
  std::vector<std::string> prefixes;
  std::string prefix;
  for (size_t j = first; j < tokens_.size() && j < first + kMaxTokens; ++j) {
    const Token& token = tokens_[j];
    if (token.type == TokenType::kPunct && token.punct == '-' && !token.space_before &&
        IsCyrillicWord(j + 1) && !tokens_[j + 1].space_before) {
      continue;
    }
    if (!IsCyrillicWord(j) || HoldsHan(text_, token) || words.size() == kMaxWords) break;
    words.push_back(j);
    prefixes.push_back(prefix);
    prefix += StemOf(j);
    prefix.push_back(' ');
  }
  for (size_t n = words.size(); n > 0; --n) {
    const size_t last_word = words[n - 1];
    std::vector<NameEntry> readings;
    std::string key;
    thread_local WordMemo<std::vector<std::string>> candidates[2];  // by n > 1
    for (const std::string& stem :
         candidates[n > 1].Get(Text(last_word), [n](std::string_view word) {
           return NameStemCandidates(word, n > 1);
         })) {
      key = prefixes[n - 1] + stem;
      readings = t_.Readings(key);
      if (!readings.empty()) break;
    }
    if (readings.empty() || t_.stopnames.count(key) != 0) continue;
    size_t last = last_word;
    Prefer prefer = Prefer::kNone;
    bool noun = false;
    const size_t noun_end = RegionNounEnd(last + 1);
    if (noun_end != last + 1) {
      last = noun_end - 1;
      prefer = Prefer::kSubdivision;
      noun = true;
    } else if (std::any_of(readings.begin(), readings.end(),
                           [](const NameEntry& e) { return e.needs_noun; }) &&
               (RegionNounAfterList(last + 1) || ElidedRegionNoun(first, last))) {
      prefer = Prefer::kSubdivision;
      noun = true;
    }
    const Prefer before = NounBefore(first);
    // "g. Zhukovskiy": a town named by an adjective, after the noun "gorod".
    if (!noun && before != Prefer::kCity) DropNeedsNoun(readings);
    if (readings.empty()) continue;
    if (prefer == Prefer::kNone) prefer = before;
    out.start = tokens_[first].start;
    out.end = tokens_[last].end;
    out.entries = std::move(readings);
    out.prefer = prefer;
    out.inside_name = first > 0 && IsCyrillicWord(first - 1) && tokens_[first - 1].capitalised &&
                      tokens_[first].space_before && !OpensSentence(text_, tokens_, first - 1);
    next = last + 1;
    return true;
  }
  return false;
}

}  // namespace epiwire::gazetteer
