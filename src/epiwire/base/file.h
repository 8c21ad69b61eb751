// SPDX-License-Identifier: MIT
// Whole-file reads and tab-separated data files, the way lexicons and tables
// are stored. Tested by file_test.cc.
#ifndef EPIWIRE_BASE_FILE_H_
#define EPIWIRE_BASE_FILE_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "epiwire/base/status.h"

namespace epiwire {

// The whole content of `path`; NotFound / IoError naming the path otherwise.
Result<std::string> ReadFile(const std::string& path);

// Splits `line` at tabs (fields are views into `line`).
std::vector<std::string_view> SplitTabs(std::string_view line);

// Calls `row(line_number, fields)` for each non-empty line of a TSV file that does
// not start with '#'. The callback returns a non-OK Status to stop; that status is
// returned with "path:line: " put before its message.
Status ForEachTsvRow(const std::string& path,
                     const std::function<Status(int, const std::vector<std::string_view>&)>& row);

}  // namespace epiwire

#endif  // EPIWIRE_BASE_FILE_H_
