// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `flag_mutex`, a mutex on one atomic flag, and `scoped_lock`: the
/// runtime mode's two locks (the node pools' shared list, one cycle
/// collection at a time) without `<mutex>`, which costs every unit that
/// includes `<tdiff/dynamic.hpp>` about 50 ms of parsing.
#ifndef TDIFF_DYNAMIC_DETAIL_LOCK_HPP
#define TDIFF_DYNAMIC_DETAIL_LOCK_HPP

#include <atomic>

namespace tdiff::dynamic::detail {

/// A mutex: a thread that finds it taken sleeps in the flag's C++20 wait
/// (a futex on Linux), not in a spin loop.
class flag_mutex {
 public:
  void lock() noexcept {
    while (taken_.test_and_set(std::memory_order_acquire)) taken_.wait(true, std::memory_order_relaxed);
  }
  void unlock() noexcept {
    taken_.clear(std::memory_order_release);
    taken_.notify_one();
  }

 private:
  std::atomic_flag taken_;  // clear (C++20's default)
};

/// Holds a flag_mutex for a scope.
class [[nodiscard]] scoped_lock {
 public:
  explicit scoped_lock(flag_mutex& m) noexcept : m_(m) { m_.lock(); }
  scoped_lock(const scoped_lock&) = delete;
  scoped_lock& operator=(const scoped_lock&) = delete;
  ~scoped_lock() { m_.unlock(); }

 private:
  flag_mutex& m_;
};

}  // namespace tdiff::dynamic::detail

#endif  // TDIFF_DYNAMIC_DETAIL_LOCK_HPP
