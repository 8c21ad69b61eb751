// SPDX-License-Identifier: MIT
// HTML to text over gumbo's parse tree. The walk is iterative (pages can nest
// deeply) and does two jobs at once: it writes the visible text, one block a
// line, and it collects metadata (title, canonical URL, publication date).
// Page chrome (nav, aside, footer, forms, a page-level header) is dropped here
// because it is structural; boilerplate inside the content is left to the
// cleaning stage. Tested by html_test.cc.
#include <gumbo.h>

#include <array>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "epiwire/base/utf8.h"
#include "epiwire/ingest/html_depth.h"
#include "epiwire/ingest/published_date.h"
#include "epiwire/ingest/reader.h"

namespace epiwire::ingest {
namespace {

enum class TagKind { kInline, kBlock, kCell, kLineBreak, kDrop };

// Byte length of the whitespace character at text[i] (ASCII or Unicode spaces
// such as U+00A0 and U+2009, which pages use between figures and words), or 0.
size_t WhitespaceLength(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) {
    return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u;
  };
  const unsigned char c = byte(i);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && byte(i + 1) == 0xA0) return 2;  // U+00A0
  if (c == 0xE2 && byte(i + 1) == 0x80) {
    const unsigned char d = byte(i + 2);
    // U+2000..U+200A, U+2028, U+2029, U+202F.
    if ((d >= 0x80 && d <= 0x8A) || d == 0xA8 || d == 0xA9 || d == 0xAF) return 3;
  }
  if (c == 0xE2 && byte(i + 1) == 0x81 && byte(i + 2) == 0x9F) return 3;  // U+205F
  if (c == 0xE3 && byte(i + 1) == 0x80 && byte(i + 2) == 0x80) return 3;  // U+3000
  return 0;
}

// Builds the text: whitespace folded to one space inside a line, one line per
// block, no empty lines, every line ending in '\n'.
class TextBuilder {
 public:
  void Append(std::string_view text, bool preformatted) {
    size_t i = 0;
    while (i < text.size()) {
      if (preformatted && text[i] == '\n') {
        BreakLine();
        ++i;
        continue;
      }
      const size_t space = WhitespaceLength(text, i);
      if (space > 0) {
        pending_space_ = true;
        i += space;
        continue;
      }
      if (pending_cell_ && !line_.empty()) {
        line_ += header_row_ ? ", " : " | ";
      } else if (pending_space_ && !line_.empty()) {
        line_ += ' ';
      }
      pending_space_ = false;
      pending_cell_ = false;
      line_ += text[i];
      ++i;
    }
  }
  void Space() { pending_space_ = true; }
  // A table's cell: one row a line, its cells apart by bars ("Central | 612"); a row of
  // header cells is the table's heading, which a colon ends ("Departamento, Casos:").
  void Cell(bool header) {
    pending_cell_ = true;
    header_row_ = header_row_ || header;
  }
  void BreakLine() {
    if (!line_.empty()) {
      if (header_row_ && line_.back() != ':') line_ += ':';
      out_ += line_;
      out_ += '\n';
      line_.clear();
    }
    pending_space_ = false;
    pending_cell_ = false;
    header_row_ = false;
  }
  std::string Finish() {
    BreakLine();
    return std::move(out_);
  }

 private:
  std::string out_;
  std::string line_;
  bool pending_space_ = false;
  bool pending_cell_ = false;  // a cell began: a bar before its text
  bool header_row_ = false;    // the line is a row of header cells
};

std::string FoldWhitespace(std::string_view text) {
  TextBuilder builder;
  builder.Append(text, false);
  std::string folded = builder.Finish();
  if (!folded.empty()) folded.pop_back();
  return folded;
}

const char* Attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* attribute = gumbo_get_attribute(&node->v.element.attributes, name);
  return attribute == nullptr ? nullptr : attribute->value;
}

std::string LowerAttribute(const GumboNode* node, const char* name) {
  const char* value = Attribute(node, name);
  return value == nullptr ? std::string() : AsciiLower(value);
}

bool IsHidden(const GumboNode* node) {
  if (Attribute(node, "hidden") != nullptr) return true;
  if (LowerAttribute(node, "aria-hidden") == "true") return true;
  std::string style = LowerAttribute(node, "style");
  if (style.empty()) return false;
  std::erase(style, ' ');
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

TagKind KindOf(const GumboNode* node, bool inside_article) {
  switch (node->v.element.tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_HEAD:
      return TagKind::kDrop;
    case GUMBO_TAG_HEADER:
      // A page header holds the site banner and menus; an article's own header
      // holds its headline and byline, which are content.
      return inside_article ? TagKind::kBlock : TagKind::kDrop;
    case GUMBO_TAG_BR:
      return TagKind::kLineBreak;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      return TagKind::kCell;
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_MENU:
      return TagKind::kBlock;
    default:
      return TagKind::kInline;
  }
}

// Where a publication date came from, best first. The first parseable value
// of the best source wins.
enum DateSource {
  kArticlePublishedTime,
  kItempropDatePublished,
  kNamedMeta,
  kJsonLd,
  kTimeElement,
  kDateSourceCount
};

// Collects metadata seen during the walk.
class Metadata {
 public:
  void SeeMeta(const GumboNode* node) {
    const char* content = Attribute(node, "content");
    if (content == nullptr) return;
    const std::string property = LowerAttribute(node, "property");
    const std::string name = LowerAttribute(node, "name");
    const std::string itemprop = LowerAttribute(node, "itemprop");
    if (property == "og:title" || name == "og:title") {
      if (og_title_.empty()) og_title_ = FoldWhitespace(content);
    } else if (property == "og:url" || name == "og:url") {
      if (og_url_.empty()) og_url_ = FoldWhitespace(content);
    } else if (property == "article:published_time" || name == "article:published_time") {
      OfferDate(kArticlePublishedTime, content);
    } else if (itemprop == "datepublished") {
      OfferDate(kItempropDatePublished, content);
    } else if (IsDateMetaName(name)) {
      OfferDate(kNamedMeta, content);
    }
  }
  void SeeLink(const GumboNode* node) {
    const char* href = Attribute(node, "href");
    if (href == nullptr || !canonical_url_.empty()) return;
    if (LowerAttribute(node, "rel") == "canonical") canonical_url_ = FoldWhitespace(href);
  }
  void SeeTime(const GumboNode* node) {
    const char* datetime = Attribute(node, "datetime");
    if (datetime == nullptr) return;
    if (LowerAttribute(node, "itemprop") == "datepublished") {
      OfferDate(kItempropDatePublished, datetime);
    } else {
      OfferDate(kTimeElement, datetime);
    }
  }
  // A JSON-LD block: only its "datePublished" string is read.
  void SeeJsonLd(std::string_view json) {
    static constexpr std::string_view kKey = "\"datePublished\"";
    const size_t key = json.find(kKey);
    if (key == std::string_view::npos) return;
    size_t i = key + kKey.size();
    while (i < json.size() && (json[i] == ' ' || json[i] == ':' || json[i] == '\t' ||
                               json[i] == '\n' || json[i] == '\r')) {
      ++i;
    }
    if (i >= json.size() || json[i] != '"') return;
    const size_t end = json.find('"', i + 1);
    if (end == std::string_view::npos) return;
    OfferDate(kJsonLd, json.substr(i + 1, end - i - 1));
  }
  void SeeTitle(const GumboNode* node) {
    if (!title_.empty()) return;
    std::string text;
    const GumboVector& children = node->v.element.children;
    for (unsigned int c = 0; c < children.length; ++c) {
      const auto* child = static_cast<const GumboNode*>(children.data[c]);
      if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE) {
        text += child->v.text.text;
      }
    }
    title_ = FoldWhitespace(text);
  }

  void Fill(HtmlText& out) const {
    out.title = og_title_.empty() ? title_ : og_title_;
    out.url = canonical_url_.empty() ? og_url_ : canonical_url_;
    for (const std::optional<Date>& date : dates_) {
      if (date) {
        out.published = date;
        break;
      }
    }
  }

 private:
  static bool IsDateMetaName(std::string_view name) {
    static constexpr std::array<std::string_view, 14> kNames = {"date",
                                                                "pubdate",
                                                                "publishdate",
                                                                "publish-date",
                                                                "publish_date",
                                                                "publication_date",
                                                                "dc.date",
                                                                "dc.date.issued",
                                                                "dcterms.date",
                                                                "dcterms.issued",
                                                                "parsely-pub-date",
                                                                "sailthru.date",
                                                                "article.published",
                                                                "og:published_time"};
    for (std::string_view known : kNames) {
      if (name == known) return true;
    }
    return false;
  }
  void OfferDate(DateSource source, std::string_view value) {
    if (dates_[source]) return;
    dates_[source] = ParsePublishedDate(value);
  }

  std::string title_;
  std::string og_title_;
  std::string canonical_url_;
  std::string og_url_;
  std::array<std::optional<Date>, kDateSourceCount> dates_;
};

bool IsJsonLd(const GumboNode* node) {
  return node->v.element.tag == GUMBO_TAG_SCRIPT &&
         LowerAttribute(node, "type") == "application/ld+json";
}

// Reads metadata from an element that may sit in a dropped subtree (the head).
void SeeMetadata(const GumboNode* node, Metadata& metadata) {
  if (node->v.element.tag_namespace != GUMBO_NAMESPACE_HTML) return;
  switch (node->v.element.tag) {
    case GUMBO_TAG_META:
      metadata.SeeMeta(node);
      break;
    case GUMBO_TAG_LINK:
      metadata.SeeLink(node);
      break;
    case GUMBO_TAG_TITLE:
      metadata.SeeTitle(node);
      break;
    case GUMBO_TAG_SCRIPT:
      if (IsJsonLd(node) && node->v.element.children.length > 0) {
        const auto* child = static_cast<const GumboNode*>(node->v.element.children.data[0]);
        if (child->type == GUMBO_NODE_TEXT) metadata.SeeJsonLd(child->v.text.text);
      }
      break;
    default:
      break;
  }
}

// Walks the tree once. Elements in dropped subtrees are still visited, for
// their metadata, but give no text.
class Walker {
 public:
  HtmlText Run(const GumboNode* root) {
    struct Frame {
      const GumboNode* node;
      unsigned int next_child;
      TagKind kind;
    };
    std::vector<Frame> stack;
    if (Enter(root)) stack.push_back({root, 0, last_kind_});
    while (!stack.empty()) {
      Frame& frame = stack.back();
      const GumboVector& children = frame.node->v.element.children;
      if (frame.next_child >= children.length) {
        Leave(frame.node, frame.kind);
        stack.pop_back();
        continue;
      }
      const auto* child = static_cast<const GumboNode*>(children.data[frame.next_child++]);
      if (child->type == GUMBO_NODE_ELEMENT) {
        if (Enter(child)) stack.push_back({child, 0, last_kind_});
      } else if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
                 child->type == GUMBO_NODE_CDATA) {
        if (drop_depth_ == 0) text_.Append(child->v.text.text, pre_depth_ > 0);
      }
    }
    HtmlText out;
    out.text = text_.Finish();
    metadata_.Fill(out);
    return out;
  }

 private:
  // Returns whether the children of `node` should be walked.
  bool Enter(const GumboNode* node) {
    SeeMetadata(node, metadata_);
    const GumboTag tag = node->v.element.tag;
    // Scripts and styles hold no markup worth walking; nothing else is cut short
    // so that <meta> and <title> are found wherever they are.
    if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) return false;
    last_kind_ = IsHidden(node) ? TagKind::kDrop : KindOf(node, article_depth_ > 0);
    if (last_kind_ == TagKind::kDrop) {
      ++drop_depth_;
      return true;
    }
    if (drop_depth_ > 0) return true;
    if (tag == GUMBO_TAG_TIME) metadata_.SeeTime(node);
    if (tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN) ++article_depth_;
    if (tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_TEXTAREA) ++pre_depth_;
    switch (last_kind_) {
      case TagKind::kBlock:
      case TagKind::kLineBreak:
        text_.BreakLine();
        break;
      case TagKind::kCell:
        text_.Cell(tag == GUMBO_TAG_TH);
        break;
      default:
        break;
    }
    return true;
  }

  void Leave(const GumboNode* node, TagKind kind) {
    if (kind == TagKind::kDrop) {
      --drop_depth_;
      return;
    }
    if (drop_depth_ > 0) return;
    const GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN) --article_depth_;
    if (tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_TEXTAREA) --pre_depth_;
    if (kind == TagKind::kBlock) text_.BreakLine();
    if (kind == TagKind::kCell) text_.Cell(tag == GUMBO_TAG_TH);
  }

  TextBuilder text_;
  Metadata metadata_;
  TagKind last_kind_ = TagKind::kInline;
  int drop_depth_ = 0;
  int article_depth_ = 0;
  int pre_depth_ = 0;
};

}  // namespace

HtmlText HtmlToText(std::string_view html) {
  std::string bounded;
  const size_t dropped = LimitHtmlNesting(html, kMaxHtmlDepth, bounded);
  if (dropped > 0) html = bounded;
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // the error list is never read; do not let it grow
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  if (output == nullptr) return HtmlText{};
  HtmlText result;
  if (output->root != nullptr && output->root->type == GUMBO_NODE_ELEMENT) {
    result = Walker().Run(output->root);
  }
  gumbo_destroy_output(&options, output);
  // Gumbo writes out-of-range character references (&#xD800;, &#1111111;) as
  // the bytes it decoded, which are not UTF-8; repair keeps the contract.
  RepairUtf8(result.text);
  RepairUtf8(result.title);
  RepairUtf8(result.url);
  result.dropped_tags = dropped;
  return result;
}

}  // namespace epiwire::ingest
