// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `tdiff::derivative`, `tdiff::gradient` and `tdiff::hessian`.
///
/// A derivative is a new expression type, computed by the compiler and
/// simplified as it is built; its run-time constants are those of the
/// differentiated expression.
#ifndef TDIFF_DERIVATIVE_HPP
#define TDIFF_DERIVATIVE_HPP

#include <tdiff/detail/derivative.hpp>
#include <tdiff/expression.hpp>
#include <tdiff/functions.hpp>

#include <boost/hana/tuple.hpp>

#include <cstddef>
#include <type_traits>

namespace tdiff {
namespace detail {

template <class T>
inline constexpr bool is_variable_expr_v = false;
template <class N, class C>
inline constexpr bool is_variable_expr_v<expr<N, C>> = is_variable_v<N>;

template <class F, class... Vs>
constexpr bool check_derivative_arguments() {
  static_assert(expression<F>, "tdiff: derivative: the function to differentiate must be a tdiff expression");
  static_assert((is_variable_expr_v<Vs> && ...),
                "tdiff: derivative: can only differentiate with respect to a variable, "
                "as in derivative(f, x) with constexpr auto x = tdiff::var<\"x\">");
  return expression<F> && (is_variable_expr_v<Vs> && ...);
}

}  // namespace detail

/// The Order-th derivative of f with respect to the variable x (Order = 1 by
/// default): `derivative<4>(f, x)`. Built by recursive instantiation.
template <std::size_t Order = 1, class F, class X>
constexpr auto derivative(const F& f, const X&) {
  if constexpr (detail::check_derivative_arguments<F, X>()) {
    using node = typename detail::nth_derivative<typename F::node_type, typename X::node_type, Order>::type;
    return expr<node, typename F::constants_type>{f.constants};
  }
}

/// The mixed partial derivative d^n f / dx1 dx2 ... dxn, differentiating by x1
/// first: `derivative(g, x, y, x)`.
template <class F, class X1, class X2, class... Xs>
constexpr auto derivative(const F& f, const X1& x1, const X2& x2, const Xs&... xs) {
  if constexpr (detail::check_derivative_arguments<F, X1, X2, Xs...>())
    return derivative(derivative(f, x1), x2, xs...);
}

/// The gradient (df/dx1, ..., df/dxn), as a boost::hana::tuple of expressions.
template <class F, class... Xs>
constexpr auto gradient(const F& f, const Xs&... xs) {
  static_assert(sizeof...(Xs) > 0, "tdiff: gradient: name at least one variable");
  if constexpr (detail::check_derivative_arguments<F, Xs...>())
    return boost::hana::make_tuple(derivative(f, xs)...);
}

/// The Hessian: a hana::tuple of rows, row i holding d/dxj (df/dxi).
template <class F, class... Xs>
constexpr auto hessian(const F& f, const Xs&... xs) {
  static_assert(sizeof...(Xs) > 0, "tdiff: hessian: name at least one variable");
  if constexpr (detail::check_derivative_arguments<F, Xs...>())
    return boost::hana::make_tuple(gradient(derivative(f, xs), xs...)...);
}

}  // namespace tdiff

#endif  // TDIFF_DERIVATIVE_HPP
