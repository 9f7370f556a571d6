// Runs a function over a stream of items on a pool of threads and hands the results to
// a sink in input order, on the caller's thread. The number of items in flight is
// bounded, so memory stays flat however long the stream is, and the output is the same
// whatever the thread count (the engine's determinism promise).
#pragma once

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace storyline {

template <typename In, typename Out>
class OrderedParallelMap {
 public:
  // threads <= 1 runs everything inline on the caller's thread.
  OrderedParallelMap(int threads, std::function<Out(In&)> work, std::function<void(Out&&)> sink)
      : work_(std::move(work)), sink_(std::move(sink)), window_(size_t(std::max(threads, 1)) * 8) {
    if (threads <= 1) return;
    for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { WorkLoop(); });
  }

  ~OrderedParallelMap() { Finish(); }

  OrderedParallelMap(const OrderedParallelMap&) = delete;
  OrderedParallelMap& operator=(const OrderedParallelMap&) = delete;

  // Queues one item; blocks (delivering finished results) while the window is full.
  void Push(In item) {
    if (workers_.empty()) {
      sink_(work_(item));
      return;
    }
    std::unique_lock lock(mutex_);
    slots_.push_back(Slot{std::move(item), std::nullopt});
    ++pushed_;
    work_ready_.notify_one();
    DeliverReady(lock, window_);
  }

  // Waits for every queued item and delivers the remaining results. Idempotent.
  void Finish() {
    if (workers_.empty()) return;
    {
      std::unique_lock lock(mutex_);
      DeliverReady(lock, 0);
      stopping_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& worker : workers_) worker.join();
    workers_.clear();
  }

 private:
  struct Slot {
    In input;
    std::optional<Out> output;
  };

  // Delivers finished results from the front until at most `keep` items remain in flight.
  void DeliverReady(std::unique_lock<std::mutex>& lock, size_t keep) {
    while (slots_.size() > keep) {
      done_.wait(lock, [this] { return slots_.front().output.has_value(); });
      Out out = std::move(*slots_.front().output);
      slots_.pop_front();
      ++delivered_;
      lock.unlock();
      sink_(std::move(out));
      lock.lock();
    }
  }

  void WorkLoop() {
    std::unique_lock lock(mutex_);
    while (true) {
      work_ready_.wait(lock, [this] { return stopping_ || next_untaken_ < pushed_; });
      if (next_untaken_ >= pushed_) return;  // stopping and nothing left
      const size_t sequence = next_untaken_++;
      In input = std::move(slots_[sequence - delivered_].input);
      lock.unlock();
      Out out = work_(input);
      lock.lock();
      // A slot leaves the front only once its output is set, so `sequence` is still queued.
      slots_[sequence - delivered_].output = std::move(out);
      done_.notify_all();
    }
  }

  std::function<Out(In&)> work_;
  std::function<void(Out&&)> sink_;
  const size_t window_;
  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable done_;
  std::deque<Slot> slots_;
  size_t pushed_ = 0;        // items ever pushed
  size_t delivered_ = 0;     // items ever delivered (popped from the front)
  size_t next_untaken_ = 0;  // sequence number of the next item for a worker
  bool stopping_ = false;
};

}  // namespace storyline
