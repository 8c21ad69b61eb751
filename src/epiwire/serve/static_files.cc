// SPDX-License-Identifier: MIT
// Safe static file lookup: check the path's grammar first, then check the
// resolved (canonical) file still lies under the canonical root.
#include "epiwire/serve/static_files.h"

#include <filesystem>
#include <utility>

namespace epiwire::serve {
namespace {

constexpr size_t kMaxRelativeBytes = 256;

bool PlainRelativePath(std::string_view relative) {
  if (relative.empty() || relative.size() > kMaxRelativeBytes) return false;
  size_t begin = 0;
  while (begin <= relative.size()) {
    size_t slash = relative.find('/', begin);
    if (slash == std::string_view::npos) slash = relative.size();
    const std::string_view segment = relative.substr(begin, slash - begin);
    if (segment.empty() || segment.front() == '.') return false;
    for (char c : segment) {
      if (c == '\\' || c == '\0' || c == ':' || static_cast<unsigned char>(c) < 0x20) return false;
    }
    begin = slash + 1;
  }
  return true;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

std::string ContentTypeFor(std::string_view path) {
  static const std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
  };
  for (const auto& [extension, type] : kTypes) {
    if (EndsWith(path, extension)) return std::string(type);
  }
  return "";
}

std::optional<std::string> ResolveStaticFile(const std::string& root, std::string_view relative) {
  if (root.empty() || !PlainRelativePath(relative) || ContentTypeFor(relative).empty()) {
    return std::nullopt;
  }
  std::error_code error;
  const std::filesystem::path base = std::filesystem::canonical(root, error);
  if (error) return std::nullopt;
  const std::filesystem::path file = std::filesystem::canonical(base / relative, error);
  if (error || !std::filesystem::is_regular_file(file, error)) return std::nullopt;
  // The canonical file must still be below the canonical root (symlinks out are refused).
  const std::string base_text = base.string() + "/";
  const std::string file_text = file.string();
  if (file_text.compare(0, base_text.size(), base_text) != 0) return std::nullopt;
  return file_text;
}

}  // namespace epiwire::serve
