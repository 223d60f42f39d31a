// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `tdiff::derivative`, `tdiff::gradient`, `tdiff::hessian` and
/// `tdiff::jacobian`.
///
/// A derivative is a new expression type, computed by the compiler and
/// simplified as it is built; its run-time constants are those of the
/// differentiated expression that it still reads, at their slot numbers
/// (see detail::prune).
#ifndef TDIFF_DERIVATIVE_HPP
#define TDIFF_DERIVATIVE_HPP

#include <tdiff/detail/derivative.hpp>
#include <tdiff/detail/taylor.hpp>
#include <tdiff/expression.hpp>
#include <tdiff/functions.hpp>

#include <boost/hana/tuple.hpp>
#include <boost/hana/unpack.hpp>

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

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

/// x, or the placeholder of a scalar that is no longer read.
template <bool Keep, std::size_t I, class T>
constexpr auto keep_if(const T& x) {
  if constexpr (Keep)
    return x;
  else
    return unused<typename scalar_of<T>::type, I>{};
}

/// Whether node N reads each of the slots 0 .. Size - 1 (computed once per
/// node: clang++ counts every step of a constant evaluation, and a constexpr
/// Hessian of 32 variables passed its limit when each prune recomputed it).
template <class N, std::size_t Size>
inline constexpr auto slots_read_v = [] {
  constexpr auto& bits = slot_set<N>::bits;
  std::array<bool, Size> read{};
  for (std::size_t i = 0; i < Size; ++i) read[i] = i / 64 < bits.size() && (bits[i / 64] >> (i % 64) & 1);
  return read;
}();

/// c with the scalars that node N does not read replaced by empty
/// placeholders: a derivative keeps its expression's slot numbers but
/// stores only the scalars it reads (d^2/dx^2 of 100 (y - x^2)^2 + (1 - x)^2
/// one of the two), so gradients and Hessians of expressions with many
/// numbers stay small to copy and to compile.
template <class N, class... Ts>
constexpr auto prune(const values<Ts...>& c) {
  if constexpr (slot_count<N>::value == 0)
    return values<>{};  // reads none (most of a Hessian): no scalars at all
  else
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
      constexpr auto& read = slots_read_v<N, sizeof...(Ts)>;
      using R = values<decltype(keep_if<read[I], I>(get<I>(c)))...>;
      return R{{leaf<I, decltype(keep_if<read[I], I>(get<I>(c)))>{keep_if<read[I], I>(get<I>(c))}...}};
    }
  (std::index_sequence_for<Ts...>{});
}

}  // namespace detail

/// The Order-th derivative of f with respect to the variable x (Order = 1 by
/// default): `derivative<4>(f, x)`. Order 1 is the symbolic derivative; a
/// higher order is a node evaluated through Taylor coefficients and printed
/// as the symbolic derivative, or, when it has no variable left, the exact
/// constant or run-time number itself (see detail/taylor.hpp).
template <std::size_t Order = 1, class F, class X>
constexpr auto derivative(const F& f, const X&) {
  if constexpr (detail::check_derivative_arguments<F, X>()) {
    using node = detail::make_derivative_t<typename F::node_type, typename X::node_type, Order>;
    if constexpr (detail::size_v<typename F::constants_type> == 0)
      return expr<node, typename F::constants_type>{f.constants};
    else
      return expr<node, decltype(detail::prune<node>(f.constants))>{detail::prune<node>(f.constants)};
  }
}

/// The mixed partial derivative d^n f / dx1 dx2 ... dxn, differentiating by x1
/// first: `derivative(g, x, y, x)`.
template <class F, class X1, class X2, class... Xs>
constexpr auto derivative(const F& f, const X1& x1, const X2& x2, const Xs&... xs) {
  if constexpr (detail::check_derivative_arguments<F, X1, X2, Xs...>())
    return derivative(derivative(f, x1), x2, xs...);
}

namespace detail {

/// Row R of the Hessian: d2f/dxR dxC for each C, the pair (R, C) built as
/// (min, max), so that each symmetric pair is one type.
template <std::size_t R, class F, class Vars, std::size_t... C>
constexpr auto hessian_row(const F& f, const Vars& vars, std::index_sequence<C...>) {
  constexpr auto element = []<std::size_t A, std::size_t B>(const F& g, const Vars& v) {
    return derivative(derivative(g, std::get<(A < B ? A : B)>(v)), std::get<(A < B ? B : A)>(v));
  };
  return boost::hana::make_tuple(element.template operator()<R, C>(f, vars)...);
}

}  // namespace detail

/// The gradient (df/dx1, ..., df/dxn), as a boost::hana::tuple of expressions;
/// a vector variable among the xs stands for its components, in order.
template <class F, class... Xs>
constexpr auto gradient(const F& f, const Xs&... xs) {
  static_assert(sizeof...(Xs) > 0, "tdiff: gradient: name at least one variable");
  return detail::with_scalar_variables(
      [&](const auto&... x) {
        if constexpr (detail::check_derivative_arguments<F, std::remove_cvref_t<decltype(x)>...>())
          return boost::hana::make_tuple(derivative(f, x)...);
      },
      xs...);
}

/// The Hessian: a hana::tuple of rows, row i holding d2f/dxi dxj; each
/// symmetric pair is built once. Vector variables as in gradient.
template <class F, class... Xs>
constexpr auto hessian(const F& f, const Xs&... xs) {
  static_assert(sizeof...(Xs) > 0, "tdiff: hessian: name at least one variable");
  return detail::with_scalar_variables(
      [&](const auto&... x) {
        if constexpr (detail::check_derivative_arguments<F, std::remove_cvref_t<decltype(x)>...>()) {
          const std::tuple vars{x...};
          return [&]<std::size_t... R>(std::index_sequence<R...>) {
            return boost::hana::make_tuple(
                detail::hessian_row<R>(f, vars, std::index_sequence_for<decltype(x)...>{})...);
          }
          (std::index_sequence_for<decltype(x)...>{});
        }
      },
      xs...);
}

/// The Jacobian of the functions fs (a boost::hana::tuple of expressions): a
/// hana::tuple of their gradients, one row per function.
template <class... Fs, class... Xs>
constexpr auto jacobian(const boost::hana::tuple<Fs...>& fs, const Xs&... xs) {
  static_assert(sizeof...(Fs) > 0, "tdiff: jacobian: give at least one function");
  return boost::hana::unpack(
      fs, [&](const auto&... f) { return boost::hana::make_tuple(gradient(f, xs...)...); });
}

}  // namespace tdiff

#endif  // TDIFF_DERIVATIVE_HPP
