// SPDX-License-Identifier: MIT
#include "epiwire/pipeline/pipeline.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "epiwire/clean/cleaner.h"
#include "epiwire/dates/date_expressions.h"
#include "epiwire/events/extractor.h"
#include "epiwire/events/lexicon.h"
#include "epiwire/gazetteer/gazetteer.h"
#include "epiwire/text/language.h"
#include "epiwire/text/sentences.h"

#ifndef EPIWIRE_DEFAULT_DATA_DIR
#define EPIWIRE_DEFAULT_DATA_DIR ""
#endif

namespace epiwire::pipeline {

// The languages read, each with its lexicons (data/lexicon/<language>).
struct Reader {
  std::unique_ptr<events::Lexicon> lexicon;
  std::unique_ptr<events::EventExtractor> extractor;
};

struct Pipeline::Stages {
  std::unique_ptr<gazetteer::Gazetteer> gazetteer;
  std::map<std::string, Reader, std::less<>> readers;
};

namespace {

bool HasData(const std::filesystem::path& dir) {
  std::error_code error;
  return std::filesystem::is_directory(dir / "lexicon", error) &&
         std::filesystem::is_directory(dir / "gazetteer", error);
}

// The sentences of the stories in `language` that `read` asks for (the relevant ones,
// by default), leaving out removed ranges.
std::vector<text::Sentence> SentencesToRead(
    const std::string& text, const clean::CleanResult& cleaned, std::string_view language,
    const std::function<bool(const Story&)>& read = [](const Story& s) { return s.relevant; }) {
  std::vector<text::Sentence> sentences;
  for (const Story& story : cleaned.stories) {
    if (!read(story) || story.language != language) continue;
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

// Up to this many bytes, a story may be too short for the language detector (CLD2 takes
// "Venezuela notificó 100 casos de sarampión." for Galician, and gives up on shorter).
constexpr size_t kShortStoryBytes = 400;

// The confidence of a story found relevant on a second look: at the mark.
constexpr double kSecondLookScore = 0.5;

// The language whose lexicons know most of the words of `text`, when one knows at least
// two and more than any other; else empty.
std::string LanguageByLexicons(std::string_view text,
                               const std::map<std::string, Reader, std::less<>>& readers) {
  const text::Tokens tokens = text::Tokenize(text, 0, text.size());
  std::string best;
  size_t best_known = 0;
  size_t second_known = 0;
  for (const auto& [language, reader] : readers) {
    const std::vector<uint32_t> ids = reader.lexicon->WordIds(tokens.list);
    const auto known = static_cast<size_t>(std::count_if(
        ids.begin(), ids.end(), [](uint32_t id) { return id != events::Lexicon::kNoWord; }));
    if (known > best_known) {
      second_known = best_known;
      best_known = known;
      best = language;
    } else if (known > second_known) {
      second_known = known;
    }
  }
  return best_known >= 2 && best_known > second_known ? best : "";
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
  auto gazetteer = gazetteer::Gazetteer::Load(data_dir + "/gazetteer");
  if (!gazetteer.ok()) return gazetteer.status();
  stages->gazetteer = std::move(gazetteer).value();
  // Every directory of data/lexicon with lexicons is a language read.
  std::error_code error;
  std::vector<std::filesystem::path> languages;
  for (const auto& entry : std::filesystem::directory_iterator(data_dir + "/lexicon", error)) {
    if (entry.is_directory() && std::filesystem::exists(entry.path() / "terms.tsv")) {
      languages.push_back(entry.path());
    }
  }
  if (error) return Status::NotFound("cannot read " + data_dir + "/lexicon: " + error.message());
  std::sort(languages.begin(), languages.end());
  for (const auto& dir : languages) {
    auto lexicon = events::Lexicon::Load(dir.string());
    if (!lexicon.ok()) return lexicon.status();
    Reader reader;
    reader.lexicon = std::move(lexicon).value();
    reader.extractor = std::make_unique<events::EventExtractor>(*reader.lexicon, *stages->gazetteer);
    stages->readers.emplace(dir.filename().string(), std::move(reader));
  }
  if (stages->readers.empty()) return Status::NotFound("no lexicons in " + data_dir + "/lexicon");
  return std::unique_ptr<Pipeline>(new Pipeline(std::move(stages)));
}

Extraction Pipeline::Extract(Document document, std::vector<std::string>* limits_hit) const {
  Extraction extraction;
  if (!document.published) {
    document.published = dates::InferPublishedDate(document.text);
    document.published_source =
        document.published ? PublishedSource::kInferred : PublishedSource::kNone;
  }
  clean::CleanResult cleaned = clean::CleanText(document.text);
  // Each story in its language; the document's is its longest story's, and a story too
  // short to tell takes it. A text too short to tell is read as English, the language
  // most news comes in.
  const Story* longest = nullptr;
  for (Story& story : cleaned.stories) {
    const std::string_view story_text =
        std::string_view(document.text).substr(story.start, story.end - story.start);
    story.language = text::DetectLanguage(story_text);
    if ((story.language == "und" || !stages_->readers.contains(story.language)) &&
        story_text.size() <= kShortStoryBytes) {
      if (std::string known = LanguageByLexicons(story_text, stages_->readers); !known.empty()) {
        story.language = std::move(known);
      }
    }
    if (story.language != "und" &&
        (longest == nullptr || story.end - story.start > longest->end - longest->start)) {
      longest = &story;
    }
  }
  const std::string document_language = longest != nullptr ? longest->language : "en";
  for (Story& story : cleaned.stories) {
    if (story.language == "und") story.language = document_language;
  }
  extraction.language = document_language;
  // A story is read only in a language we have lexicons for: no English rules guess
  // at other languages.
  size_t too_long = 0;
  size_t longest_sentence = 0;
  std::vector<std::pair<const Reader*, std::vector<text::Sentence>>> reads;
  size_t first = document.text.size();  // the span the sentences of every language cover
  size_t last = 0;
  for (const auto& [language, reader] : stages_->readers) {
    std::vector<text::Sentence> sentences = SentencesToRead(document.text, cleaned, language);
    std::erase_if(sentences, [&](const text::Sentence& sentence) {
      const size_t bytes = sentence.end - sentence.start;
      if (bytes <= kMaxSentenceBytes) return false;
      ++too_long;
      longest_sentence = std::max(longest_sentence, bytes);
      return true;
    });
    if (sentences.empty()) continue;
    first = std::min(first, sentences.front().start);
    last = std::max(last, sentences.back().end);
    reads.emplace_back(&reader, std::move(sentences));
  }
  // The places are found once for all the languages read: a page of stories in several
  // languages was placed whole once a language.
  const std::vector<gazetteer::PlaceMention> mentions =
      reads.empty() ? std::vector<gazetteer::PlaceMention>()
                    : events::PlacesOfSentences(*stages_->gazetteer, document.text, first, last);
  for (const auto& [reader, sentences] : reads) {
    std::vector<Event> events =
        reader->extractor->Extract(document.text, sentences, document.published, mentions);
    extraction.events.insert(extraction.events.end(), std::make_move_iterator(events.begin()),
                             std::make_move_iterator(events.end()));
  }
  // A story under the mark that names a disease, read on its own: relevant if it tells
  // a case count or a measure (Story::second_look).
  for (Story& story : cleaned.stories) {
    const auto reader = stages_->readers.find(story.language);
    if (!story.second_look || reader == stages_->readers.end()) continue;
    std::vector<text::Sentence> sentences = SentencesToRead(
        document.text, cleaned, story.language, [&](const Story& s) { return &s == &story; });
    std::erase_if(sentences,
                  [](const text::Sentence& s) { return s.end - s.start > kMaxSentenceBytes; });
    if (sentences.empty()) continue;
    const std::vector<gazetteer::PlaceMention> own = events::PlacesOfSentences(
        *stages_->gazetteer, document.text, sentences.front().start, sentences.back().end);
    std::vector<Event> events =
        reader->second.extractor->Extract(document.text, sentences, document.published, own);
    if (events.empty()) continue;
    story.relevant = true;
    story.score = kSecondLookScore;
    // (Before the first event read later in the text.)
    const size_t start = events.front().evidence.start;
    const auto at = std::find_if(extraction.events.begin(), extraction.events.end(),
                                 [&](const Event& e) { return e.evidence.start > start; });
    extraction.events.insert(at, std::make_move_iterator(events.begin()),
                             std::make_move_iterator(events.end()));
  }
  std::vector<std::string> limits;
  if (too_long > 0) {
    limits.push_back(std::to_string(too_long) + " sentence(s) over " +
                     std::to_string(kMaxSentenceBytes) + " bytes not read for events (longest " +
                     std::to_string(longest_sentence) + " bytes)");
  }
  if (extraction.events.size() > kMaxEventsPerDocument) {
    limits.push_back(std::to_string(extraction.events.size()) + " events found, only the first " +
                     std::to_string(kMaxEventsPerDocument) + " kept");
    extraction.events.resize(kMaxEventsPerDocument);
  }
  if (limits_hit != nullptr) *limits_hit = std::move(limits);
  extraction.stories = std::move(cleaned.stories);
  extraction.removed = std::move(cleaned.removed);
  extraction.document = std::move(document);
  return extraction;
}

}  // namespace epiwire::pipeline
