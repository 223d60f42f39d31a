// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `pooled`: free lists for graph nodes, per thread, with a
/// shared list that keeps them bounded when threads free what others made.
#ifndef TDIFF_DYNAMIC_DETAIL_POOL_HPP
#define TDIFF_DYNAMIC_DETAIL_POOL_HPP

#include <tdiff/config.hpp>
#include <tdiff/dynamic/detail/atomic.hpp>

#include <cstddef>
#include <new>
#include <vector>

namespace tdiff::dynamic::detail {

/// Bytes the node pools have taken from the system, all threads together
/// (they are never returned: tests watch this stay bounded).
inline atomic<std::size_t> pooled_bytes{0};

/// Free lists of equal-sized blocks, one per size: graph nodes are allocated
/// and freed by the million, and glibc's malloc costs several times more than
/// the rest of a node (measured with callgrind: 55% of the instructions of a
/// forward chain). Each thread has its own list, used without locks; a thread
/// whose list grows past `2 * batch` blocks (it frees more than it makes:
/// the consumer of a producer/consumer pair) gives `batch` of them to a
/// shared list, from which a thread whose list runs empty takes a batch
/// before it asks the system for more; a thread that ends gives all of its
/// blocks back. So the memory held is the peak of the nodes alive at once,
/// plus at most `2 * batch` blocks per thread, whichever thread frees them.
template <std::size_t Size, std::size_t Align>
class block_pool {
 public:
  static void* get() {
    local_list& l = local();
    if (!l.head) refill(l);
    block* b = l.head;
    l.head = b->next;
    --l.count;
    return b;
  }
  static void put(void* p) noexcept {
    local_list& l = local();
    if (!l.guarded || l.ended) [[unlikely]] {
      if (!adopt(l, p)) return;
    }
    block* b = static_cast<block*>(p);
    b->next = l.head;
    l.head = b;
    if (++l.count > 2 * batch) [[unlikely]]
      give_back(l);
  }

 private:
  struct block {
    block* next;
  };
  static constexpr std::size_t batch = 128;  // blocks moved between a thread and the shared list at once
  static constexpr std::size_t stride =
      ((Size > sizeof(block) ? Size : sizeof(block)) + Align - 1) / Align * Align;

  /// A thread's list. Trivially destructible, so that it can still be used
  /// while the thread's other thread_local objects (the cycle collector) are
  /// destroyed, after `thread_end` gave its blocks back.
  struct local_list {
    block* head = nullptr;
    std::size_t count = 0;
    bool guarded = false;  // thread_end is registered
    bool ended = false;    // thread_end ran: blocks go straight to the shared list
  };
  /// Chains of `batch` blocks given back by threads (never destroyed: a
  /// detached thread may still free nodes while static objects die).
  struct chain {
    block* head;
    std::size_t count;
  };
  struct shared_list {
    flag_mutex mutex;
    std::vector<chain> chains;
  };
  struct thread_end {
    ~thread_end() {
      local_list& l = local();
      l.ended = true;
      if (l.head) push_chain({l.head, l.count});
      l.head = nullptr;
      l.count = 0;
    }
  };

  static local_list& local() noexcept {
    thread_local local_list l;
    return l;
  }
  static shared_list& shared() {
    static shared_list* s = new shared_list;
    return *s;
  }
  /// The first block this thread frees registers thread_end; after the
  /// thread's end, blocks go one by one to the shared list. Returns whether
  /// p is still to be put on the local list.
  static bool adopt(local_list& l, void* p) noexcept {
    if (l.ended) {
      auto* b = static_cast<block*>(p);
      b->next = nullptr;
      push_chain({b, 1});
      return false;
    }
    guard(l);
    return true;
  }
  static void guard(local_list& l) noexcept {
    thread_local thread_end end;
    (void)end;
    l.guarded = true;
  }
  /// Fills the empty local list: a chain from the shared list, or a new
  /// chunk. (Blocks taken after the thread's end are not given back: only
  /// the collector's last work runs then, which makes no nodes.)
  static void refill(local_list& l) {
    if (!l.guarded && !l.ended) guard(l);
    {
      shared_list& s = shared();
      const scoped_lock lock(s.mutex);
      if (!s.chains.empty()) {
        l.head = s.chains.back().head;
        l.count = s.chains.back().count;
        s.chains.pop_back();
        return;
      }
    }
    // Chunks stay reachable from the lists (and from nodes in use): never freed.
    auto* chunk = static_cast<unsigned char*>(::operator new (stride* batch, std::align_val_t{Align}));
    pooled_bytes.fetch_add(stride * batch, order::relaxed);
    for (std::size_t i = batch; i-- > 0;) {
      auto* b = reinterpret_cast<block*>(chunk + i * stride);
      b->next = l.head;
      l.head = b;
    }
    l.count = batch;
  }
  /// Moves `batch` blocks from the local list to the shared one.
  static void give_back(local_list& l) noexcept {
    block* first = l.head;
    block* last = first;
    for (std::size_t i = 1; i < batch; ++i) last = last->next;
    l.head = last->next;
    l.count -= batch;
    last->next = nullptr;
    push_chain({first, batch});
  }
  static void push_chain(chain c) noexcept {
    shared_list& s = shared();
    const scoped_lock lock(s.mutex);
    try {
      s.chains.push_back(c);
    } catch (...) {  // out of memory: these blocks are lost, nothing throws
    }
  }
};

/// Graph nodes of type T come from the pools: T derives from pooled<T>.
/// With TDIFF_NO_POOLS (under AddressSanitizer) they come from operator new,
/// so that ASan sees every node.
template <class T>
struct pooled {
#ifdef TDIFF_NO_POOLS
  static constexpr bool enabled = false;
#else
  static constexpr bool enabled = true;
#endif
  static void* operator new(std::size_t n) {
    if (!enabled || n != sizeof(T)) return ::operator new(n);
    return block_pool<sizeof(T), alignof(T)>::get();
  }
  static void operator delete(void* p, std::size_t n) noexcept {
    if (!enabled || n != sizeof(T)) return ::operator delete(p);
    block_pool<sizeof(T), alignof(T)>::put(p);
  }
};

}  // namespace tdiff::dynamic::detail

#endif  // TDIFF_DYNAMIC_DETAIL_POOL_HPP
