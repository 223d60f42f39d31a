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
#include <tdiff/detail/rational.hpp>
#include <tdiff/detail/simd.hpp>
#include <tdiff/function.hpp>

#include <cstddef>
#include <string_view>

namespace tdiff::detail {

/// The unary functions of both modes (sqrt is a power in the compile-time
/// mode and DeZero's pow in the runtime mode, so it is not listed).
// clang-format off
#define TDIFF_DETAIL_FOR_EACH_FUNCTION(X)                                                   \
  X(sin) X(cos) X(tan) X(exp) X(log) X(sinh) X(cosh) X(tanh) X(asin) X(acos) X(atan) X(log1p) \
  X(expm1) X(erf) X(erfc) X(asinh) X(acosh) X(atanh) X(cbrt) X(abs) X(sign)
// clang-format on

/// The functions of two arguments of both modes; either argument may be a
/// plain number.
#define TDIFF_DETAIL_FOR_EACH_BINARY_FUNCTION(X) X(atan2) X(hypot) X(min) X(max)

// An op whose value is math::fn, named "fn".
#define TDIFF_DETAIL_MATH_OP(fn)                \
  static constexpr std::string_view name = #fn; \
  template <class T>                            \
  static constexpr T value(const T& a) {        \
    return math::fn(a);                         \
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

struct log1p_op {
  TDIFF_DETAIL_MATH_OP(log1p)
  static constexpr int at_zero = 0;
  static constexpr auto derivative(const auto& x, const auto&) { return one(x) / (one(x) + x); }
};

struct expm1_op {
  TDIFF_DETAIL_MATH_OP(expm1)
  static constexpr int at_zero = 0;
  static constexpr auto derivative(const auto&, const auto& y) { return y + one(y); }  // e^x
};

/// erf'(a) = (2/sqrt(pi)) e^(-a^2), an op of its own: its constant 2/sqrt(pi)
/// is irrational, so it lives in the value (to the precision of T), and every
/// higher derivative of erf is a polynomial times erf' with integer
/// coefficients (erf'' = -2 a erf').
struct erf_slope_op {
  static constexpr std::string_view name = "erf'";
  template <class T>
  static constexpr T value(const T& a) {
    return static_cast<T>(math::kernel::two_over_sqrt_pi) * math::exp(-(a * a));
  }
  static constexpr auto derivative(const auto& x, const auto& y) { return -2 * x * y; }
};
inline constexpr tdiff::function<erf_slope_op> erf_slope{};

struct erf_op {
  TDIFF_DETAIL_MATH_OP(erf)
  static constexpr int at_zero = 0;
  static constexpr auto derivative(const auto& x, const auto&) { return erf_slope(x); }
};

struct erfc_op {
  TDIFF_DETAIL_MATH_OP(erfc)
  static constexpr int at_zero = 1;
  static constexpr auto derivative(const auto& x, const auto&) { return -erf_slope(x); }
};

struct asinh_op {
  TDIFF_DETAIL_MATH_OP(asinh)
  static constexpr int at_zero = 0;
  using inverse_of = sinh_op;  // asinh(sinh(a)) = a for every real a
  static constexpr auto derivative(const auto& x, const auto&) { return one(x) / sqrt(one(x) + x * x); }
};

struct acosh_op {
  TDIFF_DETAIL_MATH_OP(acosh)
  static constexpr int at_one = 0;
  static constexpr auto derivative(const auto& x, const auto&) { return one(x) / sqrt(x * x - one(x)); }
};

struct atanh_op {
  TDIFF_DETAIL_MATH_OP(atanh)
  static constexpr int at_zero = 0;
  static constexpr auto derivative(const auto& x, const auto&) { return one(x) / (one(x) - x * x); }
};

struct cbrt_op {
  TDIFF_DETAIL_MATH_OP(cbrt)
  static constexpr int at_zero = 0;
  static constexpr auto derivative(const auto&, const auto& y) { return one(y) / (3 * y * y); }
};

#undef TDIFF_DETAIL_MATH_OP

// ---------------------------------------------------------------- piecewise
// Derivatives at a kink or a tie follow PyTorch: abs'(0) = 0, min and max
// split the gradient evenly at a tie, where passes it to the branch it picks.

/// -1, 0 or 1 by the sign of a (sign(+-0) = +-0, sign(NaN) = NaN).
struct sign_op {
  static constexpr std::string_view name = "sign";
  static constexpr bool piecewise_constant = true;
  static constexpr int at_zero = 0;
  template <class T>
  static constexpr T value(const T& a) {
    return a > T(0) ? T(1) : a < T(0) ? T(-1) : a;
  }
};

struct abs_op {
  static constexpr std::string_view name = "abs";
  static constexpr int at_zero = 0;
  template <class T>
  static constexpr T value(const T& a) {
    return a < T(0) ? -a : a == T(0) ? T(0) : a;  // abs(-0) = +0
  }
  static constexpr auto derivative(const auto& x, const auto&) { return sign(x); }
};

struct atan2_op {  // atan2(y, x)
  static constexpr std::string_view name = "atan2";
  template <class T>
  static constexpr T value(const T& y, const T& x) {
    return math::atan2(y, x);
  }
  static constexpr auto derivative_a(const auto& y, const auto& x, const auto&) {
    return x / (x * x + y * y);
  }
  static constexpr auto derivative_b(const auto& y, const auto& x, const auto&) {
    return -y / (x * x + y * y);
  }
};

struct hypot_op {
  static constexpr std::string_view name = "hypot";
  template <class T>
  static constexpr T value(const T& a, const T& b) {
    return math::hypot(a, b);
  }
  static constexpr auto derivative_a(const auto& a, const auto&, const auto& h) { return a / h; }
  static constexpr auto derivative_b(const auto&, const auto& b, const auto& h) { return b / h; }
};

/// min and max propagate NaN (as torch.minimum and torch.maximum).
struct min_op {
  static constexpr std::string_view name = "min";
  template <class T>
  static constexpr T value(const T& a, const T& b) {
    return a != a ? a : b != b ? b : b < a ? b : a;
  }
  static constexpr rational fold(const rational& a, const rational& b) { return compare(b, a) < 0 ? b : a; }
  // 1 where a < b, 1/2 at a tie, 0 where b < a; the mirror image for b
  static constexpr auto derivative_a(const auto& a, const auto& b, const auto&) {
    return where(a < b, one(a), where(b < a, 0 * one(a), 0.5 * one(a)));
  }
  static constexpr auto derivative_b(const auto& a, const auto& b, const auto&) {
    return where(b < a, one(a), where(a < b, 0 * one(a), 0.5 * one(a)));
  }
};

struct max_op {
  static constexpr std::string_view name = "max";
  template <class T>
  static constexpr T value(const T& a, const T& b) {
    return a != a ? a : b != b ? b : a < b ? b : a;
  }
  static constexpr rational fold(const rational& a, const rational& b) { return compare(a, b) < 0 ? b : a; }
  static constexpr auto derivative_a(const auto& a, const auto& b, const auto&) {
    return where(b < a, one(a), where(a < b, 0 * one(a), 0.5 * one(a)));
  }
  static constexpr auto derivative_b(const auto& a, const auto& b, const auto&) {
    return where(a < b, one(a), where(b < a, 0 * one(a), 0.5 * one(a)));
  }
};

/// The comparisons: 1 where true, else 0 (a condition for where).
#define TDIFF_DETAIL_COMPARISON(op_name, text, test)                       \
  struct op_name {                                                         \
    static constexpr std::string_view name = text;                         \
    static constexpr bool piecewise_constant = true;                       \
    template <class T>                                                     \
    static constexpr T value(const T& a, const T& b) {                     \
      return a test b ? T(1) : T(0);                                       \
    }                                                                      \
    static constexpr rational fold(const rational& a, const rational& b) { \
      return {compare(a, b) test 0 ? 1 : 0, 1};                            \
    }                                                                      \
  };
TDIFF_DETAIL_COMPARISON(less_op, "<", <)
TDIFF_DETAIL_COMPARISON(less_equal_op, "<=", <=)
TDIFF_DETAIL_COMPARISON(greater_op, ">", >)
TDIFF_DETAIL_COMPARISON(greater_equal_op, ">=", >=)
#undef TDIFF_DETAIL_COMPARISON

}  // namespace tdiff::detail

#endif  // TDIFF_DETAIL_OPS_HPP
