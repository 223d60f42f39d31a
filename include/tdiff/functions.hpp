// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines the elementary functions of compile-time expressions: `sin cos tan
/// exp log sqrt tanh sinh cosh asin acos atan`.
///
/// Each function is an op tag holding its value rule (tdiff's constexpr math
/// for floating-point scalars, found by ADL for other types) and its
/// derivative rule, written once as a node of the derivative's vocabulary.
/// The rules close under differentiation: d tanh = 1 - tanh^2 uses the node
/// itself (`Y`), so every order of tanh is a polynomial in tanh.
#ifndef TDIFF_FUNCTIONS_HPP
#define TDIFF_FUNCTIONS_HPP

#include <tdiff/detail/math.hpp>
#include <tdiff/detail/schedule.hpp>
#include <tdiff/detail/simplify.hpp>
#include <tdiff/expression.hpp>

#include <cmath>
#include <concepts>
#include <string_view>
#include <type_traits>

namespace tdiff {
namespace detail {

// f(c) for an exact argument folds only where the result is exact.
template <class A, class Zero>
using zero_to = std::conditional_t<is_zero_v<A>, Zero, void>;

#define TDIFF_DETAIL_VALUE_RULE(fn)                         \
  template <class T>                                        \
  static constexpr T value(const T& a) {                    \
    if constexpr (std::floating_point<T>) {                 \
      return math::fn(a);                                   \
    } else {                                                \
      using std::fn;                                        \
      return fn(a);                                         \
    }                                                       \
  }

struct sin_op;
struct cos_op;
struct sinh_op;
struct cosh_op;
struct exp_op;

/// (1 - a^2)^(-1/2), shared by asin and acos.
template <class A>
using inverse_sqrt_one_minus_square_t =
    power_t<sum_t<constant<1>, product_t<constant<-1>, power_t<A, constant<2>>>>, constant<-1, 2>>;

struct sin_op {
  static constexpr std::string_view name = "sin";
  TDIFF_DETAIL_VALUE_RULE(sin)
  template <class A, class Y>
  using derivative = unary_t<cos_op, A>;
  template <class A>
  using simplify = zero_to<A, constant<0>>;
};

struct cos_op {
  static constexpr std::string_view name = "cos";
  TDIFF_DETAIL_VALUE_RULE(cos)
  template <class A, class Y>
  using derivative = product_t<constant<-1>, unary_t<sin_op, A>>;
  template <class A>
  using simplify = zero_to<A, constant<1>>;
};

struct tan_op {
  static constexpr std::string_view name = "tan";
  TDIFF_DETAIL_VALUE_RULE(tan)
  template <class A, class Y>  // 1 + tan^2
  using derivative = sum_t<constant<1>, power_t<Y, constant<2>>>;
  template <class A>
  using simplify = zero_to<A, constant<0>>;
};

struct exp_op {
  static constexpr std::string_view name = "exp";
  TDIFF_DETAIL_VALUE_RULE(exp)
  template <class A, class Y>
  using derivative = Y;
  template <class A>
  using simplify = zero_to<A, constant<1>>;
};

struct log_op {
  static constexpr std::string_view name = "log";
  TDIFF_DETAIL_VALUE_RULE(log)
  template <class A, class Y>
  using derivative = power_t<A, constant<-1>>;
  template <class A>
  struct simplify_impl {
    using type = std::conditional_t<is_one_v<A>, constant<0>, void>;
  };
  template <class A>
  struct simplify_impl<unary<exp_op, A>> {  // log(exp(a)) = a for every real a
    using type = A;
  };
  template <class A>
  using simplify = typename simplify_impl<A>::type;
};

struct sinh_op {
  static constexpr std::string_view name = "sinh";
  TDIFF_DETAIL_VALUE_RULE(sinh)
  template <class A, class Y>
  using derivative = unary_t<cosh_op, A>;
  template <class A>
  using simplify = zero_to<A, constant<0>>;
};

struct cosh_op {
  static constexpr std::string_view name = "cosh";
  TDIFF_DETAIL_VALUE_RULE(cosh)
  template <class A, class Y>
  using derivative = unary_t<sinh_op, A>;
  template <class A>
  using simplify = zero_to<A, constant<1>>;
};

struct tanh_op {
  static constexpr std::string_view name = "tanh";
  TDIFF_DETAIL_VALUE_RULE(tanh)
  template <class A, class Y>  // 1 - tanh^2
  using derivative = sum_t<constant<1>, product_t<constant<-1>, power_t<Y, constant<2>>>>;
  template <class A>
  using simplify = zero_to<A, constant<0>>;
};

struct asin_op {
  static constexpr std::string_view name = "asin";
  TDIFF_DETAIL_VALUE_RULE(asin)
  template <class A, class Y>
  using derivative = inverse_sqrt_one_minus_square_t<A>;
  template <class A>
  using simplify = zero_to<A, constant<0>>;
};

struct acos_op {
  static constexpr std::string_view name = "acos";
  TDIFF_DETAIL_VALUE_RULE(acos)
  template <class A, class Y>
  using derivative = product_t<constant<-1>, inverse_sqrt_one_minus_square_t<A>>;
};

struct atan_op {
  static constexpr std::string_view name = "atan";
  TDIFF_DETAIL_VALUE_RULE(atan)
  template <class A, class Y>  // 1 / (1 + a^2)
  using derivative = power_t<sum_t<constant<1>, power_t<A, constant<2>>>, constant<-1>>;
  template <class A>
  using simplify = zero_to<A, constant<0>>;
};

#undef TDIFF_DETAIL_VALUE_RULE

// Each op is found again from its name hash when a schedule is evaluated.
#define TDIFF_DETAIL_REGISTER(op)                 \
  template <>                                     \
  struct op_with_id<hash_text(op::name)> {        \
    using type = op;                              \
  };
TDIFF_DETAIL_REGISTER(sin_op)
TDIFF_DETAIL_REGISTER(cos_op)
TDIFF_DETAIL_REGISTER(tan_op)
TDIFF_DETAIL_REGISTER(exp_op)
TDIFF_DETAIL_REGISTER(log_op)
TDIFF_DETAIL_REGISTER(sinh_op)
TDIFF_DETAIL_REGISTER(cosh_op)
TDIFF_DETAIL_REGISTER(tanh_op)
TDIFF_DETAIL_REGISTER(asin_op)
TDIFF_DETAIL_REGISTER(acos_op)
TDIFF_DETAIL_REGISTER(atan_op)
#undef TDIFF_DETAIL_REGISTER

template <class Op, class E>
constexpr auto apply_unary(const E& e) {
  return expr<unary_t<Op, typename E::node_type>, typename E::constants_type>{e.constants};
}

}  // namespace detail

#define TDIFF_DETAIL_FUNCTION(fn, doc)                    \
  /** doc */                                              \
  template <expression E>                                 \
  constexpr auto fn(const E& e) {                         \
    return detail::apply_unary<detail::fn##_op>(e);       \
  }
TDIFF_DETAIL_FUNCTION(sin, The sine.)
TDIFF_DETAIL_FUNCTION(cos, The cosine.)
TDIFF_DETAIL_FUNCTION(tan, The tangent.)
TDIFF_DETAIL_FUNCTION(exp, e raised to the expression.)
TDIFF_DETAIL_FUNCTION(log, The natural logarithm.)
TDIFF_DETAIL_FUNCTION(sinh, The hyperbolic sine.)
TDIFF_DETAIL_FUNCTION(cosh, The hyperbolic cosine.)
TDIFF_DETAIL_FUNCTION(tanh, The hyperbolic tangent.)
TDIFF_DETAIL_FUNCTION(asin, The arc sine.)
TDIFF_DETAIL_FUNCTION(acos, The arc cosine.)
TDIFF_DETAIL_FUNCTION(atan, The arc tangent.)
#undef TDIFF_DETAIL_FUNCTION

/// The square root, as the power 1/2 (so its derivatives are powers too).
template <expression E>
constexpr auto sqrt(const E& e) {
  return pow(e, c<1, 2>);
}

}  // namespace tdiff

#endif  // TDIFF_FUNCTIONS_HPP
