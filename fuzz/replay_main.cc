// SPDX-License-Identifier: MIT
// The driver of a fuzz target when it is not linked with libFuzzer: replays each
// file named on the command line (and each regular file under each directory
// named) through LLVMFuzzerTestOneInput, so that seed corpora and saved crashes
// run as ordinary tests under the dev build's sanitizers. With --mutate N it
// also runs N random mutations of those inputs (a fallback where no libFuzzer
// exists: no coverage feedback, so it finds much less than libFuzzer does);
// --seconds S runs mutations until S seconds have passed instead.
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace {

bool ReadAll(const std::filesystem::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

void Run(const std::string& bytes) {
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

// One random edit: flip, insert, erase, duplicate a span, or splice in another input.
void Mutate(std::string& bytes, const std::vector<std::string>& inputs, std::mt19937_64& random) {
  const auto pick = [&](size_t n) {
    return n == 0 ? size_t{0} : static_cast<size_t>(random() % n);
  };
  switch (random() % 5) {
    case 0:
      if (!bytes.empty()) bytes[pick(bytes.size())] ^= static_cast<char>(1u << (random() % 8));
      break;
    case 1:
      bytes.insert(bytes.begin() + static_cast<std::ptrdiff_t>(pick(bytes.size() + 1)),
                   static_cast<char>(random() % 256));
      break;
    case 2:
      if (!bytes.empty()) {
        const size_t at = pick(bytes.size());
        bytes.erase(at, 1 + pick(std::min<size_t>(16, bytes.size() - at)));
      }
      break;
    case 3:
      if (!bytes.empty() && bytes.size() < (1u << 16)) {
        const size_t at = pick(bytes.size());
        const std::string span = bytes.substr(at, 1 + pick(64));
        bytes.insert(pick(bytes.size() + 1), span);
      }
      break;
    default: {
      const std::string& other = inputs[pick(inputs.size())];
      if (!other.empty()) {
        const size_t at = pick(other.size());
        bytes.insert(pick(bytes.size() + 1), other.substr(at, 1 + pick(256)));
      }
      break;
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (LLVMFuzzerInitialize != nullptr) LLVMFuzzerInitialize(&argc, &argv);
  long mutations = 0;
  double seconds = 0;
  std::vector<std::filesystem::path> files;
  int unreadable = 0;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--mutate") == 0 && i + 1 < argc) {
      mutations = std::strtol(argv[++i], nullptr, 10);
      continue;
    }
    if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) {
      seconds = std::strtod(argv[++i], nullptr);
      continue;
    }
    const std::filesystem::path path(argv[i]);
    std::error_code error;
    if (!std::filesystem::is_directory(path, error)) {
      files.push_back(path);
      continue;
    }
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path, error)) {
      if (entry.is_regular_file() && entry.path().filename() != "README.md") {
        files.push_back(entry.path());
      }
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> inputs;
  for (const auto& file : files) {
    std::string bytes;
    if (!ReadAll(file, bytes)) {
      std::fprintf(stderr, "%s: cannot open %s\n", argv[0], file.string().c_str());
      ++unreadable;
      continue;
    }
    Run(bytes);
    inputs.push_back(std::move(bytes));
  }
  if (inputs.empty()) inputs.emplace_back();
  std::mt19937_64 random(20240601);
  const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  long run = 0;
  for (; run < mutations || (seconds > 0 && std::chrono::steady_clock::now() < until); ++run) {
    std::string bytes = inputs[static_cast<size_t>(random() % inputs.size())];
    for (int edits = 1 + static_cast<int>(random() % 8); edits > 0; --edits)
      Mutate(bytes, inputs, random);
    Run(bytes);
  }
  std::printf("%s: %zu inputs replayed, %ld mutations run, %d unreadable\n", argv[0], files.size(),
              run, unreadable);
  return unreadable == 0 ? 0 : 1;
}
