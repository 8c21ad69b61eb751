// SPDX-License-Identifier: MIT
// Ingest: turns files, directories, stdin and JSON Lines feeds into Documents.
// HTML becomes text with its block structure (one block a line) plus title and
// published date from metadata. Bad input is reported, never fatal. Tested by reader_test.cc.
#ifndef EPIWIRE_INGEST_READER_H_
#define EPIWIRE_INGEST_READER_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "epiwire/base/status.h"
#include "epiwire/model/date.h"
#include "epiwire/model/document.h"

namespace epiwire::ingest {

struct ReadOptions {
  // Used when a document carries no date of its own (published_source = given).
  std::optional<Date> published;
  // Documents (or JSON Lines records) larger than this are skipped with a problem.
  size_t max_document_bytes = 32u << 20;
  // "auto" (by extension and content), "text", "html" or "jsonl".
  std::string format = "auto";
};

// Something wrong with the input. `where` is "path", "path:line" or "path:line:byte".
// `skipped` is false when the document was still processed (e.g. bad bytes repaired).
struct InputProblem {
  std::string where;
  std::string what;
  bool skipped = true;
};

using DocumentHandler = std::function<void(Document&&)>;
using ProblemHandler = std::function<void(const InputProblem&)>;

// Reads `path` ("-" is standard input; a directory is walked recursively in name
// order, hidden files left out) and hands each document to `on_document`, each
// problem to `on_problem`. Format by extension: .jsonl/.ndjson = JSON Lines of
// {id, text, published, url, format}; .html/.htm = HTML; anything else = text
// (sniffed: a file starting with '<' and holding <html or <body is HTML).
// Text files: id = file name without extension. Invalid UTF-8 is repaired to
// U+FFFD and reported (not skipped); binary files (NUL bytes), empty files and
// over-size files are skipped and reported.
// Details: an invalid-UTF-8 problem says "invalid UTF-8 at byte N" (N counts from
// the start of the file, or of the JSON Lines record) and is reported at "path" or
// "path:line". Text files have CRLF/CR turned into LF and a byte-order mark
// dropped. HTML gives title, url and published (as given) from the page.
// Standard input has id and origin "stdin" and, with format "auto", is JSON Lines
// when its first non-blank byte is '{', else text sniffed for HTML.
// Returns NotFound when `path` does not exist, IoError when it cannot be opened or
// read, InvalidInput for an unknown options.format; problems inside a directory
// (an unreadable file) are reported, not returned.
Status ReadPath(const std::string& path, const ReadOptions& options,
                const DocumentHandler& on_document, const ProblemHandler& on_problem);

// Reads one JSON Lines stream already in memory; `name` is used in problem
// locations and origins ("name:line"). Blank lines are ignored; each bad line
// (invalid JSON, not an object, no string "text", over max_document_bytes) is
// reported and skipped, and the reader goes on. A bad "published" or "format"
// is reported and ignored. A record without a usable id gets "name:line".
// format "html" records are converted with HtmlToText; the record's own title,
// url and published win over the page's.
void ReadJsonLines(std::string_view content, const std::string& name, const ReadOptions& options,
                   const DocumentHandler& on_document, const ProblemHandler& on_problem);

struct HtmlText {
  std::string text;  // block elements end in '\n'; script/style/nav/etc. dropped
  std::string title;
  std::optional<Date> published;  // from meta (article:published_time, date, ...) or <time>
  std::string url;                // from <link rel="canonical"> or og:url; empty when absent
};

// Converts HTML to plain UTF-8 text (entities decoded, whitespace folded inside blocks).
// Each block element (p, div, h1-h6, li, tr, ...) and each <br> ends a line; table
// cells are separated by a space; there are no empty lines. Dropped with their
// text: script, style, noscript, nav, footer, aside, form, iframe, svg, button
// (and similar), a <header> outside <article>/<main>, and hidden elements.
// Never fails: broken markup gives whatever text it holds. Thread-safe.
HtmlText HtmlToText(std::string_view html);

}  // namespace epiwire::ingest

#endif  // EPIWIRE_INGEST_READER_H_
