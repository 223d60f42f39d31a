// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `pool_allocator`: per-thread free lists for graph nodes.
#ifndef TDIFF_DYNAMIC_DETAIL_POOL_HPP
#define TDIFF_DYNAMIC_DETAIL_POOL_HPP

#include <algorithm>
#include <cstddef>
#include <new>

namespace tdiff::dynamic::detail {

/// Free lists of equal-sized blocks, one per size, per thread: graph nodes
/// are allocated and freed by the million, and glibc's malloc costs several
/// times more than the rest of a node (measured with callgrind: 55% of the
/// instructions of a forward chain). Blocks are never returned to the system
/// (a pool holds at most its thread's peak number of nodes); a block freed on
/// another thread joins that thread's list.
template <std::size_t Size, std::size_t Align>
struct block_pool {
  struct block {
    block* next;
  };
  static constexpr std::size_t stride = (std::max(Size, sizeof(block)) + Align - 1) / Align * Align;
  block* free = nullptr;

  void* get() {
    if (!free) refill();
    block* b = free;
    free = b->next;
    return b;
  }
  void put(void* p) noexcept {
    block* b = static_cast<block*>(p);
    b->next = free;
    free = b;
  }
  void refill() {
    constexpr std::size_t count = 64;
    // Chunks stay reachable from the list (and from nodes in use): never freed.
    auto* chunk = static_cast<unsigned char*>(::operator new (stride* count, std::align_val_t{Align}));
    for (std::size_t i = count; i-- > 0;) put(chunk + i * stride);
  }
  static block_pool& local() {
    thread_local block_pool pool;
    return pool;
  }
};

/// The allocator of std::allocate_shared for graph nodes. Under
/// AddressSanitizer it allocates plainly, so that ASan sees every node.
template <class T>
struct pool_allocator {
  using value_type = T;
#ifdef TDIFF_ADDRESS_SANITIZER
  static constexpr bool pooled = false;
#else
  static constexpr bool pooled = true;
#endif
  pool_allocator() = default;
  template <class U>
  pool_allocator(const pool_allocator<U>&) noexcept {}  // NOLINT: rebinding
  T* allocate(std::size_t n) {
    if (!pooled || n != 1)
      return static_cast<T*>(::operator new (n * sizeof(T), std::align_val_t{alignof(T)}));
    return static_cast<T*>(block_pool<sizeof(T), alignof(T)>::local().get());
  }
  void deallocate(T* p, std::size_t n) noexcept {
    if (!pooled || n != 1) return ::operator delete (p, std::align_val_t{alignof(T)});
    block_pool<sizeof(T), alignof(T)>::local().put(p);
  }
  template <class U>
  friend bool operator==(const pool_allocator&, const pool_allocator<U>&) noexcept {
    return true;
  }
};

}  // namespace tdiff::dynamic::detail

#endif  // TDIFF_DYNAMIC_DETAIL_POOL_HPP
