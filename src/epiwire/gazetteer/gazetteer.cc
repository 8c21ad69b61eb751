// SPDX-License-Identifier: MIT
// Finding and resolving place mentions. Tested by gazetteer_test.cc.
//
// Matching: the text is tokenised into words, joinable punctuation (". - ' , &")
// and breaks. A mention may start only at a capitalised word (or "the" before one).
// From each start the key of every n-gram of up to kMaxWords words is built the way
// the tables are normalised (one space where the text has white space, U+2019 as
// "'"), and the longest key found in the name index wins; the scan then resumes
// after it, so mentions never overlap and "North Korean" beats "Korean". A
// possessive ("China's") matches because the key ends before the apostrophe. One
// following place noun ("Province", "City", ...) joins the mention and says which
// reading is meant; a following disease word ("Lassa fever", "Marburg virus") drops
// the mention. One-word names in stopnames.tsv ("May", "Reading") and names
// shorter than three letters that are not aliases never match on their own. A word that
// opens a sentence and that the text also writes in lower case ("Como medida de ...") is
// that word: its town readings are dropped.
//
// Resolving: every mention first gets all its readings. Mentions whose readings all
// lie in one country (or one subdivision) form the context. Each mention then takes
// the reading ranked first by: the reading the place noun asks for; hand-written
// alias or region; subdivision named in the context; country named in the context
// (unless a reading elsewhere has 20 times the people); primary name over spelling
// variant; a country over anything else; then population, a subdivision counting at
// least the people of its same-named city and winning the tie with it ("Jilin",
// "Quebec": health figures are mostly the province's; "Jilin City" and "the city of
// Quebec" still ask for the city). Places under 15,000 people (small_places.tsv)
// count only when their country is in the context, and, where the context names regions
// of that country, their own region is among them; a town (a city under 200,000) of a
// country the context lacks is no place where the text names a region of another. So
// do the divisions under a first-level unit (divisions.tsv: departments, counties,
// provinces), which rank as a town of 200,000 ("Essex" beside "England" is the county);
// a name that only divisions of one country have puts its country in the context
// ("Pampanga"). A name of compass words only ("North West") is read like a town's:
// where the text names a region of another country, not abroad.
//
// Other scripts (gazetteer_scripts.cc). Chinese has no spaces and no capitals: in a run
// of Chinese characters every position may open a name, the longest wins, an
// administrative suffix after it (sheng, shi, zizhiqu, ... in place_nouns.tsv) joins the
// mention and picks the reading, and a word listed in stopnames.tsv that holds the name
// (fazhanzhong guojia, "developing countries", holds Zhongguo) hides it.
// Russian inflects names: a mention starts at a capitalised Cyrillic word; its key is
// the Snowball stems of its words but the last, whose case ending is tried off one by
// one (StemKeys, NameStemCandidates: "Moskovskoy oblasti" and "Moskovskaya oblast'"
// share one key, "Kitaya" finds "Kitay"); a place noun after it ("oblasti", "kraya")
// joins and asks for the subdivision, also for a list that shares one noun ("Kaliningradskoy i
// Belgorodskoy oblastey"); one before it ("gorode") asks for the city. French and
// Spanish names are matched like English ones; spellings without accents and with a
// space for a hyphen ("Auvergne-Rhone Alpes") are tried when the exact one is unknown,
// and articles before a name ("l'Italie", "du Congo") are simply not part of it.
#include "epiwire/gazetteer/gazetteer.h"

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <cctype>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "epiwire/base/fold.h"
#include "epiwire/base/han.h"
#include "epiwire/base/one_of.h"
#include "epiwire/base/word_memo.h"
#include "epiwire/base/word_scan.h"
#include "epiwire/gazetteer/gazetteer_scripts.h"
#include "epiwire/gazetteer/gazetteer_snapshot.h"
#include "epiwire/gazetteer/gazetteer_tables.h"

namespace epiwire::gazetteer {
namespace {


// Nouns of the divisions below the first level that the tables do not list.
bool IsDivisionNoun(std::string_view word) {
  // ("Peel Region", "York Region": Ontario's regional municipalities.)
  static constexpr std::string_view kNouns[] = {"County",       "county", "District", "district",
                                                "Parish",       "parish", "Borough",  "borough",
                                                "Municipality", "Region"};
  return OneOf(word, kNouns);
}

// The plural of those nouns, closing a list of names ("Lubbock and Lynn counties").
constexpr std::string_view kPluralDivisionNouns[] = {"counties", "districts", "parishes",
                                                     "boroughs"};

// The nouns of headings of a table whose rows open on divisions' names, after "by"
// ("Cases by county:").
constexpr std::string_view kDivisionTableNouns[] = {"county", "County", "COUNTY", "parish",
                                                    "Parish"};

// A place noun after a name ("Heilongjiang Province", "Fushun City") and the reading
// it asks for; nullopt for other words.
std::optional<Prefer> PlaceNoun(std::string_view word) {
  static constexpr std::pair<std::string_view, Prefer> kNouns[] = {
      {"Province", Prefer::kSubdivision},
      {"province", Prefer::kSubdivision},
      {"State", Prefer::kSubdivision},
      {"state", Prefer::kSubdivision},
      {"Prefecture", Prefer::kSubdivision},
      {"prefecture", Prefer::kSubdivision},
      {"Oblast", Prefer::kSubdivision},
      {"oblast", Prefer::kSubdivision},
      {"Region", Prefer::kSubdivision},
      {"region", Prefer::kSubdivision},
      {"County", Prefer::kSubdivision},
      {"county", Prefer::kSubdivision},
      // ("Barishal division", "Tarija Department", "Aswan Governorate".)
      {"Division", Prefer::kSubdivision},
      {"division", Prefer::kSubdivision},
      {"Department", Prefer::kSubdivision},
      {"department", Prefer::kSubdivision},
      {"Governorate", Prefer::kSubdivision},
      {"governorate", Prefer::kSubdivision},
      {"City", Prefer::kCity},
      {"city", Prefer::kCity},
      {"Municipality", Prefer::kNone},
      {"municipality", Prefer::kNone},
  };
  for (const auto& [noun, prefer] : kNouns) {
    if (word == noun) return prefer;
  }
  return std::nullopt;
}

bool IsPlaceNoun(std::string_view word) { return PlaceNoun(word).has_value(); }

// "Lassa fever", "Marburg virus", "Spanish flu": a name that only labels a disease.
bool IsDiseaseWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "virus",  "viruses",  "fever",       "disease",      "encephalitis",
      "flu",    "syndrome", "hemorrhagic", "haemorrhagic", "variant",
      "strain", "Virus",    "Fever",       "Disease",      "Encephalitis",
      "Flu",    "Syndrome", "Hemorrhagic", "Haemorrhagic", "Variant"};
  return OneOf(word, kWords);
}

// True for a word of three letters or more written in capitals ("M\u00c9XICO").
bool IsAllCapitals(std::string_view word) {
  size_t letters = 0;
  for (size_t i = 0; i < word.size();) {
    size_t length = 0;
    const char32_t cp = DecodeUtf8(word, i, length);
    i += length;
    const bool lower = (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7);
    if (lower) return false;
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) ++letters;
  }
  return letters >= 3;
}

bool HasKind(const std::vector<NameEntry>& entries, MentionKind kind) {
  return std::any_of(entries.begin(), entries.end(),
                     [kind](const NameEntry& e) { return e.kind == kind; });
}

// An ASCII name in capitals as it is written: "SACRAMENTO" as "Sacramento", "NUR-SULTAN"
// as "Nur-Sultan", "LOS ANGELES" as "Los Angeles".
std::string TitleCase(std::string_view word) {
  std::string title(word);
  for (size_t c = 1; c < title.size(); ++c) {
    if (title[c - 1] == '-' || title[c - 1] == ' ') continue;
    title[c] = static_cast<char>(std::tolower(static_cast<unsigned char>(title[c])));
  }
  return title;
}

bool CompassOnly(std::string_view name);

class Matcher {
 public:
  Matcher(const GazetteerTables& tables, std::string_view text)
      : t_(tables), text_(text), tokens_(Tokenise(text)), cyrillic_(tables, text, tokens_) {
    for (size_t j = 1; j + 1 < tokens_.size(); ++j) {
      if (tokens_[j].type == TokenType::kPunct && tokens_[j].punct == '-' &&
          tokens_[j + 1].capitalised && !tokens_[j + 1].space_before) {
        capital_hyphens_.push_back(j);
      }
    }
    // (Most texts have neither: a word's first byte tells before it is compared.)
    for (size_t j = 0; j < tokens_.size() && !(plural_divisions_ && division_table_); ++j) {
      if (!IsWord(j)) continue;
      const char first = text[tokens_[j].start];
      if (first != 'c' && first != 'C' && first != 'd' && first != 'p' && first != 'P' &&
          first != 'b') {
        continue;
      }
      const std::string_view word = Text(tokens_[j]);
      plural_divisions_ = plural_divisions_ || OneOf(word, kPluralDivisionNouns);
      // "Cases by county:": the heading ends its line, or a colon follows it (not "announced
      // by county officials").
      if (!division_table_ && j > 0 && OneOf(word, kDivisionTableNouns) &&
          OneOf(Text(tokens_[j - 1]), {"by", "By", "BY"})) {
        size_t end = tokens_[j].end;
        while (end < text.size() && text[end] == ' ') ++end;
        division_table_ = end == text.size() || text[end] == ':' || text[end] == '\n';
      }
    }
  }

  std::vector<Candidate> FindCandidates() const {
    std::vector<Candidate> out;
    std::vector<Pending> pending;  // candidates kept unless the text writes them in lower case
    const auto keep = [&](size_t i, size_t next, Candidate& candidate) {
      std::string lower;
      if (OnlyAWordAtSentenceStart(i, next, candidate, lower)) return;
      if (!lower.empty()) pending.push_back(Pending{out.size(), std::move(lower)});
      out.push_back(std::move(candidate));
    };
    size_t i = 0;
    while (i < tokens_.size()) {
      if (HoldsHan(text_, tokens_[i])) {
        FindHanCandidates(t_, text_, tokens_[i], out);
        ++i;
        continue;
      }
      Candidate candidate;
      size_t next = 0;
      if (IsStart(i) && StartsCyrillic(text_, tokens_[i])) {
        if (cyrillic_.MatchAt(i, candidate, next)) {
          keep(i, next, candidate);
          i = next;
        } else {
          ++i;
        }
        continue;
      }
      // (An item of a list of divisions: the tables' name is read as one of a division,
      // as before its noun; a name they lack is a division of the text's country.)
      const size_t listed = (plural_divisions_ || division_table_) && IsStart(i)
                                ? std::max(ListedDivisionEnd(i), TableDivisionEnd(i))
                                : 0;
      if (listed != 0) {
        if (MatchAt(i, candidate, next)) {
          candidate.division_reading = candidate.end == tokens_[listed - 1].end;
        } else {
          candidate = Candidate{};
          candidate.start = tokens_[i].start;
          candidate.end = tokens_[listed - 1].end;
          candidate.division = true;
          next = listed;
        }
      }
      if (listed != 0 ||
          (IsStart(i) && (MatchAt(i, candidate, next) || DivisionAt(i, candidate, next)))) {
        // "El Valle del Cauca": a name after an article that reaches further than the
        // name the article opens ("El Valle", a town of Panama) is the one meant.
        Candidate after_article;
        size_t after_next = 0;
        if (IsArticle(i) && IsStart(i + 1) && MatchAt(i + 1, after_article, after_next) &&
            after_next > next) {
          candidate = std::move(after_article);
          next = after_next;
          ++i;
        }
        keep(i, next, candidate);
        i = next;
      } else {
        ++i;
      }
    }
    DropWordsWrittenInLowerCase(pending, out);
    return out;
  }

 private:
  // (Tokens lie inside the text: no bounds to check, asked of every token.)
  std::string_view Text(const Token& token) const {
    return std::string_view(text_.data() + token.start, token.end - token.start);
  }

  bool IsWord(size_t i) const { return i < tokens_.size() && tokens_[i].type == TokenType::kWord; }

  // An article of English, French or Spanish: "the", "la", "El", "Los" ...
  bool IsArticle(size_t i) const {
    static constexpr std::string_view kArticles[] = {"the", "la",  "le", "les", "el",
                                                     "los", "las", "un", "une", "una"};
    if (!IsWord(i)) return false;
    const std::string_view word = Text(tokens_[i]);
    // (A word of ASCII letters folds a letter at a time.)
    if (tokens_[i].ascii) {
      if (word.size() < 2 || word.size() > 3) return false;
      return std::any_of(std::begin(kArticles), std::end(kArticles), [&](std::string_view a) {
        return a.size() == word.size() &&
               std::equal(a.begin(), a.end(), word.begin(), [](char x, char y) {
                 return x == static_cast<char>(std::tolower(static_cast<unsigned char>(y)));
               });
      });
    }
    return std::find(std::begin(kArticles), std::end(kArticles), FoldCase(word)) !=
           std::end(kArticles);
  }

  // "Como medida de control ...", "Режим чрезвычайного положения ...": a word that opens a
  // sentence and that the text also writes in lower case is that word, not a town; its
  // town readings are dropped (true when none is left).
  // So is one right before an article ("Durant la même période", "Según el informe",
  // "Reading the report"): a town opens no sentence so.
  // Whether the text writes the word in lower case is asked of the whole text once, after
  // the candidates are found (DropWordsWrittenInLowerCase): `lower` is set to the word
  // when that is left to ask.
  bool OnlyAWordAtSentenceStart(size_t i, size_t next, Candidate& candidate,
                                std::string& lower) const {
    if (next != i + 1 || !SentenceStart(i)) return false;
    std::string folded = FoldCase(Text(tokens_[i]));
    if (folded == Text(tokens_[i])) return false;
    // (Lower case: "Según el informe", not "Según El Valle".)
    const bool article_next =
        IsArticle(i + 1) && tokens_[i + 1].space_before && !tokens_[i + 1].capitalised;
    if (article_next) return DropTowns(candidate);
    lower = std::move(folded);
    return false;
  }

  // A candidate of `pending` is a word at a sentence's start; where the text also writes
  // it in lower case, its town readings go, and so does it when none is left. One pass
  // over the text's words for them all.
  struct Pending {
    size_t candidate = 0;  // in `out`
    std::string lower;     // the word in lower case
  };
  void DropWordsWrittenInLowerCase(const std::vector<Pending>& pending,
                                   std::vector<Candidate>& out) const {
    if (pending.empty()) return;
    // The words asked about, and whether the text writes each in lower case.
    absl::flat_hash_map<std::string_view, bool> written;
    for (const Pending& p : pending) written.emplace(p.lower, false);
    // (Most words have the sign of none of them.)
    std::bitset<kWordSigns> signs;
    for (const Pending& p : pending) signs.set(WordSign(p.lower));
    size_t left = written.size();
    for (size_t k = 0; k < tokens_.size() && left > 0; ++k) {
      const Token& token = tokens_[k];
      if (token.type != TokenType::kWord || token.capitalised) continue;
      const std::string_view word = Text(token);
      if (!signs.test(WordSign(word))) continue;
      const auto found = written.find(word);
      if (found != written.end() && !found->second) {
        found->second = true;
        --left;
      }
    }
    std::vector<bool> drop(out.size(), false);
    for (const Pending& p : pending) {
      if (written.at(p.lower)) drop[p.candidate] = DropTowns(out[p.candidate]);
    }
    size_t kept = 0;
    for (size_t c = 0; c < out.size(); ++c) {
      if (drop[c]) continue;
      if (kept != c) out[kept] = std::move(out[c]);
      ++kept;
    }
    out.resize(kept);
  }

  // Drops a candidate's town readings; true when none is left.
  bool DropTowns(Candidate& candidate) const {
    std::erase_if(candidate.entries, [&](const NameEntry& e) {
      return t_.places[e.place].level == PlaceLevel::kCity;
    });
    return candidate.entries.empty();
  }

  // Does token i open a sentence (first in the text, or after a full stop or a line)?
  bool SentenceStart(size_t i) const { return OpensSentence(text_, tokens_, i); }
  // "la province de l'Équateur", "el departamento de Arauca", "the province of Ontario":
  // a noun of a first-level division, "of" and an article before the name ask for it.
  bool SubdivisionNounBefore(size_t first) const {
    static constexpr std::string_view kOf[] = {"of", "the", "de", "d", "du", "del", "la", "l", "'"};
    static constexpr std::string_view kNouns[] = {
        "province", "provinces", "state",       "region", "provincia",  "departamento", "estado",
        "región",   "région",    "département", "wilaya", "préfecture", "prefectura"};
    size_t k = first;
    size_t skipped = 0;
    while (k > 0 && skipped < 3 && OneOf(Text(tokens_[k - 1]), kOf)) {
      --k;
      ++skipped;
    }
    if (skipped == 0 || k == 0 || !IsWord(k - 1)) return false;
    const std::string_view noun = Text(tokens_[k - 1]);
    return OneOf(noun, kNouns);
  }
  // "Toronto Public Health", "Ottawa Health Unit": a city's health body says where it is.
  bool OpensHealthBody(size_t i) const {
    return IsWord(i) &&
           (Text(tokens_[i]) == "Health" ||
            (Text(tokens_[i]) == "Public" && IsWord(i + 1) && Text(tokens_[i + 1]) == "Health"));
  }
  // A word that opens a line and is followed by no word: a dateline's place; so is one
  // after it and a slash ("YAOUNDE/MALABO, Feb 14").
  bool OpensDateline(size_t i) const {
    if (i >= 2 && Text(tokens_[i - 1]) == "/" && !tokens_[i].space_before && IsWord(i - 2) &&
        !IsWord(i + 1)) {
      return OpensDateline(i - 2);
    }
    const size_t line_start = i == 0 ? 0 : tokens_[i - 1].end;
    const bool opens =
        i == 0 || text_.substr(line_start, tokens_[i].start - line_start).find('\n') !=
                      std::string_view::npos;
    return opens && !IsWord(i + 1);
  }

  bool IsStart(size_t i) const {
    if (!IsWord(i)) return false;
    if (tokens_[i].capitalised) return true;
    return Text(tokens_[i]) == "the" && IsWord(i + 1) && tokens_[i + 1].capitalised;
  }

  // The keys of the n-grams starting at token `first`: each is a prefix of the longest,
  // so one string holds them all, with where each ends. Built at every capitalised word,
  // so nothing here allocates once the buffer has grown.
  struct KeyEnd {
    size_t length = 0;  // bytes of the key
    size_t last = 0;    // the token it ends at
    bool ascii = true;  // the key is ASCII
  };
  struct Keys {
    std::string text;
    std::array<KeyEnd, kMaxTokens> ends;
    size_t count = 0;
    std::string_view Key(size_t k) const { return std::string_view(text).substr(0, ends[k].length); }
  };
  void KeysFrom(size_t first, Keys& keys) const {
    keys.text.clear();
    keys.count = 0;
    bool ascii = true;
    bool hyphen = false;
    size_t words = 0;
    // (Asked only where a key stops: most capitalised words are no dateline.)
    const auto capital_dateline = [&] {
      return IsWord(first) && IsAllCapitals(Text(tokens_[first])) && OpensDateline(first) &&
             t_.names.MayGoOn(TitleCase(keys.text));
    };
    const auto end_here = [&](size_t j) { keys.ends[keys.count++] = KeyEnd{keys.text.size(), j, ascii}; };
    for (size_t j = first; j < tokens_.size() && j < first + kMaxTokens; ++j) {
      const Token& token = tokens_[j];
      if (token.type == TokenType::kBreak) break;
      if (j > first && token.space_before) keys.text.push_back(' ');
      if (token.type == TokenType::kPunct) {
        keys.text.push_back(token.punct);
        ascii = ascii && static_cast<unsigned char>(token.punct) < 0x80;
        hyphen = hyphen || token.punct == '-';
        if (token.punct == '.') end_here(j);
        continue;
      }
      if (++words > kMaxWords) break;
      std::string_view word = Text(token);
      if (j == first && word == "The") word = "the";
      // "PAPUA New Guinea", "NEW Zealand": a first word set in capitals by the page's style,
      // before a name's capitalised word, is that name's word ("UAE Ministry" keeps its
      // capitals: they are a name).
      if (j == first && IsAllCapitals(word) && IsWord(j + 1) && tokens_[j + 1].space_before &&
          tokens_[j + 1].capitalised && !IsAllCapitals(Text(tokens_[j + 1])) &&
          !t_.names.MayGoOn(word) && t_.Readings(word).empty()) {
        keys.text.append(TitleCase(word));
      } else {
        keys.text.append(word);
      }
      ascii = ascii && IsAscii(word);
      end_here(j);
      // No name goes on past this key, under any spelling MatchAt tries: the longer
      // keys add a space or punctuation to it, and accent folding keeps an ASCII key
      // and that byte as they are, as does OtherSpellingReadings a key without hyphens
      // (a hyphen after it becomes a space, which the filter holds as well). Most
      // capitalised words stop here, after one look-up.
      // (A dateline in capitals goes on as MatchAt writes it: "NUR-SULTAN" as "Nur-Sultan".)
      if (ascii && !hyphen && !t_.names.MayGoOn(keys.text) && !capital_dateline()) {
        break;
      }
    }
  }

  bool Allowed(std::string_view key, const std::vector<NameEntry>& entries, size_t first,
               size_t last) const {
    const bool alias = HasKind(entries, MentionKind::kAlias) ||
                       std::any_of(entries.begin(), entries.end(),
                                   [](const NameEntry& e) { return e.authoritative; });
    if (key.size() < 3 && !alias) return false;
    if (t_.stopnames.count(key) == 0) return true;
    // "Delta State", "Reading Borough": a stop name followed by a place noun is a place;
    // so is one of compass words followed by a figure, a row of a breakdown ("Copperbelt
    // 341, Southern 177, Central 126"), or after an article and before no other word
    // ("Dans le Centre, 57 cas"), if the text's country has a region of that name.
    if (IsWord(last + 1) && IsPlaceNoun(Text(tokens_[last + 1]))) return true;
    const bool figure = IsWord(last + 1) && tokens_[last + 1].space_before &&
                        std::isdigit(static_cast<unsigned char>(text_[tokens_[last + 1].start]));
    // ("suivie du Littoral (7 cas), du Sud-Ouest (6 cas) et de l'Est (5 cas)": a figure
    // in brackets, and the article joined to "of" or elided before it.)
    const bool bracket_figure =
        last + 2 < tokens_.size() && Text(tokens_[last + 1]) == "(" &&
        std::isdigit(static_cast<unsigned char>(text_[tokens_[last + 2].start]));
    const auto article_before = [&] {
      if (first == 0) return false;
      if (IsArticle(first - 1)) return true;
      const std::string_view before = Text(tokens_[first - 1]);
      if (before == "du" || before == "des" || before == "del") return true;
      return first > 1 && before == "'" && Text(tokens_[first - 2]) == "l";
    };
    const bool named_alone = article_before() && (!IsWord(last + 1) || bracket_figure);
    // ("la région du Centre": the noun of a first-level unit before it.)
    return (figure || named_alone || SubdivisionNounBefore(first)) && CompassOnly(key);
  }

  // True when a hyphen among the kMaxTokens tokens after `first` joins two capitalised
  // words ("Auvergne-Rhone"), so that a key from `first` may mix hyphens and spaces.
  bool CapitalHyphenAfter(size_t first) const {
    const auto it = std::upper_bound(capital_hyphens_.begin(), capital_hyphens_.end(), first);
    return it != capital_hyphens_.end() && *it < first + kMaxTokens;
  }

  // Readings of a key the index lacks as written: "Auvergne-Rhone Alpes" with hyphens
  // and spaces mixed where the table has one of them (names with hyphens alone have
  // their spaced variants in the index); "M\u00c9XICO.-", a dateline in capitals with
  // accents as French and Spanish write them (capitals in ASCII are left alone: "WHO").
  std::vector<NameEntry> OtherSpellingReadings(const std::string& key, bool ascii,
                                               bool capital_hyphen, bool one_word) const {
    std::vector<NameEntry> readings;
    if (capital_hyphen && key.find('-') != std::string::npos &&
        key.find(' ') != std::string::npos) {
      std::string spaced = key;
      std::replace(spaced.begin(), spaced.end(), '-', ' ');
      readings = t_.Readings(spaced);
      if (readings.empty() && !ascii) readings = t_.Readings(FoldNameAccents(spaced));
    }
    if (readings.empty() && one_word && !ascii && IsAllCapitals(key)) {
      const std::string lower = FoldCase(key);
      size_t upper_length = 0;
      size_t lower_length = 0;
      DecodeUtf8(key, 0, upper_length);
      DecodeUtf8(lower, 0, lower_length);
      readings = t_.Readings(key.substr(0, upper_length) + lower.substr(lower_length));
    }
    return readings;
  }

  bool MatchAt(size_t first, Candidate& out, size_t& next) const {
    Keys& keys = keys_;
    KeysFrom(first, keys);
    const bool capital_hyphen = CapitalHyphenAfter(first);
    for (size_t k = keys.count; k-- > 0;) {
      const std::string_view key = keys.Key(k);
      std::vector<NameEntry> readings = t_.Readings(key);
      if (readings.empty()) {
        const bool ascii = keys.ends[k].ascii;
        // "Río Grande do Sul": a name written with accents the tables do not have.
        if (!ascii) readings = t_.Readings(FoldNameAccents(key));
        if (readings.empty() && (capital_hyphen || !ascii)) {
          readings = OtherSpellingReadings(std::string(key), ascii, capital_hyphen,
                                           keys.ends[k].last == first);
        }
      }
      // "SACRAMENTO —", "ATHENS, Ga. —", "PUNE:": a dateline in capitals opens a line
      // (capitals elsewhere are names of their own: "WHO").
      if (readings.empty() && keys.ends[k].ascii && IsAllCapitals(key) && OpensDateline(first)) {
        readings = t_.Readings(TitleCase(key));
      }
      // "CALABARZON – 2,104", "NIGERIA" in a headline: a word of six capitals or more that
      // names a country or a region as written in capitals (not "WHO", not a town).
      if (readings.empty() && keys.ends[k].last == first && keys.ends[k].ascii && key.size() >= 6 &&
          IsAllCapitals(key)) {
        readings = t_.Readings(TitleCase(key));
        std::erase_if(readings, [&](const NameEntry& e) {
          const PlaceLevel level = t_.places[e.place].level;
          return level != PlaceLevel::kCountry && level != PlaceLevel::kSubdivision;
        });
      }
      if (readings.empty() || !Allowed(key, readings, first, keys.ends[k].last)) continue;
      // "Western Region" is Uganda's region by that name, and Ghana's "Western" with its
      // noun: a name that ends on a place noun is also the name before it, of the level
      // the noun asks for (the text's other places choose).
      const size_t noun_at = keys.ends[k].last;
      const std::optional<Prefer> noun =
          noun_at > first ? PlaceNoun(Text(tokens_[noun_at])) : std::nullopt;
      if (noun && *noun == Prefer::kSubdivision) {
        for (size_t shorter = k; shorter-- > 0;) {
          if (keys.ends[shorter].last + 1 != noun_at) continue;
          for (const NameEntry& e : t_.Readings(keys.Key(shorter))) {
            const bool region = t_.places[e.place].level == PlaceLevel::kSubdivision;
            const bool known = std::any_of(readings.begin(), readings.end(),
                                           [&](const NameEntry& r) { return r.place == e.place; });
            if (region && !known) readings.push_back(e);
          }
          break;
        }
      }
      size_t last = keys.ends[k].last;
      out.start = tokens_[first].start;
      out.prefer = Prefer::kNone;
      const bool named = HasKind(readings, MentionKind::kName);
      // "Orleans Parish, Louisiana": a division named like a place elsewhere, put in
      // its place by what follows.
      out.division_reading = IsDivisionNounAfter(last);
      out.entries = std::move(readings);
      if (named && IsWord(last + 1) && tokens_[last + 1].space_before &&
          IsPlaceNoun(Text(tokens_[last + 1]))) {
        ++last;
        out.prefer = *PlaceNoun(Text(tokens_[last]));
      } else if (named && SubdivisionNounBefore(first)) {
        out.prefer = Prefer::kSubdivision;
      }
      // (But an agency's name: "the Korea Disease Control and Prevention Agency".)
      if (IsWord(last + 1) && IsDiseaseWord(Text(tokens_[last + 1])) &&
          !(IsWord(last + 2) &&
            (Text(tokens_[last + 2]) == "Control" || Text(tokens_[last + 2]) == "Prevention"))) {
        return false;
      }
      // "Salmonella Newport", "serotype Concord": strains are named after places.
      if (first > 0 && IsWord(first - 1) &&
          (Text(tokens_[first - 1]) == "Salmonella" || Text(tokens_[first - 1]) == "serotype" ||
           Text(tokens_[first - 1]) == "serovar")) {
        return false;
      }
      // Inside a longer capitalised name: after a word that does not open the sentence
      // ("Punggu Mawang"; but a headline's last word and the next line's first are two), after a
      // capitalised word and a hyphen ("Miami-Dade County", whose whole the tables lack), or before
      // one that is no place noun ("Rapid Response Teams").
      const bool after_hyphen =
          first > 1 && !tokens_[first].space_before &&
          tokens_[first - 1].type == TokenType::kPunct && tokens_[first - 1].punct == '-' &&
          !tokens_[first - 1].space_before && IsWord(first - 2) && tokens_[first - 2].capitalised;
      // (A hospital's name ends on its town: "University Hospital Limerick".)
      const auto institution = [&](std::string_view word) {
        return word == "Hospital" || word == "Infirmary" || word == "Clinic";
      };
      out.ends_name = first > 0 && IsWord(first - 1) && tokens_[first - 1].capitalised &&
                      tokens_[first].space_before && !SentenceStart(first - 1) &&
                      !SentenceStart(first) && Text(tokens_[first - 1]) != "The" &&
                      !institution(Text(tokens_[first - 1]));
      out.inside_name =
          after_hyphen || out.ends_name ||
          (IsWord(last + 1) && tokens_[last + 1].capitalised && tokens_[last + 1].space_before &&
           out.prefer == Prefer::kNone && !IsPlaceNoun(Text(tokens_[last + 1])) &&
           !IsDivisionNoun(Text(tokens_[last + 1])) && !OpensHealthBody(last + 1));
      // "Quarante-quatre cas ...": a word that opens a sentence and goes on with a hyphen
      // and a word in lower case is the first half of another word.
      if (SentenceStart(first) && last == first && IsWord(last + 2) &&
          tokens_[last + 1].type == TokenType::kPunct && tokens_[last + 1].punct == '-' &&
          !tokens_[last + 1].space_before && !tokens_[last + 2].space_before &&
          !tokens_[last + 2].capitalised) {
        return false;
      }
      out.end = tokens_[last].end;
      next = last + 1;
      return true;
    }
    return false;
  }

  // Is token i followed by a division noun ("Carbon County")?
  bool IsDivisionNounAfter(size_t i) const {
    return IsWord(i + 1) && tokens_[i + 1].space_before && IsDivisionNoun(Text(tokens_[i + 1]));
  }

  // The mentions in the Chinese characters of one word token.
  // "Carbon County", "Mather Parish": one to three capitalised words no table has,
  // then a division noun. Words that name bodies ("Health District") are no place.
  bool DivisionAt(size_t first, Candidate& out, size_t& next) const {
    static constexpr std::string_view kBodies[] = {
        "Health", "School", "Water", "Fire", "Police", "Sanitation", "Federal", "Central",
        "Electoral", "Judicial", "Congressional", "Business", "Financial", "Historic",
        "Special", "Capital", "National", "The", "Unified", "Independent", "Public",
        // Small words that open a sentence in capitals.
        "In", "At", "On", "For", "From", "By", "With", "As", "Of", "To", "And", "But", "Since",
        "After", "Before", "During", "A", "An", "This", "That", "Its", "Their"};
    if (!tokens_[first].capitalised) return false;
    // Most capitalised words have no division noun within reach: look for one before
    // looking their words up.
    bool noun_ahead = false;
    for (size_t last = first; last < first + 3 && IsWord(last) && !noun_ahead; ++last) {
      noun_ahead = IsDivisionNounAfter(last);
    }
    if (!noun_ahead) return false;
    for (size_t last = first; last < first + 3 && IsWord(last); ++last) {
      const std::string_view word = Text(tokens_[last]);
      // (Nor an article of any language: "Le district sanitaire de Dungass".)
      if (!tokens_[last].capitalised || t_.stopnames.count(word) || IsArticle(last) ||
          OneOf(word, kBodies)) {
        return false;
      }
      // A known name inside is read as itself ("Kozhikode district").
      if (!t_.Readings(word).empty()) return false;
      if (IsDivisionNounAfter(last)) {
        out = Candidate{};
        out.start = tokens_[first].start;
        out.end = tokens_[last + 1].end;
        out.division = true;
        next = last + 2;
        return true;
      }
    }
    return false;
  }

  // Whether capitalised word `k` may be a word of a division's name in a list or a table's
  // row: not a stop name, an article, "And", nor a total's label.
  bool IsRowNameWord(size_t k) const {
    const std::string_view word = Text(tokens_[k]);
    return !t_.stopnames.count(word) && !IsArticle(k) &&
           !OneOf(word, {"And", "The", "Total", "Totals", "TOTAL"});
  }

  // "Gaines (174), Terry (21) and Dawson (9) counties", "Ludhiana and Jalandhar
  // districts": where token `first` starts an item of a list of names that a plural
  // division noun closes, one past the item's last word; else 0.
  size_t ListedDivisionEnd(size_t first) const {
    if (!plural_divisions_ || !IsWord(first) || !tokens_[first].capitalised) return 0;
    size_t first_end = 0;
    for (size_t i = first, items = 0; items < 12; ++items) {
      size_t k = i;
      while (k < i + 2 && IsWord(k) && tokens_[k].capitalised) ++k;
      if (k == i) return 0;
      if (items == 0) first_end = k;
      // ("Gaines (174)": the item's figure in brackets.)
      if (k + 2 < tokens_.size() && Text(tokens_[k]) == "(" && IsWord(k + 1) &&
          !tokens_[k + 1].capitalised && Text(tokens_[k + 2]) == ")") {
        k += 3;
      }
      if (IsWord(k) && OneOf(Text(tokens_[k]), kPluralDivisionNouns)) {
        // (The item's words are a name's: not "The", nor a word no name is alone.)
        for (size_t w = first; w < first_end; ++w) {
          if (!IsRowNameWord(w)) return 0;
        }
        return first_end;
      }
      if (k < tokens_.size() && tokens_[k].type == TokenType::kPunct && tokens_[k].punct == ',') {
        ++k;
      }
      if (IsWord(k) && (Text(tokens_[k]) == "and" || Text(tokens_[k]) == "or")) ++k;
      if (k == i || !IsWord(k) || !tokens_[k].capitalised) return 0;
      i = k;
    }
    return 0;
  }

  // "Cases by county:" then "Gaines: 174": where token `first` opens a row of a table of
  // divisions, its name then its figure, one past the name's last word; else 0.
  size_t TableDivisionEnd(size_t first) const {
    if (!division_table_ || !IsWord(first) || !tokens_[first].capitalised) return 0;
    size_t before = tokens_[first].start;
    while (before > 0 && (text_[before - 1] == ' ' || text_[before - 1] == '\t')) --before;
    if (before > 0 && text_[before - 1] != '\n') return 0;
    size_t k = first;
    while (k < first + 3 && IsWord(k) && tokens_[k].capitalised) {
      if (!IsRowNameWord(k)) return 0;
      ++k;
    }
    if (k == first || k + 1 >= tokens_.size()) return 0;
    const std::string_view mark = Text(tokens_[k]);
    if (mark != ":" && mark != "-" && mark != "\u2013") return 0;
    const Token& figure = tokens_[k + 1];
    if (figure.type != TokenType::kWord || text_[figure.start] < '0' || text_[figure.start] > '9') {
      return 0;
    }
    return k;
  }

  const GazetteerTables& t_;
  std::string_view text_;
  std::vector<Token> tokens_;
  bool division_table_ = false;          // the text has a heading of a table of divisions
  bool plural_divisions_ = false;        // the text has a plural division noun
  std::vector<size_t> capital_hyphens_;  // hyphens before a capitalised word, in order
  CyrillicMatcher cyrillic_;
  mutable Keys keys_;  // MatchAt's scratch, reused from one start to the next
};

struct Context {
  // The codes the text names, in the order first named (added by AddCountry and
  // AddSubdivision, which keep the sets the look-ups ask in step).
  const std::vector<std::string_view>& countries() const { return countries_; }
  // How many names of one country only the text holds, by country.
  std::map<std::string_view, int> names_of;

  int NamesOf(std::string_view code) const {
    const auto it = names_of.find(code);
    return it == names_of.end() ? 0 : it->second;
  }

  bool HasCountry(std::string_view code) const { return Holds(countries_, country_set_, code); }
  bool HasSubdivision(std::string_view code) const {
    return Holds(subdivisions_, subdivision_set_, code);
  }
  // Whether the text names a first-level unit of the country with `code` ("US-TX" of "US").
  bool NamesUnitOf(std::string_view code) const {
    return std::any_of(subdivisions_.begin(), subdivisions_.end(), [&](std::string_view unit) {
      return unit.size() > code.size() && unit[code.size()] == '-' && unit.starts_with(code);
    });
  }
  void AddCountry(std::string_view code) { Add(countries_, country_set_, code); }
  void AddSubdivision(std::string_view code) { Add(subdivisions_, subdivision_set_, code); }

 private:
  // Most texts name a few places: their codes are compared inline, one by one. A text
  // that names many (a table of every country's figures, a long page of many stories)
  // asks a set, as it is asked of each reading of each name.
  static constexpr size_t kScanned = 16;
  using CodeSet = absl::flat_hash_set<std::string_view>;
  static bool Holds(const std::vector<std::string_view>& codes, const CodeSet& set,
                    std::string_view code) {
    if (code.empty()) return false;
    if (codes.size() > kScanned) return set.contains(code);
    for (const std::string_view c : codes) {
      if (SameWord(c, code)) return true;
    }
    return false;
  }
  static void Add(std::vector<std::string_view>& codes, CodeSet& set, std::string_view code) {
    if (Holds(codes, set, code)) return;
    codes.push_back(code);
    // (All of them once the list outgrows the scan, then each as it comes.)
    if (codes.size() == kScanned + 1) {
      set.insert(codes.begin(), codes.end());
    } else if (codes.size() > kScanned) {
      set.insert(code);
    }
  }
  std::vector<std::string_view> countries_;
  std::vector<std::string_view> subdivisions_;
  CodeSet country_set_;  // the codes, once there are more than kScanned
  CodeSet subdivision_set_;
};

// Towns: cities under this many people. Most names of towns are also names elsewhere.
constexpr int64_t kTownPopulation = 200000;

// A county, a department, a province under a first-level unit (divisions.tsv): read
// like a small place, only where the context names its country.
bool IsDivision(const PlaceRecord& p) { return p.level == PlaceLevel::kOther && p.small; }

// The people a reading ranks by. A division is a region the tables give no count of;
// it ranks as a town's most ("Essex" beside "England" is no Essex of Maryland).
int64_t RankPeople(const PlaceRecord& p) {
  return IsDivision(p) ? std::max(p.population, kTownPopulation) : p.population;
}

// Whether every reading of a name is a town or a division, and one a town (no country,
// subdivision, region or city): such a name says nothing of where a text is.
bool OnlyTowns(const GazetteerTables& t, const std::vector<NameEntry>& entries) {
  bool town = false;
  const bool weak = std::all_of(entries.begin(), entries.end(), [&](const NameEntry& e) {
    const PlaceRecord p = t.places[e.place];
    const bool is_town =
        p.level == PlaceLevel::kCity && p.population < kTownPopulation && !e.authoritative;
    town = town || is_town;
    return is_town || IsDivision(p);
  });
  return town && weak;
}

// Whether a name is made of compass words only ("North West", "Central", "Western
// Division"): many countries name a region so, and a text means the one of its own country.
bool CompassOnly(std::string_view name) {
  static constexpr std::string_view kCompass[] = {
      "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
      "centre", "center", "middle", "north-west", "north-east", "south-west", "south-east",
      "northwest", "northeast", "southwest", "southeast", "upper", "lower", "coast", "the",
      // French and Spanish: "dans le Sud-Ouest", "el Norte".
      "nord", "sud", "est", "ouest", "nord-ouest", "nord-est", "sud-ouest", "sud-est",
      "centre-nord", "centre-sud", "centre-est", "centre-ouest", "norte", "sur", "este", "oeste",
      "centro", "noroeste", "noreste", "nordeste", "sureste", "sudeste", "suroeste", "sudoeste",
      // and the coast ("le Littoral": Cameroon's, Benin's).
      "littoral", "le", "la", "el"};
  // (Looked up ignoring ASCII case, as a name writes them: "North-West", "SUD".)
  static const word_scan::WordIndex kIndex(
      std::vector<std::string_view>(std::begin(kCompass), std::end(kCompass)));
  bool any = false;
  for (size_t start = 0; start < name.size();) {
    const size_t space = std::min(name.find(' ', start), name.size());
    const bool compass = kIndex.Find(name.substr(start, space - start)) >= 0;
    // ("the Western Division": a place noun after them says only what kind of region.)
    if (!compass && !(any && IsPlaceNoun(name.substr(start, space - start)))) return false;
    any = any || compass;
    start = space + 1;
  }
  return any;
}

// Whether every reading of a name is a division of one country ("Pampanga", "Hérault"):
// the name says where the text is as a subdivision's would.
bool OnlyDivisionsOfOneCountry(const GazetteerTables& t, const std::vector<NameEntry>& entries) {
  return !entries.empty() && std::all_of(entries.begin(), entries.end(), [&](const NameEntry& e) {
    const PlaceRecord p = t.places[e.place];
    return IsDivision(p) && p.country == t.places[entries.front().place].country;
  });
}

// Whether a division reading of a name lies in a country the context names.
bool DivisionInContext(const GazetteerTables& t, const std::vector<NameEntry>& entries,
                       const Context& context) {
  return std::any_of(entries.begin(), entries.end(), [&](const NameEntry& e) {
    const PlaceRecord p = t.places[e.place];
    return IsDivision(p) && context.HasCountry(p.country);
  });
}

// Whether every reading of a name is a subdivision of one same country ("England").
bool OnlyRegionsOfOneCountry(const GazetteerTables& t, const std::vector<NameEntry>& entries) {
  return !entries.empty() && std::all_of(entries.begin(), entries.end(), [&](const NameEntry& e) {
    const PlaceRecord p = t.places[e.place];
    return p.level == PlaceLevel::kSubdivision &&
           p.country == t.places[entries.front().place].country;
  });
}

// Readings that may count: small places only with their country in the context.
std::vector<NameEntry> Usable(const GazetteerTables& t, const std::vector<NameEntry>& entries,
                              const Context* context) {
  std::vector<NameEntry> out;
  for (const NameEntry& e : entries) {
    const PlaceRecord p = t.places[e.place];
    // (Nor one of another unit of a country whose units the text names: "Terry: 36" in a
    // table of Texas's counties is no Terry of Mississippi.)
    if (p.small && (context == nullptr || !context->HasCountry(p.country) ||
                    (context->NamesUnitOf(p.country) && !context->HasSubdivision(p.subdivision)))) {
      continue;
    }
    out.push_back(e);
  }
  return out;
}

// The readings of a name written "St" or "St." of places so named ("St. Thomas", the
// Ontario city), where there are any, else all: "St. Thomas" also spells Barbados's
// "Saint Thomas", but that is the reading of last resort.
std::vector<NameEntry> AsWritten(const GazetteerTables& t, std::string_view name,
                                 std::vector<NameEntry> entries) {
  if (!name.starts_with("St ") && !name.starts_with("St.") && !name.starts_with("Ste ") &&
      !name.starts_with("Ste.")) {
    return entries;
  }
  const auto spelled = [&](const NameEntry& e) {
    return e.alternate && t.places[e.place].name.starts_with("Saint");
  };
  if (!std::all_of(entries.begin(), entries.end(), spelled)) std::erase_if(entries, spelled);
  return entries;
}

void AddUnambiguous(const GazetteerTables& t, const std::vector<NameEntry>& entries,
                    Context& context) {
  if (entries.empty()) return;
  const PlaceRecord first = t.places[entries.front().place];
  bool one_country = !first.country.empty();
  bool one_subdivision = !first.subdivision.empty();
  for (const NameEntry& e : entries) {
    const PlaceRecord p = t.places[e.place];
    one_country = one_country && p.country == first.country;
    one_subdivision = one_subdivision && p.subdivision == first.subdivision;
  }
  if (one_country) context.AddCountry(first.country);
  if (one_country) ++context.names_of[first.country];
  if (one_subdivision) context.AddSubdivision(first.subdivision);
}

// Names that are ambiguous one by one but share a country ("Washington and Montana"):
// a country that two or more different names can be read in joins the context. A name
// that can be read in a country the context has already gives no votes.
void AddSharedCountries(const GazetteerTables& t, std::string_view text,
                        const std::vector<Candidate>& candidates, Context& context) {
  std::vector<std::pair<std::string_view, std::vector<std::string_view>>> votes;
  for (const Candidate& c : candidates) {
    const std::string_view name = text.substr(c.start, c.end - c.start);
    std::vector<std::string_view> countries;
    for (const NameEntry& e : Usable(t, c.entries, nullptr)) {
      const std::string_view country = t.places[e.place].country;
      if (!country.empty() &&
          std::find(countries.begin(), countries.end(), country) == countries.end()) {
        countries.push_back(country);
      }
    }
    if (countries.size() < 2) continue;  // unambiguous names are in the context already
    // "Madrid" and "Andalucia" in a text that names Catalunya: both read in Spain, which
    // the context has; that both also name towns in Colombia says nothing.
    if (std::any_of(countries.begin(), countries.end(),
                    [&](std::string_view country) { return context.HasCountry(country); })) {
      continue;
    }
    for (std::string_view country : countries) {
      auto it = std::find_if(votes.begin(), votes.end(),
                             [&](const auto& vote) { return vote.first == country; });
      if (it == votes.end()) it = votes.insert(votes.end(), {country, {}});
      if (std::find(it->second.begin(), it->second.end(), name) == it->second.end()) {
        it->second.push_back(name);
      }
    }
  }
  for (const auto& [country, names] : votes) {
    if (names.size() >= 2) context.AddCountry(country);
  }
}

// The people of the largest city reading among `entries` that `subdivision` contains
// under the same name, or -1 when it contains none.
int64_t SameNamedCityIn(const GazetteerTables& t, const std::vector<NameEntry>& entries,
                        const PlaceRecord& subdivision) {
  int64_t people = -1;
  if (subdivision.level != PlaceLevel::kSubdivision || subdivision.subdivision.empty()) {
    return people;
  }
  for (const NameEntry& e : entries) {
    const PlaceRecord p = t.places[e.place];
    if (!e.alternate && p.level == PlaceLevel::kCity && p.subdivision == subdivision.subdivision) {
      people = std::max(people, p.population);
    }
  }
  return people;
}

// A reading in a context country loses to one elsewhere this many times larger:
// "Moscow" in a text that also names the United States is still Moscow, RU.
constexpr int64_t kContextPopulationRatio = 20;
// A reading in a first-level unit the context names loses to one in a context country this
// many times larger ("London" beside Ontario is still London, Ontario).
constexpr int64_t kSubdivisionPopulationRatio = 50;

std::optional<NameEntry> Resolve(const GazetteerTables& t, const std::vector<NameEntry>& entries,
                                 const Context& context, Prefer prefer, bool strict_context) {
  // A country and a unit or a town of its own of the same name ("México" and the Estado de
  // México, "Panamá", "Guatemala"; "Colombia" and the town of Huila): the name alone is the
  // country's, unless a noun asks for the unit or the city.
  if (prefer != Prefer::kSubdivision && prefer != Prefer::kCity) {
    for (const NameEntry& e : entries) {
      const PlaceRecord p = t.places[e.place];
      if (p.level != PlaceLevel::kCountry) continue;
      const bool shared = std::any_of(entries.begin(), entries.end(), [&](const NameEntry& other) {
        const PlaceRecord q = t.places[other.place];
        return (q.level == PlaceLevel::kSubdivision || q.level == PlaceLevel::kCity) &&
               q.country == p.country;
      });
      if (shared) return e;
    }
  }
  // (A first-level unit of a context country is measured against the places elsewhere
  // below countries: "l'Équateur" beside South Kivu is the Congolese province, not
  // Ecuador, whatever their people.)
  int64_t largest_outside = 0;
  int64_t largest_outside_below = 0;
  int64_t largest_inside = 0;
  for (const NameEntry& e : entries) {
    const PlaceRecord p = t.places[e.place];
    if (context.HasCountry(p.country)) {
      largest_inside = std::max(largest_inside, RankPeople(p));
      continue;
    }
    largest_outside = std::max(largest_outside, p.population);
    if (p.level != PlaceLevel::kCountry) {
      largest_outside_below = std::max(largest_outside_below, p.population);
    }
  }
  auto rank = [&](const NameEntry& e) {
    const PlaceRecord p = t.places[e.place];
    const bool wanted = (prefer == Prefer::kSubdivision && p.level == PlaceLevel::kSubdivision) ||
                        (prefer == Prefer::kCity && p.level == PlaceLevel::kCity);
    const int64_t outside =
        p.level == PlaceLevel::kSubdivision ? largest_outside_below : largest_outside;
    const bool in_context = context.HasCountry(p.country) &&
                            (strict_context || RankPeople(p) * kContextPopulationRatio >= outside);
    // A subdivision holds the people of its same-named city (a table may give it none)
    // and wins the tie with it, also under its name in a news language that is the
    // city's own ("Québec"; but not under a spelling variant: "Sao Paulo" is the city);
    // other places of the name still rank by people ("Florida" is the state of 13
    // million, not the Uruguayan department with a town of the name).
    const int64_t city_people = e.alternate && !e.translated ? -1 : SameNamedCityIn(t, entries, p);
    const bool primary = !e.alternate || (e.translated && city_people >= 0);
    const int64_t people = std::max(RankPeople(p), city_people);
    // A reading in a first-level unit the text names wins, unless a reading in a context
    // country dwarfs it: "eastern Ontario" in a text that names Lennox, California, by
    // mistake is still the province of 14 million, not the Californian city.
    const bool in_subdivision = context.HasSubdivision(p.subdivision) &&
                                people * kSubdivisionPopulationRatio >= largest_inside;
    return std::make_tuple(wanted, e.authoritative, in_subdivision, in_context, primary,
                           p.level == PlaceLevel::kCountry, people, city_people >= 0);
  };
  // The best rank is kept, not computed again at each comparison: a rank looks through
  // all readings (SameNamedCityIn), and names like "San Jose" have dozens.
  const NameEntry* best = nullptr;
  decltype(rank(entries.front())) best_rank{};
  for (const NameEntry& e : entries) {
    const auto e_rank = rank(e);
    if (best == nullptr || e_rank > best_rank) {
      best = &e;
      best_rank = e_rank;
    }
  }
  if (best == nullptr) return std::nullopt;
  // A region of two countries the text names is the one of the country it names most:
  // "Punjab" among Gujarat, Rajasthan and Haryana is India's, though the text names
  // Pakistan once.
  const PlaceRecord chosen = t.places[best->place];
  if (chosen.level == PlaceLevel::kSubdivision && prefer != Prefer::kCity &&
      context.HasCountry(chosen.country) && !context.HasSubdivision(chosen.subdivision)) {
    for (const NameEntry& e : entries) {
      const PlaceRecord p = t.places[e.place];
      if (p.level == PlaceLevel::kSubdivision && e.authoritative == best->authoritative &&
          context.HasCountry(p.country) &&
          context.NamesOf(p.country) > context.NamesOf(t.places[best->place].country)) {
        best = &e;
      }
    }
  }
  return *best;
}

}  // namespace

struct Gazetteer::Tables : GazetteerTables {};

Gazetteer::Gazetteer(std::unique_ptr<Tables> tables) : tables_(std::move(tables)) {}
Gazetteer::~Gazetteer() = default;

Result<std::unique_ptr<Gazetteer>> Gazetteer::Load(const std::string& dir) {
  auto tables = std::make_unique<Tables>();
  const std::string stamp = SnapshotStamp(dir);
  const std::string snapshot = SnapshotPath(dir);
  if (!stamp.empty() && ReadSnapshot(snapshot, stamp, *tables)) {
    return std::unique_ptr<Gazetteer>(new Gazetteer(std::move(tables)));
  }
  Status status = LoadTables(dir, *tables);
  if (!status.ok()) return status;
  // The snapshot is a cache: where it cannot be written (a read-only installation),
  // each load reads the tables instead, as it would without one.
  if (!stamp.empty()) (void)WriteSnapshot(*tables, stamp, snapshot);
  return std::unique_ptr<Gazetteer>(new Gazetteer(std::move(tables)));
}

namespace {

// The end of the division noun after a name that ends at `end` ("Orleans| Parish"), or
// `end` where no such noun follows (the name's mention holds it already).
size_t DivisionNounEnd(std::string_view text, size_t end) {
  size_t word = end;
  while (word < text.size() && text[word] == ' ') ++word;
  size_t after = word;
  while (after < text.size() && std::isalpha(static_cast<unsigned char>(text[after]))) ++after;
  return after > word && IsDivisionNoun(text.substr(word, after - word)) ? after : end;
}

// A division no table knows ("12 in Zorbaville County") lies where the places the text
// names lie: in their one country, and in their one subdivision when they share it
// ("Washington state" beside it, whose name is also a town's in England, puts no country
// in the context but reads as the state). Regions and cities say where the text is;
// countries, where they are all it names ("缅甸输入21例" beside "瑞丽市(41例)": Myanmar is
// where cases came from). Where no country has most of them, or the text names no other
// place, the division is dropped. A division named after a town (`towns`, by mention:
// "Hennepin County", whose name the tables know as a town in Illinois) lies in the
// region most places of the text lie in, where that is in the town's country but not
// its region; else it is read as the town ("Kozhikode district" in Kerala).
void PlaceDivisions(std::vector<PlaceMention>& mentions,
                    const std::vector<std::optional<PlaceMention>>& towns) {
  const auto below_country = [](const PlaceMention& m) {
    return m.kind != MentionKind::kDivision && m.kind != MentionKind::kDemonym &&
           !m.place.country.empty() && m.place.level != PlaceLevel::kCountry;
  };
  const bool regions = std::any_of(mentions.begin(), mentions.end(), below_country);
  // The country most of them lie in, and the subdivision most of those do: more than
  // half ("Minnesota", "Minneapolis" and "Doha", where a traveller flew through).
  std::vector<const PlaceMention*> counted;
  for (const PlaceMention& m : mentions) {
    if (m.kind == MentionKind::kDivision || m.kind == MentionKind::kDemonym) continue;
    if (m.place.country.empty() || (regions && !below_country(m))) continue;
    counted.push_back(&m);
  }
  // (A majority vote in one pass: a long text names thousands of places.)
  const auto most = [](const std::vector<std::string_view>& values) {
    std::string_view candidate;
    size_t lead = 0;
    for (const std::string_view v : values) {
      if (lead == 0) candidate = v;
      lead += v == candidate ? 1 : static_cast<size_t>(-1);
    }
    const auto votes = static_cast<size_t>(std::count(values.begin(), values.end(), candidate));
    return 2 * votes > values.size() ? candidate : std::string_view();
  };
  std::vector<std::string_view> values;
  for (const PlaceMention* m : counted) values.push_back(m->place.country);
  const std::string_view country = most(values);
  values.clear();
  for (const PlaceMention* m : counted) {
    if (m->place.country == country) values.push_back(m->place.subdivision);
  }
  const std::string_view subdivision = most(values);
  const bool one_subdivision = !subdivision.empty();
  for (size_t i = 0; i < mentions.size(); ++i) {
    PlaceMention& m = mentions[i];
    if (m.kind != MentionKind::kDivision) continue;
    if (towns[i]) {
      // (In the town's country, but another region of it; a town of another country than
      // most places of the text is where people came from as often as not: "Kasese
      // district" beside Congolese towns.)
      // But a town abroad whose country the text never names is no town of it: "York
      // Region" beside Ontario is a division of Ontario, not York, England.
      const std::string_view abroad = towns[i]->place.country;
      const bool abroad_named =
          std::any_of(mentions.begin(), mentions.end(), [&](const PlaceMention& other) {
            return other.kind != MentionKind::kDivision && other.place.country == abroad;
          });
      if (m.place.country == country && one_subdivision && m.place.subdivision != subdivision) {
        m.place.subdivision = std::string(subdivision);
      } else if (!country.empty() && abroad != country && !abroad_named) {
        m.place.country = std::string(country);
        m.place.subdivision = one_subdivision ? std::string(subdivision) : std::string();
      } else {
        m = *towns[i];
      }
      continue;
    }
    if (!m.place.country.empty()) {
      if (m.place.subdivision.empty() && one_subdivision && m.place.country == country) {
        m.place.subdivision = std::string(subdivision);
      }
      continue;
    }
    if (country.empty()) continue;
    m.place.country = std::string(country);
    if (one_subdivision) m.place.subdivision = std::string(subdivision);
  }
  std::erase_if(mentions, [](const PlaceMention& m) {
    return m.kind == MentionKind::kDivision && m.place.country.empty();
  });
}

// Whether candidate `c` opens a row of a table: a line that starts with the name (a
// bullet may stand before it) and goes on with a dash, a colon, a bar or a figure
// ("Garissa - 41 cases", "Ondo 34", "• Kano: 1,350", "Chaco | 15.091").
bool OpensRow(std::string_view text, const Candidate& c) {
  size_t before = c.start;
  while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t')) --before;
  if (before > 0 && (text[before - 1] == '-' || text[before - 1] == '*')) --before;
  if (before >= 3 && text.substr(before - 3, 3) == "\u2022") before -= 3;
  while (before > 0 && text[before - 1] == ' ') --before;
  if (before > 0 && text[before - 1] != '\n') return false;
  size_t after = c.end;
  while (after < text.size() && text[after] == ' ') ++after;
  if (after >= text.size()) return false;
  const unsigned char next = static_cast<unsigned char>(text[after]);
  return std::isdigit(next) || next == '-' || next == ':' || next == '|' ||
         text.substr(after).starts_with("\u2013") || text.substr(after).starts_with("\u2014");
}

// Whether only the joints of a list stand between two names: a comma, "and" ("et",
// "y", "e", "и"), "、" ("Alger, Tipasa, Médéa et Blida").
bool ListJoint(std::string_view between) {
  static constexpr std::string_view kJoints[] = {
      ", ", ",", " and ", ", and ", " et ", " y ", " e ", " \u0438 ", "\u3001", "\u53ca", "\u548c"};
  return OneOf(between, kJoints);
}

// "Nairobi - 78 cases\nGarissa - 41 cases\nTana River - 33 cases", "Guerrero, Jalisco,
// Morelos y Veracruz": the rows of one table, and the items of one list, name places of
// one level. Where one name is only a region's (Tana River), the others' names are read
// as regions where they can be (Garissa, a county and its town).
void PreferRowsOfOneLevel(const GazetteerTables& t, std::string_view text,
                          const std::vector<Candidate>& candidates, const Context& context,
                          std::vector<Prefer>& prefer) {
  const auto between = [&](size_t i) {
    return text.substr(candidates[i - 1].end, candidates[i].start - candidates[i - 1].end);
  };
  for (size_t first = 0; first < candidates.size();) {
    const bool row = OpensRow(text, candidates[first]);
    const bool list = first + 1 < candidates.size() && ListJoint(between(first + 1));
    if (!row && !list) {
      ++first;
      continue;
    }
    // The rows that follow, one a line; or the items that follow, joint by joint.
    size_t last = first + 1;
    while (
        last < candidates.size() &&
        (row ? OpensRow(text, candidates[last]) &&
                   std::count(text.begin() + static_cast<std::ptrdiff_t>(candidates[last - 1].end),
                              text.begin() + static_cast<std::ptrdiff_t>(candidates[last].start),
                              '\n') == 1
             : ListJoint(between(last)))) {
      ++last;
    }
    // (Or every name of the list is also a region's, of one country: "Guerrero, Jalisco,
    // Morelos y Veracruz" beside Chiapas, where a town is called Veracruz.)
    bool region_only = false;
    bool all_regions = true;
    std::string_view country;
    for (size_t i = first; i < last; ++i) {
      const std::vector<NameEntry> usable = Usable(t, candidates[i].entries, &context);
      const auto region = [&](const NameEntry& e) {
        return t.places[e.place].level == PlaceLevel::kSubdivision;
      };
      region_only =
          region_only || (!usable.empty() && std::all_of(usable.begin(), usable.end(), region));
      const auto found = std::find_if(usable.begin(), usable.end(), region);
      if (found == usable.end() ||
          (!country.empty() && t.places[found->place].country != country)) {
        all_regions = false;
      } else {
        country = t.places[found->place].country;
      }
    }
    if ((region_only || all_regions) && last - first >= 3) {
      for (size_t i = first; i < last; ++i) {
        if (prefer[i] == Prefer::kNone) prefer[i] = Prefer::kSubdivision;
      }
    }
    first = last;
  }
}

}  // namespace

std::vector<PlaceMention> Gazetteer::FindPlaces(std::string_view text) const {
  const GazetteerTables& t = *tables_;
  // Han text in traditional characters is read in simplified ones ("廣西" as "广西"), as
  // the tables hold their Chinese names; a simplified character has as many bytes, so
  // the mentions' offsets stay the text's.
  std::string simplified;
  if (std::any_of(text.begin(), text.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b >= 0xE3 && b <= 0xE9;  // the lead bytes of U+3000..U+9FFF
      })) {
    simplified.assign(text);
    if (SimplifyHan(simplified) > 0) text = simplified;
  }
  std::vector<Candidate> candidates = Matcher(t, text).FindCandidates();
  for (Candidate& c : candidates) {
    c.entries = AsWritten(t, text.substr(c.start, c.end - c.start), std::move(c.entries));
  }
  // Each candidate's readings without the small places (those need their country named),
  // and whether its name is of compass words only: asked several times below.
  std::vector<std::vector<NameEntry>> without_small(candidates.size());
  std::vector<bool> compass(candidates.size(), false);
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    without_small[i] = Usable(t, c.entries, nullptr);
    compass[i] = CompassOnly(text.substr(c.start, c.end - c.start));
  }
  Context context;
  // Regions first, then other names, then names that are also small places: "Norfolk"
  // beside "Britain" may be the English county, and says nothing for the cities of
  // Virginia and Nebraska of the name ("England" is a town of Arkansas as well).
  std::vector<int> pass_of(candidates.size());
  for (size_t i = 0; i < candidates.size(); ++i) {
    pass_of[i] = OnlyRegionsOfOneCountry(t, without_small[i])             ? 0
                 : without_small[i].size() < candidates[i].entries.size() ? 2
                                                                          : 1;
  }
  for (const int pass : {0, 1, 2}) {
    for (size_t i = 0; i < candidates.size(); ++i) {
      const Candidate& c = candidates[i];
      if (pass_of[i] != pass) continue;
      // Inside a longer name, only a region of one country says where the text is: "L'ARS
      // Occitanie" is the French region's health agency, "Paris Hilton" is no one's.
      const bool counts = !c.inside_name || pass == 0;
      const bool small_in_context =
          pass == 2 && std::any_of(c.entries.begin(), c.entries.end(), [&](const NameEntry& e) {
            const PlaceRecord p = t.places[e.place];
            return p.small && context.HasCountry(p.country);
          });
      if (counts && !OnlyTowns(t, c.entries) && !compass[i] && !small_in_context) {
        AddUnambiguous(t, without_small[i], context);
      }
      if (!c.inside_name && OnlyDivisionsOfOneCountry(t, c.entries)) {
        AddUnambiguous(t, c.entries, context);
      }
    }
  }
  // "Kyotera District" in a text that names no country: a division noun after a name
  // whose division readings all lie in one country says the text is there, whatever
  // towns elsewhere share the name. (Where a country is named, the tables' divisions may
  // lack the text's: "Kent County" beside Michigan is none of England's.)
  if (context.countries().empty()) {
    for (const Candidate& c : candidates) {
      if (c.inside_name || !c.division_reading) continue;
      std::vector<NameEntry> divisions;
      std::copy_if(c.entries.begin(), c.entries.end(), std::back_inserter(divisions),
                   [&](const NameEntry& e) { return IsDivision(t.places[e.place]); });
      if (OnlyDivisionsOfOneCountry(t, divisions)) AddUnambiguous(t, divisions, context);
    }
  }
  // A text that names a region of its country does not go abroad for a town: "14
  // measles cases in Kent" beside "England" is no Kent of Washington State. A town is
  // read in a country of its own where the text names no region at all ("cases in Tulun
  // imported from Kazakhstan"), or one in the town's country, or names that country.
  std::vector<bool> abroad(candidates.size(), false);
  bool named = false;
  for (size_t i = 0; i < candidates.size() && !named; ++i) {
    named = !candidates[i].inside_name && OnlyRegionsOfOneCountry(t, without_small[i]);
  }
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    // "Across the North West" in a text about England is no province of South Africa.
    const bool weak = OnlyTowns(t, c.entries) || compass[i];
    if (c.inside_name || c.division || c.division_reading || !weak) continue;
    // "Kent" beside "England" is the county: neither abroad nor a town of Washington's.
    if (DivisionInContext(t, c.entries, context)) continue;
    // ("Dans le Sud" in a text about La Réunion, which names a country and no region, is
    // none of Haiti's departments either.)
    // (Nor is a compass word that is a stop name, read only before a figure or after an
    // article, a region the text's country lacks, whatever the text names.)
    const bool stop = compass[i] && t.stopnames.count(text.substr(c.start, c.end - c.start)) > 0;
    // A name written with its unit's word after it ("丰台区", "仙游县") may be a small
    // place of a country the text names: "丰台区" beside "河北省" is Beijing's district.
    const std::string_view written = text.substr(c.start, c.end - c.start);
    const bool suffixed =
        std::any_of(t.han_suffixes.begin(), t.han_suffixes.end(), [&](const HanSuffix& s) {
          return s.level == PlaceLevel::kCity && written.size() > s.text.size() &&
                 written.ends_with(s.text);
        });
    // (A small place whose country the text names is as much a town of it: "Ruili" beside
    // "China" and "Yunnan".)
    const std::vector<NameEntry> readings = suffixed ? c.entries : Usable(t, c.entries, &context);
    abroad[i] = (named || stop || (compass[i] && !context.countries().empty())) &&
                std::none_of(readings.begin(), readings.end(), [&](const NameEntry& e) {
                  return context.HasCountry(t.places[e.place].country);
                });
    if (!abroad[i]) AddUnambiguous(t, without_small[i], context);
  }
  AddSharedCountries(t, text, candidates, context);
  std::vector<PlaceMention> mentions;
  std::vector<std::optional<PlaceMention>> named_after;  // by mention: the town of a division
  // "Clark County, Washington": a place after a county is its state.
  std::vector<Prefer> prefer(candidates.size());
  for (size_t i = 0; i < candidates.size(); ++i) prefer[i] = candidates[i].prefer;
  PreferRowsOfOneLevel(t, text, candidates, context, prefer);
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    // "5 in Quillan County" in a text about Washington state: a town's name that no
    // town of the text's places has, before a division noun, names a division unknown.
    // (Neither is nor names a division the end of a longer name: "Bengaluru Urban
    // district".)
    const bool glued = c.inside_name || (i > 0 && candidates[i - 1].end + 1 == c.start);
    const bool unknown_division =
        c.division_reading && !glued &&
        (abroad[i] || !Resolve(t, Usable(t, c.entries, &context), context, prefer[i], false));
    if (abroad[i] && !unknown_division) continue;
    if (c.division && glued) continue;
    if (c.division || unknown_division) {
      // Where the text puts it: "Carbon County, Wyoming", else the one country named.
      PlaceMention mention;
      mention.start = c.start;
      mention.end = c.division ? c.end : DivisionNounEnd(text, c.end);
      mention.place.name = std::string(text.substr(c.start, mention.end - c.start));
      mention.place.level = PlaceLevel::kOther;
      mention.kind = MentionKind::kDivision;
      if (i + 1 < candidates.size() && !candidates[i + 1].division) {
        const Candidate& next = candidates[i + 1];
        const std::string_view between = text.substr(mention.end, next.start - mention.end);
        const bool qualified = between == ", " || between == "," || between == " in ";
        if (qualified && prefer[i + 1] == Prefer::kNone) prefer[i + 1] = Prefer::kSubdivision;
        const auto where =
            qualified ? Resolve(t, Usable(t, next.entries, &context), context, prefer[i + 1], false)
                      : std::nullopt;
        if (where) {
          const PlaceRecord w = t.places[where->place];
          mention.place.country = std::string(w.country);
          mention.place.subdivision = std::string(w.subdivision);
        }
      }
      if (mention.place.country.empty() && context.countries().size() == 1) {
        mention.place.country = std::string(context.countries().front());
      }
      mentions.push_back(std::move(mention));  // (no country yet: PlaceDivisions)
      continue;
    }
    std::vector<NameEntry> usable = Usable(t, c.entries, &context);
    // "London, Ontario", "Moscow, Idaho": a place right after a comma says where the
    // one before it is.
    bool qualified_elsewhere = false;  // "Norfolk, England": no Norfolk the tables know there
    if (i + 1 < candidates.size() && !usable.empty()) {
      const Candidate& next = candidates[i + 1];
      std::string_view between = text.substr(c.end, next.start - c.end);
      // "Orleans Parish, Louisiana": the division noun is not a match of its own.
      if (c.division_reading) {
        size_t skip = 0;
        while (skip < between.size() && between[skip] == ' ') ++skip;
        while (skip < between.size() && std::isalpha(static_cast<unsigned char>(between[skip]))) {
          ++skip;
        }
        between.remove_prefix(skip);
      }
      if (between == ", " || between == ",") {
        const auto where = Resolve(t, Usable(t, next.entries, &context), context, next.prefer, false);
        if (where) {
          const PlaceRecord w = t.places[where->place];
          std::vector<NameEntry> inside;
          for (const NameEntry& e : usable) {
            const PlaceRecord p = t.places[e.place];
            const bool within = p.country == w.country &&
                                (w.level != PlaceLevel::kSubdivision || p.subdivision == w.subdivision);
            if (within && &p != &w) inside.push_back(e);
          }
          const bool same_country = std::any_of(
              usable.begin(), usable.end(),
              [&](const NameEntry& e) { return t.places[e.place].country == w.country; });
          const bool towns = std::all_of(usable.begin(), usable.end(), [&](const NameEntry& e) {
            return t.places[e.place].level == PlaceLevel::kCity;
          });
          if (!inside.empty()) {
            if (usable.size() > 1) usable = std::move(inside);
          } else if (!c.division_reading && towns && !same_country &&
                     (w.level == PlaceLevel::kSubdivision || w.level == PlaceLevel::kCountry)) {
            qualified_elsewhere = true;
          } else if (c.division_reading) {
            // "Orleans Parish, Louisiana": no Orleans in Louisiana; the parish is there.
            const size_t end = DivisionNounEnd(text, c.end);
            PlaceMention mention;
            mention.start = c.start;
            mention.end = end;
            mention.place.name = std::string(text.substr(c.start, end - c.start));
            mention.place.level = PlaceLevel::kOther;
            mention.place.country = std::string(w.country);
            mention.place.subdivision = std::string(w.subdivision);
            mention.kind = MentionKind::kDivision;
            mentions.push_back(std::move(mention));
            continue;
          }
        }
      }
    }
    if (qualified_elsewhere) continue;
    // A name of compass words ("the Western Division") is its country's region, whatever
    // the people of the regions of that name elsewhere.
    const std::optional<NameEntry> chosen = Resolve(t, usable, context, prefer[i], compass[i]);
    if (!chosen) continue;
    // "Punggu Mawang": the end of an unknown name, read as a place only where the text
    // is about that place's country, and never as a town ("Cathay Pacific" is no
    // Pacific of Missouri in a text that names the United States).
    const PlaceRecord reading = t.places[chosen->place];
    if (c.inside_name && reading.level == PlaceLevel::kCity && !chosen->authoritative &&
        (!context.HasCountry(reading.country) ||
         (c.ends_name && reading.population < kTownPopulation))) {
      continue;
    }
    // Nor is a compass word that ends one ("Sissala East Municipality"), or any word that
    // ends one ("la Mesa Redonda", a Cuban broadcast, not Antigua's islet), a region of a
    // country the text is not about.
    if (c.inside_name &&
        (compass[i] || (c.ends_name && reading.level == PlaceLevel::kSubdivision)) &&
        !context.HasCountry(reading.country)) {
      continue;
    }
    PlaceMention mention;
    mention.start = c.start;
    mention.end = c.end;
    mention.place = t.places[chosen->place].ToPlace();
    mention.kind = chosen->kind;
    // "Hennepin County", "Kozhikode district": a town's name before a division noun
    // names the division, read as the town unless the text puts it elsewhere.
    if (c.division_reading && mention.place.level == PlaceLevel::kCity && !glued) {
      named_after.resize(mentions.size());
      named_after.push_back(mention);
      mention.end = DivisionNounEnd(text, c.end);
      mention.place = Place{std::string(text.substr(c.start, mention.end - c.start)),
                            mention.place.country, mention.place.subdivision};
      mention.kind = MentionKind::kDivision;
    }
    mentions.push_back(std::move(mention));
  }
  named_after.resize(mentions.size());
  // "Florida confirmed a dengue case in Pasco County", "California health officials said
  // Santa Cruz County reported ...": a county read as a region of a country no other place
  // of the text lies in is a county of the text's places, unknown to the tables
  // (PlaceDivisions puts it there). ("Florida" alone leaves the country open until it is
  // read: this looks at what was read. A town abroad may still be meant: "a man from
  // Malappuram district who returned from Dubai".)
  std::vector<size_t> county_starts;
  for (const Candidate& c : candidates) {
    if (c.division_reading && !c.inside_name) county_starts.push_back(c.start);
  }
  const auto of_a_county = [&](const PlaceMention& m) {
    return std::find(county_starts.begin(), county_starts.end(), m.start) != county_starts.end();
  };
  for (PlaceMention& m : mentions) {
    // (Or a town abroad named like it: "York Region" beside Ontario is not York, US.)
    if (m.kind == MentionKind::kDivision || !of_a_county(m) ||
        (m.place.level != PlaceLevel::kSubdivision && m.place.level != PlaceLevel::kCity)) {
      continue;
    }
    size_t others = 0;
    size_t same_country = 0;
    bool same_region = false;
    bool other_region = false;
    // (Where the country's regions are named with the same noun, "Montserrado County"
    // beside "Nimba County", counties are its regions.)
    const std::string_view written = text.substr(m.start, m.end - m.start);
    const std::string_view noun = written.substr(std::min(written.rfind(' ') + 1, written.size()));
    for (const PlaceMention& other : mentions) {
      if (&other == &m || of_a_county(other) || other.place.country.empty() ||
          other.kind == MentionKind::kDemonym) {
        continue;
      }
      ++others;
      if (other.place.country != m.place.country) continue;
      ++same_country;
      same_region = same_region || other.place.subdivision == m.place.subdivision;
      const std::string_view other_written = text.substr(other.start, other.end - other.start);
      const bool regions_by_noun = !noun.empty() && other_written.ends_with(noun);
      other_region =
          other_region || (other.place.level == PlaceLevel::kSubdivision &&
                           other.place.subdivision != m.place.subdivision && !regions_by_noun);
    }
    // ("A cat in Washington County died, the Oregon Department of Agriculture said": a
    // county named like another region of the text's country is a county of the region
    // the text names.)
    // (Most of the text's places decide: "Hidalgo County" among Edinburg, McAllen and
    // Weslaco is Texas's, though "Rio Grande" is also a town of Mexico.)
    const bool another_region = other_region && !same_region;
    const bool mostly_elsewhere = 2 * same_country < others;
    if (others == 0 || (!mostly_elsewhere && !another_region)) continue;
    m.end = std::max(m.end, DivisionNounEnd(text, m.end));
    m.place = Place{std::string(text.substr(m.start, m.end - m.start)), "", ""};
    m.place.level = PlaceLevel::kOther;
    m.kind = MentionKind::kDivision;
  }
  PlaceDivisions(mentions, named_after);
  return mentions;
}

std::optional<Place> Gazetteer::Country(std::string_view code) const {
  const auto it = tables_->countries.find(code);
  if (it == tables_->countries.end()) return std::nullopt;
  return tables_->places[it->second].ToPlace();
}

std::optional<Place> Gazetteer::Capital(std::string_view code) const {
  const auto it = tables_->capitals.find(code);
  if (it == tables_->capitals.end()) return std::nullopt;
  return tables_->places[it->second].ToPlace();
}

std::optional<Place> Gazetteer::Subdivision(std::string_view code) const {
  const auto it = tables_->subdivisions.find(code);
  if (it == tables_->subdivisions.end()) return std::nullopt;
  return tables_->places[it->second].ToPlace();
}

std::optional<Place> Gazetteer::Lookup(std::string_view name,
                                       const std::vector<std::string>& context_countries) const {
  const GazetteerTables& t = *tables_;
  std::vector<NameEntry> readings = t.Readings(IndexKey(name));
  // "Novosibirsk" alone is the city, not the oblast read only before its noun.
  std::vector<NameEntry> named = readings;
  DropNeedsNoun(named);
  if (!named.empty()) readings = std::move(named);
  Context context;
  for (const std::string& country : context_countries) context.AddCountry(country);
  const std::optional<NameEntry> chosen =
      Resolve(t, Usable(t, readings, &context), context, Prefer::kNone, true);
  if (!chosen) return std::nullopt;
  return t.places[chosen->place].ToPlace();
}

std::optional<Place> Gazetteer::LookupLevel(std::string_view name, std::string_view country,
                                            PlaceLevel level) const {
  const GazetteerTables& t = *tables_;
  std::optional<PlaceRecord> best;
  for (const NameEntry& e : t.Readings(IndexKey(name))) {
    const PlaceRecord p = t.places[e.place];
    if (p.level != level || p.country != country) continue;
    if (!best || p.population > best->population) best = p;
  }
  if (!best) return std::nullopt;
  return best->ToPlace();
}

size_t Gazetteer::size() const { return tables_->names.size(); }

}  // namespace epiwire::gazetteer
