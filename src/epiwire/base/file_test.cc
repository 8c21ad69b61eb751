// SPDX-License-Identifier: MIT
#include "epiwire/base/file.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

namespace epiwire {
namespace {

std::string WriteTemp(const std::string& name, const std::string& content) {
  const auto path = std::filesystem::temp_directory_path() / ("epiwire_file_test_" + name);
  std::ofstream(path, std::ios::binary) << content;
  return path.string();
}

TEST(File, ReadsWholeFileAndNamesMissingOnes) {
  const std::string path = WriteTemp("a.txt", "line one\nline two");
  Result<std::string> content = ReadFile(path);
  ASSERT_TRUE(content.ok());
  EXPECT_EQ(content.value(), "line one\nline two");
  Result<std::string> missing = ReadFile("/nonexistent/epiwire.tsv");
  EXPECT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("/nonexistent/epiwire.tsv"), std::string::npos);
  std::remove(path.c_str());
}

TEST(File, WritesAtomicallyOverAnOldFileAndLeavesNoTemporary) {
  const std::string path = WriteTemp("atomic.bin", "old content");
  ASSERT_TRUE(WriteFileAtomically(path, std::string("new\0content", 11)).ok());
  Result<std::string> content = ReadFile(path);
  ASSERT_TRUE(content.ok());
  EXPECT_EQ(content.value(), std::string("new\0content", 11));
  const auto dir = std::filesystem::path(path).parent_path();
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    EXPECT_EQ(entry.path().filename().string().find("epiwire_file_test_atomic.bin.tmp"),
              std::string::npos)
        << entry.path();
  }
  std::remove(path.c_str());
}

TEST(File, ThreadsWritingOneFileAtOnceEachLeaveAWholeOne) {
  const std::string path = WriteTemp("atomic_threads.bin", "");
  std::vector<std::string> contents;
  for (char c = 'a'; c <= 'h'; ++c) contents.push_back(std::string(1 << 16, c));
  std::vector<std::thread> threads;
  for (const std::string& content : contents) {
    threads.emplace_back([&path, &content] { EXPECT_TRUE(WriteFileAtomically(path, content).ok()); });
  }
  for (std::thread& thread : threads) thread.join();
  Result<std::string> content = ReadFile(path);
  ASSERT_TRUE(content.ok());
  EXPECT_EQ(content.value().size(), size_t{1} << 16);
  EXPECT_EQ(content.value(), std::string(content.value().size(), content.value()[0]))
      << "bytes of two writers mixed";
  std::remove(path.c_str());
}

TEST(File, AtomicWriteIntoAMissingDirectoryFailsNamingIt) {
  const Status status = WriteFileAtomically("/nonexistent/dir/epiwire.bin", "x");
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("/nonexistent/dir/epiwire.bin"), std::string::npos);
}

TEST(File, MapsAFileAndKeepsItsBytesAfterTheMappingMoves) {
  const std::string path = WriteTemp("mapped.bin", "mapped bytes");
  Result<MappedFile> mapped = MappedFile::Open(path);
  ASSERT_TRUE(mapped.ok());
  MappedFile moved = std::move(mapped).value();
  EXPECT_EQ(moved.bytes(), "mapped bytes");
  std::remove(path.c_str());
  EXPECT_EQ(moved.bytes(), "mapped bytes");  // the mapping outlives the name

  const std::string empty = WriteTemp("empty.bin", "");
  Result<MappedFile> none = MappedFile::Open(empty);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none.value().bytes().empty());
  std::remove(empty.c_str());

  Result<MappedFile> missing = MappedFile::Open("/nonexistent/epiwire.bin");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

TEST(File, SplitsTabsKeepingEmptyFields) {
  EXPECT_EQ(SplitTabs("a\t\tc"), (std::vector<std::string_view>{"a", "", "c"}));
  EXPECT_EQ(SplitTabs("single"), (std::vector<std::string_view>{"single"}));
}

TEST(File, TsvRowsSkipCommentsAndReportLineOfError) {
  const std::string path = WriteTemp("b.tsv", "# comment\nx\t1\r\n\ny\t2\nbad\n");
  int rows = 0;
  const Status status = ForEachTsvRow(path, [&](int line, const std::vector<std::string_view>& f) {
    if (f.size() != 2) return Status::InvalidInput("want 2 fields, line " + std::to_string(line));
    EXPECT_TRUE(f[1] == "1" || f[1] == "2");  // the \r is gone
    ++rows;
    return Status::Ok();
  });
  EXPECT_EQ(rows, 2);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find(":5: want 2 fields"), std::string::npos) << status.message();
  std::remove(path.c_str());
}

}  // namespace
}  // namespace epiwire
