// SPDX-License-Identifier: BSL-1.0
// DeZero's loop for the n-th derivative (steps 33-35), shared by the
// runtime-mode tests: y = f(x); y.backward(create_graph); then n - 1 times
// gx = x.grad; x.cleargrad(); gx.backward(create_graph).
#ifndef TDIFF_TEST_DEZERO_LOOP_HPP
#define TDIFF_TEST_DEZERO_LOOP_HPP

#include <tdiff/dynamic.hpp>

/// Calls each(k, x.grad()) after the k-th pass (k = 1..n); returns x.grad()
/// after the n-th, empty where the graph no longer reaches x.
template <class F, class Each>
std::optional<tdiff::dynamic::Variable> dezero_loop(tdiff::dynamic::Variable& x, F f, int n, Each each) {
  tdiff::dynamic::Variable y = f(x);
  x.cleargrad();
  y.backward({.create_graph = true});
  for (int k = 1;; ++k) {
    each(k, x.grad());
    if (k == n || !x.grad()) return x.grad();
    tdiff::dynamic::Variable gx = *x.grad();
    x.cleargrad();
    gx.backward({.create_graph = true});
  }
}

template <class F>
tdiff::dynamic::Variable nth_derivative(tdiff::dynamic::Variable& x, F f, int n) {
  return *dezero_loop(x, f, n, [](int, const auto&) {});
}

#endif  // TDIFF_TEST_DEZERO_LOOP_HPP
