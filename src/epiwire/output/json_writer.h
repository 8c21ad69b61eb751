// SPDX-License-Identifier: MIT
// JSON written straight into one string, field by field: no tree of nodes a field.
// What ToJsonLine and the API's lists are written with. The caller writes valid
// UTF-8 (checked, not repaired, here: see FindInvalidUtf8). Tested by
// json_output_test.cc.
#ifndef EPIWIRE_OUTPUT_JSON_WRITER_H_
#define EPIWIRE_OUTPUT_JSON_WRITER_H_

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "epiwire/model/document.h"

namespace epiwire::output {

// Keys and values in order; commas are put in by the writer.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void Raw(std::string_view text) { out_.append(text); }
  void Key(std::string_view key) {
    Comma();
    String(key);
    out_.push_back(':');
    fresh_ = true;  // the value that follows takes no comma
  }
  // A key the program spells: written as it is, with no look for bytes to
  // escape (a page of 5,000 events has 250,000 keys).
  template <size_t N>
  void Key(const char (&key)[N]) {
    // ,"key": in one append (a call each piece was most of a key's cost).
    char piece[N + 3];
    piece[0] = ',';
    piece[1] = '"';
    std::memcpy(piece + 2, key, N - 1);
    piece[N + 1] = '"';
    piece[N + 2] = ':';
    const size_t skip = fresh_ ? 1 : 0;
    out_.append(piece + skip, sizeof piece - skip);
    fresh_ = true;
  }
  void Open(char bracket) {
    Comma();
    out_.push_back(bracket);
    fresh_ = true;
  }
  void Close(char bracket) {
    out_.push_back(bracket);
    fresh_ = false;
  }
  void Null() { Value("null"); }
  void Bool(bool value) { Value(value ? "true" : "false"); }
  void Int(int64_t value) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    Value(std::string_view(digits, static_cast<size_t>(end - digits)));
  }
  // With the digits the JSON library gives (shortest round trip).
  void Double(double value);
  void Str(std::string_view value) {
    Comma();
    String(value);
  }
  // A value another writer wrote whole (an object, an array, a scalar): put in as it
  // is, after its comma.
  void Written(std::string_view json) { Value(json); }
  void StrOrNull(std::string_view value) {
    if (value.empty()) {
      Null();
    } else {
      Str(value);
    }
  }

 private:
  void Comma() {
    if (!fresh_) out_.push_back(',');
    fresh_ = false;
  }
  void Value(std::string_view text) {
    Comma();
    out_.append(text);
  }
  // As the JSON library escapes (no ASCII-only output): quote, backslash, and the
  // control characters.
  void String(std::string_view value);

  std::string& out_;
  bool fresh_ = true;
};

// A place of shared/spec/output.md, or null.
void WritePlace(JsonWriter& w, const std::optional<Place>& place);
// "YYYY-MM-DD" or null.
void WriteDate(JsonWriter& w, const std::optional<Date>& date);
// "start" and "end" of a span of the text (keys and values, inside an object).
void WriteSpan(JsonWriter& w, size_t start, size_t end);
// The "removed" array of shared/spec/output.md: each range with its reason.
void WriteRemovedRanges(JsonWriter& w, const std::vector<RemovedRange>& removed);
// The fields of an event of shared/spec/output.md, inside an object the caller
// opened (so that it can add its own, such as a stored event's id).
void WriteEventFields(JsonWriter& w, const Event& event);
// The event as one object.
void WriteEvent(JsonWriter& w, const Event& event);

}  // namespace epiwire::output

#endif  // EPIWIRE_OUTPUT_JSON_WRITER_H_
