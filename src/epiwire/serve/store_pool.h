// SPDX-License-Identifier: MIT
// Internal to serve: the store connections that answer requests. A request holds
// one connection for as long as it reads, so a slow aggregate on one connection
// does not hold up a page of events on another. Tested through server_test.cc.
#ifndef EPIWIRE_SERVE_STORE_POOL_H_
#define EPIWIRE_SERVE_STORE_POOL_H_

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "epiwire/store/event_store.h"

namespace epiwire::serve {

class StorePool {
 public:
  // `first` is the pool's first connection and must outlive it. Up to `size`
  // connections in all (at least 1): the others are opened with
  // first.OpenAnother() when every open one is busy. A store that cannot open
  // another is shared, one request at a time.
  StorePool(store::EventStore& first, size_t size);
  StorePool(const StorePool&) = delete;
  StorePool& operator=(const StorePool&) = delete;

  // A connection held by one request until the lease ends.
  class Lease {
   public:
    Lease(StorePool& pool, store::EventStore& store) : pool_(&pool), store_(&store) {}
    Lease(Lease&& other) noexcept : pool_(other.pool_), store_(other.store_) {
      other.pool_ = nullptr;
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (pool_ != nullptr) pool_->Release(*store_);
    }
    store::EventStore* operator->() const { return store_; }
    store::EventStore& operator*() const { return *store_; }

   private:
    StorePool* pool_;
    store::EventStore* store_;
  };

  // Waits for an idle connection, opening one when none is idle and the pool is
  // not full. Callers are served in the order they asked.
  Lease Acquire();
  // A connection now, without waiting: an idle one, or one opened if the pool is not
  // full; none while others wait (they come first) or every connection is busy. For
  // work that can also be done on the connection already held.
  std::optional<Lease> TryAcquire();
  // Connections open or being opened, and callers waiting (for tests and logs).
  size_t open() const;
  size_t waiting() const;

 private:
  void Release(store::EventStore& store);
  // Opens one more connection, the lock released meanwhile; null when it cannot be
  // opened (the pool then shares what it has). The caller holds the turn.
  store::EventStore* OpenAnother(std::unique_lock<std::mutex>& lock);

  store::EventStore& first_;
  const size_t size_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;  // a connection released, or the turn moved
  std::vector<store::EventStore*> idle_;
  std::vector<std::unique_ptr<store::EventStore>> opened_;
  size_t count_ = 1;           // connections open or being opened
  bool cannot_open_ = false;   // OpenAnother failed: share what there is
  uint64_t next_ticket_ = 0;   // given to the next caller of Acquire
  uint64_t serving_ = 0;       // the ticket whose turn it is
};

}  // namespace epiwire::serve

#endif  // EPIWIRE_SERVE_STORE_POOL_H_
