// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines the built-in elementary functions' ops, shared by both modes: each
/// op is one type with its name, its value (tdiff's constexpr math for
/// floating-point numbers), its derivative rule and its exact foldings (see
/// detail/op.hpp for what an op is). `TDIFF_DETAIL_FOR_EACH_FUNCTION` lists
/// them once; each mode's public functions are generated from that list.
///
/// Adding a built-in function: its constexpr kernel in detail/math.hpp, its
/// op here and its name in the list (plus tests).
#ifndef TDIFF_DETAIL_OPS_HPP
#define TDIFF_DETAIL_OPS_HPP

#include <tdiff/detail/math.hpp>
#include <tdiff/detail/op.hpp>
#include <tdiff/detail/simd.hpp>

#include <cstddef>
#include <string_view>

namespace tdiff::detail {

/// The unary functions of both modes (sqrt is a power in the compile-time
/// mode and DeZero's pow in the runtime mode, so it is not listed).
#define TDIFF_DETAIL_FOR_EACH_FUNCTION(X) \
  X(sin) X(cos) X(tan) X(exp) X(log) X(sinh) X(cosh) X(tanh) X(asin) X(acos) X(atan)

// An op whose value is math::fn, named "fn".
#define TDIFF_DETAIL_MATH_OP(fn)                                     \
  static constexpr std::string_view name = #fn;                      \
  template <class T>                                                 \
  static constexpr T value(const T& a) {                             \
    return math::fn(a);                                              \
  }

struct sin_op {
  TDIFF_DETAIL_MATH_OP(sin)
  static constexpr int at_zero = 0;
  static constexpr auto derivative(const auto& x, const auto&) { return cos(x); }
};

struct cos_op {
  TDIFF_DETAIL_MATH_OP(cos)
  static constexpr int at_zero = 1;
  static constexpr auto derivative(const auto& x, const auto&) { return -sin(x); }
};

struct tan_op {
  TDIFF_DETAIL_MATH_OP(tan)
  static constexpr int at_zero = 0;
  static constexpr auto derivative(const auto&, const auto& y) { return one(y) + y * y; }
};

struct exp_op {
  TDIFF_DETAIL_MATH_OP(exp)
  static constexpr int at_zero = 1;
  static constexpr auto derivative(const auto&, const auto& y) { return y; }
};

struct log_op {
  TDIFF_DETAIL_MATH_OP(log)
  static constexpr int at_one = 0;
  using inverse_of = exp_op;  // log(exp(a)) = a for every real a
  static constexpr auto derivative(const auto& x, const auto&) { return one(x) / x; }
  /// DeZero's backward is gy / x, one node fewer than gy * (1 / x).
  static auto backward(const auto& gy, const auto& x, const auto&) { return gy / x; }
};

struct sinh_op {
  TDIFF_DETAIL_MATH_OP(sinh)
  static constexpr int at_zero = 0;
  static constexpr auto derivative(const auto& x, const auto&) { return cosh(x); }
};

struct cosh_op {
  TDIFF_DETAIL_MATH_OP(cosh)
  static constexpr int at_zero = 1;
  static constexpr auto derivative(const auto& x, const auto&) { return sinh(x); }
};

struct tanh_op {
  TDIFF_DETAIL_MATH_OP(tanh)
  static constexpr int at_zero = 0;
  /// Arrays of doubles: the SIMD kernel (within 2 ulp, as glibc's tanh).
  static void value_n(const double* x, double* y, std::size_t n) { simd::tanh_n(x, y, n); }
  static constexpr auto derivative(const auto&, const auto& y) { return one(y) - y * y; }
};

struct asin_op {
  TDIFF_DETAIL_MATH_OP(asin)
  static constexpr int at_zero = 0;
  static constexpr auto derivative(const auto& x, const auto&) { return one(x) / sqrt(one(x) - x * x); }
};

struct acos_op {
  TDIFF_DETAIL_MATH_OP(acos)
  static constexpr auto derivative(const auto& x, const auto&) { return -(one(x) / sqrt(one(x) - x * x)); }
};

struct atan_op {
  TDIFF_DETAIL_MATH_OP(atan)
  static constexpr int at_zero = 0;
  static constexpr auto derivative(const auto& x, const auto&) { return one(x) / (one(x) + x * x); }
};

#undef TDIFF_DETAIL_MATH_OP

}  // namespace tdiff::detail

#endif  // TDIFF_DETAIL_OPS_HPP
