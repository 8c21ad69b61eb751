// SPDX-License-Identifier: MIT
#include "epiwire/pipeline/pipeline.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "epiwire/clean/cleaner.h"
#include "epiwire/dates/date_expressions.h"
#include "epiwire/events/extractor.h"
#include "epiwire/events/lexicon.h"
#include "epiwire/gazetteer/gazetteer.h"
#include "epiwire/text/sentences.h"

#ifndef EPIWIRE_DEFAULT_DATA_DIR
#define EPIWIRE_DEFAULT_DATA_DIR ""
#endif

namespace epiwire::pipeline {

struct Pipeline::Stages {
  std::unique_ptr<events::Lexicon> lexicon;
  std::unique_ptr<gazetteer::Gazetteer> gazetteer;
  std::unique_ptr<events::EventExtractor> extractor;
};

namespace {

bool HasData(const std::filesystem::path& dir) {
  std::error_code error;
  return std::filesystem::is_directory(dir / "lexicon", error) &&
         std::filesystem::is_directory(dir / "gazetteer", error);
}

// The sentences of relevant stories, leaving out removed ranges.
std::vector<text::Sentence> SentencesToRead(const std::string& text,
                                            const clean::CleanResult& cleaned) {
  std::vector<text::Sentence> sentences;
  for (const Story& story : cleaned.stories) {
    if (!story.relevant) continue;
    size_t at = story.start;
    const auto read_until = [&](size_t stop) {
      if (stop > at) {
        auto part = text::SplitSentences(text, at, stop);
        sentences.insert(sentences.end(), part.begin(), part.end());
      }
    };
    for (const RemovedRange& removed : cleaned.removed) {
      if (removed.end <= at || removed.start >= story.end) continue;
      read_until(std::max(at, removed.start));
      at = std::max(at, removed.end);
    }
    read_until(story.end);
  }
  return sentences;
}

}  // namespace

std::string FindDataDir(const std::string& requested) {
  if (!requested.empty()) return requested;
  if (const char* env = std::getenv("EPIWIRE_DATA_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  std::error_code error;
  const std::filesystem::path compiled = EPIWIRE_DEFAULT_DATA_DIR;
  if (!compiled.empty() && HasData(compiled)) return compiled.string();
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    const auto shared = exe.parent_path().parent_path() / "share" / "epiwire";
    if (HasData(shared)) return shared.string();
  }
  return compiled.string();
}

Pipeline::Pipeline(std::unique_ptr<Stages> stages) : stages_(std::move(stages)) {}
Pipeline::~Pipeline() = default;

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const std::string& data_dir) {
  auto stages = std::make_unique<Stages>();
  auto lexicon = events::Lexicon::Load(data_dir + "/lexicon/en");
  if (!lexicon.ok()) return lexicon.status();
  auto gazetteer = gazetteer::Gazetteer::Load(data_dir + "/gazetteer");
  if (!gazetteer.ok()) return gazetteer.status();
  stages->lexicon = std::move(lexicon).value();
  stages->gazetteer = std::move(gazetteer).value();
  stages->extractor =
      std::make_unique<events::EventExtractor>(*stages->lexicon, *stages->gazetteer);
  return std::unique_ptr<Pipeline>(new Pipeline(std::move(stages)));
}

Extraction Pipeline::Extract(Document document) const {
  Extraction extraction;
  if (!document.published) {
    document.published = dates::InferPublishedDate(document.text);
    document.published_source =
        document.published ? PublishedSource::kInferred : PublishedSource::kNone;
  }
  clean::CleanResult cleaned = clean::CleanText(document.text);
  const std::vector<text::Sentence> sentences = SentencesToRead(document.text, cleaned);
  extraction.events = stages_->extractor->Extract(document.text, sentences, document.published);
  extraction.stories = std::move(cleaned.stories);
  extraction.removed = std::move(cleaned.removed);
  extraction.document = std::move(document);
  return extraction;
}

}  // namespace epiwire::pipeline
