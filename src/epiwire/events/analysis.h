// SPDX-License-Identifier: MIT
// Internal to the events stage (the public header is extractor.h). A sentence is read
// in tiers, each a vector over its tokens or a sorted list of spans:
//   tokens -> word classes (terms, cues, grammar words, diseases)
//          -> chunks (numbers, places with their roles, anaphors, dates)
//          -> count phrases (counts.cc: what a number counts, its status and host)
//          -> clause facts (attach.cc: place, time, importation of each count)
// and the document model (document.cc) carries focus, datelines and anaphora from
// sentence to sentence.
#ifndef EPIWIRE_EVENTS_ANALYSIS_H_
#define EPIWIRE_EVENTS_ANALYSIS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "epiwire/base/script_scan.h"
#include "epiwire/base/word_scan.h"
#include "epiwire/dates/date_expressions.h"
#include "epiwire/events/lexicon.h"
#include "epiwire/gazetteer/gazetteer.h"
#include "epiwire/model/event.h"
#include "epiwire/quantity/quantity.h"
#include "epiwire/text/sentences.h"

namespace epiwire::events {

// A span of tokens [begin, end) in a sentence.
struct TokenSpan {
  size_t begin = 0;
  size_t end = 0;
};

// How a place stands in its sentence. A place may be where a count was made only in
// some of these roles; the others say where people came from, who reports, or who
// writes.
enum class PlaceRole {
  kPlain,       // no marker: a subject ("Manzhouli reported ..."), a frame, a list item
  kLocative,    // after in/at/across: where something is
  kOrigin,      // after from/via/through, or a border verb: where people came from
  kTarget,      // after to/into: where people went, or the other side of a measure
  kSource,      // a news outlet's place ("X's Daily News", "The Borneo Post")
  kOrganisation,// part of an organisation's name ("Michigan State University")
  kDateline,    // where the report was filed ("WELLINGTON:", "HOHHOT, April 12 --")
};

struct PlaceRef {
  TokenSpan span;
  Place place;
  PlaceRole role = PlaceRole::kPlain;
  bool demonym = false;
  bool possessive = false;  // followed by 's
  bool modifier = false;    // "a Montana child": says whom, not where the sentence is
  bool authority = false;   // names a reporting body: "the Sarawak Health Department"
  // A place that only says where the one before it is ("Fuzhou, Fujian Province",
  // "Pakistan's Punjab province"): it qualifies, it is not a place of its own. So is one
  // that only says where an outbreak began ("since the outbreak began in Limuru"), whom
  // people are ("缅甸籍人员") or which virus ("the UK variant").
  bool qualifier = false;
  // Left out of the figure by a word of exclusion ("全国（不含香港、澳门…）", "nationwide,
  // excluding Moscow"): a part of the whole, not its place; a qualifier too.
  bool excluded = false;
  // Where people come in: "arrivals into Singapore", "las personas que lleguen a España".
  // A measure on who enters is that place's, whatever role its preposition gives it.
  bool entered = false;
  // Whom a restriction is on: "the travel ban on India, Pakistan and Nepal". The other side
  // of a measure, with the places listed with it; none of them acts.
  bool restricted = false;
  // The place noun of an apposition after it ("Sao Paulo, the most populous state"), or
  // SIZE_MAX: says which reading of the name is meant.
  size_t apposition_noun = SIZE_MAX;
  // The verb of catching the infection it follows ("contracted the virus in Italy",
  // "se contagiaron en Italia"), or SIZE_MAX: the place says where the infection was
  // caught, which may be elsewhere than where it is counted; it does not move the text.
  size_t caught_by = SIZE_MAX;
};

// A phrase that refers back to a place: "the province", "it", "the country's".
struct Anaphor {
  TokenSpan span;
  std::optional<PlaceLevel> level;  // nullopt: "it"/"its", the last subject
  bool possessive = false;
  bool locative = false;  // "in the province"
  bool capital = false;   // "the capital": the capital of the country the text is in
  bool scope = false;     // "national", "statewide": says whose a figure is, moves no focus
  bool mainland = false;  // "the mainland": China, in a text about Hong Kong, Macao or Taiwan
  bool home = false;      // "国内": the country right before it, or the text's home country
};

struct QuantityRef {
  TokenSpan span;  // the number's own tokens (not the hedge)
  quantity::Quantity quantity;
  // The token where its hedge starts ("more than 40"), worked out once (HedgeStart asks
  // it of every count often); SIZE_MAX when not yet.
  size_t hedge_begin = SIZE_MAX;
};

struct DateRef {
  TokenSpan span;
  dates::DateMention mention;
};

// The term of terms.tsv starting at a token, if any.
struct TermAt {
  size_t length = 0;  // 0: none
  CaseTerm term;
};

struct SentenceView {
  text::Sentence sentence;
  std::vector<text::Token> tokens;
  std::unique_ptr<std::string> folded;  // what tokens' lower-cased forms view (text::Tokens)
  // Chinese in traditional characters: the sentence in simplified ones, which the
  // tokens' forms view instead of the text (ReadHanSimplified); else null.
  std::unique_ptr<std::string> simplified;
  std::vector<TermAt> terms;        // by token: the longest term starting there
  std::vector<uint32_t> cues;       // cue flags by token (set on every token of the phrase)
  uint32_t all_cues = 0;            // the cue flags of every token (the rules ask them often)
  std::vector<uint32_t> grammar;    // grammar classes by token (on every token of the phrase)
  std::vector<int> clause;          // clause number by token
  // Disease id starting at a token, else empty: views of the lexicon's strings, as a
  // string a token was a good part of building and dropping a sentence.
  std::vector<std::string_view> disease;
  std::vector<size_t> disease_length;  // its length in tokens
  // The first tokens of diseases named as what another causes ("can cause meningitis"):
  // the text does not go on about them.
  std::vector<size_t> complications;
  std::vector<PlaceRef> places;
  std::vector<Anaphor> anaphors;
  std::vector<QuantityRef> quantities;
  // No anchor and no place (see Lexicon::IsAnchorWord): only `sentence` and `tokens`
  // are filled, as nothing in it is read for events or for the document model.
  bool inert = false;
  bool heading = false;  // a short line without a verb: a title or a section heading
  bool measure_anchor = false;  // the words to start a measure are there: the rules run
  std::vector<bool> measure_start;  // by token: a measure word could start here

  uint32_t CuesIn(size_t begin, size_t end) const;
  // Whether tokens [begin, end) are only commas and words of `classes`: the joints of a
  // list ("X, Y and Z", "X、Y"). True for an empty range.
  bool OnlyJoints(size_t begin, size_t end, uint32_t classes) const;
  bool HasCue(uint32_t cue) const { return CuesIn(0, tokens.size()) & cue; }
  // Whether the word before token `k` carries one of `cues`, or the word before an adverb
  // there does: what ends right before "to X" ("travelled to X", "viajado recientemente a
  // X").
  bool CueBefore(size_t k, uint32_t cue) const {
    if (k == 0 || k > cues.size()) return false;
    if (cues[k - 1] & cue) return true;
    return k > 1 && Is(k - 1, kGrAuxiliary) && (cues[k - 2] & cue);
  }
  bool Is(size_t i, uint32_t grammar_class) const {
    return i < grammar.size() && (grammar[i] & grammar_class);
  }
  bool HasDisease() const;
  // Whether a tab stands between token i and the one before it: a table's cells pasted as
  // text ("Malawi\t24,112\t759").
  bool TabBefore(size_t i) const {
    return i > 0 && i < tokens.size() &&
           document.substr(tokens[i - 1].end, tokens[i].start - tokens[i - 1].end).find('\t') !=
               std::string_view::npos;
  }
  // Whether token i opens a table's cell: after a bar ("| 512") or a tab.
  bool OpensCell(size_t i) const {
    return i > 0 && i < tokens.size() && (tokens[i - 1].lower == "|" || TabBefore(i));
  }
  // Whether token i lies in a disease's name (names run 8 tokens at most here).
  bool InDisease(size_t i) const;
  // Whether token i is an "of" that ends a phrase of importation: "en provenance de",
  // "importés du", "importados de" (a cue of importation on it or right before it).
  bool OfImportation(size_t i) const {
    return Is(i, kGrOf) && ((cues[i] & kCueImported) || (i > 0 && (cues[i - 1] & kCueImported)));
  }
  // Token index of the first token starting at or after byte `offset`.
  size_t TokenAt(size_t offset) const;
  // The place mention covering token i, or nullptr.
  const PlaceRef* PlaceAt(size_t i) const;
  // The dates of the sentence, read on first use: most sentences yield no count and
  // no measure and start no dateline, so nothing asks, and dates are the dearest tier.
  const std::vector<DateRef>& Dates() const;
  // Whether token `k` lies in one of those dates ("in the past two weeks").
  bool InDate(size_t k) const;
  // Empties the view for another sentence, keeping the room of its vectors.
  void Clear();

  // What Dates() reads from (set by AnalyseSentence).
  std::string_view document;  // the whole text the sentence's offsets are in
  std::optional<Date> published;
  const dates::DateGrammar* date_grammar = nullptr;
  // The sentence as the English number and date readers cut it (word_scan), kept when
  // its quantities were read so that its dates are read from the same cut; else empty.
  std::vector<word_scan::Token> scanned;
  // The same for the other languages: script_scan's cut, kept when quantities were read.
  script_scan::Tokens script_scanned;

 private:
  mutable std::vector<DateRef> dates_;
  mutable bool dates_read_ = false;
};

// Builds the view of one sentence; `mentions` are the document's place mentions.
SentenceView AnalyseSentence(std::string_view text, const text::Sentence& sentence,
                             const std::vector<gazetteer::PlaceMention>& mentions,
                             const Lexicon& lexicon, const gazetteer::Gazetteer& gazetteer,
                             std::optional<Date> published);
// The same into `view` (cleared first): a view reused sentence after sentence is not
// allocated again, a dozen vectors a sentence.
void AnalyseSentence(std::string_view text, const text::Sentence& sentence,
                     const std::vector<gazetteer::PlaceMention>& mentions, const Lexicon& lexicon,
                     const gazetteer::Gazetteer& gazetteer, std::optional<Date> published,
                     SentenceView& view);

// What carries across the sentences of one document: the document model of places.
struct DocumentContext {
  std::optional<Date> published;
  // The place the text is about now: set by the headline and the lead, moved by the
  // subject of a sentence or a heading. Never a dateline, a source or an origin.
  std::optional<Place> focus;
  std::optional<Place> last_country;
  std::optional<Place> last_subdivision;
  std::optional<Place> last_city;
  std::string last_disease;
  std::string last_subtype;           // the last influenza subtype named ("h5n1")
  std::string main_disease;           // most frequent disease id in the document
  bool disease_named = false;         // the document names a disease (main_disease may be
                                      // taken for granted: UnnamedDisease)
  std::optional<Place> main_country;  // the country the document names most
  // The country a text in its language and script is about when it names none (Chinese:
  // China; in traditional characters, Taiwan); what "国内" means there.
  std::optional<Place> home_country;
  std::optional<Host> animal_context; // the animals the document is about, if any
  std::optional<Host> last_animal;    // the kind of animals named last ("turkeys": poultry)
  std::optional<Place> last_actor;    // who took the last measure read
  // The first place the text was about (its headline's or lead's): a paragraph that names
  // no place goes back to it from a town of it.
  std::optional<Place> lead_focus;
  // The national new figure of the last sentence that counted cases, while the sentences
  // after it count parts of it ("Seoul reported 1,842 cases" after the country's 9,715).
  std::optional<Event> last_new;
  // The status a table's heading line gives the cases its rows count ("Suspected cases
  // by region:"), while the rows go on.
  std::optional<CaseStatus> table_status;
  // The time its heading says they are of ("New cases by province:"), if it says one.
  std::optional<Aggregation> table_aggregation;
  // The columns a table's heading names after its first, the places' ("Provincia, Casos
  // nuevos, Acumulados, Fallecidos:"): what each counts, where a case word says so.
  struct TableColumn {
    bool counts = false;  // a case word names it ("Semana 14", "Tasa" count nothing)
    std::optional<CaseStatus> status;
    std::optional<Aggregation> aggregation;
  };
  std::vector<TableColumn> table_columns;
  // A line ending in a colon opened a table, and rows have followed it since.
  bool table_open = false;
  // The day its running totals are of, said as "as of" in its heading or right before.
  std::optional<Date> table_as_of;
};

// The kinds of animals a sentence names from token `from` on, in order, by an animal
// ("turkeys") or a place of animals ("a poultry farm"); not "birds" or "animals", which
// name no kind. The words inside a longer term name none ("野猪", wild boar, holds "猪").
std::vector<Host> KindsNamed(const SentenceView& view, size_t from = 0);

// The kind they are: the one kind a sentence names, or animals of several kinds
// (Host::kAnimal) where it names more ("cattle, goats and pigs").
std::optional<Host> KindNamed(const SentenceView& view);

// A table's row: a place opening the sentence, a colon or a dash, then a figure
// ("Zinder: 451 cases, 12 deaths").
bool IsTableRow(const SentenceView& view);

// The other places of a list "X, Y and Z" (or "X、Y") that `anchor` stands in: places
// with nothing but commas and coordination between them.
std::vector<const PlaceRef*> ListAround(const SentenceView& view, const PlaceRef& anchor);

// Where every place of the list `anchor` stands in lies ("Kie-Ntem, Litoral and Centre
// Sud provinces", "Washington and Montana"): the subdivision of cities that share one,
// else the country; nullopt when `anchor` is in no list, or the list spans countries.
std::optional<Place> PlaceOfList(const SentenceView& view, const PlaceRef& anchor,
                                 const gazetteer::Gazetteer& gazetteer);

// Whether token `at` stands inside brackets ("46 new cases (Guangdong 2, ...)"): a
// breakdown into parts.
bool InBrackets(const SentenceView& view, size_t at);

// Brackets as news in Latin and Chinese script write them: "(" and "（", ")" and "）".
inline bool IsOpenBracket(std::string_view word) { return word == "(" || word == "\uff08"; }
inline bool IsCloseBracket(std::string_view word) { return word == ")" || word == "\uff09"; }

// The subdivision a city's name also names and which the city lies in ("Garissa", "Lagos"),
// or nothing for a city without one or a place of another level.
std::optional<Place> RegionNamedLike(std::string_view text, const SentenceView& view,
                                     const PlaceRef& ref, const gazetteer::Gazetteer& gazetteer);

// Resolves an anaphor against the context (and the places earlier in the sentence).
std::optional<Place> ResolveAnaphor(const Anaphor& anaphor, const SentenceView& view,
                                    const DocumentContext& context,
                                    const gazetteer::Gazetteer& gazetteer);

// Before its events are read: a dateline of the text's first report is where the text
// is, until it names a place.
void RememberDateline(const SentenceView& view, DocumentContext& context,
                      const gazetteer::Gazetteer& gazetteer);

// Updates the context with what the sentence named. `read` are the events read from it:
// the places measures act on (their targets) are not where the text goes on, and a place
// abroad where nothing was read goes on only when it opens the sentence.
void RememberSentence(const SentenceView& view, std::span<const Event> read,
                      DocumentContext& context, const gazetteer::Gazetteer& gazetteer);

// The disease for an event read on tokens [at, end) (`end` 0: at `at` alone): nearest in
// the sentence, else the context's. ("and 12 children were hospitalized with dengue": the
// name right after the phrase is nearer than one before the count.)
std::string DiseaseNear(const SentenceView& view, size_t at, const DocumentContext& context,
                        size_t end = 0);

// The evidence record of a sentence.
// What a repeat of a figure tells that its first reading did not: the day a headline's
// figure was reported for, where its cases came from ("广东新增14例境外输入病例" over
// "3月19日广东省新增境外输入确诊病例14宗"; "Un cas ... chez un enfant de retour du Maroc").
void FillFrom(const Event& repeat, Event& first);

Evidence EvidenceOf(std::string_view text, const text::Sentence& sentence);

// Case events of one sentence. `previous` and `next` are the neighbouring sentences
// (for importation origins), if any.
void ExtractCases(std::string_view text, const SentenceView& view, const SentenceView* previous,
                  const SentenceView* next, const DocumentContext& context,
                  const Lexicon& lexicon, const gazetteer::Gazetteer& gazetteer,
                  std::vector<Event>& out);

// A count of a few people found in sentence `i` whose importation its sentence does not
// tell: the travel the next sentences about them tell, up to two ("The patient ... had
// arrived from Spain", "They had returned from Iran").
void ReadTravelOfFew(std::span<const SentenceView> views, size_t i, const Lexicon& lexicon,
                     Event& event);

// Measure events of one sentence.
void ExtractMeasures(std::string_view text, const SentenceView& view,
                     const DocumentContext& context, const Lexicon& lexicon,
                     const gazetteer::Gazetteer& gazetteer, std::vector<Event>& out);

}  // namespace epiwire::events

#endif  // EPIWIRE_EVENTS_ANALYSIS_H_
