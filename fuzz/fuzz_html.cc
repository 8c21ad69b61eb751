// SPDX-License-Identifier: MIT
// Fuzz target: an HTML page as bytes, through the charset its <meta> declares
// and HtmlToText. The text is valid UTF-8, one block a line with no empty lines
// and no doubled spaces; the title is one line.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "epiwire/base/utf8.h"
#include "epiwire/ingest/reader.h"
#include "fuzz_check.h"

using epiwire::fuzz::Check;
using epiwire::fuzz::CheckUtf8;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > epiwire::fuzz::kMaxInput) return 0;
  const std::string_view input = epiwire::fuzz::AsText(data, size);

  epiwire::ingest::DecodedHtml decoded = epiwire::ingest::DecodeHtmlBytes(input);
  if (decoded.converted) {
    CheckUtf8(decoded.text, "a converted page is valid UTF-8");
  } else {
    Check(decoded.text == input, "a page not converted is kept as it is");
  }
  Check(decoded.problem.empty() || !decoded.charset.empty(), "a charset problem names the charset");
  // Bad UTF-8 left is repaired by the readers before HTML is parsed; do the same.
  epiwire::RepairUtf8(decoded.text);

  const epiwire::ingest::HtmlText text = epiwire::ingest::HtmlToText(decoded.text);
  CheckUtf8(text.text, "text is valid UTF-8");
  CheckUtf8(text.title, "title is valid UTF-8");
  CheckUtf8(text.url, "url is valid UTF-8");
  Check(text.title.find('\n') == std::string::npos, "title is one line");
  if (!text.text.empty()) {
    Check(text.text.back() == '\n', "text ends with a line break");
    Check(text.text.front() != '\n', "text has no leading empty line");
    Check(text.text.find("\n\n") == std::string::npos, "text has no empty lines");
    Check(text.text.find("  ") == std::string::npos, "text has no doubled spaces");
  }
  if (text.published) epiwire::fuzz::CheckDate(*text.published, "published is a calendar date");
  return 0;
}
