// SPDX-License-Identifier: MIT
// Files, directories and standard input: picks the format of each input, checks
// it (empty, binary, over-size, bad UTF-8) and makes Documents of it.
// Tested by reader_test.cc.
#include "epiwire/ingest/reader.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "epiwire/base/utf8.h"
#include "epiwire/ingest/document_fill.h"
#include "epiwire/ingest/json_lines.h"

namespace epiwire::ingest {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kBom = "\xEF\xBB\xBF";
// A JSON Lines file is called binary when a NUL shows up this early and it does
// not start as JSON Lines do; other NULs only spoil their own line.
constexpr size_t kJsonLinesBinaryProbe = 4096;

// What one input is, and how problems and documents name it.
struct Input {
  std::string origin;  // path as given, or "stdin"
  std::string id;      // for text and HTML: file name without extension
  std::string format;  // "text", "html", "jsonl" or "auto" (decide from content)
};

bool IsKnownFormat(std::string_view format) {
  return format == "auto" || format == "text" || format == "html" || format == "jsonl";
}

std::string FormatFromExtension(const fs::path& path) {
  const std::string extension = AsciiLower(path.extension().string());
  if (extension == ".jsonl" || extension == ".ndjson") return "jsonl";
  if (extension == ".html" || extension == ".htm") return "html";
  return "auto";
}

bool IsBlank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  });
}

std::string_view SkipLeadingSpace(std::string_view text) {
  while (!text.empty() && IsBlank(text.substr(0, 1))) text.remove_prefix(1);
  return text;
}

// A text that starts with '<' and holds <html or <body (in its first 64 KiB) is HTML.
bool LooksLikeHtml(std::string_view text) {
  text = SkipLeadingSpace(text);
  if (text.empty() || text.front() != '<') return false;
  const std::string head = AsciiLower(text.substr(0, 64 << 10));
  return head.find("<html") != std::string::npos || head.find("<body") != std::string::npos;
}

bool IsBinaryJsonLines(std::string_view head) {
  head = head.substr(0, kJsonLinesBinaryProbe);
  if (head.find('\0') == std::string_view::npos) return false;
  if (head.starts_with(kBom)) head.remove_prefix(kBom.size());
  return !SkipLeadingSpace(head).starts_with('{');
}

// CRLF and lone CR become LF, so that lines are the same whatever wrote the file.
void NormalizeLineEnds(std::string& text) {
  if (text.find('\r') == std::string::npos) return;
  std::string normalized;
  normalized.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      normalized += text[i];
    } else if (i + 1 >= text.size() || text[i + 1] != '\n') {
      normalized += '\n';
    }
  }
  text = std::move(normalized);
}

std::string TooLargeMessage(uintmax_t size, size_t limit) {
  return "file too large: " + std::to_string(size) + " bytes, over the limit of " +
         std::to_string(limit) + " bytes";
}

// Reads a whole stream, stopping after `limit` bytes plus one (so that callers
// can tell an over-size input without holding all of it).
Status ReadStream(std::FILE* stream, size_t limit, const std::string& name, std::string& out) {
  char buffer[1 << 16];
  while (out.size() <= limit) {
    const size_t got = std::fread(buffer, 1, sizeof buffer, stream);
    out.append(buffer, got);
    if (got < sizeof buffer) break;
  }
  if (std::ferror(stream) != 0) return Status::IoError("cannot read " + name);
  return Status::Ok();
}

// Makes the one Document of a text or HTML input.
void ReadDocument(std::string content, const Input& input, const ReadOptions& options,
                  const DocumentHandler& on_document, const ProblemHandler& on_problem) {
  std::string format = input.format;
  if (format == "auto") format = LooksLikeHtml(content) ? "html" : "text";
  // A page in another charset (or in UTF-16) becomes UTF-8 first; its NULs, bad
  // bytes and offsets are then those of the UTF-8 text.
  if (format == "html" || content.starts_with("\xFF\xFE") || content.starts_with("\xFE\xFF")) {
    DecodedHtml decoded = DecodeHtmlBytes(content);
    if (!decoded.problem.empty()) on_problem({input.origin, decoded.problem, false});
    content = std::move(decoded.text);
    if (format == "auto") format = LooksLikeHtml(content) ? "html" : "text";
  }
  if (content.find('\0') != std::string::npos) {
    on_problem({input.origin, "binary file"});
    return;
  }
  // Repaired before the byte-order mark goes, so that reported offsets are file offsets.
  RepairAndReport(content, input.origin, on_problem);
  if (std::string_view(content).starts_with(kBom)) content.erase(0, kBom.size());
  if (IsBlank(content)) {
    on_problem({input.origin, "empty file"});
    return;
  }
  Document document;
  document.id = input.id;
  document.origin = input.origin;
  document.format = format;
  document.text = std::move(content);
  if (document.format == "html") {
    ConvertHtml(document, input.origin, on_problem);
    if (document.text.empty()) {
      on_problem({input.origin, "no text in the HTML"});
      return;
    }
  } else {
    NormalizeLineEnds(document.text);
  }
  ApplyDefaultPublished(document, options);
  on_document(std::move(document));
}

void ReadContent(std::string content, const Input& input, const ReadOptions& options,
                 const DocumentHandler& on_document, const ProblemHandler& on_problem) {
  if (content.empty()) {
    on_problem({input.origin, "empty file"});
    return;
  }
  if (input.format != "jsonl") {
    if (content.size() > options.max_document_bytes) {
      on_problem({input.origin, TooLargeMessage(content.size(), options.max_document_bytes)});
      return;
    }
    ReadDocument(std::move(content), input, options, on_document, on_problem);
    return;
  }
  if (IsBinaryJsonLines(content)) {
    on_problem({input.origin, "binary file"});
    return;
  }
  ReadJsonLines(content, input.origin, options, on_document, on_problem);
}

// Reads a JSON Lines stream in pieces, handing each line to the reader: memory
// stays within one record (max_document_bytes) and one piece, whatever the size
// of the file; a longer line is skipped as it streams past.
Status StreamJsonLines(std::FILE* stream, const Input& input, const ReadOptions& options,
                       const DocumentHandler& on_document, const ProblemHandler& on_problem) {
  JsonLinesReader reader(input.origin, options, on_document, on_problem);
  std::vector<char> buffer(1 << 20);
  std::string line;
  size_t overlong = 0;  // bytes of the current line when it is over the limit, else 0
  size_t total = 0;
  for (;;) {
    const size_t got = std::fread(buffer.data(), 1, buffer.size(), stream);
    if (total == 0 && got > 0) {
      if (IsBinaryJsonLines(std::string_view(buffer.data(), got))) {
        on_problem({input.origin, "binary file"});
        return Status::Ok();
      }
    }
    total += got;
    std::string_view piece(buffer.data(), got);
    while (!piece.empty()) {
      const size_t newline = piece.find('\n');
      const std::string_view part = piece.substr(0, newline);
      if (overlong > 0 || line.size() + part.size() > options.max_document_bytes) {
        overlong += line.size() + part.size();
        line.clear();
      } else {
        line.append(part);
      }
      if (newline == std::string_view::npos) break;
      if (overlong > 0) {
        reader.OverlongLine(overlong);
      } else {
        reader.Line(line);
      }
      line.clear();
      overlong = 0;
      piece.remove_prefix(newline + 1);
    }
    if (got < buffer.size()) break;
  }
  if (std::ferror(stream) != 0) return Status::IoError("cannot read " + input.origin);
  if (total == 0) {
    on_problem({input.origin, "empty file"});
  } else if (overlong > 0) {
    reader.OverlongLine(overlong);
  } else if (!line.empty()) {
    reader.Line(line);
  }
  return Status::Ok();
}

Status ReadFile(const fs::path& path, const ReadOptions& options,
                const DocumentHandler& on_document, const ProblemHandler& on_problem) {
  Input input;
  input.origin = path.string();
  input.id = path.stem().string();
  input.format = options.format == "auto" ? FormatFromExtension(path) : options.format;
  std::error_code error;
  const uintmax_t size = fs::file_size(path, error);
  if (!error && input.format != "jsonl" && size > options.max_document_bytes) {
    on_problem({input.origin, TooLargeMessage(size, options.max_document_bytes)});
    return Status::Ok();
  }
  std::FILE* file = std::fopen(input.origin.c_str(), "rb");
  if (file == nullptr) {
    return Status::IoError("cannot open " + input.origin + ": " +
                           std::generic_category().message(errno));
  }
  if (input.format == "jsonl") {
    Status status = StreamJsonLines(file, input, options, on_document, on_problem);
    std::fclose(file);
    return status;
  }
  std::string content;
  Status status = ReadStream(file, options.max_document_bytes, input.origin, content);
  std::fclose(file);
  if (!status.ok()) return status;
  ReadContent(std::move(content), input, options, on_document, on_problem);
  return Status::Ok();
}

Status ReadStdin(const ReadOptions& options, const DocumentHandler& on_document,
                 const ProblemHandler& on_problem) {
  std::string content;
  Status status = ReadStream(stdin, SIZE_MAX - 1, "standard input", content);
  if (!status.ok()) return status;
  Input input{"stdin", "stdin", options.format};
  // No extension to go by: a stream of JSON objects is JSON Lines.
  if (input.format == "auto" && SkipLeadingSpace(content).starts_with('{')) input.format = "jsonl";
  ReadContent(std::move(content), input, options, on_document, on_problem);
  return Status::Ok();
}

bool IsHidden(const fs::path& path) { return path.filename().string().starts_with('.'); }

Status ReadDirectory(const fs::path& root, const ReadOptions& options,
                     const DocumentHandler& on_document, const ProblemHandler& on_problem) {
  std::error_code error;
  fs::recursive_directory_iterator entries(root, fs::directory_options::skip_permission_denied,
                                           error);
  if (error) return Status::IoError("cannot open " + root.string() + ": " + error.message());
  std::vector<fs::path> files;
  for (; entries != fs::recursive_directory_iterator(); entries.increment(error)) {
    if (error) break;
    const fs::directory_entry& entry = *entries;
    std::error_code type_error;
    if (IsHidden(entry.path())) {
      if (entry.is_directory(type_error)) entries.disable_recursion_pending();
      continue;
    }
    if (entry.is_regular_file(type_error)) files.push_back(entry.path());
  }
  if (error) on_problem({root.string(), "cannot list the directory: " + error.message(), false});
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    const Status status = ReadFile(file, options, on_document, on_problem);
    if (!status.ok()) on_problem({file.string(), status.message()});
  }
  return Status::Ok();
}

}  // namespace

Status ReadPath(const std::string& path, const ReadOptions& options,
                const DocumentHandler& on_document, const ProblemHandler& on_problem) {
  if (!IsKnownFormat(options.format)) {
    return Status::InvalidInput("unknown input format \"" + options.format +
                                "\" (expected auto, text, html or jsonl)");
  }
  if (path == "-") return ReadStdin(options, on_document, on_problem);
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (!fs::exists(status)) {
    return Status::NotFound("cannot open " + path + ": " +
                            (error ? error.message() : std::string("no such file or directory")));
  }
  if (fs::is_directory(status)) return ReadDirectory(path, options, on_document, on_problem);
  return ReadFile(path, options, on_document, on_problem);
}

}  // namespace epiwire::ingest
