// SPDX-License-Identifier: MIT
// The clean stage: boilerplate and duplicate removal, then story splitting and
// relevance. Tested by cleaner_test.cc.
//
// Passes over the lines (a line is a paragraph), each using what the one before
// decided:
//   1. each line alone, by the boilerplate lexicon (line_rules.h);
//   2. author boxes: a heading, then a name line and a bio line; lists of links
//      after "Related stories" and the like;
//   3. duplicates: a line whose folded words equal, or begin, an earlier line's;
//   4. context: author bios next to removed lines, and short unmatched lines wedged
//      between removed ones when one of those is certain boilerplate (the rest of a
//      browser warning, a site tagline);
//   5. stories: runs of kept lines, cut at teasers (a long line opening with an
//      upper-case kicker, or cut off mid-sentence after earlier content) and at
//      runs of boilerplate; each story is scored for relevance.
//
// The page is folded once, its lines joined by '\n' in one buffer, and the lexicons'
// phrases are found in one scan of that buffer; each line reads its view of the fold
// and its share of the matches. Blank lines are left out: no rule looks at them (the
// byte offsets keep lines apart where a blank line was between them). The working
// memory is kept by each thread from one page to the next.
#include "epiwire/clean/cleaner.h"

#include <algorithm>
#include <span>
#include <string>
#include <tuple>
#include <unordered_map>

#include "epiwire/clean/lexicon.h"
#include "epiwire/clean/line_rules.h"
#include "epiwire/clean/prefix_index.h"
#include "epiwire/clean/relevance.h"
#include "epiwire/clean/text_fold.h"

namespace epiwire::clean {
namespace {

constexpr size_t kMinDuplicateBytes = 40;
constexpr size_t kMinTeaserBytes = 150;
constexpr size_t kMinKickerLineBytes = 80;
constexpr size_t kMaxWedgedLineBytes = 160;
constexpr size_t kMaxWedgedRun = 3;
constexpr size_t kBoilerplateRunBreak = 3;  // this many removed lines in a row end a story
constexpr double kRelevantAt = 0.5;
// A story under the mark is read all the same (Story::second_look) from this probability
// on, up to this many bytes: a one-sentence item that names a disease scores about 0.3,
// a long one whose other words tell of something else (a city's buses, trams and ferries
// stopped "to contain the coronavirus") 0.15 to 0.2. The second look keeps it only if it
// tells a count or a measure.
constexpr double kSecondLookAt = 0.1;
constexpr size_t kSecondLookBytes = 600;
// A cut-off last line after an article goes on with it unless its own relevance is this
// low: the cut ends of outbreak articles read 0.15 to 0.5, off-topic teasers under 0.1.
constexpr double kCutTailRelevance = 0.12;

// Why a line was removed; kNone for kept and blank lines.
enum class Why { kNone, kLexicon, kCredit, kAuthor, kDuplicate, kContext };

// A non-blank line.
struct Line {
  size_t start = 0;
  size_t end = 0;          // before the '\n'
  size_t next = 0;         // start of the next line
  size_t content_end = 0;  // `end`, or where a glued tail begins
  Why why = Why::kNone;
  bool certain = false;  // certain boilerplate (for the context pass)
  bool duplicate_of_content = false;
  bool glued_author_heading = false;
  bool opens_link_list = false;
  // The line in the folded page: folded[fold_begin, fold_end).
  size_t fold_begin = 0;
  size_t fold_end = 0;
  // Its lexicon matches: boilerplate[boilerplate_begin, boilerplate_end) of the page's
  // list, and the same for relevance; and its words.
  size_t boilerplate_begin = 0;
  size_t boilerplate_end = 0;
  size_t relevance_begin = 0;
  size_t relevance_end = 0;
  size_t words = 0;

  bool kept() const { return why == Why::kNone; }
  bool removed() const { return why != Why::kNone; }
};

// A page being cleaned, and the working memory of the thread that cleans it.
struct Page {
  std::string_view text;
  std::vector<Line> lines;
  FoldedPage folded;  // the lines folded, each followed by '\n'
  std::vector<LiteralHit> hits;
  std::vector<std::vector<PhraseCandidate>> candidates;  // boilerplate's, relevance's
  std::vector<PhraseMatch> boilerplate;
  std::vector<PhraseMatch> relevance;
  RelevanceTally tally;
  PrefixIndex keys;
  std::string key;
  std::vector<std::pair<size_t, size_t>> heads;
  std::vector<bool> shares_head;

  FoldedView View(const Line& line) const {
    return folded.View(line.fold_begin, line.fold_end);
  }
  std::span<const PhraseMatch> Boilerplate(const Line& line) const {
    return std::span(boilerplate).subspan(line.boilerplate_begin,
                                          line.boilerplate_end - line.boilerplate_begin);
  }
  std::span<const PhraseMatch> Relevance(const Line& line) const {
    return std::span(relevance).subspan(line.relevance_begin,
                                        line.relevance_end - line.relevance_begin);
  }
};

// Memory over this is given back after a page, so that one huge page does not keep
// it for good.
constexpr size_t kKeptFoldBytes = 1u << 20;

void SplitLines(Page& page) {
  const std::string_view text = page.text;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t newline = text.find('\n', pos);
    Line line;
    line.start = pos;
    line.end = newline == std::string_view::npos ? text.size() : newline;
    line.next = newline == std::string_view::npos ? text.size() : newline + 1;
    line.content_end = line.end;
    pos = line.next;
    if (TrimSpaces(text.substr(line.start, line.end - line.start)).empty()) continue;
    std::tie(line.fold_begin, line.fold_end) = page.folded.AppendLine(line.start, line.end);
    page.lines.push_back(line);
  }
}

std::string_view Content(std::string_view text, const Line& line) {
  return TrimSpaces(text.substr(line.start, line.content_end - line.start));
}

// The folded view of Content(): the line's, without a glued tail.
FoldedView ContentView(const Page& page, const Line& line) {
  const FoldedView view = page.View(line);
  if (line.content_end == line.end) return view;
  const size_t* first = view.origin;
  const size_t* last = view.origin + view.text.size();
  const auto cut = static_cast<size_t>(std::lower_bound(first, last, line.content_end) - first);
  return view.Sub(0, cut);
}

// Index of the line before (step -1) or after (step +1) `index`, or -1.
long Neighbour(const std::vector<Line>& lines, long index, long step) {
  const long i = index + step;
  return i >= 0 && i < static_cast<long>(lines.size()) ? i : -1;
}

// Finds the lexicons' phrases in the whole folded page at once, then gives each line
// its matches.
void MatchLexicons(Page& page) {
  CleanLexicons().Scan(page.folded.text(), page.hits, page.candidates);
  const std::vector<PhraseCandidate>& boilerplate = page.candidates[0];
  const std::vector<PhraseCandidate>& relevance = page.candidates[1];
  size_t next_boilerplate = 0;
  size_t next_relevance = 0;
  // The candidates of a line: from the first that begins in it to the first that
  // begins after it.
  auto of_line = [](const std::vector<PhraseCandidate>& all, size_t& next, const Line& line) {
    while (next < all.size() && all[next].begin < line.fold_begin) ++next;
    size_t last = next;
    while (last < all.size() && all[last].begin < line.fold_end) ++last;
    std::span<const PhraseCandidate> of = std::span(all).subspan(next, last - next);
    next = last;
    return of;
  };
  for (Line& line : page.lines) {
    const FoldedView view = page.View(line);
    line.boilerplate_begin = page.boilerplate.size();
    BoilerplateLexicon().Choose(view, line.fold_begin, of_line(boilerplate, next_boilerplate, line),
                                page.boilerplate);
    line.boilerplate_end = page.boilerplate.size();
    line.relevance_begin = page.relevance.size();
    RelevanceLexicon().Choose(view, line.fold_begin, of_line(relevance, next_relevance, line),
                              page.relevance);
    line.relevance_end = page.relevance.size();
  }
}

void ClassifyEachLine(Page& page) {
  const std::string_view text = page.text;
  for (Line& line : page.lines) {
    const std::string_view content = text.substr(line.start, line.end - line.start);
    const FoldedView view = page.View(line);
    line.words = CountWords(view.text);
    LineVerdict verdict =
        ClassifyFoldedLine(content, view, page.Boilerplate(line), page.Relevance(line));
    line.certain = verdict.certain;
    switch (verdict.line_class) {
      case LineClass::kBoilerplate:
        line.why = Why::kLexicon;
        line.opens_link_list = verdict.opens_link_list;
        break;
      case LineClass::kCredit:
        line.why = Why::kCredit;
        break;
      case LineClass::kAuthorHeading:
        line.why = Why::kAuthor;
        break;
      case LineClass::kContent:
        if (verdict.glued_tail != std::string_view::npos) {
          line.content_end = line.start + verdict.glued_tail;
          line.glued_author_heading = verdict.glued_author_heading;
        }
        break;
    }
  }
  // A heading in capitals between paragraphs ("UNITED ARAB EMIRATES" / "The UAE will
  // suspend entry ...") is no certain furniture: it ends no story by itself.
  for (size_t i = 0; i + 1 < page.lines.size(); ++i) {
    Line& line = page.lines[i];
    if (line.why == Why::kLexicon && line.certain &&
        HeadsASection(Content(text, line), Content(text, page.lines[i + 1]))) {
      line.certain = false;
    }
  }
}

// After an author heading: an optional name line, then an optional bio line.
void RemoveAuthorBoxes(std::string_view text, std::vector<Line>& lines) {
  for (long i = 0; i < static_cast<long>(lines.size()); ++i) {
    const Line& heading = lines[static_cast<size_t>(i)];
    bool opens_box = heading.why == Why::kAuthor || heading.glued_author_heading;
    if (!opens_box) continue;
    long next = Neighbour(lines, i, +1);
    if (next < 0 || !lines[static_cast<size_t>(next)].kept()) continue;
    Line& first = lines[static_cast<size_t>(next)];
    std::string_view first_text = Content(text, first);
    if (LooksLikePersonName(first_text)) {
      first.why = Why::kAuthor;
      next = Neighbour(lines, next, +1);
      if (next < 0 || !lines[static_cast<size_t>(next)].kept()) continue;
    }
    Line& bio = lines[static_cast<size_t>(next)];
    if (LooksLikeAuthorBio(Content(text, bio))) bio.why = Why::kAuthor;
  }
}

// After "Related stories" and the like: the headline lines of the list. A list ends
// where the next one opens: that one's walk goes on from there the same way (it
// passes over removed lines as this one would), so each line is walked once.
void RemoveLinkLists(std::string_view text, std::vector<Line>& lines) {
  for (long i = 0; i < static_cast<long>(lines.size()); ++i) {
    if (!lines[static_cast<size_t>(i)].opens_link_list) continue;
    for (long j = Neighbour(lines, i, +1); j >= 0; j = Neighbour(lines, j, +1)) {
      Line& item = lines[static_cast<size_t>(j)];
      if (item.opens_link_list) break;
      if (item.removed()) continue;
      if (!LooksLikeLinkHeadline(Content(text, item))) break;
      item.why = Why::kContext;
    }
  }
}

// A video line repeats a title shown before it ("Park closed" ... "Park closed 01:44"):
// the title goes with the player. Kept lines are looked up among the titles, each
// title with the last video line that shows it.
void RemoveVideoTitles(std::string_view text, std::vector<Line>& lines) {
  std::unordered_map<std::string_view, size_t> last_video;  // title -> line index
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].why != Why::kLexicon) continue;
    const std::string_view title = WithoutDuration(Content(text, lines[i]));
    if (!title.empty()) last_video[title] = i;
  }
  if (last_video.empty()) return;
  for (size_t j = 0; j < lines.size(); ++j) {
    if (!lines[j].kept()) continue;
    const auto video = last_video.find(Content(text, lines[j]));
    if (video != last_video.end() && video->second > j) lines[j].why = Why::kContext;
  }
}

// Keeps the first of repeated paragraphs. A repeat of removed boilerplate is removed
// as boilerplate; a repeat of kept content as a duplicate; and so is a kept line whose
// key begins a longer earlier one (a teaser cut from a paragraph above).
//
// Two lines can only be related if their keys share the first kMinDuplicateBytes bytes
// (or are equal, when shorter): lines whose key head no other line has are passed
// over without building their whole key.
void RemoveDuplicates(Page& page) {
  std::vector<std::pair<size_t, size_t>>& heads = page.heads;  // (hash of head, line)
  heads.clear();
  for (size_t i = 0; i < page.lines.size(); ++i) {
    const Line& line = page.lines[i];
    if (Content(page.text, line).size() < kMinDuplicateBytes) continue;
    DuplicateKeyOfFolded(ContentView(page, line).text, page.key, kMinDuplicateBytes);
    heads.emplace_back(std::hash<std::string_view>()(page.key), i);
  }
  std::sort(heads.begin(), heads.end());
  std::vector<bool>& shares_head = page.shares_head;
  shares_head.assign(page.lines.size(), false);
  for (size_t i = 0; i < heads.size(); ++i) {
    const bool same_as_next = i + 1 < heads.size() && heads[i].first == heads[i + 1].first;
    const bool same_as_before = i > 0 && heads[i].first == heads[i - 1].first;
    if (same_as_next || same_as_before) shares_head[heads[i].second] = true;
  }
  PrefixIndex& keys = page.keys;  // key -> was the first one kept
  keys.Clear();
  for (size_t i = 0; i < page.lines.size(); ++i) {
    Line& line = page.lines[i];
    if (!shares_head[i]) continue;
    DuplicateKeyOfFolded(ContentView(page, line).text, page.key);
    const std::string& key = page.key;
    if (key.size() < kMinDuplicateBytes / 2) continue;
    if (line.kept()) {
      const PrefixIndex::Found found = keys.Find(key);
      if (found.equal) {
        line.why = Why::kDuplicate;
        line.duplicate_of_content = found.equal_value;
        continue;
      }
      // Keys shorter than kMinDuplicateBytes are only compared whole.
      if (key.size() >= kMinDuplicateBytes && found.longer) {
        line.why = Why::kDuplicate;
        line.duplicate_of_content = found.longer_value;
        continue;
      }
    }
    keys.Add(key, line.kept());
  }
}

bool IsRemoved(const std::vector<Line>& lines, long index) {
  return index >= 0 && lines[static_cast<size_t>(index)].removed();
}

bool IsCertain(const std::vector<Line>& lines, long index) {
  return index >= 0 && lines[static_cast<size_t>(index)].removed() &&
         lines[static_cast<size_t>(index)].certain;
}

// Author bios outside a box, and short unmatched lines wedged between removed lines.
void RemoveByContext(Page& page) {
  const std::string_view text = page.text;
  std::vector<Line>& lines = page.lines;
  long count = static_cast<long>(lines.size());
  for (long i = 0; i < count; ++i) {
    Line& line = lines[static_cast<size_t>(i)];
    if (!line.kept() || !LooksLikeAuthorBio(Content(text, line))) continue;
    long before = Neighbour(lines, i, -1);
    long after = Neighbour(lines, i, +1);
    if (before < 0 || after < 0 || IsRemoved(lines, before) || IsRemoved(lines, after)) {
      line.why = Why::kAuthor;
    }
  }
  for (long i = 0; i < count; ++i) {
    if (!lines[static_cast<size_t>(i)].kept()) continue;
    long before = Neighbour(lines, i, -1);
    std::vector<long> run;
    double relevance = 0;
    long j = i;
    for (; j >= 0 && lines[static_cast<size_t>(j)].kept(); j = Neighbour(lines, j, +1)) {
      const Line& candidate = lines[static_cast<size_t>(j)];
      std::string_view content = Content(text, candidate);
      if (content.size() > kMaxWedgedLineBytes || run.size() == kMaxWedgedRun) break;
      page.tally.Clear();
      page.tally.Add(page.Relevance(candidate), candidate.words);
      relevance += page.tally.evidence().weight;
      run.push_back(j);
    }
    bool run_complete = j < 0 || !lines[static_cast<size_t>(j)].kept();
    long after = j;
    // The top of the page counts as furniture: a short line before a certain one there
    // ("BBC Homepage World Service Education") is the site's header.
    bool wedged = (IsRemoved(lines, before) || before < 0) &&
                  (IsRemoved(lines, after) || after < 0) &&
                  (IsCertain(lines, before) || IsCertain(lines, after));
    if (run_complete && !run.empty() && wedged && relevance < 0.5) {
      for (long k : run) lines[static_cast<size_t>(k)].why = Why::kContext;
    }
    if (!run.empty()) i = run.back();
  }
}

// Whether a line forms a story alone (a teaser) or opens a new one.
struct StoryCue {
  bool alone = false;
  bool opens = false;
};

StoryCue CueFor(std::string_view content, bool after_content) {
  StoryCue cue;
  bool kicker = content.size() >= kMinKickerLineBytes && StartsWithKicker(content);
  bool cut = content.size() >= kMinTeaserBytes && EndsCutOff(content);
  cue.alone = cut && (kicker || after_content);
  cue.opens = kicker && after_content;
  return cue;
}

Story MakeStory(Page& page, size_t first, size_t last) {
  const std::string_view text = page.text;
  const std::vector<Line>& lines = page.lines;
  Story story;
  story.start = lines[first].start;
  while (story.start < lines[first].content_end &&
         (text[story.start] == ' ' || text[story.start] == '\t')) {
    ++story.start;
  }
  story.end = lines[last].content_end;
  while (story.end > story.start && TrimSpaces(text.substr(story.end - 1, 1)).empty()) --story.end;
  RelevanceTally& tally = page.tally;
  tally.Clear();
  std::vector<PhraseMatch> content_matches;
  for (size_t i = first; i <= last; ++i) {
    if (!lines[i].kept()) continue;
    // A glued tail removed from a line takes its words along: the line's matches are
    // chosen again among its candidates, in the view without the tail.
    if (lines[i].content_end < lines[i].end) {
      const FoldedView content = ContentView(page, lines[i]);
      const std::vector<PhraseCandidate>& candidates = page.candidates[1];
      auto from = std::lower_bound(candidates.begin(), candidates.end(), lines[i].fold_begin,
                                   [](const PhraseCandidate& candidate, size_t begin) {
                                     return candidate.begin < begin;
                                   });
      content_matches.clear();
      RelevanceLexicon().Choose(content, lines[i].fold_begin,
                                std::span(from, candidates.end()), content_matches);
      tally.Add(content_matches, CountWords(content.text));
    } else {
      tally.Add(page.Relevance(lines[i]), lines[i].words);
    }
  }
  const RelevanceEvidence evidence = tally.evidence();
  double probability = ScoreEvidence(evidence);
  story.relevant = probability >= kRelevantAt;
  story.score = story.relevant ? probability : 1.0 - probability;
  story.second_look = !story.relevant && probability >= kSecondLookAt && evidence.disease_named &&
                      story.end - story.start <= kSecondLookBytes;
  return story;
}

std::vector<Story> SplitStories(Page& page) {
  const std::string_view text = page.text;
  const std::vector<Line>& lines = page.lines;
  std::vector<Story> stories;
  long first = -1;
  long last = -1;
  bool last_alone = false;
  size_t removed_run = 0;
  size_t removed_lexicon = 0;
  bool removed_certain = false;
  std::vector<std::pair<size_t, size_t>> spans;  // each story's first and last line
  bool tail_alone = false;  // the page's last line of content stands alone, cut off
  auto close = [&] {
    if (first >= 0) {
      stories.push_back(MakeStory(page, static_cast<size_t>(first), static_cast<size_t>(last)));
      spans.emplace_back(static_cast<size_t>(first), static_cast<size_t>(last));
    }
    first = -1;
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.removed()) {
      if (line.why == Why::kCredit) continue;  // photo credits sit inside articles
      ++removed_run;
      removed_lexicon += line.why == Why::kLexicon ? 1 : 0;
      removed_certain |= line.certain || line.why == Why::kAuthor || line.why == Why::kContext;
      continue;
    }
    StoryCue cue = CueFor(Content(text, line), last >= 0);
    // One "Advertisement" or photo credit between paragraphs does not end an article.
    bool breaks = removed_run >= kBoilerplateRunBreak || removed_lexicon >= 2 || removed_certain;
    tail_alone =
        cue.alone && !cue.opens && !breaks && removed_run == 0 && first >= 0 && !last_alone;
    if (first >= 0 && (cue.alone || cue.opens || last_alone || breaks)) close();
    if (first < 0) first = static_cast<long>(i);
    last = static_cast<long>(i);
    last_alone = cue.alone;
    removed_run = 0;
    removed_lexicon = 0;
    removed_certain = false;
  }
  close();
  // A page saved or sent in part ends on its article's paragraph cut short, which reads
  // like a teaser glued after it; one that is not plainly about something else (a
  // central bank's rates, a press freedom row) goes on with the article it follows.
  const size_t n = stories.size();
  if (tail_alone && n >= 2 && spans[n - 1].first == spans[n - 1].second &&
      spans[n - 1].second + 1 == lines.size() && stories[n - 2].relevant &&
      !stories[n - 1].relevant && 1.0 - stories[n - 1].score >= kCutTailRelevance) {
    stories[n - 2] = MakeStory(page, spans[n - 2].first, spans[n - 1].second);
    stories.pop_back();
  }
  return stories;
}

std::vector<RemovedRange> CollectRemoved(const std::vector<Line>& lines) {
  std::vector<RemovedRange> removed;
  for (const Line& line : lines) {
    if (line.removed()) {
      RemovalReason reason = line.why == Why::kDuplicate && line.duplicate_of_content
                                 ? RemovalReason::kDuplicate
                                 : RemovalReason::kBoilerplate;
      // Lines removed for the same reason one after another make one range.
      if (!removed.empty() && removed.back().end == line.start && removed.back().reason == reason) {
        removed.back().end = line.next;
        continue;
      }
      removed.push_back({line.start, line.next, reason});
    } else if (line.kept() && line.content_end < line.end) {
      removed.push_back({line.content_end, line.end, RemovalReason::kBoilerplate});
    }
  }
  return removed;
}

}  // namespace

CleanResult CleanText(std::string_view text) {
  thread_local Page page;
  page.text = text;
  page.lines.clear();
  page.folded.Reset(text);
  page.boilerplate.clear();
  page.relevance.clear();
  SplitLines(page);
  MatchLexicons(page);
  ClassifyEachLine(page);
  RemoveAuthorBoxes(text, page.lines);
  RemoveLinkLists(text, page.lines);
  RemoveVideoTitles(text, page.lines);
  RemoveDuplicates(page);
  RemoveByContext(page);
  CleanResult result;
  result.stories = SplitStories(page);
  result.removed = CollectRemoved(page.lines);
  if (page.folded.capacity() > kKeptFoldBytes) page = Page();
  return result;
}

}  // namespace epiwire::clean
