// SPDX-License-Identifier: MIT
#include "epiwire/queue/extraction_pool.h"

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

namespace epiwire::queue {

namespace {

enum class TaskState { kQueued, kRunning, kDone, kOverran };

struct Task {
  Document document;
  TaskState state = TaskState::kQueued;
  std::chrono::steady_clock::time_point started;
  std::optional<Extraction> extraction;
  std::string error;
  std::shared_ptr<bool> thread_given_up;  // of the thread running it
};

}  // namespace

// Shared with the threads, which keep it alive: a given-up thread may outlive the pool.
struct ExtractionPool::Shared {
  explicit Shared(Extract fn) : extract(std::move(fn)) {}

  const Extract extract;
  std::mutex mu;
  std::condition_variable cv;
  std::deque<std::shared_ptr<Task>> queue;
  size_t live = 0;  // threads not given up
  size_t given_up = 0;
  bool shutdown = false;
};

void ExtractionPool::StartThread(const std::shared_ptr<Shared>& shared) {
  ++shared->live;
  std::thread(ThreadLoop, shared, std::make_shared<bool>(false)).detach();
}

void ExtractionPool::ThreadLoop(std::shared_ptr<Shared> shared, std::shared_ptr<bool> given_up) {
  std::unique_lock lock(shared->mu);
  for (;;) {
    shared->cv.wait(lock, [&] { return shared->shutdown || !shared->queue.empty(); });
    if (shared->queue.empty()) break;  // shut down
    std::shared_ptr<Task> task = std::move(shared->queue.front());
    shared->queue.pop_front();
    task->state = TaskState::kRunning;
    task->started = std::chrono::steady_clock::now();
    task->thread_given_up = given_up;
    Document document = std::move(task->document);
    lock.unlock();
    std::optional<Extraction> extraction;
    std::string error;
    try {
      extraction = shared->extract(std::move(document));
    } catch (const std::exception& e) {
      error = std::string("extraction failed: ") + e.what();
    } catch (...) {
      error = "extraction failed";
    }
    lock.lock();
    if (task->state == TaskState::kRunning) {
      task->extraction = std::move(extraction);
      task->error = std::move(error);
      task->state = TaskState::kDone;
      shared->cv.notify_all();
    }
    if (*given_up) return;  // another thread has taken this one's place
  }
  --shared->live;
  shared->cv.notify_all();
}

ExtractionPool::ExtractionPool(Extract extract, unsigned threads)
    : shared_(std::make_shared<Shared>(std::move(extract))) {
  std::lock_guard lock(shared_->mu);
  for (unsigned i = 0; i < std::max(1u, threads); ++i) StartThread(shared_);
}

ExtractionPool::~ExtractionPool() {
  std::unique_lock lock(shared_->mu);
  shared_->shutdown = true;
  shared_->cv.notify_all();
  shared_->cv.wait(lock, [&] { return shared_->live == 0; });
}

size_t ExtractionPool::given_up() const {
  std::lock_guard lock(shared_->mu);
  return shared_->given_up;
}

void ExtractionPool::Run(std::vector<Job>& jobs, std::chrono::milliseconds deadline) {
  std::vector<std::shared_ptr<Task>> tasks;
  std::unique_lock lock(shared_->mu);
  for (Job& job : jobs) {
    auto task = std::make_shared<Task>();
    task->document = std::move(job.document);
    tasks.push_back(task);
    shared_->queue.push_back(std::move(task));
  }
  shared_->cv.notify_all();
  for (;;) {
    bool finished = true;
    const auto now = std::chrono::steady_clock::now();
    for (const auto& task : tasks) {
      if (task->state == TaskState::kRunning && now - task->started > deadline) {
        task->state = TaskState::kOverran;
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%.1f",
                      std::chrono::duration<double>(deadline).count());
        task->error = std::string("extraction took longer than ") + seconds + " s";
        *task->thread_given_up = true;
        --shared_->live;
        ++shared_->given_up;
        StartThread(shared_);
      }
      if (task->state == TaskState::kQueued || task->state == TaskState::kRunning) finished = false;
    }
    if (finished) break;
    shared_->cv.wait_for(lock, std::chrono::milliseconds(20));
  }
  for (size_t i = 0; i < jobs.size(); ++i) {
    jobs[i].extraction = std::move(tasks[i]->extraction);
    jobs[i].error = std::move(tasks[i]->error);
    if (!jobs[i].extraction && jobs[i].error.empty()) jobs[i].error = "extraction failed";
  }
}

}  // namespace epiwire::queue
