// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `tdiff::detail::math`: elementary functions usable in constant
/// expressions on g++ and clang++ alike (clang has no constexpr <cmath>).
///
/// At run time each function forwards to <cmath>, which is at least as
/// accurate and faster; during constant evaluation the kernels below run.
/// float and double arguments are computed internally in long double, which
/// makes their results correctly rounded in all but rare cases.
#ifndef TDIFF_DETAIL_MATH_HPP
#define TDIFF_DETAIL_MATH_HPP

#include <cmath>
#include <concepts>
#include <cstdint>
#include <limits>
#include <type_traits>

namespace tdiff::detail::math {

template <std::floating_point T>
constexpr bool isnan(T x) {
  return x != x;
}

/// x^n for an integer n, by repeated squaring (exact for small integer x).
template <class T>
constexpr T ipow(T x, std::intmax_t n) {
  if (n < 0) return T(1) / ipow(x, -n);
  T r(1);
  while (n > 0) {
    if (n & 1) r *= x;
    n >>= 1;
    if (n > 0) x *= x;
  }
  return r;
}

/// x^N for an exponent known at compile time: unrolled squaring, the code a
/// person would write for x^4: t = x*x; t*t.
template <std::intmax_t N, class T>
constexpr T ipow_c(const T& x) {
  if constexpr (N < 0) {
    return T(1) / ipow_c<-N>(x);
  } else if constexpr (N == 0) {
    return T(1);
  } else if constexpr (N == 1) {
    return x;
  } else if constexpr (N % 2 == 0) {
    T h = ipow_c<N / 2>(x);
    return h * h;
  } else {
    return ipow_c<N - 1>(x) * x;
  }
}

namespace kernel {

using wide = long double;

/// x * 2^k, exact unless the result is subnormal.
constexpr wide scale2(wide x, int k) {
  while (k > 0) {
    int s = k > 1000 ? 1000 : k;
    x *= ipow(wide(2), s);
    k -= s;
  }
  while (k < 0) {
    int s = k < -1000 ? 1000 : -k;
    x /= ipow(wide(2), s);
    k += s;
  }
  return x;
}

// ln 2 split so that k * ln2_hi is exact for |k| < 2^19.
inline constexpr wide ln2_hi = 0x1.62e42fefa38p-1L;
inline constexpr wide ln2 = 0.693147180559945309417232121458176568L;
inline constexpr wide ln2_lo = ln2 - ln2_hi;

constexpr wide exp(wide x) {
  if (isnan(x)) return x;
  if (x > 11357.3L) return std::numeric_limits<wide>::infinity();
  if (x < -11400.0L) return 0;
  wide kf = x / ln2;
  std::intmax_t k = static_cast<std::intmax_t>(kf < 0 ? kf - 0.5L : kf + 0.5L);
  wide r = (x - wide(k) * ln2_hi) - wide(k) * ln2_lo;  // |r| <= ln2/2
  // Taylor series to degree 20 (remainder < 1e-25 on |r| <= 0.35).
  wide s = 1;
  for (int n = 20; n >= 1; --n) s = 1 + s * r / n;
  return scale2(s, static_cast<int>(k));
}

constexpr wide log(wide x) {
  if (isnan(x) || x < 0) return std::numeric_limits<wide>::quiet_NaN();
  if (x == 0) return -std::numeric_limits<wide>::infinity();
  if (x == std::numeric_limits<wide>::infinity()) return x;
  int e = 0;
  while (x >= 0x1p32L) { x *= 0x1p-32L; e += 32; }
  while (x < 0x1p-32L) { x *= 0x1p32L; e -= 32; }
  while (x >= 2) { x *= 0.5L; ++e; }
  while (x < 1) { x *= 2; --e; }
  if (x > 1.41421356237309504880L) { x *= 0.5L; ++e; }
  // log m = 2 atanh(s), s = (m - 1)/(m + 1), |s| <= 0.172.
  wide s = (x - 1) / (x + 1), z = s * s, t = 0;
  for (int k = 27; k >= 1; k -= 2) t = 1 / wide(k) + z * t;
  return wide(e) * ln2_hi + (wide(e) * ln2_lo + 2 * s * t);
}

constexpr wide sqrt(wide x) {
  if (isnan(x) || x < 0) return std::numeric_limits<wide>::quiet_NaN();
  if (x == 0 || x == std::numeric_limits<wide>::infinity()) return x;
  // Start within a factor 2 of the root, then Newton (quadratic convergence).
  int e = 0;
  wide m = x;
  while (m >= 4) { m *= 0.25L; ++e; }
  while (m < 1) { m *= 4; --e; }
  wide y = scale2(1.5L, e);  // x = m 4^e, m in [1, 4): sqrt(x) = sqrt(m) 2^e
  for (int i = 0; i < 8; ++i) y = (y + x / y) / 2;
  return y;
}

}  // namespace kernel

template <class T>
concept real = std::floating_point<T>;

template <real T>
constexpr T exp(T x) {
  if (std::is_constant_evaluated()) return static_cast<T>(kernel::exp(x));
  return std::exp(x);
}

template <real T>
constexpr T log(T x) {
  if (std::is_constant_evaluated()) return static_cast<T>(kernel::log(x));
  return std::log(x);
}

template <real T>
constexpr T sqrt(T x) {
  if (std::is_constant_evaluated()) return static_cast<T>(kernel::sqrt(x));
  return std::sqrt(x);
}

/// b^e for a run-time exponent; integral exponents are computed by squaring so
/// that pow(x, 3) is exact where x*x*x is.
template <real T>
constexpr T pow(T b, T e) {
  if (!std::is_constant_evaluated()) return std::pow(b, e);
  if (isnan(e) || isnan(b)) return e + b;
  if (e < T(0x1p62) && e > -T(0x1p62) && e == static_cast<T>(static_cast<std::intmax_t>(e)))
    return ipow(b, static_cast<std::intmax_t>(e));
  if (b < 0) return std::numeric_limits<T>::quiet_NaN();
  if (b == 0) return e > 0 ? T(0) : std::numeric_limits<T>::infinity();
  return static_cast<T>(kernel::exp(kernel::wide(e) * kernel::log(b)));
}

}  // namespace tdiff::detail::math

#endif  // TDIFF_DETAIL_MATH_HPP
