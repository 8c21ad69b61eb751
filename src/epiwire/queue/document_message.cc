// SPDX-License-Identifier: MIT
#include "epiwire/queue/document_message.h"

#include <nlohmann/json.hpp>

#include "epiwire/store/sha256.h"

namespace epiwire::queue {
namespace {

std::string_view SourceName(PublishedSource source) {
  switch (source) {
    case PublishedSource::kGiven: return "given";
    case PublishedSource::kInferred: return "inferred";
    case PublishedSource::kNone: break;
  }
  return "none";
}

std::string Text(const nlohmann::json& json, const char* name) {
  auto found = json.find(name);
  return found != json.end() && found->is_string() ? found->get<std::string>() : std::string();
}

bool PrintableId(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  for (char c : id) {
    if (c <= ' ' || c > '~') return false;
  }
  return true;
}

}  // namespace

std::string EncodeDocument(const Document& document) {
  nlohmann::json json = {{"id", document.id},
                         {"text", document.text},
                         {"published_source", SourceName(document.published_source)},
                         {"format", document.format},
                         {"url", document.url},
                         {"title", document.title},
                         {"origin", document.origin}};
  if (document.published) json["published"] = document.published->ToIso();
  // Readers repair invalid UTF-8, so replacing is only a safeguard.
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<Document> DecodeDocument(std::string_view data) {
  nlohmann::json json = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return Status::InvalidInput("message: not a JSON object");
  Document document;
  document.id = Text(json, "id");
  if (document.id.empty()) return Status::InvalidInput("message: no document id");
  auto text = json.find("text");
  if (text == json.end() || !text->is_string()) {
    return Status::InvalidInput("message " + document.id + ": no text");
  }
  document.text = text->get<std::string>();
  if (auto published = json.find("published"); published != json.end() && !published->is_null()) {
    std::optional<Date> date =
        published->is_string() ? Date::ParseIso(published->get<std::string>()) : std::nullopt;
    if (!date) return Status::InvalidInput("message " + document.id + ": bad published date");
    document.published = date;
  }
  const std::string source = Text(json, "published_source");
  document.published_source = source == "given"      ? PublishedSource::kGiven
                              : source == "inferred" ? PublishedSource::kInferred
                                                     : PublishedSource::kNone;
  document.format = Text(json, "format");
  document.url = Text(json, "url");
  document.title = Text(json, "title");
  document.origin = Text(json, "origin");
  return document;
}

std::string MessageId(const Document& document) {
  const std::string text_hash = store::internal::Sha256Hex(document.text).substr(0, 32);
  if (PrintableId(document.id)) return document.id + ":" + text_hash;
  return "sha256:" + store::internal::Sha256Hex(document.id).substr(0, 32) + ":" + text_hash;
}

}  // namespace epiwire::queue
