// SPDX-License-Identifier: MIT
// A news document as read (text after HTML-to-text), and what extraction makes
// of it: stories, removed ranges and events.
#ifndef EPIWIRE_MODEL_DOCUMENT_H_
#define EPIWIRE_MODEL_DOCUMENT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "epiwire/model/date.h"
#include "epiwire/model/event.h"

namespace epiwire {

enum class PublishedSource { kNone, kGiven, kInferred };

struct Document {
  std::string id;      // file name without extension, or the JSON Lines `id`
  std::string text;    // UTF-8; all offsets in the output point into this
  std::optional<Date> published;
  PublishedSource published_source = PublishedSource::kNone;
  std::string format;  // "text" or "html": what the input was
  std::string url;     // empty when unknown
  std::string title;   // empty when unknown
  std::string origin;  // where it was read from: "feed.jsonl:12", "a/b.html"
};

// A character range of the text holding one story (an article, a teaser).
struct Story {
  size_t start = 0;
  size_t end = 0;
  bool relevant = false;  // about an infectious-disease outbreak or the response to one
  double score = 0;       // 0..1 confidence of that verdict
  std::string language = "und";  // ISO 639-1 code of the story's language, "und" if unknown
  // Not relevant by its words, but short, near the mark and naming a disease: a story
  // to read all the same, relevant if it tells a case count or a measure (a one-line
  // item, "Las clases se suspendieron en todo el Perú por el COVID-19", in words the
  // relevance lexicon does not hold). Not printed.
  bool second_look = false;
};

enum class RemovalReason { kBoilerplate, kDuplicate };

struct RemovedRange {
  size_t start = 0;
  size_t end = 0;
  RemovalReason reason = RemovalReason::kBoilerplate;
};

struct Extraction {
  Document document;
  std::string language = "en";
  std::vector<Story> stories;
  std::vector<RemovedRange> removed;
  std::vector<Event> events;
};

}  // namespace epiwire

#endif  // EPIWIRE_MODEL_DOCUMENT_H_
