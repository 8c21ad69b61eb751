// SPDX-License-Identifier: MIT
// Steps shared by the file and JSON Lines readers. Tested by reader_test.cc.
#include "epiwire/ingest/document_fill.h"

#include <optional>
#include <utility>

#include "epiwire/base/utf8.h"

namespace epiwire::ingest {

void RepairAndReport(std::string& text, const std::string& where,
                     const ProblemHandler& on_problem) {
  const std::optional<size_t> first_bad = FindInvalidUtf8(text);
  if (!first_bad) return;
  const size_t replaced = RepairUtf8(text);
  on_problem({where,
              "invalid UTF-8 at byte " + std::to_string(*first_bad) + ": " +
                  std::to_string(replaced) + " bad byte(s) replaced with U+FFFD",
              false});
}

void ConvertHtml(Document& document, const std::string& where, const ProblemHandler& on_problem) {
  HtmlText html = HtmlToText(document.text);
  if (html.dropped_tags > 0) {
    on_problem({where,
                "HTML nested deeper than 512 levels: " + std::to_string(html.dropped_tags) +
                    " tag(s) beyond it dropped, their text kept",
                false});
  }
  document.text = std::move(html.text);
  if (document.title.empty()) document.title = std::move(html.title);
  if (document.url.empty()) document.url = std::move(html.url);
  if (!document.published && html.published) {
    document.published = html.published;
    document.published_source = PublishedSource::kGiven;
  }
}

void ApplyDefaultPublished(Document& document, const ReadOptions& options) {
  if (document.published || !options.published) return;
  document.published = options.published;
  document.published_source = PublishedSource::kGiven;
}

}  // namespace epiwire::ingest
