// SPDX-License-Identifier: MIT
#include "epiwire/serve/store_pool.h"

#include <algorithm>

namespace epiwire::serve {

StorePool::StorePool(store::EventStore& first, size_t size)
    : first_(first), size_(std::max<size_t>(1, size)) {
  idle_.push_back(&first_);
}

// First come, first served: under load a request never waits behind later ones
// (a plain condition variable lets some wait for ever while others pass). The
// caller whose turn it is keeps it while it opens a connection.
StorePool::Lease StorePool::Acquire() {
  std::unique_lock<std::mutex> lock(mutex_);
  const uint64_t ticket = next_ticket_++;
  for (;;) {
    changed_.wait(lock, [&] {
      return ticket == serving_ && (!idle_.empty() || (count_ < size_ && !cannot_open_));
    });
    if (!idle_.empty()) {
      store::EventStore* store = idle_.back();
      idle_.pop_back();
      ++serving_;
      changed_.notify_all();  // the next ticket's turn
      return Lease(*this, *store);
    }
    if (store::EventStore* opened = OpenAnother(lock)) {
      ++serving_;
      changed_.notify_all();
      return Lease(*this, *opened);
    }
  }
}

store::EventStore* StorePool::OpenAnother(std::unique_lock<std::mutex>& lock) {
  ++count_;
  lock.unlock();
  auto another = first_.OpenAnother();
  lock.lock();
  if (!another.ok()) {
    --count_;
    cannot_open_ = true;  // share what there is from now on
    return nullptr;
  }
  opened_.push_back(std::move(another).value());
  return opened_.back().get();
}

std::optional<StorePool::Lease> StorePool::TryAcquire() {
  std::unique_lock<std::mutex> lock(mutex_);
  if (serving_ != next_ticket_) return std::nullopt;
  if (!idle_.empty()) {
    store::EventStore* store = idle_.back();
    idle_.pop_back();
    return Lease(*this, *store);
  }
  if (count_ >= size_ || cannot_open_) return std::nullopt;
  // Opening takes the turn, as in Acquire: callers that come meanwhile wait for it.
  ++next_ticket_;
  store::EventStore* opened = OpenAnother(lock);
  ++serving_;
  changed_.notify_all();
  if (opened == nullptr) return std::nullopt;
  return Lease(*this, *opened);
}

void StorePool::Release(store::EventStore& store) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(&store);
  }
  changed_.notify_all();  // only the ticket whose turn it is goes on
}

size_t StorePool::open() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return count_;
}

size_t StorePool::waiting() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return static_cast<size_t>(next_ticket_ - serving_);
}

}  // namespace epiwire::serve
