// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines the smart constructors `sum_t`, `product_t`, `power_t` and
/// `unary_t`: every node of an expression is built through them, so types are
/// simplified as they are built.
///
/// Invariants kept by the constructors (and relied on by the printer):
///  * an exact constant inside a product is its leftmost factor (the
///    coefficient), and a product never has coefficient 0 or 1;
///  * no sum has a 0 operand, no power has exponent 0 or 1;
///  * two exact constants never meet in a sum, product or integer power: they
///    are folded exactly.
#ifndef TDIFF_DETAIL_SIMPLIFY_HPP
#define TDIFF_DETAIL_SIMPLIFY_HPP

#include <tdiff/detail/nodes.hpp>

#include <type_traits>

namespace tdiff::detail {

template <class A, class B>
struct sum_impl;
template <class A, class B>
struct product_impl;
template <class B, class E>
struct power_impl;
template <class Op, class A>
struct unary_impl;

template <class A, class B>
using sum_t = typename sum_impl<A, B>::type;
template <class A, class B>
using product_t = typename product_impl<A, B>::type;
template <class B, class E>
using power_t = typename power_impl<B, E>::type;
template <class Op, class A>
using unary_t = typename unary_impl<Op, A>::type;
template <class Op, class A, class B>
struct binary_impl;
template <class Op, class A, class B>
using binary_t = typename binary_impl<Op, A, B>::type;
template <class C, class A, class B>
struct select_impl;
template <class C, class A, class B>
using select_t = typename select_impl<C, A, B>::type;

// --------------------------------------------------- coefficient splitting

/// A node seen as coefficient * rest, with `rest` free of an exact factor.
template <class N>
struct split {
  static constexpr rational coef{1, 1};
  using rest = N;
};
template <std::intmax_t P, std::intmax_t Q>
struct split<constant<P, Q>> {
  static constexpr rational coef{P, Q};
  using rest = constant<1>;
};
template <std::intmax_t P, std::intmax_t Q, class R>
struct split<product<constant<P, Q>, R>> {
  static constexpr rational coef{P, Q};
  using rest = R;
};

/// coef * N, re-splitting N so the coefficient invariant holds.
template <rational C, class N>
struct scaled {
  static constexpr rational c = C * split<N>::coef;
  using rest = typename split<N>::rest;
  static constexpr auto pick() {
    if constexpr (c.ok && c.p == 0)
      return type_is<constant<0>>{};
    else if constexpr (is_one_v<rest>)
      return type_is<constant_of_t<c>>{};
    else if constexpr (c.ok && c.p == 1 && c.q == 1)
      return type_is<rest>{};
    else
      return type_is<product<constant_of_t<c>, rest>>{};
  }
  using type = typename decltype(pick())::type;
};
template <rational C, class N>
using scaled_t = typename scaled<C, N>::type;

// -------------------------------------------------------------------- sums

template <class A, class B>
inline constexpr bool like_terms_v = std::is_same_v<typename split<A>::rest, typename split<B>::rest>;

template <class A, class B>
struct sum_impl {
  static constexpr auto pick() {
    if constexpr (is_zero_v<A>)
      return type_is<B>{};
    else if constexpr (is_zero_v<B>)
      return type_is<A>{};
    else if constexpr (like_terms_v<A, B>)  // 3x + 4x = 7x, 2 + 1/3 = 7/3
      return type_is<scaled_t<split<A>::coef + split<B>::coef, typename split<A>::rest>>{};
    else
      return type_is<sum<A, B>>{};
  }
  using type = typename decltype(pick())::type;
};

/// (a + b) + c merges c into a or b when it is a like term of either.
template <class A1, class A2, class B>
struct sum_impl<sum<A1, A2>, B> {
  static constexpr auto pick() {
    if constexpr (is_zero_v<B>)
      return type_is<sum<A1, A2>>{};
    else if constexpr (like_terms_v<A2, B>)
      return type_is<sum_t<A1, sum_t<A2, B>>>{};
    else if constexpr (like_terms_v<A1, B>)
      return type_is<sum_t<sum_t<A1, B>, A2>>{};
    else
      return type_is<sum<sum<A1, A2>, B>>{};
  }
  using type = typename decltype(pick())::type;
};

// ---------------------------------------------------------------- products

/// Base and exponent of a factor: x^3 is (x, 3), x is (x, 1).
template <class N>
struct base_exponent {
  using base = N;
  using exponent = constant<1>;
};
template <class B, class E>
struct base_exponent<power<B, E>> {
  using base = B;
  using exponent = E;
};

/// Whether B = b1 * b2 with b1 a power of A's base; then `type` is the merged
/// product (a * b1) * b2.
template <class A, class B>
struct first_factor_shares_base : std::false_type {};
template <class A, class B1, class B2>
requires std::is_same_v < typename base_exponent<A>::base,
typename base_exponent<B1>::base > struct first_factor_shares_base<A, product<B1, B2>> : std::true_type {
  using type = product_t<product_t<A, B1>, B2>;
};

/// Product of two coefficient-free factors.
template <class A, class B>
struct product_core {
  using ea = base_exponent<A>;
  using eb = base_exponent<B>;
  static constexpr auto pick() {
    if constexpr (is_one_v<A>)
      return type_is<B>{};
    else if constexpr (is_one_v<B>)
      return type_is<A>{};
    else if constexpr (std::is_same_v<typename ea::base, typename eb::base>)  // x^a x^b = x^(a+b)
      return type_is<power_t<typename ea::base, sum_t<typename ea::exponent, typename eb::exponent>>>{};
    else if constexpr (first_factor_shares_base<A, B>::value)  // x (x y) = x^2 y
      return type_is<typename first_factor_shares_base<A, B>::type>{};
    else if constexpr (is_variable_free<B>::value && !is_variable_free<A>::value)
      return type_is<product<B, A>>{};  // run-time constants to the front: 2*x
    else
      return type_is<product<A, B>>{};
  }
  using type = typename decltype(pick())::type;
};

template <class A, class B>
struct product_impl {
  static constexpr rational c = split<A>::coef * split<B>::coef;
  static constexpr auto pick() {
    if constexpr (c.ok && c.p == 0)
      return type_is<constant<0>>{};
    else
      return type_is<
          scaled_t<c, typename product_core<typename split<A>::rest, typename split<B>::rest>::type>>{};
  }
  using type = typename decltype(pick())::type;
};

// ------------------------------------------------------------------ powers

template <class B, class E>
struct power_impl {
  static constexpr auto pick() {
    if constexpr (is_zero_v<E> || is_one_v<B>)
      return type_is<constant<1>>{};
    else if constexpr (is_one_v<E>)
      return type_is<B>{};
    else if constexpr (is_integer_constant_v<E>)
      return integer_power();
    else
      return type_is<power<B, E>>{};
  }
  // B^n for an integer n: fold constants exactly, (b^m)^n = b^(mn),
  // (c*r)^n = c^n * r^n.
  static constexpr auto integer_power() {
    constexpr std::intmax_t n = value_of_v<E>.p;
    if constexpr (is_constant_v<B>)
      return type_is<constant_of_t<rational_power(value_of_v<B>, n)>>{};
    else if constexpr (!(split<B>::coef.p == 1 && split<B>::coef.q == 1))
      return type_is<
          product_t<constant_of_t<rational_power(split<B>::coef, n)>, power_t<typename split<B>::rest, E>>>{};
    else if constexpr (!std::is_same_v<typename base_exponent<B>::base, B> &&
                       is_constant_v<typename base_exponent<B>::exponent>)  // (b^r)^n = b^(rn)
      return type_is<
          power_t<typename base_exponent<B>::base,
                  constant_of_t<value_of_v<typename base_exponent<B>::exponent> * rational{n, 1}>>>{};
    else
      return type_is<power<B, E>>{};
  }
  using type = typename decltype(pick())::type;
};

// --------------------------------------------------------------- functions

/// Ops may fold exact arguments (exp(0) = 1, log(1) = 0): fold_unary<Op, A>
/// is specialised in functions.hpp, yielding a node or `void`.
template <class Op, class A>
struct fold_unary;

template <class Op, class A>
struct unary_impl {
  using folded = typename fold_unary<Op, A>::type;
  using type = std::conditional_t<std::is_void_v<folded>, unary<Op, A>, folded>;
};

/// Ops of two arguments fold two exact constants when they say how
/// (`fold(rational, rational)`: comparisons, min, max).
template <class Op, class A, class B>
struct binary_impl {
  static constexpr auto pick() {
    if constexpr (is_constant_v<A> && is_constant_v<B> && requires { Op::fold(rational{}, rational{}); })
      return type_is<constant_of_t<Op::fold(value_of_v<A>, value_of_v<B>)>>{};
    else
      return type_is<binary<Op, A, B>>{};
  }
  using type = typename decltype(pick())::type;
};

/// where(c, a, a) = a; an exact condition picks its branch.
template <class C, class A, class B>
struct select_impl {
  static constexpr auto pick() {
    if constexpr (std::is_same_v<A, B>)
      return type_is<A>{};
    else if constexpr (is_constant_v<C>)
      return type_is<std::conditional_t<value_of_v<C>.p != 0, A, B>>{};
    else
      return type_is<select<C, A, B>>{};
  }
  using type = typename decltype(pick())::type;
};

}  // namespace tdiff::detail

#endif  // TDIFF_DETAIL_SIMPLIFY_HPP
