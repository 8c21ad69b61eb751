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

// Writes `content` to `path` whole or not at all: into a temporary file beside it,
// renamed over `path`, so that readers (other processes too) see the old file or the
// new one, never a part. IoError naming the path otherwise.
Status WriteFileAtomically(const std::string& path, std::string_view content);

// A file mapped read-only into memory, shared by every process that maps the same file.
// Its pages are mapped at once (one system call rather than a fault a page): it is
// meant for files that are read whole. Move-only; unmapped on destruction.
class MappedFile {
 public:
  // NotFound / IoError naming the path. An empty file maps to empty bytes.
  static Result<MappedFile> Open(const std::string& path);

  MappedFile() = default;
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view bytes() const { return {data_, size_}; }

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
};

// Splits `line` at tabs (fields are views into `line`).
std::vector<std::string_view> SplitTabs(std::string_view line);

// Calls `row(line_number, fields)` for each non-empty line of a TSV file that does
// not start with '#'. The callback returns a non-OK Status to stop; that status is
// returned with "path:line: " put before its message.
Status ForEachTsvRow(const std::string& path,
                     const std::function<Status(int, const std::vector<std::string_view>&)>& row);

}  // namespace epiwire

#endif  // EPIWIRE_BASE_FILE_H_
