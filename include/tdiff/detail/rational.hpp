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
  if (q < 0) {
    if (__builtin_mul_overflow(p, -1, &p) || __builtin_mul_overflow(q, -1, &q))
      return {0, 1, false};
  }
  std::intmax_t g = gcd(p, q);
  if (g > 1) {
    p /= g;
    q /= g;
  }
  return {p, q, true};
}

constexpr rational operator*(rational a, rational b) {
  // Cross-cancel first so that products of normalised fractions rarely overflow.
  std::intmax_t g1 = gcd(a.p, b.q), g2 = gcd(b.p, a.q);
  if (g1 == 0) g1 = 1;
  if (g2 == 0) g2 = 1;
  std::intmax_t p = 0, q = 0;
  bool bad = __builtin_mul_overflow(a.p / g1, b.p / g2, &p) ||
             __builtin_mul_overflow(a.q / g2, b.q / g1, &q);
  return normalise(p, q, a.ok && b.ok && !bad);
}

constexpr rational operator+(rational a, rational b) {
  std::intmax_t l = 0, r = 0, p = 0, q = 0;
  bool bad = __builtin_mul_overflow(a.p, b.q, &l) || __builtin_mul_overflow(b.p, a.q, &r) ||
             __builtin_add_overflow(l, r, &p) || __builtin_mul_overflow(a.q, b.q, &q);
  return normalise(p, q, a.ok && b.ok && !bad);
}

constexpr rational operator-(rational a) { return rational{0, 1} + rational{-1, 1} * a; }

/// a^n for an integer n; 0^n with n < 0 is reported as not ok.
constexpr rational rational_power(rational a, std::intmax_t n) {
  if (n < 0) {
    if (a.p == 0) return {0, 1, false};
    a = normalise(a.q, a.p);
    n = -n;
  }
  rational r{1, 1};
  for (; n > 0; --n) r = r * a;
  return r;
}

}  // namespace tdiff::detail

#endif  // TDIFF_DETAIL_RATIONAL_HPP
