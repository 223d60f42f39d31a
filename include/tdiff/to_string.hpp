// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `tdiff::to_string` and `tdiff::to_dot`: an expression as readable
/// infix text, and as a Graphviz graph.
#ifndef TDIFF_TO_STRING_HPP
#define TDIFF_TO_STRING_HPP

#include <tdiff/detail/dot.hpp>
#include <tdiff/detail/print.hpp>
#include <tdiff/expression.hpp>

#include <string>

namespace tdiff {

/// Infix text with minimal parentheses: exact rationals as fractions,
/// run-time constants by value, negative powers as quotients, e.g.
/// "4*x^3 - 4*x" or "x/(1 + x^2)".
template <expression E>
std::string to_string(const E& e) {
  return detail::print<typename E::node_type>(e.constants).text;
}

/// Graphviz DOT of the expression DAG: each distinct subexpression is one
/// node (shared ones drawn once), edges run from operands to operations.
/// Render with `dot -Tpng`.
template <expression E>
std::string to_dot(const E& e) {
  return detail::dot<typename E::node_type>(e.constants);
}

}  // namespace tdiff

#endif  // TDIFF_TO_STRING_HPP
