// SPDX-License-Identifier: MIT
// Tests for ReadPath and ReadJsonLines on files written to a temporary directory.
#include "epiwire/ingest/reader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "epiwire/ingest/published_date.h"

namespace epiwire::ingest {
namespace {

namespace fs = std::filesystem;

// A fresh directory under the system temporary directory, removed afterwards.
class TempDir {
 public:
  TempDir() {
    std::random_device random;
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    path_ = fs::temp_directory_path() /
            ("epiwire_ingest_" + std::to_string(stamp) + "_" + std::to_string(random()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes `content` to `name` (which may hold subdirectories); returns the full path.
  std::string Write(const std::string& name, const std::string& content) const {
    const fs::path file = path_ / name;
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out << content;
    return file.string();
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

struct Collected {
  Status status;
  std::vector<Document> documents;
  std::vector<InputProblem> problems;
};

Collected Read(const std::string& path, const ReadOptions& options = {}) {
  Collected out;
  out.status = ReadPath(
      path, options, [&](Document&& d) { out.documents.push_back(std::move(d)); },
      [&](const InputProblem& p) { out.problems.push_back(p); });
  return out;
}

Collected ReadLines(const std::string& content, const ReadOptions& options = {}) {
  Collected out;
  ReadJsonLines(
      content, "feed.jsonl", options, [&](Document&& d) { out.documents.push_back(std::move(d)); },
      [&](const InputProblem& p) { out.problems.push_back(p); });
  return out;
}

TEST(ReadPath, ReadsDirectoryFilesInNameOrderWithTheirFormats) {
  TempDir dir;
  dir.Write("b_page.html",
            "<html><head><title>Clinic news</title></head><body><p>The clinic opened.</p>"
            "<p>Staff were hired.</p></body></html>");
  dir.Write("a_note.txt", "Forty people were tested on Monday.\n");
  dir.Write("c_feed.jsonl",
            "{\"id\": \"r1\", \"text\": \"First record.\"}\n"
            "{\"id\": \"r2\", \"text\": \"Second record.\", \"format\": \"html\"}\n");
  const Collected got = Read(dir.path());
  ASSERT_TRUE(got.status.ok()) << got.status.message();
  EXPECT_TRUE(got.problems.empty());
  ASSERT_EQ(got.documents.size(), 4u);
  EXPECT_EQ(got.documents[0].id, "a_note");
  EXPECT_EQ(got.documents[0].format, "text");
  EXPECT_EQ(got.documents[0].text, "Forty people were tested on Monday.\n");
  EXPECT_EQ(got.documents[0].origin, (fs::path(dir.path()) / "a_note.txt").string());
  EXPECT_EQ(got.documents[1].id, "b_page");
  EXPECT_EQ(got.documents[1].format, "html");
  EXPECT_EQ(got.documents[1].text, "The clinic opened.\nStaff were hired.\n");
  EXPECT_EQ(got.documents[1].title, "Clinic news");
  EXPECT_EQ(got.documents[2].id, "r1");
  EXPECT_EQ(got.documents[2].format, "text");
  EXPECT_EQ(got.documents[2].origin, (fs::path(dir.path()) / "c_feed.jsonl").string() + ":1");
  EXPECT_EQ(got.documents[3].id, "r2");
  EXPECT_EQ(got.documents[3].format, "html");
  EXPECT_EQ(got.documents[3].text, "Second record.\n");
}

TEST(ReadPath, WalksSubdirectoriesAndLeavesOutHiddenEntries) {
  TempDir dir;
  dir.Write("sub/z.txt", "Deep file.");
  dir.Write("m.txt", "Middle file.");
  dir.Write(".secret.txt", "Hidden file.");
  dir.Write(".cache/inner.txt", "Inside a hidden directory.");
  const Collected got = Read(dir.path());
  ASSERT_TRUE(got.status.ok());
  ASSERT_EQ(got.documents.size(), 2u);
  EXPECT_EQ(got.documents[0].id, "m");
  EXPECT_EQ(got.documents[1].id, "z");
  EXPECT_EQ(got.documents[1].text, "Deep file.");
}

TEST(ReadPath, ReadsASingleFileNamedDirectly) {
  TempDir dir;
  const std::string path = dir.Write("report.2020.txt", "Two wards closed.");
  const Collected got = Read(path);
  ASSERT_TRUE(got.status.ok());
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].id, "report.2020");
  EXPECT_EQ(got.documents[0].origin, path);
  EXPECT_EQ(got.documents[0].published_source, PublishedSource::kNone);
  EXPECT_FALSE(got.documents[0].published.has_value());
}

TEST(ReadPath, NonexistentPathIsANotFoundStatus) {
  TempDir dir;
  const Collected got = Read(dir.path() + "/no_such_file.txt");
  EXPECT_FALSE(got.status.ok());
  EXPECT_EQ(got.status.code(), StatusCode::kNotFound);
  EXPECT_NE(got.status.message().find("no_such_file.txt"), std::string::npos);
  EXPECT_TRUE(got.documents.empty());
}

TEST(ReadPath, UnknownFormatOptionIsInvalidInput) {
  TempDir dir;
  const std::string path = dir.Write("a.txt", "Some text.");
  ReadOptions options;
  options.format = "pdf";
  const Collected got = Read(path, options);
  EXPECT_EQ(got.status.code(), StatusCode::kInvalidInput);
  EXPECT_TRUE(got.documents.empty());
}

TEST(ReadPath, BinaryFileIsSkippedAndReported) {
  TempDir dir;
  const std::string path = dir.Write("image.txt", std::string("GIF89a\0\0\x01\x02", 10));
  dir.Write("ok.txt", "Readable.");
  const Collected got = Read(dir.path());
  ASSERT_TRUE(got.status.ok());
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].id, "ok");
  ASSERT_EQ(got.problems.size(), 1u);
  EXPECT_EQ(got.problems[0].where, path);
  EXPECT_EQ(got.problems[0].what, "binary file");
  EXPECT_TRUE(got.problems[0].skipped);
}

TEST(ReadPath, EmptyAndBlankFilesAreSkippedAndReported) {
  TempDir dir;
  const std::string empty = dir.Write("a_empty.txt", "");
  const std::string blank = dir.Write("b_blank.txt", " \n\t\n");
  const std::string feed = dir.Write("c_feed.jsonl", "");
  const Collected got = Read(dir.path());
  ASSERT_TRUE(got.status.ok());
  EXPECT_TRUE(got.documents.empty());
  ASSERT_EQ(got.problems.size(), 3u);
  EXPECT_EQ(got.problems[0].where, empty);
  EXPECT_EQ(got.problems[0].what, "empty file");
  EXPECT_EQ(got.problems[1].where, blank);
  EXPECT_EQ(got.problems[1].what, "empty file");
  EXPECT_EQ(got.problems[2].where, feed);
  EXPECT_TRUE(got.problems[2].skipped);
}

TEST(ReadPath, OverSizeTextFileIsSkippedAndReported) {
  TempDir dir;
  const std::string path = dir.Write("long.txt", std::string(200, 'x'));
  ReadOptions options;
  options.max_document_bytes = 100;
  const Collected got = Read(path, options);
  ASSERT_TRUE(got.status.ok());
  EXPECT_TRUE(got.documents.empty());
  ASSERT_EQ(got.problems.size(), 1u);
  EXPECT_EQ(got.problems[0].where, path);
  EXPECT_NE(got.problems[0].what.find("too large"), std::string::npos);
  EXPECT_TRUE(got.problems[0].skipped);
}

TEST(ReadPath, InvalidUtf8InTextFileIsRepairedAndReportedWithOffset) {
  TempDir dir;
  const std::string path = dir.Write("latin1.txt", "Caf\xE9 owners met.");
  const Collected got = Read(path);
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].text, "Caf\xEF\xBF\xBD owners met.");
  ASSERT_EQ(got.problems.size(), 1u);
  EXPECT_EQ(got.problems[0].where, path);
  EXPECT_NE(got.problems[0].what.find("invalid UTF-8 at byte 3"), std::string::npos);
  EXPECT_FALSE(got.problems[0].skipped);
}

TEST(ReadPath, InvalidUtf8OffsetCountsTheByteOrderMark) {
  TempDir dir;
  const std::string path = dir.Write("bom.txt",
                                     "\xEF\xBB\xBF"
                                     "ab\x80");
  const Collected got = Read(path);
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].text, "ab\xEF\xBF\xBD");
  ASSERT_EQ(got.problems.size(), 1u);
  EXPECT_NE(got.problems[0].what.find("at byte 5"), std::string::npos) << got.problems[0].what;
}

TEST(ReadPath, DashReadsStandardInputAsJsonLines) {
  TempDir dir;
  const std::string path = dir.Write("input", "\n{\"id\": \"s1\", \"text\": \"From a pipe.\"}\n");
  ASSERT_NE(std::freopen(path.c_str(), "rb", stdin), nullptr);
  const Collected got = Read("-");
  ASSERT_TRUE(got.status.ok());
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].id, "s1");
  EXPECT_EQ(got.documents[0].origin, "stdin:2");
  EXPECT_EQ(got.documents[0].text, "From a pipe.");
}

TEST(ReadPath, TextFileLineEndsAndByteOrderMarkAreNormalized) {
  TempDir dir;
  const std::string path = dir.Write("dos.txt", "\xEF\xBB\xBFLine one.\r\nLine two.\rLine three.");
  const Collected got = Read(path);
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].text, "Line one.\nLine two.\nLine three.");
}

TEST(ReadPath, HtmlInATextFileIsSniffed) {
  TempDir dir;
  const std::string path = dir.Write(
      "saved.txt", "  <!DOCTYPE html><html><body><h1>Heading</h1><p>Body.</p></body></html>");
  const std::string plain = dir.Write("plain.txt", "<b> is a tag, but this is prose.");
  const Collected got = Read(path);
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].format, "html");
  EXPECT_EQ(got.documents[0].text, "Heading\nBody.\n");
  const Collected prose = Read(plain);
  ASSERT_EQ(prose.documents.size(), 1u);
  EXPECT_EQ(prose.documents[0].format, "text");
  EXPECT_EQ(prose.documents[0].text, "<b> is a tag, but this is prose.");
}

TEST(ReadPath, FormatOptionOverridesTheExtension) {
  TempDir dir;
  const std::string path = dir.Write("page.html", "<p>Kept as markup.</p>");
  ReadOptions options;
  options.format = "text";
  const Collected got = Read(path, options);
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].format, "text");
  EXPECT_EQ(got.documents[0].text, "<p>Kept as markup.</p>");
}

TEST(ReadPath, GivenPublishedDateIsUsedOnlyWhenTheDocumentHasNone) {
  TempDir dir;
  dir.Write("a.txt", "No date here.");
  dir.Write(
      "b.html",
      "<html><head><meta property=\"article:published_time\" content=\"2020-03-02T08:00:00Z\">"
      "</head><body><p>Dated page.</p></body></html>");
  dir.Write("c.jsonl",
            "{\"id\": \"dated\", \"text\": \"x\", \"published\": \"2020-01-05\"}\n"
            "{\"id\": \"undated\", \"text\": \"y\"}\n");
  ReadOptions options;
  options.published = Date{2021, 6, 30};
  const Collected got = Read(dir.path(), options);
  ASSERT_EQ(got.documents.size(), 4u);
  EXPECT_EQ(got.documents[0].published, (Date{2021, 6, 30}));
  EXPECT_EQ(got.documents[0].published_source, PublishedSource::kGiven);
  EXPECT_EQ(got.documents[1].published, (Date{2020, 3, 2}));
  EXPECT_EQ(got.documents[1].published_source, PublishedSource::kGiven);
  EXPECT_EQ(got.documents[2].published, (Date{2020, 1, 5}));
  EXPECT_EQ(got.documents[3].published, (Date{2021, 6, 30}));
  EXPECT_EQ(got.documents[3].published_source, PublishedSource::kGiven);
}

TEST(ReadJsonLines, MalformedLineInTheMiddleIsReportedAndTheOthersKept) {
  const Collected got = ReadLines(
      "{\"id\": \"one\", \"text\": \"Alpha.\"}\n"
      "{\"id\": \"two\", \"text\": \"Beta.\",}\n"
      "{\"id\": \"three\", \"text\": \"Gamma.\"}\n");
  ASSERT_EQ(got.documents.size(), 2u);
  EXPECT_EQ(got.documents[0].id, "one");
  EXPECT_EQ(got.documents[1].id, "three");
  EXPECT_EQ(got.documents[1].origin, "feed.jsonl:3");
  ASSERT_EQ(got.problems.size(), 1u);
  EXPECT_EQ(got.problems[0].where, "feed.jsonl:2");
  EXPECT_EQ(got.problems[0].what.rfind("invalid JSON: ", 0), 0u);
  EXPECT_TRUE(got.problems[0].skipped);
}

TEST(ReadJsonLines, RecordThatIsNotAnObjectIsReported) {
  const Collected got = ReadLines("[1, 2]\n\"just a string\"\n");
  EXPECT_TRUE(got.documents.empty());
  ASSERT_EQ(got.problems.size(), 2u);
  EXPECT_EQ(got.problems[0].where, "feed.jsonl:1");
  EXPECT_EQ(got.problems[1].where, "feed.jsonl:2");
  EXPECT_NE(got.problems[0].what.find("object"), std::string::npos);
}

TEST(ReadJsonLines, MissingOrNonStringTextIsReportedAndSkipped) {
  const Collected got = ReadLines(
      "{\"id\": \"a\", \"title\": \"No body\"}\n"
      "{\"id\": \"b\", \"text\": 42}\n"
      "{\"id\": \"c\", \"text\": null}\n"
      "{\"id\": \"d\", \"text\": \"Fine.\"}\n");
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].id, "d");
  ASSERT_EQ(got.problems.size(), 3u);
  EXPECT_EQ(got.problems[0].where, "feed.jsonl:1");
  EXPECT_NE(got.problems[0].what.find("text"), std::string::npos);
  EXPECT_EQ(got.problems[1].where, "feed.jsonl:2");
  EXPECT_EQ(got.problems[1].what, "\"text\" is not a string");
  EXPECT_EQ(got.problems[2].where, "feed.jsonl:3");
  EXPECT_TRUE(got.problems[2].skipped);
}

TEST(ReadJsonLines, NumericIdsBecomeStrings) {
  struct Case {
    std::string line;
    std::string id;
  };
  const std::vector<Case> cases = {
      {"{\"id\": 17, \"text\": \"t\"}", "17"},
      {"{\"id\": -3, \"text\": \"t\"}", "-3"},
      {"{\"id\": 18446744073709551615, \"text\": \"t\"}", "18446744073709551615"},
      {"{\"id\": 2.5, \"text\": \"t\"}", "2.5"},
      {"{\"id\": \"s-9\", \"text\": \"t\"}", "s-9"},
  };
  for (const Case& c : cases) {
    const Collected got = ReadLines(c.line);
    ASSERT_EQ(got.documents.size(), 1u) << c.line;
    EXPECT_EQ(got.documents[0].id, c.id) << c.line;
    EXPECT_TRUE(got.problems.empty()) << c.line;
  }
}

TEST(ReadJsonLines, MissingOrUnusableIdFallsBackToFileAndLine) {
  const Collected got = ReadLines(
      "\n"
      "{\"text\": \"No id.\"}\n"
      "{\"id\": \"\", \"text\": \"Empty id.\"}\n"
      "{\"id\": [1], \"text\": \"Array id.\"}\n");
  ASSERT_EQ(got.documents.size(), 3u);
  EXPECT_EQ(got.documents[0].id, "feed.jsonl:2");
  EXPECT_EQ(got.documents[1].id, "feed.jsonl:3");
  EXPECT_EQ(got.documents[2].id, "feed.jsonl:4");
  ASSERT_EQ(got.problems.size(), 1u);
  EXPECT_EQ(got.problems[0].where, "feed.jsonl:4");
  EXPECT_FALSE(got.problems[0].skipped);
}

TEST(ReadJsonLines, BlankLinesAreIgnoredAndLineNumbersStayTrue) {
  const Collected got = ReadLines("\n   \n{\"text\": \"x\"}\r\n\r\n{\"text\": \"y\"}");
  ASSERT_EQ(got.documents.size(), 2u);
  EXPECT_TRUE(got.problems.empty());
  EXPECT_EQ(got.documents[0].origin, "feed.jsonl:3");
  EXPECT_EQ(got.documents[1].origin, "feed.jsonl:5");
  EXPECT_EQ(got.documents[1].text, "y");
}

TEST(ReadJsonLines, PublishedAcceptsIsoDatesTimestampsAndUnixTime) {
  struct Case {
    std::string value;
    Date date;
  };
  const std::vector<Case> cases = {
      {"\"2020-04-08\"", {2020, 4, 8}}, {"\"2020-04-08T23:10:00+08:00\"", {2020, 4, 8}},
      {"\"2020/04/08\"", {2020, 4, 8}}, {"1586304000", {2020, 4, 8}},
      {"1586304000000", {2020, 4, 8}},  {"\"Wed, 08 Apr 2020 10:00:00 GMT\"", {2020, 4, 8}},
  };
  for (const Case& c : cases) {
    const Collected got = ReadLines("{\"text\": \"x\", \"published\": " + c.value + "}");
    ASSERT_EQ(got.documents.size(), 1u) << c.value;
    EXPECT_EQ(got.documents[0].published, c.date) << c.value;
    EXPECT_EQ(got.documents[0].published_source, PublishedSource::kGiven) << c.value;
    EXPECT_TRUE(got.problems.empty()) << c.value;
  }
}

TEST(ReadJsonLines, BadPublishedValueIsReportedAndDropped) {
  ReadOptions options;
  const std::vector<std::string> values = {"\"soon\"", "\"2020-13-45\"", "true", "{\"y\": 1}"};
  for (const std::string& value : values) {
    const Collected got =
        ReadLines("{\"id\": \"p\", \"text\": \"x\", \"published\": " + value + "}");
    ASSERT_EQ(got.documents.size(), 1u) << value;
    EXPECT_FALSE(got.documents[0].published.has_value()) << value;
    EXPECT_EQ(got.documents[0].published_source, PublishedSource::kNone) << value;
    ASSERT_EQ(got.problems.size(), 1u) << value;
    EXPECT_EQ(got.problems[0].where, "feed.jsonl:1");
    EXPECT_NE(got.problems[0].what.find("published"), std::string::npos);
    EXPECT_FALSE(got.problems[0].skipped);
  }
}

TEST(ReadJsonLines, BadPublishedValueFallsBackToTheGivenDate) {
  ReadOptions options;
  options.published = Date{2019, 12, 31};
  const Collected got = ReadLines("{\"text\": \"x\", \"published\": \"never\"}", options);
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].published, (Date{2019, 12, 31}));
  EXPECT_EQ(got.problems.size(), 1u);
}

TEST(ReadJsonLines, UrlTitleAndHtmlFormatAreRead) {
  const Collected got = ReadLines(
      "{\"id\": \"h\", \"format\": \"html\", \"url\": \"https://example.org/a\", "
      "\"text\": \"<html><head><title>Page title</title>"
      "<meta name=\\\"date\\\" content=\\\"2020-02-03\\\"></head>"
      "<body><nav>Menu</nav><p>First &amp; only.</p></body></html>\"}");
  ASSERT_EQ(got.documents.size(), 1u);
  const Document& doc = got.documents[0];
  EXPECT_EQ(doc.format, "html");
  EXPECT_EQ(doc.text, "First & only.\n");
  EXPECT_EQ(doc.title, "Page title");
  EXPECT_EQ(doc.url, "https://example.org/a");
  EXPECT_EQ(doc.published, (Date{2020, 2, 3}));
  EXPECT_EQ(doc.published_source, PublishedSource::kGiven);
}

TEST(ReadJsonLines, RecordTitleWinsOverHtmlTitle) {
  const Collected got = ReadLines(
      "{\"format\": \"html\", \"title\": \"Feed title\", "
      "\"text\": \"<title>Page title</title><p>Words.</p>\"}");
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].title, "Feed title");
}

TEST(ReadJsonLines, UnknownFormatIsReportedAndReadAsText) {
  const Collected got = ReadLines("{\"format\": \"pdf\", \"text\": \"<p>x</p>\"}");
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].format, "text");
  EXPECT_EQ(got.documents[0].text, "<p>x</p>");
  ASSERT_EQ(got.problems.size(), 1u);
  EXPECT_FALSE(got.problems[0].skipped);
}

TEST(ReadJsonLines, InvalidUtf8IsRepairedAndReportedWithOffset) {
  const std::string line = "{\"id\": \"u\", \"text\": \"Na\xEFve \xFF reader\"}";
  const Collected got = ReadLines("{\"text\": \"clean\"}\n" + line + "\n");
  ASSERT_EQ(got.documents.size(), 2u);
  EXPECT_EQ(got.documents[1].id, "u");
  EXPECT_EQ(got.documents[1].text, "Na\xEF\xBF\xBDve \xEF\xBF\xBD reader");
  ASSERT_EQ(got.problems.size(), 1u);
  EXPECT_EQ(got.problems[0].where, "feed.jsonl:2");
  EXPECT_NE(got.problems[0].what.find("invalid UTF-8 at byte 23"), std::string::npos);
  EXPECT_NE(got.problems[0].what.find("2 bad byte"), std::string::npos);
  EXPECT_FALSE(got.problems[0].skipped);
}

TEST(ReadJsonLines, EscapedNulBecomesASpace) {
  const Collected got = ReadLines("{\"text\": \"a\\u0000b\"}");
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].text, "a b");
}

TEST(ReadJsonLines, OverSizeRecordIsSkippedAndTheNextOneRead) {
  ReadOptions options;
  options.max_document_bytes = 64;
  const Collected got = ReadLines("{\"id\": \"big\", \"text\": \"" + std::string(100, 'w') +
                                      "\"}\n{\"id\": \"small\", \"text\": \"ok\"}\n",
                                  options);
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].id, "small");
  ASSERT_EQ(got.problems.size(), 1u);
  EXPECT_EQ(got.problems[0].where, "feed.jsonl:1");
  EXPECT_NE(got.problems[0].what.find("over the limit of 64 bytes"), std::string::npos);
  EXPECT_TRUE(got.problems[0].skipped);
}

TEST(ReadJsonLines, BinaryJsonLinesFileIsSkipped) {
  TempDir dir;
  const std::string path = dir.Write("dump.ndjson", std::string("\0\0\0{}", 5));
  const Collected got = Read(path);
  ASSERT_TRUE(got.status.ok());
  EXPECT_TRUE(got.documents.empty());
  ASSERT_EQ(got.problems.size(), 1u);
  EXPECT_EQ(got.problems[0].what, "binary file");
}

TEST(ReadPath, ANulByteSpoilsOnlyItsOwnJsonLinesRecord) {
  TempDir dir;
  const std::string path = dir.Write(
      "feed.jsonl", std::string("{\"id\": \"a\", \"text\": \"one\"}\n{\"id\": \"b\", \"text\": \"t\0o\"}\n"
                                "{\"id\": \"c\", \"text\": \"three\"}\n",
                                83));
  const Collected got = Read(path);
  ASSERT_EQ(got.documents.size(), 2u);
  EXPECT_EQ(got.documents[1].id, "c");
  ASSERT_EQ(got.problems.size(), 1u);
  EXPECT_EQ(got.problems[0].where, path + ":2");
  EXPECT_TRUE(got.problems[0].skipped);
}

TEST(ReadJsonLines, RecordNestedTooDeepIsSkippedAndTheNextOneRead) {
  const std::string deep = std::string(10000, '[') + std::string(10000, ']');
  const Collected got = ReadLines("{\"id\": \"deep\", \"text\": \"a\", \"x\": " + deep +
                                  "}\n{\"id\": \"flat\", \"text\": \"ok\"}\n");
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].id, "flat");
  ASSERT_EQ(got.problems.size(), 1u);
  EXPECT_EQ(got.problems[0].where, "feed.jsonl:1");
  EXPECT_EQ(got.problems[0].what, "invalid JSON: nested deeper than 64 levels");
  EXPECT_TRUE(got.problems[0].skipped);
}

TEST(ReadJsonLines, DuplicateIdIsSkippedNamingTheFirstLine) {
  const Collected got = ReadLines(
      "{\"id\": \"a\", \"text\": \"one\"}\n{\"id\": \"b\", \"text\": \"two\"}\n"
      "{\"id\": \"a\", \"text\": \"three\"}\n");
  ASSERT_EQ(got.documents.size(), 2u);
  EXPECT_EQ(got.documents[0].text, "one");
  ASSERT_EQ(got.problems.size(), 1u);
  EXPECT_EQ(got.problems[0].where, "feed.jsonl:3");
  EXPECT_EQ(got.problems[0].what, "duplicate id \"a\" (first at line 1)");
  EXPECT_TRUE(got.problems[0].skipped);
}

TEST(ReadPath, JsonLinesFileIsStreamedAndAnOverlongLineSkipped) {
  TempDir dir;
  ReadOptions options;
  options.max_document_bytes = 1000;
  // A line of 3 MB spans several reads of the file; the last line has no newline.
  const std::string path = dir.Write(
      "feed.jsonl", "{\"id\": \"a\", \"text\": \"first\"}\n{\"id\": \"big\", \"text\": \"" +
                        std::string(3 << 20, 'w') + "\"}\r\n{\"id\": \"c\", \"text\": \"last\"}");
  const Collected got = Read(path, options);
  ASSERT_TRUE(got.status.ok());
  ASSERT_EQ(got.documents.size(), 2u);
  EXPECT_EQ(got.documents[1].id, "c");
  EXPECT_EQ(got.documents[1].origin, path + ":3");
  ASSERT_EQ(got.problems.size(), 1u);
  EXPECT_EQ(got.problems[0].where, path + ":2");
  EXPECT_NE(got.problems[0].what.find("over the limit of 1000 bytes"), std::string::npos);
}

TEST(ReadPath, HtmlFileIsReadInTheCharsetItDeclares) {
  TempDir dir;
  dir.Write("ru.html",
            "<html><head><meta charset=\"windows-1251\"></head><body><p>\xCC\xEE\xF1"
            "\xEA\xE2\xE0</p></body></html>");
  dir.Write("lies.html",
            "<html><head><meta charset=\"gbk\"></head><body><p>caf\xC3\xA9</p>"
            "</body></html>");
  const Collected got = Read(dir.path());
  ASSERT_EQ(got.documents.size(), 2u);
  EXPECT_EQ(got.documents[0].text, "caf\xC3\xA9\n");
  EXPECT_EQ(got.documents[1].text, "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0\n");
  ASSERT_EQ(got.problems.size(), 1u);
  EXPECT_EQ(got.problems[0].where, dir.path() + "/lies.html");
  EXPECT_EQ(got.problems[0].what, "declares charset gbk but is UTF-8; read as UTF-8");
  EXPECT_FALSE(got.problems[0].skipped);
}

TEST(ReadPath, DeepHtmlIsReadAndTheCutReported) {
  TempDir dir;
  std::string html = "<html><body>";
  for (int i = 0; i < 600; ++i) html += "<div>";
  dir.Write("deep.html", html + "deep text</body></html>");
  const Collected got = Read(dir.path());
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].text, "deep text\n");
  ASSERT_EQ(got.problems.size(), 1u);
  EXPECT_EQ(got.problems[0].what,
            "HTML nested deeper than 512 levels: 88 tag(s) beyond it dropped, their text kept");
  EXPECT_FALSE(got.problems[0].skipped);
}

TEST(ParsePublishedDate, ReadsTheFormsFeedsAndPagesUse) {
  struct Case {
    std::string text;
    std::optional<Date> date;
  };
  const std::vector<Case> cases = {
      {"2020-04-08", Date{2020, 4, 8}},    {" 2020-04-08 10:00:00 ", Date{2020, 4, 8}},
      {"20200408", Date{2020, 4, 8}},      {"April 8, 2020", Date{2020, 4, 8}},
      {"8th Sept 2020", Date{2020, 9, 8}}, {"Tuesday, 31 March 2020 - 14:05", Date{2020, 3, 31}},
      {"1586304000", Date{2020, 4, 8}},    {"", std::nullopt},
      {"yesterday", std::nullopt},         {"2020-02-30", std::nullopt},
      {"April 2020", std::nullopt},        {"1800-01-01", std::nullopt},
      {"99999999999999", std::nullopt},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ParsePublishedDate(c.text), c.date) << "\"" << c.text << "\"";
  }
}

}  // namespace
}  // namespace epiwire::ingest
