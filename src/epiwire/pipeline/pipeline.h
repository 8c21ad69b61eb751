// SPDX-License-Identifier: MIT
// The pipeline: the one module that sees every stage. It loads the data
// (lexicons, gazetteer) once and turns a Document into an Extraction:
// clean -> stories -> sentences of relevant stories -> events. Tested by pipeline_test.cc.
#ifndef EPIWIRE_PIPELINE_PIPELINE_H_
#define EPIWIRE_PIPELINE_PIPELINE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "epiwire/base/status.h"
#include "epiwire/model/document.h"

namespace epiwire::pipeline {

// Where the data files live: `requested` if not empty, else $EPIWIRE_DATA_DIR,
// else the directory compiled in, else ../share/epiwire next to the executable.
std::string FindDataDir(const std::string& requested);

// Limits of one extraction; Extract names each one it hits.
// A sentence longer than this (a table flattened into one line, a page with no
// stops) is not read for events: rules over it would cost too much and quote
// too much.
inline constexpr size_t kMaxSentenceBytes = 8192;
// Events past this many in one document are left out.
inline constexpr size_t kMaxEventsPerDocument = 10000;

class Pipeline {
 public:
  // Loads `data_dir`/lexicon and `data_dir`/gazetteer. Fails naming the bad file.
  static Result<std::unique_ptr<Pipeline>> Create(const std::string& data_dir);

  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;
  ~Pipeline();

  // Everything epiwire reads out of one document. When the document has no
  // publication date, one is inferred from its text where possible (published_source
  // "inferred"). Sentences over kMaxSentenceBytes are not read and events past
  // kMaxEventsPerDocument are left out; each limit hit is said in words in
  // `limits_hit` when given ("2 sentence(s) over 8192 bytes not read for events"),
  // so that callers report it. Thread-safe: one Pipeline may serve several threads.
  Extraction Extract(Document document, std::vector<std::string>* limits_hit = nullptr) const;

 private:
  struct Stages;
  explicit Pipeline(std::unique_ptr<Stages> stages);
  std::unique_ptr<Stages> stages_;
};

}  // namespace epiwire::pipeline

#endif  // EPIWIRE_PIPELINE_PIPELINE_H_
