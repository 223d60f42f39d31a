// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines the nodes of the dynamic graph: `VariableNode` (data, grad,
/// creator) and `FunctionNode` (inputs, its output, backward).
#ifndef TDIFF_DYNAMIC_DETAIL_NODE_HPP
#define TDIFF_DYNAMIC_DETAIL_NODE_HPP

#include <tdiff/dynamic/detail/graveyard.hpp>
#include <tdiff/dynamic/tensor.hpp>

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

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
      own_.store(own_.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    else
      others_.fetch_add(1, std::memory_order_relaxed);
  }
  /// Removes a handle; if `ask`, returns whether none is left.
  bool remove(bool ask) noexcept {
    if (owner_ == this_thread_tag()) {
      const std::uint32_t left = own_.load(std::memory_order_relaxed) - 1;
      if (!ask) {
        own_.store(left, std::memory_order_relaxed);
        return false;
      }
      own_.store(left, std::memory_order_seq_cst);
      return left + others_.load(std::memory_order_seq_cst) == 0;
    }
    const std::uint32_t left = others_.fetch_sub(1, std::memory_order_seq_cst) - 1;
    return ask && left + own_.load(std::memory_order_seq_cst) == 0;
  }
  /// Whether no handle is left (exact when no other thread is adding or removing one).
  bool none() const noexcept {
    return own_.load(std::memory_order_seq_cst) + others_.load(std::memory_order_seq_cst) == 0;
  }

 private:
  const void* owner_ = this_thread_tag();
  std::atomic<std::uint32_t> own_{0};
  std::atomic<std::uint32_t> others_{0};
};

struct VariableNode {
  Tensor data;
  std::shared_ptr<VariableNode> grad;  // itself a variable, so that it can carry a graph
  std::shared_ptr<FunctionNode> creator;
  std::unique_ptr<std::string> name;  // rarely set: a pointer, not 32 bytes in every node
  handle_count handles;               // Variable handles on this node (the user's view)
  // Cycle collection (under the collectors' lock): the last collection that
  // saw this node, and the node's index in it.
  std::uint64_t visit = 0;
  std::uint32_t slot = 0;
  int generation : 31 = 0;  // (a bit less than an int: the node keeps its 136 bytes)
  // A number written into an expression (the 2 of 2 * x, the 1 of 1 - y * y
  // in a derivative rule): no handle can reach it, so no gradient is
  // computed for it (PyTorch's requires_grad = false; DeZero computes one).
  bool constant : 1 = false;

  explicit VariableNode(Tensor t) : data(std::move(t)) {}
  ~VariableNode() {
    bury(std::move(grad));
    bury(std::move(creator));
  }
};

struct FunctionNode {
  std::array<std::shared_ptr<VariableNode>, 2> inputs;
  // The node this function made, held weakly as in DeZero: it owns this
  // function (its creator), so it lives as long as anything reaches the
  // function through the graph; a plain pointer, without weak_ptr's counts.
  const VariableNode* output = nullptr;
  std::uint64_t visit = 0;  // cycle collection, as in VariableNode
  std::uint32_t slot = 0;
  int generation = 0;
  std::uint32_t arity = 0;

  virtual ~FunctionNode() {
    for (auto& in : inputs) bury(std::move(in));
  }
  /// The class name DeZero's DOT shows: Add, Mul, Tanh, ...
  virtual std::string_view name() const = 0;
  /// Gradients for the inputs that are not constants, given the output y
  /// and its gradient gy. Runs with backprop enabled exactly when backward
  /// was asked to create a graph.
  virtual std::array<std::optional<Variable>, 2> backward(const Variable& gy,
                                                          const std::shared_ptr<VariableNode>& y) = 0;
  /// Whether input i is to get a gradient.
  bool needs(std::size_t i) const { return i < arity && !inputs[i]->constant; }
};

}  // namespace tdiff::dynamic::detail

#endif  // TDIFF_DYNAMIC_DETAIL_NODE_HPP
