// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `derivative_t<N, V>`: the node of dN/dV, built through the smart
/// constructors so that it is simplified as it is built.
///
/// Each instantiation is keyed on a node type, so the compiler computes the
/// derivative of each distinct subexpression once, however often it is shared.
#ifndef TDIFF_DETAIL_DERIVATIVE_HPP
#define TDIFF_DETAIL_DERIVATIVE_HPP

#include <tdiff/detail/nodes.hpp>
#include <tdiff/detail/op.hpp>
#include <tdiff/detail/simplify.hpp>

#include <cstddef>

namespace tdiff::detail {

struct log_op;  // natural logarithm, defined in functions.hpp

template <class N, class V>
struct derivative_impl;

template <class N, class V>
using derivative_t = typename derivative_impl<N, V>::type;

template <class N, class V>
struct derivative_rule;  // N depends on V

template <class N, class V>
struct derivative_impl {
  static constexpr auto pick() {
    if constexpr (depends_on<N, V>::value)
      return type_is<typename derivative_rule<N, V>::type>{};
    else
      return type_is<constant<0>>{};  // also every constant and slot
  }
  using type = typename decltype(pick())::type;
};

template <class V>
struct derivative_rule<V, V> {
  using type = constant<1>;
};

template <class A, class B, class V>
struct derivative_rule<sum<A, B>, V> {
  using type = sum_t<derivative_t<A, V>, derivative_t<B, V>>;
};

template <class A, class B, class V>
struct derivative_rule<product<A, B>, V> {
  using type = sum_t<product_t<derivative_t<A, V>, B>, product_t<A, derivative_t<B, V>>>;
};

template <class B, class E, class V>
struct derivative_rule<power<B, E>, V> {
  static constexpr auto pick() {
    if constexpr (!depends_on<E, V>::value)  // (b^e)' = e b^(e-1) b'
      return type_is<product_t<E, product_t<power_t<B, sum_t<E, constant<-1>>>, derivative_t<B, V>>>>{};
    else  // (b^e)' = b^e (e' log b + e b'/b)
      return type_is<product_t<
          power<B, E>, sum_t<product_t<derivative_t<E, V>, unary_t<log_op, B>>,
                             product_t<E, product_t<derivative_t<B, V>, power_t<B, constant<-1>>>>>>>{};
  }
  using type = typename decltype(pick())::type;
};

/// d op(a) / da as a node, from the op's generic rule (see functions.hpp).
template <class Op, class A, class Y>
struct op_derivative;

/// f(a)' = f'(a) a' (0 for a piecewise constant f, such as sign).
template <class Op, class A, class V>
struct derivative_rule<unary<Op, A>, V> {
  static constexpr auto pick() {
    if constexpr (piecewise_constant<Op>)
      return type_is<constant<0>>{};
    else
      return type_is<product_t<typename op_derivative<Op, A, unary<Op, A>>::type, derivative_t<A, V>>>{};
  }
  using type = typename decltype(pick())::type;
};

/// The partial derivative I (0: by a, 1: by b) of op(a, b) as a node (see
/// functions.hpp).
template <class Op, int I, class A, class B>
struct op_partial;

/// f(a, b)' = f_a a' + f_b b', each term only where its operand depends on V.
template <class Op, class A, class B, class V>
struct derivative_rule<binary<Op, A, B>, V> {
  template <int I, class X>
  static constexpr auto term() {
    if constexpr (depends_on<X, V>::value)
      return type_is<product_t<typename op_partial<Op, I, A, B>::type, derivative_t<X, V>>>{};
    else
      return type_is<constant<0>>{};
  }
  static constexpr auto pick() {
    if constexpr (piecewise_constant<Op>)
      return type_is<constant<0>>{};
    else
      return type_is<sum_t<typename decltype(term<0, A>())::type, typename decltype(term<1, B>())::type>>{};
  }
  using type = typename decltype(pick())::type;
};

/// where(c, a, b)' = where(c, a', b'): the gradient goes to the branch picked.
template <class C, class A, class B, class V>
struct derivative_rule<select<C, A, B>, V> {
  using type = select_t<C, derivative_t<A, V>, derivative_t<B, V>>;
};

/// The Nth derivative by recursive instantiation.
template <class N, class V, std::size_t Order>
struct nth_derivative {
  using type = derivative_t<typename nth_derivative<N, V, Order - 1>::type, V>;
};
template <class N, class V>
struct nth_derivative<N, V, 0> {
  using type = N;
};

}  // namespace tdiff::detail

#endif  // TDIFF_DETAIL_DERIVATIVE_HPP
