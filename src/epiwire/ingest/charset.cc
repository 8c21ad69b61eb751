// SPDX-License-Identifier: MIT
// Charsets of HTML pages: the byte-order mark, else the <meta> declaration in
// the page's head, converted to UTF-8 with ICU's converters. A declaration is
// checked against the bytes: a page that declares a legacy charset but is valid
// UTF-8 (a common lie of templates) is read as UTF-8, and said so. Tested by
// html_test.cc.
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>

#include "epiwire/base/utf8.h"
#include "epiwire/ingest/reader.h"

namespace epiwire::ingest {
namespace {

// Browsers look for the declaration in the first 1024 bytes; pages with long
// heads put it later, so look a little further.
constexpr size_t kPrescanBytes = 4096;
constexpr size_t kMaxCharsetName = 40;

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
         c == ':';
}

// The charset named in a <meta> tag of `head` (lower case), or "".
std::string MetaCharset(std::string_view bytes) {
  const std::string head = AsciiLower(bytes.substr(0, kPrescanBytes));
  size_t at = 0;
  while ((at = head.find("<meta", at)) != std::string::npos) {
    const size_t close = head.find('>', at);
    const std::string_view tag = std::string_view(head).substr(
        at, close == std::string::npos ? std::string::npos : close - at);
    at += 5;
    size_t key = tag.find("charset");
    if (key == std::string_view::npos) continue;
    size_t i = key + 7;
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t' || tag[i] == '\n' || tag[i] == '\r'))
      ++i;
    if (i >= tag.size() || tag[i] != '=') continue;
    ++i;
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '"' || tag[i] == '\'')) ++i;
    size_t end = i;
    while (end < tag.size() && IsNameChar(tag[end]) && end - i < kMaxCharsetName) ++end;
    if (end > i) return std::string(tag.substr(i, end - i));
  }
  return "";
}

bool IsUtf8Label(std::string_view name) {
  return name == "utf-8" || name == "utf8" || name == "unicode-1-1-utf-8" ||
         name == "x-unicode20utf8";
}

// The ICU converter for a declared label, as browsers read the labels (WHATWG
// Encoding): Latin-1 and ASCII mean windows-1252, GB2312 and GBK mean GB18030.
std::string ConverterName(std::string_view label) {
  if (label == "iso-8859-1" || label == "latin1" || label == "l1" || label == "ascii" ||
      label == "us-ascii" || label == "iso8859-1" || label == "cp1252" ||
      label == "x-user-defined") {
    return "windows-1252";
  }
  if (label == "gb2312" || label == "gbk" || label == "x-gbk" || label == "chinese" ||
      label == "csgb2312" || label == "gb_2312-80") {
    return "gb18030";
  }
  if (label == "x-sjis" || label == "ms932" || label == "windows-31j" || label == "sjis") {
    return "shift_jis";
  }
  return std::string(label);
}

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};

// Counts the bytes the converter could not read, then lets ICU put U+FFFD.
void CountingSubstitute(const void* context, UConverterToUnicodeArgs* args, const char* units,
                        int32_t length, UConverterCallbackReason reason, UErrorCode* error) {
  if (reason == UCNV_ILLEGAL || reason == UCNV_UNASSIGNED || reason == UCNV_IRREGULAR) {
    *static_cast<size_t*>(const_cast<void*>(context)) += static_cast<size_t>(length);
  }
  UCNV_TO_U_CALLBACK_SUBSTITUTE(nullptr, args, units, length, reason, error);
}

// `bytes` in `converter_name` as UTF-8; false when ICU has no such converter.
bool ConvertToUtf8(std::string_view bytes, const std::string& converter_name, std::string& out,
                   size_t& bad_bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> converter(
      ucnv_open(converter_name.c_str(), &status));
  if (U_FAILURE(status) || converter == nullptr) return false;
  bad_bytes = 0;
  ucnv_setToUCallBack(converter.get(), CountingSubstitute, &bad_bytes, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return false;
  // One input byte gives at most one character of 3 UTF-8 bytes (U+FFFD included);
  // 4-byte characters need at least 2 input bytes.
  out.assign(bytes.size() * 3 + 4, '\0');
  const int32_t written =
      ucnv_toAlgorithmic(UCNV_UTF8, converter.get(), out.data(), static_cast<int32_t>(out.size()),
                         bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return false;
  out.resize(static_cast<size_t>(written));
  return true;
}

}  // namespace

DecodedHtml DecodeHtmlBytes(std::string_view bytes) {
  DecodedHtml decoded;
  decoded.text = std::string(bytes);
  // Bigger pages are refused by size before they get here; ICU counts in int32_t.
  if (bytes.size() > (size_t{1} << 29)) return decoded;
  const bool utf16 = bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
  std::string converter;
  if (utf16) {
    decoded.charset = bytes[0] == '\xFF' ? "utf-16le" : "utf-16be";
    converter = decoded.charset;
    bytes.remove_prefix(2);
  } else if (!bytes.starts_with("\xEF\xBB\xBF")) {
    decoded.charset = MetaCharset(bytes);
    // A page read as bytes cannot be UTF-16 without a byte-order mark: browsers
    // read such a declaration as UTF-8, and so do we.
    if (!decoded.charset.empty() && !IsUtf8Label(decoded.charset) &&
        !decoded.charset.starts_with("utf-16")) {
      converter = ConverterName(decoded.charset);
    }
  }
  if (converter.empty()) return decoded;
  if (!utf16) {
    const bool ascii = std::all_of(bytes.begin(), bytes.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    // ASCII reads the same in every charset a page can declare without a
    // byte-order mark, except the 7-bit encodings that use escapes.
    if (ascii && converter != "utf-7" && converter.find("2022") == std::string::npos) {
      return decoded;
    }
    if (!ascii && !FindInvalidUtf8(bytes)) {
      decoded.problem = "declares charset " + decoded.charset + " but is UTF-8; read as UTF-8";
      return decoded;
    }
  }
  size_t bad_bytes = 0;
  std::string converted;
  if (!ConvertToUtf8(bytes, converter, converted, bad_bytes)) {
    decoded.problem = "unknown charset " + decoded.charset + "; read as UTF-8";
    return decoded;
  }
  decoded.text = std::move(converted);
  decoded.converted = true;
  if (bad_bytes > 0) {
    decoded.problem = std::to_string(bad_bytes) + " byte(s) not valid in the declared charset " +
                      decoded.charset + " replaced with U+FFFD";
  }
  return decoded;
}

}  // namespace epiwire::ingest
