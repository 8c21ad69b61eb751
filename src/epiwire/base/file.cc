// SPDX-License-Identifier: MIT
#include "epiwire/base/file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <utility>

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

namespace {

Status ErrnoStatus(const std::string& path, int error) {
  const std::string message = path + ": " + std::strerror(error);
  return error == ENOENT ? Status::NotFound(message) : Status::IoError(message);
}

}  // namespace

Status WriteFileAtomically(const std::string& path, std::string_view content) {
  // Unique per process and call, so that processes and threads writing the same file
  // at once each rename a whole one.
  static std::atomic<uint64_t> calls{0};
  const std::string temporary = path + ".tmp." + std::to_string(::getpid()) + "." +
                                std::to_string(calls.fetch_add(1));
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return ErrnoStatus(temporary, errno);
  size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      ::close(fd);
      ::unlink(temporary.c_str());
      return ErrnoStatus(temporary, error);
    }
    written += static_cast<size_t>(n);
  }
  if (::close(fd) != 0 || ::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    return ErrnoStatus(path, error);
  }
  return Status::Ok();
}

Result<MappedFile> MappedFile::Open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus(path, errno);
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    const int error = errno;
    ::close(fd);
    return ErrnoStatus(path, error);
  }
  MappedFile file;
  if (info.st_size > 0) {
    void* data = ::mmap(nullptr, static_cast<size_t>(info.st_size), PROT_READ,
                        MAP_SHARED | MAP_POPULATE, fd, 0);
    if (data == MAP_FAILED) {
      const int error = errno;
      ::close(fd);
      return ErrnoStatus(path, error);
    }
    file.data_ = static_cast<const char*>(data);
    file.size_ = static_cast<size_t>(info.st_size);
  }
  ::close(fd);  // the mapping keeps the file
  return file;
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

MappedFile::~MappedFile() {
  if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
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
