// SPDX-License-Identifier: MIT
#include "epiwire/queue/document_message.h"

#include <gtest/gtest.h>

namespace epiwire::queue {
namespace {

Document Sample() {
  Document document;
  document.id = "who-2022-08-19";
  document.text = "Malawi reported 312 new cholera cases.\n\xC3\xA9t\xC3\xA9";
  document.published = Date{2022, 8, 19};
  document.published_source = PublishedSource::kGiven;
  document.format = "html";
  document.url = "https://example.org/a";
  document.title = "Cholera in Malawi";
  document.origin = "feed.jsonl:7";
  return document;
}

TEST(DocumentMessage, RoundTripKeepsEveryField) {
  const Document sent = Sample();
  auto got = DecodeDocument(EncodeDocument(sent));
  ASSERT_TRUE(got.ok()) << got.status().message();
  EXPECT_EQ(got->id, sent.id);
  EXPECT_EQ(got->text, sent.text);
  EXPECT_EQ(got->published, sent.published);
  EXPECT_EQ(got->published_source, PublishedSource::kGiven);
  EXPECT_EQ(got->format, "html");
  EXPECT_EQ(got->url, sent.url);
  EXPECT_EQ(got->title, sent.title);
  EXPECT_EQ(got->origin, sent.origin);
}

TEST(DocumentMessage, UndatedDocumentStaysUndated) {
  Document sent = Sample();
  sent.published.reset();
  sent.published_source = PublishedSource::kNone;
  auto got = DecodeDocument(EncodeDocument(sent));
  ASSERT_TRUE(got.ok());
  EXPECT_FALSE(got->published.has_value());
  EXPECT_EQ(got->published_source, PublishedSource::kNone);
}

struct BadMessage {
  const char* name;
  const char* data;
  const char* says;
};

class DecodeRejects : public ::testing::TestWithParam<BadMessage> {};

TEST_P(DecodeRejects, WithAReason) {
  auto got = DecodeDocument(GetParam().data);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(got.status().message().find(GetParam().says), std::string::npos)
      << got.status().message();
}

INSTANTIATE_TEST_SUITE_P(
    Messages, DecodeRejects,
    ::testing::Values(BadMessage{"NotJson", "{\"id\": ", "not a JSON object"},
                      BadMessage{"Array", "[1, 2]", "not a JSON object"},
                      BadMessage{"NoId", "{\"text\": \"x\"}", "no document id"},
                      BadMessage{"NoText", "{\"id\": \"a\"}", "a: no text"},
                      BadMessage{"BadDate", "{\"id\": \"a\", \"text\": \"x\", \"published\": \"soon\"}",
                                 "bad published date"}),
    [](const ::testing::TestParamInfo<BadMessage>& param) { return std::string(param.param.name); });

TEST(MessageId, SameDocumentSameIdAndAnotherTextAnotherId) {
  const Document a = Sample();
  Document copy = Sample();
  copy.origin = "elsewhere.jsonl:1";  // where it was read does not make it another document
  Document corrected = Sample();
  corrected.text += " Corrected.";
  EXPECT_EQ(MessageId(a), MessageId(copy));
  EXPECT_NE(MessageId(a), MessageId(corrected));
  EXPECT_EQ(MessageId(a).rfind("who-2022-08-19:", 0), 0u) << MessageId(a);
}

TEST(MessageId, IdsWithSpacesOrLineBreaksAreHashed) {
  Document odd = Sample();
  odd.id = "a story\r\nwith: breaks";
  const std::string id = MessageId(odd);
  EXPECT_EQ(id.rfind("sha256:", 0), 0u);
  EXPECT_EQ(id.find_first_of(" \r\n"), std::string::npos);
  Document other = odd;
  other.id = "another story";
  EXPECT_NE(MessageId(other), id);
}

}  // namespace
}  // namespace epiwire::queue
