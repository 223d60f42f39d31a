// SPDX-License-Identifier: BSL-1.0
// An independent reference for derivatives: truncated Taylor series ("jets")
// in long double, propagated through each operation by the classical
// recurrences. The k-th derivative of f at x0 is k! times coefficient k of
// f(x0 + t). Nothing here uses tdiff.
#ifndef TDIFF_TEST_JET_HPP
#define TDIFF_TEST_JET_HPP

#include <array>
#include <cmath>
#include <cstddef>

namespace reference {

inline constexpr std::size_t jet_order = 8;

struct jet {
  std::array<long double, jet_order + 1> c{};

  static jet variable(long double x0) {
    jet j;
    j.c[0] = x0;
    j.c[1] = 1;
    return j;
  }
  static jet constant(long double v) {
    jet j;
    j.c[0] = v;
    return j;
  }
  /// d^k f / dx^k at x0.
  long double derivative(std::size_t k) const {
    long double f = 1;
    for (std::size_t i = 2; i <= k; ++i) f *= static_cast<long double>(i);
    return c[k] * f;
  }
};

inline jet operator+(const jet& a, const jet& b) {
  jet r;
  for (std::size_t k = 0; k <= jet_order; ++k) r.c[k] = a.c[k] + b.c[k];
  return r;
}
inline jet operator-(const jet& a) {
  jet r;
  for (std::size_t k = 0; k <= jet_order; ++k) r.c[k] = -a.c[k];
  return r;
}
inline jet operator-(const jet& a, const jet& b) { return a + (-b); }
inline jet operator*(const jet& a, const jet& b) {
  jet r;
  for (std::size_t k = 0; k <= jet_order; ++k)
    for (std::size_t j = 0; j <= k; ++j) r.c[k] += a.c[j] * b.c[k - j];
  return r;
}
inline jet operator/(const jet& a, const jet& b) {
  jet r;  // r b = a, solved coefficient by coefficient
  for (std::size_t k = 0; k <= jet_order; ++k) {
    long double s = a.c[k];
    for (std::size_t j = 1; j <= k; ++j) s -= b.c[j] * r.c[k - j];
    r.c[k] = s / b.c[0];
  }
  return r;
}
template <class S>
jet operator+(const jet& a, S s) { return a + jet::constant(s); }
template <class S>
jet operator+(S s, const jet& a) { return jet::constant(s) + a; }
template <class S>
jet operator-(const jet& a, S s) { return a - jet::constant(s); }
template <class S>
jet operator-(S s, const jet& a) { return jet::constant(s) - a; }
template <class S>
jet operator*(const jet& a, S s) { return a * jet::constant(s); }
template <class S>
jet operator*(S s, const jet& a) { return jet::constant(s) * a; }
template <class S>
jet operator/(const jet& a, S s) { return a / jet::constant(s); }
template <class S>
jet operator/(S s, const jet& a) { return jet::constant(s) / a; }

/// w = f(u) given the series g of f'(u): w' = g u', so
/// w_k = (1/k) sum_{j=1..k} j u_j g_{k-j}.
inline jet integrate(long double w0, const jet& u, const jet& g) {
  jet w;
  w.c[0] = w0;
  for (std::size_t k = 1; k <= jet_order; ++k) {
    long double s = 0;
    for (std::size_t j = 1; j <= k; ++j) s += static_cast<long double>(j) * u.c[j] * g.c[k - j];
    w.c[k] = s / static_cast<long double>(k);
  }
  return w;
}

inline jet exp(const jet& u) {  // w' = w u'
  jet w;
  w.c[0] = std::exp(u.c[0]);
  for (std::size_t k = 1; k <= jet_order; ++k) {
    long double s = 0;
    for (std::size_t j = 1; j <= k; ++j) s += static_cast<long double>(j) * u.c[j] * w.c[k - j];
    w.c[k] = s / static_cast<long double>(k);
  }
  return w;
}
inline jet log(const jet& u) { return integrate(std::log(u.c[0]), u, 1 / u); }

/// sin and cos together: s' = c u', c' = -s u'.
inline std::array<jet, 2> sin_cos(const jet& u) {
  jet s, c;
  s.c[0] = std::sin(u.c[0]);
  c.c[0] = std::cos(u.c[0]);
  for (std::size_t k = 1; k <= jet_order; ++k) {
    long double ss = 0, cc = 0;
    for (std::size_t j = 1; j <= k; ++j) {
      ss += static_cast<long double>(j) * u.c[j] * c.c[k - j];
      cc -= static_cast<long double>(j) * u.c[j] * s.c[k - j];
    }
    s.c[k] = ss / static_cast<long double>(k);
    c.c[k] = cc / static_cast<long double>(k);
  }
  return {s, c};
}
inline jet sin(const jet& u) { return sin_cos(u)[0]; }
inline jet cos(const jet& u) { return sin_cos(u)[1]; }
inline jet tan(const jet& u) { return sin(u) / cos(u); }
inline jet sinh(const jet& u) { return (exp(u) - exp(-u)) / 2; }
inline jet cosh(const jet& u) { return (exp(u) + exp(-u)) / 2; }
inline jet tanh(const jet& u) { return sinh(u) / cosh(u); }
inline jet sqrt(const jet& u) {  // w w = u
  jet w;
  w.c[0] = std::sqrt(u.c[0]);
  for (std::size_t k = 1; k <= jet_order; ++k) {
    long double s = u.c[k];
    for (std::size_t j = 1; j < k; ++j) s -= w.c[j] * w.c[k - j];
    w.c[k] = s / (2 * w.c[0]);
  }
  return w;
}
inline jet atan(const jet& u) { return integrate(std::atan(u.c[0]), u, 1 / (1 + u * u)); }
inline jet asin(const jet& u) { return integrate(std::asin(u.c[0]), u, 1 / sqrt(1 - u * u)); }
inline jet acos(const jet& u) { return integrate(std::acos(u.c[0]), u, -1 / sqrt(1 - u * u)); }
inline jet pow(const jet& u, long double k) { return exp(k * log(u)); }
inline jet pow(const jet& u, const jet& v) { return exp(v * log(u)); }
template <int N>
jet pow(const jet& u) {
  jet r = jet::constant(1);
  for (int i = 0; i < (N < 0 ? -N : N); ++i) r = r * u;
  return N < 0 ? 1 / r : r;
}

}  // namespace reference

#endif  // TDIFF_TEST_JET_HPP
