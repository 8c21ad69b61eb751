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
  // JSON Lines records nested deeper than this (objects and arrays) are skipped
  // with a problem; a record needs 2.
  size_t max_json_depth = 64;
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
// HTML files are converted to UTF-8 by the charset they declare (DecodeHtmlBytes);
// a declaration that is unknown or does not match the bytes is reported (not skipped).
// A JSON Lines file is binary (skipped whole) when its first 4 KiB hold a NUL and
// it does not start with '{'; else a line with NULs is one bad record.
// Within one JSON Lines file an id seen before is a duplicate: the record is
// reported (naming the line of the first) and skipped.
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
  size_t dropped_tags = 0;        // tags nested deeper than 512 levels, dropped (text kept)
};

struct DecodedHtml {
  std::string text;       // UTF-8 when converted; else the bytes as given
  std::string charset;    // the charset declared (lower case: "windows-1251"), empty if none
  bool converted = false;  // text was converted from `charset`
  std::string problem;    // why the declaration was not (wholly) followed; empty when it was
};

// The bytes of an HTML page as UTF-8, by its byte-order mark (UTF-16) or else the
// charset its <meta charset> or <meta http-equiv="Content-Type"> declares in its
// first 4 KiB, converted with ICU as browsers read the labels (ISO-8859-1 as
// windows-1252, GBK as GB18030). A page that declares another charset but is valid
// UTF-8 is kept as UTF-8; an unknown charset keeps the bytes; bytes invalid in the
// declared charset become U+FFFD. Each of these cases sets `problem`. Thread-safe.
DecodedHtml DecodeHtmlBytes(std::string_view bytes);

// Converts HTML to plain UTF-8 text (entities decoded, whitespace folded inside blocks).
// Each block element (p, div, h1-h6, li, tr, ...) and each <br> ends a line; table
// cells are separated by a space; there are no empty lines. Dropped with their
// text: script, style, noscript, nav, footer, aside, form, iframe, svg, button
// (and similar), a <header> outside <article>/<main>, and hidden elements.
// Never fails: broken markup gives whatever text it holds. Elements nested deeper
// than 512 levels lose their tags, not their text (dropped_tags counts them), which
// keeps the time linear in the size of the page. Thread-safe.
HtmlText HtmlToText(std::string_view html);

}  // namespace epiwire::ingest

#endif  // EPIWIRE_INGEST_READER_H_
