// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `ref`, the owning pointer of graph nodes: the count lives in the
/// node (an intrusive count), and the last owner frees the node through the
/// thread's graveyard, so that freeing a long chain never recurses.
#ifndef TDIFF_DYNAMIC_DETAIL_REF_HPP
#define TDIFF_DYNAMIC_DETAIL_REF_HPP

#include <tdiff/dynamic/detail/atomic.hpp>

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>

#if __has_include(<sys/single_threaded.h>)
#include <sys/single_threaded.h>
#define TDIFF_DYNAMIC_KNOWS_SINGLE_THREADED 1
#endif

namespace tdiff::dynamic::detail {

/// Whether the process has had only one thread so far (glibc's flag, which
/// libstdc++'s shared_ptr reads too: counts need no locked instruction then).
inline bool single_threaded() noexcept {
#ifdef TDIFF_DYNAMIC_KNOWS_SINGLE_THREADED
  return __libc_single_threaded;
#else
  return false;
#endif
}

/// What every node of the graph has: the count of its owners, and the
/// cycle collector's marks. The count is atomic once the process has a second
/// thread, since a Variable may be copied in several threads at once (before,
/// plain loads and stores: a locked instruction on a node out of cache cost
/// a quarter of tanh^(8)'s create_graph loop). An owner that finds itself the
/// last one frees the node without a locked instruction (no other thread
/// holds the node then, so none can count it up meanwhile).
struct counted {
  atomic<std::uint32_t> refs{0};
  // Cycle collection (under the collectors' lock): the node's index in the
  // last collection that saw it, and that collection's number. (While the
  // node is deleted, visit links it into the thread's graveyard.)
  std::uint32_t slot = 0;
  std::uint64_t visit = 0;

  void count_up() noexcept {
    if (single_threaded())
      refs.store(refs.load(order::relaxed) + 1, order::relaxed);
    else
      refs.fetch_add(1, order::relaxed);
  }
  /// Counts an owner out; returns whether it was the last.
  bool count_down() noexcept {
    const std::uint32_t n = refs.load(order::acquire);
    if (n == 1) return true;
    if (!single_threaded()) return refs.fetch_sub(1, order::acq_rel) == 1;
    refs.store(n - 1, order::relaxed);
    return false;
  }
};

struct VariableNode;
struct FunctionNode;
/// Deletes a node whose last owner went (node.hpp): iteratively, so that
/// freeing a chain of a million nodes never nests a million destructors.
void bury(VariableNode* p) noexcept;
void bury(FunctionNode* p) noexcept;

/// An owning pointer to a node (T derives from `counted`), as shared_ptr
/// without the control block: 8 bytes, and the count in the node.
template <class T>
class ref {
 public:
  constexpr ref() noexcept = default;
  constexpr ref(std::nullptr_t) noexcept {}  // NOLINT: implicit, as for pointers
  /// Owns p (a node made with new, or one other refs own too).
  explicit ref(T* p) noexcept : p_(p) {
    if (p_) p_->count_up();
  }
  ref(const ref& o) noexcept : ref(o.p_) {}
  ref(ref&& o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
  template <class U>
  requires std::is_convertible_v<U*, T*> ref(ref<U>&& o)
  noexcept : p_(o.p_) {  // NOLINT: implicit, as for pointers
    o.p_ = nullptr;
  }
  ref& operator=(ref o) noexcept {  // (a copy or a move, then the old node released)
    swap(o);
    return *this;
  }
  ~ref() { reset(); }

  void reset() noexcept {
    if (T* p = std::exchange(p_, nullptr)) {
      if (p->count_down()) bury(p);
    }
  }
  void swap(ref& o) noexcept { std::swap(p_, o.p_); }

  /// A ref to p that does not count (p is held elsewhere while it lives):
  /// to be ended by forget(), never by reset() or the destructor.
  static ref borrow(T* p) noexcept {
    ref r;
    r.p_ = p;
    return r;
  }
  /// Ends a borrowed ref without counting down.
  void forget() noexcept { p_ = nullptr; }

  T* get() const noexcept { return p_; }
  T& operator*() const noexcept { return *p_; }
  T* operator->() const noexcept { return p_; }
  explicit operator bool() const noexcept { return p_ != nullptr; }
  /// The number of owners (exact when no other thread copies or drops one).
  std::uint32_t count() const noexcept { return p_->refs.load(order::acquire); }

  friend bool operator==(const ref& a, const ref& b) noexcept { return a.p_ == b.p_; }
  friend bool operator==(const ref& a, std::nullptr_t) noexcept { return !a.p_; }

 private:
  template <class U>
  friend class ref;
  T* p_ = nullptr;
};

}  // namespace tdiff::dynamic::detail

#endif  // TDIFF_DYNAMIC_DETAIL_REF_HPP
