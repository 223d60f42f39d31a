// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `tdiff::detail::rational`, exact constexpr rational arithmetic used to
/// fold constants at the type level.
#ifndef TDIFF_DETAIL_RATIONAL_HPP
#define TDIFF_DETAIL_RATIONAL_HPP

#include <cstdint>

namespace tdiff::detail {

/// A normalised fraction p/q (q > 0, gcd(p, q) = 1). `ok` is false when an
/// operation overflowed std::intmax_t; callers turn that into a static_assert.
struct rational {
  std::intmax_t p = 0;
  std::intmax_t q = 1;
  bool ok = true;
};

constexpr std::intmax_t gcd(std::intmax_t a, std::intmax_t b) {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b != 0) {
    std::intmax_t t = a % b;
    a = b;
    b = t;
  }
  return a;
}

constexpr rational normalise(std::intmax_t p, std::intmax_t q, bool ok = true) {
  if (!ok || q == 0) return {0, 1, false};
  std::intmax_t np = p, nq = q;
  if (q < 0 && (__builtin_mul_overflow(p, -1, &np) || __builtin_mul_overflow(q, -1, &nq)))
    return {0, 1, false};
  const std::intmax_t g = gcd(np, nq);
  return {np / g, nq / g, true};
}

// Operands are taken by reference: g++ 12 -O2 miscompiled the by-value
// version (IPA-SRA), printing coefficients as 0; see docs/design.md.
constexpr rational operator*(const rational& a, const rational& b) {
  // Cross-cancel first so that products of normalised fractions rarely overflow.
  const std::intmax_t g1 = a.p == 0 ? 1 : gcd(a.p, b.q), g2 = b.p == 0 ? 1 : gcd(b.p, a.q);
  std::intmax_t p = 0, q = 0;
  const bool bad =
      __builtin_mul_overflow(a.p / g1, b.p / g2, &p) || __builtin_mul_overflow(a.q / g2, b.q / g1, &q);
  return normalise(p, q, a.ok && b.ok && !bad);
}

constexpr rational operator+(const rational& a, const rational& b) {
  std::intmax_t l = 0, r = 0, p = 0, q = 0;
  const bool bad = __builtin_mul_overflow(a.p, b.q, &l) || __builtin_mul_overflow(b.p, a.q, &r) ||
                   __builtin_add_overflow(l, r, &p) || __builtin_mul_overflow(a.q, b.q, &q);
  return normalise(p, q, a.ok && b.ok && !bad);
}

/// a^n for an integer n; 0^n with n < 0 is reported as not ok.
constexpr rational rational_power(const rational& a, std::intmax_t n) {
  if (n < 0 && a.p == 0) return {0, 1, false};
  const rational base = n < 0 ? normalise(a.q, a.p, a.ok) : a;
  rational r{1, 1};
  for (std::intmax_t k = n < 0 ? -n : n; k > 0; --k) r = r * base;
  return r;
}

/// -1, 0 or 1 as a < b, a == b or a > b (exact unless the cross products
/// overflow, then compared in long double).
constexpr int compare(const rational& a, const rational& b) {
  std::intmax_t l = 0, r = 0;
  if (!__builtin_mul_overflow(a.p, b.q, &l) && !__builtin_mul_overflow(b.p, a.q, &r))
    return (l > r) - (l < r);
  const long double x = static_cast<long double>(a.p) / a.q, y = static_cast<long double>(b.p) / b.q;
  return (x > y) - (x < y);
}

/// The exact value of a finite floating-point number as p/2^k (every binary
/// floating-point number is one); not ok where p or 2^k would overflow
/// std::intmax_t (as 1e-300 or 1e300), or for infinities and NaN.
constexpr rational exact_rational(long double v) {
  if (v != v || v - v != 0) return {0, 1, false};  // NaN, +-inf
  constexpr long double limit = 0x1p62L;
  std::intmax_t q = 1;
  while (v != static_cast<long double>(static_cast<std::intmax_t>(v < limit && v > -limit ? v : 0))) {
    if (q >= (std::intmax_t{1} << 61) || v >= limit || v <= -limit) return {0, 1, false};
    v *= 2;  // exact
    q *= 2;
  }
  return normalise(static_cast<std::intmax_t>(v), q);
}

}  // namespace tdiff::detail

#endif  // TDIFF_DETAIL_RATIONAL_HPP
