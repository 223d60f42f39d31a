// SPDX-License-Identifier: BSL-1.0
// Independent references for the tests: high-order finite differences in long
// double with Richardson extrapolation, and binomial helpers for closed forms.
// Nothing here uses tdiff.
#ifndef TDIFF_TEST_REFERENCE_HPP
#define TDIFF_TEST_REFERENCE_HPP

#include <array>
#include <cstddef>

namespace reference {

inline long double binomial(unsigned n, unsigned k) {
  long double r = 1;
  for (unsigned i = 1; i <= k; ++i) r = r * (n - k + i) / i;
  return r;
}

/// n-th central difference quotient with step h (error O(h^2)).
template <class F>
long double central_difference(F f, long double x, unsigned n, long double h) {
  long double s = 0;
  for (unsigned k = 0; k <= n; ++k) {
    const long double t = x + (static_cast<long double>(n) / 2 - k) * h;
    s += ((k % 2) ? -1 : 1) * binomial(n, k) * f(t);
  }
  long double hn = 1;
  for (unsigned i = 0; i < n; ++i) hn *= h;
  return s / hn;
}

/// d^n f / dx^n at x by Richardson extrapolation of central differences
/// (steps h, h/2, h/4, h/8: error O(h^8) plus rounding ~ eps/h^n).
template <class F>
long double derivative(F f, long double x, unsigned n, long double h = 0.1L) {
  constexpr std::size_t levels = 4;
  std::array<long double, levels> d{};
  for (std::size_t i = 0; i < levels; ++i) d[i] = central_difference(f, x, n, h / (1u << i));
  long double factor = 4;
  for (std::size_t level = 1; level < levels; ++level, factor *= 4)
    for (std::size_t i = levels - 1; i >= level; --i) d[i] = (factor * d[i] - d[i - 1]) / (factor - 1);
  return d[levels - 1];
}

/// n! / (n - k)!: the k-th derivative coefficient of x^n.
inline long double falling(long double n, unsigned k) {
  long double r = 1;
  for (unsigned i = 0; i < k; ++i) r *= n - i;
  return r;
}

}  // namespace reference

#endif  // TDIFF_TEST_REFERENCE_HPP
