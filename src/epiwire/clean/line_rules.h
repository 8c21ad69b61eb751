// SPDX-License-Identifier: MIT
// Internal to the clean stage (public API: cleaner.h). Judgements on one line
// (a paragraph) taken alone: is it boilerplate by the lexicon, a credit, an
// author-box heading, a name, an author bio; does it open with a kicker or end
// cut off. The cleaner combines them with the lines around. Tested by cleaner_test.cc.
#ifndef EPIWIRE_CLEAN_LINE_RULES_H_
#define EPIWIRE_CLEAN_LINE_RULES_H_

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "epiwire/clean/lexicon.h"
#include "epiwire/clean/text_fold.h"

namespace epiwire::clean {

enum class LineClass {
  kContent,
  kBoilerplate,    // a prompt, banner or warning
  kCredit,         // "Photo: ...", "Edited by ...", "(Reuters)"
  kAuthorHeading,  // "About the Author"
};

struct LineVerdict {
  LineClass line_class = LineClass::kContent;
  // True for boilerplate that is certain (a strong phrase, or several prompts),
  // which lets the cleaner drop short unmatched lines wedged next to it.
  bool certain = false;
  // Offset in the line where boilerplate glued to the end of content begins
  // ("...a city,About the Author"), or npos. Only for kContent lines.
  size_t glued_tail = std::string_view::npos;
  bool glued_author_heading = false;  // the glued part opens an author box
  bool opens_link_list = false;       // "Related stories": headlines follow
};

// Judges `line` (without its '\n') by the boilerplate lexicon and by its shape
// (see LooksLikePageFurniture and LooksLikeCredit).
LineVerdict ClassifyLine(std::string_view line);

// The same on a line already folded, with its boilerplate- and relevance-lexicon
// matches: the cleaner folds and scans a whole document once and shares the result
// with relevance. `folded` is the line's view of the folded document (its origin
// offsets are the document's, `line` a piece of the document).
LineVerdict ClassifyFoldedLine(std::string_view line, const FoldedView& folded,
                               std::span<const PhraseMatch> boilerplate,
                               std::span<const PhraseMatch> relevance);

// Lines that are page furniture by their shape, whatever their words: navigation and
// breadcrumbs ("Home » Top News", "feedback | help"), time stamps ("12:29, 05 January
// 2021 | GMT +6", "2 minutes ago"), reading times ("1 min read"), site headers in
// capitals, menus glued into one word ("FinancialGovernment SolutionsLegal"),
// taglines opening with an ellipsis, and video titles ending with a duration.
bool LooksLikePageFurniture(std::string_view line);

// A line in capitals, of three words or more, with no digit: a site header
// ("НОВОСТИ РЕГИОНА СЕГОДНЯ", "MORE FROM FARM ONLINE"), or a section heading of an
// article ("UNITED ARAB EMIRATES" in a list of countries' measures). Furniture either way.
bool IsCapitalsLine(std::string_view line);

// Whether a line in capitals heads a section of the article it stands in: the line after
// it is a sentence, not another heading or a link ("UNITED ARAB EMIRATES" / "The UAE will
// suspend entry ..."). Such a heading, alone between paragraphs, ends no story.
bool HeadsASection(std::string_view capitals, std::string_view next);

// Credits and captions inside an article: a byline ("By Jane Doe, The Associated
// Press"), an image credit ("China /CIA"), a caption ending in a photo credit
// ("... on April 26. (Jane Doe/Getty Images)").
bool LooksLikeCredit(std::string_view line);

// The title a video line repeats: the line without its trailing duration ("01:44"), or
// an empty view when it has none.
std::string_view WithoutDuration(std::string_view line);

// A short line that reads like a headline in a list of links: no final full stop.
bool LooksLikeLinkHeadline(std::string_view line);

// A short line that is only a person's name ("Ana M. de la Cruz").
bool LooksLikePersonName(std::string_view line);

// "Jane Roe is a health reporter for The Daily ...": a name, then "is a/an/the",
// then a newsroom job word (role in boilerplate.tsv) soon after.
bool LooksLikeAuthorBio(std::string_view line);

// Opens with an upper-case kicker and a colon: "BIG NEWS: ...", "'A QUOTE': ...".
bool StartsWithKicker(std::string_view line);

// Ends without terminal punctuation (after closing quotes and brackets), as text
// cut off mid-sentence does.
bool EndsCutOff(std::string_view line);

// `line` without leading and trailing ASCII white space.
std::string_view TrimSpaces(std::string_view line);

}  // namespace epiwire::clean

#endif  // EPIWIRE_CLEAN_LINE_RULES_H_
