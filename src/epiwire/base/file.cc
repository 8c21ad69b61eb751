// SPDX-License-Identifier: MIT
#include "epiwire/base/file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace epiwire {

Result<std::string> ReadFile(const std::string& path) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) {
    const std::string reason = std::strerror(errno);
    if (errno == ENOENT) return Status::NotFound(path + ": " + reason);
    return Status::IoError(path + ": " + reason);
  }
  std::string content;
  char buffer[1 << 16];
  size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) content.append(buffer, got);
  if (std::ferror(file.get())) return Status::IoError(path + ": read error");
  return content;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      fields.push_back(line.substr(start));
      return fields;
    }
    fields.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

Status ForEachTsvRow(const std::string& path,
                     const std::function<Status(int, const std::vector<std::string_view>&)>& row) {
  Result<std::string> content = ReadFile(path);
  if (!content.ok()) return content.status();
  std::string_view rest = content.value();
  int line_number = 0;
  while (!rest.empty()) {
    const size_t newline = rest.find('\n');
    std::string_view line = rest.substr(0, newline);
    rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    Status status = row(line_number, SplitTabs(line));
    if (!status.ok()) {
      return Status::InvalidInput(path + ":" + std::to_string(line_number) + ": " +
                                  status.message());
    }
  }
  return Status::Ok();
}

}  // namespace epiwire
