// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `atomic`, the few atomic operations the runtime mode needs, and
/// `flag_mutex`/`scoped_lock`, its two locks (the node pools' shared list,
/// one cycle collection at a time), without `<atomic>` or `<mutex>`.
///
/// GCC 12's `<atomic>` brings C++20's waiting, and with it `<bits/std_mutex.h>`
/// and `<system_error>`: a quarter of the time of an empty unit that includes
/// `<tdiff/dynamic.hpp>` (clang++ -ftime-trace: 255 of 1 068 ms). g++ and
/// clang++ get the compilers' `__atomic` builtins (which ThreadSanitizer
/// instruments as it does std::atomic) and, on Linux, a futex for the lock;
/// other compilers get std::atomic.
#ifndef TDIFF_DYNAMIC_DETAIL_ATOMIC_HPP
#define TDIFF_DYNAMIC_DETAIL_ATOMIC_HPP

#if defined(__GNUC__) && defined(__linux__)
#define TDIFF_DYNAMIC_BUILTIN_ATOMICS 1
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>
#else
#include <atomic>
#endif

namespace tdiff::dynamic::detail {

#ifdef TDIFF_DYNAMIC_BUILTIN_ATOMICS

enum class order : int {
  relaxed = __ATOMIC_RELAXED,
  acquire = __ATOMIC_ACQUIRE,
  release = __ATOMIC_RELEASE,
  acq_rel = __ATOMIC_ACQ_REL,
  seq_cst = __ATOMIC_SEQ_CST,
};

/// A value of integral type T (or bool) read and written atomically.
template <class T>
class atomic {
 public:
  constexpr atomic() noexcept = default;
  constexpr atomic(T v) noexcept : v_(v) {}  // NOLINT: implicit, as std::atomic
  atomic(const atomic&) = delete;
  atomic& operator=(const atomic&) = delete;

  T load(order o = order::seq_cst) const noexcept { return __atomic_load_n(&v_, static_cast<int>(o)); }
  void store(T v, order o = order::seq_cst) noexcept { __atomic_store_n(&v_, v, static_cast<int>(o)); }
  T fetch_add(T d, order o = order::seq_cst) noexcept {
    return __atomic_fetch_add(&v_, d, static_cast<int>(o));
  }
  T fetch_sub(T d, order o = order::seq_cst) noexcept {
    return __atomic_fetch_sub(&v_, d, static_cast<int>(o));
  }
  T exchange(T v, order o = order::seq_cst) noexcept {
    return __atomic_exchange_n(&v_, v, static_cast<int>(o));
  }
  bool compare_exchange(T& expected, T desired, order o = order::seq_cst) noexcept {
    return __atomic_compare_exchange_n(&v_, &expected, desired, false, static_cast<int>(o),
                                       o == order::acq_rel   ? __ATOMIC_ACQUIRE
                                       : o == order::release ? __ATOMIC_RELAXED
                                                             : static_cast<int>(o));
  }
  /// The value's address (for a futex).
  T* address() noexcept { return &v_; }

 private:
  T v_{};
};

/// A mutex on one word (Drepper's "Futexes are tricky", mutex 2): 0 free,
/// 1 taken, 2 taken with a thread asleep on the futex.
class flag_mutex {
 public:
  void lock() noexcept {
    int c = 0;
    if (state_.compare_exchange(c, 1, order::acquire)) return;
    if (c != 2) c = state_.exchange(2, order::acquire);
    while (c != 0) {
      syscall(SYS_futex, state_.address(), FUTEX_WAIT_PRIVATE, 2, nullptr, nullptr, 0);
      c = state_.exchange(2, order::acquire);
    }
  }
  void unlock() noexcept {
    if (state_.fetch_sub(1, order::release) != 1) {
      state_.store(0, order::release);
      syscall(SYS_futex, state_.address(), FUTEX_WAKE_PRIVATE, 1, nullptr, nullptr, 0);
    }
  }

 private:
  atomic<int> state_{0};
};

#else

enum class order : int {
  relaxed = static_cast<int>(std::memory_order_relaxed),
  acquire = static_cast<int>(std::memory_order_acquire),
  release = static_cast<int>(std::memory_order_release),
  acq_rel = static_cast<int>(std::memory_order_acq_rel),
  seq_cst = static_cast<int>(std::memory_order_seq_cst),
};
constexpr std::memory_order std_order(order o) noexcept { return static_cast<std::memory_order>(o); }

template <class T>
class atomic {
 public:
  constexpr atomic() noexcept = default;
  constexpr atomic(T v) noexcept : v_(v) {}  // NOLINT: implicit, as std::atomic
  T load(order o = order::seq_cst) const noexcept { return v_.load(std_order(o)); }
  void store(T v, order o = order::seq_cst) noexcept { v_.store(v, std_order(o)); }
  T fetch_add(T d, order o = order::seq_cst) noexcept { return v_.fetch_add(d, std_order(o)); }
  T fetch_sub(T d, order o = order::seq_cst) noexcept { return v_.fetch_sub(d, std_order(o)); }
  T exchange(T v, order o = order::seq_cst) noexcept { return v_.exchange(v, std_order(o)); }
  bool compare_exchange(T& expected, T desired, order o = order::seq_cst) noexcept {
    return v_.compare_exchange_strong(expected, desired, std_order(o));
  }

 private:
  std::atomic<T> v_{};
};

/// A mutex: a thread that finds it taken sleeps in the flag's C++20 wait.
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
  std::atomic_flag taken_;
};

#endif

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

#endif  // TDIFF_DYNAMIC_DETAIL_ATOMIC_HPP
