// SPDX-License-Identifier: MIT
// Internal to the ingest stage (public API: reader.h). The JSON Lines reader one
// line at a time, so that a file is read in pieces and never held whole, and a
// line too long to hold is skipped without being kept.
#ifndef EPIWIRE_INGEST_JSON_LINES_H_
#define EPIWIRE_INGEST_JSON_LINES_H_

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "epiwire/ingest/reader.h"

namespace simdjson::dom {
class parser;
}

namespace epiwire::ingest {

// Reads the lines of one JSON Lines stream named `name`, in order; the rules are
// ReadJsonLines'. Not thread-safe; the handlers must outlive the reader.
class JsonLinesReader {
 public:
  JsonLinesReader(std::string name, const ReadOptions& options, const DocumentHandler& on_document,
                  const ProblemHandler& on_problem);
  ~JsonLinesReader();
  JsonLinesReader(const JsonLinesReader&) = delete;
  JsonLinesReader& operator=(const JsonLinesReader&) = delete;

  // The next line, without its '\n'.
  void Line(std::string_view line);
  // The next line, of `size` bytes, over options.max_document_bytes and not kept.
  void OverlongLine(size_t size);

 private:
  void ReadRecord(std::string_view line, const std::string& where);
  void OverLimit(const std::string& where, size_t size);

  const std::string name_;
  const ReadOptions& options_;
  const DocumentHandler& on_document_;
  const ProblemHandler& on_problem_;
  std::unique_ptr<simdjson::dom::parser> parser_;
  size_t line_number_ = 0;
  std::map<std::string, size_t, std::less<>> first_line_of_id_;
};

}  // namespace epiwire::ingest

#endif  // EPIWIRE_INGEST_JSON_LINES_H_
