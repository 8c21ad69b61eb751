// SPDX-License-Identifier: MIT
#include "epiwire/output/json_writer.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "epiwire/base/number_text.h"

namespace epiwire::output {

void JsonWriter::Double(double value) {
  if (!std::isfinite(value)) {
    Null();  // as the JSON library writes them
    return;
  }
  // The shortest digits that read back the same value, as the JSON library's;
  // it marks a whole number as a real one with ".0".
  char digits[40];
  char* end = WriteShortestDouble(digits, digits + sizeof digits - 2, value);
  if (std::string_view(digits, static_cast<size_t>(end - digits)).find_first_of(".e") ==
      std::string_view::npos) {
    *end++ = '.';
    *end++ = '0';
  }
  Value(std::string_view(digits, static_cast<size_t>(end - digits)));
}

namespace {

// Whether any of the eight bytes of `word` is a control character, a quote or a
// backslash (the bytes JSON escapes): the classic tests for a zero byte and for a
// byte below a bound, each exact for the first such byte (later ones may be
// reported falsely, which only sends the word to the byte loop).
bool MayNeedEscape(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHighs = 0x8080808080808080ULL;
  const auto has_zero = [&](uint64_t v) { return ((v - kOnes) & ~v & kHighs) != 0; };
  const bool control = ((word - kOnes * 0x20) & ~word & kHighs) != 0;
  return control || has_zero(word ^ (kOnes * '"')) || has_zero(word ^ (kOnes * '\\'));
}

// How many bytes `value` starts with that JSON writes as they are.
size_t PlainPrefix(std::string_view value) {
  size_t i = 0;
  uint64_t word;
  while (i + sizeof word <= value.size()) {
    std::memcpy(&word, value.data() + i, sizeof word);
    if (MayNeedEscape(word)) break;
    i += sizeof word;
  }
  for (; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (c < 0x20 || c == '"' || c == '\\') break;
  }
  return i;
}

}  // namespace

void JsonWriter::String(std::string_view value) {
  size_t plain = PlainPrefix(value);
  constexpr size_t kShort = 62;
  if (plain == value.size() && plain <= kShort) {
    // Most values: short, nothing to escape; written in one append.
    char piece[kShort + 2];
    piece[0] = '"';
    std::memcpy(piece + 1, value.data(), plain);
    piece[plain + 1] = '"';
    out_.append(piece, plain + 2);
    return;
  }
  out_.push_back('"');
  out_.append(value.data(), plain);
  // Most strings end here; the rest goes byte by byte from the first to escape.
  size_t from = plain;
  for (size_t i = plain; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_.append(value.data() + from, i - from);
    from = i + 1;
    switch (c) {
      case '"': out_.append("\\\""); break;
      case '\\': out_.append("\\\\"); break;
      case '\b': out_.append("\\b"); break;
      case '\f': out_.append("\\f"); break;
      case '\n': out_.append("\\n"); break;
      case '\r': out_.append("\\r"); break;
      case '\t': out_.append("\\t"); break;
      default: {
        char escaped[8];
        std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
        out_.append(escaped);
      }
    }
  }
  out_.append(value.data() + from, value.size() - from);
  out_.push_back('"');
}

void WritePlace(JsonWriter& w, const std::optional<Place>& place) {
  if (!place) {
    w.Null();
    return;
  }
  w.Open('{');
  w.Key("name");
  w.Str(place->name);
  w.Key("country");
  w.StrOrNull(place->country);
  w.Key("subdivision");
  w.StrOrNull(place->subdivision);
  w.Key("geonameid");
  if (place->geonameid != 0) {
    w.Int(place->geonameid);
  } else {
    w.Null();
  }
  w.Key("level");
  w.Str(PlaceLevelName(place->level));
  w.Key("lat");
  place->has_coordinates ? w.Double(place->lat) : w.Null();
  w.Key("lon");
  place->has_coordinates ? w.Double(place->lon) : w.Null();
  w.Close('}');
}

void WriteSpan(JsonWriter& w, size_t start, size_t end) {
  w.Key("start");
  w.Int(static_cast<int64_t>(start));
  w.Key("end");
  w.Int(static_cast<int64_t>(end));
}

void WriteDate(JsonWriter& w, const std::optional<Date>& date) {
  if (date) {
    w.Str(date->ToIso());
  } else {
    w.Null();
  }
}

void WriteEventFields(JsonWriter& w, const Event& event) {
  w.Key("type");
  if (event.type == EventType::kCases) {
    w.Str("cases");
    w.Key("disease");
    w.StrOrNull(event.disease);
    w.Key("status");
    w.Str(CaseStatusName(event.status));
    w.Key("host");
    w.Str(HostName(event.host));
    w.Key("count");
    w.Int(event.count);
    w.Key("qualifier");
    w.Str(QualifierName(event.qualifier));
    w.Key("aggregation");
    event.aggregation ? w.Str(AggregationName(*event.aggregation)) : w.Null();
    w.Key("imported");
    event.imported ? w.Bool(*event.imported) : w.Null();
    w.Key("place");
    WritePlace(w, event.place);
    w.Key("origin");
    WritePlace(w, event.origin);
    w.Key("route");
    w.Open('[');
    for (const Place& place : event.route) WritePlace(w, place);
    w.Close(']');
    w.Key("modes");
    w.Open('[');
    for (TravelMode mode : event.modes) w.Str(TravelModeName(mode));
    w.Close(']');
  } else {
    w.Str("measure");
    w.Key("measure");
    w.Str(MeasureKindName(event.measure));
    w.Key("action");
    w.Str(MeasureActionName(event.action));
    w.Key("disease");
    w.StrOrNull(event.disease);
    w.Key("place");
    WritePlace(w, event.place);
    w.Key("target");
    WritePlace(w, event.target);
    w.Key("detail");
    w.StrOrNull(event.detail);
  }
  w.Key("period");
  if (event.period) {
    w.Open('{');
    w.Key("start");
    WriteDate(w, event.period->start);
    w.Key("end");
    WriteDate(w, event.period->end);
    w.Close('}');
  } else {
    w.Null();
  }
  w.Key("evidence");
  w.Open('{');
  WriteSpan(w, event.evidence.start, event.evidence.end);
  w.Key("quote");
  w.Str(event.evidence.quote);
  w.Close('}');
}

void WriteRemovedRanges(JsonWriter& w, const std::vector<RemovedRange>& removed) {
  w.Open('[');
  for (const RemovedRange& range : removed) {
    w.Open('{');
    WriteSpan(w, range.start, range.end);
    w.Key("reason");
    w.Str(range.reason == RemovalReason::kDuplicate ? "duplicate" : "boilerplate");
    w.Close('}');
  }
  w.Close(']');
}

void WriteEvent(JsonWriter& w, const Event& event) {
  w.Open('{');
  WriteEventFields(w, event);
  w.Close('}');
}

}  // namespace epiwire::output
