// SPDX-License-Identifier: MIT
// Tests for HtmlToText: block structure, dropped page chrome, metadata.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "epiwire/base/utf8.h"
#include "epiwire/ingest/reader.h"

namespace epiwire::ingest {
namespace {

std::string Text(const std::string& html) { return HtmlToText(html).text; }

std::string Page(const std::string& head, const std::string& body) {
  return "<!DOCTYPE html><html><head>" + head + "</head><body>" + body + "</body></html>";
}

TEST(HtmlToText, EachBlockBecomesOneLine) {
  struct Case {
    std::string html;
    std::string text;
  };
  const std::vector<Case> cases = {
      {"<p>One.</p><p>Two.</p>", "One.\nTwo.\n"},
      {"<h1>Head</h1><div>Body <b>bold</b> and <i>italic</i>.</div>",
       "Head\nBody bold and italic.\n"},
      {"<ul><li>first</li><li>second</li></ul>", "first\nsecond\n"},
      {"<blockquote>Quoted.</blockquote><section>Sectioned.</section>", "Quoted.\nSectioned.\n"},
      {"<figure><img src=a.png><figcaption>Caption.</figcaption></figure>", "Caption.\n"},
      {"<dl><dt>Term</dt><dd>Meaning</dd></dl>", "Term\nMeaning\n"},
      {"<div>outer<div>inner</div>tail</div>", "outer\ninner\ntail\n"},
      {"<article><h2>A</h2><p>B</p></article>", "A\nB\n"},
  };
  for (const Case& c : cases) EXPECT_EQ(Text(c.html), c.text) << c.html;
}

TEST(HtmlToText, InlineWhitespaceIsFoldedToSingleSpaces) {
  EXPECT_EQ(Text("<p>  Many \n\t spaces\r\n here  </p>"), "Many spaces here\n");
  EXPECT_EQ(Text("<p>60&nbsp;new&#8201;cases</p>"), "60 new cases\n");
  EXPECT_EQ(Text("<p><span>glued</span><span>together</span></p>"), "gluedtogether\n");
  EXPECT_EQ(Text("<p>word <a href=x>link</a> word</p>"), "word link word\n");
}

TEST(HtmlToText, NoEmptyLinesAndEveryLineEnds) {
  const std::string text =
      Text("<div>\n\n<p> </p><p>a</p>\n<div><div></div></div><p>b</p>\n</div>");
  EXPECT_EQ(text, "a\nb\n");
  EXPECT_EQ(text.find("\n\n"), std::string::npos);
}

TEST(HtmlToText, BrEndsALine) {
  EXPECT_EQ(Text("<p>Line one<br>Line two<br/><br>Line three</p>"),
            "Line one\nLine two\nLine three\n");
}

TEST(HtmlToText, ScriptStyleAndPageChromeAreDropped) {
  const std::string html =
      Page("<style>p { color: red }</style><script>var a = 1;</script>",
           "<nav><a href=/>Home</a> <a href=/news>News</a></nav>"
           "<script>document.write('x')</script><noscript>Enable scripts</noscript>"
           "<p>Kept paragraph.</p>"
           "<aside>Related stories</aside><form><label>Email</label><button>Sign up</button></form>"
           "<iframe src=ad.html>ad</iframe><svg><text>chart label</text></svg>"
           "<footer>Copyright line</footer>");
  EXPECT_EQ(Text(html), "Kept paragraph.\n");
}

TEST(HtmlToText, PageHeaderIsDroppedButArticleHeaderKept) {
  const std::string html =
      Page("",
           "<header><div>Site banner</div></header>"
           "<article><header><h1>Story headline</h1><p>By a reporter</p></header>"
           "<p>Story body.</p><footer>Tags: health</footer></article>");
  EXPECT_EQ(Text(html), "Story headline\nBy a reporter\nStory body.\n");
}

TEST(HtmlToText, HiddenElementsAreDropped) {
  EXPECT_EQ(Text("<p>shown</p><p hidden>gone</p><div style=\"display: none\">gone</div>"
                 "<span aria-hidden=\"true\">gone</span>"),
            "shown\n");
}

TEST(HtmlToText, EntitiesAreDecoded) {
  EXPECT_EQ(Text("<p>Fish &amp; chips &lt;3 &quot;quoted&quot; it&#8217;s &#x41;&eacute;</p>"),
            "Fish & chips <3 \"quoted\" it\xE2\x80\x99s A\xC3\xA9\n");
}

TEST(HtmlToText, TableRowsAreLinesWithCellsApartByBarsAndHeaderCellsAHeading) {
  const std::string html =
      "<table><caption>Cases by region</caption>"
      "<tr><th>Region</th><th>Cases</th></tr>"
      "<tr><td>North</td><td>12</td></tr>"
      "<tr><td>South</td><td>7</td></tr></table>";
  EXPECT_EQ(Text(html), "Cases by region\nRegion, Cases:\nNorth | 12\nSouth | 7\n");
}

TEST(HtmlToText, PreKeepsItsLineBreaks) {
  EXPECT_EQ(Text("<pre>row one\nrow  two\n\nrow three</pre>"), "row one\nrow two\nrow three\n");
}

TEST(HtmlToText, TitleComesFromTitleElementOrOpenGraph) {
  const HtmlText plain = HtmlToText(Page("<title>  Plain\n title </title>", "<p>x</p>"));
  EXPECT_EQ(plain.title, "Plain title");
  EXPECT_EQ(plain.text, "x\n");
  const HtmlText og = HtmlToText(
      Page("<title>Story - Site</title><meta property=\"og:title\" content=\"Story &amp; more\">",
           "<p>x</p>"));
  EXPECT_EQ(og.title, "Story & more");
  EXPECT_TRUE(HtmlToText("<p>untitled</p>").title.empty());
}

TEST(HtmlToText, PublishedComesFromArticlePublishedTime) {
  const HtmlText page = HtmlToText(
      Page("<meta property=\"article:published_time\" content=\"2020-04-08T06:30:00+08:00\">",
           "<p>x</p>"));
  ASSERT_TRUE(page.published.has_value());
  EXPECT_EQ(*page.published, (Date{2020, 4, 8}));
}

TEST(HtmlToText, PublishedComesFromNamedMetaTags) {
  const std::vector<std::string> names = {"date",    "pubdate",        "publishdate",
                                          "dc.date", "DC.date.issued", "parsely-pub-date"};
  for (const std::string& name : names) {
    const HtmlText page =
        HtmlToText(Page("<meta name=\"" + name + "\" content=\"2019-11-21\">", "<p>x</p>"));
    EXPECT_EQ(page.published, (Date{2019, 11, 21})) << name;
  }
  const HtmlText other = HtmlToText(Page("<meta name=\"modified\" content=\"2019-11-21\">", ""));
  EXPECT_FALSE(other.published.has_value());
}

TEST(HtmlToText, PublishedComesFromItemprop) {
  const HtmlText meta =
      HtmlToText(Page("", "<meta itemprop=\"datePublished\" content=\"2021-01-15\"><p>x</p>"));
  EXPECT_EQ(meta.published, (Date{2021, 1, 15}));
}

TEST(HtmlToText, PublishedComesFromTheFirstTimeElement) {
  const HtmlText page =
      HtmlToText(Page("",
                      "<p>Posted <time datetime=\"2020-05-01T09:00\">1 May</time></p>"
                      "<p>Updated <time datetime=\"2020-05-03\">3 May</time></p>"));
  EXPECT_EQ(page.published, (Date{2020, 5, 1}));
  EXPECT_EQ(page.text, "Posted 1 May\nUpdated 3 May\n");
  EXPECT_FALSE(HtmlToText("<time>no attribute</time>").published.has_value());
}

TEST(HtmlToText, MetaDateBeatsTimeElementAndBadMetaIsPassedOver) {
  const HtmlText meta_first = HtmlToText(Page("<meta name=\"date\" content=\"2020-02-02\">",
                                              "<time datetime=\"2020-01-01\">x</time>"));
  EXPECT_EQ(meta_first.published, (Date{2020, 2, 2}));
  const HtmlText bad_meta = HtmlToText(
      Page("<meta name=\"date\" content=\"sometime\">", "<time datetime=\"2020-01-01\">x</time>"));
  EXPECT_EQ(bad_meta.published, (Date{2020, 1, 1}));
}

TEST(HtmlToText, TimeInDroppedChromeIsNotThePublishedDate) {
  const HtmlText page = HtmlToText(
      Page("", "<aside><time datetime=\"2018-07-07\">old story</time></aside><p>No date.</p>"));
  EXPECT_FALSE(page.published.has_value());
}

TEST(HtmlToText, PublishedComesFromJsonLd) {
  const HtmlText page =
      HtmlToText(Page("<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
                      "\"datePublished\": \"2020-06-10T12:00:00Z\"}</script>",
                      "<p>x</p>"));
  EXPECT_EQ(page.published, (Date{2020, 6, 10}));
  EXPECT_EQ(page.text, "x\n");
}

TEST(HtmlToText, UrlComesFromCanonicalLinkOrOpenGraph) {
  EXPECT_EQ(HtmlToText(Page("<link rel=\"canonical\" href=\"https://example.org/story\">"
                            "<meta property=\"og:url\" content=\"https://example.org/og\">",
                            ""))
                .url,
            "https://example.org/story");
  EXPECT_EQ(
      HtmlToText(Page("<meta property=\"og:url\" content=\"https://example.org/og\">", "")).url,
      "https://example.org/og");
}

TEST(HtmlToText, BrokenOrEmptyInputGivesNoCrashAndNoEmptyLines) {
  const std::vector<std::string> inputs = {
      "", "<", "</p></div>", "<p><b><i>unclosed", std::string("a\0b", 3), "<<<>>>&&&;;"};
  for (const std::string& input : inputs) {
    const std::string text = Text(input);
    EXPECT_EQ(text.find("\n\n"), std::string::npos);
    if (!text.empty()) {
      EXPECT_EQ(text.back(), '\n');
    }
  }
  EXPECT_EQ(Text("<p><b><i>unclosed"), "unclosed\n");
  EXPECT_EQ(Text(""), "");
}

TEST(HtmlToText, OutOfRangeCharacterReferencesStillGiveValidUtf8) {
  const std::string text = Text("<p>a &#xD800; b &#111111111111; c</p>");
  EXPECT_FALSE(FindInvalidUtf8(text).has_value()) << text;
  EXPECT_EQ(text.substr(0, 2), "a ");
  EXPECT_EQ(text.back(), '\n');
}

TEST(HtmlToText, NestingDeeperThan512LosesTagsNotText) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "deep";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  html += "<p>after</p>";
  const HtmlText text = HtmlToText(html);
  EXPECT_EQ(text.text, "deep\nafter\n");
  EXPECT_EQ(text.dropped_tags, 2u * (100000 - 512));
}

TEST(HtmlToText, UnclosedParagraphsAndItemsDoNotCountAsNesting) {
  std::string html = "<html><body><ul>";
  for (int i = 0; i < 2000; ++i) html += "<li>item " + std::to_string(i) + "<p>more";
  html += "</ul>";
  const HtmlText text = HtmlToText(html);
  EXPECT_EQ(text.dropped_tags, 0u);
  EXPECT_NE(text.text.find("item 1999\nmore\n"), std::string::npos);
}

TEST(HtmlToText, TagsInScriptsAndCommentsDoNotCountAsNesting) {
  std::string noise;
  for (int i = 0; i < 1000; ++i) noise += "<div>";
  const HtmlText text =
      HtmlToText("<html><head><script>var s = '" + noise + "';</script></head><body><!-- " + noise +
                 " --><div><b>kept</b></div></body></html>");
  EXPECT_EQ(text.dropped_tags, 0u);
  EXPECT_EQ(text.text, "kept\n");
}

TEST(DecodeHtmlBytes, ConvertsTheDeclaredLegacyCharsets) {
  struct Case {
    std::string meta;
    std::string bytes;
    std::string utf8;
  };
  const std::vector<Case> cases = {
      // "Moskva" in Cyrillic.
      {"<meta charset=\"windows-1251\">", "\xCC\xEE\xF1\xEA\xE2\xE0",
       "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"},
      // "Zhongguo" in Han characters; GBK is read as its superset GB18030.
      {"<meta charset='gbk'>", "\xD6\xD0\xB9\xFA", "\xE4\xB8\xAD\xE5\x9B\xBD"},
      // "Tokyo" in Shift_JIS, declared the older way.
      {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">",
       "\x93\x8C\x8B\x9E", "\xE6\x9D\xB1\xE4\xBA\xAC"},
      // ISO-8859-1 is read as windows-1252, as browsers do: 0x80 is the euro sign.
      {"<meta charset=iso-8859-1>", "caf\xE9 \x80", "caf\xC3\xA9 \xE2\x82\xAC"},
  };
  for (const Case& c : cases) {
    const DecodedHtml decoded = DecodeHtmlBytes("<html><head>" + c.meta + "</head><body><p>" +
                                                c.bytes + "</p></body></html>");
    EXPECT_TRUE(decoded.converted) << c.meta;
    EXPECT_TRUE(decoded.problem.empty()) << decoded.problem;
    EXPECT_EQ(HtmlToText(decoded.text).text, c.utf8 + "\n") << c.meta;
  }
}

TEST(DecodeHtmlBytes, ADeclarationThatLiesIsNamedAndTheUtf8Kept) {
  const std::string moskva = "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0";
  const DecodedHtml decoded = DecodeHtmlBytes("<meta charset=windows-1251><p>" + moskva + "</p>");
  EXPECT_FALSE(decoded.converted);
  EXPECT_EQ(decoded.charset, "windows-1251");
  EXPECT_EQ(decoded.problem, "declares charset windows-1251 but is UTF-8; read as UTF-8");
  EXPECT_EQ(HtmlToText(decoded.text).text, moskva + "\n");
}

TEST(DecodeHtmlBytes, UnknownCharsetsAndBadBytesAreNamed) {
  const DecodedHtml unknown = DecodeHtmlBytes("<meta charset=x-no-such-set><p>a\xFF</p>");
  EXPECT_FALSE(unknown.converted);
  EXPECT_EQ(unknown.problem, "unknown charset x-no-such-set; read as UTF-8");
  // 0x81 0x20 is no Shift_JIS character.
  const DecodedHtml bad = DecodeHtmlBytes("<meta charset=shift_jis><p>\x93\x8C\x81 x</p>");
  EXPECT_TRUE(bad.converted);
  EXPECT_NE(bad.problem.find("not valid in the declared charset shift_jis"), std::string::npos)
      << bad.problem;
  EXPECT_FALSE(FindInvalidUtf8(bad.text).has_value());
}

TEST(DecodeHtmlBytes, Utf16WithAByteOrderMarkIsConverted) {
  std::string page = "\xFF\xFE";
  for (char c : std::string("<p>Hi</p>")) page += std::string{c, '\0'};
  const DecodedHtml decoded = DecodeHtmlBytes(page);
  EXPECT_TRUE(decoded.converted);
  EXPECT_EQ(decoded.charset, "utf-16le");
  EXPECT_EQ(HtmlToText(decoded.text).text, "Hi\n");
}

TEST(DecodeHtmlBytes, Utf8AndAsciiPagesAreLeftAlone) {
  for (const std::string page : {"<meta charset=utf-8><p>caf\xC3\xA9</p>",
                                 "<meta charset=windows-1251><p>plain</p>", "<p>none</p>"}) {
    const DecodedHtml decoded = DecodeHtmlBytes(page);
    EXPECT_FALSE(decoded.converted) << page;
    EXPECT_TRUE(decoded.problem.empty()) << page;
    EXPECT_EQ(decoded.text, page);
  }
}

TEST(HtmlToText, DeepNestingIsHandled) {
  std::string html;
  for (int i = 0; i < 3000; ++i) html += "<div><span>";
  html += "deep";
  const std::string text = Text(html);
  EXPECT_EQ(text, "deep\n");
}

}  // namespace
}  // namespace epiwire::ingest
