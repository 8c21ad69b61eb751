// SPDX-License-Identifier: MIT
#include "epiwire/base/status.h"

#include <gtest/gtest.h>

namespace epiwire {
namespace {

TEST(Status, DefaultIsOk) {
  EXPECT_TRUE(Status().ok());
  EXPECT_TRUE(Status::Ok().ok());
}

TEST(Status, FailureKeepsCodeAndMessage) {
  const Status s = Status::InvalidInput("feed.jsonl:3: not JSON");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(s.message(), "feed.jsonl:3: not JSON");
}

TEST(Result, HoldsValueOrStatus) {
  Result<int> good(42);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(good.value(), 42);
  Result<int> bad(Status::NotFound("no such file"));
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "no such file");
}

}  // namespace
}  // namespace epiwire
