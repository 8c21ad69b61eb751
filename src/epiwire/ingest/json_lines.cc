// SPDX-License-Identifier: MIT
// JSON Lines feeds: one record a line, each parsed on its own with one reused
// simdjson parser, so a bad line costs only itself. Tested by reader_test.cc.
#include "epiwire/ingest/json_lines.h"

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "epiwire/base/utf8.h"
#include "epiwire/ingest/document_fill.h"
#include "epiwire/ingest/published_date.h"
#include "epiwire/ingest/reader.h"

namespace epiwire::ingest {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool IsBlank(std::string_view line) {
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') return false;
  }
  return true;
}

// The field's value, or nullopt when it is missing or null.
std::optional<element> Field(const object& record, std::string_view key) {
  element value;
  if (record.at_key(key).get(value) != simdjson::SUCCESS || value.is_null()) return std::nullopt;
  return value;
}

std::optional<std::string> StringField(const object& record, std::string_view key) {
  const std::optional<element> value = Field(record, key);
  std::string_view text;
  if (!value || value->get_string().get(text) != simdjson::SUCCESS) return std::nullopt;
  return std::string(text);
}

std::string NumberToString(const element& value) {
  switch (value.type()) {
    case element_type::INT64:
      return std::to_string(value.get_int64().value_unsafe());
    case element_type::UINT64:
      return std::to_string(value.get_uint64().value_unsafe());
    default: {
      char buffer[64];
      const auto [end, error] =
          std::to_chars(buffer, buffer + sizeof buffer, value.get_double().value_unsafe());
      return error == std::errc() ? std::string(buffer, end) : std::string();
    }
  }
}

// Reads "id"; a missing or unusable id becomes `where` ("feed.jsonl:7").
std::string ReadId(const object& record, const std::string& where,
                   const ProblemHandler& on_problem) {
  const std::optional<element> value = Field(record, "id");
  if (!value) return where;
  std::string id;
  switch (value->type()) {
    case element_type::STRING:
      id = std::string(value->get_string().value_unsafe());
      break;
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
      id = NumberToString(*value);
      break;
    default:
      on_problem(
          {where, "\"id\" is neither a string nor a number; using \"" + where + "\"", false});
      break;
  }
  return id.empty() ? where : id;
}

// Reads "published" into the document; a value that is no date is reported and dropped.
void ReadPublished(const object& record, const std::string& where, Document& document,
                   const ProblemHandler& on_problem) {
  const std::optional<element> value = Field(record, "published");
  if (!value) return;
  std::optional<Date> date;
  std::string shown;
  switch (value->type()) {
    case element_type::STRING:
      shown = std::string(value->get_string().value_unsafe());
      date = ParsePublishedDate(shown);
      break;
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
      shown = NumberToString(*value);
      date = DateFromUnixTime(value->get_double().value_unsafe());
      break;
    default:
      shown = simdjson::minify(*value);
      break;
  }
  if (!date) {
    if (shown.size() > 64) shown = shown.substr(0, 64) + "...";
    on_problem({where, "bad \"published\" value \"" + shown + "\"; date dropped", false});
    return;
  }
  document.published = date;
  document.published_source = PublishedSource::kGiven;
}

// Reads "format": "text" (the default) or "html".
std::string ReadFormat(const object& record, const std::string& where,
                       const ProblemHandler& on_problem) {
  const std::optional<element> value = Field(record, "format");
  if (!value) return "text";
  std::string_view format;
  if (value->get_string().get(format) == simdjson::SUCCESS) {
    std::string lower = AsciiLower(format);
    if (lower == "text" || lower == "html") return lower;
  }
  on_problem({where, "unknown \"format\" " + simdjson::minify(*value) + "; read as text", false});
  return "text";
}

}  // namespace

JsonLinesReader::JsonLinesReader(std::string name, const ReadOptions& options,
                                 const DocumentHandler& on_document,
                                 const ProblemHandler& on_problem)
    : name_(std::move(name)),
      options_(options),
      on_document_(on_document),
      on_problem_(on_problem),
      parser_(std::make_unique<simdjson::dom::parser>()) {
  // The depth limit is fixed when the parser allocates; a larger record makes it
  // grow, keeping the depth. Should this fail, the first parse allocates anew.
  const simdjson::error_code allocated =
      parser_->allocate(64 << 10, std::max<size_t>(options.max_json_depth, 1));
  static_cast<void>(allocated);
}

JsonLinesReader::~JsonLinesReader() = default;

void JsonLinesReader::Line(std::string_view line) {
  ++line_number_;
  if (line_number_ == 1 && line.starts_with(kBom)) line.remove_prefix(kBom.size());
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (IsBlank(line)) return;
  const std::string where = name_ + ":" + std::to_string(line_number_);
  if (line.size() > options_.max_document_bytes) {
    OverLimit(where, line.size());
    return;
  }
  ReadRecord(line, where);
}

void JsonLinesReader::OverlongLine(size_t size) {
  ++line_number_;
  OverLimit(name_ + ":" + std::to_string(line_number_), size);
}

void JsonLinesReader::OverLimit(const std::string& where, size_t size) {
  on_problem_({where, "record of " + std::to_string(size) + " bytes is over the limit of " +
                          std::to_string(options_.max_document_bytes) + " bytes"});
}

void JsonLinesReader::ReadRecord(std::string_view line, const std::string& where) {
  // simdjson rejects invalid UTF-8 outright; repairing the line first keeps the
  // record. Bad bytes are never ASCII, so the JSON structure is untouched.
  std::string repaired;
  if (FindInvalidUtf8(line)) {
    repaired = std::string(line);
    RepairAndReport(repaired, where, on_problem_);
    line = repaired;
  }
  element root;
  const simdjson::error_code error = parser_->parse(line.data(), line.size()).get(root);
  if (error == simdjson::DEPTH_ERROR) {
    on_problem_({where, "invalid JSON: nested deeper than " +
                            std::to_string(options_.max_json_depth) + " levels"});
    return;
  }
  if (error != simdjson::SUCCESS) {
    on_problem_({where, std::string("invalid JSON: ") + simdjson::error_message(error)});
    return;
  }
  object record;
  if (root.get_object().get(record) != simdjson::SUCCESS) {
    on_problem_({where, "invalid JSON: a record must be an object"});
    return;
  }
  const std::optional<element> text = Field(record, "text");
  if (!text) {
    on_problem_({where, "missing \"text\" field"});
    return;
  }
  std::string_view text_value;
  if (text->get_string().get(text_value) != simdjson::SUCCESS) {
    on_problem_({where, "\"text\" is not a string"});
    return;
  }
  Document document;
  document.id = ReadId(record, where, on_problem_);
  // The same id twice in one feed: the first record stands, the second is named.
  const auto [first, inserted] = first_line_of_id_.emplace(document.id, line_number_);
  if (!inserted) {
    std::string shown = document.id.size() > 64 ? document.id.substr(0, 64) + "..." : document.id;
    RepairUtf8(shown);
    on_problem_({where, "duplicate id \"" + shown + "\" (first at line " +
                            std::to_string(first->second) + ")"});
    return;
  }
  document.text = std::string(text_value);
  // An escaped NUL (\u0000) would cut the text short for any C API downstream;
  // a space keeps every offset where it was.
  // (memchr first: a NUL is rare, and it reads many bytes a step.)
  if (std::memchr(document.text.data(), '\0', document.text.size()) != nullptr) {
    std::replace(document.text.begin(), document.text.end(), '\0', ' ');
  }
  document.format = ReadFormat(record, where, on_problem_);
  document.url = StringField(record, "url").value_or("");
  document.title = StringField(record, "title").value_or("");
  document.origin = where;
  ReadPublished(record, where, document, on_problem_);
  if (document.format == "html") ConvertHtml(document, where, on_problem_);
  ApplyDefaultPublished(document, options_);
  on_document_(std::move(document));
}

void ReadJsonLines(std::string_view content, const std::string& name, const ReadOptions& options,
                   const DocumentHandler& on_document, const ProblemHandler& on_problem) {
  JsonLinesReader reader(name, options, on_document, on_problem);
  size_t position = 0;
  while (position < content.size()) {
    size_t end = content.find('\n', position);
    if (end == std::string_view::npos) end = content.size();
    reader.Line(content.substr(position, end - position));
    position = end + 1;
  }
}

}  // namespace epiwire::ingest
