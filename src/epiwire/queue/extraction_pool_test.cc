// SPDX-License-Identifier: MIT
#include "epiwire/queue/extraction_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>

namespace epiwire::queue {
namespace {

using std::chrono::milliseconds;

// Extraction stand-in: "slow" sleeps, "bad" throws, anything else gives one event.
Extraction Fake(Document document) {
  if (document.id == "slow") std::this_thread::sleep_for(milliseconds(1500));
  if (document.id == "bad") throw std::runtime_error("no such lexicon");
  Extraction extraction;
  extraction.document = std::move(document);
  extraction.events.resize(1);
  return extraction;
}

std::vector<ExtractionPool::Job> Jobs(std::initializer_list<const char*> ids) {
  std::vector<ExtractionPool::Job> jobs;
  for (const char* id : ids) {
    ExtractionPool::Job job;
    job.document.id = id;
    jobs.push_back(std::move(job));
  }
  return jobs;
}

TEST(ExtractionPool, ExtractsEveryJobInItsPlace) {
  ExtractionPool pool(Fake, 3);
  auto jobs = Jobs({"a", "b", "c", "d", "e"});
  pool.Run(jobs, milliseconds(5000));
  for (size_t i = 0; i < jobs.size(); ++i) {
    ASSERT_TRUE(jobs[i].extraction.has_value()) << jobs[i].error;
    EXPECT_EQ(jobs[i].extraction->document.id, std::string(1, static_cast<char>('a' + i)));
    EXPECT_TRUE(jobs[i].error.empty());
  }
  EXPECT_EQ(pool.given_up(), 0u);
}

TEST(ExtractionPool, OverrunningJobFailsAndTheRestGoesOn) {
  ExtractionPool pool(Fake, 2);
  auto jobs = Jobs({"a", "slow", "b", "c"});
  const auto started = std::chrono::steady_clock::now();
  pool.Run(jobs, milliseconds(200));
  EXPECT_LT(std::chrono::steady_clock::now() - started, milliseconds(1200))
      << "the pool did not wait for the slow job";
  EXPECT_FALSE(jobs[1].extraction.has_value());
  EXPECT_NE(jobs[1].error.find("took longer than 0.2 s"), std::string::npos) << jobs[1].error;
  EXPECT_TRUE(jobs[0].extraction && jobs[2].extraction && jobs[3].extraction);
  EXPECT_EQ(pool.given_up(), 1u);

  // The pool still has its two threads.
  auto more = Jobs({"d", "e", "f", "g"});
  pool.Run(more, milliseconds(5000));
  for (const auto& job : more) EXPECT_TRUE(job.extraction.has_value()) << job.error;
}

// Run waits for the last of its own tasks: over many runs in a row (one that gives a
// thread up among them, whose task ends during later runs), each gets every job.
TEST(ExtractionPool, ManyRunsInARowEachGetAllTheirJobs) {
  ExtractionPool pool(Fake, 2);
  const auto started = std::chrono::steady_clock::now();
  auto first = Jobs({"a", "slow", "b"});
  pool.Run(first, milliseconds(100));
  EXPECT_FALSE(first[1].extraction.has_value());
  // On past the end of the slow task (1.5 s), which must not count for a later run.
  for (int run = 0; run < 100 || std::chrono::steady_clock::now() - started < milliseconds(1700);
       ++run) {
    auto jobs = Jobs({"c", "d", "e"});
    pool.Run(jobs, milliseconds(5000));
    for (size_t i = 0; i < jobs.size(); ++i) {
      ASSERT_TRUE(jobs[i].extraction.has_value()) << "run " << run << ", job " << i;
      EXPECT_EQ(jobs[i].extraction->document.id, std::string(1, static_cast<char>('c' + i)));
    }
  }
  auto none = Jobs({});
  pool.Run(none, milliseconds(5000));
  EXPECT_EQ(pool.given_up(), 1u);
}

TEST(ExtractionPool, ThrowingExtractionIsAFailureWithItsReason) {
  ExtractionPool pool(Fake, 1);
  auto jobs = Jobs({"bad", "a"});
  pool.Run(jobs, milliseconds(5000));
  EXPECT_FALSE(jobs[0].extraction.has_value());
  EXPECT_NE(jobs[0].error.find("no such lexicon"), std::string::npos) << jobs[0].error;
  EXPECT_TRUE(jobs[1].extraction.has_value());
}

}  // namespace
}  // namespace epiwire::queue
