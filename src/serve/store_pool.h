// Read-only stores for the server's threads: a Store is used from one thread at a time,
// so each request borrows one and gives it back; a new one is opened when all are lent.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/store.h"

namespace storyline {

class StorePool {
 public:
  // Opens one store at once, so a bad path fails here (StoreError) and not at the first
  // request.
  explicit StorePool(std::string db);

  class Lease {
   public:
    Lease(StorePool& pool, std::unique_ptr<Store> store) : pool_(pool), store_(std::move(store)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { pool_.GiveBack(std::move(store_)); }
    Store& operator*() const { return *store_; }
    Store* operator->() const { return store_.get(); }

   private:
    StorePool& pool_;
    std::unique_ptr<Store> store_;
  };

  Lease Borrow();
  const std::string& db() const { return db_; }

 private:
  void GiveBack(std::unique_ptr<Store> store);

  const std::string db_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Store>> idle_;
};

}  // namespace storyline
