// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines the elementary functions of compile-time expressions: `tdiff::exp`,
/// `tdiff::log`, `tdiff::sqrt`.
///
/// Each function is an op tag with its value rule (constexpr math) and its
/// derivative rule, written once, as a node of the derivative's vocabulary.
#ifndef TDIFF_FUNCTIONS_HPP
#define TDIFF_FUNCTIONS_HPP

#include <tdiff/detail/math.hpp>
#include <tdiff/detail/simplify.hpp>
#include <tdiff/expression.hpp>

#include <string_view>
#include <type_traits>

namespace tdiff {
namespace detail {

struct exp_op {
  static constexpr std::string_view name = "exp";
  template <class T>
  static constexpr T value(const T& a) {
    return math::exp(a);
  }
  /// d exp(a) / da = exp(a): the node itself (Y).
  template <class A, class Y>
  using derivative = Y;
  /// exp(0) = 1, exp(log a) is left alone (it is a only for a > 0).
  template <class A>
  using simplify = std::conditional_t<is_zero_v<A>, constant<1>, void>;
};

struct log_op {
  static constexpr std::string_view name = "log";
  template <class T>
  static constexpr T value(const T& a) {
    return math::log(a);
  }
  /// d log(a) / da = 1/a.
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

template <class Op, class E>
constexpr auto apply_unary(const E& e) {
  return expr<unary_t<Op, typename E::node_type>, typename E::constants_type>{e.constants};
}

}  // namespace detail

/// e raised to the expression.
template <expression E>
constexpr auto exp(const E& e) {
  return detail::apply_unary<detail::exp_op>(e);
}

/// The natural logarithm of the expression.
template <expression E>
constexpr auto log(const E& e) {
  return detail::apply_unary<detail::log_op>(e);
}

/// The square root, as the power 1/2 (so its derivatives are powers too).
template <expression E>
constexpr auto sqrt(const E& e) {
  return pow(e, c<1, 2>);
}

}  // namespace tdiff

#endif  // TDIFF_FUNCTIONS_HPP
