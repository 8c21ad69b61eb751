// SPDX-License-Identifier: MIT
// Cleaning: finds what in a page is not the news (boilerplate: sign-in and
// newsletter prompts, browser warnings, cookie banners, author boxes, photo credits,
// and repeated paragraphs), and splits what is left into stories (main article,
// glued teasers of other articles), each judged relevant or not to infectious
// disease. Tested by cleaner_test.cc.
#ifndef EPIWIRE_CLEAN_CLEANER_H_
#define EPIWIRE_CLEAN_CLEANER_H_

#include <string_view>
#include <vector>

#include "epiwire/model/document.h"

namespace epiwire::clean {

struct CleanResult {
  // Sorted, non-overlapping; together with `removed` they need not cover every byte.
  std::vector<Story> stories;
  // Sorted, non-overlapping byte ranges, each a whole line or paragraph (or the
  // trailing part of a line when boilerplate is glued to it).
  std::vector<RemovedRange> removed;
};

// Pure function of the text; thread-safe. Offsets are byte offsets into `text`.
CleanResult CleanText(std::string_view text);

// Relevance score 0..1 of a span of text: does it speak of an infectious-disease
// outbreak or the response to one? Exposed for tests and for the pipeline.
double RelevanceScore(std::string_view text);

}  // namespace epiwire::clean

#endif  // EPIWIRE_CLEAN_CLEANER_H_
