// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines the elementary functions of compile-time expressions: `sin cos tan
/// exp log sqrt tanh sinh cosh asin acos atan`.
///
/// Each function is an op tag of detail/ops.hpp, shared with the runtime mode:
/// its value rule (tdiff's constexpr math for floating-point scalars) and its
/// derivative rule, written once and applied here to expressions. The rules
/// close under differentiation: d tanh = 1 - tanh^2 uses the node itself, so
/// every order of tanh is a polynomial in tanh.
#ifndef TDIFF_FUNCTIONS_HPP
#define TDIFF_FUNCTIONS_HPP

#include <tdiff/detail/math.hpp>
#include <tdiff/detail/ops.hpp>
#include <tdiff/detail/schedule.hpp>
#include <tdiff/detail/simplify.hpp>
#include <tdiff/expression.hpp>

#include <cmath>
#include <concepts>
#include <string_view>
#include <type_traits>

namespace tdiff {
namespace detail {

/// Exact values at exact arguments: sin(0) = 0, cos(0) = 1, log(1) = 0,
/// log(exp(a)) = a, ... (`void`: no simplification).
template <class Op, class A>
struct fold_unary {
  using type = void;
};
template <class A>
using zero_if_zero = std::conditional_t<is_zero_v<A>, constant<0>, void>;
template <class A>
using one_if_zero = std::conditional_t<is_zero_v<A>, constant<1>, void>;
template <class A>
struct fold_unary<sin_op, A> : type_is<zero_if_zero<A>> {};
template <class A>
struct fold_unary<tan_op, A> : type_is<zero_if_zero<A>> {};
template <class A>
struct fold_unary<sinh_op, A> : type_is<zero_if_zero<A>> {};
template <class A>
struct fold_unary<tanh_op, A> : type_is<zero_if_zero<A>> {};
template <class A>
struct fold_unary<asin_op, A> : type_is<zero_if_zero<A>> {};
template <class A>
struct fold_unary<atan_op, A> : type_is<zero_if_zero<A>> {};
template <class A>
struct fold_unary<cos_op, A> : type_is<one_if_zero<A>> {};
template <class A>
struct fold_unary<cosh_op, A> : type_is<one_if_zero<A>> {};
template <class A>
struct fold_unary<exp_op, A> : type_is<one_if_zero<A>> {};
template <class A>
struct fold_unary<log_op, A> : type_is<std::conditional_t<is_one_v<A>, constant<0>, void>> {};
template <class A>
struct fold_unary<log_op, unary<exp_op, A>> : type_is<A> {};  // for every real a

/// d op(a) / da as a node: the op's generic rule applied to expressions.
template <class Op, class A, class Y>
struct op_derivative {
  using type = typename decltype(Op::rule(expr<A>{}, expr<Y>{}))::node_type;
};

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
