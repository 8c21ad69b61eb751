// SPDX-License-Identifier: MIT
// Tests of the literal scanner: every occurrence found, by Vectorscan and by the plain
// scan alike, on one thread or several.
#include "epiwire/clean/literal_scanner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace epiwire::clean {
namespace {

using Occurrences = std::vector<std::pair<uint32_t, size_t>>;  // (literal, end)

Occurrences Find(const LiteralScanner& scanner, std::string_view text) {
  std::vector<LiteralHit> hits;
  scanner.Scan(text, hits);
  Occurrences found;
  for (const LiteralHit& hit : hits) found.emplace_back(hit.literal, hit.end);
  std::sort(found.begin(), found.end());
  return found;
}

// A cache directory of the test's own, set as EPIWIRE_CACHE_DIR for its duration.
class LiteralScannerCache : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           (std::string("epiwire_literal_cache_") +
            testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    setenv("EPIWIRE_CACHE_DIR", dir_.c_str(), 1);
  }
  void TearDown() override {
    unsetenv("EPIWIRE_CACHE_DIR");
    std::filesystem::remove_all(dir_);
  }

  std::vector<std::filesystem::path> Kept() const {
    std::vector<std::filesystem::path> files;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir_, error)) {
      files.push_back(entry.path());
    }
    return files;
  }

  // `count` distinct literals, each starting with `stem`.
  static std::vector<std::string> Words(const std::string& stem, size_t count) {
    std::vector<std::string> words;
    for (size_t i = 0; i < count; ++i) words.push_back(stem + std::to_string(i) + "x");
    return words;
  }

  std::filesystem::path dir_;
};

constexpr std::string_view kCacheText = "ward7x and ward12x, then ward149x; ward150x is not one";

TEST_F(LiteralScannerCache, LargeSetIsCompiledOnceAndReadByTheNextScanner) {
  const LiteralScanner first(Words("ward", 150));
  ASSERT_EQ(first.engine(), LiteralScanner::Engine::kVectorscan);
  EXPECT_FALSE(first.from_cache());
  ASSERT_EQ(Kept().size(), 1u);

  const LiteralScanner second(Words("ward", 150));
  EXPECT_TRUE(second.from_cache());
  EXPECT_EQ(second.engine(), LiteralScanner::Engine::kVectorscan);
  const Occurrences expected = {{7, 6}, {12, 18}, {149, 33}};
  EXPECT_EQ(Find(first, kCacheText), expected);
  EXPECT_EQ(Find(second, kCacheText), expected);
}

TEST_F(LiteralScannerCache, OtherLiteralsAreNotReadFromAnotherSetsDatabase) {
  const LiteralScanner wards(Words("ward", 150));
  const LiteralScanner words(Words("word", 150));
  EXPECT_FALSE(words.from_cache());
  EXPECT_EQ(Kept().size(), 2u);
  std::vector<std::string> reordered = Words("ward", 150);
  std::swap(reordered[0], reordered[1]);  // same words, other ids: another database
  const LiteralScanner swapped(reordered);
  EXPECT_FALSE(swapped.from_cache());
  EXPECT_EQ(Find(swapped, "ward0x"), (Occurrences{{1, 6}}));
}

TEST_F(LiteralScannerCache, DamagedDatabaseIsCompiledAgainAndReplaced) {
  { const LiteralScanner first(Words("ward", 150)); }
  ASSERT_EQ(Kept().size(), 1u);
  const std::filesystem::path kept = Kept().front();
  const auto size = std::filesystem::file_size(kept);
  std::filesystem::resize_file(kept, size / 2);
  const LiteralScanner cut(Words("ward", 150));
  EXPECT_FALSE(cut.from_cache());
  EXPECT_EQ(Find(cut, kCacheText).size(), 3u);
  EXPECT_EQ(std::filesystem::file_size(kept), size);

  std::ofstream(kept, std::ios::binary | std::ios::trunc) << "not a database";
  const LiteralScanner garbage(Words("ward", 150));
  EXPECT_FALSE(garbage.from_cache());
  EXPECT_EQ(Find(garbage, kCacheText).size(), 3u);
  const LiteralScanner again(Words("ward", 150));
  EXPECT_TRUE(again.from_cache());
}

TEST_F(LiteralScannerCache, SmallSetsAreNotKept) {
  const LiteralScanner small(Words("ward", 20));
  EXPECT_EQ(small.engine(), LiteralScanner::Engine::kVectorscan);
  EXPECT_FALSE(small.from_cache());
  EXPECT_TRUE(Kept().empty());
}

TEST_F(LiteralScannerCache, UnwritableCacheDirectoryOnlyCostsTheCompilation) {
  setenv("EPIWIRE_CACHE_DIR", "/proc/epiwire-cannot-be-made", 1);
  const LiteralScanner first(Words("ward", 150));
  EXPECT_EQ(first.engine(), LiteralScanner::Engine::kVectorscan);
  EXPECT_FALSE(first.from_cache());
  EXPECT_EQ(Find(first, kCacheText).size(), 3u);
}

TEST(LiteralScanner, CompilesWithVectorscanOnThisMachine) {
  LiteralScanner scanner({"cases", "outbreak"});
  EXPECT_EQ(scanner.engine(), LiteralScanner::Engine::kVectorscan);
}

TEST(LiteralScanner, FindsEveryOccurrenceOverlappingOnesIncluded) {
  for (auto engine : {LiteralScanner::Engine::kVectorscan, LiteralScanner::Engine::kPlain}) {
    LiteralScanner scanner({"he", "she", "hers", "ushers"}, engine);
    EXPECT_EQ(Find(scanner, "ushers and she"),
              (Occurrences{{0, 4}, {0, 14}, {1, 4}, {1, 14}, {2, 6}, {3, 6}}));
  }
}

TEST(LiteralScanner, EmptyScannerOrTextFindsNothing) {
  EXPECT_TRUE(Find(LiteralScanner(), "anything").empty());
  EXPECT_TRUE(Find(LiteralScanner({"a"}), "").empty());
}

TEST(LiteralScanner, MatchesBytesExactlyIncludingNonAscii) {
  LiteralScanner scanner({"\xE7\x97\x85\xE4\xBE\x8B", "Cases"});  // 病例
  EXPECT_EQ(Find(scanner, "\xE7\x97\x85\xE4\xBE\x8B cases Cases"),
            (Occurrences{{0, 6}, {1, 18}}));
}

// Random literals and texts over a small alphabet, so that occurrences are many and
// overlap: both engines must find the same ones.
TEST(LiteralScanner, VectorscanAndPlainScanFindTheSameOccurrences) {
  std::mt19937 random(8);
  const std::string alphabet = "ab c\xC3\xA9";
  auto make = [&](size_t length) {
    std::string text;
    for (size_t i = 0; i < length; ++i) text.push_back(alphabet[random() % alphabet.size()]);
    return text;
  };
  for (int round = 0; round < 20; ++round) {
    std::vector<std::string> literals;
    for (int i = 0; i < 30; ++i) literals.push_back(make(1 + random() % 6));
    const LiteralScanner fast(literals, LiteralScanner::Engine::kVectorscan);
    const LiteralScanner plain(literals, LiteralScanner::Engine::kPlain);
    const std::string text = make(2000);
    EXPECT_EQ(Find(fast, text), Find(plain, text)) << "round " << round;
  }
}

TEST(LiteralScanner, ScannersTakeTurnsOnOneThread) {
  // Each thread's scratch space grows to fit every database it scans with.
  const LiteralScanner small({"x"});
  std::vector<std::string> many;
  for (int i = 0; i < 500; ++i) many.push_back("word" + std::to_string(i) + "end");
  const LiteralScanner large(many);
  for (int turn = 0; turn < 3; ++turn) {
    EXPECT_EQ(Find(small, "axbx"), (Occurrences{{0, 2}, {0, 4}}));
    EXPECT_EQ(Find(large, "a word42end b"), (Occurrences{{42, 11}}));
  }
}

TEST(LiteralScanner, OneScannerServesSeveralThreads) {
  const LiteralScanner scanner({"fever", "ever"});
  std::vector<Occurrences> found(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < found.size(); ++i) {
    threads.emplace_back([&, i] {
      for (int repeat = 0; repeat < 100; ++repeat) found[i] = Find(scanner, "yellow fever");
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const Occurrences& of_thread : found) {
    EXPECT_EQ(of_thread, (Occurrences{{0, 12}, {1, 12}}));
  }
}

}  // namespace
}  // namespace epiwire::clean
