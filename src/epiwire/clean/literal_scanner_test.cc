// SPDX-License-Identifier: MIT
// Tests of the literal scanner: every occurrence found, by Vectorscan and by the plain
// scan alike, on one thread or several.
#include "epiwire/clean/literal_scanner.h"

#include <gtest/gtest.h>

#include <algorithm>
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
