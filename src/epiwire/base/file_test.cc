// SPDX-License-Identifier: MIT
#include "epiwire/base/file.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

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
