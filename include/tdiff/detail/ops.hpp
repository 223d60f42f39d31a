// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines the elementary functions' op tags, shared by both modes: each has
/// its name, its value rule and its derivative rule, written once.
///
/// The derivative rule `rule(x, y)` is generic: it is called with
/// compile-time expressions (x the argument, y the node itself) to build the
/// derivative's type, and with runtime `Variable`s to build the backward
/// graph. Functions and `one(x)` (the constant 1 of x's kind: the exact c<1>
/// for expressions, 1.0 for Variables) are found by argument-dependent
/// lookup in each mode's namespace.
#ifndef TDIFF_DETAIL_OPS_HPP
#define TDIFF_DETAIL_OPS_HPP

#include <tdiff/detail/math.hpp>
#include <tdiff/detail/simd.hpp>

#include <cmath>
#include <concepts>
#include <cstddef>
#include <string_view>

namespace tdiff::detail {

#define TDIFF_DETAIL_VALUE_RULE(fn)      \
  template <class T>                     \
  static constexpr T value(const T& a) { \
    if constexpr (std::floating_point<T>) { \
      return math::fn(a);                \
    } else {                             \
      using std::fn;                     \
      return fn(a);                      \
    }                                    \
  }

struct sin_op {
  static constexpr std::string_view name = "sin";
  TDIFF_DETAIL_VALUE_RULE(sin)
  static constexpr auto rule(const auto& x, const auto&) { return cos(x); }
};

struct cos_op {
  static constexpr std::string_view name = "cos";
  TDIFF_DETAIL_VALUE_RULE(cos)
  static constexpr auto rule(const auto& x, const auto&) { return -sin(x); }
};

struct tan_op {
  static constexpr std::string_view name = "tan";
  TDIFF_DETAIL_VALUE_RULE(tan)
  static constexpr auto rule(const auto&, const auto& y) { return one(y) + y * y; }
};

struct exp_op {
  static constexpr std::string_view name = "exp";
  TDIFF_DETAIL_VALUE_RULE(exp)
  static constexpr auto rule(const auto&, const auto& y) { return y; }
};

struct log_op {
  static constexpr std::string_view name = "log";
  TDIFF_DETAIL_VALUE_RULE(log)
  static constexpr auto rule(const auto& x, const auto&) { return one(x) / x; }
  /// DeZero's backward is gy / x, one node fewer than gy * (1 / x).
  static auto backward(const auto& gy, const auto& x, const auto&) { return gy / x; }
};

struct sinh_op {
  static constexpr std::string_view name = "sinh";
  TDIFF_DETAIL_VALUE_RULE(sinh)
  static constexpr auto rule(const auto& x, const auto&) { return cosh(x); }
};

struct cosh_op {
  static constexpr std::string_view name = "cosh";
  TDIFF_DETAIL_VALUE_RULE(cosh)
  static constexpr auto rule(const auto& x, const auto&) { return sinh(x); }
};

struct tanh_op {
  static constexpr std::string_view name = "tanh";
  TDIFF_DETAIL_VALUE_RULE(tanh)
  /// Arrays of doubles: the SIMD kernel (within 2 ulp, as glibc's tanh).
  static void value_n(const double* x, double* y, std::size_t n) { simd::tanh_n(x, y, n); }
  static constexpr auto rule(const auto&, const auto& y) { return one(y) - y * y; }
};

struct asin_op {
  static constexpr std::string_view name = "asin";
  TDIFF_DETAIL_VALUE_RULE(asin)
  static constexpr auto rule(const auto& x, const auto&) { return one(x) / sqrt(one(x) - x * x); }
};

struct acos_op {
  static constexpr std::string_view name = "acos";
  TDIFF_DETAIL_VALUE_RULE(acos)
  static constexpr auto rule(const auto& x, const auto&) { return -(one(x) / sqrt(one(x) - x * x)); }
};

struct atan_op {
  static constexpr std::string_view name = "atan";
  TDIFF_DETAIL_VALUE_RULE(atan)
  static constexpr auto rule(const auto& x, const auto&) { return one(x) / (one(x) + x * x); }
};

#undef TDIFF_DETAIL_VALUE_RULE

}  // namespace tdiff::detail

#endif  // TDIFF_DETAIL_OPS_HPP
