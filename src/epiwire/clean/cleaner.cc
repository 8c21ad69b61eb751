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
#include "epiwire/clean/cleaner.h"

#include <string>
#include <unordered_map>

#include "epiwire/clean/lexicon.h"
#include "epiwire/clean/line_rules.h"
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

// Why a line was removed; kNone for kept and blank lines.
enum class Why { kNone, kLexicon, kCredit, kAuthor, kDuplicate, kContext };

struct Line {
  size_t start = 0;
  size_t end = 0;          // before the '\n'
  size_t next = 0;         // start of the next line
  size_t content_end = 0;  // `end`, or where a glued tail begins
  bool blank = false;
  Why why = Why::kNone;
  bool certain = false;  // certain boilerplate (for the context pass)
  bool duplicate_of_content = false;
  bool glued_author_heading = false;
  bool opens_link_list = false;
  // The line's relevance-lexicon matches and words, found once with its boilerplate.
  std::vector<PhraseMatch> relevance;
  size_t words = 0;

  bool kept() const { return !blank && why == Why::kNone; }
  bool removed() const { return !blank && why != Why::kNone; }
};

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t newline = text.find('\n', pos);
    Line line;
    line.start = pos;
    line.end = newline == std::string_view::npos ? text.size() : newline;
    line.next = newline == std::string_view::npos ? text.size() : newline + 1;
    line.content_end = line.end;
    line.blank = TrimSpaces(text.substr(pos, line.end - pos)).empty();
    lines.push_back(line);
    pos = line.next;
  }
  return lines;
}

std::string_view Content(std::string_view text, const Line& line) {
  return TrimSpaces(text.substr(line.start, line.content_end - line.start));
}

// Index of the nearest non-blank line before (step -1) or after (step +1) `index`, or -1.
long Neighbour(const std::vector<Line>& lines, long index, long step) {
  for (long i = index + step; i >= 0 && i < static_cast<long>(lines.size()); i += step) {
    if (!lines[static_cast<size_t>(i)].blank) return i;
  }
  return -1;
}

void ClassifyEachLine(std::string_view text, std::vector<Line>& lines) {
  for (Line& line : lines) {
    if (line.blank) continue;
    const std::string_view content = text.substr(line.start, line.end - line.start);
    const FoldedText folded = FoldText(content);
    line.relevance = RelevanceLexicon().FindAll(folded);
    line.words = CountWords(folded.text);
    LineVerdict verdict = ClassifyFoldedLine(content, folded, line.relevance);
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
}

// After an author heading: an optional name line, then an optional bio line.
void RemoveAuthorBoxes(std::string_view text, std::vector<Line>& lines) {
  for (long i = 0; i < static_cast<long>(lines.size()); ++i) {
    const Line& heading = lines[static_cast<size_t>(i)];
    bool opens_box =
        (heading.why == Why::kAuthor && !heading.blank) || heading.glued_author_heading;
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
// as boilerplate; a repeat of kept content as a duplicate.
void RemoveDuplicates(std::string_view text, std::vector<Line>& lines) {
  std::unordered_map<std::string, bool> first_kept;  // key -> was the first one kept
  // Keys of at least kMinDuplicateBytes, by their first kMinDuplicateBytes bytes: a
  // line that begins an earlier one shares that head with it.
  std::unordered_map<std::string, std::vector<std::pair<std::string, bool>>> by_head;
  for (Line& line : lines) {
    if (line.blank) continue;
    std::string_view content = Content(text, line);
    if (content.size() < kMinDuplicateBytes) continue;
    std::string key = DuplicateKey(content);
    if (key.size() < kMinDuplicateBytes / 2) continue;
    if (line.kept()) {
      auto found = first_kept.find(key);
      if (found != first_kept.end()) {
        line.why = Why::kDuplicate;
        line.duplicate_of_content = found->second;
        continue;
      }
      auto head = key.size() >= kMinDuplicateBytes ? by_head.find(key.substr(0, kMinDuplicateBytes))
                                                   : by_head.end();
      if (head != by_head.end()) {
        for (const auto& [other, other_kept] : head->second) {
          if (other.size() > key.size() && other.compare(0, key.size(), key) == 0) {
            line.why = Why::kDuplicate;
            line.duplicate_of_content = other_kept;
            break;
          }
        }
      }
      if (line.removed()) continue;
    }
    if (first_kept.emplace(key, line.kept()).second && key.size() >= kMinDuplicateBytes) {
      by_head[key.substr(0, kMinDuplicateBytes)].emplace_back(key, line.kept());
    }
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
void RemoveByContext(std::string_view text, std::vector<Line>& lines) {
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
      RelevanceTally tally;
      tally.Add(candidate.relevance, candidate.words);
      relevance += tally.evidence().weight;
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

Story MakeStory(std::string_view text, const std::vector<Line>& lines, size_t first, size_t last) {
  Story story;
  story.start = lines[first].start;
  while (story.start < lines[first].content_end &&
         (text[story.start] == ' ' || text[story.start] == '\t')) {
    ++story.start;
  }
  story.end = lines[last].content_end;
  while (story.end > story.start && TrimSpaces(text.substr(story.end - 1, 1)).empty()) --story.end;
  RelevanceTally tally;
  for (size_t i = first; i <= last; ++i) {
    if (!lines[i].kept()) continue;
    // A glued tail removed from a line takes its words along.
    if (lines[i].content_end < lines[i].end) {
      const FoldedText folded = FoldText(Content(text, lines[i]));
      tally.Add(RelevanceLexicon().FindAll(folded), CountWords(folded.text));
    } else {
      tally.Add(lines[i].relevance, lines[i].words);
    }
  }
  double probability = ScoreEvidence(tally.evidence());
  story.relevant = probability >= kRelevantAt;
  story.score = story.relevant ? probability : 1.0 - probability;
  return story;
}

std::vector<Story> SplitStories(std::string_view text, const std::vector<Line>& lines) {
  std::vector<Story> stories;
  long first = -1;
  long last = -1;
  bool last_alone = false;
  size_t removed_run = 0;
  size_t removed_lexicon = 0;
  bool removed_certain = false;
  auto close = [&] {
    if (first >= 0)
      stories.push_back(
          MakeStory(text, lines, static_cast<size_t>(first), static_cast<size_t>(last)));
    first = -1;
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.blank) continue;
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
    if (first >= 0 && (cue.alone || cue.opens || last_alone || breaks)) close();
    if (first < 0) first = static_cast<long>(i);
    last = static_cast<long>(i);
    last_alone = cue.alone;
    removed_run = 0;
    removed_lexicon = 0;
    removed_certain = false;
  }
  close();
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
  CleanResult result;
  std::vector<Line> lines = SplitLines(text);
  ClassifyEachLine(text, lines);
  RemoveAuthorBoxes(text, lines);
  RemoveLinkLists(text, lines);
  RemoveVideoTitles(text, lines);
  RemoveDuplicates(text, lines);
  RemoveByContext(text, lines);
  result.stories = SplitStories(text, lines);
  result.removed = CollectRemoved(lines);
  return result;
}

}  // namespace epiwire::clean
