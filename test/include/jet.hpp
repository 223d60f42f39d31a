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
jet operator+(const jet& a, S s) {
  return a + jet::constant(s);
}
template <class S>
jet operator+(S s, const jet& a) {
  return jet::constant(s) + a;
}
template <class S>
jet operator-(const jet& a, S s) {
  return a - jet::constant(s);
}
template <class S>
jet operator-(S s, const jet& a) {
  return jet::constant(s) - a;
}
template <class S>
jet operator*(const jet& a, S s) {
  return a * jet::constant(s);
}
template <class S>
jet operator*(S s, const jet& a) {
  return jet::constant(s) * a;
}
template <class S>
jet operator/(const jet& a, S s) {
  return a / jet::constant(s);
}
template <class S>
jet operator/(S s, const jet& a) {
  return jet::constant(s) / a;
}

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
inline jet log1p(const jet& u) { return integrate(std::log1p(u.c[0]), u, 1 / (1 + u)); }
inline jet expm1(const jet& u) {
  jet w = exp(u) - 1;
  w.c[0] = std::expm1(u.c[0]);
  return w;
}
inline jet erf(const jet& u) {
  const long double two_over_sqrt_pi = 1.12837916709551257389615890312154517L;
  return integrate(std::erf(u.c[0]), u, two_over_sqrt_pi * exp(-(u * u)));
}
inline jet erfc(const jet& u) {
  jet w = -erf(u);
  w.c[0] = std::erfc(u.c[0]);
  return w;
}
inline jet asinh(const jet& u) { return integrate(std::asinh(u.c[0]), u, 1 / sqrt(1 + u * u)); }
inline jet acosh(const jet& u) { return integrate(std::acosh(u.c[0]), u, 1 / sqrt(u * u - 1)); }
inline jet atanh(const jet& u) { return integrate(std::atanh(u.c[0]), u, 1 / (1 - u * u)); }
inline jet cbrt(const jet& u) {  // exp(log|u| / 3) with u's sign (u(x0) != 0)
  jet w = u.c[0] > 0 ? exp(log(u) / 3) : -exp(log(-u) / 3);
  w.c[0] = std::cbrt(u.c[0]);
  return w;
}
/// The series of u', and w with w' = d and w(x0) = w0.
inline jet derivative_of(const jet& u) {
  jet d;
  for (std::size_t k = 0; k < jet_order; ++k) d.c[k] = static_cast<long double>(k + 1) * u.c[k + 1];
  return d;
}
inline jet antiderivative(long double w0, const jet& d) {
  jet w;
  w.c[0] = w0;
  for (std::size_t k = 1; k <= jet_order; ++k) w.c[k] = d.c[k - 1] / static_cast<long double>(k);
  return w;
}
/// atan2(a, b)' = (b a' - a b') / (a^2 + b^2)
inline jet atan2(const jet& a, const jet& b) {
  return antiderivative(std::atan2(a.c[0], b.c[0]),
                        (b * derivative_of(a) - a * derivative_of(b)) / (a * a + b * b));
}
inline jet hypot(const jet& a, const jet& b) { return sqrt(a * a + b * b); }
// Piecewise, away from kinks and ties (the generator keeps them away).
inline jet abs(const jet& u) { return u.c[0] < 0 ? -u : u; }
inline jet min(const jet& a, const jet& b) { return b.c[0] < a.c[0] ? b : a; }
inline jet max(const jet& a, const jet& b) { return a.c[0] < b.c[0] ? b : a; }
inline bool operator<(const jet& a, const jet& b) { return a.c[0] < b.c[0]; }
inline bool operator>(const jet& a, const jet& b) { return b < a; }
template <class S>
bool operator>(const jet& a, S s) {
  return a > jet::constant(s);
}
inline jet where(bool c, const jet& a, const jet& b) { return c ? a : b; }
template <class S>
jet where(bool c, const jet& a, S s) {
  return c ? a : jet::constant(s);
}
template <class S>
jet atan2(const jet& a, S s) {
  return atan2(a, jet::constant(s));
}
template <class S>
jet hypot(const jet& a, S s) {
  return hypot(a, jet::constant(s));
}
template <class S>
jet min(const jet& a, S s) {
  return min(a, jet::constant(s));
}
template <class S>
jet max(const jet& a, S s) {
  return max(a, jet::constant(s));
}
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
