// SPDX-License-Identifier: BSL-1.0
/// @file
/// Vectorised kernels for arrays of doubles: several elements per
/// instruction, for the elementwise evaluation of both modes.
///
/// Written with GCC's and Clang's vector extensions (no intrinsics): two
/// doubles per operation with SSE2, the x86-64 baseline, and four with AVX2,
/// chosen at run time. Other targets, or other compilers, use a loop over
/// the scalar function. Each kernel is checked in ulps against long double
/// (test/unit/static/simd.cpp).
#ifndef TDIFF_DETAIL_SIMD_HPP
#define TDIFF_DETAIL_SIMD_HPP

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>

#if (defined(__GNUC__) || defined(__clang__)) && defined(__x86_64__)
#define TDIFF_DETAIL_SIMD_X86 1
#else
#define TDIFF_DETAIL_SIMD_X86 0
#endif

namespace tdiff::detail::simd {

#if TDIFF_DETAIL_SIMD_X86

using v2d = double __attribute__((vector_size(16)));
using v2i = std::int64_t __attribute__((vector_size(16)));
using v4d = double __attribute__((vector_size(32)));
using v4i = std::int64_t __attribute__((vector_size(32)));

/// tanh of the sizeof(V)/8 doubles at x, stored to y. The kernel takes no
/// vector by value (an ABI that depends on the instruction set): it loads,
/// computes and stores, and is inlined into each instruction set's loop.
template <class V, class I>
[[gnu::always_inline]] inline void tanh_block(const double* x, double* y) {
  V v;
  std::memcpy(&v, x, sizeof v);
  const V one = V{} + 1.0;
  const I sign_bit = I{} + INT64_MIN;
  const V a = (V)((I)v & ~sign_bit);
  // (selects are bit blends: mask & t | ~mask & f; no helper function, whose
  // vector arguments would depend on the instruction set's ABI)

  // |x| < 0.625: |x| + |x|^3 P(x^2)/Q(x^2), the rational approximation of
  // Cephes' tanh.
  const V z = a * a;
  const V P =
      ((V{} - 9.64399179425052238628E-1) * z - 9.92877231001918586564E1) * z - 1.61468768441708447952E3;
  const V Q = ((z + 1.12811678491632931402E2) * z + 2.23548839060100448583E3) * z + 4.84406305325125486048E3;
  const V small = a + a * z * P / Q;

  // Otherwise 1 - 2/(e^{2|x|} + 1), with |x| clamped at 22 (tanh rounds to 1
  // beyond). e^y, y in [1.25, 44]: y = k ln2 + r, |r| <= ln2/2, e^r by its
  // Taylor polynomial of degree 13 (truncation below 2^-57) in Estrin's
  // scheme (short dependency chains), 2^k added to the exponent bits. k comes
  // out of the low mantissa bits of y/ln2 + 1.5 * 2^52: no double -> int64
  // conversion, which neither SSE2 nor AVX2 has.
  const I in_range = (I)(a < 22.0);
  const V clamped = (V)((in_range & (I)a) | (~in_range & (I)(V{} + 22.0)));
  const V e2 = clamped + clamped;
  const V shifter = V{} + 0x1.8p52;
  const V t = e2 * 1.4426950408889634 + shifter;
  const V k = t - shifter;
  const V r = (e2 - k * 0x1.62e42fefa39efp-1) - k * 0x1.abc9e3b39803fp-56;
  const V r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
  // 1/n! for n = 0..13, paired as c_n + c_{n+1} r
  const V p01 = one + r, p23 = 1.0 / 2 + r * (1.0 / 6), p45 = 1.0 / 24 + r * (1.0 / 120);
  const V p67 = 1.0 / 720 + r * (1.0 / 5040), p89 = 1.0 / 40320 + r * (1.0 / 362880);
  const V p1011 = 1.0 / 3628800 + r * (1.0 / 39916800), p1213 = 1.0 / 479001600 + r * (1.0 / 6227020800);
  const V lo = (p01 + r2 * p23) + r4 * (p45 + r2 * p67);
  const V hi = (p89 + r2 * p1011) + r4 * p1213;
  const V er = lo + r8 * hi;
  const V e = (V)((I)er + ((I)t << 52));
  const V big = one - 2.0 / (e + one);

  const I is_small = (I)(a < 0.625), is_nan = (I)(v != v);
  const I magnitude = (is_small & (I)small) | (~is_small & (I)big);
  const I result = magnitude | ((I)v & sign_bit);
  const V out = (V)((is_nan & (I)v) | (~is_nan & result));  // NaN stays NaN
  std::memcpy(y, &out, sizeof out);
}

template <class V, class I>
[[gnu::always_inline]] inline void tanh_loop(const double* x, double* y, std::size_t n) {
  constexpr std::size_t width = sizeof(V) / sizeof(double);
  std::size_t i = 0;
  for (; i + width <= n; i += width) tanh_block<V, I>(x + i, y + i);
  if (i < n) {  // the tail, padded with zeros
    double in[width] = {}, out[width];
    std::memcpy(in, x + i, (n - i) * sizeof(double));
    tanh_block<V, I>(in, out);
    std::memcpy(y + i, out, (n - i) * sizeof(double));
  }
}

[[gnu::target("avx2")]] inline void tanh_avx2(const double* x, double* y, std::size_t n) {
  tanh_loop<v4d, v4i>(x, y, n);
}
inline void tanh_sse2(const double* x, double* y, std::size_t n) { tanh_loop<v2d, v2i>(x, y, n); }

inline bool has_avx2() {
  static const bool yes = __builtin_cpu_supports("avx2");
  return yes;
}

/// y[i] = tanh(x[i]) for i < n, within 2 ulp (x and y may be the same array).
inline void tanh_n(const double* x, double* y, std::size_t n) {
  if (has_avx2())
    tanh_avx2(x, y, n);
  else
    tanh_sse2(x, y, n);
}

#else

inline void tanh_n(const double* x, double* y, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) y[i] = std::tanh(x[i]);
}

#endif

}  // namespace tdiff::detail::simd

#endif  // TDIFF_DETAIL_SIMD_HPP
