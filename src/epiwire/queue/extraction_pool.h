// SPDX-License-Identifier: MIT
// Extraction on a fixed set of threads, with a deadline for each document. A
// document whose extraction overruns is failed ("took longer than ...") and its
// thread is given up: it is left to finish on its own, its result thrown away,
// and a new thread takes its place, so that one pathological input never stalls
// a worker. Tested by extraction_pool_test.cc.
#ifndef EPIWIRE_QUEUE_EXTRACTION_POOL_H_
#define EPIWIRE_QUEUE_EXTRACTION_POOL_H_

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "epiwire/model/document.h"

namespace epiwire::queue {

class ExtractionPool {
 public:
  using Extract = std::function<Extraction(Document)>;

  struct Job {
    Document document;                    // moved out when the job runs
    std::optional<Extraction> extraction;  // set on success
    std::string error;                    // set on failure (time-out, exception)
  };

  // `extract` must stay callable for as long as a given-up thread may still run
  // it: a process with given-up threads ends without destroying what they use.
  ExtractionPool(Extract extract, unsigned threads);
  ~ExtractionPool();
  ExtractionPool(const ExtractionPool&) = delete;
  ExtractionPool& operator=(const ExtractionPool&) = delete;

  // Extracts every job, in parallel, each within `deadline`.
  void Run(std::vector<Job>& jobs, std::chrono::milliseconds deadline);

  // Threads given up so far (still running a document that overran).
  size_t given_up() const;

 private:
  struct Shared;
  // Called with the shared mutex held.
  static void StartThread(const std::shared_ptr<Shared>& shared);
  static void ThreadLoop(std::shared_ptr<Shared> shared, std::shared_ptr<bool> given_up);

  std::shared_ptr<Shared> shared_;
};

}  // namespace epiwire::queue

#endif  // EPIWIRE_QUEUE_EXTRACTION_POOL_H_
