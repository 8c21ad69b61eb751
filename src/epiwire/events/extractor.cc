// SPDX-License-Identifier: MIT
#include "epiwire/events/extractor.h"

#include <algorithm>
#include <map>
#include <set>
#include <span>
#include <tuple>

#include "epiwire/events/analysis.h"

namespace epiwire::events {
namespace {

// Whether a line breaks between sentence `j - 1` and sentence `j`.
bool LineBreakBefore(std::string_view text, std::span<const SentenceView> views, size_t j) {
  const size_t end = views[j - 1].sentence.end;
  return text.substr(end, views[j].sentence.start - end).find('\n') != std::string_view::npos;
}

// Whether the paragraph that starts with sentence `first` names a place that `named` holds
// of: `place` itself, or one in a country.
template <typename Pred>
bool ParagraphNames(std::string_view text, std::span<const SentenceView> views, size_t first,
                    Pred named) {
  for (size_t j = first; j < views.size(); ++j) {
    if (j > first && LineBreakBefore(text, views, j)) break;
    for (const PlaceRef& ref : views[j].places) {
      if (named(ref.place)) return true;
    }
  }
  return false;
}

// "The two patients were ...", "Of them, ...", "Among those, ...": a sentence that opens on
// the people counted before it.
bool RefersBack(const SentenceView& view) {
  const auto& tokens = view.tokens;
  if (tokens.size() < 2) return false;
  const bool number = tokens[1].has_digit || view.Is(1, kGrNumber);
  return (view.Is(0, kGrDefinite | kGrDeterminer) && number) ||
         (view.Is(0, kGrOf | kGrPart | kGrLocative) && view.Is(1, kGrPronoun | kGrDeterminer) &&
          (view.Is(1, kGrPronoun) || (tokens.size() > 2 && view.Is(2, kGrPronoun))));
}

// Whether place `wide` holds place `narrow`: no place holds any, a country its places,
// a subdivision its own.
bool Contains(const std::optional<Place>& wide, const std::optional<Place>& narrow) {
  if (!wide) return true;
  if (!narrow || wide->country != narrow->country) return false;
  if (wide->level == PlaceLevel::kCountry) return true;
  return wide->level == PlaceLevel::kSubdivision && !wide->subdivision.empty() &&
         wide->subdivision == narrow->subdivision;
}

// Whether two counts' hosts may be one's: the same, or animals of any kind and a kind
// ("155例狂犬病动物病例" in a headline over its story's "155 animals" of three kinds), or
// birds and a kind of birds. A headline and its story may read the host apart.
bool HostsMayAgree(Host a, Host b) {
  if (a == b) return true;
  if (a == Host::kHuman || b == Host::kHuman) return false;
  if (a == Host::kAnimal || b == Host::kAnimal) return true;
  const auto birds = [](Host h) {
    return h == Host::kBird || h == Host::kPoultry || h == Host::kWildBird;
  };
  return (a == Host::kBird || b == Host::kBird) && birds(a) && birds(b);
}

// The same figure read twice (a repeated paragraph, a headline and its story, a recap)
// is one event, the first reading, with what the others add to it; but a headline's
// terse words ("India reports 5,335 COVID-19 cases in a day") say less of its time than
// its story does ("5,335 new infections on Tuesday"): the story's time wins; and a
// headline that names no place says less of where ("Legionnaires' outbreak kills 8", read
// as the country's, is the Bronx's 8 of the story).
void RemoveRepeats(std::vector<Event>& events, const std::vector<size_t>& heading_starts,
                   const std::vector<size_t>& placeless_heading_starts) {
  // Whether a heading gave an event, asked of every pair compared: worked out once an
  // event (the starts are in text order).
  const auto starts_one_of = [](const std::vector<size_t>& starts, const Event& e) {
    return std::binary_search(starts.begin(), starts.end(), e.evidence.start);
  };
  std::vector<Event> kept;
  kept.reserve(events.size());
  std::vector<bool> kept_heading;     // by event of `kept`: read from a heading
  std::vector<bool> kept_placeless;   // from a heading that names no place
  std::vector<bool> placed_by_story;  // by event of `kept`: a headline's measure, placed
  // A repeat has the type, and the count and status or the kind of measure, of what it
  // repeats: the events kept are compared only with those that share them, so that a
  // long page's thousands of events are not each compared with all the others.
  using Key = std::tuple<EventType, int64_t, int>;
  const auto key_of = [](const Event& e) {
    return e.type == EventType::kCases ? Key{e.type, e.count, static_cast<int>(e.status)}
                                       : Key{e.type, 0, static_cast<int>(e.measure)};
  };
  std::map<Key, std::vector<size_t>> kept_by_key;
  // The sentences of a running total that a headline gave, with its period.
  std::vector<std::pair<size_t, Period>> started_by_heading;
  for (Event& event : events) {
    const bool heading = starts_one_of(heading_starts, event);
    const bool placeless = starts_one_of(placeless_heading_starts, event);
    const auto same = [&](size_t o) {
      const Event& other = kept[o];
      // (Hosts read apart agree only between a headline and its story.)
      if (other.host != event.host &&
          (!HostsMayAgree(other.host, event.host) || kept_heading[o] == heading)) {
        return false;
      }
      const bool same_place = other.place.has_value() == event.place.has_value() &&
                              (!other.place || other.place->SameAs(*event.place));
      if (event.type == EventType::kCases) {
        // "2 from the UK and 2 from France": the same count from two origins is two.
        const bool other_origin =
            other.origin && event.origin && other.origin->country != event.origin->country;
        // "Legionnaires' outbreak kills 8" over "An eighth was reported dead" in the Bronx,
        // "Cholera kills 12 in northern Nigeria" over "12 people have died ... in Kano
        // State": a headline's figure, placed nowhere or in the country or region its
        // story's is in.
        const bool other_heads = kept_heading[o] && !heading;
        const bool event_heads = heading && !kept_heading[o];
        // (Not a new figure over a running total: "Deux nouveaux cas confirmés en France"
        // over "Le deuxième cas ...".)
        const bool times_agree =
            !other.aggregation || !event.aggregation || *other.aggregation == *event.aggregation;
        const bool headline_wider =
            times_agree && ((other_heads && Contains(other.place, event.place)) ||
                            (event_heads && Contains(event.place, other.place)));
        return (same_place || headline_wider) && !other_origin;
      }
      const std::string_view a = other.place ? std::string_view(other.place->country) : "";
      const std::string_view b = event.place ? std::string_view(event.place->country) : "";
      // A measure imposed and one tightened of the same kind and place are one ("have
      // stepped up health checks ... will need to give blood samples").
      const auto imposes = [](MeasureAction action) {
        return action == MeasureAction::kImpose || action == MeasureAction::kTighten;
      };
      // "Government orders quarantine for travellers" over "People arriving in Spain must
      // go into quarantine": a headline's measure, placed nowhere, is its story's first.
      const bool headline_of = kept_placeless[o] && !heading && !placed_by_story[o];
      return (other.action == event.action || (imposes(other.action) && imposes(event.action))) &&
             (a == b || headline_of);
    };
    std::vector<size_t>& candidates = kept_by_key[key_of(event)];
    const auto found = std::find_if(candidates.begin(), candidates.end(), same);
    if (found == candidates.end()) {
      candidates.push_back(kept.size());
      kept.push_back(std::move(event));
      kept_heading.push_back(heading);
      kept_placeless.push_back(placeless);
      placed_by_story.push_back(false);
      continue;
    }
    const size_t r = *found;
    Event* const repeat = &kept[r];
    if (event.type == EventType::kCases) {
      if (kept_heading[r] && !heading) repeat->host = event.host;
      if (kept_heading[r] && !heading && event.aggregation) {
        repeat->aggregation = event.aggregation;
        // ("广州前8个月报告423人感染登革热" over "截至8月20日...423例": the headline's start, where
        // the story gives only the day its running total is of.)
        const std::optional<Date> said_start =
            repeat->period ? repeat->period->start : std::nullopt;
        if (event.period) repeat->period = event.period;
        if (repeat->period && !repeat->period->start && repeat->period->end && said_start &&
            *said_start <= *repeat->period->end && event.aggregation == Aggregation::kCumulative) {
          repeat->period->start = said_start;
        }
        if (repeat->period && repeat->period->start && repeat->period->end &&
            event.aggregation == Aggregation::kCumulative) {
          started_by_heading.emplace_back(event.evidence.start, *repeat->period);
        }
        repeat->qualifier = event.qualifier;
      }
      if (kept_heading[r] && !heading && event.place) repeat->place = event.place;
      FillFrom(event, *repeat);
    } else {
      if (kept_placeless[r] && !heading) {
        repeat->place = event.place;
        placed_by_story[r] = true;
      }
      // "China closes its border" over "... the closure of the border with Russia".
      if (!repeat->target) repeat->target = std::move(event.target);
    }
  }
  // ("其中,广州市报告登革热病例423例(本地病例401例,输入性病例22例)": the running totals of
  // that sentence to the same day, its parts, run from the same start.)
  for (const auto& [sentence, period] : started_by_heading) {
    for (Event& other : kept) {
      if (other.type == EventType::kCases && other.evidence.start == sentence && other.period &&
          !other.period->start && other.period->end == period.end &&
          other.aggregation == Aggregation::kCumulative) {
        other.period->start = period.start;
      }
    }
  }
  // "More than 9,000 sea lions dead" over "9,140 sea lions died": a headline's rounded
  // figure is its story's exact one.
  // (Only a heading's figures are looked for: a few a page.)
  const auto rounds_a_story_figure = [&](size_t r) {
    const Event& rounded = kept[r];
    if (rounded.type != EventType::kCases || !kept_heading[r] ||
        rounded.qualifier == Qualifier::kExact || rounded.qualifier == Qualifier::kAtMost) {
      return false;
    }
    for (size_t e = 0; e < kept.size(); ++e) {
      const Event& exact = kept[e];
      if (e != r && exact.type == EventType::kCases && !kept_heading[e] &&
          exact.status == rounded.status && exact.host == rounded.host &&
          exact.count >= rounded.count && 4 * exact.count <= 5 * rounded.count &&
          Contains(rounded.place, exact.place)) {
        return true;
      }
    }
    return false;
  };
  std::vector<bool> rounded(kept.size());
  for (size_t e = 0; e < kept.size(); ++e) rounded[e] = rounds_a_story_figure(e);
  events.clear();
  for (size_t e = 0; e < kept.size(); ++e) {
    if (!rounded[e]) events.push_back(std::move(kept[e]));
  }
}

// The national new figure the sentences after it may break down (DocumentContext::
// last_new): the first of the events of a sentence from `first`; a sentence of running
// totals ends it.
void RememberNewFigure(const std::vector<Event>& events, size_t first, DocumentContext& context) {
  bool counted = false;
  bool counted_new = false;
  for (size_t e = first; e < events.size(); ++e) {
    const Event& event = events[e];
    if (event.type != EventType::kCases) continue;
    counted = true;
    if (event.aggregation != Aggregation::kNew) continue;
    if (!counted_new && event.place && event.place->level == PlaceLevel::kCountry) {
      context.last_new = event;
    }
    counted_new = true;
  }
  if (counted && !counted_new) context.last_new.reset();
}

// "Kenya reported 40 new cases on Monday. Nairobi accounted for 12 of the new cases": a
// new figure that no reading of it dates is of the day of the last new figure the text
// dated; before any, of the day before the news (a day's figures are published the next
// day: "The ministry reported 5 new deaths").
void DateUndatedNewCounts(const std::optional<Date>& published, std::vector<Event>& events) {
  std::optional<Period> last;  // of the last new figure the text dated
  for (Event& event : events) {
    if (event.type != EventType::kCases || event.aggregation != Aggregation::kNew) continue;
    if (event.period) {
      last = event.period;
    } else if (last) {
      event.period = last;
    } else if (published) {
      const Date day = published->AddDays(-1);
      event.period = Period{day, day};
    }
  }
}

// "On Tuesday, the country confirmed 4,059 new cases, raising its total case tally to
// 225,365. Death toll from the viral disease increased by 35 to 1,693": a running total no
// reading of it dates, right after a sentence of a day's report (a new figure and a running
// total of one earlier day), is of that report's day, not of the day of the news.
void DateTotalsAfterADaysReport(std::string_view text, const std::optional<Date>& published,
                                std::vector<Event>& events) {
  if (!published) return;
  const auto undated_total = [&](const Event& e) {
    return e.type == EventType::kCases && e.aggregation == Aggregation::kCumulative && e.period &&
           !e.period->start && e.period->end == published;
  };
  // The sentence of the last events seen, and the days of its figures.
  size_t sentence_start = SIZE_MAX;
  size_t sentence_end = 0;
  std::optional<Date> new_day;
  std::optional<Date> total_day;
  size_t previous_end = SIZE_MAX;  // the end of the sentence before
  std::optional<Date> previous_day;
  for (Event& event : events) {
    if (event.type != EventType::kCases) continue;
    if (event.evidence.start != sentence_start) {
      previous_end = sentence_end;
      previous_day = new_day && total_day && *new_day == *total_day ? new_day : std::nullopt;
      sentence_start = event.evidence.start;
      sentence_end = event.evidence.end;
      new_day.reset();
      total_day.reset();
    }
    const bool adjacent =
        previous_end <= sentence_start &&
        text.substr(previous_end, sentence_start - previous_end).find_first_not_of(" \t\r\n") ==
            std::string_view::npos;
    if (undated_total(event) && previous_day && adjacent && *previous_day < *published) {
      event.period->end = previous_day;
    }
    if (!event.period || !event.period->end || *event.period->end >= *published) continue;
    if (event.aggregation == Aggregation::kNew && event.period->start == event.period->end) {
      new_day = event.period->end;
    }
    if (event.aggregation == Aggregation::kCumulative) total_day = event.period->end;
  }
}

std::string MainDisease(std::span<const SentenceView> views) {
  std::map<std::string_view, int> counts;
  for (const SentenceView& view : views) {
    for (const std::string_view d : view.disease) {
      if (!d.empty()) ++counts[d];
    }
  }
  std::string_view best;
  int best_count = 0;
  for (const auto& [id, count] : counts) {
    if (count > best_count) {
      best = id;
      best_count = count;
    }
  }
  return std::string(best);
}

// The animals the document speaks of, if one kind makes most of the kinds it names: with
// cattle, pigs and sheep all named, "cases" of foot-and-mouth disease are just animals.
// The general words ("birds", "animals") speak of the kinds named, and only where none is
// of themselves ("infected animals" in a text on cattle are cattle).
std::optional<Host> MainAnimal(std::span<const SentenceView> views) {
  std::map<Host, int> kinds;
  std::map<Host, int> general;
  int total = 0;
  for (const SentenceView& view : views) {
    for (const TermAt& term : view.terms) {
      if (term.length == 0 || term.term.role != TermRole::kAnimal) continue;
      const Host host = *term.term.host;
      if (host == Host::kBird || host == Host::kAnimal) {
        ++general[host];
      } else {
        ++kinds[host];
        ++total;
      }
    }
  }
  const auto most = [](const std::map<Host, int>& counts) {
    return std::max_element(counts.begin(), counts.end(),
                            [](const auto& a, const auto& b) { return a.second < b.second; });
  };
  if (kinds.empty()) {
    if (general.empty()) return std::nullopt;
    return most(general)->first;
  }
  const auto best = most(kinds);
  if (best->second * 3 < total * 2) return Host::kAnimal;
  return best->first;
}

// How often the document names each country, counting its places, its outlets' and its
// organisations' ("新疆生产建设兵团" is Chinese); not the places people came from, went to
// or caught their infection in: a report of cases in travellers "who had returned from
// Spain" is not about Spain. (Where they come into is: "arriving in Spain".)
std::map<std::string, int> CountryMentions(std::span<const SentenceView> views) {
  std::map<std::string, int> counts;
  for (const SentenceView& view : views) {
    for (const PlaceRef& ref : view.places) {
      // (Nor a qualifier: "the UK variant", "缅甸籍人员", or the region after a city, whose
      // country the city's name counts.)
      if (ref.place.country.empty() || ref.role == PlaceRole::kOrigin ||
          (ref.role == PlaceRole::kTarget && !ref.entered) || ref.caught_by != SIZE_MAX ||
          ref.qualifier) {
        continue;
      }
      ++counts[ref.place.country];
    }
  }
  return counts;
}

// The country the document names most often.
std::optional<Place> MainCountry(const std::map<std::string, int>& mentions,
                                 const gazetteer::Gazetteer& gazetteer) {
  std::string best;
  int best_count = 0;
  for (const auto& [country, count] : mentions) {
    if (count > best_count) {
      best = country;
      best_count = count;
    }
  }
  if (best.empty()) return std::nullopt;
  return gazetteer.Country(best);
}

// News of the COVID-19 pandemic often takes its disease for granted ("广东新增14例境外
// 输入病例", "14 new imported cases"): a document about people that names no disease,
// published while the WHO held COVID-19 a public health emergency of international
// concern (30 January 2020 to 5 May 2023), speaks of it.
std::string UnnamedDisease(const std::optional<Date>& published,
                           const std::optional<Host>& animals) {
  constexpr Date kEmergencyDeclared{2020, 1, 30};
  constexpr Date kEmergencyEnded{2023, 5, 5};
  if (!published || animals || *published < kEmergencyDeclared || *published > kEmergencyEnded) {
    return "";
  }
  return "covid-19";
}

// "Busia County recorded 11 cases ... Nakuru County 3 ... Garissa has been the hardest hit":
// a text that names two regions of a country or more by their region noun counts by
// region; a city of that country named like its region is the region there.
void ReadPlacesAtTheTextsLevel(std::string_view text, std::span<SentenceView> views,
                               const gazetteer::Gazetteer& gazetteer) {
  std::map<std::string, std::set<std::string>> named;  // by country: regions named so
  for (const SentenceView& view : views) {
    for (const PlaceRef& ref : view.places) {
      const size_t last = ref.span.end - 1;
      if (ref.place.level == PlaceLevel::kSubdivision && ref.span.end > ref.span.begin + 1 &&
          view.Is(last, kGrPlaceNoun)) {
        named[ref.place.country].insert(ref.place.subdivision);
      }
    }
  }
  for (SentenceView& view : views) {
    for (PlaceRef& ref : view.places) {
      if (ref.place.level != PlaceLevel::kCity || ref.qualifier || ref.demonym) continue;
      const auto regions = named.find(ref.place.country);
      if (regions == named.end() || regions->second.size() < 2) continue;
      if (auto region = RegionNamedLike(text, view, ref, gazetteer)) ref.place = *region;
    }
  }
}

// "Все пациенты посещали Италию", "All of the patients had travelled to Italy": a sentence
// that opens on all the people counted before and tells where they had been (it counts
// none itself: the caller asks). The place they came from, or nullptr.
const PlaceRef* OriginOfAllToldOf(const SentenceView& view) {
  size_t k = 0;
  while (k < view.tokens.size() && k < 2 && !view.tokens[k].is_word) ++k;
  if (k >= view.tokens.size() || !view.Is(k, kGrAll)) return nullptr;
  bool people = false;
  for (size_t m = k + 1; m < view.tokens.size() && m < k + 4 && !people; ++m) {
    const TermAt& term = view.terms[m];
    people = term.length > 0 &&
             (term.term.role == TermRole::kPerson || term.term.role == TermRole::kNoun);
  }
  if (!people) return nullptr;
  for (const PlaceRef& ref : view.places) {
    if ((ref.role == PlaceRole::kOrigin || ref.caught_by != SIZE_MAX) && !ref.demonym &&
        !ref.place.country.empty()) {
      return &ref;
    }
  }
  return nullptr;
}

}  // namespace

std::vector<gazetteer::PlaceMention> PlacesOfSentences(const gazetteer::Gazetteer& gazetteer,
                                                       std::string_view text, size_t begin,
                                                       size_t end) {
  std::vector<gazetteer::PlaceMention> mentions =
      gazetteer.FindPlaces(text.substr(begin, end - begin));
  for (gazetteer::PlaceMention& mention : mentions) {
    mention.start += begin;
    mention.end += begin;
  }
  return mentions;
}

std::vector<Event> EventExtractor::Extract(std::string_view text,
                                           const std::vector<text::Sentence>& sentences,
                                           std::optional<Date> published) const {
  if (sentences.empty()) return {};
  return Extract(
      text, sentences, published,
      PlacesOfSentences(gazetteer_, text, sentences.front().start, sentences.back().end));
}

std::vector<Event> EventExtractor::Extract(
    std::string_view text, const std::vector<text::Sentence>& sentences,
    std::optional<Date> published, const std::vector<gazetteer::PlaceMention>& mentions) const {
  if (sentences.empty()) return {};
  // The views of the sentences read before on this thread: each keeps the room of its
  // vectors, so that a sentence's view (a dozen vectors) is not allocated again. A long
  // document's are let go past kKeptViews.
  constexpr size_t kKeptViews = 2048;
  thread_local std::vector<SentenceView> kept_views;
  if (kept_views.size() < sentences.size()) kept_views.resize(sentences.size());
  const std::span<SentenceView> views(kept_views.data(), sentences.size());
  for (size_t i = 0; i < sentences.size(); ++i) {
    AnalyseSentence(text, sentences[i], mentions, lexicon_, gazetteer_, published, views[i]);
  }
  ReadPlacesAtTheTextsLevel(text, views, gazetteer_);
  DocumentContext context;
  context.published = published;
  context.main_disease = MainDisease(views);
  context.disease_named = !context.main_disease.empty();
  const std::map<std::string, int> named_countries = CountryMentions(views);
  context.main_country = MainCountry(named_countries, gazetteer_);
  if (!lexicon_.home_country().empty()) {
    // (Written in traditional characters: most sentences have a simplified copy.)
    const size_t traditional = static_cast<size_t>(std::count_if(
        views.begin(), views.end(), [](const SentenceView& v) { return v.simplified != nullptr; }));
    context.home_country = gazetteer_.Country(traditional * 2 >= views.size() &&
                                                      !lexicon_.home_country_traditional().empty()
                                                  ? lexicon_.home_country_traditional()
                                                  : lexicon_.home_country());
  }
  // A text that names no country is its home country's; not a text in traditional
  // characters that names places of China's, as Hong Kong's reports of the mainland's
  // cases do ("居於廣西壯族自治區桂林市").
  if (!context.main_country && context.home_country) {
    const bool places_named =
        std::any_of(mentions.begin(), mentions.end(),
                    [](const gazetteer::PlaceMention& m) { return !m.place.country.empty(); });
    context.main_country =
        places_named ? gazetteer_.Country(lexicon_.home_country()) : context.home_country;
  }
  context.animal_context = MainAnimal(views);
  if (context.main_disease.empty()) {
    context.main_disease = UnnamedDisease(published, context.animal_context);
  }
  // A text that names no infectious disease but another condition ("48,000 new cases of
  // lung cancer ... The disease killed 35,000 people") counts none of an outbreak's
  // cases: the disease it takes for granted would be a guess.
  const bool condition_only =
      !context.disease_named && std::any_of(views.begin(), views.end(), [](const SentenceView& v) {
        return !v.inert && (v.all_cues & kCueCondition);
      });
  // Room for an event a sentence (pages give fewer): an event is 700 bytes, and each
  // regrowth moved every one read so far.
  std::vector<Event> events;
  events.reserve(std::min<size_t>(sentences.size(), 256));
  bool new_paragraph = false;  // a line break since the last sentence read
  size_t paragraph_first = 0;  // the first event of the paragraph being read
  std::optional<Place> home;   // the lead's place, where its country is named most
  for (size_t i = 0; i < views.size(); ++i) {
    new_paragraph = new_paragraph || (i > 0 && LineBreakBefore(text, views, i));
    if (views[i].inert) {
      // "Из них:\nАкмолинская область – 96;": a line of no figure that ends on a colon
      // opens a table, whose rows count parts of the count before it.
      if (!views[i].tokens.empty() && views[i].tokens.back().lower == ":") {
        context.table_open = true;
        context.table_status.reset();
        context.table_columns.clear();
      }
      continue;
    }
    const SentenceView* previous = i > 0 ? &views[i - 1] : nullptr;
    const SentenceView* next = i + 1 < views.size() ? &views[i + 1] : nullptr;
    const size_t first_new = events.size();
    // "In Goma, two more cases were confirmed ...\n\nThe cumulative total is 2,489": a new
    // paragraph is about the text's place again, not the town the last one went to; nor
    // the region, in a text about a country ("Las cuarentenas en Antofagasta ... fueron
    // prorrogadas.\n\nSe confirmaron 2.660 nuevos casos"), unless it refers back to it.
    // (Not one that names the town again: "经绥芬河口岸入境的84名确诊病例".)
    // (A sentence that refers back to a place, "the region", "the country", is about it.)
    const bool anaphor = std::any_of(views[i].anaphors.begin(), views[i].anaphors.end(),
                                     [](const Anaphor& a) { return !a.scope; });
    const auto away = [&](const Place& focus) {
      if (focus.level == PlaceLevel::kCity) return true;
      return focus.level == PlaceLevel::kSubdivision &&
             context.lead_focus->level == PlaceLevel::kCountry && !anaphor;
    };
    if (new_paragraph && context.lead_focus && context.focus && away(*context.focus) &&
        Contains(context.lead_focus, context.focus) &&
        !context.focus->SameAs(*context.lead_focus) &&
        !ParagraphNames(text, views, i, [&](const Place& p) { return p.SameAs(*context.focus); }) &&
        !RefersBack(views[i])) {
      context.focus = context.lead_focus;
    }
    // "In neighbouring India, Kerala reported 3,400 cases.\n\nThe ministry said 812 new
    // cases were reported": a new paragraph that names no place of the country the last
    // went to, nor refers back to it, is about the text's place again: its lead's, where
    // no country is named more often than the lead's.
    if (new_paragraph && home && context.focus && !context.focus->country.empty() &&
        context.focus->country != home->country &&
        !ParagraphNames(text, views, i,
                        [&](const Place& p) { return p.country == context.focus->country; }) &&
        !RefersBack(views[i]) && !anaphor) {
      context.focus = home;
      context.last_country = gazetteer_.Country(home->country);
    }
    if (new_paragraph) paragraph_first = events.size();
    new_paragraph = false;
    RememberDateline(views[i], context, gazetteer_);
    if (!condition_only) {
      ExtractCases(text, views[i], previous, next, context, lexicon_, gazetteer_, events);
    }
    for (size_t e = first_new; e < events.size(); ++e)
      ReadTravelOfFew(views, i, lexicon_, events[e]);
    // "... у двух человек: жителей Калининградской и Белгородской областей. Все пациенты
    // посещали Италию": where all those counted before in the paragraph had been, abroad.
    if (first_new == events.size()) {
      if (const PlaceRef* from = OriginOfAllToldOf(views[i])) {
        for (size_t e = paragraph_first; e < first_new; ++e) {
          Event& told = events[e];
          if (told.type != EventType::kCases || told.host != Host::kHuman || told.origin ||
              !told.place || told.place->country == from->place.country) {
            continue;
          }
          told.imported = true;
          told.origin = from->place;
        }
      }
    }
    RememberNewFigure(events, first_new, context);
    const size_t first_measure = events.size();
    ExtractMeasures(text, views[i], context, lexicon_, gazetteer_, events);
    bool measured = false;
    for (size_t e = first_measure; e < events.size(); ++e) {
      if (events[e].place) context.last_actor = events[e].place;
      measured = true;
    }
    const std::optional<Place> focus = context.focus;
    const bool table_was_open = context.table_open;
    RememberSentence(views[i], std::span<const Event>(events).subspan(first_new), context,
                     gazetteer_);
    // "As of 5 February 2023, the ministry reported the following cases by district." then
    // "District, Cases, Deaths:": the day the table's running totals are of, said in its
    // heading or in the sentence before it.
    if (context.table_open && !table_was_open) {
      context.table_as_of.reset();
      for (const SentenceView* said : {static_cast<const SentenceView*>(&views[i]), previous}) {
        if (said == nullptr || context.table_as_of) continue;
        for (const DateRef& date : said->Dates()) {
          if (date.mention.kind == dates::DateKind::kUntil && date.mention.period.end) {
            context.table_as_of = date.mention.period.end;
          }
        }
      }
    }
    if (!context.lead_focus) {
      context.lead_focus = context.focus;
      const auto named =
          context.focus ? named_countries.find(context.focus->country) : named_countries.end();
      if (named != named_countries.end() &&
          std::none_of(named_countries.begin(), named_countries.end(),
                       [&](const auto& other) { return other.second > named->second; })) {
        home = context.focus;
      }
    }
    // A text that moves on to another place without a measure there leaves the last
    // actor behind ("Idem en Mauritanie où les écoles ... Son espace aérien sera fermé").
    if (!measured && context.focus && (!focus || !context.focus->SameAs(*focus))) {
      context.last_actor.reset();
    }
  }
  std::vector<size_t> heading_starts;
  std::vector<size_t> placeless_heading_starts;  // headings that name no place
  for (const SentenceView& view : views) {
    if (!view.heading) continue;
    heading_starts.push_back(view.sentence.start);
    if (view.places.empty()) placeless_heading_starts.push_back(view.sentence.start);
  }
  RemoveRepeats(events, heading_starts, placeless_heading_starts);
  // Where imported cases came from is neither where they are counted nor a place that
  // lies in it or holds it: such a place read as an origin is where they came in ("经绥芬河
  // 口岸入境的84名确诊病例": through the Suifenhe port, not from it). (A country of origin
  // that holds the place says rather that the place's name was read in the wrong country:
  // "truck drivers from Kenya tested positive at the Busia border post".)
  for (Event& event : events) {
    if (!event.origin || !event.place) continue;
    const bool country = event.origin->level == PlaceLevel::kCountry;
    if (event.origin->SameAs(*event.place) || Contains(event.place, event.origin) ||
        (!country && Contains(event.origin, event.place))) {
      event.origin.reset();
    }
  }
  DateUndatedNewCounts(published, events);
  DateTotalsAfterADaysReport(text, published, events);
  if (kept_views.size() > kKeptViews) kept_views.resize(kKeptViews);
  return events;
}

}  // namespace epiwire::events
