// SPDX-License-Identifier: MIT
// Internal to the ingest stage (public API: reader.h): the nesting bound that
// HtmlToText applies before parsing. Tested by html_test.cc.
#ifndef EPIWIRE_INGEST_HTML_DEPTH_H_
#define EPIWIRE_INGEST_HTML_DEPTH_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace epiwire::ingest {

// Chromium's parser stops nesting elements at this depth; so do we.
inline constexpr size_t kMaxHtmlDepth = 512;

// Drops the start tags of elements nested deeper than `max_depth` (counting only
// elements whose end tag is required), and their end tags; their text stays.
// Returns how many tags were dropped; when none, `out` is left empty and the
// page is to be used as it is, else `out` holds the bounded page.
size_t LimitHtmlNesting(std::string_view html, size_t max_depth, std::string& out);

}  // namespace epiwire::ingest

#endif  // EPIWIRE_INGEST_HTML_DEPTH_H_
