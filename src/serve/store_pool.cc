#include "serve/store_pool.h"

namespace storyline {

StorePool::StorePool(std::string db) : db_(std::move(db)) {
  idle_.push_back(OpenStore(db_, OpenMode::kReadOnly));
}

StorePool::Lease StorePool::Borrow() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<Store> store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(store));
    }
  }
  return Lease(*this, OpenStore(db_, OpenMode::kReadOnly));
}

void StorePool::GiveBack(std::unique_ptr<Store> store) {
  if (!store) return;
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(store));
}

}  // namespace storyline
