// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines the cycle collector of the runtime mode: create_graph makes
/// reference cycles (x -> x.grad -> its creator -> ... -> x) that reference
/// counts alone never free.
#ifndef TDIFF_DYNAMIC_DETAIL_COLLECTOR_HPP
#define TDIFF_DYNAMIC_DETAIL_COLLECTOR_HPP

#include <tdiff/dynamic/detail/atomic.hpp>
#include <tdiff/dynamic/detail/config.hpp>
#include <tdiff/dynamic/detail/node.hpp>
#include <tdiff/dynamic/detail/ref.hpp>

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>
#include <vector>

namespace tdiff::dynamic::detail {

/// The cycle collector's state, per thread. Reference cycles are made only by
/// create_graph: x -> x.grad -> its creator -> ... -> x. Every such cycle
/// passes through a node whose grad has a creator, so those nodes are the
/// roots: when their last handle goes, or when a backward pass leaves a grad
/// with a creator on a node that has no handle (a temporary leaf). A
/// collection runs when a root arrives, if the walks so far plus the next
/// one (estimated by what the last collection left alive) stay within 4
/// nodes walked per node made on this thread (1 after a backward pass);
/// otherwise the roots wait. So
/// collection costs O(1) per node made however large the live graph, as
/// CPython's thresholds intend, and garbage is freed at once in the common
/// case, while its memory is still in cache: the budget is the thread's
/// whole history, not the nodes made since the last collection (that rule
/// kept each create_graph loop's graph alive into the next loop, 1.3-2x the
/// memory, because a collection had just walked it while still alive). A
/// thread's remaining roots are collected when the thread ends.
struct collector {
  // Nodes walked per node made: after a handle's release (a variable, held no
  // more, whose grad has a creator: a whole graph may have just died), and
  // after a backward pass (roots it left on temporaries: rarely garbage yet).
  static constexpr std::size_t patience_after_release = 4;
  static constexpr std::size_t patience_after_backward = 1;
  std::vector<ref<VariableNode>> roots;
  std::uint64_t made = 0;     // nodes made on this thread
  std::uint64_t walked = 0;   // nodes all collections on this thread looked at
  std::size_t last_walk = 0;  // nodes the last collection left alive: the next walk's start
  struct object {
    VariableNode* var;  // one of the two is set
    FunctionNode* fn;
    long refs, internal;
    bool alive;
  };
  std::vector<object> objects;  // scratch of a collection
  std::vector<std::size_t> stack;

  void add_root(ref<VariableNode>&& n) {
    roots.push_back(std::move(n));
    maybe_collect(patience_after_release);
  }
  /// A root found by backward (which must not throw from its undo path).
  void note_root(const ref<VariableNode>& n) noexcept {
    try {
      roots.push_back(n);
    } catch (...) {  // out of memory: this cycle stays
    }
  }
  void maybe_collect(std::size_t patience) noexcept {
    if (made * patience >= walked + last_walk && thread_config().backward_depth == 0) collect_or_leave();
  }
  void collect();
  /// Out of memory while looking: the cycles stay, nothing throws.
  void collect_or_leave() noexcept {
    try {
      collect();
    } catch (...) {
    }
  }
  ~collector() { collect_or_leave(); }
};
/// One collection at a time in the process, each numbered (its walk's mark).
struct collection_lock {
  flag_mutex mutex;
  std::uint64_t passes = 0;  // guarded by mutex
};
inline collection_lock& collections() {
  static collection_lock lock;
  return lock;
}
inline collector& thread_collector() {
  thread_local collector c;
  return c;
}
/// Collects every pending root now (tests use it to check what is freed).
inline void collect_garbage() { thread_collector().collect_or_leave(); }

/// Whether n, once no handle holds it, may be part of a garbage cycle.
inline bool may_close_cycle(const VariableNode& n) { return n.grad && n.grad->creator; }
/// Whether n is a root for the collector now: no handle, and a recorded grad.
inline bool may_be_garbage_root(const VariableNode& n) { return n.handles.none() && may_close_cycle(n); }

/// Trial deletion, as in CPython's collector. The roots are nodes whose last
/// handle went away (the collector's own copies of them are not outside
/// references). Among the nodes reachable from them, those whose every strong
/// reference comes from inside that set, and that nothing held from outside
/// reaches, are garbage kept only by cycles. Dropping their grads breaks every
/// such cycle: each passes through a grad, the forward graph being acyclic.
inline void collector::collect() {
  std::vector<ref<VariableNode>> starts;
  starts.swap(roots);
  // A root that got a handle again since is no root (x.grad() made one), nor
  // is one whose grad was dropped or replaced by a value since.
  std::erase_if(starts, [](const auto& n) { return !may_be_garbage_root(*n); });
  last_walk = 0;
  if (starts.empty()) return;
  // One collection at a time in the process: the visit marks live in the
  // nodes, and nodes reachable from several threads' graphs (shared weights,
  // shared intermediates) may be walked by each.
  collection_lock& all = collections();
  const scoped_lock lock(all.mutex);
  const std::uint64_t pass = ++all.passes;
  objects.clear();
  stack.clear();
  // Visit marks live in the nodes: no hashing, no allocation once warm.
  auto add = [&](const auto& sp) {
    auto* p = sp.get();
    if (p->visit != pass) {
      p->visit = pass;
      p->slot = static_cast<std::uint32_t>(objects.size());  // (4 billion nodes: 600 GB)
      if constexpr (std::is_same_v<std::decay_t<decltype(*p)>, VariableNode>)
        objects.push_back({p, nullptr, static_cast<long>(sp.count()), 0, false});
      else
        objects.push_back({nullptr, p, static_cast<long>(sp.count()), 0, false});
    }
    return p->slot;
  };
  auto edges = [&](std::size_t i, auto&& on_edge) {
    if (VariableNode* n = objects[i].var) {
      if (n->grad) on_edge(n->grad);
      if (n->creator) on_edge(n->creator);
    } else {
      FunctionNode* f = objects[i].fn;
      for (std::size_t k = 0; k < f->arity; ++k)
        if (f->inputs[k]) on_edge(f->inputs[k]);
    }
  };
  for (const auto& n : starts) ++objects[add(n)].internal;
  for (std::size_t i = 0; i < objects.size(); ++i)  // grows while we walk
    edges(i, [&](const auto& e) { ++objects[add(e)].internal; });
  for (std::size_t i = 0; i < objects.size(); ++i)
    if (objects[i].refs > objects[i].internal) stack.push_back(i);
  while (!stack.empty()) {
    const std::size_t i = stack.back();
    stack.pop_back();
    if (objects[i].alive) continue;
    objects[i].alive = true;
    edges(i, [&](const auto& e) { stack.push_back(e->slot); });
  }
  // Roots still alive stay roots (once each): held from outside now, they may
  // be garbage after the next release of a node that is no root itself.
  // (Compacted in place: no allocation, so nothing here throws.)
  std::size_t kept = 0;
  for (auto& n : starts) {
    object& o = objects[n->slot];
    if (o.alive && o.internal > 0) {
      o.internal = 0;
      std::swap(starts[kept++], n);
    }
  }
  std::vector<ref<VariableNode>> released;
  walked += objects.size();
  last_walk = 0;  // the next walk's size: what stays alive (the garbage is freed now)
  for (const object& o : objects) {
    last_walk += o.alive;
    if (!o.alive && o.var && o.var->grad) released.push_back(std::move(o.var->grad));
  }
  objects.clear();
  for (auto& r : released) r.reset();
  for (std::size_t i = kept; i < starts.size(); ++i) starts[i].reset();
  starts.resize(kept);
  starts.swap(roots);  // roots found while burying (none expected) come after
  for (auto& n : starts) roots.push_back(std::move(n));
}

}  // namespace tdiff::dynamic::detail

#endif  // TDIFF_DYNAMIC_DETAIL_COLLECTOR_HPP
