// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `marks`, the nodes one walk over the graph has reached (the
/// functions a backward pass queued, the nodes to_dot drew), and `node_map`,
/// a value per node for one walk (grad()'s gradients): kept by the walker
/// instead of in the nodes.
#ifndef TDIFF_DYNAMIC_DETAIL_MARKS_HPP
#define TDIFF_DYNAMIC_DETAIL_MARKS_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace tdiff::dynamic::detail {

/// Fibonacci hashing of a node's address (nodes are at least 16-byte
/// aligned) into a table of mask + 1 slots, a power of 2.
inline std::size_t address_hash(const void* key, std::size_t mask) noexcept {
  return static_cast<std::size_t>((reinterpret_cast<std::uintptr_t>(key) >> 4) * 0x9E3779B97F4A7C15ull >>
                                  20) &
         mask;
}

/// A set of node addresses for one walk over the graph. Nodes may be shared
/// by threads, so a walk must not write into them; this set is the walker's
/// own. Open addressing with linear probing; `clear` is O(1) (a new stamp
/// invalidates every slot), so a thread reuses one table's memory walk after
/// walk without allocating.
class marks {
 public:
  /// Starts a new walk: no address is marked.
  void clear() noexcept {
    count_ = 0;
    if (++stamp_ == 0) {  // wrapped after 2^32 walks: forget the old stamps for real
      for (slot& s : slots_) s.stamp = 0;
      stamp_ = 1;
    }
  }

  /// Gives the memory back if the table grew past `slots` (after a walk over
  /// a large graph, so that a thread does not keep it for good).
  void shrink_past(std::size_t slots) noexcept {
    if (slots_.size() > slots) {
      std::vector<slot>().swap(slots_);
      count_ = 0;
    }
  }

  /// The number of addresses marked in this walk.
  std::size_t size() const noexcept { return count_; }

  /// Marks `key`; returns whether it was not marked before.
  bool insert(const void* key) {
    if (2 * (count_ + 1) > slots_.size()) grow();
    slot& s = probe(slots_, key, stamp_);
    if (s.stamp == stamp_) return false;
    s = {key, stamp_};
    ++count_;
    return true;
  }

 private:
  struct slot {
    const void* key = nullptr;
    std::uint32_t stamp = 0;  // the slot is in use in the walk with this stamp
  };

  static slot& probe(std::vector<slot>& slots, const void* key, std::uint32_t stamp) noexcept {
    const std::size_t mask = slots.size() - 1;
    std::size_t i = address_hash(key, mask);
    while (slots[i].stamp == stamp && slots[i].key != key) i = (i + 1) & mask;
    return slots[i];
  }

  void grow() {
    std::vector<slot> bigger(slots_.empty() ? 64 : 2 * slots_.size());
    for (const slot& s : slots_)
      if (s.stamp == stamp_) probe(bigger, s.key, stamp_) = s;
    slots_.swap(bigger);
  }

  std::vector<slot> slots_;
  std::uint32_t stamp_ = 1;
  std::size_t count_ = 0;
};

/// A value of type T per node address, for one walk: open addressing with
/// linear probing. Entries are never removed, only emptied (`erase`), so
/// that probing needs no tombstones; the table lives as long as the walk.
template <class T>
class node_map {
 public:
  /// The value of key, or null.
  T* find(const void* key) noexcept {
    if (slots_.empty()) return nullptr;
    entry& e = probe(slots_, key);
    return e.key == key && e.value ? &*e.value : nullptr;
  }
  /// The value of key, made from v if key has none; and whether it was made.
  std::pair<T*, bool> try_emplace(const void* key, const T& v) {
    if (2 * (count_ + 1) > slots_.size()) grow();
    entry& e = probe(slots_, key);
    if (!e.key) {
      e.key = key;
      ++count_;
    }
    const bool fresh = !e.value;
    if (fresh) e.value.emplace(v);
    return {&*e.value, fresh};
  }
  void erase(const void* key) noexcept {
    if (slots_.empty()) return;
    entry& e = probe(slots_, key);
    if (e.key == key) e.value.reset();
  }
  void clear() noexcept {
    slots_.clear();
    count_ = 0;
  }

 private:
  struct entry {
    const void* key = nullptr;
    std::optional<T> value;
  };
  /// The slot of key, or the empty slot where it goes.
  static entry& probe(std::vector<entry>& slots, const void* key) noexcept {
    const std::size_t mask = slots.size() - 1;
    std::size_t i = address_hash(key, mask);
    while (slots[i].key && slots[i].key != key) i = (i + 1) & mask;
    return slots[i];
  }
  void grow() {
    std::vector<entry> bigger(slots_.empty() ? 16 : 2 * slots_.size());
    for (entry& e : slots_)
      if (e.key) probe(bigger, e.key) = std::move(e);
    slots_.swap(bigger);
  }

  std::vector<entry> slots_;
  std::size_t count_ = 0;  // keys, emptied or not
};

}  // namespace tdiff::dynamic::detail

#endif  // TDIFF_DYNAMIC_DETAIL_MARKS_HPP
