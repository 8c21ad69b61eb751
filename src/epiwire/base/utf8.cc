// SPDX-License-Identifier: MIT
#include "epiwire/base/utf8.h"

#include <simdjson.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>

namespace epiwire {
namespace {

// Length of the valid sequence at text[i], or 0 when it is invalid.
size_t ValidSequenceAt(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  size_t length = 0;
  unsigned int code = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    code = lead & 0x1Fu;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    code = lead & 0x0Fu;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    code = lead & 0x07u;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0u) != 0x80u) return 0;
    code = (code << 6) | (byte(i + k) & 0x3Fu);
  }
  if (length == 3 && (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF))) return 0;
  if (length == 4 && (code < 0x10000 || code > 0x10FFFF)) return 0;
  return length;
}

}  // namespace

std::optional<size_t> FindInvalidUtf8(std::string_view text) {
  // simdjson's validator reads 32 or 64 bytes a step, the scan below one character:
  // text is checked several times on its way through (the record, the document, each
  // story's opening, the output), and most of it is valid.
  if (simdjson::validate_utf8(text.data(), text.size())) return std::nullopt;
  size_t i = 0;
  while (i < text.size()) {
    // Fast path over ASCII runs, which are most of any English news text: eight
    // bytes at a time while none has its high bit set.
    constexpr uint64_t kHighBits = 0x8080808080808080ULL;
    uint64_t word;
    while (i + sizeof word <= text.size()) {
      std::memcpy(&word, text.data() + i, sizeof word);
      if ((word & kHighBits) != 0) break;
      i += sizeof word;
    }
    if (i >= text.size()) break;
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const size_t length = ValidSequenceAt(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::nullopt;
}

size_t RepairUtf8(std::string& text) {
  if (!FindInvalidUtf8(text)) return 0;
  std::string repaired;
  repaired.reserve(text.size() + 16);
  size_t replaced = 0;
  size_t i = 0;
  while (i < text.size()) {
    const size_t length = ValidSequenceAt(text, i);
    if (length == 0) {
      repaired += "\xEF\xBF\xBD";
      ++replaced;
      ++i;
      continue;
    }
    repaired.append(text, i, length);
    i += length;
  }
  text = std::move(repaired);
  return replaced;
}

std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

bool HasLowercaseLetter(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0 && u_islower(c)) return true;
  }
  return false;
}

}  // namespace epiwire
