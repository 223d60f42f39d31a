// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines the nodes of the dynamic graph: `VariableNode` (data, grad,
/// creator) and `FunctionNode` (inputs, its output, backward).
#ifndef TDIFF_DYNAMIC_DETAIL_NODE_HPP
#define TDIFF_DYNAMIC_DETAIL_NODE_HPP

#include <tdiff/dynamic/detail/atomic.hpp>
#include <tdiff/dynamic/detail/pool.hpp>
#include <tdiff/dynamic/detail/ref.hpp>
#include <tdiff/dynamic/tensor.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace tdiff::dynamic {
class Variable;
}  // namespace tdiff::dynamic

namespace tdiff::dynamic::detail {

struct FunctionNode;

/// An address unique to the calling thread (while it runs).
inline const void* this_thread_tag() noexcept {
  thread_local const char tag = 0;
  return &tag;
}

/// The number of Variable handles on a node, counted without a locked
/// instruction in the common case (biased reference counting, as in CPython's
/// free-threaded build): the thread that made the node counts in `own` with
/// plain loads and stores (one writer), other threads count in `others`
/// atomically. A handle may be made in one thread and dropped in another, so
/// each half may wrap around; their sum modulo 2^32 is the count. Whether the
/// count reached zero is asked only where a node may close a cycle (see the
/// collector), and then both sides order their update before reading the
/// other half, so that at least one of two racing last releases sees zero.
class handle_count {
 public:
  void add() noexcept {
    if (owner_ == this_thread_tag())
      own_.store(own_.load(order::relaxed) + 1, order::relaxed);
    else
      others_.fetch_add(1, order::relaxed);
  }
  /// Removes a handle; if `ask`, returns whether none is left.
  bool remove(bool ask) noexcept {
    if (owner_ == this_thread_tag()) {
      const std::uint32_t left = own_.load(order::relaxed) - 1;
      if (!ask) {
        own_.store(left, order::relaxed);
        return false;
      }
      own_.store(left, order::seq_cst);
      return left + others_.load(order::seq_cst) == 0;
    }
    const std::uint32_t left = others_.fetch_sub(1, order::seq_cst) - 1;
    return ask && left + own_.load(order::seq_cst) == 0;
  }
  /// Whether no handle is left (exact when no other thread is adding or removing one).
  bool none() const noexcept { return own_.load(order::seq_cst) + others_.load(order::seq_cst) == 0; }

 private:
  const void* owner_ = this_thread_tag();
  atomic<std::uint32_t> own_{0};
  atomic<std::uint32_t> others_{0};
};

/// A flag set when a node is freed, shared by the node and its watchers
/// (see node_watch), freed by the last of them.
struct watch_flag {
  atomic<std::uint32_t> owners{0};
  atomic<bool> freed{false};
  static void drop(watch_flag* f) noexcept {
    if (f && f->owners.fetch_sub(1, order::acq_rel) == 1) delete f;
  }
};

/// What few nodes carry: a name, and watchers (tests ask whether a node was
/// freed). Owned by the node through a plain pointer: no <memory>.
struct rare_fields {
  std::string name;
  std::vector<watch_flag*> freed;
  rare_fields() = default;
  rare_fields(const rare_fields&) = delete;
  rare_fields& operator=(const rare_fields&) = delete;
  ~rare_fields() {
    for (watch_flag* f : freed) {
      f->freed.store(true);
      watch_flag::drop(f);
    }
  }
};

struct VariableNode final : counted, pooled<VariableNode> {
  Tensor data;
  ref<VariableNode> grad;  // itself a variable, so that it can carry a graph
  ref<FunctionNode> creator;
  rare_fields* rare = nullptr;  // rarely set (owned): a pointer, not 56 bytes in every node
  handle_count handles;         // Variable handles on this node (the user's view)
  int generation : 31 = 0;      // (a bit less than an int: the node keeps its 128 bytes)
  // A number written into an expression (the 2 of 2 * x, the 1 of 1 - y * y
  // in a derivative rule): no handle can reach it, so no gradient is
  // computed for it (PyTorch's requires_grad = false; DeZero computes one).
  bool constant : 1 = false;

  explicit VariableNode(Tensor t) : data(std::move(t)) {}
  VariableNode(const VariableNode&) = delete;
  VariableNode& operator=(const VariableNode&) = delete;
  ~VariableNode() { delete rare; }
  /// The rare fields, made on first use.
  rare_fields& rare_ones() {
    if (!rare) rare = new rare_fields;
    return *rare;
  }
};

struct FunctionNode : counted {
  std::array<ref<VariableNode>, 2> inputs;
  // The node this function made, held weakly as in DeZero: it owns this
  // function (its creator), so it lives as long as anything reaches the
  // function through the graph; a plain pointer, without weak_ptr's counts.
  const VariableNode* output = nullptr;
  int generation = 0;
  std::uint32_t arity = 0;

  virtual ~FunctionNode() = default;
  /// The class name DeZero's DOT shows: Add, Mul, Tanh, ...
  virtual std::string_view name() const = 0;
  /// Gradients for the inputs that are not constants, given the output y
  /// and its gradient gy. Runs with backprop enabled exactly when backward
  /// was asked to create a graph.
  virtual std::array<std::optional<Variable>, 2> backward(const Variable& gy, VariableNode* y) = 0;
  /// Whether input i is to get a gradient.
  bool needs(std::size_t i) const { return i < arity && !inputs[i]->constant; }
};

/// Nodes of this thread whose last owner went while another was being
/// deleted: a list through their visit fields (the low bit marks a
/// FunctionNode), deleted by the outermost bury's loop. No allocation, so
/// deleting never throws.
inline thread_local std::uintptr_t graves = 0;
inline thread_local bool burying = false;

template <class T>
void bury_node(T* p) noexcept {
  constexpr std::uintptr_t is_function = std::is_same_v<T, FunctionNode>;
  if (burying) {
    p->visit = graves;
    graves = reinterpret_cast<std::uintptr_t>(p) | is_function;
    return;
  }
  burying = true;
  delete p;
  while (graves) {
    const std::uintptr_t next = graves;
    if (next & 1) {
      auto* f = reinterpret_cast<FunctionNode*>(next & ~std::uintptr_t{1});
      graves = f->visit;
      delete f;  // may add to the list
    } else {
      auto* v = reinterpret_cast<VariableNode*>(next);
      graves = v->visit;
      delete v;
    }
  }
  burying = false;
}
inline void bury(VariableNode* p) noexcept { bury_node(p); }
inline void bury(FunctionNode* p) noexcept { bury_node(p); }

/// Whether a node was freed, asked without holding it (tests watch nodes
/// die; a weak reference the nodes do not pay for).
class node_watch {
 public:
  node_watch() = default;
  explicit node_watch(VariableNode& n) : flag_(new watch_flag) {
    flag_->owners.store(2);  // this watch and the node
    try {
      n.rare_ones().freed.push_back(flag_);
    } catch (...) {
      delete flag_;
      throw;
    }
  }
  node_watch(const node_watch& o) noexcept : flag_(o.flag_) {
    if (flag_) flag_->owners.fetch_add(1);
  }
  node_watch& operator=(node_watch o) noexcept {
    std::swap(flag_, o.flag_);
    return *this;
  }
  ~node_watch() { watch_flag::drop(flag_); }
  bool expired() const { return !flag_ || flag_->freed.load(); }

 private:
  watch_flag* flag_ = nullptr;
};

}  // namespace tdiff::dynamic::detail

#endif  // TDIFF_DYNAMIC_DETAIL_NODE_HPP
