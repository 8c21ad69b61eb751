// SPDX-License-Identifier: MIT
// Bounds the nesting of HTML before gumbo parses it. Gumbo's tree builder scans
// the stack of open elements for most start tags, so a page nested N deep costs
// N^2 (100,000 nested <div>s: minutes). Like Chromium's parser, which stops
// nesting at 512, start tags deeper than the limit are dropped here with their
// matching end tags; the text inside stays. A scan of tags only: it skips
// comments, declarations and the raw text of script, style and the like, and
// counts only elements whose end tag is required, so that the many unclosed
// <p>, <li> and <td> of ordinary pages never add up. Tested by html_test.cc.
#include "epiwire/ingest/html_depth.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>

#include "epiwire/base/utf8.h"

namespace epiwire::ingest {
namespace {

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IsTagNameChar(char c) {
  return IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '_';
}

// Elements that never nest through their own tags: void elements and those whose
// end tag may be left out (the parser closes them itself).
bool IsUncounted(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "area",  "base",     "br",      "col",   "embed",    "hr",       "img",  "input", "link",
      "meta",  "param",    "source",  "track", "wbr",      "keygen",   "p",    "li",    "dt",
      "dd",    "tr",       "td",      "th",    "option",   "optgroup", "rb",   "rt",    "rp",
      "rtc",   "tbody",    "thead",   "tfoot", "colgroup", "caption",  "html", "head",  "body",
      "image", "basefont", "bgsound", "frame", "menuitem"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

// Elements whose content is raw text up to their end tag (no tags inside).
bool IsRawText(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" ||
         name == "xmp" || name == "iframe" || name == "noembed" || name == "noframes" ||
         name == "noscript" || name == "plaintext";
}

// The index just past the '>' that ends the tag whose attributes start at `i`
// (quotes respected), or html.size().
size_t TagEnd(std::string_view html, size_t i) {
  char quote = 0;
  for (; i < html.size(); ++i) {
    const char c = html[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return html.size();
}

// Where the raw text of `name` ends: at its "</name" (any case), or html.size().
size_t RawTextEnd(std::string_view html, size_t i, std::string_view name) {
  while ((i = html.find("</", i)) != std::string_view::npos) {
    if (AsciiLower(html.substr(i + 2, name.size())) == name) return i;
    i += 2;
  }
  return html.size();
}

}  // namespace

size_t LimitHtmlNesting(std::string_view html, size_t max_depth, std::string& out) {
  out.clear();
  size_t depth = 0;
  size_t dropped_open = 0;  // dropped start tags still waiting for their end tag
  size_t dropped = 0;
  size_t copied = 0;  // html[0, copied) is in `out` (only once a tag is dropped)
  const auto drop = [&](size_t from, size_t to) {
    if (dropped == 0) out.reserve(html.size());
    out.append(html.substr(copied, from - copied));
    copied = to;
    ++dropped;
  };
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    const size_t start = i;
    if (html.compare(i, 4, "<!--") == 0) {
      const size_t close = html.find("-->", i + 4);
      i = close == std::string_view::npos ? html.size() : close + 3;
      continue;
    }
    if (i + 1 < html.size() && (html[i + 1] == '!' || html[i + 1] == '?')) {
      i = TagEnd(html, i + 2);
      continue;
    }
    const bool end_tag = i + 1 < html.size() && html[i + 1] == '/';
    size_t name_start = i + (end_tag ? 2 : 1);
    if (name_start >= html.size() || !IsAsciiLetter(html[name_start])) {
      ++i;
      continue;
    }
    size_t name_end = name_start;
    while (name_end < html.size() && IsTagNameChar(html[name_end])) ++name_end;
    const std::string name = AsciiLower(html.substr(name_start, name_end - name_start));
    i = TagEnd(html, name_end);
    const bool self_closing = !end_tag && i >= 2 && html[i - 1] == '>' && html[i - 2] == '/';
    if (!end_tag && IsRawText(name)) {
      if (name == "plaintext") break;
      i = RawTextEnd(html, i, name);
      continue;
    }
    if (IsUncounted(name) || self_closing) continue;
    if (end_tag) {
      if (dropped_open > 0) {
        --dropped_open;
        drop(start, i);
      } else if (depth > 0) {
        --depth;
      }
    } else if (depth >= max_depth) {
      ++dropped_open;
      drop(start, i);
    } else {
      ++depth;
    }
  }
  if (dropped > 0) out.append(html.substr(copied));
  return dropped;
}

}  // namespace epiwire::ingest
