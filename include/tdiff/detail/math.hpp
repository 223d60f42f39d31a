// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `tdiff::detail::math`: elementary functions usable in constant
/// expressions on g++ and clang++ alike (clang has no constexpr <cmath>).
///
/// At run time each function forwards to <cmath>, which is accurate and fast;
/// during constant evaluation the kernels below run. They compute in long
/// double, so float and double results are correctly rounded but for double
/// rounding, and long double results are within a few ulp. sin, cos and tan
/// reduce their argument exactly (Payne-Hanek with 16 896 bits of 2/pi), so
/// they are accurate over the whole range, sin(1e300) included.
#ifndef TDIFF_DETAIL_MATH_HPP
#define TDIFF_DETAIL_MATH_HPP

#include <tdiff/detail/two_over_pi.hpp>

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
inline constexpr wide inf = std::numeric_limits<wide>::infinity();
inline constexpr wide nan = std::numeric_limits<wide>::quiet_NaN();
inline constexpr wide pi_2 = 1.57079632679489661923132169163975144L;
inline constexpr wide pi_4 = 0.785398163397448309615660845819875721L;

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

/// x = m * 2^e with m in [1, 2), for finite x > 0.
struct decomposed {
  wide m;
  int e;
};
constexpr decomposed decompose(wide x) {
  int e = 0;
  while (x >= 0x1p32L) {
    x *= 0x1p-32L;
    e += 32;
  }
  while (x < 0x1p-32L) {
    x *= 0x1p32L;
    e -= 32;
  }
  while (x >= 2) {
    x *= 0.5L;
    ++e;
  }
  while (x < 1) {
    x *= 2;
    --e;
  }
  return {x, e};
}

// ln 2 split so that k * ln2_hi is exact for |k| < 2^19.
inline constexpr wide ln2_hi = 0x1.62e42fefa38p-1L;
inline constexpr wide ln2 = 0.693147180559945309417232121458176568L;
inline constexpr wide ln2_lo = ln2 - ln2_hi;

/// e^r - 1 for |r| <= 0.35 by its Taylor series (no cancellation).
constexpr wide expm1_small(wide r) {
  wide s = 0;
  for (int n = 22; n >= 1; --n) s = r / n * (1 + s);
  return s;
}

constexpr wide exp(wide x) {
  if (isnan(x)) return x;
  if (x > 11357.3L) return inf;
  if (x < -11400.0L) return 0;
  const wide kf = x / ln2;
  const std::intmax_t k = static_cast<std::intmax_t>(kf < 0 ? kf - 0.5L : kf + 0.5L);
  const wide r = (x - wide(k) * ln2_hi) - wide(k) * ln2_lo;  // |r| <= ln2/2
  return scale2(1 + expm1_small(r), static_cast<int>(k));
}

/// e^x - 1, accurate near 0.
constexpr wide expm1(wide x) {
  if (x == 0 || isnan(x)) return x;
  if (x > -0.35L && x < 0.35L) return expm1_small(x);
  return exp(x) - 1;
}

constexpr wide log(wide x) {
  if (isnan(x) || x < 0) return nan;
  if (x == 0) return -inf;
  if (x == inf) return x;
  auto [m, e] = decompose(x);
  if (m > 1.41421356237309504880L) {
    m *= 0.5L;
    ++e;
  }
  // log m = 2 atanh(s), s = (m - 1)/(m + 1), |s| <= 0.172.
  const wide s = (m - 1) / (m + 1), z = s * s;
  wide t = 0;
  for (int k = 27; k >= 1; k -= 2) t = 1 / wide(k) + z * t;
  return wide(e) * ln2_hi + (wide(e) * ln2_lo + 2 * s * t);
}

constexpr wide sqrt(wide x) {
  if (isnan(x) || x < 0) return nan;
  if (x == 0 || x == inf) return x;
  auto [m, e] = decompose(x);
  if (e % 2 != 0) {
    m *= 2;
    --e;
  }                                                 // x = m 4^(e/2), m in [1, 4)
  wide y = scale2(1.5L, e / 2);                     // within a factor 2 of the root
  for (int i = 0; i < 8; ++i) y = (y + x / y) / 2;  // Newton, quadratic
  return y;
}

// ------------------------------------------------------------ trigonometry

/// sin r and cos r for |r| <= pi/4, Taylor series to degree 27 / 26.
constexpr wide sin_small(wide r) {
  const wide z = r * r;
  wide s = 0;
  for (int n = 27; n >= 3; n -= 2) s = (1 - s) * z / (wide(n) * (n - 1));
  return r - r * s;
}
constexpr wide cos_small(wide r) {
  const wide z = r * r;
  wide s = 0;
  for (int n = 26; n >= 2; n -= 2) s = (1 - s) * z / (wide(n) * (n - 1));
  return 1 - s;
}

/// x = q pi/2 + r with |r| <= pi/4, for finite x >= 0: Payne-Hanek reduction.
/// x = m 2^E with a 64-bit integer m; the 256 bits of 2/pi that matter for
/// x 2/pi mod 4 start at bit E - 1 (bits before bit 1 are 0).
struct reduced {
  int quadrant;
  wide r;
};
constexpr reduced reduce(wide x) {
  if (x <= pi_4) return {0, x};
  const auto [mf, e2] = decompose(x);
  const auto m = static_cast<std::uint64_t>(mf * 0x1p63L);  // exact: 64-bit mantissa
  const int e = e2 - 63;
  auto bits32 = [](int k) -> std::uint64_t {  // bits k .. k+31 of 2/pi (bit 1 first)
    auto word = [](int w) -> std::uint64_t { return w < 0 ? 0 : two_over_pi[static_cast<unsigned>(w)]; };
    const int j = k - 1;  // 0-based bit index, may be negative
    const int w = j >= 0 ? j / 32 : -((-j + 31) / 32);
    const int s = j - 32 * w;  // 0..31
    const std::uint64_t pair = (word(w) << 32) | word(w + 1);
    return (pair >> (32 - s)) & 0xffffffffu;
  };
  std::uint64_t win[8] = {};
  for (int i = 0; i < 8; ++i) win[i] = bits32(e - 1 + 32 * i);
  // prod = m * win, 10 words; keep the low 8 (x 2/pi mod 4, scaled by 2^254).
  const std::uint64_t m_hi = m >> 32, m_lo = m & 0xffffffffu;
  std::uint64_t prod[10] = {};
  for (int i = 7; i >= 0; --i) {
    std::uint64_t lo = m_lo * win[i], hi = m_hi * win[i];
    int at = i + 2;  // word index of the low part
    std::uint64_t carry = 0;
    std::uint64_t t = prod[at] + (lo & 0xffffffffu);
    prod[at] = t & 0xffffffffu;
    carry = t >> 32;
    t = prod[at - 1] + (lo >> 32) + (hi & 0xffffffffu) + carry;
    prod[at - 1] = t & 0xffffffffu;
    carry = t >> 32;
    t = prod[at - 2] + (hi >> 32) + carry;
    prod[at - 2] = t & 0xffffffffu;
    carry = t >> 32;
    for (int k = at - 3; carry != 0 && k >= 0; --k) {
      t = prod[k] + carry;
      prod[k] = t & 0xffffffffu;
      carry = t >> 32;
    }
  }
  std::uint64_t f[8];  // 256 bits: 2 quadrant bits, then 254 fraction bits
  for (int i = 0; i < 8; ++i) f[i] = prod[i + 2];
  int q = static_cast<int>(f[0] >> 30);
  f[0] &= 0x3fffffffu;
  const bool upper = (f[0] >> 29) != 0;  // fraction >= 1/2: round up, r < 0
  if (upper) {                           // f = 2^254 - f, two's complement on 254 bits
    q = (q + 1) & 3;
    std::uint64_t borrow = 1;
    for (int i = 7; i >= 0; --i) {
      const std::uint64_t inv = (~f[i] & 0xffffffffu) + borrow;
      f[i] = inv & 0xffffffffu;
      borrow = inv >> 32;
    }
    f[0] &= 0x3fffffffu;
  }
  wide frac = 0;  // from the least significant word up: no cancellation
  for (int i = 7; i >= 1; --i) frac = (frac + wide(f[i])) * 0x1p-32L;
  frac = (frac + wide(f[0])) * 0x1p-30L;
  return {q, (upper ? -frac : frac) * pi_2};
}

constexpr wide sin(wide x) {
  if (isnan(x) || x == 0) return x;
  if (x == inf || x == -inf) return nan;
  const bool negative = x < 0;
  const auto [q, r] = reduce(negative ? -x : x);
  const wide v = q == 0 ? sin_small(r) : q == 1 ? cos_small(r) : q == 2 ? -sin_small(r) : -cos_small(r);
  return negative ? -v : v;
}

constexpr wide cos(wide x) {
  if (isnan(x)) return x;
  if (x == inf || x == -inf) return nan;
  const auto [q, r] = reduce(x < 0 ? -x : x);
  return q == 0 ? cos_small(r) : q == 1 ? -sin_small(r) : q == 2 ? -cos_small(r) : sin_small(r);
}

constexpr wide tan(wide x) {
  if (isnan(x) || x == 0) return x;
  if (x == inf || x == -inf) return nan;
  const bool negative = x < 0;
  const auto [q, r] = reduce(negative ? -x : x);
  const wide v = (q % 2 == 0) ? sin_small(r) / cos_small(r) : -cos_small(r) / sin_small(r);
  return negative ? -v : v;
}

/// atan by two argument halvings, atan(x) = 2 atan(x / (1 + sqrt(1 + x^2))),
/// to |x| <= tan(pi/16), then its Taylor series.
constexpr wide atan(wide x) {
  if (isnan(x) || x == 0) return x;
  const bool negative = x < 0;
  wide a = negative ? -x : x;
  const bool inverted = a > 1;
  if (a == inf) return negative ? -pi_2 : pi_2;
  if (inverted) a = 1 / a;
  a = a / (1 + sqrt(1 + a * a));
  a = a / (1 + sqrt(1 + a * a));
  const wide z = a * a;
  wide s = 0;
  for (int k = 41; k >= 3; k -= 2) s = 1 / wide(k) - z * s;
  wide v = 4 * (a - a * z * s);
  if (inverted) v = pi_2 - v;
  return negative ? -v : v;
}

/// asin x = atan(x / sqrt((1 - x)(1 + x))): the factors are exact for double x.
constexpr wide asin(wide x) {
  if (isnan(x) || x == 0) return x;
  if (x > 1 || x < -1) return nan;
  if (x == 1 || x == -1) return x * pi_2;
  return atan(x / sqrt((1 - x) * (1 + x)));
}

/// acos x = 2 atan(sqrt((1 - x)/(1 + x))).
constexpr wide acos(wide x) {
  if (isnan(x)) return x;
  if (x > 1 || x < -1) return nan;
  if (x == -1) return 2 * pi_2;
  return 2 * atan(sqrt((1 - x) / (1 + x)));
}

// ------------------------------------------------------------ hyperbolic

constexpr wide tanh(wide x) {
  if (isnan(x) || x == 0) return x;
  if (x > 23) return 1;  // tanh x rounds to 1 in long double beyond ~22.2
  if (x < -23) return -1;
  const wide e = expm1(2 * x);
  return e / (e + 2);
}

constexpr wide sinh(wide x) {
  if (isnan(x) || x == 0) return x;
  if (x > 11400 || x < -11400) return x;  // +-inf
  const bool negative = x < 0;
  const wide a = negative ? -x : x;
  wide v = 0;
  if (a < 1) {  // (e + e/(e + 1)) / 2 with e = expm1(a): no cancellation near 0
    const wide e = expm1(a);
    v = (e + e / (e + 1)) / 2;
  } else {
    const wide e = exp(a);
    v = (e - 1 / e) / 2;
  }
  return negative ? -v : v;
}

constexpr wide cosh(wide x) {
  if (isnan(x)) return x;
  if (x > 11400 || x < -11400) return inf;
  const wide e = exp(x < 0 ? -x : x);
  return (e + 1 / e) / 2;
}

// ------------------------------------------------------- sign, log1p, roots

inline constexpr wide pi = 2 * pi_2;

/// Whether x has its sign bit set (-0 included), in constant expressions.
constexpr bool signbit(wide x) { return __builtin_copysignl(1.0L, x) < 0; }

/// log(1 + x), accurate near 0: 2 atanh(s) with s = x / (2 + x), |s| <= 0.17.
constexpr wide log1p(wide x) {
  if (isnan(x) || x == 0 || x == inf) return x;
  if (x < -1) return nan;
  if (x == -1) return -inf;
  if (x > -0.29L && x < 0.41L) {
    const wide s = x / (2 + x), z = s * s;
    wide t = 0;
    for (int k = 41; k >= 1; k -= 2) t = 1 / wide(k) + z * t;
    return 2 * s * t;
  }
  return log(1 + x);  // 1 + x is exact for double x in (-1, -0.29]
}

/// The real cube root: Newton's iteration on the mantissa, scaled back.
constexpr wide cbrt(wide x) {
  if (isnan(x) || x == 0 || x == inf || x == -inf) return x;
  const bool negative = x < 0;
  auto [m, e] = decompose(negative ? -x : x);
  const int r = ((e % 3) + 3) % 3;  // x = m 2^r 2^(3q), m 2^r in [1, 8)
  m = scale2(m, r);
  wide y = 1 + (m - 1) / 7;  // exact at 1 and 8, within 30% between
  for (int i = 0; i < 10; ++i) y -= (y * y * y - m) / (3 * y * y);
  const wide v = scale2(y, (e - r) / 3);
  return negative ? -v : v;
}

/// sqrt(a^2 + b^2) without overflow or underflow: scaled by a power of 2.
constexpr wide hypot(wide a, wide b) {
  if (a == inf || a == -inf || b == inf || b == -inf) return inf;  // even hypot(inf, NaN)
  if (isnan(a) || isnan(b)) return nan;
  a = a < 0 ? -a : a;
  b = b < 0 ? -b : b;
  const wide m = a > b ? a : b;
  if (m == 0) return 0;
  const int e = decompose(m).e;
  const wide sa = scale2(a, -e), sb = scale2(b, -e);
  return scale2(sqrt(sa * sa + sb * sb), e);
}

/// The angle of the point (x, y), in [-pi, pi], with C's special values.
constexpr wide atan2(wide y, wide x) {
  if (isnan(x) || isnan(y)) return nan;
  const bool y_negative = signbit(y), x_negative = signbit(x);
  const wide ay = y_negative ? -y : y, ax = x_negative ? -x : x;
  wide v = 0;
  if (ay == 0)
    v = x_negative ? pi : 0;
  else if (ax == 0)
    v = pi_2;
  else if (ay == inf)
    v = ax == inf ? (x_negative ? 3 * pi_4 : pi_4) : pi_2;
  else if (ax == inf)
    v = x_negative ? pi : 0;
  else
    v = x_negative ? pi - (ay <= ax ? atan(ay / ax) : pi_2 - atan(ax / ay))
                   : (ay <= ax ? atan(ay / ax) : pi_2 - atan(ax / ay));
  return y_negative ? -v : v;
}

// ------------------------------------------------ inverse hyperbolic

constexpr wide asinh(wide x) {
  if (isnan(x) || x == 0 || x == inf || x == -inf) return x;
  const bool negative = x < 0;
  const wide a = negative ? -x : x;
  // beyond 2^32, sqrt(1 + a^2) = a to the precision of long double
  const wide v = a > 0x1p32L ? log(a) + ln2 : log1p(a + a * a / (1 + sqrt(1 + a * a)));
  return negative ? -v : v;
}

constexpr wide acosh(wide x) {
  if (isnan(x) || x == inf) return x;
  if (x < 1) return nan;
  if (x > 0x1p32L) return log(x) + ln2;
  const wide t = x - 1;  // exact for x in [1, 2]
  return log1p(t + sqrt(t * (x + 1)));
}

constexpr wide atanh(wide x) {
  if (isnan(x) || x == 0) return x;
  if (x > 1 || x < -1) return nan;
  if (x == 1 || x == -1) return x * inf;
  const bool negative = x < 0;
  const wide a = negative ? -x : x;
  const wide v = log1p(2 * a / (1 - a)) / 2;  // 1 - a is exact for double a in [0.5, 1)
  return negative ? -v : v;
}

// --------------------------------------------------------- error function

inline constexpr wide two_over_sqrt_pi = 1.12837916709551257389615890312154517L;

/// e^(-x^2) for 0 <= x < 2^38 without the rounding error of x^2, which e^
/// would magnify by x^2: x = h + l with h on 24 fraction bits, so h^2 is exact.
constexpr wide exp_minus_square(wide x) {
  const wide h = static_cast<wide>(static_cast<std::int64_t>(x * 0x1p24L)) * 0x1p-24L;
  const wide l = x - h;
  return exp(-(h * h)) * exp(-(l * (2 * h + l)));
}

/// erf x for 0 <= x <= 1 by the series of positive terms
/// erf x = 2/sqrt(pi) e^(-x^2) sum 2^n x^(2n+1) / (1 3 5 ... (2n+1)).
constexpr wide erf_series(wide x) {
  const wide z = 2 * x * x;
  wide term = x, sum = x;
  for (int n = 1; n < 200 && term > sum * 0x1p-70L; ++n) {
    term *= z / (2 * n + 1);
    sum += term;
  }
  return two_over_sqrt_pi * exp_minus_square(x) * sum;
}

/// erfc x for x >= 1 by the continued fraction (the even part of Laplace's)
/// erfc x = 2x e^(-x^2)/sqrt(pi) / (2x^2 + 1 - 1*2/(2x^2 + 5 - 3*4/(2x^2 + 9 - ...))),
/// evaluated forwards by Lentz's method.
constexpr wide erfc_fraction(wide x) {
  if (x > 107) return 0;  // below the least long double
  const wide z = 2 * x * x;
  constexpr wide tiny = 0x1p-4000L;
  wide f = z + 1, c = f, d = 0;
  for (int n = 1; n < 5000; ++n) {
    const wide a = -wide(2 * n - 1) * wide(2 * n), b = z + 4 * n + 1;
    d = b + a * d;
    d = d == 0 ? 1 / tiny : 1 / d;
    c = b + a / c;
    if (c == 0) c = tiny;
    const wide delta = c * d;
    f *= delta;
    if (delta - 1 < 0x1p-70L && 1 - delta < 0x1p-70L) break;
  }
  return two_over_sqrt_pi * x * exp_minus_square(x) / f;
}

constexpr wide erf(wide x) {
  if (isnan(x) || x == 0) return x;
  const bool negative = x < 0;
  const wide a = negative ? -x : x;
  const wide v = a <= 1 ? erf_series(a) : 1 - erfc_fraction(a);
  return negative ? -v : v;
}

constexpr wide erfc(wide x) {
  if (isnan(x)) return x;
  if (x < 0) return 2 - erfc(-x);
  return x <= 1 ? 1 - erf_series(x) : erfc_fraction(x);
}

}  // namespace kernel

template <class T>
concept real = std::floating_point<T>;

// Each public function: the kernel during constant evaluation, <cmath> at run time.
#define TDIFF_DETAIL_MATH_FUNCTION(name)                                      \
  template <real T>                                                           \
  constexpr T name(T x) {                                                     \
    if (std::is_constant_evaluated()) return static_cast<T>(kernel::name(x)); \
    return std::name(x);                                                      \
  }
TDIFF_DETAIL_MATH_FUNCTION(exp)
TDIFF_DETAIL_MATH_FUNCTION(expm1)
TDIFF_DETAIL_MATH_FUNCTION(log)
TDIFF_DETAIL_MATH_FUNCTION(sqrt)
TDIFF_DETAIL_MATH_FUNCTION(sin)
TDIFF_DETAIL_MATH_FUNCTION(cos)
TDIFF_DETAIL_MATH_FUNCTION(tan)
TDIFF_DETAIL_MATH_FUNCTION(asin)
TDIFF_DETAIL_MATH_FUNCTION(acos)
TDIFF_DETAIL_MATH_FUNCTION(atan)
TDIFF_DETAIL_MATH_FUNCTION(sinh)
TDIFF_DETAIL_MATH_FUNCTION(cosh)
TDIFF_DETAIL_MATH_FUNCTION(tanh)
TDIFF_DETAIL_MATH_FUNCTION(log1p)
TDIFF_DETAIL_MATH_FUNCTION(cbrt)
TDIFF_DETAIL_MATH_FUNCTION(asinh)
TDIFF_DETAIL_MATH_FUNCTION(acosh)
TDIFF_DETAIL_MATH_FUNCTION(atanh)
TDIFF_DETAIL_MATH_FUNCTION(erf)
TDIFF_DETAIL_MATH_FUNCTION(erfc)
#undef TDIFF_DETAIL_MATH_FUNCTION

// The same for functions of two arguments.
#define TDIFF_DETAIL_MATH_FUNCTION2(name)                                        \
  template <real T>                                                              \
  constexpr T name(T a, T b) {                                                   \
    if (std::is_constant_evaluated()) return static_cast<T>(kernel::name(a, b)); \
    return std::name(a, b);                                                      \
  }
TDIFF_DETAIL_MATH_FUNCTION2(atan2)
TDIFF_DETAIL_MATH_FUNCTION2(hypot)
#undef TDIFF_DETAIL_MATH_FUNCTION2

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
