// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `tdiff::to_string`, `tdiff::to_dot` and `tdiff::node_count`: an
/// expression as readable infix text, as a Graphviz graph, and its size.
#ifndef TDIFF_TO_STRING_HPP
#define TDIFF_TO_STRING_HPP

#include <tdiff/detail/dot.hpp>
#include <tdiff/detail/print.hpp>
#include <tdiff/detail/taylor.hpp>
#include <tdiff/expression.hpp>

#include <cstddef>
#include <string>

namespace tdiff {

/// Infix text with minimal parentheses: exact rationals as fractions,
/// run-time constants by value, negative powers as quotients, e.g.
/// "4*x^3 - 4*x" or "x/(1 + x^2)".
template <expression E>
std::string to_string(const E& e) {
  return detail::print<detail::symbolic_t<typename E::node_type>>(e.constants).text;
}

/// Graphviz DOT of the expression DAG: each distinct subexpression is one
/// node (shared ones drawn once), edges run from operands to operations.
/// Render with `dot -Tpng`.
template <expression E>
std::string to_dot(const E& e) {
  return detail::dot<detail::symbolic_t<typename E::node_type>>(e.constants);
}

/// The number of distinct subexpressions of e that its evaluation computes,
/// each once: the nodes to_dot draws, except that a derivative of order 2 or
/// more is drawn as its symbolic form and evaluated (and counted) as its
/// Taylor form (docs/design.md). A compile-time constant.
/// Example: node_count(derivative<6>(tanh(x), x)) is 40 (DeZero's graph: 339 functions).
template <expression E>
constexpr std::size_t node_count(const E&) {
  return detail::node_count_v<typename E::node_type>;
}

}  // namespace tdiff

#endif  // TDIFF_TO_STRING_HPP
