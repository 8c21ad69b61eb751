// SPDX-License-Identifier: MIT
// Internal to the ingest stage (public API: reader.h). Steps that the file
// reader and the JSON Lines reader share when they turn input into a Document.
#ifndef EPIWIRE_INGEST_DOCUMENT_FILL_H_
#define EPIWIRE_INGEST_DOCUMENT_FILL_H_

#include <string>

#include "epiwire/ingest/reader.h"
#include "epiwire/model/document.h"

namespace epiwire::ingest {

// Repairs invalid UTF-8 in `text` and, when there was any, reports it at
// `where` (not skipped) with the offset of the first bad byte.
void RepairAndReport(std::string& text, const std::string& where, const ProblemHandler& on_problem);

// Replaces the HTML in `document.text` with its text, and fills title, url and
// published (as given) from the page when the document has none of its own.
// Nesting over the limit is reported at `where` (not skipped).
void ConvertHtml(Document& document, const std::string& where, const ProblemHandler& on_problem);

// Gives the document `options.published` when it has no date of its own.
void ApplyDefaultPublished(Document& document, const ReadOptions& options);

}  // namespace epiwire::ingest

#endif  // EPIWIRE_INGEST_DOCUMENT_FILL_H_
