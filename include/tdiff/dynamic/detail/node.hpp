// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines the nodes of the dynamic graph: `VariableNode` (data, grad,
/// creator) and `FunctionNode` (inputs, a weak output, backward).
#ifndef TDIFF_DYNAMIC_DETAIL_NODE_HPP
#define TDIFF_DYNAMIC_DETAIL_NODE_HPP

#include <tdiff/dynamic/detail/graveyard.hpp>
#include <tdiff/dynamic/tensor.hpp>

#include <array>
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

struct VariableNode {
  Tensor data;
  std::shared_ptr<VariableNode> grad;  // itself a variable, so that it can carry a graph
  std::shared_ptr<FunctionNode> creator;
  int generation = 0;
  std::string name;
  std::size_t handles = 0;  // Variable handles on this node (the user's view)
  std::uint64_t visit = 0;  // cycle collection: the pass that last saw this node
  std::size_t slot = 0;     // ... and its index in that pass

  explicit VariableNode(Tensor t) : data(std::move(t)) {}
  ~VariableNode() {
    bury(std::move(grad));
    bury(std::move(creator));
  }
};

struct FunctionNode {
  std::array<std::shared_ptr<VariableNode>, 2> inputs;
  std::size_t arity = 0;
  std::weak_ptr<VariableNode> output;
  int generation = 0;
  std::uint64_t visit = 0;  // cycle collection, as in VariableNode
  std::size_t slot = 0;
  std::uint64_t queued = 0;  // the backward pass that queued this function

  virtual ~FunctionNode() {
    for (auto& in : inputs) bury(std::move(in));
  }
  /// The class name DeZero's DOT shows: Add, Mul, Tanh, ...
  virtual std::string_view name() const = 0;
  /// Gradients for the inputs, given the output's gradient gy. Runs with
  /// backprop enabled exactly when backward was asked to create a graph.
  virtual std::array<std::optional<Variable>, 2> backward(const Variable& gy) = 0;
};

}  // namespace tdiff::dynamic::detail

#endif  // TDIFF_DYNAMIC_DETAIL_NODE_HPP
